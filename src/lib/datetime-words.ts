/**
 * The words the date-time reader knows (Indonesian and English), lower case, apostrophes removed.
 * Kept apart from the reader so the grammar stays readable.
 */

/** Month word → 1..12. */
export const MONTH_WORDS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, ags: 8, agt: 8, agst: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Weekday word → 0 (Sunday) .. 6 (Saturday), as Date#getDay. */
export const WEEKDAY_WORDS: Readonly<Record<string, number>> = {
  minggu: 0, ahad: 0, min: 0, sunday: 0, sun: 0,
  senin: 1, sen: 1, monday: 1, mon: 1,
  selasa: 2, sel: 2, tuesday: 2, tue: 2, tues: 2,
  rabu: 3, rab: 3, wednesday: 3, wed: 3,
  kamis: 4, kam: 4, thursday: 4, thu: 4, thur: 4, thurs: 4,
  jumat: 5, jum: 5, friday: 5, fri: 5,
  sabtu: 6, sab: 6, saturday: 6, sat: 6,
};

/** Words naming a day relative to today. "besok lusa" is read as lusa (two words, same day). */
export const RELATIVE_DAY_WORDS: Readonly<Record<string, number>> = {
  kemarin: -1, kmrn: -1, yesterday: -1,
  today: 0,
  besok: 1, besuk: 1, esok: 1, bsk: 1, tomorrow: 1,
  lusa: 2,
};

/**
 * A part of the day, which turns a 12-hour figure into a 24-hour one. Each has the figures it
 * accepts; anything else ("jam 9 sore") is a contradiction and reads as invalid.
 */
export type Period = "pagi" | "siang" | "sore" | "malam" | "am" | "pm" | "afternoon" | "evening";

export const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  pagi: "pagi", morning: "pagi",
  siang: "siang",
  sore: "sore", petang: "sore",
  malam: "malam", night: "malam",
  am: "am", pm: "pm",
  afternoon: "afternoon",
  evening: "evening",
};

/** Words that say "a time follows" ("jam 9", "pukul 13.00", "at 9"): a bare hour needs one. */
export const TIME_MARKERS: ReadonlySet<string> = new Set(["jam", "jm", "pukul", "pkl", "pk", "at", "oclock"]);

/** Words that carry nothing ("hari Selasa", "tanggal 25", "the 25th of January", "Selasa - 25 Jan"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  "hari", "tanggal", "tgl", "tg", "pada", "waktu", "on", "the", "-",
]);

/** Stated zones → the zone the wall-clock time is read in. */
export const ZONE_WORDS: Readonly<Record<string, string>> = {
  wib: "Asia/Jakarta", // UTC+7
  wita: "Asia/Makassar", // UTC+8
  wit: "Asia/Jayapura", // UTC+9
  utc: "UTC",
  gmt: "UTC",
};
