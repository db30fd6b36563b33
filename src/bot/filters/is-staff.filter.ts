import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/**
 * The one grammY filter for staff commands and buttons: the sender's rights as resolved from
 * the database for this update by people.rights (a person who left or was erased is not
 * staff). Services check again from the database before they act.
 */
export function isStaff(ctx: BotContext): boolean {
  return staffPersonId(ctx) !== null;
}

/** The person id of a staff sender, or null for anyone else. */
export function staffPersonId(ctx: BotContext): number | null {
  return ctx.actor?.isStaff ? ctx.actor.personId : null;
}

/** Tells a non-staff sender they may not: an alert-less answer on a button, a reply to a command. */
export async function refuseNotStaff(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("common-not-allowed") });
  else await ctx.reply(ctx.t("common-not-allowed"));
}

/** Middleware for a staff-only command or button: staff go on, everyone else is told they may not. */
export const staffOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (isStaff(ctx)) await next();
  else await refuseNotStaff(ctx);
};
