/**
 * The Indonesian (and English) date-time reader: what staff type for a meeting's start, read
 * against an injected clock in the deployment's zone. Pure: no I/O, no system clock.
 *
 * Rules for what a text does not say (each has a test):
 * - Numeric dates are day first: 05/01/2022 is 5 January. yyyy-mm-dd is read as such. A two-digit
 *   year is 20yy. "25/01" (slash or dash, no year) and "25 Januari" take the next occurrence of that
 *   date that is today or later (29 Feb → the next leap year); if it is today and the time has
 *   passed, the reading is `past`, not next year.
 * - A bare weekday ("Jumat 10.00") is the next such day: today if the time is still ahead today.
 *   "Senin depan" / "Senin minggu depan" / "next Monday" is that weekday in next week (weeks start on
 *   Monday), so on a Saturday "Senin depan" is in two days, on a Monday it is in seven.
 *   "minggu depan" alone means "next week", not a day, so it is invalid; "hari Minggu depan" is
 *   Sunday of next week.
 * - No day at all ("jam 9 pagi", "pukul 13.00", "nanti malam jam 7"): today.
 * - A figure alone is never a time ("besok 9" is invalid): it needs "jam"/"pukul"/"at", minutes
 *   ("9.00") or a part of the day ("9 pagi", "9am").
 * - Hours without a part of the day are on the 24-hour clock ("jam 9" 09.00, "jam 7" 07.00,
 *   "jam 12" 12.00, "14.00" 14.00), except 1–6 written without a leading zero ("jam 2", "3.30"),
 *   which are `ambiguous` between 02.00 and 14.00; a candidate already past is dropped, so
 *   "hari ini jam 3" at 10.00 is 15.00. "02.00" is 02.00.
 * - Parts of the day: pagi/morning 0–11; siang 10–12 as is, 1–5 → 13–17; sore/petang 1–7 → 13–19;
 *   malam/night 6–11 → 18–23, and 12 (and 0–4) is after midnight, i.e. the next day: "12 malam"
 *   is 00.00 the day after, "Selasa jam 12 malam" is Wednesday 00.00; am/pm as in English (12am
 *   00.00 the same day, 12pm noon); afternoon 12, 1–6; evening 4–11. A figure outside its part of
 *   the day ("jam 9 sore", "13 pagi") is invalid, so is "24.00" or ":60".
 * - A stated zone (WIB = Asia/Jakarta, WITA = Asia/Makassar, WIT = Asia/Jayapura, UTC, UTC+7…)
 *   reads the whole text in that zone, "besok" included; format the result in the deployment zone.
 * - A weekday written with a date that falls on another weekday ("Senin 25 Jan 2022", a Tuesday)
 *   is `weekday-mismatch`, so the caller can say which weekday the date is.
 * - `past` when the instant is not after `now`; a past day without a time ("kemarin") is `past`
 *   too, with `date` set and `instant` at 00.00 of that day.
 */
import { TZDate } from "@date-fns/tz";
import { calendarDateOf } from "./datetime-format.js";
import { scanDateTime, type DayRef, type Scan, type WrittenTime } from "./datetime-scan.js";
import type { Period } from "./datetime-words.js";

export {
  calendarDateOf,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatTime,
  formatWeekday,
  zoneAbbreviation,
  type DateTimeLanguage,
} from "./datetime-format.js";

export type DateTimeReading =
  | { kind: "ok"; instant: Date; hasTime: true }
  | { kind: "date-only"; date: string } // "2022-01-25": a date without a time; ask for the time
  | { kind: "past"; instant: Date; date?: string } // read fine but not in the future; `date` when no time was written
  | { kind: "ambiguous"; candidates: Date[] } // earliest first, all in the future
  | { kind: "weekday-mismatch"; date: string; weekdayWritten: number; weekdayOfDate: number } // 0 = Sunday
  | { kind: "invalid" };

/** Reads a day and a time ("besok jam 9", "25/01/2022 09.00"), relative to `now`, in `zone`. */
export function readDateTime(text: string, now: Date, zone: string): DateTimeReading {
  const scan = scanDateTime(text);
  return scan ? resolve(scan, now, zone, null) : INVALID;
}

/**
 * Reads the answer to "what time?" after a `date-only` reading: a time ("09.00", "jam 2 siang")
 * on `date` ("2022-01-25"). If the answer names a day itself, that day wins.
 */
export function readTimeOnDate(date: string, text: string, now: Date, zone: string): DateTimeReading {
  const scan = scanDateTime(text);
  const onDate = parseDate(date);
  if (!scan || !onDate) return INVALID;
  const namesDay = scan.day !== null || scan.weekday !== null || scan.todayHint;
  return resolve(scan, now, zone, namesDay ? null : onDate);
}

type CalDate = { y: number; m: number; d: number };
type Hour = { hour: number; dayOffset: number };

const INVALID: DateTimeReading = { kind: "invalid" };
const DAY_MS = 86_400_000;

function resolve(scan: Scan, now: Date, deploymentZone: string, fixedDate: CalDate | null): DateTimeReading {
  const zone = scan.zone ?? deploymentZone;
  const today = parseDate(calendarDateOf(now, zone))!;
  const hours = scan.time ? resolveHours(scan.time, scan.period) : null;
  if (scan.time && !hours) return INVALID;

  const day: DayRef =
    scan.day ??
    (scan.weekday !== null ? { kind: "weekday", weekday: scan.weekday, nextWeek: false } : { kind: "relative", days: 0 });
  const date = fixedDate ?? dayOf(day, today);
  if (!date) return INVALID;
  if (scan.weekday !== null && day.kind !== "weekday" && weekdayOf(date) !== scan.weekday) {
    return { kind: "weekday-mismatch", date: showDate(date), weekdayWritten: scan.weekday, weekdayOfDate: weekdayOf(date) };
  }

  if (!hours) {
    if (compareDates(date, today) >= 0) return { kind: "date-only", date: showDate(date) };
    const midnight = instantOf(date, { hour: 0, dayOffset: 0 }, 0, zone);
    return midnight ? { kind: "past", instant: midnight, date: showDate(date) } : INVALID;
  }

  let candidates = instantsOf(date, hours, scan.time!.minute, zone);
  // A bare weekday that is today but whose time has gone means the same weekday next week.
  const bareWeekday = !fixedDate && day.kind === "weekday" && !day.nextWeek;
  if (candidates && bareWeekday && compareDates(date, today) === 0 && candidates.every((c) => c <= now)) {
    candidates = instantsOf(addDays(date, 7), hours, scan.time!.minute, zone);
  }
  if (!candidates) return INVALID;
  const ahead = candidates.filter((c) => c.getTime() > now.getTime());
  if (ahead.length === 0) return { kind: "past", instant: candidates[candidates.length - 1]! };
  if (ahead.length === 1) return { kind: "ok", instant: ahead[0]!, hasTime: true };
  return { kind: "ambiguous", candidates: ahead };
}

function dayOf(day: DayRef, today: CalDate): CalDate | null {
  switch (day.kind) {
    case "relative":
      return addDays(today, day.days);
    case "date":
      if (day.year !== null) return isValidDate(day.year, day.month, day.day) ? { y: day.year, m: day.month, d: day.day } : null;
      return nextOccurrence(day.month, day.day, today);
    case "weekday": {
      const todayWeekday = weekdayOf(today);
      if (!day.nextWeek) return addDays(today, (day.weekday - todayWeekday + 7) % 7);
      const nextMonday = addDays(today, 7 - ((todayWeekday + 6) % 7));
      return addDays(nextMonday, (day.weekday + 6) % 7);
    }
  }
}

/** The first date with this month and day that is today or later; 29 Feb waits for a leap year. */
function nextOccurrence(month: number, dayOfMonth: number, today: CalDate): CalDate | null {
  for (let y = today.y; y <= today.y + 8; y++) {
    const date = { y, m: month, d: dayOfMonth };
    if (isValidDate(y, month, dayOfMonth) && compareDates(date, today) >= 0) return date;
  }
  return null;
}

/** The 24-hour readings of a written hour, given the part of the day; null if they contradict. */
function resolveHours(time: WrittenTime, period: Period | null): Hour[] | null {
  const h = time.hour;
  if (time.minute > 59 || h > 23) return null;
  const within = (lo: number, hi: number) => h >= lo && h <= hi;
  const same = [{ hour: h, dayOffset: 0 }];
  const plus12 = [{ hour: h + 12, dayOffset: 0 }];
  switch (period) {
    case null:
      return !time.padded && within(1, 6) ? [...same, ...plus12] : same;
    case "pagi":
      return within(0, 11) ? same : null;
    case "am":
      return h === 12 ? [{ hour: 0, dayOffset: 0 }] : within(1, 11) ? same : null;
    case "pm":
      return h === 12 ? same : within(1, 11) ? plus12 : null;
    case "siang":
      return within(10, 12) || within(13, 17) ? same : within(1, 5) ? plus12 : null;
    case "afternoon":
      return within(12, 18) ? same : within(1, 6) ? plus12 : null;
    case "sore":
      return within(13, 19) ? same : within(1, 7) ? plus12 : null;
    case "evening":
      return within(16, 23) ? same : within(4, 11) ? plus12 : null;
    case "malam":
      if (within(18, 23)) return same;
      if (within(6, 11)) return plus12;
      if (h === 12) return [{ hour: 0, dayOffset: 1 }];
      return within(0, 4) ? [{ hour: h, dayOffset: 1 }] : null;
  }
}

function instantsOf(date: CalDate, hours: Hour[], minute: number, zone: string): Date[] | null {
  const instants: Date[] = [];
  for (const hour of hours) {
    const instant = instantOf(date, hour, minute, zone);
    if (!instant) return null;
    instants.push(instant);
  }
  return instants;
}

/** The instant of a wall-clock time in `zone`; null if that time does not exist there (a DST gap). */
function instantOf(date: CalDate, { hour, dayOffset }: Hour, minute: number, zone: string): Date | null {
  const { y, m, d } = addDays(date, dayOffset);
  const local = new TZDate(y, m - 1, d, hour, minute, zone);
  if (local.getDate() !== d || local.getHours() !== hour || local.getMinutes() !== minute) return null;
  return new Date(local.getTime());
}

function parseDate(date: string): CalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addDays({ y, m, d }: CalDate, days: number): CalDate {
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function weekdayOf({ y, m, d }: CalDate): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function compareDates(a: CalDate, b: CalDate): number {
  return Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(b.y, b.m - 1, b.d);
}

function showDate({ y, m, d }: CalDate): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
