// The export with group indicators and skipped figures: the group's own figures are a row of
// their own (members' old answers to them are not shown), a skipped figure is an empty cell
// (also in the totals row), and a head count's total is its latest value, not a column sum.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { buildReportsCsv, buildReportsXlsx } from "../../src/features/export/export.files.js";
import { exportTexts } from "../../src/features/export/export.texts.js";
import { dbDate } from "../../src/lib/week.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const ZONE = "Asia/Makassar";
const i18n = createI18n();
const texts = exportTexts((key, vars) => i18n.t("id", key, vars), "id");
const PERIOD = { firstWeekStartDate: "2026-01-05", lastWeekStartDate: "2026-01-12" };

let db: TestDatabase;
let ksb: { id: number; programmeId: number };
let code: Record<string, number>;

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  ksb = await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" }, select: { id: true, programmeId: true } });
  code = Object.fromEntries((await db.prisma.indicator.findMany({ where: { programmeId: ksb.programmeId } })).map((i) => [i.code, i.id]));
  const ani = await db.prisma.person.create({ data: { name: "Ani" } });
  const group = (weekStart: string, values: Record<string, number>) =>
    db.prisma.groupReport.create({
      data: {
        groupId: ksb.id,
        submittedById: ani.id,
        weekStart: dbDate(weekStart),
        values: { create: Object.entries(values).map(([c, value]) => ({ indicatorId: code[c]!, value })) },
      },
    });
  // A member's report from before the indicators became the group's: history, not shown.
  await db.prisma.report.create({
    data: {
      groupId: ksb.id,
      memberId: ani.id,
      submittedById: ani.id,
      weekStart: dbDate("2026-01-05"),
      values: { create: [{ indicatorId: code["relawan-aktif"]!, value: 500 }] },
    },
  });
  // Week 1: participants skipped (optional); week 2: 30 → 28 volunteers.
  await group("2026-01-05", { "kegiatan-sosialisasi": 1, "simulasi-bencana": 0, "relawan-aktif": 30 });
  await group("2026-01-12", { "kegiatan-sosialisasi": 2, "simulasi-bencana": 1, "relawan-aktif": 28 });
});

afterAll(async () => {
  await db?.drop();
});

describe("the export with group indicators", () => {
  it("writes the group's figures as rows of their own, skipped ones empty, and totals by each indicator's rule", async () => {
    const { bytes } = await buildReportsXlsx(db.prisma, { ...PERIOD, programmeIds: [ksb.programmeId] }, ZONE, texts);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (label: string) => header.findIndex((h) => typeof h === "string" && h.startsWith(label)) + 1;
    const [kegiatan, peserta, simulasi, relawan] = ["Kegiatan", "Peserta", "Simulasi", "Relawan"].map(column);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));

    // week 1: Ani's report (no member indicators, her old 500 volunteers not shown), then the group's row
    expect(rows[0]!.getCell(5).value).toBe("Ani");
    expect(rows[0]!.getCell(relawan!).value).toBeNull();
    expect(rows[1]!.getCell(5).value).toBe("(laporan kelompok)");
    expect([kegiatan, peserta, simulasi, relawan].map((c) => rows[1]!.getCell(c!).value)).toEqual([1, null, 0, 30]);
    expect([kegiatan, peserta, simulasi, relawan].map((c) => rows[2]!.getCell(c!).value)).toEqual([2, null, 1, 28]);

    const totals = sheet.getRow(5);
    expect(totals.getCell(1).value).toBe("Jumlah");
    expect(totals.getCell(kegiatan!).value).toEqual({ formula: expect.stringMatching(/^SUM\(/), result: 3 });
    expect(totals.getCell(peserta!).value).toBeNull(); // nobody gave it: empty, not 0
    expect(totals.getCell(relawan!).value).toBe(28); // the latest head count, not 30 + 28
  });

  it("leaves a skipped figure empty in the CSV too", async () => {
    const [file] = await buildReportsCsv(db.prisma, { ...PERIOD, programmeIds: [ksb.programmeId] }, ZONE, texts);
    const lines = file!.bytes.subarray(3).toString("utf8").split("\r\n").filter((l) => l.includes("(laporan kelompok)"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/;1;;0;30;/);
  });
});
