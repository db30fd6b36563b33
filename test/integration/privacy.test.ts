// /dataku and /hapusdata against real PostgreSQL and Redis (the real outgoing queue, without
// workers, so queued messages stay queued): the facts listed, the person anonymised, the
// reported figures kept and still counted, pending messages skipped and their jobs removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { privacyDeps } from "../../src/features/privacy/privacy.deps.js";
import { eraseMe, myData } from "../../src/features/privacy/privacy.service.js";
import { createReportRepository } from "../../src/features/report/report.repository.js";
import { groupTotals } from "../../src/features/report/report.save.js";
import { OUTGOING_QUEUE } from "../../src/jobs/registry.js";
import { dbDate, weekFromStartDate } from "../../src/lib/week.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { queueRig, type QueueRig } from "../support/outbox-harness.js";

const WITA = "Asia/Makassar";
let db: TestDatabase;
let rig: QueueRig;
let sari = 0;
let tono = 0;
let mariojela = 0;
let ksb = 0;
let indicators: Array<{ id: number; code: string }> = [];
const consentAt = new Date("2026-11-02T01:30:00Z");

async function report(memberId: number, submittedById: number, weekStartDate: string, values: Record<string, string>, extra: { version?: number; current?: boolean | null; note?: string; photoFileId?: string } = {}) {
  await db.prisma.report.create({
    data: {
      groupId: mariojela,
      memberId,
      submittedById,
      weekStart: dbDate(weekStartDate),
      version: extra.version ?? 1,
      current: extra.current === undefined ? true : extra.current,
      note: extra.note ?? null,
      photoFileId: extra.photoFileId ?? null,
      values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: indicators.find((i) => i.code === code)!.id, value })) },
    },
  });
}

/** The group's totals for the week of 23 November and the year so far, as /lapor shows them. */
async function totals() {
  const repo = createReportRepository(db.prisma);
  const programmeId = (await db.prisma.group.findUniqueOrThrow({ where: { id: mariojela } })).programmeId;
  const weekKey = weekFromStartDate("2026-11-23", WITA).key;
  return groupTotals({ repo, timeZone: WITA }, { groupId: mariojela, weekKey, indicators: await repo.activeIndicators(programmeId) });
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  const config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: `${testRedisPrefix("privacy")}:` });
  rig = await queueRig({ config, prisma: db.prisma, redisUrl: testRedisUrl(), workers: false });
  mariojela = (await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } })).id;
  ksb = (await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } })).id;
  indicators = await db.prisma.indicator.findMany({ where: { programme: { code: "mariojela" } }, select: { id: true, code: true } });

  sari = (
    await db.prisma.person.create({
      data: {
        telegramId: 8_500_001n,
        telegramUsername: "sari_m",
        name: "Sari Wulandari",
        phone: "+6281234567890",
        consentAt,
        consentVersion: "2026-11",
        memberships: {
          create: [
            { groupId: mariojela, role: "coordinator", joinedAt: new Date("2026-11-02T01:31:00Z") },
            { groupId: ksb, status: "left", joinedAt: new Date("2026-11-02T01:31:00Z"), leftAt: new Date("2026-11-16T03:00:00Z") },
          ],
        },
      },
    })
  ).id;
  tono = (await db.prisma.person.create({ data: { name: "Tono", memberships: { create: { groupId: mariojela } } } })).id;

  await report(sari, sari, "2026-11-16", { "jelantah-terkumpul": "10.5" });
  await report(sari, sari, "2026-11-23", { "jelantah-terkumpul": "4" }, { current: null, note: "versi awal" });
  await report(sari, sari, "2026-11-23", { "jelantah-terkumpul": "12.5", "lilin-terjual": "3" }, { version: 2, note: "Rumah saya di RT 05", photoFileId: "photo-of-sari" });
  await report(tono, sari, "2026-11-23", { "jelantah-terkumpul": "7" });

  const staff = await db.prisma.person.create({ data: { name: "Petugas", staffRole: "staff", telegramId: 8_500_099n } });
  const meeting = await db.prisma.meeting.create({
    data: { title: "FGD", startsAt: new Date("2026-12-10T01:00:00Z"), place: "Aula", audience: {}, checkInCode: "ABC234", createdById: staff.id },
  });
  const meeting2 = await db.prisma.meeting.create({
    data: { title: "FGD 2", startsAt: new Date("2026-12-17T01:00:00Z"), place: "Aula", audience: {}, checkInCode: "ABC235", createdById: staff.id },
  });
  await db.prisma.invitation.create({ data: { meetingId: meeting.id, personId: sari, groupId: mariojela, answer: "no", reason: "Menjaga anak yang sakit", answeredAt: new Date() } });
  await db.prisma.invitation.create({ data: { meetingId: meeting2.id, personId: sari, groupId: mariojela } });

  // Messages waiting for her (far in the future, so they stay queued) and one already sent.
  const later = new Date(Date.now() + 3_600_000);
  await rig.deps.outbox.enqueue([
    { key: `invite-${meeting2.id}-${sari}`, purpose: "meeting-invite", personId: sari, meetingId: meeting2.id, notBefore: later },
    { key: `remind-2026-W49-${sari}`, purpose: "weekly-reminder", personId: sari, notBefore: later },
    { key: `remind-2026-W49-${tono}x`, purpose: "weekly-reminder", personId: staff.id, notBefore: later },
  ]);
  await db.prisma.outgoingMessage.create({ data: { key: `invite-${meeting.id}-${sari}`, purpose: "meeting-invite", personId: sari, meetingId: meeting.id, status: "sent", sentAt: new Date() } });
});

afterAll(async () => {
  await rig?.close();
  await db?.drop();
});

describe("/dataku", () => {
  it("lists the profile, memberships, consent, reports, invitations and reminders", async () => {
    const facts = await myData(privacyDeps(rig.deps), sari);
    expect(facts).toMatchObject({
      name: "Sari Wulandari",
      phone: "+6281234567890",
      telegramUsername: "sari_m",
      language: "id",
      status: "active",
      staffRole: null,
      institution: null,
      consentAt,
      consentVersion: "2026-11",
      remindersOff: false,
      reports: { count: 2, latestWeekStart: "2026-11-23" },
      reportsForOthers: 1,
      invitations: { total: 2, yes: 0, no: 1, maybe: 0, unanswered: 1 },
    });
    expect(facts!.memberships).toEqual([
      expect.objectContaining({ groupName: "Mariojela", role: "coordinator", status: "active", leftAt: null }),
      expect.objectContaining({ groupName: "KSB Margasari", role: "member", status: "left", leftAt: new Date("2026-11-16T03:00:00Z") }),
    ]);
  });

  it("has nothing for someone the bot does not know", async () => {
    expect(await myData(privacyDeps(rig.deps), null)).toBeNull();
    expect(await myData(privacyDeps(rig.deps), 999_999)).toBeNull();
  });
});

describe("/hapusdata", () => {
  let totalsBefore: Awaited<ReturnType<typeof totals>>;

  it("anonymises the person, ends memberships and stops every pending message", async () => {
    totalsBefore = await totals();
    const jelantah = indicators.find((i) => i.code === "jelantah-terkumpul")!.id;
    expect(totalsBefore!.week.find((l) => l.indicatorId === jelantah)?.total).toBe("19.5"); // 12,5 (Sari's second version) + 7
    expect(totalsBefore!.year.find((l) => l.indicatorId === jelantah)?.total).toBe("30");
    const queue = rig.queues.get(OUTGOING_QUEUE);
    expect(await queue.getJob(`remind-2026-W49-${sari}`)).toBeDefined();

    const before = Date.now();
    const result = await eraseMe(privacyDeps(rig.deps), sari);
    expect(result).toEqual({ kind: "erased", endedMemberships: 1, cancelledMessages: 2 });

    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: sari } });
    expect(person).toMatchObject({ telegramId: null, telegramUsername: null, name: null, phone: null, status: "erased", staffRole: null, stakeholderId: null });
    expect(person.erasedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(person.erasedAt!.getTime() - before).toBeLessThan(60_000);

    const memberships = await db.prisma.membership.findMany({ where: { personId: sari } });
    expect(memberships.every((m) => m.status === "left" && m.leftAt !== null)).toBe(true);

    const rows = await db.prisma.outgoingMessage.findMany({ where: { personId: sari }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key.split("-")[0], r.status])).toEqual([
      ["invite", "sent"],
      ["invite", "skipped"],
      ["remind", "skipped"],
    ]);
    expect(await queue.getJob(`remind-2026-W49-${sari}`)).toBeUndefined();
    // Someone else's message is untouched.
    expect((await db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key: `remind-2026-W49-${tono}x` } })).status).toBe("queued");

    const events = await db.prisma.privacyEvent.findMany({ where: { personId: sari }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["consent_withdrawn", "erased"]);
  });

  it("keeps the reported figures under the anonymous member, still counted in the group's totals", async () => {
    const reports = await db.prisma.report.findMany({ where: { memberId: sari }, include: { values: true } });
    expect(reports).toHaveLength(3);
    expect(reports.every((r) => r.note === null && r.photoFileId === null)).toBe(true);
    expect(await db.prisma.report.count({ where: { submittedById: sari } })).toBe(4);
    expect(await totals()).toEqual(totalsBefore);
  });

  it("clears what she wrote on invitations but keeps her answers", async () => {
    const invitations = await db.prisma.invitation.findMany({ where: { personId: sari }, orderBy: { id: "asc" } });
    expect(invitations.map((i) => [i.answer, i.reason])).toEqual([
      ["no", null],
      [null, null],
    ]);
  });

  it("shows nothing any more, and a second erasure changes nothing", async () => {
    expect(await myData(privacyDeps(rig.deps), sari)).toBeNull();
    expect(await eraseMe(privacyDeps(rig.deps), sari)).toEqual({ kind: "already-erased" });
    expect(await db.prisma.privacyEvent.count({ where: { personId: sari } })).toBe(2);
  });
});
