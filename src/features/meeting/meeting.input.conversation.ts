import { InlineKeyboard } from "grammy";
import type { ConversationContext } from "../../bot/context.js";
import { buttonData, closeKeyboard, MAX_ROUNDS, newNonce, waitForAnswer, type BotConversation } from "../../bot/conversation-kit.js";
import { inputRound, saveInput, type MeetingInputDeps } from "./meeting.input.service.js";

export const MEETING_INPUT_CONVERSATION = "meeting-input";

/**
 * An invitee's input before a meeting: groups' people are asked for achievements to highlight,
 * obstacles and proposals for next year; stakeholders for their input to the programme. Each
 * question shows the earlier answer and may be skipped (the earlier answer stays). Saved one
 * answer at a time, until the meeting starts.
 */
export function createMeetingInputConversation(deps: MeetingInputDeps) {
  return async function meetingInputConversation(conversation: BotConversation, ctx: ConversationContext, meetingIdArg: unknown): Promise<void> {
    const meetingId = Number(meetingIdArg);
    const personId = await conversation.external((outer) => outer.actor?.personId ?? null);
    const round = personId === null || !Number.isInteger(meetingId) ? ({ kind: "not-invited" } as const) : await conversation.external(() => inputRound(deps, meetingId, personId));
    if (round.kind !== "open" || personId === null) {
      await ctx.reply(ctx.t(round.kind === "closed" ? "meeting-fgd-input-closed" : "meeting-fgd-input-not-invited"));
      return;
    }
    const nonce = await newNonce(conversation);
    await ctx.reply(ctx.t("meeting-fgd-input-intro", { title: round.title }));
    let saved = 0;
    for (const topic of round.topics) {
      const before = round.answers[topic];
      const question = ctx.t(`meeting-fgd-q-${topic}`);
      const text = before === undefined ? question : `${question}\n\n${ctx.t("meeting-fgd-input-before", { text: before })}`;
      await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t(before === undefined ? "meeting-fgd-input-skip" : "meeting-fgd-input-keep"), buttonData(nonce, "skip", topic)) });
      for (let tries = 0; tries < MAX_ROUNDS; tries++) {
        const answer = await waitForAnswer(conversation, nonce, { key: "meeting-fgd-input-hint" });
        if (answer.kind === "button") {
          await closeKeyboard(answer.ctx);
          break;
        }
        const result = await conversation.external(() => saveInput(deps, meetingId, personId, topic, answer.text));
        if (result.kind === "saved") {
          saved++;
          break;
        }
        if (result.kind !== "empty") {
          await ctx.reply(ctx.t(result.kind === "closed" ? "meeting-fgd-input-closed" : "meeting-fgd-input-not-invited"));
          return;
        }
        await ctx.reply(ctx.t("meeting-fgd-input-hint"));
      }
    }
    await ctx.reply(ctx.t(saved > 0 ? "meeting-fgd-input-thanks" : "meeting-fgd-input-nothing"));
  };
}
