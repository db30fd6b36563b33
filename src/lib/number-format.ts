import { Decimal } from "decimal.js";

/**
 * Our own Decimal: 64 significant digits is far more than any figure a member can type (inputs are
 * capped at 40 characters), so multiplying by "juta" or averaging two values is always exact.
 * Half-up is how Indonesian reports round.
 */
export const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

export type DecimalLike = string | number | { toString(): string };

/** Parses a decimal value coming from our own code (a canonical string, a number, a Prisma.Decimal). */
export function toDec(value: DecimalLike): Decimal {
  let d: Decimal;
  try {
    d = new Dec(typeof value === "number" ? value : value.toString());
  } catch {
    throw new RangeError(`not a decimal value: ${String(value)}`);
  }
  if (!d.isFinite()) throw new RangeError(`not a finite decimal value: ${String(value)}`);
  return d;
}

/** "12.50" → "12.5", "-0" → "0", never exponent notation. */
export function canonical(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}

/**
 * Indonesian formatting: "." groups thousands, "," separates decimals.
 * Without `decimals` the value is shown exactly (no rounding, no trailing zeros);
 * with `decimals` it is rounded half-up and padded to that many places.
 */
export function formatNumber(value: DecimalLike, decimals?: number): string {
  let d = toDec(value);
  if (decimals !== undefined) {
    if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`bad decimals: ${decimals}`);
    d = d.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  }
  const fixed = decimals === undefined ? canonical(d) : d.abs().toFixed(decimals);
  const negative = d.isNegative() && !d.isZero();
  const unsigned = fixed.startsWith("-") ? fixed.slice(1) : fixed;
  const [intPart = "0", fracPart] = unsigned.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${fracPart ? `,${fracPart}` : ""}`;
}

/** "Rp 1.500.000"; a fractional amount is shown exactly ("Rp 1.500,5"), never silently rounded. */
export function formatRupiah(value: DecimalLike): string {
  const text = formatNumber(value);
  return text.startsWith("-") ? `-Rp ${text.slice(1)}` : `Rp ${text}`;
}
