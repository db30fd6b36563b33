import { canonical, Dec, toDec } from "../../lib/number-format.js";

/**
 * The arithmetic of the weekly summary, pure: totals come in as exact decimal strings (summed
 * by PostgreSQL) or null when nobody reported, and go out as exact decimal strings. Nothing
 * here touches a JS float.
 */

/** A week's total: an exact decimal string, or null when no current report holds a value for it. */
export type WeekTotal = string | null;

export type Change =
  /** nothing reported this week */
  | { kind: "no-data" }
  /** last week was 0 or had no report, this week has a positive total */
  | { kind: "new" }
  /** the same as last week (also 0 and 0, or 0 and nothing) */
  | { kind: "same" }
  /** `diff` is the absolute difference (positive), `percent` of last week's total, one decimal, half-up */
  | { kind: "up" | "down"; diff: string; percent: string };

/** Percentages are shown with one decimal place (half-up), e.g. "12.5". */
export const PERCENT_DECIMALS = 1;

/** The change from last week's total to this week's. */
export function weekChange(current: WeekTotal, previous: WeekTotal): Change {
  if (current === null) return { kind: "no-data" };
  const now = toDec(current);
  const before = toDec(previous ?? "0");
  if (now.equals(before)) return { kind: "same" };
  if (before.isZero()) return now.isNegative() ? { kind: "down", diff: canonical(now.abs()), percent: "0" } : { kind: "new" };
  const diff = now.minus(before);
  const percent = diff.abs().dividedBy(before.abs()).times(100).toDecimalPlaces(PERCENT_DECIMALS, Dec.ROUND_HALF_UP);
  return { kind: diff.isNegative() ? "down" : "up", diff: canonical(diff.abs()), percent: canonical(percent) };
}

/** The exact sum of decimal strings (null entries are skipped); "0" for none. */
export function sumTotals(values: readonly WeekTotal[]): string {
  let sum = new Dec(0);
  for (const value of values) if (value !== null) sum = sum.plus(toDec(value));
  return canonical(sum);
}

/** Sums totals that may all be missing: null only when every one is null. */
export function sumOrNull(values: readonly WeekTotal[]): WeekTotal {
  return values.some((v) => v !== null) ? sumTotals(values) : null;
}

/**
 * A series of weekly totals, oldest first, with a value (or null) for every week asked for:
 * weeks missing from `byWeek` (nobody reported) are null, never left out, so the chart and the
 * week-on-week comparison line up.
 */
export function fillWeeks(weekStartDates: readonly string[], byWeek: ReadonlyMap<string, string>): WeekTotal[] {
  return weekStartDates.map((date) => byWeek.get(date) ?? null);
}

/** How many weeks of a series hold any report. */
export function weeksWithData(series: readonly WeekTotal[]): number {
  return series.filter((v) => v !== null).length;
}

/** A chart reads better than text once there is a trend to see: at least this many weeks with reports. */
export const CHART_MIN_WEEKS = 3;

export function chartWorthSending(seriesPerIndicator: ReadonlyArray<readonly WeekTotal[]>): boolean {
  const weeks = new Set<number>();
  for (const series of seriesPerIndicator) series.forEach((v, i) => v !== null && weeks.add(i));
  return weeks.size >= CHART_MIN_WEEKS;
}

/** Reporting: how many of the active members reported, and the share in whole percent (half-up). */
export function reportingShare(reported: number, active: number): { reported: number; active: number; percent: string } {
  if (active <= 0) return { reported, active, percent: "0" };
  const percent = new Dec(reported).times(100).dividedBy(active).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return { reported, active, percent: canonical(percent) };
}
