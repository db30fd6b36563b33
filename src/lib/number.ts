/**
 * Indonesian figures: reading what members type, checking it against an indicator, formatting it
 * back. Values travel as exact canonical decimal strings ("789.5", "1250", "0"), never JS floats.
 */
import { Dec, canonical, toDec } from "./number-format.js";

export { readNumber, UNIT_WORDS } from "./number-read.js";
export type { NumberReading, UnitCode } from "./number-read.js";
export { formatNumber, formatRupiah } from "./number-format.js";
export type { DecimalLike } from "./number-format.js";

/** An indicator's limits; with its `unit`, counts and money are told from measures. */
export type IndicatorBounds = { decimals: number; min: string; max: string; unit?: string };

export type ValueIssue =
  | { kind: "negative" }
  | { kind: "below-min"; min: string }
  | { kind: "above-max"; max: string }
  | { kind: "too-many-decimals"; decimals: number; rounded: string }
  /** a count or money with decimals: asked again, never rounded for the member */
  | { kind: "not-whole" }
  | { kind: "unusual"; median: string };

/**
 * Units of things counted and of money. A rounding offered there would change the figure by
 * more than half its last digit — "2.55" pieces is likelier 255 than 3 — so none is offered.
 */
const COUNTED_UNITS: ReadonlySet<string> = new Set(["rupiah", "buah", "kali", "orang", "batang", "butir"]);

/** How many times the member's own median a value may be before we ask "are you sure?". */
export const UNUSUAL_FACTOR = 10;

/**
 * The first issue with `value`, in this order: negative, below-min, above-max (the member must
 * correct these), too-many-decimals (offer `rounded`, half-up; on counts and money `not-whole`:
 * ask again), unusual (> 10 × the member's own median, shown with the indicator's decimals; ask
 * to confirm). A "negative" issue is only raised when the indicator's min is not
 * itself negative; otherwise a negative value is judged against min like any other.
 * After the member accepts `rounded`, check the rounded value again: it may still be unusual.
 */
export function checkValue(value: string, bounds: IndicatorBounds, memberMedian?: string | null): ValueIssue | null {
  const v = toDec(value);
  const min = toDec(bounds.min);
  const max = toDec(bounds.max);
  if (v.isNegative() && !v.isZero() && !min.isNegative()) return { kind: "negative" };
  if (v.lessThan(min)) return { kind: "below-min", min: canonical(min) };
  if (v.greaterThan(max)) return { kind: "above-max", max: canonical(max) };
  if (v.decimalPlaces() > bounds.decimals) {
    if (bounds.unit !== undefined && COUNTED_UNITS.has(bounds.unit)) return { kind: "not-whole" };
    const rounded = canonical(v.toDecimalPlaces(bounds.decimals, Dec.ROUND_HALF_UP));
    return { kind: "too-many-decimals", decimals: bounds.decimals, rounded };
  }
  if (memberMedian !== undefined && memberMedian !== null) {
    const m = toDec(memberMedian);
    if (m.greaterThan(0) && v.greaterThan(m.mul(UNUSUAL_FACTOR))) {
      return { kind: "unusual", median: canonical(m.toDecimalPlaces(bounds.decimals, Dec.ROUND_HALF_UP)) };
    }
  }
  return null;
}

/** The exact median (the mean of the middle two for an even count); null for no values. */
export function median(values: string[]): string | null {
  if (values.length === 0) return null;
  const sorted = values.map((v) => toDec(v)).sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid]!;
  if (sorted.length % 2 === 1) return canonical(upper);
  return canonical(sorted[mid - 1]!.plus(upper).div(2));
}
