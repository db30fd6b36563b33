import { Composer, InlineKeyboard, InputFile } from "grammy";
import { startConversation } from "../../bot/conversation-start.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { refuseNotStaff, staffPersonId } from "../../bot/filters/is-staff.filter.js";
import { staffById } from "../people/people.rights.js";
import { briefingData } from "./meeting.briefing.service.js";
import { briefingXlsx } from "./meeting.briefing.xlsx.js";
import { createMeetingInputConversation, MEETING_INPUT_CONVERSATION } from "./meeting.input.conversation.js";
import { meetingInputDeps, requestInput } from "./meeting.input.service.js";
import { createMeetingNotesConversation, MEETING_NOTES_CONVERSATION } from "./meeting.notes.conversation.js";
import { briefingFileName, formatDateTime } from "./meeting.input.texts.js";

/** `mfgd:<action>:<meetingId>`: staff ask for input, get the briefing, write the notulen; invitees give input. */
export const FGD_PATTERN = /^mfgd:(ask|brief|notes|give):(\d{1,9})$/;
const data = (action: string, meetingId: number) => `mfgd:${action}:${meetingId}`;

/** The FGD row under a meeting in /rapat: ask for input, the briefing, the notulen. */
export function addFgdButtons(keyboard: InlineKeyboard, t: (key: string) => string, meetingId: number): InlineKeyboard {
  return keyboard
    .row()
    .text(t("meeting-fgd-btn-ask"), data("ask", meetingId))
    .text(t("meeting-fgd-btn-brief"), data("brief", meetingId))
    .text(t("meeting-fgd-btn-notes"), data("notes", meetingId));
}

/**
 * Before, at and after an FGD: staff ask the invitees for input (through the outgoing queue),
 * get the briefing file, and record the notulen; invitees answer with «Beri masukan».
 */
export function meetingInputFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();
  const inputDeps = meetingInputDeps(deps);
  const notesDeps = { prisma: deps.prisma, clock: deps.clock, enqueue: inputDeps.enqueue };

  composer.chatType("private").callbackQuery(FGD_PATTERN, async (ctx) => {
    const [, action, idText] = ctx.match;
    const meetingId = Number(idText);
    if (action === "give") {
      await ctx.answerCallbackQuery().catch(() => undefined);
      return startConversation(ctx, MEETING_INPUT_CONVERSATION, meetingId);
    }
    const by = staffPersonId(ctx);
    if (by === null) return refuseNotStaff(ctx);
    if (action === "ask") {
      const result = await requestInput(inputDeps, meetingId, by);
      const text = result.kind === "requested" ? ctx.t("meeting-fgd-asked", { count: String(result.count) }) : ctx.t(result.kind === "closed" ? "meeting-fgd-closed" : result.kind === "not-allowed" ? "common-not-allowed" : "meeting-staff-not-found");
      await ctx.answerCallbackQuery({ text, show_alert: true });
      if (result.kind === "requested") ctx.log.info({ meetingId, invitees: result.count }, "meeting input requested");
      return;
    }
    if (action === "notes") {
      await ctx.answerCallbackQuery().catch(() => undefined);
      return startConversation(ctx, MEETING_NOTES_CONVERSATION, meetingId);
    }
    // the briefing, now
    if (!(await staffById(deps.prisma, by))) return refuseNotStaff(ctx);
    const briefing = await briefingData(deps.prisma, meetingId, deps.config.timeZone);
    if (!briefing) return void (await ctx.answerCallbackQuery({ text: ctx.t("meeting-staff-not-found") }));
    await ctx.answerCallbackQuery({ text: ctx.t("meeting-fgd-brief-preparing") });
    const lang = ctx.actor?.language ?? "id";
    const bytes = await briefingXlsx(briefing, ctx.t, lang, deps.config.timeZone);
    ctx.log.info({ meetingId, groups: briefing.groups.length }, "FGD briefing sent on request");
    await ctx.replyWithDocument(new InputFile(bytes, briefingFileName(meetingId, briefing.meeting.startsAt)), {
      caption: ctx.t("meeting-fgd-brief-caption", { title: briefing.meeting.title, when: formatDateTime(briefing.meeting.startsAt, lang, deps.config.timeZone) }),
    });
  });

  return {
    name: "meeting-fgd",
    conversations: [
      { id: MEETING_INPUT_CONVERSATION, builder: createMeetingInputConversation(inputDeps) },
      { id: MEETING_NOTES_CONVERSATION, builder: createMeetingNotesConversation(notesDeps) },
    ],
    composer,
  };
}
