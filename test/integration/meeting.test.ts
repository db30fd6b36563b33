// Meetings against PostgreSQL (a fresh seeded database) and Redis (the real outbox and
// queues, no workers): creating a meeting for two groups and three stakeholders, the
// invitation rows, the outgoing rows and reminder jobs, RSVP rights, re-sending, moving and
// cancelling, the reminder fan-out and the renderers.
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createOutbox } from "../../src/outgoing/outbox.js";
import { meetingOutbox, MEETING_QUEUE } from "../../src/features/meeting/meeting.deps.js";
import { meetingJobs } from "../../src/features/meeting/meeting.jobs.js";
import { cancelMeeting, meetingTally, rescheduleMeeting, resendToUnanswered } from "../../src/features/meeting/meeting.manage.js";
import { createMeetingRepository } from "../../src/features/meeting/meeting.repository.js";
import { answerInvitation, reasonAllowed, saveReason } from "../../src/features/meeting/meeting.rsvp.js";
import { createMeeting, epochOf, fanOutReminder, keys, resendRound, type MeetingDeps, type MeetingDraft } from "../../src/features/meeting/meeting.service.js";
import type { RenderContext } from "../../src/jobs/outgoing.types.js";
import { bullPrefix, createBullConnection, createQueues, type Queues } from "../../src/jobs/queues.js";
import { createLogger } from "../../src/logger.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";

const WITA = "Asia/Makassar";
const wita = (local: string) => new Date(`${local}+08:00`);
/** Friday 20 November 2026, 10:00 WITA; the meeting is Wednesday 25 November 2026, 09:00 WITA. */
let now = wita("2026-11-20T10:00:00");
const START = wita("2026-11-25T09:00:00");

let db: TestDatabase;
let queues: Queues;
let meetingQueue: Queue;
let deps: MeetingDeps;
const i18n = createI18n();

const p: Record<string, number> = {};
const g: Record<string, number> = {};
const s: Record<string, number> = {};
let meetingId: number;

async function person(key: string, data: { groups?: string[]; stakeholder?: string; telegram?: boolean; status?: "active" | "left" | "unreachable" | "erased"; staff?: boolean; language?: string; leftGroup?: boolean }) {
  const id = 8_100_000 + Object.keys(p).length;
  const created = await db.prisma.person.create({
    data: {
      name: key,
      telegramId: data.telegram === false ? null : BigInt(id),
      status: data.status ?? "active",
      language: data.language ?? "id",
      staffRole: data.staff ? "staff" : null,
      stakeholderId: data.stakeholder ? s[data.stakeholder]! : null,
      memberships: { create: (data.groups ?? []).map((code) => ({ groupId: g[code]!, status: data.leftGroup ? ("left" as const) : ("active" as const) })) },
    },
  });
  p[key] = created.id;
}

async function outgoing(where: { purpose?: string; key?: { startsWith: string } } = {}) {
  return db.prisma.outgoingMessage.findMany({ where: { meetingId, ...where }, orderBy: { key: "asc" } });
}

async function invitation(key: string) {
  return db.prisma.invitation.findUniqueOrThrow({ where: { meetingId_personId: { meetingId, personId: p[key]! } } });
}

/** Pretends the queue sent these rows (what the outbox worker records), with Telegram message ids. */
async function markSent(keysToMark: string[], firstMessageId: number) {
  for (const [i, key] of keysToMark.entries()) {
    await db.prisma.outgoingMessage.update({ where: { key }, data: { status: "sent", sentAt: now, telegramMessageId: firstMessageId + i } });
  }
}

function renderContext(row: { id: number; key: string; purpose: string; personId: number; meetingId: number | null }, language: "id" | "en" = "id"): RenderContext {
  return {
    prisma: db.prisma,
    i18n,
    clock: () => now,
    timeZone: WITA,
    outgoing: row,
    recipient: { personId: row.personId, telegramId: 1n, language },
  };
}

const draft = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
  title: "FGD Evaluasi Program TJSL",
  startsAt: START.toISOString(),
  place: "Aula Kelurahan Margasari",
  agenda: "1. Capaian 2026\n2. Rencana 2027",
  audience: { everyone: false, programmeIds: [], groupIds: [g.mariojela!, g.ksb!], allStakeholders: false, stakeholderIds: [s.lurah!, s.lpm!, s.bpbd!] },
  ...over,
});

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  const connection = createBullConnection(testRedisUrl());
  queues = createQueues(connection, bullPrefix(testRedisPrefix("meeting")));
  meetingQueue = queues.get(MEETING_QUEUE);
  const logger = createLogger("silent");
  const outbox = createOutbox({ prisma: db.prisma, queues, config: { outgoingAttempts: 3, outgoingBackoffMs: 1000 }, clock: () => now, logger });
  deps = { repo: createMeetingRepository(db.prisma), clock: () => now, timeZone: WITA, outbox: meetingOutbox(outbox), logger, newCheckInCode: () => "K7Q2MX" };

  for (const [key, code] of Object.entries({ mariojela: "mariojela-margasari", ksb: "ksb-margasari", ksbBaru: "ksb-baru-tengah", proklim: "proklim-muara-rapak" })) {
    g[key] = (await db.prisma.group.findUniqueOrThrow({ where: { code } })).id;
  }
  for (const [key, code] of Object.entries({ lurah: "lurah-margasari", lpm: "lpm-margasari", bpbd: "bpbd-balikpapan", dinsos: "dinsos-balikpapan" })) {
    s[key] = (await db.prisma.stakeholder.findUniqueOrThrow({ where: { code } })).id;
  }
  await person("staff", { staff: true });
  await person("ani", { groups: ["mariojela"] });
  await person("budi", { groups: ["mariojela", "ksb"] }); // in both invited groups
  await person("citra", { groups: ["ksb"], language: "en" });
  await person("dodi", { groups: ["ksb"], stakeholder: "bpbd" }); // a member who is also a stakeholder
  await person("lurah", { stakeholder: "lurah" });
  await person("lpm", { stakeholder: "lpm" });
  await person("noTelegram", { groups: ["mariojela"], telegram: false });
  await person("left", { groups: ["mariojela"], leftGroup: true });
  await person("gone", { groups: ["ksb"], status: "left" });
  await person("erased", { groups: ["ksb"], status: "erased" });
  await person("blocked", { stakeholder: "lurah", status: "unreachable" });
  await person("dinsos", { stakeholder: "dinsos" }); // not invited
  await person("baru", { groups: ["ksbBaru"] }); // not invited
});

afterAll(async () => {
  await meetingQueue?.obliterate({ force: true }).catch(() => undefined);
  await queues?.get("outgoing").obliterate({ force: true }).catch(() => undefined);
  await queues?.close();
  await queues?.connection.quit();
  await db?.drop();
});

const INVITED = ["ani", "budi", "citra", "dodi", "lpm", "lurah"];
const ids = (names: string[]) => names.map((n) => p[n]!).sort((a, b) => a - b);

describe("creating a meeting", () => {
  it("is refused to a member and for a time in the past", async () => {
    expect(await createMeeting(deps, p.ani!, draft())).toEqual({ kind: "not-allowed" });
    expect(await createMeeting(deps, p.staff!, draft({ startsAt: wita("2026-11-20T09:59:00").toISOString() }))).toEqual({ kind: "past" });
    expect(await createMeeting(deps, p.staff!, draft({ audience: { ...draft().audience, groupIds: [g.proklim!], stakeholderIds: [] } }))).toEqual({ kind: "no-invitees" });
    expect(await db.prisma.meeting.count()).toBe(0);
  });

  it("invites two groups and three stakeholders once each, reachable people only", async () => {
    const created = await createMeeting(deps, p.staff!, draft());
    expect(created).toMatchObject({ kind: "created", invited: 6, checkInCode: "K7Q2MX", queued: true });
    if (created.kind !== "created") throw new Error(created.kind);
    meetingId = created.meetingId;

    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { invitations: { orderBy: { personId: "asc" } } } });
    expect(meeting).toMatchObject({ title: "FGD Evaluasi Program TJSL", status: "scheduled", checkInCode: "K7Q2MX", createdById: p.staff });
    expect(meeting.startsAt.toISOString()).toBe(START.toISOString());
    expect(meeting.invitations.map((i) => i.personId)).toEqual(ids(INVITED));
    const by = Object.fromEntries(meeting.invitations.map((i) => [i.personId, [i.groupId, i.stakeholderId]]));
    expect(by[p.budi!]).toEqual([g.mariojela, null]);
    expect(by[p.dodi!]).toEqual([g.ksb, null]); // one invitation, tallied under the group
    expect(by[p.lurah!]).toEqual([null, s.lurah]);
  });

  it("queues one invitation message per invitee and schedules both reminders", async () => {
    const rows = await outgoing();
    expect(rows.map((r) => [r.key, r.purpose, r.status])).toEqual(
      ids(INVITED).map((id) => [keys.invite(meetingId, id), "meeting-invite", "queued"]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const epoch = epochOf(START);
    const day = await meetingQueue.getJob(keys.reminderJob(meetingId, "day", epoch));
    const twoHours = await meetingQueue.getJob(keys.reminderJob(meetingId, "2h", epoch));
    expect(day?.data).toEqual({ meetingId, kind: "day", startsAtEpoch: epoch });
    expect(day!.timestamp + day!.opts.delay!).toBeGreaterThan(0);
    expect(day!.opts.delay).toBe(wita("2026-11-24T09:00:00").getTime() - now.getTime());
    expect(twoHours!.opts.delay).toBe(wita("2026-11-25T07:00:00").getTime() - now.getTime());
  });

  it("renders the invitation in the invitee's language with answer buttons, and remembers its message id", async () => {
    const [row] = await outgoing({ key: { startsWith: keys.invite(meetingId, p.citra!) } });
    const renderer = meetingJobs.renderers!["meeting-invite"]!;
    const english = await renderer.render(renderContext(row!, "en"));
    expect(english!.text).toContain("Wednesday, 25 November 2026 at 09:00 WITA");
    const inv = await invitation("citra");
    expect(english!.replyMarkup!.inline_keyboard[0]!.map((b) => ("callback_data" in b ? b.callback_data : null))).toEqual([
      `rsvp:${inv.id}:yes`,
      `rsvp:${inv.id}:no`,
      `rsvp:${inv.id}:maybe`,
    ]);
    const indonesian = await renderer.render(renderContext(row!, "id"));
    expect(indonesian!.text).toContain("Rabu, 25 November 2026 pukul 09.00 WITA");
    expect(indonesian!.text).toContain("Aula Kelurahan Margasari");
    expect(indonesian!.replyMarkup!.inline_keyboard[0]!.map((b) => b.text)).toEqual(["Hadir", "Tidak hadir", "Mungkin"]);
    await renderer.afterSend!(renderContext(row!), { messageId: 501 });
    expect((await invitation("citra")).messageId).toBe(501);
  });
});

describe("answering", () => {
  it("refuses a press by someone else, on a forged id, or from a message that is not about this invitation", async () => {
    const inv = await invitation("citra");
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.ani!, answer: "yes" })).toEqual({ kind: "invalid" });
    expect(await answerInvitation(deps, { invitationId: 999_999, personId: p.citra!, answer: "yes" })).toEqual({ kind: "invalid" });
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: null, answer: "yes" })).toEqual({ kind: "invalid" });
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "yes", messageId: 777 })).toEqual({ kind: "invalid" });
    expect((await invitation("citra")).answer).toBeNull();
  });

  it("records an answer with its time and lets it change until the start", async () => {
    const inv = await invitation("citra");
    const first = await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "yes", messageId: 501 });
    expect(first).toMatchObject({ kind: "answered", changed: true, answer: "yes" });
    expect(await invitation("citra")).toMatchObject({ answer: "yes", answeredAt: now });

    now = wita("2026-11-21T08:00:00");
    const again = await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "yes", messageId: 501 });
    expect(again).toMatchObject({ changed: false });
    expect((await invitation("citra")).answeredAt).toEqual(wita("2026-11-20T10:00:00"));

    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "no", messageId: 501 })).toMatchObject({ changed: true, answer: "no" });
    expect(await invitation("citra")).toMatchObject({ answer: "no", answeredAt: now });
  });

  it("shows the answer under the pressed message's own first line: an invitation, a reminder, the moved notice", async () => {
    const inv = await invitation("citra");
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "no", messageId: 501 })).toMatchObject({ head: "invite" });
    await db.prisma.outgoingMessage.createMany({
      data: [
        { key: `head-test-day-${inv.id}`, purpose: "meeting-reminder-day", personId: p.citra!, meetingId, status: "sent", telegramMessageId: 601 },
        { key: `head-test-moved-${inv.id}`, purpose: "meeting-rescheduled", personId: p.citra!, meetingId, status: "sent", telegramMessageId: 602 },
      ],
    });
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "no", messageId: 601 })).toMatchObject({ head: "reminder-day" });
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "no", messageId: 602 })).toMatchObject({ head: "rescheduled" });
    expect(await saveReason(deps, { invitationId: inv.id, personId: p.citra!, reason: null, messageId: 601 })).toMatchObject({ head: "reminder-day" });
    // another meeting's message (or none the bot sent) is still refused
    expect(await answerInvitation(deps, { invitationId: inv.id, personId: p.citra!, answer: "no", messageId: 603 })).toEqual({ kind: "invalid" });
    await db.prisma.outgoingMessage.deleteMany({ where: { key: { startsWith: "head-test-" } } });
  });

  it("takes an optional reason for «Tidak hadir», only from the invitee", async () => {
    const inv = await invitation("citra");
    expect(await reasonAllowed(deps, { invitationId: inv.id, personId: p.citra! })).toEqual({ kind: "ok" });
    expect(await reasonAllowed(deps, { invitationId: inv.id, personId: p.ani! })).toEqual({ kind: "invalid" });
    expect(await saveReason(deps, { invitationId: inv.id, personId: p.ani!, reason: "x" })).toEqual({ kind: "invalid" });
    expect(await saveReason(deps, { invitationId: inv.id, personId: p.citra!, reason: "a".repeat(501) })).toEqual({ kind: "too-long", length: 501 });
    expect(await saveReason(deps, { invitationId: inv.id, personId: p.citra!, reason: "  Ada acara keluarga " })).toMatchObject({ kind: "answered", reason: "Ada acara keluarga" });
    expect((await invitation("citra")).reason).toBe("Ada acara keluarga");

    const ani = await invitation("ani");
    await answerInvitation(deps, { invitationId: ani.id, personId: p.ani!, answer: "maybe" });
    expect(await saveReason(deps, { invitationId: ani.id, personId: p.ani!, reason: "x" })).toEqual({ kind: "not-declined" });
  });

  it("gives staff the tally by answer and by group or institution", async () => {
    expect(await meetingTally(deps, meetingId, p.ani!)).toEqual({ kind: "not-allowed" });
    const tally = await meetingTally(deps, meetingId, p.staff!);
    if (tally.kind !== "ok") throw new Error(tally.kind);
    expect(tally.counts).toEqual({ yes: 0, no: 1, maybe: 1, none: 4, total: 6, checkedIn: 0 });
    expect(tally.units.map((u) => [u.kind, u.name, u.total, u.none])).toEqual([
      ["group", "Mariojela", 2, 1],
      ["group", "KSB Margasari", 2, 1],
      ["stakeholder", "Lurah Margasari", 1, 1],
      ["stakeholder", "Ketua LPM Margasari", 1, 1],
    ]);
    expect(tally.unanswered.map((u) => u.personId).sort((a, b) => a - b)).toEqual(ids(["budi", "dodi", "lpm", "lurah"]));
    expect(tally.declined).toMatchObject([{ personId: p.citra, reason: "Ada acara keluarga" }]);
    expect(tally.delivery).toEqual({ queued: 6, sent: 0, failed: 0, unreachable: 0, skipped: 0 });
  });
});

describe("re-sending", () => {
  it("is refused to a member, and skips people whose invitation is still waiting in the queue", async () => {
    expect(await resendToUnanswered(deps, meetingId, p.ani!, 1)).toEqual({ kind: "not-allowed" });
    expect(await resendToUnanswered(deps, meetingId, p.staff!, 1)).toEqual({ kind: "resent", count: 0, round: 1 });
  });

  it("sends again only to those who have not answered, with a new key per round", async () => {
    await markSent(ids(INVITED).map((id) => keys.invite(meetingId, id)), 600);
    expect(await resendToUnanswered(deps, meetingId, p.staff!, 1)).toEqual({ kind: "resent", count: 4, round: 1 });
    const round1 = await outgoing({ key: { startsWith: `invite-${meetingId}-` } });
    expect(round1.filter((r) => r.key.endsWith("-r1")).map((r) => r.personId).sort((a, b) => a - b)).toEqual(ids(["budi", "dodi", "lpm", "lurah"]));

    // A double press while round 1 is still queued sends nothing more.
    expect(await resendToUnanswered(deps, meetingId, p.staff!, 1)).toMatchObject({ count: 0 });
    await markSent(ids(["budi", "dodi", "lpm", "lurah"]).map((id) => keys.resend(meetingId, id, 1)), 700);
    const budi = await invitation("budi");
    await answerInvitation(deps, { invitationId: budi.id, personId: p.budi!, answer: "yes", messageId: 700 }); // from the re-sent message
    expect(await resendToUnanswered(deps, meetingId, p.staff!, 2)).toEqual({ kind: "resent", count: 3, round: 2 });
  });

  it("does not render a re-send for someone who answered meanwhile", async () => {
    const dodi = await invitation("dodi");
    await answerInvitation(deps, { invitationId: dodi.id, personId: p.dodi!, answer: "maybe" });
    const [row] = await outgoing({ key: { startsWith: keys.resend(meetingId, p.dodi!, 2) } });
    expect(await meetingJobs.renderers!["meeting-invite"]!.render(renderContext(row!))).toBeNull();
  });

  it("sends a round once however often its «Ya, kirim ulang» is pressed, even after the round went out", async () => {
    const invites = () => outgoing({ key: { startsWith: `invite-${meetingId}-` } });
    await markSent((await invites()).filter((r) => r.status === "queued").map((r) => r.key), 800);
    // The round the confirmation offered (its button carries it): the one after the latest.
    const round = Math.max(...(await invites()).map((r) => resendRound(r.key))) + 1;
    expect(await resendToUnanswered(deps, meetingId, p.staff!, round)).toEqual({ kind: "resent", count: 2, round });
    const sentOnce = await invites();
    expect(sentOnce.filter((r) => r.key.endsWith(`-r${round}`)).map((r) => r.personId).sort((a, b) => a - b)).toEqual(ids(["lpm", "lurah"]));
    // The round goes out before the second tap of the same button is handled.
    await markSent(sentOnce.filter((r) => r.status === "queued").map((r) => r.key), 900);
    expect(await resendToUnanswered(deps, meetingId, p.staff!, round)).toMatchObject({ kind: "resent", round });
    const after = await invites();
    expect(after.map((r) => r.key)).toEqual(sentOnce.map((r) => r.key));
    expect(after.filter((r) => r.status === "queued")).toEqual([]);
  });

  it("takes the button of an older round, or of a round never offered, as stale", async () => {
    const latest = Math.max(...(await outgoing({ key: { startsWith: `invite-${meetingId}-` } })).map((r) => resendRound(r.key)));
    expect(await resendToUnanswered(deps, meetingId, p.staff!, latest - 1)).toEqual({ kind: "stale" });
    expect(await resendToUnanswered(deps, meetingId, p.staff!, latest + 2)).toEqual({ kind: "stale" });
  });
});

describe("reminders", () => {
  it("fan out to Hadir, Mungkin and unanswered, not to Tidak hadir", async () => {
    const epoch = epochOf(START);
    expect(await fanOutReminder(deps, { meetingId, kind: "day", startsAtEpoch: epoch - 3600 })).toEqual({ kind: "stale" });
    expect(await fanOutReminder(deps, { meetingId, kind: "day", startsAtEpoch: epoch })).toEqual({ kind: "sent", count: 5 });
    const rows = await outgoing({ purpose: "meeting-reminder-day" });
    expect(rows.map((r) => r.personId).sort((a, b) => a - b)).toEqual(ids(["ani", "budi", "dodi", "lpm", "lurah"]));
    expect(rows.every((r) => r.key.endsWith(`-${epoch}`))).toBe(true);
    const [one] = rows;
    const rendered = await meetingJobs.renderers!["meeting-reminder-day"]!.render(renderContext(one!));
    expect(rendered!.text).toContain("besok ada rapat");
  });
});

describe("rescheduling", () => {
  const MOVED = wita("2026-11-26T13:30:00");

  it("is refused to a member and for a past time", async () => {
    expect(await rescheduleMeeting(deps, meetingId, MOVED, p.ani!)).toEqual({ kind: "not-allowed" });
    expect(await rescheduleMeeting(deps, meetingId, wita("2026-11-21T07:00:00"), p.staff!)).toEqual({ kind: "past" });
    expect(await rescheduleMeeting(deps, meetingId, START, p.staff!)).toEqual({ kind: "same-time" });
  });

  it("tells every invitee, keeps the answers, drops the old reminders and schedules new ones", async () => {
    const before = await db.prisma.invitation.findMany({ where: { meetingId }, select: { personId: true, answer: true }, orderBy: { personId: "asc" } });
    expect(await rescheduleMeeting(deps, meetingId, MOVED, p.staff!)).toEqual({ kind: "rescheduled", notified: 6, reminders: 2 });
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).startsAt).toEqual(MOVED);
    const moved = await outgoing({ purpose: "meeting-rescheduled" });
    expect(moved.map((r) => r.key).sort()).toEqual(ids(INVITED).map((id) => keys.moved(meetingId, id, epochOf(MOVED))).sort());
    expect(await db.prisma.invitation.findMany({ where: { meetingId }, select: { personId: true, answer: true }, orderBy: { personId: "asc" } })).toEqual(before);

    const oldEpoch = epochOf(START);
    expect(await meetingQueue.getJob(keys.reminderJob(meetingId, "day", oldEpoch))).toBeUndefined();
    expect(await meetingQueue.getJob(keys.reminderJob(meetingId, "2h", oldEpoch))).toBeUndefined();
    expect((await meetingQueue.getJob(keys.reminderJob(meetingId, "day", epochOf(MOVED))))?.opts.delay).toBe(wita("2026-11-25T09:00:00").getTime() - now.getTime());
    // The old day-before reminders that were waiting are dropped.
    expect((await outgoing({ purpose: "meeting-reminder-day" })).every((r) => r.status === "skipped")).toBe(true);
    // A stale reminder job of the old time does nothing.
    expect(await fanOutReminder(deps, { meetingId, kind: "2h", startsAtEpoch: oldEpoch })).toEqual({ kind: "stale" });
  });

  it("renders the notice with the new time and the answer buttons, even for «Tidak hadir»", async () => {
    const [row] = await outgoing({ key: { startsWith: keys.moved(meetingId, p.citra!, epochOf(MOVED)) } });
    const rendered = await meetingJobs.renderers!["meeting-rescheduled"]!.render(renderContext(row!));
    expect(rendered!.text).toContain("Kamis, 26 November 2026 pukul 13.30 WITA");
    expect(rendered!.text).toContain("Tidak hadir");
    expect(rendered!.replyMarkup!.inline_keyboard[0]![1]!.text).toBe("✓ Tidak hadir");
  });

  it("lets invitees change their answer until the new start, not after", async () => {
    const citra = await invitation("citra");
    now = wita("2026-11-25T10:00:00"); // after the old start, before the new one
    expect(await answerInvitation(deps, { invitationId: citra.id, personId: p.citra!, answer: "yes" })).toMatchObject({ kind: "answered", answer: "yes" });
    expect((await invitation("citra")).reason).toBeNull();
    now = wita("2026-11-26T13:30:00");
    expect(await answerInvitation(deps, { invitationId: citra.id, personId: p.citra!, answer: "no" })).toEqual({ kind: "started" });
    expect((await invitation("citra")).answer).toBe("yes");
    now = wita("2026-11-21T08:00:00");
  });
});

describe("cancelling", () => {
  it("is refused to a member", async () => {
    expect(await cancelMeeting(deps, meetingId, p.ani!)).toEqual({ kind: "not-allowed" });
  });

  it("tells every invitee, drops what was waiting and the reminders, and closes the answers", async () => {
    expect(await cancelMeeting(deps, meetingId, p.staff!)).toEqual({ kind: "cancelled", notified: 6 });
    expect(await cancelMeeting(deps, meetingId, p.staff!)).toEqual({ kind: "already-cancelled" });
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ status: "cancelled", cancelledAt: now });
    const cancelled = await outgoing({ purpose: "meeting-cancelled" });
    expect(cancelled.map((r) => r.key).sort()).toEqual(ids(INVITED).map((id) => keys.cancelled(meetingId, id)).sort());
    expect((await outgoing({ purpose: "meeting-rescheduled" })).every((r) => r.status === "skipped")).toBe(true);
    expect((await outgoing({ key: { startsWith: `invite-${meetingId}-` } })).filter((r) => r.status === "queued")).toEqual([]);
    const epoch = epochOf(wita("2026-11-26T13:30:00"));
    expect(await meetingQueue.getJob(keys.reminderJob(meetingId, "day", epoch))).toBeUndefined();
    expect(await meetingQueue.getJob(keys.reminderJob(meetingId, "2h", epoch))).toBeUndefined();

    const ani = await invitation("ani");
    expect(await answerInvitation(deps, { invitationId: ani.id, personId: p.ani!, answer: "yes" })).toEqual({ kind: "cancelled" });
    expect(await resendToUnanswered(deps, meetingId, p.staff!, 3)).toEqual({ kind: "cancelled" });
    expect(await fanOutReminder(deps, { meetingId, kind: "2h", startsAtEpoch: epoch })).toEqual({ kind: "stale" });
  });

  it("renders the cancellation notice only for people who had received the invitation", async () => {
    const [ani] = await outgoing({ key: { startsWith: keys.cancelled(meetingId, p.ani!) } });
    const notice = await meetingJobs.renderers!["meeting-cancelled"]!.render(renderContext(ani!));
    expect(notice!.text).toContain("dibatalkan");
    expect(notice!.text).toContain("Kamis, 26 November 2026 pukul 13.30 WITA");
    // Nothing was ever delivered to this invitee of a second meeting, so nothing to cancel.
    const second = await createMeeting(deps, p.staff!, draft({ audience: { ...draft().audience, groupIds: [], stakeholderIds: [s.lpm!] } }));
    if (second.kind !== "created") throw new Error(second.kind);
    await cancelMeeting(deps, second.meetingId, p.staff!);
    const row = await db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key: keys.cancelled(second.meetingId, p.lpm!) } });
    expect(await meetingJobs.renderers!["meeting-cancelled"]!.render(renderContext(row))).toBeNull();
    const invite = await db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key: keys.invite(second.meetingId, p.lpm!) } });
    expect(invite.status).toBe("skipped");
    expect(await meetingJobs.renderers!["meeting-invite"]!.render(renderContext(invite))).toBeNull();
  });
});
