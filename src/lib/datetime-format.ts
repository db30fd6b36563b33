/**
 * Dates and times as people read them, in the deployment's zone:
 * "Selasa, 25 Januari 2022 pukul 09.00 WITA" / "Tuesday, 25 January 2022 at 09:00 WITA".
 */
import { tz, TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";

export type DateTimeLanguage = "id" | "en";

/** Indonesia's zones by their own names; Pontianak keeps WIB, Ujung_Pandang is Makassar's old name. */
const INDONESIAN_ZONES: Readonly<Record<string, string>> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

/** An instant after which no zone's standard offset is expected to matter for a label without a date. */
const REFERENCE_INSTANT = new Date("2026-01-01T00:00:00Z");

/**
 * "WITA", "WIB", "WIT" for Indonesia's zones; otherwise the offset, "UTC+8", "UTC+5:30", "UTC-3",
 * "UTC". The offset is the one in force at `at` (DST zones differ by season); without `at`, the one
 * in force on 1 January 2026, as the reader has no clock of its own.
 */
export function zoneAbbreviation(zone: string, at: Date = REFERENCE_INSTANT): string {
  const named = INDONESIAN_ZONES[zone];
  if (named) return named;
  const offset = -new TZDate(at.getTime(), zone).getTimezoneOffset(); // minutes east of UTC
  if (offset === 0) return "UTC";
  const sign = offset > 0 ? "+" : "-";
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

/** "Selasa, 25 Januari 2022 pukul 09.00 WITA" (id) / "Tuesday, 25 January 2022 at 09:00 WITA" (en). */
export function formatDateTime(instant: Date, lang: DateTimeLanguage, zone: string): string {
  const pattern = lang === "id" ? "EEEE, d MMMM yyyy 'pukul' HH.mm" : "EEEE, d MMMM yyyy 'at' HH:mm";
  return `${format(instant, pattern, options(lang, zone))} ${zoneAbbreviation(zone, instant)}`;
}

/** "09.00" (id) / "09:00" (en), in `zone`, without the zone's name. */
export function formatTime(instant: Date, lang: DateTimeLanguage, zone: string): string {
  return format(instant, lang === "id" ? "HH.mm" : "HH:mm", options(lang, zone));
}

/** "Selasa, 25 Januari 2022" (id) / "Tuesday, 25 January 2022" (en): the day of `instant` in `zone`. */
export function formatDate(instant: Date, lang: DateTimeLanguage, zone: string): string {
  return format(instant, "EEEE, d MMMM yyyy", options(lang, zone));
}

/** "2022-01-25" (a `date-only` reading) → "Selasa, 25 Januari 2022" / "Tuesday, 25 January 2022". */
export function formatCalendarDate(date: string, lang: DateTimeLanguage): string {
  const [y, m, d] = date.split("-").map(Number);
  return formatDate(new Date(Date.UTC(y!, m! - 1, d!)), lang, "UTC");
}

/** "Selasa" / "Tuesday" for 0 (Sunday) .. 6 (Saturday), e.g. to explain a weekday mismatch. */
export function formatWeekday(weekday: number, lang: DateTimeLanguage): string {
  return (lang === "id" ? id : enUS).localize.day(weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width: "wide" });
}

/** The calendar date of `instant` in `zone`: "2022-01-25". */
export function calendarDateOf(instant: Date, zone: string): string {
  return format(instant, "yyyy-MM-dd", { in: tz(zone) });
}

function options(lang: DateTimeLanguage, zone: string) {
  return { in: tz(zone), locale: lang === "id" ? id : enUS };
}
