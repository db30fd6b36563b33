import type { Language } from "../bot/context.js";
import { formatDate, formatDateTime } from "../lib/datetime-format.js";
import { Dec, formatNumber, formatRupiah, toDec, type DecimalLike } from "../lib/number-format.js";
import { dbDate, weekFromKey, weekFromStartDate, weekOf, shiftWeeks, type ReportingWeek } from "../lib/week.js";
import type { Translate } from "./console.layout.js";

/**
 * A figure with its unit the way the bot writes it: "789,5 liter", "Rp 1.500.000"; "—" when not
 * reported. Exact (no padding, never rounded): a stored figure has no more decimals than its
 * indicator allows, and a pro-rata share is rounded to them.
 */
export function figure(t: Translate, value: DecimalLike | null, unit: string, decimals: number): string {
  if (value === null) return "—";
  const exact = toDec(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  if (unit === "rupiah") return formatRupiah(exact);
  return `${formatNumber(exact)} ${t(`unit-${unit}`)}`;
}

export function plain(value: DecimalLike | null, decimals: number): string {
  return value === null ? "" : formatNumber(value, decimals);
}

export function label(lang: Language, thing: { labelId: string; labelEn: string }): string {
  return lang === "en" ? thing.labelEn : thing.labelId;
}

export function programmeName(lang: Language, p: { name: string; nameEn: string }): string {
  return lang === "en" ? p.nameEn : p.name;
}

export const when = (instant: Date, lang: Language, zone: string) => formatDateTime(instant, lang, zone);
export const day = (instant: Date, lang: Language, zone: string) => formatDate(instant, lang, zone);

/** "23 Nov" for a week's Monday (a DATE). */
export function weekShort(weekStart: Date | string, lang: Language): string {
  const d = typeof weekStart === "string" ? dbDate(weekStart) : weekStart;
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(d);
}

/** A week from a `<input type="week">` value ("2026-W48"), or the fallback. */
export function weekParam(value: unknown, zone: string, fallback: ReportingWeek): ReportingWeek {
  return typeof value === "string" ? (weekFromKey(value, zone) ?? fallback) : fallback;
}

/** The last `n` weeks up to and including the one holding `now`, oldest first. */
export function lastWeeks(now: Date, zone: string, n: number): ReportingWeek[] {
  const current = weekOf(now, zone);
  return Array.from({ length: n }, (_, i) => shiftWeeks(current, i - n + 1, zone));
}

export function intParam(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

export { weekFromStartDate };
