import { PassThrough, type Writable } from "node:stream";
import type { PrismaClient } from "../../db/client.js";
import { CSV_BOM, csvLine } from "./export.csv.js";
import { exportColumns, LEADING_COLUMNS, PLAIN_TEXTS, rowTexts, sheetNames, wallTime, weekDate, weekKeys, type ExportTexts } from "./export.columns.js";
import { createExportRepository, type ExportProgramme, type ReportFilter } from "./export.repository.js";

/**
 * The reports export as files. XLSX: one sheet per programme, one row per member and week,
 * a totals row; written with ExcelJS's streaming writer (rows go out a page at a time, as the
 * cursor reads them). Dates and times are real Excel dates holding the deployment zone's wall
 * time (Excel has no zones); figures are real numbers with the indicator's decimals as format.
 * CSV: one file per programme, same columns, convention in export.csv.ts.
 */

/** `name` in the requester's language, for captions; `code` for file names. */
export type ProgrammeSummary = { programmeId: number; code: string; name: string; rows: number };

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The programmes to write: those with reports in scope (a programme without any would only
 * add an empty sheet or file); when none has any, the first one, so the workbook is valid.
 */
async function programmesToWrite(repo: ReturnType<typeof createExportRepository>, filter: ReportFilter): Promise<ExportProgramme[]> {
  const programmes = await repo.programmesInScope(filter);
  const withReports = await repo.programmeIdsWithReports(filter);
  const kept = programmes.filter((p) => withReports.has(p.id));
  return kept.length > 0 ? kept : programmes.slice(0, 1);
}

function programmeName(programme: ExportProgramme, texts: ExportTexts): string {
  return texts.language === "en" ? programme.nameEn : programme.name;
}

/** Writes the workbook to `stream` (which ExcelJS ends). */
export async function writeReportsXlsx(
  prisma: PrismaClient,
  filter: ReportFilter,
  zone: string,
  stream: Writable,
  texts: ExportTexts = PLAIN_TEXTS,
): Promise<ProgrammeSummary[]> {
  const repo = createExportRepository(prisma);
  const programmes = await programmesToWrite(repo, filter);
  const { default: ExcelJS } = await import("exceljs"); // ~0.3 s to load: not at every start
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Lapor Kelompok";
  const names = sheetNames(programmes.map((p) => programmeName(p, texts)));
  const weekKey = weekKeys(zone);
  const summaries: ProgrammeSummary[] = [];

  for (const [index, programme] of programmes.entries()) {
    const columns = exportColumns(programme.indicators, texts);
    const sheet = workbook.addWorksheet(names[index], { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, ...(column.numFmt && { style: { numFmt: column.numFmt } }) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.commit();

    const { count, totals } = await repo.readProgramme(programme, filter, async (rows) => {
      for (const row of rows) {
        const text = rowTexts(row, texts, weekKey);
        sheet
          .addRow([
            weekDate(row.weekStartDate),
            text.weekKey,
            text.group,
            text.kelurahan,
            text.member,
            text.reportedBy,
            wallTime(new Date(row.submittedAt), zone),
            ...row.values.map((value) => (value === null ? null : Number(value))),
            text.note || null,
          ])
          .commit();
      }
    });

    const lastDataRow = count + 1;
    const totalsRow = sheet.addRow([
      texts.total,
      ...Array.from({ length: LEADING_COLUMNS - 1 }, () => null),
      ...totals.map((total, i) => {
        // Not reported is an empty cell, never 0 (figures module).
        if (total === null) return null;
        const letter = columnLetter(LEADING_COLUMNS + 1 + i);
        // A flow's formula keeps working when someone edits a figure; the result is what a reader without recalculation
        // sees. A head count or a high (latest, max) is not the column's sum: its figure stands as a value.
        return programme.indicators[i]!.aggregation === "sum" ? { formula: `SUM(${letter}2:${letter}${lastDataRow})`, result: Number(total) } : Number(total);
      }),
      null,
    ]);
    totalsRow.font = { bold: true };
    totalsRow.commit();
    sheet.commit();
    summaries.push({ programmeId: programme.id, code: programme.code, name: programmeName(programme, texts), rows: count });
  }
  await workbook.commit();
  return summaries;
}

/** The workbook as a Buffer (what a Telegram upload or a benchmark wants). */
export async function buildReportsXlsx(
  prisma: PrismaClient,
  filter: ReportFilter,
  zone: string,
  texts: ExportTexts = PLAIN_TEXTS,
): Promise<{ bytes: Buffer; programmes: ProgrammeSummary[] }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const programmes = await writeReportsXlsx(prisma, filter, zone, sink, texts);
  await ended;
  return { bytes: Buffer.concat(chunks), programmes };
}

export type CsvFile = { programme: ProgrammeSummary; bytes: Buffer };

/** One CSV per programme in scope (each programme has its own indicator columns). */
export async function buildReportsCsv(prisma: PrismaClient, filter: ReportFilter, zone: string, texts: ExportTexts = PLAIN_TEXTS): Promise<CsvFile[]> {
  const repo = createExportRepository(prisma);
  const weekKey = weekKeys(zone);
  const files: CsvFile[] = [];
  for (const programme of await programmesToWrite(repo, filter)) {
    const columns = exportColumns(programme.indicators, texts);
    const chunks: Buffer[] = [CSV_BOM, Buffer.from(csvLine(columns.map((c) => ({ text: c.header }))), "utf8")];
    const { count } = await repo.readProgramme(programme, filter, async (rows) => {
      let page = "";
      for (const row of rows) {
        const text = rowTexts(row, texts, weekKey);
        page += csvLine([
          { text: row.weekStartDate },
          { text: text.weekKey },
          { text: text.group },
          { text: text.kelurahan },
          { text: text.member },
          { text: text.reportedBy },
          { text: csvTime(new Date(row.submittedAt), zone) },
          ...row.values.map((value) => ({ number: value })),
          { text: text.note },
        ]);
      }
      chunks.push(Buffer.from(page, "utf8"));
    });
    files.push({ programme: { programmeId: programme.id, code: programme.code, name: programmeName(programme, texts), rows: count }, bytes: Buffer.concat(chunks) });
  }
  return files;
}

/** "2022-01-25 09:00" in the zone. */
export function csvTime(instant: Date, zone: string): string {
  return wallTime(instant, zone).toISOString().slice(0, 16).replace("T", " ");
}
