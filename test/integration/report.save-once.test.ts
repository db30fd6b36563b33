// Issue 8, defect 2: a crash right after «Simpan» made the re-delivered press save the same
// report again (a second, identical version, and "laporan lama … sudah diganti"). One press
// makes one version: the press's save key is stored with the version under a unique index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReportRepository } from "../../src/features/report/report.repository.js";
import { saveReport, type SaveInput } from "../../src/features/report/report.save.js";
import type { ReportDeps } from "../../src/features/report/report.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const WITA = "Asia/Makassar";
/** Wednesday 7 January 2026, 10:00 WITA: week 2026-W02. */
const NOW = new Date("2026-01-07T02:00:00Z");

describe("one press of Simpan makes one version", () => {
  let db: TestDatabase;
  let svc: ReportDeps;
  let groupId: number;
  let member: number;
  let indicator: Record<string, number>;

  const input = (jelantah: string, saveKey: string): SaveInput => ({
    actorPersonId: member,
    groupId,
    memberId: member,
    weekKey: "2026-W02",
    answers: [
      { indicatorId: indicator["jelantah-terkumpul"]!, value: jelantah },
      { indicatorId: indicator["lilin-terjual"]!, value: "1" },
      { indicatorId: indicator.pendapatan!, value: null },
    ],
    photoFileId: null,
    note: null,
    saveKey,
  });

  const versions = () =>
    db.prisma.report.findMany({ where: { groupId, memberId: member }, orderBy: { version: "asc" }, select: { version: true, current: true, saveKey: true } });

  beforeAll(async () => {
    db = await freshDatabase({ seed: true });
    svc = { repo: createReportRepository(db.prisma), clock: () => NOW, timeZone: WITA, backfillWeeks: 4, logger: { error() {}, warn() {} } };
    const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
    groupId = group.id;
    const rows = await db.prisma.indicator.findMany({ where: { programmeId: group.programmeId } });
    indicator = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    member = (await db.prisma.person.create({ data: { telegramId: 7001n, name: "Ani", memberships: { create: { groupId } } } })).id;
  });
  afterAll(() => db?.drop());

  it("the same press handled again (after a crash) finds its version and answers as the first time", async () => {
    const first = await saveReport(svc, input("12", "a1b2c3d4.9:u1001"));
    expect(first).toMatchObject({ kind: "saved", version: 1, replaced: false });
    const replay = await saveReport(svc, input("12", "a1b2c3d4.9:u1001"));
    expect(replay).toEqual(first);
    expect(await versions()).toEqual([{ version: 1, current: true, saveKey: "a1b2c3d4.9:u1001" }]);
  });

  it("a later press replaces the report, and its own replay again saves nothing", async () => {
    const second = await saveReport(svc, input("15", "e5f6a7b8.9:u1050"));
    expect(second).toMatchObject({ kind: "saved", version: 2, replaced: true });
    expect(await saveReport(svc, input("15", "e5f6a7b8.9:u1050"))).toEqual(second);
    // the first press re-delivered late still finds version 1 and replaces nothing
    expect(await saveReport(svc, input("12", "a1b2c3d4.9:u1001"))).toMatchObject({ kind: "saved", version: 1, replaced: false });
    expect((await versions()).map((v) => [v.version, v.current])).toEqual([
      [1, null],
      [2, true],
    ]);
  });

  it("two deliveries of one press at once still make one version", async () => {
    const results = await Promise.all([saveReport(svc, input("20", "c0ffee00.9:u1100")), saveReport(svc, input("20", "c0ffee00.9:u1100"))]);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ kind: "saved", version: 3, replaced: true });
    expect((await versions()).map((v) => v.version)).toEqual([1, 2, 3]);
  });
});
