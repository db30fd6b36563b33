import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { checkInByButton, checkInByCode, openCheckIns, type CheckInDeps } from "./meeting.checkin.service.js";
import { CHECK_IN_PATTERN, checkInKeyboard } from "./meeting.staff.keyboards.js";
import { checkInText, openCheckInsText } from "./meeting.staff.texts.js";
import { editIfPossible } from "../../bot/edit-message.js";

/**
 * Check-in by invitees: `/hadir <code>` (the code staff show in the room) and `/hadir`
 * alone, which lists the meetings whose check-in is open for them with a «Saya hadir» button
 * each. The invitation message's own buttons are not touched here.
 */
export function checkInComposer(deps: CheckInDeps & { timeZone: string }): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  const zone = deps.timeZone;

  /** Someone the bot knows and may record: joined, not erased. */
  function personOf(ctx: BotContext): number | null {
    const actor = ctx.actor;
    if (!actor?.personId || actor.status === "erased") return null;
    return actor.personId;
  }

  privateChat.command(["hadir", "checkin"], async (ctx) => {
    const personId = personOf(ctx);
    if (personId === null) {
      await ctx.reply(ctx.t("common-not-joined"));
      return;
    }
    const lang = ctx.actor?.language ?? "id";
    const code = ctx.match.trim();
    if (code !== "") {
      const result = await checkInByCode(deps, { personId, code });
      ctx.log.info({ checkIn: result.kind, meetingId: "meetingId" in result ? result.meetingId : null }, "check-in by code");
      await ctx.reply(checkInText(ctx.t, lang, zone, result, code));
      return;
    }
    const open = await openCheckIns(deps, personId);
    const waiting = open.filter((m) => !m.checkedInAt);
    await ctx.reply(openCheckInsText(ctx.t, lang, zone, open, deps.window.beforeMinutes), {
      ...(waiting.length > 0 && { reply_markup: checkInKeyboard(ctx.t, waiting, open.length > 1) }),
    });
  });

  privateChat.callbackQuery(CHECK_IN_PATTERN, async (ctx) => {
    const personId = personOf(ctx);
    if (personId === null) {
      await ctx.answerCallbackQuery({ text: ctx.t("common-not-joined") });
      return;
    }
    const result = await checkInByButton(deps, { personId, meetingId: Number(ctx.match[1]) });
    ctx.log.info({ checkIn: result.kind, meetingId: Number(ctx.match[1]) }, "check-in by button");
    await ctx.answerCallbackQuery();
    if (result.kind === "checked-in" || result.kind === "already" || result.kind === "cancelled" || result.kind === "closed") {
      // The button has done its work (or can no longer): take it away, keep the other meetings' buttons.
      const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
      const rest = rows.map((row) => row.filter((b) => !("callback_data" in b) || b.callback_data !== ctx.callbackQuery.data)).filter((row) => row.length > 0);
      await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: rest } }));
    }
    await ctx.reply(checkInText(ctx.t, ctx.actor?.language ?? "id", zone, result));
  });

  return composer;
}
