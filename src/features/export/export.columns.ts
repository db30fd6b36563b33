import { weekFromStartDate } from "../../lib/week.js";
import type { ExportIndicator, ExportRow } from "./export.repository.js";

/**
 * What the columns of a reports export are, for the XLSX and the CSV alike: the week (its
 * Monday, and its code 2026-W48), the group and its kelurahan, the member, who reported and
 * when, one column per indicator of the programme, and the note. Headings come from the
 * locales (ExportTexts), so this file has no words of its own.
 */

export type ExportTexts = {
  week: string;
  weekKey: string;
  group: string;
  kelurahan: string;
  member: string;
  reportedBy: string;
  reportedAt: string;
  note: string;
  /** first cell of the totals row */
  total: string;
  /** shown instead of the name of a person who erased their data */
  erased: string;
  /** the member cell of a row holding the group's own figures */
  groupReport: string;
  /** "liter", "kg" … by unit code */
  units: Record<string, string>;
  language: "id" | "en";
};

/** Neutral headings (identifiers) for callers without a translator, e.g. the benchmark. */
export const PLAIN_TEXTS: ExportTexts = {
  week: "week_start",
  weekKey: "week",
  group: "group",
  kelurahan: "kelurahan",
  member: "member",
  reportedBy: "reported_by",
  reportedAt: "reported_at",
  note: "note",
  total: "total",
  erased: "-",
  groupReport: "(group)",
  units: {},
  language: "id",
};

export type ColumnKind = "date" | "text" | "datetime" | "number";
export type ExportColumn = { header: string; kind: ColumnKind; width: number; numFmt?: string };

export const DATE_FORMAT = "dd/mm/yyyy";
export const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";
/** Columns before the indicators; the note comes after them. */
export const LEADING_COLUMNS = 7;

/** Excel's number format for an indicator: its decimals; money as Rupiah. */
export function numberFormat(indicator: Pick<ExportIndicator, "unit" | "decimals">): string {
  if (indicator.unit === "rupiah") return '"Rp "#,##0';
  return indicator.decimals > 0 ? `#,##0.${"0".repeat(indicator.decimals)}` : "#,##0";
}

export function indicatorHeader(indicator: ExportIndicator, texts: ExportTexts): string {
  const label = texts.language === "en" ? indicator.labelEn : indicator.labelId;
  const unit = texts.units[indicator.unit] ?? indicator.unit;
  return `${label} (${unit})`;
}

export function exportColumns(indicators: readonly ExportIndicator[], texts: ExportTexts): ExportColumn[] {
  return [
    { header: texts.week, kind: "date", width: 12, numFmt: DATE_FORMAT },
    { header: texts.weekKey, kind: "text", width: 10 },
    { header: texts.group, kind: "text", width: 28 },
    { header: texts.kelurahan, kind: "text", width: 16 },
    { header: texts.member, kind: "text", width: 24 },
    { header: texts.reportedBy, kind: "text", width: 24 },
    { header: texts.reportedAt, kind: "datetime", width: 17, numFmt: DATETIME_FORMAT },
    ...indicators.map((indicator) => {
      const header = indicatorHeader(indicator, texts);
      return { header, kind: "number" as const, width: Math.min(Math.max(header.length + 2, 12), 40), numFmt: numberFormat(indicator) };
    }),
    { header: texts.note, kind: "text", width: 40 },
  ];
}

/** A person as the export shows them: the name, the erased mark, or the id when no name was ever given. */
export function personCell(name: string | null, erased: boolean, id: number, texts: ExportTexts): string {
  if (erased) return texts.erased;
  return name ?? `#${id}`;
}

/** Week codes by Monday, computed once per week rather than once per row. */
export function weekKeys(zone: string): (startDate: string) => string {
  const known = new Map<string, string>();
  return (startDate) => {
    let key = known.get(startDate);
    if (key === undefined) {
      key = weekFromStartDate(startDate, zone).key;
      known.set(startDate, key);
    }
    return key;
  };
}

/** The texts of a row's leading columns, in column order (dates and numbers are placed by each writer). */
export function rowTexts(row: ExportRow, texts: ExportTexts, weekKey: (startDate: string) => string) {
  return {
    weekKey: weekKey(row.weekStartDate),
    group: row.groupName,
    kelurahan: row.kelurahan,
    member: row.memberId === null ? texts.groupReport : personCell(row.memberName, row.memberErased, row.memberId, texts),
    reportedBy: personCell(row.submitterName, row.submitterErased, row.submitterId, texts),
    note: row.note ?? "",
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    // "Margasari Olah Jelantah (Mariojela)" → "Mariojela": the short name the programme goes by.
    const short = /\(([^()]+)\)\s*$/.exec(name)?.[1] ?? name;
    const base = short.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31) || "Sheet";
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The wall time of `instant` in `zone`, as a Date whose UTC fields are that wall time (Excel has no zones). */
export function wallTime(instant: Date, zone: string): Date {
  const ms = instant.getTime();
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return new Date(wholeSeconds + offsetMs(wholeSeconds, zone));
}

/**
 * The zone's offset from UTC at an instant. Zones change offset only on quarter hours, so
 * it is computed once per quarter hour and zone (Intl is slow: an export has ~200,000 rows).
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetMs(ms: number, zone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR_MS;
    const parts = formatterFor(zone).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The Monday of a week as an Excel date: UTC midnight of that calendar date. */
export function weekDate(startDate: string): Date {
  return new Date(`${startDate}T00:00:00Z`);
}
