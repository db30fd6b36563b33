import { ACHIEVEMENT_PLACEHOLDER } from "../../db/seed-data.js";
import { formatNumber, formatRupiah } from "../../lib/number.js";
import { canonical, toDec } from "../../lib/number-format.js";

/**
 * The annual achievement sentence, built from data: each indicator's phrase (from the seed
 * file, e.g. "mengumpulkan {jumlah} liter jelantah") with the year's total put in, joined the
 * way the language joins a list, inside the locale's sentence frame ("Kelompok {group} …").
 * Pure functions: the texts come in as arguments.
 */

export type IndicatorTotal = {
  /** the phrase in the reader's language, or null when the seed file has none */
  phrase: string | null;
  /** the indicator's label in the reader's language, for the fallback phrase */
  label: string;
  unit: string;
  decimals: number;
  /** exact decimal string, e.g. "789.5000"; null: not reported */
  total: string | null;
};

export type ListWords = {
  /** between items but the last two, e.g. ", " */
  separator: string;
  /** before the last item, e.g. " dan " / " and " */
  lastSeparator: string;
};

/**
 * A total as the programme writes it: Indonesian grouping, no trailing zeros, never more
 * decimals than the indicator allows ("789,5", "255", "1.250"), money as "Rp 1.500.000".
 */
export function formatTotal(total: string, unit: string, decimals: number): string {
  const value = canonical(toDec(total).toDecimalPlaces(unit === "rupiah" ? 0 : decimals));
  return unit === "rupiah" ? formatRupiah(value) : formatNumber(value);
}

/** Puts the formatted amount where the phrase says; a phrase without the placeholder gets it at the end. */
export function fillPhrase(phrase: string, amount: string): string {
  return phrase.includes(ACHIEVEMENT_PLACEHOLDER) ? phrase.split(ACHIEVEMENT_PLACEHOLDER).join(amount) : `${phrase} ${amount}`;
}

/** "a", "a dan b", "a, b dan c". */
export function joinList(items: readonly string[], words: ListWords): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(words.separator)}${words.lastSeparator}${items[items.length - 1]}`;
}

export function isZero(total: string): boolean {
  return toDec(total).isZero();
}

/**
 * The phrases of one group's year, in the indicators' order, leaving out every indicator
 * whose total is zero or not reported. `fallback` phrases an indicator that has no phrase of its own
 * (given its lower-cased label and the amount with its unit).
 */
export function achievementPhrases(
  totals: readonly IndicatorTotal[],
  fallback: (label: string, amountWithUnit: string) => string,
  unitLabel: (unit: string) => string,
): string[] {
  return totals
    .flatMap((t) => (t.total === null || isZero(t.total) ? [] : [{ ...t, total: t.total }]))
    .map((t) => {
      const amount = formatTotal(t.total, t.unit, t.decimals);
      if (t.phrase) return fillPhrase(t.phrase, amount);
      const withUnit = t.unit === "rupiah" ? amount : `${amount} ${unitLabel(t.unit)}`;
      return fallback(lowerFirst(t.label), withUnit);
    });
}

function lowerFirst(text: string): string {
  // "Sampah terkelola" → "sampah terkelola", but an acronym ("BSF …") stays as written.
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase("id") + text.slice(1);
}
