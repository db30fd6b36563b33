import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, leaveForCommand, newNonce, otherwise, type BotConversation } from "../../bot/conversation-kit.js";
import { RSVP_PATTERN, RSVP_REASON_PATTERN, rsvpKeyboard, skipKeyboard } from "./meeting.keyboards.js";
import { saveReason, type RsvpDeps } from "./meeting.rsvp.js";
import { REASON_MAX } from "./meeting.service.js";
import { invitationText } from "./meeting.texts.js";
import { editIfPossible } from "../../bot/edit-message.js";
import { bestEffort } from "../../lib/best-effort.js";

/**
 * «Tulis alasan» after «Tidak hadir»: one optional answer (Lewati), stored on the invitation.
 * The right to answer is checked again by the service when saving.
 */
export const MEETING_REASON_CONVERSATION = "meeting-reason";

const MAX_ROUNDS = 5;

export function reasonConversation(svc: RsvpDeps & { timeZone: string }) {
  return async function meetingReason(
    conversation: BotConversation,
    ctx: ConversationContext,
    invitationId: number,
    messageId: number | null,
  ): Promise<void> {
    const nonce = await newNonce(conversation);
    const personId = await conversation.external((outer) => outer.actor?.personId ?? null);
    let prompt = ctx.t("meeting-reason-ask", { max: REASON_MAX });
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const tag = `${nonce}.${round}`;
      await ctx.reply(prompt, { reply_markup: skipKeyboard(tag, ctx.t) });
      const answer = await waitForReason(conversation, tag);
      ctx = answer.ctx;
      if (answer.kind === "button") await closeKeyboard(answer.ctx);
      const reason = answer.kind === "text" ? answer.text : null;
      const saved = await conversation.external(() => saveReason(svc, { invitationId, personId, reason, ...(messageId !== null && { messageId }) }));
      switch (saved.kind) {
        case "too-long":
          prompt = ctx.t("meeting-too-long", { length: saved.length, max: REASON_MAX });
          continue;
        case "answered": {
          await ctx.reply(ctx.t(saved.reason ? "meeting-reason-saved" : "meeting-reason-none"));
          if (messageId !== null && ctx.chat) {
            // The invitation shows the reason too; an old or deleted message is simply left as it is.
            const text = invitationText(ctx.t, ctx.locale, svc.timeZone, saved.meeting, saved.head, "no", saved.reason);
            const chatId = ctx.chat.id;
            await editIfPossible(() => ctx.api.editMessageText(chatId, messageId, text, { reply_markup: rsvpKeyboard(ctx.t, invitationId, "no") }));
          }
          return;
        }
        case "not-declined":
          await ctx.reply(ctx.t("meeting-reason-not-declined"));
          return;
        case "cancelled":
          await ctx.reply(ctx.t("meeting-rsvp-cancelled"));
          return;
        case "started":
          await ctx.reply(ctx.t("meeting-rsvp-started"));
          return;
        case "invalid":
          await ctx.reply(ctx.t("common-stale-button"));
          return;
      }
    }
    await ctx.reply(ctx.t("meeting-reason-gave-up"));
  };
}

type ReasonAnswer = { kind: "text"; ctx: ConversationContext; text: string } | { kind: "button"; ctx: ConversationContext };

/**
 * A typed reason or Lewati. A press on an invitation's answer buttons meanwhile ends this
 * step and is handled as a press (the invitee changed their mind), not refused as stale.
 */
async function waitForReason(conversation: BotConversation, tag: string): Promise<ReasonAnswer> {
  const skip = `${tag}:skip`;
  const isRsvp = (data: string | undefined) => data !== undefined && (RSVP_PATTERN.test(data) || RSVP_REASON_PATTERN.test(data));
  const ctx = await conversation.waitUntil(
    (c) => c.callbackQuery?.data === skip || isRsvp(c.callbackQuery?.data) || c.message?.text !== undefined,
    { otherwise: otherwise({ key: "meeting-reason-hint" }) },
  );
  // A command: the question is left and the command runs (nothing unsaved: the answer is stored).
  await leaveForCommand(conversation, ctx, { key: "meeting-reason-hint" });
  if (isRsvp(ctx.callbackQuery?.data)) await conversation.halt({ next: true });
  if (ctx.callbackQuery) {
    await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
    return { kind: "button", ctx };
  }
  return { kind: "text", ctx, text: ctx.message?.text ?? "" };
}
