/**
 * Reporting weeks: Monday 00:00 to the next Monday 00:00 (exclusive) in the deployment's time zone.
 *
 * A week belongs to its ISO week-numbering year, not to the calendar year of its Monday:
 * Mon 29 Dec 2025 – Sun 4 Jan 2026 is 2026-W01, and Mon 28 Dec 2026 – Sun 3 Jan 2027 is 2026-W53.
 * "Year so far" and annual totals count whole weeks by this ISO year, so every week is counted in
 * exactly one year and never split across two.
 *
 * Everything takes the instant and the zone as arguments; nothing here reads the system clock or
 * the process time zone. Calendar dates ("2026-11-23") are plain strings and are shifted with
 * UTC arithmetic, which has no DST; instants are derived from them in the zone only at the end.
 */
import { tz, TZDate } from "@date-fns/tz";
import { addWeeks } from "date-fns/addWeeks";
import { format } from "date-fns/format";
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";

export type ReportingWeek = {
  start: Date; // instant of Monday 00:00 in the zone
  end: Date; // instant of the next Monday 00:00 (exclusive)
  startDate: string; // "2026-11-23": the Monday's calendar date in the zone (a DATE column)
  isoYear: number;
  isoWeek: number;
  key: string; // "2026-W48"
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KEY_RE = /^(\d{4})-W(\d{2})$/;

/** Weeks computed so far, by zone and start date; bounded, as a long-running process sees new weeks. */
const weeks = new Map<string, ReportingWeek>();
/** The last week asked for with weekOf, per zone: "now" stays in it for a week. */
const lastWeekOf = new Map<string, ReportingWeek>();
/** formatWeekRange's texts, by zone, language and start date. */
const ranges = new Map<string, string>();
const MAX_KEPT = 10_000;

function keep<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= MAX_KEPT) map.clear();
  map.set(key, value);
  return value;
}

function copy(week: ReportingWeek): ReportingWeek {
  return { ...week, start: new Date(week.start.getTime()), end: new Date(week.end.getTime()) };
}

/** The reporting week that contains `instant` in `zone`. */
export function weekOf(instant: Date, zone: string): ReportingWeek {
  const t = instant.getTime();
  const last = lastWeekOf.get(zone);
  if (last && last.start.getTime() <= t && t < last.end.getTime()) return copy(last);
  const week = computeWeekOf(instant, zone);
  const kept = weeks.get(`${zone}|${week.startDate}`) ?? keep(weeks, `${zone}|${week.startDate}`, week);
  lastWeekOf.set(zone, kept);
  return copy(kept);
}

function computeWeekOf(instant: Date, zone: string): ReportingWeek {
  const inZone = { in: tz(zone) };
  const start = startOfISOWeek(instant, inZone);
  const end = addWeeks(start, 1, inZone);
  const isoYear = getISOWeekYear(start, inZone);
  const isoWeek = getISOWeek(start, inZone);
  return {
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    startDate: format(start, "yyyy-MM-dd", inZone),
    isoYear,
    isoWeek,
    key: `${isoYear}-W${String(isoWeek).padStart(2, "0")}`,
  };
}

/** The week starting on `startDate` (a Monday, "yyyy-MM-dd"); throws RangeError otherwise. */
export function weekFromStartDate(startDate: string, zone: string): ReportingWeek {
  const kept = weeks.get(`${zone}|${startDate}`);
  return copy(kept ?? keep(weeks, `${zone}|${startDate}`, computeWeekFromStartDate(startDate, zone)));
}

function computeWeekFromStartDate(startDate: string, zone: string): ReportingWeek {
  const utc = parseCalendarDate(startDate);
  if (utc.getUTCDay() !== 1) throw new RangeError(`not a Monday: ${startDate}`);
  const midnight = new TZDate(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), zone);
  const week = computeWeekOf(midnight, zone);
  // Guards against a zone whose Monday midnight does not exist (a DST jump at 00:00).
  if (week.startDate !== startDate) throw new RangeError(`no Monday 00:00 on ${startDate} in ${zone}`);
  return week;
}

/** "2026-W48" → that week; null if malformed or the year has no such week (W53 of a 52-week year). */
export function weekFromKey(key: string, zone: string): ReportingWeek | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  const isoYear = Number(m[1]);
  const isoWeek = Number(m[2]);
  if (isoWeek < 1 || isoWeek > 53) return null;
  const monday = addDaysToDate(firstMondayOfIsoYear(isoYear), (isoWeek - 1) * 7);
  const week = weekFromStartDate(monday, zone);
  return week.key === key ? week : null;
}

export function shiftWeeks(week: ReportingWeek, n: number, zone: string): ReportingWeek {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of weeks: ${n}`);
  return weekFromStartDate(addDaysToDate(week.startDate, n * 7), zone);
}

/** This week first, then `backfill` earlier weeks, newest first (length backfill + 1). */
export function recentWeeks(now: Date, zone: string, backfill: number): ReportingWeek[] {
  if (!Number.isInteger(backfill) || backfill < 0) throw new RangeError(`bad backfill: ${backfill}`);
  const current = weekOf(now, zone);
  return Array.from({ length: backfill + 1 }, (_, i) => (i === 0 ? current : shiftWeeks(current, -i, zone)));
}

/** The Date Prisma expects for a @db.Date column: UTC midnight of that calendar date. */
export function dbDate(startDate: string): Date {
  return parseCalendarDate(startDate);
}

/** Inverse of dbDate. Throws if `d` is not a UTC midnight, i.e. not what a DATE column returns. */
export function startDateFromDb(d: Date): string {
  if (Number.isNaN(d.getTime()) || d.getTime() % DAY_MS !== 0) {
    throw new RangeError(`not a DATE value (UTC midnight): ${String(d)}`);
  }
  return d.toISOString().slice(0, 10);
}

/** The Mondays of the first (W01) and last (W52 or W53) weeks of an ISO week-numbering year. */
export function isoYearRange(
  isoYear: number,
  _zone: string, // calendar dates do not depend on the zone; kept so callers pass it uniformly
): { firstWeekStartDate: string; lastWeekStartDate: string } {
  return {
    firstWeekStartDate: firstMondayOfIsoYear(isoYear),
    lastWeekStartDate: addDaysToDate(firstMondayOfIsoYear(isoYear + 1), -7),
  };
}

/** "23–29 November 2026", "30 November – 6 Desember 2026", "29 Desember 2025 – 4 Januari 2026". */
export function formatWeekRange(week: ReportingWeek, lang: "id" | "en", zone: string): string {
  const key = `${zone}|${lang}|${week.start.getTime()}|${week.end.getTime()}`;
  return ranges.get(key) ?? keep(ranges, key, computeWeekRange(week, lang, zone));
}

function computeWeekRange(week: ReportingWeek, lang: "id" | "en", zone: string): string {
  const opts = { in: tz(zone), locale: lang === "id" ? id : enUS };
  const first = new TZDate(week.start.getTime(), zone);
  const last = new TZDate(week.end.getTime() - 1, zone); // Sunday, whatever the DST does
  const sameYear = first.getFullYear() === last.getFullYear();
  if (sameYear && first.getMonth() === last.getMonth()) {
    return `${format(first, "d", opts)}–${format(last, "d MMMM yyyy", opts)}`;
  }
  return `${format(first, sameYear ? "d MMMM" : "d MMMM yyyy", opts)} – ${format(last, "d MMMM yyyy", opts)}`;
}

function parseCalendarDate(date: string): Date {
  const m = DATE_RE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (yyyy-MM-dd): ${date}`);
  }
  return d;
}

function addDaysToDate(date: string, days: number): string {
  return new Date(parseCalendarDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 4 January is always in W01, so W01 starts on the Monday on or before it. */
function firstMondayOfIsoYear(isoYear: number): string {
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const sinceMonday = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}
