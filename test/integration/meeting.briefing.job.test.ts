// The day before a meeting: the reminder fan-out schedules the briefing, and the briefing job
// sends every staff member the workbook as a document (once, even when the job runs again).
import ExcelJS from "exceljs";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { meetingInputJobs } from "../../src/features/meeting/meeting.input.jobs.js";
import { meetingJobs } from "../../src/features/meeting/meeting.jobs.js";
import type { JobContext } from "../../src/jobs/feature-jobs.js";
import type { Outbox } from "../../src/jobs/outgoing.types.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

const wita = (local: string) => new Date(`${local}+08:00`);
const now = wita("2026-03-11T09:00:00");
const scheduled: Array<{ queue: string; name: string; data: unknown; jobId: string }> = [];
const outbox: Outbox = {
  async enqueue(requests) {
    return { queued: requests.length, alreadyQueued: 0, alreadySent: 0, requeued: 0 };
  },
  async cancel() {
    return 0;
  },
  async scheduleJob(queue, name, data, opts) {
    scheduled.push({ queue, name, data, jobId: opts.jobId });
  },
  async cancelJob() {
    return false;
  },
};

let app: InProcessBot;
let staff: TelegramUser;
let meetingId: number;
let startsAtEpoch: number;

beforeAll(async () => {
  app = await startInProcessBot({ label: "briefing-job", clock: () => now, outbox });
  const s = await addKnownPerson(app, 9_700_001, "Petugas", { staff: true });
  staff = s.user;
  const { personId: ani } = await addKnownPerson(app, 9_700_002, "Ani", { groups: ["petratonik-karang-joang"] });
  const group = await app.db.prisma.group.findUniqueOrThrow({ where: { code: "petratonik-karang-joang" } });
  const startsAt = wita("2026-03-12T09:00:00");
  const meeting = await app.db.prisma.meeting.create({
    data: { title: "FGD Petratonik", startsAt, place: "Karang Joang", audience: {}, checkInCode: "DDDDDD", createdById: s.personId, invitations: { create: [{ personId: ani, groupId: group.id }] } },
  });
  meetingId = meeting.id;
  startsAtEpoch = Math.floor(startsAt.getTime() / 1000);
});
afterAll(() => app?.close());

function context(jobId: string): JobContext {
  return {
    deps: { ...app.deps, i18n: createI18n() },
    log: pino({ level: "silent" }),
    jobId,
    jobName: "test",
    attempt: 1,
    scheduledAt: now,
    api: app.bot.api,
  };
}

describe("the briefing the day before", () => {
  it("is scheduled by the day-before reminder fan-out, and arrives as a document to staff, once", async () => {
    await meetingJobs.processors!.meeting!["reminder-fanout"]!({ meetingId, kind: "day", startsAtEpoch }, context("reminders-day"));
    expect(scheduled).toEqual([{ queue: "fgd", name: "briefing", data: { meetingId, startsAtEpoch }, jobId: `briefing-${meetingId}-${startsAtEpoch}` }]);

    const briefing = meetingInputJobs.processors!.fgd!.briefing!;
    await briefing({ meetingId, startsAtEpoch }, context(scheduled[0]!.jobId));
    const doc = await staff.expectReply((m) => m.document !== undefined);
    expect(doc.caption).toBe("Bahan FGD: FGD Petratonik (Kamis, 12 Maret 2026 09.00)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.server.file(doc.document!.file_id) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Petratonik Karang Joang", "Pemangku kepentingan"]);
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("Petratonik Karang Joang — bahan untuk FGD Petratonik");

    // The job again (a retry): nothing more is sent.
    const before = staff.messages().length;
    await briefing({ meetingId, startsAtEpoch }, context(scheduled[0]!.jobId));
    expect(staff.messages().length).toBe(before);

    // A moved meeting's old job sends nothing.
    await briefing({ meetingId, startsAtEpoch: startsAtEpoch - 3600 }, context("briefing-old"));
    expect(staff.messages().length).toBe(before);
  });
});
