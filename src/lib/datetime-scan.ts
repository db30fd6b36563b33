/**
 * First half of the date-time reader: text → the pieces that were written (a day, a weekday, a
 * time, a part of the day, a zone), without resolving anything against the clock. Every word
 * must be understood; one unknown word makes the whole text invalid (null), because guessing
 * around it could silently give the wrong day.
 */
import {
  FILLER_WORDS,
  MONTH_WORDS,
  PERIOD_WORDS,
  RELATIVE_DAY_WORDS,
  TIME_MARKERS,
  WEEKDAY_WORDS,
  ZONE_WORDS,
  type Period,
} from "./datetime-words.js";

export type DayRef =
  | { kind: "date"; year: number | null; month: number; day: number } // year null: not written
  | { kind: "relative"; days: number } // 0 today, 1 besok, 2 lusa, -1 kemarin
  | { kind: "weekday"; weekday: number; nextWeek: boolean };

export type WrittenTime = {
  hour: number;
  minute: number;
  /** "09.00", "02.00": the hour had a leading zero, so it is already on the 24-hour clock. */
  padded: boolean;
};

export type Scan = {
  day: DayRef | null;
  /** A weekday written alongside another day ("Selasa 25 Jan", "besok Rabu"): must agree with it. */
  weekday: number | null;
  time: WrittenTime | null;
  period: Period | null;
  /** "nanti", "nanti malam": today, unless another day is written. */
  todayHint: boolean;
  /** The zone the text states (IANA name or "+07:00"), or null. */
  zone: string | null;
};

const MAX_INPUT_LENGTH = 120;

const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YMD = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const DM = /^(\d{1,2})([/-])(\d{1,2})$/; // not with dots: "25.01" is a (wrong) time
const HM = /^(\d{1,2})[.:](\d{2})$/;
const NUMBER = /^\d{1,2}$/;
const YEAR = /^\d{4}$/;
const OFFSET_ZONE = /(?<![a-z])(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?(?![\d.:])/g;
const NAMED_ZONE = /(?<![a-z])(wita|wib|wit|utc|gmt)\b/g; // "09.00wib" too

export function scanDateTime(text: string): Scan | null {
  if (text.length > MAX_INPUT_LENGTH) return null;
  const zoned = takeZone(normalise(text));
  if (!zoned) return null;
  const tokens = tokenise(zoned.rest);
  if (tokens.length === 0) return null;
  const scan: Scan = { day: null, weekday: null, time: null, period: null, todayHint: false, zone: zoned.zone };
  let bareHour: string | null = null;
  let marker = false;

  const setDay = (day: DayRef): boolean => (scan.day ? false : ((scan.day = day), true));
  const setPeriod = (period: Period): boolean => {
    const merged = scan.period ? mergePeriods(scan.period, period) : period;
    scan.period = merged;
    return merged !== null;
  };
  const setTime = (time: WrittenTime): boolean => (scan.time ? false : ((scan.time = time), true));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    let m: RegExpExecArray | null;
    let ok = true;
    if (TIME_MARKERS.has(t)) marker = true;
    else if (FILLER_WORDS.has(t) && !(t === "hari" && next === "ini")) continue;
    else if (t === "hari") {
      ok = setDay({ kind: "relative", days: 0 }); // "hari ini"
      i++;
    } else if (t === "besok" && next === "lusa") {
      ok = setDay({ kind: "relative", days: 2 });
      i++;
    } else if (t === "day" && next === "after" && tokens[i + 2] === "tomorrow") {
      ok = setDay({ kind: "relative", days: 2 });
      i += 2;
    } else if (t in RELATIVE_DAY_WORDS) ok = setDay({ kind: "relative", days: RELATIVE_DAY_WORDS[t]! });
    else if (t === "nanti") scan.todayHint = true;
    else if (t === "tonight") ok = setDay({ kind: "relative", days: 0 }) && setPeriod("malam");
    else if (t === "this" && next !== undefined && next in PERIOD_WORDS) {
      ok = setDay({ kind: "relative", days: 0 }) && setPeriod(PERIOD_WORDS[next]!); // "this evening"
      i++;
    } else if (t in PERIOD_WORDS) {
      ok = setPeriod(PERIOD_WORDS[t]!);
      if (next === "ini") {
        ok = ok && setDay({ kind: "relative", days: 0 }); // "malam ini", "pagi ini"
        i++;
      }
    } else if ((t === "next" || t === "this") && next !== undefined && next in WEEKDAY_WORDS) {
      ok = setWeekday(scan, WEEKDAY_WORDS[next]!, t === "next");
      i++;
    } else if (t === "minggu" && next === "depan" && tokens[i - 1] !== "hari") {
      ok = false; // "minggu depan" is "next week", not a day; "hari Minggu depan" is next Sunday
    } else if (t in WEEKDAY_WORDS) {
      // "Senin depan", "Senin minggu depan", "Senin pekan depan", "Jumat ini"
      const twoWords = (next === "minggu" || next === "pekan") && tokens[i + 2] === "depan";
      const nextWeek = next === "depan" || twoWords;
      ok = setWeekday(scan, WEEKDAY_WORDS[t]!, nextWeek);
      i += twoWords ? 2 : nextWeek || next === "ini" ? 1 : 0;
    } else if ((m = DMY.exec(t))) {
      ok = setDay({ kind: "date", day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4]!) });
    } else if ((m = YMD.exec(t))) {
      ok = setDay({ kind: "date", year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) });
    } else if ((m = DM.exec(t))) {
      ok = setDay({ kind: "date", year: null, day: Number(m[1]), month: Number(m[3]) });
    } else if ((m = HM.exec(t))) {
      ok = setTime({ hour: Number(m[1]), minute: Number(m[2]), padded: isPadded(m[1]!) });
    } else if (NUMBER.test(t) && next !== undefined && next in MONTH_WORDS) {
      // "25 Januari", "25 Jan 2022"
      const hasYear = tokens[i + 2] !== undefined && YEAR.test(tokens[i + 2]!);
      ok = setDay({ kind: "date", day: Number(t), month: MONTH_WORDS[next]!, year: hasYear ? Number(tokens[i + 2]) : null });
      i += hasYear ? 2 : 1;
    } else if (t in MONTH_WORDS && next !== undefined && NUMBER.test(next)) {
      // "January 25", "Jan 25 2022"
      const hasYear = tokens[i + 2] !== undefined && YEAR.test(tokens[i + 2]!);
      ok = setDay({ kind: "date", day: Number(next), month: MONTH_WORDS[t]!, year: hasYear ? Number(tokens[i + 2]) : null });
      i += hasYear ? 2 : 1;
    } else if (t === "setengah" && next !== undefined && NUMBER.test(next)) {
      // "setengah 10" is half past nine
      ok = Number(next) >= 1 && setTime({ hour: Number(next) - 1, minute: 30, padded: false });
      marker = true;
      i++;
    } else if (NUMBER.test(t)) {
      ok = bareHour === null;
      bareHour = t;
    } else ok = false;
    if (!ok) return null;
  }

  if (bareHour !== null) {
    // A figure on its own ("besok 9") is too ambiguous: it needs "jam"/"pukul" or a part of the day.
    if (!marker && !scan.period) return null;
    if (!setTime({ hour: Number(bareHour), minute: 0, padded: isPadded(bareHour) })) return null;
  } else if (marker && !scan.time) return null; // "besok jam"
  return scan;
}

/** "tonight 8pm", "9 am pagi": am/pm agrees with a part of the day, which is the finer one. */
const HALVES: Readonly<Record<"am" | "pm", ReadonlySet<Period>>> = {
  am: new Set<Period>(["pagi"]),
  pm: new Set<Period>(["siang", "sore", "malam", "afternoon", "evening"]),
};

function mergePeriods(a: Period, b: Period): Period | null {
  if (a === b) return a;
  if ((a === "am" || a === "pm") && HALVES[a].has(b)) return b;
  if ((b === "am" || b === "pm") && HALVES[b].has(a)) return a;
  return null;
}

function setWeekday(scan: Scan, weekday: number, nextWeek: boolean): boolean {
  if (scan.weekday !== null) return false;
  scan.weekday = weekday;
  if (nextWeek) {
    if (scan.day) return false; // "25 Jan Senin depan"
    scan.day = { kind: "weekday", weekday, nextWeek };
  }
  return true;
}

function isPadded(hour: string): boolean {
  return hour.length === 2 && hour.startsWith("0");
}

function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’`‘]/g, "") // jum'at, o'clock
    .replace(/\b([ap])\.\s?m\b\.?/g, "$1m") // a.m., p.m.
    .replace(/(?:-|\bs\/d|\bsd|\bsampai|\bhingga|\buntil)?\s*\bselesai\b/g, " ") // "09.00 - selesai"
    .replace(/(\d)\s*(?:st|nd|rd|th)\b(?:\s+of\b)?/g, "$1") // "the 25th of January"
    .replace(/[,;()]/g, " ");
}

/** Removes the stated zone(s); null when two different zones are stated. */
function takeZone(text: string): { zone: string | null; rest: string } | null {
  const zones = new Set<string>();
  let rest = text.replace(OFFSET_ZONE, (_all, sign: string, hours: string, minutes: string | undefined) => {
    zones.add(`${sign}${hours.padStart(2, "0")}:${minutes ?? "00"}`);
    return " ";
  });
  rest = rest.replace(NAMED_ZONE, (word: string) => {
    zones.add(ZONE_WORDS[word]!);
    return " ";
  });
  if (zones.size > 1) return null;
  const [zone] = zones;
  if (zone && /^[+-]/.test(zone) && !/^[+-](0\d|1[0-4]):(00|15|30|45)$/.test(zone)) return null;
  return { zone: zone ?? null, rest };
}

function tokenise(text: string): string[] {
  return text
    .replace(/(\d)([a-z])/g, "$1 $2") // "9am", "25jan"
    .replace(/([a-z])(\d)/g, "$1 $2")
    .split(/\s+/)
    .map((t) => t.replace(/\.+$/, "")) // "jan.", "pkl.", a full stop at the end
    .filter((t) => t !== "");
}
