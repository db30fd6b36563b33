import { IndicatorAggregation } from "../../generated/prisma/enums.js";
import { canonical, Dec, toDec } from "../../lib/number-format.js";
import { isoYearRange } from "../../lib/week.js";

/**
 * How figures add up, pure (no I/O, no clock): exact decimal strings in and out, and null for
 * "not reported" — a week or period where nobody gave a value is never 0.
 *
 * - Within a week: a member indicator is the sum over the members' current reports; a group
 *   indicator is the group's one current value (figures.repository.ts reads both).
 * - Over weeks, by the indicator's aggregation: `sum` adds the weeks, `latest` takes the
 *   latest week that has a value, `max` the highest week.
 * - Over groups (a programme's total): the groups' figures are added, whatever the aggregation
 *   (the volunteers of a programme are each group's latest count, added).
 * - The year: the calendar year, counted in whole reporting weeks; a week belongs to the year
 *   that holds its Thursday (ISO 8601: most of its days). 2026 is the weeks of Mon 29 Dec 2025
 *   to Mon 28 Dec 2026 (up to Sun 3 Jan 2027). A weekly report has one week, so it is counted
 *   in exactly one year, never split.
 */

/** An exact decimal string, or null: not reported. */
export type Figure = string | null;

/** A group's figure for one week (already added over its members for a member indicator). */
export type WeekFigure = { weekStartDate: string; value: string };

const DAY_MS = 86_400_000;

/** A period's figure from its weeks, by the indicator's rule; null when no week has a value. */
export function combineWeeks(aggregation: IndicatorAggregation, weeks: readonly WeekFigure[]): Figure {
  if (weeks.length === 0) return null;
  switch (aggregation) {
    case IndicatorAggregation.sum:
      return canonical(weeks.reduce((total, w) => total.plus(toDec(w.value)), new Dec(0)));
    case IndicatorAggregation.latest: {
      let latest = weeks[0]!;
      for (const w of weeks) if (w.weekStartDate > latest.weekStartDate) latest = w;
      return canonical(toDec(latest.value));
    }
    case IndicatorAggregation.max:
      return canonical(weeks.reduce((high, w) => Dec.max(high, toDec(w.value)), toDec(weeks[0]!.value)));
  }
}

/** Several groups' figures together: added; null only when none of them reported. */
export function addFigures(values: readonly Figure[]): Figure {
  let total: ReturnType<typeof toDec> | null = null;
  for (const value of values) if (value !== null) total = (total ?? new Dec(0)).plus(toDec(value));
  return total === null ? null : canonical(total);
}

/**
 * A weekly series, oldest first, as it stands at each week since its start (the chart's
 * cumulative line): null until the first reported week, then the period's figure so far.
 */
export function runningFigures(aggregation: IndicatorAggregation, series: readonly Figure[]): Figure[] {
  let so: Figure = null;
  return series.map((value) => {
    if (value === null) return so;
    if (so === null || aggregation === IndicatorAggregation.latest) so = canonical(toDec(value));
    else if (aggregation === IndicatorAggregation.sum) so = canonical(toDec(so).plus(toDec(value)));
    else so = canonical(Dec.max(toDec(so), toDec(value)));
    return so;
  });
}

/** The year a week counts in: the year of its Thursday. */
export function yearOfWeek(weekStartDate: string): number {
  return new Date(Date.parse(`${weekStartDate}T00:00:00Z`) + 3 * DAY_MS).getUTCFullYear();
}

/** A span of reporting weeks, by their Mondays, both ends included. */
export type WeekSpan = { from: string; to: string };

/** The weeks of a calendar year (see yearOfWeek), and how many there are (52 or 53). */
export function yearSpan(year: number): WeekSpan & { weeks: number } {
  // ISO week-years are exactly "the weeks whose Thursday lies in the year".
  const { firstWeekStartDate, lastWeekStartDate } = isoYearRange(year, "UTC");
  return { from: firstWeekStartDate, to: lastWeekStartDate, weeks: weeksBetween(firstWeekStartDate, lastWeekStartDate) + 1 };
}

/** Whole weeks from one Monday to another. */
export function weeksBetween(fromStartDate: string, toStartDate: string): number {
  return Math.round((Date.parse(`${toStartDate}T00:00:00Z`) - Date.parse(`${fromStartDate}T00:00:00Z`)) / (7 * DAY_MS));
}

function addWeeks(startDate: string, n: number): string {
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + n * 7 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The year so far up to and including a week, and the same period of the year before: the
 * same number of weeks from its start (all of it when the year before is shorter). `elapsed`
 * is the share of the year's weeks that have passed (for the pro-rata line).
 */
export function yearToDate(throughWeekStartDate: string): { year: number; thisYear: WeekSpan; lastYear: WeekSpan; weeksElapsed: number; weeksInYear: number; wholeYear: boolean } {
  const year = yearOfWeek(throughWeekStartDate);
  const span = yearSpan(year);
  const before = yearSpan(year - 1);
  const weeksElapsed = weeksBetween(span.from, throughWeekStartDate) + 1;
  const lastTo = weeksElapsed >= before.weeks ? before.to : addWeeks(before.from, weeksElapsed - 1);
  return {
    year,
    thisYear: { from: span.from, to: throughWeekStartDate },
    lastYear: { from: before.from, to: lastTo },
    weeksElapsed,
    weeksInYear: span.weeks,
    wholeYear: weeksElapsed >= span.weeks,
  };
}

/** Percentages are shown with one decimal (half-up). */
const PERCENT_DECIMALS = 1;

/** How much of the target a figure reaches, in percent; null without a target (or a target of 0) or without a figure. */
export function percentOfTarget(value: Figure, target: Figure): string | null {
  if (value === null || target === null || toDec(target).isZero()) return null;
  return canonical(toDec(value).times(100).dividedBy(toDec(target)).toDecimalPlaces(PERCENT_DECIMALS, Dec.ROUND_HALF_UP));
}

/**
 * The pro-rata line: what a flow (`sum`) should have reached by now, target × the share of the
 * year's weeks that have passed. A stock or a high (`latest`, `max`) is a level, not something
 * that fills up through the year: its line is the target itself only once the year is over,
 * and it is not flagged before (null).
 */
export function proRata(aggregation: IndicatorAggregation, target: Figure, weeksElapsed: number, weeksInYear: number): Figure {
  if (target === null) return null;
  if (aggregation === IndicatorAggregation.sum) {
    const elapsed = Math.min(weeksInYear, Math.max(0, weeksElapsed));
    return canonical(toDec(target).times(elapsed).dividedBy(weeksInYear));
  }
  return weeksElapsed >= weeksInYear ? canonical(toDec(target)) : null;
}

/** Behind the pro-rata line: below it (not reported counts as nothing reached). */
export function isBehind(value: Figure, line: Figure): boolean {
  if (line === null) return false;
  return toDec(value ?? "0").lessThan(toDec(line));
}

/**
 * A group's progress over the indicators that have a target: the mean of the shares reached,
 * each capped at 100 % so that one indicator far ahead does not hide another behind; null
 * when no indicator has a target. Used to rank groups.
 */
export function groupProgress(figures: ReadonlyArray<{ value: Figure; target: Figure }>): string | null {
  const shares = figures
    .filter((f) => f.target !== null && !toDec(f.target).isZero())
    .map((f) => Dec.min(1, toDec(f.value ?? "0").dividedBy(toDec(f.target!))));
  if (shares.length === 0) return null;
  const mean = shares.reduce((a, b) => a.plus(b), new Dec(0)).dividedBy(shares.length);
  return canonical(mean.times(100).toDecimalPlaces(PERCENT_DECIMALS, Dec.ROUND_HALF_UP));
}
