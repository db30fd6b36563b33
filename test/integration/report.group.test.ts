// Group figures (indicators reported once per group and week) in /lapor, and the weekly
// obstacle question: who is asked what, saved in one transaction with the member's report,
// a second group report replaces the first and keeps it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportHistory } from "../../src/features/report/report.history.js";
import { createReportRepository } from "../../src/features/report/report.repository.js";
import { saveReport, type SaveInput } from "../../src/features/report/report.save.js";
import { prepareReport, type ReportDeps, type ReportPlan } from "../../src/features/report/report.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const WITA = "Asia/Makassar";
/** Wednesday 7 January 2026, 10:00 WITA: week 2026-W02. */
const NOW = new Date("2026-01-07T02:00:00Z");
const WEEK = "2026-W02";

describe("group figures and obstacles in a report", () => {
  let db: TestDatabase;
  let svc: ReportDeps;
  let groupId: number;
  let ind: Record<string, number>;
  let coordinator: number;
  let ani: number;
  let budi: number;
  let sari: number;

  async function person(telegramId: number | null, name: string, role: "member" | "coordinator" = "member") {
    const p = await db.prisma.person.create({
      data: { telegramId: telegramId === null ? null : BigInt(telegramId), name, memberships: { create: { groupId, role } } },
    });
    return p.id;
  }

  async function plan(actor: number, member = actor): Promise<ReportPlan> {
    const prepared = await prepareReport(svc, { actorPersonId: actor, groupId, memberId: member, weekKey: WEEK });
    if (prepared.kind !== "ok") throw new Error(prepared.kind);
    return prepared.plan;
  }

  const codes = (p: ReportPlan) => p.indicators.map((i) => i.code);

  /** Answers every asked indicator from `values` (by code) and saves. */
  function save(p: ReportPlan, actor: number, values: Record<string, string | null>, extra: Partial<SaveInput> = {}) {
    return saveReport(svc, {
      actorPersonId: actor,
      groupId,
      memberId: p.memberId,
      weekKey: WEEK,
      answers: p.indicators.map((i) => ({ indicatorId: i.id, value: values[i.code] ?? null })),
      photoFileId: null,
      note: null,
      groupAsked: p.groupAsked,
      ...extra,
    });
  }

  const groupVersions = () =>
    db.prisma.groupReport.findMany({
      where: { groupId },
      orderBy: { version: "asc" },
      include: { values: { include: { indicator: { select: { code: true } } } } },
    });
  const valuesOf = (r: { values: Array<{ value: { toFixed(): string }; indicator: { code: string } }> }) =>
    Object.fromEntries(r.values.map((v) => [v.indicator.code, v.value.toFixed()]));

  beforeAll(async () => {
    db = await freshDatabase({ seed: true });
    svc = { repo: createReportRepository(db.prisma), clock: () => NOW, timeZone: WITA, backfillWeeks: 4, logger: { error() {}, warn() {} } };
    const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
    groupId = group.id;
    // Mariojela as a programme with both kinds: its income becomes one figure for the whole group.
    await db.prisma.indicator.updateMany({ where: { programmeId: group.programmeId, code: "pendapatan" }, data: { reportedBy: "group" } });
    const rows = await db.prisma.indicator.findMany({ where: { programmeId: group.programmeId } });
    ind = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    coordinator = await person(7101, "Bu Ketua", "coordinator");
    ani = await person(7102, "Ani");
    budi = await person(7103, "Budi");
    sari = await person(null, "Sari");
  });
  afterAll(() => db?.drop());

  it("the first member to report in a week gives the group's figures too, in one transaction", async () => {
    const p = await plan(ani);
    expect(p).toMatchObject({ groupAsked: true, existingGroup: null, asksObstacles: true });
    expect(codes(p)).toEqual(["jelantah-terkumpul", "lilin-terjual", "pendapatan"]);
    const saved = await save(p, ani, { "jelantah-terkumpul": "10", "lilin-terjual": "2", pendapatan: "150000" }, { saveKey: "k-ani" });
    expect(saved).toMatchObject({ kind: "saved", version: 1, replaced: false, group: { version: 1, replaced: false } });
    const [report] = await db.prisma.report.findMany({ where: { memberId: ani }, include: { values: true } });
    // the member's report holds only the member's figures; the group's sit in group_report
    expect(report!.values.map((v) => v.indicatorId).sort()).toEqual([ind["jelantah-terkumpul"], ind["lilin-terjual"]].sort());
    const groups = await groupVersions();
    expect(groups.map((g) => [g.version, g.current, g.submittedById, g.saveKey, valuesOf(g)])).toEqual([[1, true, ani, "k-ani", { pendapatan: "150000" }]]);
    // the same press again: no second version of either
    expect(await save(p, ani, { "jelantah-terkumpul": "10", "lilin-terjual": "2", pendapatan: "150000" }, { saveKey: "k-ani" })).toEqual(saved);
    expect(await groupVersions()).toHaveLength(1);
  });

  it("another member is not asked the group's figures once they are in, and does not add to them", async () => {
    const p = await plan(budi);
    expect(p).toMatchObject({ groupAsked: false, existingGroup: null });
    expect(codes(p)).toEqual(["jelantah-terkumpul", "lilin-terjual"]);
    // even a forged group answer is refused: the figures were not asked
    const forged = await saveReport(svc, {
      actorPersonId: budi, groupId, memberId: budi, weekKey: WEEK, photoFileId: null, note: null,
      answers: [...p.indicators.map((i) => ({ indicatorId: i.id, value: "1" })), { indicatorId: ind.pendapatan!, value: "999" }],
    });
    expect(forged).toEqual({ kind: "invalid", indicatorId: ind.pendapatan });
    expect(await save(p, budi, { "jelantah-terkumpul": "5", "lilin-terjual": "1" })).toMatchObject({ kind: "saved", group: null });
    expect((await groupVersions()).map((g) => [g.version, g.current])).toEqual([[1, true]]);
  });

  it("the coordinator reporting on a member's behalf is not asked them again", async () => {
    const p = await plan(coordinator, sari);
    expect(p.groupAsked).toBe(false);
  });

  it("the coordinator sees the stored group figures and replaces them; the earlier version is kept", async () => {
    const p = await plan(coordinator);
    expect(p.groupAsked).toBe(true);
    expect(p.existingGroup).toMatchObject({ version: 1, submittedById: ani, values: [{ indicatorId: ind.pendapatan, value: "150000" }] });
    const saved = await save(p, coordinator, { "jelantah-terkumpul": "0", "lilin-terjual": "0", pendapatan: "200000" });
    expect(saved).toMatchObject({ kind: "saved", replaced: false, group: { version: 2, replaced: true } });
    const groups = await groupVersions();
    expect(groups.map((g) => [g.version, g.current, valuesOf(g)])).toEqual([
      [1, null, { pendapatan: "150000" }],
      [2, true, { pendapatan: "200000" }],
    ]);
    expect(groups[0]!.supersededAt).not.toBeNull();
  });

  it("skipping every group figure leaves the stored ones as they are", async () => {
    const p = await plan(coordinator);
    expect(await save(p, coordinator, { "jelantah-terkumpul": "1", "lilin-terjual": "1", pendapatan: null })).toMatchObject({ kind: "saved", version: 2, group: null });
    expect((await groupVersions()).filter((g) => g.current)).toHaveLength(1);
  });

  it("an inactive indicator is never asked", async () => {
    await db.prisma.indicator.update({ where: { id: ind["lilin-terjual"]! }, data: { active: false } });
    try {
      expect(codes(await plan(budi))).toEqual(["jelantah-terkumpul"]);
      expect(codes(await plan(coordinator))).toEqual(["jelantah-terkumpul", "pendapatan"]);
    } finally {
      await db.prisma.indicator.update({ where: { id: ind["lilin-terjual"]! }, data: { active: true } });
    }
  });

  it("stores the week's obstacle with the report and /riwayat shows it", async () => {
    const p = await plan(ani);
    const saved = await save(p, ani, { "jelantah-terkumpul": "11", "lilin-terjual": "2" }, { obstacle: "  Jeriken penampung bocor  " });
    expect(saved).toMatchObject({ kind: "saved", version: 2 });
    const current = await db.prisma.report.findFirstOrThrow({ where: { memberId: ani, current: true } });
    expect(current.obstacle).toBe("Jeriken penampung bocor");
    expect((await plan(ani)).existing).toMatchObject({ obstacle: "Jeriken penampung bocor" });
    expect(await reportHistory(svc, ani)).toMatchObject({ kind: "ok", reports: [{ weekKey: WEEK, obstacle: "Jeriken penampung bocor" }] });
  });

  it("a programme that does not ask for obstacles neither asks nor stores one", async () => {
    const group = await db.prisma.group.findUniqueOrThrow({ where: { id: groupId } });
    await db.prisma.programme.update({ where: { id: group.programmeId }, data: { asksObstacles: false } });
    try {
      const p = await plan(budi);
      expect(p.asksObstacles).toBe(false);
      expect(await save(p, budi, { "jelantah-terkumpul": "1", "lilin-terjual": "1" }, { obstacle: "x" })).toEqual({ kind: "invalid", indicatorId: null });
    } finally {
      await db.prisma.programme.update({ where: { id: group.programmeId }, data: { asksObstacles: true } });
    }
  });

  it("a programme with group figures only asks them of every member (who then replaces them)", async () => {
    const ksb = await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } });
    const dewi = (await db.prisma.person.create({ data: { telegramId: 7109n, name: "Dewi", memberships: { create: { groupId: ksb.id } } } })).id;
    const kinds = await db.prisma.indicator.findMany({ where: { programmeId: ksb.programmeId, active: true }, select: { reportedBy: true } });
    expect(kinds.every((k) => k.reportedBy === "group")).toBe(true);
    const prepared = await prepareReport(svc, { actorPersonId: dewi, groupId: ksb.id, memberId: dewi, weekKey: WEEK });
    expect(prepared).toMatchObject({ kind: "ok", plan: { groupAsked: true } });
  });
});
