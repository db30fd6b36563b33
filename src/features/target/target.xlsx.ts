import { figureKey, type FigureKey } from "./target.figures.js";
import type { PlanProgramme, YearlyKind } from "./target.repository.js";
import type { SheetMeta, SheetRow } from "./target.service.js";

/**
 * The template of a programme-year, one row per group × indicator, that staff fill in Excel
 * and send back to the bot. The bot reads codes and the figure by position (columns A, C and
 * the last one), never by header text, so the headers may be in either language. Which
 * programme, year and kind (target or baseline) the file is for sits in a hidden sheet.
 *
 * target:   A group code | B group | C indicator code | D indicator | E unit | F last year | G this year so far | H target
 * baseline: A group code | B group | C indicator code | D indicator | E unit | F the year's total
 */

export const META_SHEET = "lapor";
export const FIRST_DATA_ROW = 4;
export const VALUE_COLUMN: Record<YearlyKind, string> = { target: "H", baseline: "F" };
const VALUE_INDEX: Record<YearlyKind, number> = { target: 8, baseline: 6 };

export type TemplateTexts = {
  sheetName: string;
  title: string;
  hint: string;
  headers: string[];
  indicatorLabel(i: { labelId: string; labelEn: string }): string;
  unit(unit: string): string;
};

export type TemplateInput = {
  kind: YearlyKind;
  programme: PlanProgramme;
  year: number;
  /** the stored figure (target or baseline) of this year */
  stored: Map<FigureKey, string>;
  /** target only: last year's and this year's figures so far */
  lastYear?: Map<FigureKey, string>;
  thisYear?: Map<FigureKey, string>;
  texts: TemplateTexts;
};

/** The filled-in template as XLSX bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs"); // loaded with the first workbook, not at start
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lapor Kelompok";
  const sheet = workbook.addWorksheet(input.texts.sheetName.slice(0, 31));
  sheet.getCell("A1").value = input.texts.title;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value = input.texts.hint;
  const header = sheet.getRow(FIRST_DATA_ROW - 1);
  header.values = input.texts.headers;
  header.font = { bold: true };
  const valueIndex = VALUE_INDEX[input.kind];
  let r = FIRST_DATA_ROW;
  for (const group of input.programme.groups) {
    for (const indicator of input.programme.indicators) {
      const key = figureKey(group.id, indicator.id);
      const num = (v: string | undefined) => (v === undefined ? null : Number(v));
      const cells: Array<string | number | null> = [group.code, group.name, indicator.code, input.texts.indicatorLabel(indicator), input.texts.unit(indicator.unit)];
      if (input.kind === "target") cells.push(num(input.lastYear?.get(key)), num(input.thisYear?.get(key)));
      cells.push(num(input.stored.get(key)));
      sheet.getRow(r).values = cells;
      const format = indicator.decimals > 0 ? `#,##0.${"0".repeat(indicator.decimals)}` : "#,##0";
      for (let c = 6; c <= valueIndex; c++) sheet.getRow(r).getCell(c).numFmt = format;
      sheet.getRow(r).getCell(valueIndex).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      r++;
    }
  }
  sheet.columns.forEach((col, i) => {
    col.width = [12, 28, 14, 36, 10, 14, 14, 14][i] ?? 14;
  });
  sheet.views = [{ state: "frozen", ySplit: FIRST_DATA_ROW - 1 }];
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.addRow(["kind", input.kind]);
  meta.addRow(["programme", input.programme.code]);
  meta.addRow(["year", input.year]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ReadTemplate = { kind: "ok"; meta: SheetMeta; rows: SheetRow[]; valueColumn: string } | { kind: "not-template" };

/** Reads a filled-in template; anything that is not one of ours (no meta sheet, not XLSX) is "not-template". */
export async function readTemplate(bytes: Buffer): Promise<ReadTemplate> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { kind: "not-template" };
  }
  const metaSheet = workbook.getWorksheet(META_SHEET);
  const sheet = workbook.worksheets.find((w) => w.name !== META_SHEET);
  if (!metaSheet || !sheet) return { kind: "not-template" };
  const metaOf = (label: string) => {
    for (let i = 1; i <= metaSheet.rowCount; i++) if (cellText(metaSheet.getRow(i).getCell(1).value) === label) return cellText(metaSheet.getRow(i).getCell(2).value);
    return "";
  };
  const kind = metaOf("kind");
  const year = Number(metaOf("year"));
  const programmeCode = metaOf("programme");
  if ((kind !== "target" && kind !== "baseline") || !Number.isInteger(year) || !programmeCode) return { kind: "not-template" };
  const valueIndex = VALUE_INDEX[kind];
  const rows: SheetRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const groupCode = cellText(row.getCell(1).value);
    const indicatorCode = cellText(row.getCell(3).value);
    const value = cellValue(row.getCell(valueIndex).value);
    if (!groupCode && !indicatorCode && value === null) continue;
    rows.push({ row: r, groupCode, indicatorCode, value });
  }
  return { kind: "ok", meta: { kind, programmeCode, year }, rows, valueColumn: VALUE_COLUMN[kind] };
}

type Cell = import("exceljs").CellValue;

function cellValue(v: Cell): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "object" && "result" in v) return cellValue((v.result ?? null) as Cell);
  const text = cellText(v);
  return text === "" ? null : text;
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("").trim();
  if (typeof v === "object" && "text" in v) return String(v.text).trim();
  if (typeof v === "object" && "result" in v) return cellText((v.result ?? null) as Cell);
  return "";
}
