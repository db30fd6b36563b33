import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatTime,
  formatWeekday,
  readDateTime,
  readTimeOnDate,
  zoneAbbreviation,
  type DateTimeReading,
} from "../../src/lib/datetime.js";

const WITA = "Asia/Makassar";
const WIB = "Asia/Jakarta";

/** "2022-01-25T09:00+08:00" → its instant; the offset makes each expectation readable. */
const at = (iso: string) => new Date(iso);
const ok = (iso: string): DateTimeReading => ({ kind: "ok", instant: at(iso), hasTime: true });
const past = (iso: string): DateTimeReading => ({ kind: "past", instant: at(iso) });
const dateOnly = (date: string): DateTimeReading => ({ kind: "date-only", date });
const INVALID: DateTimeReading = { kind: "invalid" };

// Thursday 20 January 2022, 10:00 WITA (02:00 UTC).
const THU_10 = at("2022-01-20T10:00+08:00");

describe("readDateTime: the forms staff write (now = Thu 20 Jan 2022 10:00 WITA)", () => {
  it.each<[string, DateTimeReading]>([
    ["25/01/2022 09.00", ok("2022-01-25T09:00+08:00")],
    ["25-01-2022 9:00", ok("2022-01-25T09:00+08:00")],
    ["25/1/22 9.00", ok("2022-01-25T09:00+08:00")],
    ["25.01.2022 09:00", ok("2022-01-25T09:00+08:00")],
    ["2022-01-25 09:00", ok("2022-01-25T09:00+08:00")],
    ["05/02/2022 09.00", ok("2022-02-05T09:00+08:00")], // day first, always
    ["25/01 09.00", ok("2022-01-25T09:00+08:00")],
    ["besok 09:00", ok("2022-01-21T09:00+08:00")],
    ["besok jam 9", ok("2022-01-21T09:00+08:00")],
    ["Besok pagi jam 9", ok("2022-01-21T09:00+08:00")],
    ["lusa jam 2 siang", ok("2022-01-22T14:00+08:00")],
    ["besok lusa jam 10", ok("2022-01-22T10:00+08:00")],
    ["hari ini 15.30", ok("2022-01-20T15:30+08:00")],
    ["nanti malam jam 7", ok("2022-01-20T19:00+08:00")],
    ["malam ini jam 8", ok("2022-01-20T20:00+08:00")],
    ["Selasa 25 Jan 09.00", ok("2022-01-25T09:00+08:00")],
    ["Selasa, 25 Januari 2022 pukul 09.00", ok("2022-01-25T09:00+08:00")],
    ["hari Selasa tanggal 25 Januari 2022 jam 09.00", ok("2022-01-25T09:00+08:00")],
    ["25 Januari 09.00", ok("2022-01-25T09:00+08:00")],
    ["17 Agustus 2022 jam 8 pagi", ok("2022-08-17T08:00+08:00")],
    ["17 Ags 8.00", ok("2022-08-17T08:00+08:00")],
    ["3 Des 2022 13.00", ok("2022-12-03T13:00+08:00")],
    ["Senin depan jam 10", ok("2022-01-24T10:00+08:00")],
    ["Senin minggu depan 10.00", ok("2022-01-24T10:00+08:00")],
    ["Jumat depan 09.00", ok("2022-01-28T09:00+08:00")], // next week's Friday, not tomorrow
    ["Jumat 10.00", ok("2022-01-21T10:00+08:00")],
    ["Jum'at 09.00 - selesai", ok("2022-01-21T09:00+08:00")],
    ["Kamis 15.00", ok("2022-01-20T15:00+08:00")], // today, still ahead
    ["Kamis 09.00", ok("2022-01-27T09:00+08:00")], // today but gone: next Thursday
    ["Minggu jam 8 pagi", ok("2022-01-23T08:00+08:00")],
    ["Ahad jam 8 pagi", ok("2022-01-23T08:00+08:00")],
    ["hari Minggu depan jam 8", ok("2022-01-30T08:00+08:00")],
    ["Rabu pekan depan jam 1 siang", ok("2022-01-26T13:00+08:00")],
    ["pukul 13.00", ok("2022-01-20T13:00+08:00")],
    ["1 siang", ok("2022-01-20T13:00+08:00")],
    ["4 sore", ok("2022-01-20T16:00+08:00")],
    ["7 malam", ok("2022-01-20T19:00+08:00")],
    ["12 siang", ok("2022-01-20T12:00+08:00")],
    ["12 malam", ok("2022-01-21T00:00+08:00")], // midnight at the end of today
    ["Selasa jam 12 malam", ok("2022-01-26T00:00+08:00")], // Tuesday night
    ["jam setengah 11", ok("2022-01-20T10:30+08:00")],
    ["  BESOK ,,  jam   9  ", ok("2022-01-21T09:00+08:00")],
  ])("%j", (text, expected) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(expected);
  });
});

describe("readDateTime: English", () => {
  it.each<[string, DateTimeReading]>([
    ["Tuesday 25 Jan 9:00", ok("2022-01-25T09:00+08:00")],
    ["tomorrow 9am", ok("2022-01-21T09:00+08:00")],
    ["tomorrow at 3 pm", ok("2022-01-21T15:00+08:00")],
    ["January 25, 2022 at 9:30 p.m.", ok("2022-01-25T21:30+08:00")],
    ["next Monday 10:00", ok("2022-01-24T10:00+08:00")],
    ["tonight 8pm", ok("2022-01-20T20:00+08:00")],
    ["the 25th of January 2022 at 9am", ok("2022-01-25T09:00+08:00")],
    ["today 12pm", ok("2022-01-20T12:00+08:00")],
    ["tomorrow 12am", ok("2022-01-21T00:00+08:00")],
  ])("%j", (text, expected) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(expected);
  });
});

describe("readDateTime: hours without a part of the day", () => {
  it("reads 7–12 and 13–23 as written", () => {
    expect(readDateTime("besok jam 7", THU_10, WITA)).toEqual(ok("2022-01-21T07:00+08:00"));
    expect(readDateTime("besok jam 12", THU_10, WITA)).toEqual(ok("2022-01-21T12:00+08:00"));
    expect(readDateTime("besok jam 20", THU_10, WITA)).toEqual(ok("2022-01-21T20:00+08:00"));
  });

  it("asks about 1–6 written without a leading zero", () => {
    expect(readDateTime("besok jam 2", THU_10, WITA)).toEqual({
      kind: "ambiguous",
      candidates: [at("2022-01-21T02:00+08:00"), at("2022-01-21T14:00+08:00")],
    });
    expect(readDateTime("besok 3.30", THU_10, WITA)).toEqual({
      kind: "ambiguous",
      candidates: [at("2022-01-21T03:30+08:00"), at("2022-01-21T15:30+08:00")],
    });
  });

  it("takes a leading zero at its word", () => {
    expect(readDateTime("besok 02.00", THU_10, WITA)).toEqual(ok("2022-01-21T02:00+08:00"));
  });

  it("drops the candidate that is already past", () => {
    expect(readDateTime("hari ini jam 3", THU_10, WITA)).toEqual(ok("2022-01-20T15:00+08:00"));
    expect(readDateTime("Kamis jam 3", THU_10, WITA)).toEqual(ok("2022-01-20T15:00+08:00"));
  });
});

describe("readDateTime: what it refuses", () => {
  it.each<[string]>([
    ["9"], // a figure alone
    ["besok 9"],
    ["besok jam"],
    [""],
    ["   "],
    ["31/02/2022 09.00"],
    ["29/02/2027 09.00"],
    ["32/01/2022 09.00"],
    ["25/13/2022 09.00"],
    ["24.00"],
    ["besok 24:00"],
    ["besok 9:60"],
    ["besok 9.5"],
    ["jam 9 sore"], // a figure outside its part of the day
    ["jam 13 pagi"],
    ["jam 2 pagi sore"],
    ["besok 25/01/2022 09.00"], // two days
    ["besok 09.00 10.00"], // two times
    ["25 Jan Senin depan 09.00"],
    ["rapat besok jam 9"], // an unknown word
    ["minggu depan jam 9"], // "next week": which day?
    ["09.00 WIB WITA"],
    ["25.01 09.00"], // dotted day-month reads as a time, hour 25
    ["x".repeat(200)],
  ])("%j → invalid", (text) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(INVALID);
  });

  it("names the weekday a date really falls on", () => {
    expect(readDateTime("Senin 25 Jan 2022 09.00", THU_10, WITA)).toEqual({
      kind: "weekday-mismatch",
      date: "2022-01-25",
      weekdayWritten: 1,
      weekdayOfDate: 2,
    });
    expect(readDateTime("besok Rabu jam 9", THU_10, WITA)).toMatchObject({ kind: "weekday-mismatch", weekdayOfDate: 5 });
  });
});

describe("readDateTime: past and date-only", () => {
  it.each<[string, DateTimeReading]>([
    ["jam 9 pagi", past("2022-01-20T09:00+08:00")],
    ["9 pagi", past("2022-01-20T09:00+08:00")],
    ["hari ini 10.00", past("2022-01-20T10:00+08:00")], // exactly now is not in the future
    ["19/01/2022 15.00", past("2022-01-19T15:00+08:00")],
    ["20 Januari 09.00", past("2022-01-20T09:00+08:00")], // today, gone: not next year
  ])("%j", (text, expected) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(expected);
  });

  it("reports the later of two past candidates", () => {
    expect(readDateTime("hari ini jam 2", at("2022-01-20T15:00+08:00"), WITA)).toEqual(past("2022-01-20T14:00+08:00"));
  });

  it.each<[string, string]>([
    ["besok", "2022-01-21"],
    ["hari ini", "2022-01-20"],
    ["Selasa", "2022-01-25"],
    ["Kamis", "2022-01-20"], // today, the caller asks for the time
    ["Senin depan", "2022-01-24"],
    ["25 Januari 2022", "2022-01-25"],
    ["25/01/2022", "2022-01-25"],
    ["besok pagi", "2022-01-21"],
    ["19 Januari", "2023-01-19"], // passed this year: next year's
  ])("%j → date-only %s", (text, date) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(dateOnly(date));
  });

  it("reports a past day without a time as past, with its date", () => {
    expect(readDateTime("kemarin", THU_10, WITA)).toEqual({ kind: "past", instant: at("2022-01-19T00:00+08:00"), date: "2022-01-19" });
  });
});

describe("readTimeOnDate: the answer after a date-only reading", () => {
  it("puts the time on the date", () => {
    expect(readTimeOnDate("2022-01-25", "jam 2 siang", THU_10, WITA)).toEqual(ok("2022-01-25T14:00+08:00"));
    expect(readTimeOnDate("2022-01-25", "09.00", THU_10, WITA)).toEqual(ok("2022-01-25T09:00+08:00"));
    expect(readTimeOnDate("2022-01-20", "09.00", THU_10, WITA)).toEqual(past("2022-01-20T09:00+08:00"));
  });

  it("lets a day in the answer win, and refuses an answer without a time", () => {
    expect(readTimeOnDate("2022-01-25", "besok 09.00", THU_10, WITA)).toEqual(ok("2022-01-21T09:00+08:00"));
    expect(readTimeOnDate("2022-01-25", "9", THU_10, WITA)).toEqual(INVALID);
    expect(readTimeOnDate("2022-02-30", "09.00", THU_10, WITA)).toEqual(INVALID);
  });
});

describe("readDateTime: month and year ends", () => {
  // Saturday 31 January 2026, 23:00 WITA.
  const JAN_31 = at("2026-01-31T23:00+08:00");
  // Thursday 31 December 2026, 20:00 WITA.
  const DEC_31 = at("2026-12-31T20:00+08:00");

  it.each<[string, Date, DateTimeReading]>([
    ["besok 09:00", JAN_31, ok("2026-02-01T09:00+08:00")],
    ["lusa jam 2 siang", JAN_31, ok("2026-02-02T14:00+08:00")],
    ["Senin 09.00", JAN_31, ok("2026-02-02T09:00+08:00")],
    ["Senin depan 09.00", JAN_31, ok("2026-02-02T09:00+08:00")], // Saturday: next week's Monday is in two days
    ["12 malam", JAN_31, ok("2026-02-01T00:00+08:00")],
    ["besok", DEC_31, dateOnly("2027-01-01")],
    ["besok 08.00", DEC_31, ok("2027-01-01T08:00+08:00")],
    ["2 Jan 09.00", DEC_31, ok("2027-01-02T09:00+08:00")],
    ["02/01 09.00", DEC_31, ok("2027-01-02T09:00+08:00")],
    ["Sabtu 2 Januari 09.00", DEC_31, ok("2027-01-02T09:00+08:00")],
    ["31 Des 21.00", DEC_31, ok("2026-12-31T21:00+08:00")],
    ["31 Des 19.00", DEC_31, past("2026-12-31T19:00+08:00")],
    ["Jumat 09.00", DEC_31, ok("2027-01-01T09:00+08:00")],
    ["Senin depan jam 10", DEC_31, ok("2027-01-04T10:00+08:00")],
  ])("%j at %s", (text, now, expected) => {
    expect(readDateTime(text, now, WITA)).toEqual(expected);
  });

  it("uses the day in WITA when UTC is still on the day before", () => {
    // 24 Jan 2026 17:00 UTC is Sunday 25 Jan 01:00 WITA.
    const now = new Date("2026-01-24T17:00:00Z");
    expect(readDateTime("hari ini 15.30", now, WITA)).toEqual(ok("2026-01-25T15:30+08:00"));
    expect(readDateTime("besok 09:00", now, WITA)).toEqual(ok("2026-01-26T09:00+08:00"));
    expect(readDateTime("Minggu 09.00", now, WITA)).toEqual(ok("2026-01-25T09:00+08:00"));
    expect(readDateTime("besok", now, WITA)).toEqual(dateOnly("2026-01-26"));
  });
});

describe("readDateTime: leap days", () => {
  const NOW = at("2027-01-10T10:00+08:00");
  it.each<[string, DateTimeReading]>([
    ["29/02/2028 09.00", ok("2028-02-29T09:00+08:00")],
    ["29/02/2027 09.00", INVALID],
    ["29 Februari", dateOnly("2028-02-29")], // no year: the next 29 February there is
    ["28 Feb 09.00", ok("2027-02-28T09:00+08:00")],
    ["Selasa 29 Feb 2028 09.00", ok("2028-02-29T09:00+08:00")],
  ])("%j", (text, expected) => {
    expect(readDateTime(text, NOW, WITA)).toEqual(expected);
  });
});

describe("readDateTime: stated zones", () => {
  it.each<[string, DateTimeReading]>([
    ["besok 9:00 WITA", ok("2022-01-21T09:00+08:00")],
    ["besok 09.00 WIB", ok("2022-01-21T09:00+07:00")],
    ["besok 09.00 WIT", ok("2022-01-21T09:00+09:00")],
    ["besok 09.00wib", ok("2022-01-21T09:00+07:00")],
    ["25/01/2022 09.00 UTC", ok("2022-01-25T09:00+00:00")],
    ["besok 09.00 UTC+7", ok("2022-01-21T09:00+07:00")],
    ["9:00 WITA", past("2022-01-20T09:00+08:00")],
    ["10.30 WIB", ok("2022-01-20T10:30+07:00")], // 11.30 WITA: still ahead
  ])("%j", (text, expected) => {
    expect(readDateTime(text, THU_10, WITA)).toEqual(expected);
  });
});

describe("another deployment zone: nothing assumes +8", () => {
  it("reads in WIB", () => {
    const now = at("2022-01-20T09:00+07:00");
    expect(readDateTime("besok 09:00", now, WIB)).toEqual(ok("2022-01-21T09:00+07:00"));
    expect(readDateTime("jam 9 pagi", now, WIB)).toEqual(past("2022-01-20T09:00+07:00"));
    expect(readDateTime("besok 09.00 WITA", now, WIB)).toEqual(ok("2022-01-21T09:00+08:00"));
  });

  it("takes 'tomorrow' from each zone's own calendar", () => {
    // 23:30 WIB on the 20th is already 00:30 WITA on the 21st.
    const now = new Date("2022-01-20T16:30:00Z");
    expect(readDateTime("besok 09:00", now, WIB)).toEqual(ok("2022-01-21T09:00+07:00"));
    expect(readDateTime("besok 09:00", now, WITA)).toEqual(ok("2022-01-22T09:00+08:00"));
  });
});

describe("formatting", () => {
  const instant = at("2022-01-25T09:00+08:00");

  it("writes the full reading back in both languages", () => {
    expect(formatDateTime(instant, "id", WITA)).toBe("Selasa, 25 Januari 2022 pukul 09.00 WITA");
    expect(formatDateTime(instant, "en", WITA)).toBe("Tuesday, 25 January 2022 at 09:00 WITA");
    expect(formatDateTime(instant, "id", WIB)).toBe("Selasa, 25 Januari 2022 pukul 08.00 WIB");
    expect(formatDateTime(at("2022-01-25T23:30+08:00"), "id", "Asia/Jayapura")).toBe("Rabu, 26 Januari 2022 pukul 00.30 WIT");
  });

  it("writes times and dates", () => {
    expect(formatTime(instant, "id", WITA)).toBe("09.00");
    expect(formatTime(instant, "en", WITA)).toBe("09:00");
    expect(formatTime(instant, "id", WIB)).toBe("08.00");
    expect(formatDate(instant, "id", WITA)).toBe("Selasa, 25 Januari 2022");
    expect(formatCalendarDate("2022-08-17", "id")).toBe("Rabu, 17 Agustus 2022");
    expect(formatCalendarDate("2022-08-17", "en")).toBe("Wednesday, 17 August 2022");
    expect(formatWeekday(5, "id")).toBe("Jumat");
    expect(formatWeekday(0, "en")).toBe("Sunday");
  });

  it.each<[string, string]>([
    ["Asia/Makassar", "WITA"],
    ["Asia/Jakarta", "WIB"],
    ["Asia/Pontianak", "WIB"],
    ["Asia/Jayapura", "WIT"],
    ["Asia/Singapore", "UTC+8"],
    ["Asia/Kolkata", "UTC+5:30"],
    ["America/Sao_Paulo", "UTC-3"],
    ["UTC", "UTC"],
  ])("zoneAbbreviation(%s) → %s", (zone, abbreviation) => {
    expect(zoneAbbreviation(zone)).toBe(abbreviation);
  });

  it("gives a DST zone the offset in force at the instant", () => {
    expect(zoneAbbreviation("Europe/Berlin", at("2026-07-01T12:00Z"))).toBe("UTC+2");
    expect(formatDateTime(at("2026-07-01T12:00Z"), "en", "Europe/Berlin")).toBe("Wednesday, 1 July 2026 at 14:00 UTC+2");
  });
});
