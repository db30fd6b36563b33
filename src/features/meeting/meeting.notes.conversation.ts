import { InlineKeyboard } from "grammy";
import type { ConversationContext } from "../../bot/context.js";
import { buttonData, closeKeyboard, MAX_ROUNDS, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import { saveNotes, sendNotes, type NotesDeps } from "./meeting.notes.service.js";

export const MEETING_NOTES_CONVERSATION = "meeting-notes";

/**
 * After a meeting, staff write the decisions (notulen), then send them to the attendees or
 * not yet. New targets decided at the meeting are set with /target (source "bot").
 */
export function createMeetingNotesConversation(deps: NotesDeps) {
  return async function meetingNotesConversation(conversation: BotConversation, ctx: ConversationContext, meetingIdArg: unknown): Promise<void> {
    const meetingId = Number(meetingIdArg);
    const staffId = await conversation.external((outer) => (outer.actor?.isStaff ? outer.actor.personId : null));
    if (staffId === null) {
      await ctx.reply(ctx.t("common-not-allowed"));
      return;
    }
    const nonce = await newNonce(conversation);
    await ctx.reply(ctx.t("meeting-fgd-notes-ask"));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const answer = await waitForAnswer(conversation, nonce, { key: "meeting-fgd-notes-hint" });
      if (answer.kind !== "text") continue;
      const saved = await conversation.external(() => saveNotes(deps, meetingId, staffId, answer.text));
      if (saved.kind === "empty") {
        await ctx.reply(ctx.t("meeting-fgd-notes-hint"));
        continue;
      }
      if (saved.kind !== "saved") {
        await ctx.reply(ctx.t(saved.kind === "not-yet" ? "meeting-fgd-notes-not-yet" : saved.kind === "not-allowed" ? "common-not-allowed" : "meeting-staff-not-found"));
        return;
      }
      const keyboard = new InlineKeyboard().text(ctx.t("meeting-fgd-notes-send"), buttonData(nonce, "send")).text(ctx.t("meeting-fgd-notes-later"), buttonData(nonce, "later"));
      await ctx.reply(ctx.t("meeting-fgd-notes-saved"), { reply_markup: keyboard });
      const pressed = await waitForButton(conversation, nonce, { key: "meeting-fgd-notes-send-hint" });
      await closeKeyboard(pressed.ctx);
      if (pressed.action[0] !== "send") {
        await ctx.reply(ctx.t("meeting-fgd-notes-kept"));
        return;
      }
      const sent = await conversation.external(() => sendNotes(deps, meetingId, staffId));
      await ctx.reply(sent.kind === "sent" ? ctx.t("meeting-fgd-notes-sent", { count: String(sent.count) }) : ctx.t("common-not-allowed"));
      return;
    }
    await ctx.reply(ctx.t("meeting-fgd-notes-gave-up"));
  };
}
