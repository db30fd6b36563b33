import { InlineKeyboard, InputFile } from "grammy";
import { asLanguage } from "../../bot/i18n.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import type { OutgoingRenderer } from "../../jobs/outgoing.types.js";
import { briefingFileName, formatDateTime } from "./meeting.input.texts.js";
import { briefingData } from "./meeting.briefing.service.js";
import { briefingXlsx } from "./meeting.briefing.xlsx.js";
import { INPUT_REQUEST_PURPOSE } from "./meeting.input.service.js";
import { NOTES_PURPOSE } from "./meeting.notes.service.js";

export const FGD_QUEUE = "fgd" as const;
export const BRIEFING_JOB = "briefing" as const;
export const giveInputData = (meetingId: number) => `mfgd:give:${meetingId}`;

/** The question round's message: sent while the meeting has not started, with «Beri masukan». */
const inputRequest: OutgoingRenderer = {
  async render(ctx) {
    if (ctx.outgoing.meetingId === null) return null;
    const meeting = await ctx.prisma.meeting.findUnique({ where: { id: ctx.outgoing.meetingId }, select: { id: true, title: true, startsAt: true, status: true } });
    if (!meeting || meeting.status !== "scheduled" || meeting.startsAt.getTime() <= ctx.clock().getTime()) return null;
    const invitation = await ctx.prisma.invitation.findUnique({ where: { meetingId_personId: { meetingId: meeting.id, personId: ctx.recipient.personId } }, select: { groupId: true } });
    if (!invitation) return null;
    const lang = ctx.recipient.language;
    const t = (key: string, vars?: Record<string, string | number>) => ctx.i18n.t(lang, key, vars);
    const text = t(invitation.groupId === null ? "meeting-fgd-request-stakeholder" : "meeting-fgd-request-group", { title: meeting.title, when: formatDateTime(meeting.startsAt, lang, ctx.timeZone) });
    return { text, replyMarkup: new InlineKeyboard().text(t("meeting-fgd-give-button"), giveInputData(meeting.id)) };
  },
};

/** The notulen, to the attendees. */
const notes: OutgoingRenderer = {
  async render(ctx) {
    if (ctx.outgoing.meetingId === null) return null;
    const meeting = await ctx.prisma.meeting.findUnique({ where: { id: ctx.outgoing.meetingId }, select: { title: true, startsAt: true, notes: true } });
    if (!meeting?.notes) return null;
    const lang = ctx.recipient.language;
    return { text: ctx.i18n.t(lang, "meeting-fgd-notes-message", { title: meeting.title, when: formatDateTime(meeting.startsAt, lang, ctx.timeZone), notes: meeting.notes }) };
  },
};

/**
 * The day before a meeting (with the reminders), every staff member gets its briefing. A
 * meeting cancelled or moved since the job was scheduled gets none (its new time has its own).
 * Each delivery is marked in Redis, so a retried job sends only what is missing.
 */
const briefing: JobProcessor<{ meetingId: number; startsAtEpoch: number }> = async (data, { deps, api, log, jobId }) => {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: data.meetingId }, select: { status: true, startsAt: true, title: true } });
  if (!meeting || meeting.status !== "scheduled" || Math.floor(meeting.startsAt.getTime() / 1000) !== data.startsAtEpoch) {
    log.info({ meetingId: data.meetingId }, "briefing for a cancelled or moved meeting skipped");
    return;
  }
  const staff = await deps.prisma.person.findMany({ where: { staffRole: { not: null }, status: "active", telegramId: { not: null } }, select: { id: true, telegramId: true, language: true }, orderBy: { id: "asc" } });
  const b = await briefingData(deps.prisma, data.meetingId, deps.config.timeZone);
  if (!b) return;
  const files = new Map<string, Buffer>();
  for (const person of staff) {
    const mark = `fgd-briefing-sent:${jobId}:${person.id}`;
    if ((await deps.redis.exists(mark)) === 1) continue;
    const lang = asLanguage(person.language);
    const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(lang, key, vars);
    const bytes = files.get(lang) ?? (await briefingXlsx(b, t, lang, deps.config.timeZone));
    files.set(lang, bytes);
    await api.sendDocument(Number(person.telegramId), new InputFile(bytes, briefingFileName(data.meetingId, b.meeting.startsAt)), {
      caption: t("meeting-fgd-brief-caption", { title: meeting.title, when: formatDateTime(meeting.startsAt, lang, deps.config.timeZone) }),
    });
    await deps.redis.set(mark, "1", "EX", 7 * 24 * 3600);
  }
  log.info({ meetingId: data.meetingId, staff: staff.length }, "FGD briefing sent");
};

export const meetingInputJobs: FeatureJobs = {
  name: "meeting-fgd",
  renderers: { [INPUT_REQUEST_PURPOSE]: inputRequest, [NOTES_PURPOSE]: notes },
  processors: { [FGD_QUEUE]: { [BRIEFING_JOB]: briefing } },
};
