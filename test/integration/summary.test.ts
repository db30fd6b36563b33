// The weekly summary's numbers against hand-computed fixtures in a real PostgreSQL (two weeks,
// superseded versions, a member who left, the ISO year boundary), the chart PNG, and the
// fan-out's keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { composeSummary } from "../../src/features/summary/summary.compose.js";
import { createSummaryRepository } from "../../src/features/summary/summary.repository.js";
import { fanOutWeeklySummary } from "../../src/features/summary/summary.send.js";
import { buildSummary, chartSeries, type SummaryDeps } from "../../src/features/summary/summary.service.js";
import { dbDate, weekFromKey } from "../../src/lib/week.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";
import { recordingOutbox } from "../support/outbox.js";

const WITA = "Asia/Makassar";
/** Monday 30 November 2026, 08:00 WITA: the Monday job's time; last week is 2026-W48. */
const NOW = new Date("2026-11-30T00:00:00Z");
const i18n = createI18n();
const t = (k: string, v?: Record<string, string | number>) => i18n.t("id", k, v);

let db: TestDatabase;
let deps: SummaryDeps;
const ids: Record<string, number> = {};
const indicator: Record<string, number> = {};

async function person(key: string, data: { group?: string; role?: "member" | "coordinator"; left?: boolean; staff?: boolean; telegramId?: number }) {
  const group = data.group ? await db.prisma.group.findUniqueOrThrow({ where: { code: data.group } }) : null;
  const created = await db.prisma.person.create({
    data: {
      name: key,
      telegramId: data.telegramId ? BigInt(data.telegramId) : null,
      staffRole: data.staff ? "staff" : null,
      ...(group && {
        memberships: {
          create: { groupId: group.id, role: data.role ?? "member", status: data.left ? "left" : "active", joinedAt: new Date("2025-06-01T00:00:00Z") },
        },
      }),
    },
  });
  ids[key] = created.id;
}

async function report(group: string, member: string, weekStart: string, values: Record<string, string>, version: { n: number; current: boolean } = { n: 1, current: true }) {
  const g = await db.prisma.group.findUniqueOrThrow({ where: { code: group } });
  await db.prisma.report.create({
    data: {
      groupId: g.id,
      memberId: ids[member]!,
      submittedById: ids[member]!,
      weekStart: dbDate(weekStart),
      version: version.n,
      current: version.current ? true : null,
      values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: indicator[code]!, value })) },
    },
  });
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  deps = { repo: createSummaryRepository(db.prisma), clock: () => NOW, timeZone: WITA };
  const mariojela = await db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" }, include: { indicators: true } });
  for (const i of mariojela.indicators) indicator[i.code] = i.id;
  ids.mariojelaGroup = (await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } })).id;

  await person("Citra", { group: "mariojela-margasari", role: "coordinator", telegramId: 9_500_001 });
  await person("Ani", { group: "mariojela-margasari", telegramId: 9_500_002 });
  await person("Budi", { group: "mariojela-margasari" });
  await person("Xena", { group: "mariojela-margasari", left: true });
  await person("Sari", { staff: true, telegramId: 9_500_003 });

  // 2025-W52 (22 Dec 2025) belongs to ISO year 2025; 2026-W01 starts Mon 29 Dec 2025.
  await report("mariojela-margasari", "Ani", "2025-12-22", { "jelantah-terkumpul": "7" });
  await report("mariojela-margasari", "Ani", "2025-12-29", { "jelantah-terkumpul": "3" });
  await report("mariojela-margasari", "Ani", "2026-11-02", { "jelantah-terkumpul": "10" }); // W45
  // W47 (16 Nov)
  await report("mariojela-margasari", "Ani", "2026-11-16", { "jelantah-terkumpul": "100.5", "lilin-terjual": "10", pendapatan: "500000" });
  await report("mariojela-margasari", "Budi", "2026-11-16", { "jelantah-terkumpul": "50.25", "lilin-terjual": "0" });
  // W48 (23 Nov): Budi's first version was replaced; the member who left reported before leaving
  await report("mariojela-margasari", "Ani", "2026-11-23", { "jelantah-terkumpul": "120.5", "lilin-terjual": "15" });
  await report("mariojela-margasari", "Budi", "2026-11-23", { "jelantah-terkumpul": "999" }, { n: 1, current: false });
  await report("mariojela-margasari", "Budi", "2026-11-23", { "jelantah-terkumpul": "40.25" }, { n: 2, current: true });
  await report("mariojela-margasari", "Xena", "2026-11-23", { "jelantah-terkumpul": "1" });

  // Meetings: one in 2 days (Ani yes, Budi unanswered, a stakeholder no), one in 20 days, one cancelled.
  const meeting = (title: string, days: number, status: "scheduled" | "cancelled" = "scheduled") =>
    db.prisma.meeting.create({
      data: { title, startsAt: new Date(NOW.getTime() + days * 86_400_000), place: "Aula", audience: {}, checkInCode: "1234", createdById: ids.Sari!, status },
    });
  const soon = await meeting("FGD Evaluasi", 2);
  await meeting("Rapat jauh", 20);
  await meeting("Rapat batal", 3, "cancelled");
  const lurah = await db.prisma.person.create({ data: { name: "Pak Lurah" } });
  await db.prisma.invitation.createMany({
    data: [
      { meetingId: soon.id, personId: ids.Ani!, groupId: ids.mariojelaGroup, answer: "yes" },
      { meetingId: soon.id, personId: ids.Budi!, groupId: ids.mariojelaGroup },
      { meetingId: soon.id, personId: lurah.id, answer: "no" },
    ],
  });
});

afterAll(() => db?.drop());

describe("the numbers of a week", () => {
  it("sums the current versions per indicator, compares with the week before and adds up the ISO year", async () => {
    const summary = await buildSummary(deps, { kind: "groups", groupIds: [ids.mariojelaGroup!] }, weekFromKey("2026-W48", WITA)!);
    const group = summary.programmes[0]!.groups[0]!;
    const byCode = Object.fromEntries(group.indicators.map((f) => [f.code, f]));
    // 120.5 + 40.25 + 1 (Xena's report still counts: she reported that week) = 161.75; last week 100.5 + 50.25 = 150.75
    expect(byCode["jelantah-terkumpul"]).toMatchObject({ week: "161.75", previous: "150.75", change: { kind: "up", diff: "11", percent: "7.3" } });
    // year 2026 = W01 3 + W45 10 + W47 150.75 + W48 161.75 = 325.5 (2025-W52 and the replaced 999 left out)
    expect(byCode["jelantah-terkumpul"]!.year).toBe("325.5");
    expect(byCode["lilin-terjual"]).toMatchObject({ week: "15", previous: "10", year: "25", change: { kind: "up", diff: "5", percent: "50" } });
    expect(byCode.pendapatan).toMatchObject({ week: null, previous: "500000", year: "500000", change: { kind: "no-data" } });
    // active: Citra, Ani, Budi (Xena left); reported: Ani, Budi
    expect(group.reporting).toEqual({ reported: 2, active: 3, percent: "67" });
    expect(group.notReported.map((n) => n.name)).toEqual(["Citra"]);
  });

  it("compares the first week of a year with the last of the year before, and starts the year afresh", async () => {
    const summary = await buildSummary(deps, { kind: "groups", groupIds: [ids.mariojelaGroup!] }, weekFromKey("2026-W01", WITA)!);
    const jelantah = summary.programmes[0]!.groups[0]!.indicators.find((f) => f.code === "jelantah-terkumpul")!;
    expect(jelantah).toMatchObject({ week: "3", previous: "7", year: "3", change: { kind: "down", diff: "4", percent: "57.1" } });
    const before = await buildSummary(deps, { kind: "groups", groupIds: [ids.mariojelaGroup!] }, weekFromKey("2025-W52", WITA)!);
    expect(before.programmes[0]!.groups[0]!.indicators.find((f) => f.code === "jelantah-terkumpul")).toMatchObject({ week: "7", previous: null, year: "7", change: { kind: "new" } });
  });

  it("lists scheduled meetings of the next 14 days with the answers of the group's invitees (or everyone's)", async () => {
    const week = weekFromKey("2026-W48", WITA)!;
    const mine = await buildSummary(deps, { kind: "groups", groupIds: [ids.mariojelaGroup!] }, week);
    expect(mine.meetings.map((m) => [m.title, m.yes, m.no, m.maybe, m.unanswered])).toEqual([["FGD Evaluasi", 1, 0, 0, 1]]);
    const all = await buildSummary(deps, { kind: "all" }, week);
    expect(all.meetings.map((m) => [m.title, m.yes, m.no, m.maybe, m.unanswered])).toEqual([["FGD Evaluasi", 1, 1, 0, 1]]);
    expect(all.programmes).toHaveLength(5);
  });

  it("gives the chart the year so far, week by week: the cumulative line (carried over empty weeks) and the target", async () => {
    const mariojela = await db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" }, include: { indicators: true } });
    const jelantahId = mariojela.indicators.find((i) => i.code === "jelantah-terkumpul")!.id;
    await db.prisma.target.create({ data: { groupId: ids.mariojelaGroup!, indicatorId: jelantahId, year: 2026, value: 1000, source: "cli" } });
    try {
      const series = await chartSeries(deps, mariojela.id, [ids.mariojelaGroup!], weekFromKey("2026-W48", WITA)!);
      expect(series).toMatchObject({ year: 2026, weeksInYear: 53 });
      expect(series.weekStartDates).toHaveLength(48);
      expect([series.weekStartDates[0], series.weekStartDates.at(-1)]).toEqual(["2025-12-29", "2026-11-23"]);
      const jelantah = series.indicators.find((i) => i.indicator.code === "jelantah-terkumpul")!;
      expect(jelantah.target).toBe("1000");
      // W01 3, W45 10, W47 150.75, W48 161.75
      expect(jelantah.running.slice(0, 2)).toEqual(["3", "3"]);
      expect(jelantah.running.slice(43)).toEqual(["3", "13", "13", "163.75", "325.5"]);
      const pendapatan = series.indicators.find((i) => i.indicator.code === "pendapatan")!;
      expect(pendapatan.running[0]).toBeNull(); // before the first report: a gap, not 0
    } finally {
      await db.prisma.target.deleteMany({ where: { indicatorId: jelantahId } });
    }
  });
});

describe("the messages", () => {
  it("sends a coordinator's group a PNG chart once there are three weeks with reports", async () => {
    const [message] = await composeSummary(deps, { t, lang: "id", scope: { kind: "groups", groupIds: [ids.mariojelaGroup!] }, week: weekFromKey("2026-W48", WITA)! });
    expect(message!.text).toContain("• Jelantah terkumpul: 161,75 liter (naik 11 liter, +7,3%)");
    const png = message!.chart!.png;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);
    expect(png.readUInt32BE(16)).toBeGreaterThan(800); // width, drawn at 2×
  });

  it("sends no chart when fewer weeks hold reports", async () => {
    const [message] = await composeSummary(deps, { t, lang: "id", scope: { kind: "groups", groupIds: [ids.mariojelaGroup!] }, week: weekFromKey("2026-W01", WITA)! });
    expect(message!.chart).toBeNull();
  });

  it("gives staff one message per programme", async () => {
    const messages = await composeSummary(deps, { t, lang: "id", scope: { kind: "all" }, week: weekFromKey("2026-W48", WITA)! });
    expect(messages).toHaveLength(5);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
  });
});

describe("the fan-out", () => {
  it("asks for one message per coordinator and one per staff member and programme, the same keys when run again", async () => {
    const outbox = recordingOutbox();
    const week = weekFromKey("2026-W48", WITA)!;
    const first = await fanOutWeeklySummary({ repo: deps.repo, outbox }, week);
    const second = await fanOutWeeklySummary({ repo: deps.repo, outbox }, week);
    expect(first).toMatchObject({ queued: 6, coordinators: 1, staff: 1, programmes: 5 });
    expect(second).toMatchObject({ queued: 0, alreadyQueued: 6 });
    expect(outbox.requests.map((r) => r.key)).toContain(`summary-2026-W48-${ids.Citra}`);
    expect(outbox.requests.filter((r) => r.personId === ids.Sari).every((r) => /^summary-2026-W48-\d+-p\d+$/.test(r.key))).toBe(true);
  });
});
