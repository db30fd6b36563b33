import { canonical, toDec } from "../../lib/number-format.js";

/**
 * The CSV convention of the reports export (the same as the daftar hadir's):
 * - UTF-8 with a byte-order mark, so Excel opens names like "Ñoman" correctly;
 * - fields separated by `;` and lines ended by CRLF: Excel in an Indonesian locale uses the
 *   comma as decimal separator and expects `;` between fields;
 * - numbers with a decimal COMMA and no thousands separator, exact (as stored, without
 *   trailing zeros): 789,5 · 1500000 · 0 — Indonesian Excel and LibreOffice read them as
 *   numbers; a program reads them with `value.replace(",", ".")`;
 * - dates `yyyy-mm-dd`, times `yyyy-mm-dd hh:mm` in the deployment's time zone (wall time);
 * - a field is quoted when it holds `;`, `,`, `"`, a line break or leading/trailing spaces
 *   (quotes doubled, RFC 4180); a text starting with = + - @ (a spreadsheet formula) gets a
 *   leading apostrophe, so opening the file never runs a formula;
 * - the first line is the header; there is no totals line (the XLSX has one), so the file
 *   can be read back by a program as it is.
 */

export const CSV_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const CSV_SEPARATOR = ";";
export const CSV_EOL = "\r\n";

const NEEDS_QUOTES = /[;,"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "789.5000" → "789,5"; "1500000" → "1500000"; null → "". Numbers are never quoted. */
export function csvNumber(value: string | null): string {
  if (value === null) return "";
  return canonical(toDec(value)).replace(".", ",");
}

/** One line: texts escaped, numbers as they are (already without `;`). */
export function csvLine(cells: ReadonlyArray<{ text: string } | { number: string | null }>): string {
  return cells.map((cell) => ("text" in cell ? csvField(cell.text) : csvNumber(cell.number))).join(CSV_SEPARATOR) + CSV_EOL;
}
