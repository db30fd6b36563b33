import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { reminderDeps } from "./reminder.deps.js";
import { setReminders } from "./reminder.service.js";

/** /berhenti: no more weekly reminders; /mulai: reminders again. Each change is recorded as a privacy event. */
export function reminderFeature(deps: FeatureDeps): Feature {
  const svc = reminderDeps(deps);
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  async function choose(ctx: BotContext, on: boolean): Promise<void> {
    const actor = ctx.actor;
    if (!actor?.personId || actor.status === "erased") {
      await ctx.reply(ctx.t("common-not-joined"));
      return;
    }
    const result = await setReminders(svc, actor.personId, on);
    ctx.log.info({ personId: actor.personId, reminders: on ? "on" : "off", changed: result.kind === "changed" }, "reminder choice");
    const key = on ? "reminder-on" : "reminder-off";
    await ctx.reply(ctx.t(result.kind === "changed" ? key : `${key}-already`));
  }

  privateChat.command(["berhenti", "remindersoff"], (ctx) => choose(ctx, false));
  privateChat.command(["mulai", "reminderson"], (ctx) => choose(ctx, true));

  return { name: "reminder", composer };
}
