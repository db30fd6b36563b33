// Targets and baselines: set one (service and CLI), the XLSX template and its import (a good
// file; a file with errors imports nothing and names row and column), each change audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { runCli, type CliDeps } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import { auditTrail } from "../../src/features/audit/audit.service.js";
import { programmeByCode, type PlanProgramme } from "../../src/features/target/target.repository.js";
import { applyYearly, planImport, setOneYearly } from "../../src/features/target/target.service.js";
import { templateFor } from "../../src/features/target/target.template.js";
import { readTemplate } from "../../src/features/target/target.xlsx.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase;
let mariojela: PlanProgramme;
const now = new Date("2026-03-10T02:00:00Z");
const i18n = createI18n();
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  mariojela = (await programmeByCode(db.prisma, "mariojela"))!;
});
afterAll(() => db?.drop());

const deps = () => ({ prisma: db.prisma, clock: () => now });
const ind = (code: string) => mariojela.indicators.find((i) => i.code === code)!;
const group = () => mariojela.groups[0]!;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const cliDeps: CliDeps = { prisma: db.prisma, config: loadConfig({ DATABASE_URL: db.url }), clock: () => now, out: (s) => (out += s), err: (s) => (err += s) };
  const code = await runCli(args, cliDeps);
  return { code, out, err };
}

/** The template, with `edit` applied to its first sheet, as bytes. */
async function filledTemplate(kind: "target" | "baseline", year: number, edit: (sheet: import("exceljs").Worksheet) => void): Promise<Buffer> {
  const bytes = await templateFor(db.prisma, { kind, programme: mariojela, year, t, language: "id" });
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("setting one target", () => {
  it("stores who set it, when and from where, and audits before → after", async () => {
    const staff = await db.prisma.person.create({ data: { telegramId: 9001n, name: "Staf", staffRole: "staff" } });
    const input = { programme: mariojela, groupId: group().id, indicatorId: ind("jelantah-terkumpul").id, year: 2026, value: "900" };
    expect(await setOneYearly(deps(), "target", input, { actorId: staff.id, source: "bot" })).toMatchObject({ kind: "saved", before: null, after: "900", changed: true });
    expect(await setOneYearly(deps(), "target", { ...input, value: "950.5" }, { actorId: staff.id, source: "bot" })).toMatchObject({ before: "900", after: "950.5" });
    const row = await db.prisma.target.findFirstOrThrow({ where: { groupId: group().id, indicatorId: input.indicatorId, year: 2026 } });
    expect([row.value.toString(), row.setById, row.source, row.setAt.toISOString()]).toEqual(["950.5", staff.id, "bot", now.toISOString()]);
    const trail = await auditTrail(db.prisma, "target", row.id);
    expect(trail.map((e) => [e.action, e.actorId, (e.before as { value?: string } | null)?.value ?? null, (e.after as { value: string }).value])).toEqual([
      ["create", staff.id, null, "900"],
      ["update", staff.id, "900", "950.5"],
    ]);
  });

  it("refuses a person who is not staff, a negative figure and too many decimals", async () => {
    const member = await db.prisma.person.create({ data: { telegramId: 9002n, name: "Anggota" } });
    const input = { programme: mariojela, groupId: group().id, indicatorId: ind("lilin-terjual").id, year: 2026, value: "10" };
    expect(await setOneYearly(deps(), "target", input, { actorId: member.id, source: "bot" })).toEqual({ kind: "not-allowed" });
    expect(await setOneYearly(deps(), "target", { ...input, value: "-1" }, { actorId: null, source: "cli" })).toEqual({ kind: "invalid", issue: "negative" });
    expect(await setOneYearly(deps(), "target", { ...input, value: "1.5" }, { actorId: null, source: "cli" })).toEqual({ kind: "invalid", issue: "too-many-decimals" });
  });
});

describe("the CLI", () => {
  it("target set reads Indonesian figures, target list shows it, audited with no actor", async () => {
    const set = await cli(["target", "set", "--group", "mariojela-margasari", "--indicator", "lilin-terjual", "--year", "2027", "--value", "1.250"]);
    expect(set).toMatchObject({ code: 0, err: "" });
    expect(set.out).toContain("none -> 1.250 buah");
    const list = await cli(["target", "list", "--group", "mariojela-margasari", "--year", "2027"]);
    expect(list.out).toMatch(/^2027 {2}mariojela-margasari {2}lilin-terjual {2}1\.250 buah {2}\(cli, /);
    const row = await db.prisma.target.findFirstOrThrow({ where: { year: 2027 } });
    expect((await auditTrail(db.prisma, "target", row.id)).map((e) => [e.actorId, e.source])).toEqual([[null, "cli"]]);
  });

  it("baseline set, and a bad value is an error without a change", async () => {
    expect((await cli(["baseline", "set", "--group", "mariojela-margasari", "--indicator", "jelantah-terkumpul", "--year", "2020", "--value", "612,5"])).code).toBe(0);
    const bad = await cli(["baseline", "set", "--group", "mariojela-margasari", "--indicator", "jelantah-terkumpul", "--year", "2020", "--value", "banyak"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('cannot take "banyak"');
    const rows = await db.prisma.baseline.findMany({ where: { year: 2020 } });
    expect(rows.map((r) => r.value.toString())).toEqual(["612.5"]);
  });
});

describe("the XLSX template and its import", () => {
  it("the template has one row per group × indicator with last year's figures beside the target column", async () => {
    const bytes = await templateFor(db.prisma, { kind: "target", programme: mariojela, year: 2022, t, language: "id" });
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, "Kode kelompok", "Kelompok", "Kode indikator", "Indikator", "Satuan", "Realisasi 2021", "2022 sejauh ini", "Target 2022"]);
    const rows = [4, 5, 6].map((r) => sheet.getRow(r).values as unknown[]);
    expect(rows.map((r) => r[3])).toEqual(mariojela.indicators.map((i) => i.code));
    // the seed's 2021 figures (baselines) as last year's column
    expect(rows[0]![6]).toBe(789.5);
    expect(rows[1]![6]).toBe(255);
  });

  it("a good file: the plan lists the changes, applying imports them and audits each", async () => {
    const bytes = await filledTemplate("target", 2028, (s) => {
      s.getCell("H4").value = 1000;
      s.getCell("H5").value = "1.250";
    });
    const read = await readTemplate(bytes);
    if (read.kind !== "ok") throw new Error(read.kind);
    expect(read.meta).toEqual({ kind: "target", programmeCode: "mariojela", year: 2028 });
    const plan = await planImport(deps(), read.meta, read.rows, read.valueColumn);
    if (plan.kind !== "plan") throw new Error(plan.kind);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => [c.row, c.value, c.before])).toEqual([
      [4, "1000", null],
      [5, "1250", null],
    ]);
    expect(await applyYearly(deps(), "target", plan.changes, { actorId: null, source: "xlsx" })).toEqual({ changed: 2, unchanged: 0 });
    const stored = await db.prisma.target.findMany({ where: { year: 2028 }, orderBy: { indicatorId: "asc" } });
    expect(stored.map((r) => [r.value.toString(), r.source])).toEqual([
      ["1000", "xlsx"],
      ["1250", "xlsx"],
    ]);
    expect(await db.prisma.auditEntry.count({ where: { entity: "target", entityId: { in: stored.map((r) => r.id) } } })).toBe(2);
  });

  it("a file with errors: every bad row named by row and column, and nothing imported", async () => {
    const bytes = await filledTemplate("target", 2029, (s) => {
      s.getCell("H4").value = 500; // good, but the file has errors: not imported either
      s.getCell("H5").value = "lima ratus";
      s.getCell("A6").value = "kelompok-hantu";
      s.getCell("H6").value = 3;
      s.getCell("A7").value = "mariojela-margasari";
      s.getCell("C7").value = "lilin-terjual";
      s.getCell("H7").value = -4;
    });
    const out = await (async () => {
      const { writeFile, mkdtemp } = await import("node:fs/promises");
      const { join } = await import("node:path");
      const { tmpdir } = await import("node:os");
      const file = join(await mkdtemp(join(tmpdir(), "target-")), "t.xlsx");
      await writeFile(file, bytes);
      return cli(["target", "import", file, "--yes"]);
    })();
    expect(out.code).toBe(1);
    expect(out.err.split("\n").filter((l) => l.startsWith("Row"))).toEqual([
      'Row 5, column H: cannot read "lima ratus" as a figure',
      'Row 6, column A: unknown group code "kelompok-hantu"',
      'Row 7, column H: "-4" is negative',
    ]);
    expect(out.err).toContain("Nothing imported: 3 error(s).");
    expect(await db.prisma.target.count({ where: { year: 2029 } })).toBe(0);
  });

  it("a baseline file through the CLI: preview without --yes, imported with it", async () => {
    const bytes = await filledTemplate("baseline", 2019, (s) => {
      s.getCell("F4").value = "700,5";
    });
    const { writeFile, mkdtemp } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(await mkdtemp(join(tmpdir(), "baseline-")), "b.xlsx");
    await writeFile(file, bytes);
    const preview = await cli(["baseline", "import", file]);
    expect(preview.err).toBe("");
    expect(preview.out).toContain("row 4: Mariojela");
    expect(preview.out).toContain("none -> 700,5 liter");
    expect(await db.prisma.baseline.count({ where: { year: 2019 } })).toBe(0);
    expect((await cli(["target", "import", file])).err).toContain("is a baseline file");
    expect((await cli(["baseline", "import", file, "--yes"])).out).toContain("Imported: 1 changed.");
    expect((await db.prisma.baseline.findFirstOrThrow({ where: { year: 2019 } })).value.toString()).toBe("700.5");
  });
});
