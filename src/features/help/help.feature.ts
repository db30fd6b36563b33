import { Composer } from "grammy";
import { commandsFor } from "../../bot/commands.js";
import type { Feature } from "../../bot/feature.js";
import { mainRole } from "../people/people.service.js";

/** /bantuan: what this user can do, by role. Also the answer to text the bot does not expect. */
export function helpFeature(): Feature {
  const composer = new Composer<import("../../bot/context.js").BotContext>();
  composer.command(["bantuan", "help"], async (ctx) => {
    const role = mainRole(ctx.actor);
    const lines = commandsFor(role).map((command) => `/${command} — ${ctx.t(`cmd-${command}`)}`);
    await ctx.reply([ctx.t(`help-intro-${role}`), "", ...lines].join("\n"));
  });
  return { name: "help", composer };
}
