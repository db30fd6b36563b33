import { isoYearRange, recentWeeks, weekFromStartDate, weekOf } from "../../lib/week.js";

/**
 * The periods an export can cover, in whole reporting weeks (a week belongs to its ISO
 * week-year, as everywhere else): this year, last year, the last four weeks (this week and
 * the three before it), or a year the user types.
 */
export type PeriodChoice = { kind: "this-year" } | { kind: "last-year" } | { kind: "last-4-weeks" } | { kind: "year"; year: number };

export type ExportPeriod = {
  /** Monday of the first week, "yyyy-MM-dd" */
  firstWeekStartDate: string;
  /** Monday of the last week (inclusive) */
  lastWeekStartDate: string;
  /** for file names: "2021" or "2026-W45_2026-W48" */
  slug: string;
};

export const MIN_EXPORT_YEAR = 2000;
export const MAX_EXPORT_YEAR = 2100;

export function resolvePeriod(choice: PeriodChoice, now: Date, zone: string): ExportPeriod {
  const thisYear = weekOf(now, zone).isoYear;
  switch (choice.kind) {
    case "this-year":
      return yearPeriod(thisYear, zone);
    case "last-year":
      return yearPeriod(thisYear - 1, zone);
    case "year":
      return yearPeriod(choice.year, zone);
    case "last-4-weeks": {
      const weeks = recentWeeks(now, zone, 3);
      const first = weeks[weeks.length - 1]!;
      const last = weeks[0]!;
      return { firstWeekStartDate: first.startDate, lastWeekStartDate: last.startDate, slug: `${first.key}_${last.key}` };
    }
  }
}

function yearPeriod(year: number, zone: string): ExportPeriod {
  const { firstWeekStartDate, lastWeekStartDate } = isoYearRange(year, zone);
  return { firstWeekStartDate, lastWeekStartDate, slug: String(year) };
}

/** A typed year: four digits, 2000–2100; null otherwise. */
export function readExportYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= MIN_EXPORT_YEAR && year <= MAX_EXPORT_YEAR ? year : null;
}

/** The week keys of a period, for captions: "2021-W01 – 2021-W52". */
export function periodWeekKeys(period: Pick<ExportPeriod, "firstWeekStartDate" | "lastWeekStartDate">, zone: string): { first: string; last: string } {
  return { first: weekFromStartDate(period.firstWeekStartDate, zone).key, last: weekFromStartDate(period.lastWeekStartDate, zone).key };
}
