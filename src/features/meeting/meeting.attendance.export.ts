import { TZDate } from "@date-fns/tz";
import type { AttendanceRow } from "./meeting.attendance.js";

/**
 * The daftar hadir as files. Both carry the same columns, in the order of AttendanceRow.
 *
 * XLSX: a few title rows, then the bold header row and one row per invitee. Times are real
 * Excel date cells holding the wall time of the configured zone (Excel has no time zones:
 * 09.00 WITA is written as 09.00), formatted dd/mm/yyyy hh:mm.
 *
 * CSV: UTF-8 with a byte-order mark (so Excel opens names like "Ñoman" correctly), fields
 * separated by `;` (Excel in an Indonesian locale uses the comma as decimal separator and
 * expects `;` between fields), lines ended by CRLF, fields quoted when they hold `;`, `,`, `"`,
 * a line break or leading/trailing spaces (quotes doubled, RFC 4180). No title rows: the
 * first line is the header, so the file can be read by a program. Times are written as
 * `yyyy-mm-dd hh:mm` in the configured zone. A text starting with = + - @ (a formula for a
 * spreadsheet) gets a leading apostrophe, so opening the file never runs a formula.
 */

/** The wall time of `instant` in `zone`, as a Date whose UTC fields are that wall time (what Excel stores). */
export function wallTime(instant: Date, zone: string): Date {
  const z = new TZDate(instant.getTime(), zone);
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()));
}

const COLUMN_WIDTHS = [5, 28, 30, 18, 14, 30, 18, 8, 18, 16];
const DATE_FORMAT = "dd/mm/yyyy hh:mm";

function cells(row: AttendanceRow, zone: string): Array<string | number | Date | null> {
  const time = (d: Date | null) => (d ? wallTime(d, zone) : null);
  return [row.no, row.name, row.affiliation, row.role, row.answer, row.reason || null, time(row.answeredAt), row.present, time(row.checkedInAt), row.method || null];
}

export async function attendanceXlsx(input: {
  sheetName: string;
  titleRows: string[];
  headers: string[];
  rows: AttendanceRow[];
  zone: string;
}): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs"); // ~0.3 s to load: not at every start
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lapor Kelompok";
  // Excel sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = workbook.addWorksheet(input.sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1");
  input.titleRows.forEach((text, index) => {
    const row = sheet.addRow([text]);
    if (index === 0) row.font = { bold: true, size: 14 };
  });
  sheet.addRow([]);
  const header = sheet.addRow(input.headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const row of input.rows) sheet.addRow(cells(row, input.zone));
  COLUMN_WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  for (const column of [7, 9]) sheet.getColumn(column).numFmt = DATE_FORMAT;
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

const NEEDS_QUOTES = /[;,"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "2022-01-25 09:00" in the zone. */
export function csvTime(instant: Date | null, zone: string): string {
  if (!instant) return "";
  return wallTime(instant, zone).toISOString().slice(0, 16).replace("T", " ");
}

export function attendanceCsv(input: { headers: string[]; rows: AttendanceRow[]; zone: string }): Buffer {
  const lines = [input.headers.map(csvField).join(";")];
  for (const row of input.rows) {
    const values = [
      String(row.no),
      row.name,
      row.affiliation,
      row.role,
      row.answer,
      row.reason,
      csvTime(row.answeredAt, input.zone),
      row.present,
      csvTime(row.checkedInAt, input.zone),
      row.method,
    ];
    lines.push(values.map(csvField).join(";"));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}
