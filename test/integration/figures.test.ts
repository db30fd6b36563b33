// The figures module against real PostgreSQL: member and group indicators, sum/latest/max over
// weeks, the week that straddles New Year, not reported ≠ 0, baselines, targets, evaluation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combineWeeks, yearSpan } from "../../src/features/figures/figures.rules.js";
import { dbDate } from "../../src/lib/week.js";
import {
  evaluate,
  evaluationOf,
  extraOf,
  groupWeekAndYear,
  indicatorsOf,
  yearFigures,
  yearSeries,
  figureKey,
  type FigureIndicator,
} from "../../src/features/figures/figures.service.js";
import { weekFigures } from "../../src/features/figures/figures.repository.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase;
let mariojela: number;
let ksb: number;
let ani: number;
let budi: number;
let ind: Record<string, FigureIndicator>;

async function memberReport(groupId: number, memberId: number, weekStartDate: string, values: Record<string, string>, current = true) {
  await db.prisma.report.create({
    data: {
      groupId,
      memberId,
      submittedById: memberId,
      weekStart: dbDate(weekStartDate),
      current: current ? true : null,
      version: current ? 2 : 1,
      values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: ind[code]!.id, value })) },
    },
  });
}

async function groupReport(groupId: number, weekStartDate: string, values: Record<string, string>, current = true) {
  await db.prisma.groupReport.create({
    data: {
      groupId,
      submittedById: ani,
      weekStart: dbDate(weekStartDate),
      current: current ? true : null,
      version: current ? 2 : 1,
      values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: ind[code]!.id, value })) },
    },
  });
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  mariojela = (await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } })).id;
  ksb = (await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } })).id;
  ani = (await db.prisma.person.create({ data: { name: "Ani" } })).id;
  budi = (await db.prisma.person.create({ data: { name: "Budi" } })).id;
  ind = Object.fromEntries((await indicatorsOf(db.prisma, null, { activeOnly: false })).map((i) => [i.code, i]));

  // Mariojela, member indicators: two members; Budi skips the optional income every week.
  await memberReport(mariojela, ani, "2025-12-22", { "jelantah-terkumpul": "5", "lilin-terjual": "1" }); // 2025
  await memberReport(mariojela, ani, "2025-12-29", { "jelantah-terkumpul": "10.5", "lilin-terjual": "2" }); // straddles: 2026
  await memberReport(mariojela, budi, "2025-12-29", { "jelantah-terkumpul": "4", "lilin-terjual": "0" });
  await memberReport(mariojela, ani, "2026-01-05", { "jelantah-terkumpul": "99", "lilin-terjual": "9" }, false); // superseded
  await memberReport(mariojela, ani, "2026-01-05", { "jelantah-terkumpul": "3", "lilin-terjual": "1", pendapatan: "50000" });
  await memberReport(mariojela, budi, "2026-01-12", { "jelantah-terkumpul": "2.25", "lilin-terjual": "4" });
  await memberReport(mariojela, ani, "2026-12-28", { "jelantah-terkumpul": "1", "lilin-terjual": "1" }); // Fri 1 Jan 2027 inside: 2026
  await memberReport(mariojela, ani, "2025-01-06", { "jelantah-terkumpul": "7", "lilin-terjual": "3" }); // 2025 week 2

  // KSB, group indicators: members' old answers (history) must not count.
  await memberReport(ksb, ani, "2026-01-05", { "relawan-aktif": "500", peserta: "500" });
  await groupReport(ksb, "2026-01-05", { "relawan-aktif": "30", peserta: "25", "kegiatan-sosialisasi": "1", "simulasi-bencana": "0" });
  await groupReport(ksb, "2026-01-12", { "relawan-aktif": "99", peserta: "99" }, false); // replaced
  await groupReport(ksb, "2026-01-12", { "relawan-aktif": "32", peserta: "10", "kegiatan-sosialisasi": "1", "simulasi-bencana": "1" });
  await groupReport(ksb, "2026-01-19", { "relawan-aktif": "28", "kegiatan-sosialisasi": "0", "simulasi-bencana": "0" });

  await db.prisma.target.createMany({
    data: [
      { groupId: mariojela, indicatorId: ind["jelantah-terkumpul"]!.id, year: 2026, value: 1060, source: "cli" },
      { groupId: ksb, indicatorId: ind["relawan-aktif"]!.id, year: 2026, value: 40, source: "cli" },
    ],
  });
});

afterAll(async () => {
  await db?.drop();
});

/** Every indicator adds up by `aggregation` while `fn` runs (the rule lives in the database). */
async function withAggregation(aggregation: "sum" | "latest" | "max", fn: () => Promise<void>) {
  const before = await db.prisma.indicator.findMany({ select: { id: true, aggregation: true } });
  await db.prisma.indicator.updateMany({ data: { aggregation } });
  try {
    await fn();
  } finally {
    for (const row of before) await db.prisma.indicator.update({ where: { id: row.id }, data: { aggregation: row.aggregation } });
  }
}

const ksbIndicators = () => Object.values(ind).filter((i) => i.programmeId === ind["relawan-aktif"]!.programmeId);
const mariojelaIndicators = () => Object.values(ind).filter((i) => i.programmeId === ind["jelantah-terkumpul"]!.programmeId);

describe("figures", () => {
  it("adds members' current reports per week and the weeks of the year by the Thursday rule", async () => {
    const year = await yearFigures(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), 2026);
    // 2026: weeks of 29 Dec 2025 (10.5 + 4), 5 Jan (3), 12 Jan (2.25), 28 Dec 2026 (1)
    expect(year.get(figureKey(mariojela, ind["jelantah-terkumpul"]!.id))).toEqual({ value: "20.75", source: "reports" });
    expect(year.get(figureKey(mariojela, ind["lilin-terjual"]!.id))?.value).toBe("8");
    expect(year.get(figureKey(mariojela, ind.pendapatan!.id))?.value).toBe("50000");
    const y2025 = await yearFigures(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), 2025);
    expect(y2025.get(figureKey(mariojela, ind["jelantah-terkumpul"]!.id))?.value).toBe("12");
  });

  it("says not reported (null), never 0, for a week where every member skipped an optional indicator", async () => {
    const e = await evaluate(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), "2026-01-12", [{ from: "2026-01-12", to: "2026-01-12" }]);
    expect(extraOf(e, mariojela, ind.pendapatan!.id, 1)).toEqual([null]);
    expect(extraOf(e, mariojela, ind["lilin-terjual"]!.id, 1)).toEqual(["4"]);
    const after = await groupWeekAndYear(db.prisma, mariojela, mariojelaIndicators(), "2025-12-29");
    expect(after.find((f) => f.indicator.code === "pendapatan")).toMatchObject({ week: null, year: null });
    expect(after.find((f) => f.indicator.code === "lilin-terjual")).toMatchObject({ week: "2", year: "2" });
  });

  it("reads group indicators only from current group reports: latest for volunteers, sum for participants", async () => {
    const e = await evaluate(db.prisma, { groupIds: [ksb] }, ksbIndicators(), "2026-01-19");
    expect(evaluationOf(e, ksb, ind["relawan-aktif"]!.id)).toMatchObject({ year: "28", target: "40", percent: "70", line: null, behind: false });
    expect(evaluationOf(e, ksb, ind.peserta!.id).year).toBe("35");
    expect(evaluationOf(e, ksb, ind["kegiatan-sosialisasi"]!.id).year).toBe("2");
  });

  it("takes the highest week for a max indicator", async () => {
    await withAggregation("max", async () => {
      const e = await evaluate(db.prisma, { groupIds: [ksb] }, [{ ...ind["relawan-aktif"]!, aggregation: "max" }], "2026-01-19");
      expect(evaluationOf(e, ksb, ind["relawan-aktif"]!.id).year).toBe("32");
    });
  });

  it("combines weeks in SQL exactly as the pure rule does, for every aggregation", async () => {
    const span = yearSpan(2026);
    const weeks = await weekFigures(db.prisma, null, span);
    for (const aggregation of ["sum", "latest", "max"] as const) {
      await withAggregation(aggregation, async () => {
        const indicators = Object.values(ind).map((i) => ({ ...i, aggregation }));
        const e = await evaluate(db.prisma, null, indicators, span.to);
        expect(e.byKey.size).toBeGreaterThan(5);
        for (const [key, evaluation] of e.byKey) {
          const mine = weeks.filter((w) => figureKey(w.groupId, w.indicatorId) === key);
          expect(evaluation.year, `${aggregation} ${key}`).toBe(combineWeeks(aggregation, mine));
        }
      });
    }
  });

  it("evaluates the year so far against the target, its pro-rata line and the same weeks last year", async () => {
    const e = await evaluate(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), "2026-01-05"); // week 2 of 53
    expect(e.period).toMatchObject({ year: 2026, weeksElapsed: 2, lastYear: { from: "2024-12-30", to: "2025-01-06" } });
    expect(evaluationOf(e, mariojela, ind["jelantah-terkumpul"]!.id)).toMatchObject({
      year: "17.5",
      lastYear: "7",
      lastYearSource: "reports",
      target: "1060",
      percent: "1.7",
      line: "40",
      behind: true,
    });
  });

  it("uses a year's baseline where there are no reports, for the year and as last year", async () => {
    const y2021 = await yearFigures(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), 2021);
    expect(y2021.get(figureKey(mariojela, ind["jelantah-terkumpul"]!.id))).toEqual({ value: "789.5", source: "baseline" });
    expect(y2021.get(figureKey(mariojela, ind["lilin-terjual"]!.id))).toEqual({ value: "255", source: "baseline" });
    expect(y2021.get(figureKey(mariojela, ind.pendapatan!.id))).toBeUndefined();
    const e2022 = await evaluate(db.prisma, { groupIds: [mariojela] }, mariojelaIndicators(), yearSpan(2022).to);
    expect(evaluationOf(e2022, mariojela, ind["jelantah-terkumpul"]!.id)).toMatchObject({ year: null, lastYear: "789.5", lastYearSource: "baseline" });
  });

  it("gives the chart the weekly figures and the cumulative line per rule, with the target", async () => {
    const series = await yearSeries(db.prisma, [ksb], ksbIndicators(), "2026-01-26");
    expect(series.weekStartDates).toEqual(["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]);
    const relawan = series.indicators.find((i) => i.indicator.code === "relawan-aktif")!;
    expect(relawan.weekly).toEqual([null, "30", "32", "28", null]);
    expect(relawan.running).toEqual([null, "30", "32", "28", "28"]);
    expect(relawan.target).toBe("40");
    const peserta = series.indicators.find((i) => i.indicator.code === "peserta")!;
    expect(peserta.weekly).toEqual([null, "25", "10", null, null]);
    expect(peserta.running).toEqual([null, "25", "35", "35", "35"]);
    expect(peserta.target).toBeNull();
  });
});
