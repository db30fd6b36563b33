import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { createLoginToken, LOGIN_LINK_TTL_SECONDS } from "./console.auth.js";

/**
 * /konsol: a one-time link to the staff console for staff, admins and coordinators (read-only,
 * their own groups). The console re-reads the person's rights when the link is opened and at
 * every click, so this is only the door.
 */
export function consoleFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command(["konsol", "console"], async (ctx) => {
    const actor = ctx.actor;
    const allowed = actor?.personId && (actor.isStaff || actor.coordinatorGroupIds.length > 0);
    if (!actor?.personId || !allowed) return void (await ctx.reply(ctx.t("console-bot-not-allowed")));
    if (!deps.config.console) return void (await ctx.reply(ctx.t("console-bot-off")));
    const token = await createLoginToken(deps.redis, actor.personId);
    ctx.log.info({ personId: actor.personId }, "console link made");
    await ctx.reply(ctx.t("console-bot-link", { url: `${deps.config.console.url}/masuk/${token}`, minutes: LOGIN_LINK_TTL_SECONDS / 60 }), {
      link_preview_options: { is_disabled: true },
    });
  });
  return { name: "console", composer };
}
