import { startConversation } from "../../bot/conversation-start.js";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { createMeetingConversation, MEETING_CREATE_CONVERSATION } from "./meeting.create.conversation.js";
import { meetingDeps } from "./meeting.deps.js";
import { RSVP_PATTERN, RSVP_REASON_PATTERN, rsvpKeyboard } from "./meeting.keyboards.js";
import { MEETING_REASON_CONVERSATION, reasonConversation } from "./meeting.reason.conversation.js";
import type { RsvpAnswer } from "./meeting.repository.js";
import { answerInvitation, reasonAllowed, type RsvpRefusal } from "./meeting.rsvp.js";
import { invitationText } from "./meeting.texts.js";
import { staffOnly } from "../../bot/filters/is-staff.filter.js";
import { editIfPossible } from "../../bot/edit-message.js";

export { MEETING_CREATE_CONVERSATION } from "./meeting.create.conversation.js";

/** The text of a refused press, shown as an alert (the invitation message itself is left alone). */
function refusalKey(refusal: RsvpRefusal | { kind: "not-declined" }): string {
  switch (refusal.kind) {
    case "invalid":
      return "common-stale-button";
    case "cancelled":
      return "meeting-rsvp-cancelled";
    case "started":
      return "meeting-rsvp-started";
    case "not-declined":
      return "meeting-reason-not-declined";
  }
}

/** /undang (staff: a new meeting) and the invitee's buttons: Hadir / Tidak hadir / Mungkin and «Tulis alasan». */
export function meetingFeature(deps: FeatureDeps): Feature {
  const svc = meetingDeps(deps);
  const rsvp = { repo: svc.repo, clock: svc.clock };
  const composer = new Composer<BotContext>();

  // Checked again from the database inside the conversation and by the service on Kirim.
  composer.chatType("private").command(["undang", "invite"], staffOnly, (ctx) => startConversation(ctx, MEETING_CREATE_CONVERSATION));

  composer.callbackQuery(RSVP_PATTERN, async (ctx) => {
    const invitationId = Number(ctx.match[1]);
    const answer = ctx.match[2] as RsvpAnswer;
    const messageId = ctx.callbackQuery.message?.message_id;
    const result = await answerInvitation(rsvp, { invitationId, personId: ctx.actor?.personId ?? null, answer, ...(messageId !== undefined && { messageId }) });
    if (result.kind !== "answered") {
      ctx.log.info({ invitationId, refused: result.kind }, "rsvp refused");
      await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(result)), show_alert: true });
      // A cancelled or started meeting's buttons are taken away from the invitee's own message.
      if (result.kind !== "invalid") await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
      return;
    }
    if (result.changed) ctx.log.info({ invitationId, meetingId: result.meeting.id, answer }, "rsvp recorded");
    await ctx.answerCallbackQuery({ text: ctx.t(`meeting-rsvp-thanks-${answer}`) });
    const lang = ctx.actor?.language ?? "id";
    const text = invitationText(ctx.t, lang, svc.timeZone, result.meeting, result.head, result.answer, result.reason);
    // "message is not modified" when the same answer is pressed again: nothing to show.
    await editIfPossible(() => ctx.editMessageText(text, { reply_markup: rsvpKeyboard(ctx.t, invitationId, result.answer) }));
    // After «Tidak hadir» people type why without pressing «Tulis alasan»: ask at once, so the
    // typed text is taken as the reason — unless another conversation (say /lapor) is open.
    if (answer === "no" && result.changed && result.reason === null && Object.keys(ctx.conversation.active()).length === 0) {
      await ctx.conversation.enter(MEETING_REASON_CONVERSATION, invitationId, messageId ?? null);
    }
  });

  composer.callbackQuery(RSVP_REASON_PATTERN, async (ctx) => {
    const invitationId = Number(ctx.match[1]);
    const messageId = ctx.callbackQuery.message?.message_id;
    const allowed = await reasonAllowed(rsvp, { invitationId, personId: ctx.actor?.personId ?? null, ...(messageId !== undefined && { messageId }) });
    if (allowed.kind !== "ok") {
      await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(allowed)), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await startConversation(ctx, MEETING_REASON_CONVERSATION, invitationId, messageId ?? null);
  });

  return {
    name: "meeting",
    conversations: [
      { id: MEETING_CREATE_CONVERSATION, builder: createMeetingConversation(svc) },
      { id: MEETING_REASON_CONVERSATION, builder: reasonConversation({ ...rsvp, timeZone: svc.timeZone }) },
    ],
    composer,
  };
}
