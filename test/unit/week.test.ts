import { describe, expect, it } from "vitest";
import {
  dbDate,
  formatWeekRange,
  isoYearRange,
  recentWeeks,
  shiftWeeks,
  startDateFromDb,
  weekFromKey,
  weekFromStartDate,
  weekOf,
} from "../../src/lib/week.js";

const WITA = "Asia/Makassar";
const WIB = "Asia/Jakarta";
const BERLIN = "Europe/Berlin";

describe("weekOf in WITA (UTC+8)", () => {
  it.each<[string, string, string]>([
    // instant (UTC), expected key, expected Monday
    ["2026-11-29T15:59:59.999Z", "2026-W48", "2026-11-23"], // Sun 29 Nov 23:59:59.999 WITA
    ["2026-11-29T16:00:00.000Z", "2026-W49", "2026-11-30"], // Mon 30 Nov 00:00 WITA, still Sunday in UTC
    ["2026-11-22T16:00:00.000Z", "2026-W48", "2026-11-23"], // Mon 23 Nov 00:00 WITA
    ["2026-11-25T04:00:00.000Z", "2026-W48", "2026-11-23"], // a Wednesday noon
    ["2025-12-31T15:59:59.000Z", "2026-W01", "2025-12-29"], // 31 Dec 2025 23:59:59 WITA
    ["2025-12-31T16:00:00.000Z", "2026-W01", "2025-12-29"], // 1 Jan 2026 00:00 WITA
    ["2025-12-28T15:59:59.000Z", "2025-W52", "2025-12-22"], // Sun 28 Dec 2025 23:59:59 WITA
    ["2026-12-31T16:00:00.000Z", "2026-W53", "2026-12-28"], // 1 Jan 2027 WITA: still week 53 of 2026
    ["2027-01-03T15:59:59.999Z", "2026-W53", "2026-12-28"], // Sun 3 Jan 2027 23:59:59.999 WITA
    ["2027-01-03T16:00:00.000Z", "2027-W01", "2027-01-04"], // Mon 4 Jan 2027 00:00 WITA
    ["2021-01-01T04:00:00.000Z", "2020-W53", "2020-12-28"], // 2020 had 53 ISO weeks as well
  ])("%s → %s", (instant, key, startDate) => {
    const week = weekOf(new Date(instant), WITA);
    expect(week.key).toBe(key);
    expect(week.startDate).toBe(startDate);
  });

  it("gives the exact bounds: Monday 00:00 WITA inclusive to the next Monday exclusive", () => {
    const week = weekOf(new Date("2026-11-25T04:00:00Z"), WITA);
    expect(week).toEqual({
      start: new Date("2026-11-22T16:00:00.000Z"),
      end: new Date("2026-11-29T16:00:00.000Z"),
      startDate: "2026-11-23",
      isoYear: 2026,
      isoWeek: 48,
      key: "2026-W48",
    });
    expect(weekOf(week.start, WITA).key).toBe("2026-W48");
    expect(weekOf(new Date(week.end.getTime() - 1), WITA).key).toBe("2026-W48");
    expect(weekOf(week.end, WITA).key).toBe("2026-W49");
  });

  it("puts the ISO week-numbering year on weeks that straddle 31 Dec / 1 Jan", () => {
    const week = weekOf(new Date("2026-01-02T02:00:00Z"), WITA);
    expect(week).toMatchObject({ isoYear: 2026, isoWeek: 1, startDate: "2025-12-29" });
  });
});

describe("other zones: nothing assumes +8", () => {
  it("uses WIB (UTC+7) boundaries in Asia/Jakarta", () => {
    const instant = new Date("2026-11-29T16:30:00Z"); // Mon 00:30 WITA, Sun 23:30 WIB
    expect(weekOf(instant, WITA).key).toBe("2026-W49");
    expect(weekOf(instant, WIB).key).toBe("2026-W48");
    expect(weekOf(new Date("2026-11-29T17:00:00Z"), WIB)).toMatchObject({
      key: "2026-W49",
      start: new Date("2026-11-29T17:00:00Z"),
      end: new Date("2026-12-06T17:00:00Z"),
    });
  });

  it("gives a 167-hour week when Berlin springs forward and a 169-hour one when it falls back", () => {
    const spring = weekFromKey("2026-W13", BERLIN)!; // DST starts Sun 29 Mar 2026
    expect(spring.start).toEqual(new Date("2026-03-22T23:00:00Z"));
    expect(spring.end).toEqual(new Date("2026-03-29T22:00:00Z"));
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);

    const autumn = weekFromKey("2026-W43", BERLIN)!; // DST ends Sun 25 Oct 2026
    expect(autumn.startDate).toBe("2026-10-19");
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    expect(shiftWeeks(autumn, 1, BERLIN).start).toEqual(new Date("2026-10-25T23:00:00Z"));
  });

  it("is the same week for the same wall clock in every zone", () => {
    for (const zone of [WITA, WIB, BERLIN, "America/New_York", "Pacific/Auckland", "UTC"]) {
      const week = weekFromStartDate("2026-11-23", zone);
      expect(week.key).toBe("2026-W48");
      expect(weekOf(new Date(week.start.getTime() - 1), zone).key).toBe("2026-W47");
      expect(weekOf(week.start, zone).startDate).toBe("2026-11-23");
    }
  });
});

describe("weekFromStartDate / weekFromKey / shiftWeeks", () => {
  it("rejects a start date that is not a Monday or not a date", () => {
    expect(() => weekFromStartDate("2026-11-24", WITA)).toThrow(RangeError);
    expect(() => weekFromStartDate("2026-02-30", WITA)).toThrow(RangeError);
    expect(() => weekFromStartDate("23-11-2026", WITA)).toThrow(RangeError);
  });

  it.each(["2026-W01", "2026-W48", "2026-W53", "2020-W53", "2027-W01", "2025-W52", "2024-W09"])(
    "round trips %s",
    (key) => {
      const week = weekFromKey(key, WITA)!;
      expect(week.key).toBe(key);
      expect(weekOf(week.start, WITA)).toEqual(week);
      expect(weekFromStartDate(week.startDate, WITA)).toEqual(week);
    },
  );

  it.each(["2025-W53", "2027-W53", "2026-W00", "2026-W54", "2026-W1", "2026W48", "garbage"])("rejects %s", (key) => {
    expect(weekFromKey(key, WITA)).toBeNull();
  });

  it("shifts across years, including week 53", () => {
    const w53 = weekFromKey("2026-W53", WITA)!;
    expect(shiftWeeks(w53, 1, WITA).key).toBe("2027-W01");
    expect(shiftWeeks(w53, -52, WITA).key).toBe("2026-W01");
    expect(shiftWeeks(weekFromKey("2026-W01", WITA)!, -1, WITA).key).toBe("2025-W52");
    expect(shiftWeeks(w53, 0, WITA)).toEqual(w53);
  });

  it("walks 600 consecutive weeks without a gap or an overlap", () => {
    let week = weekFromKey("2019-W01", BERLIN)!;
    for (let i = 0; i < 600; i++) {
      const next = shiftWeeks(week, 1, BERLIN);
      expect(next.start).toEqual(week.end);
      week = next;
    }
  });
});

describe("recentWeeks", () => {
  const now = new Date("2026-11-25T04:00:00Z");

  it.each([0, 1, 2, 8])("returns this week and %i earlier ones, newest first", (backfill) => {
    const weeks = recentWeeks(now, WITA, backfill);
    expect(weeks).toHaveLength(backfill + 1);
    expect(weeks[0]!.key).toBe("2026-W48");
    weeks.slice(1).forEach((w, i) => expect(w.end).toEqual(weeks[i]!.start));
  });

  it("reaches back into the previous ISO year", () => {
    const keys = recentWeeks(new Date("2026-01-05T01:00:00Z"), WITA, 2).map((w) => w.key);
    expect(keys).toEqual(["2026-W02", "2026-W01", "2025-W52"]);
  });

  it("rejects a negative backfill", () => {
    expect(() => recentWeeks(now, WITA, -1)).toThrow(RangeError);
  });
});

describe("DATE column helpers", () => {
  it.each(["2026-11-23", "2025-12-29", "2020-12-28", "2024-02-26"])("round trips %s", (startDate) => {
    const d = dbDate(startDate);
    expect(d.toISOString()).toBe(`${startDate}T00:00:00.000Z`);
    expect(startDateFromDb(d)).toBe(startDate);
  });

  it("refuses values that are not a DATE", () => {
    expect(() => dbDate("2026-13-01")).toThrow(RangeError);
    expect(() => startDateFromDb(new Date("2026-11-22T16:00:00Z"))).toThrow(RangeError);
  });
});

describe("isoYearRange", () => {
  it.each<[number, string, string]>([
    [2026, "2025-12-29", "2026-12-28"], // 53 weeks
    [2025, "2024-12-30", "2025-12-22"],
    [2020, "2019-12-30", "2020-12-28"], // 53 weeks
    [2027, "2027-01-04", "2027-12-27"],
  ])("%i runs from %s to %s", (year, first, last) => {
    expect(isoYearRange(year, WITA)).toEqual({ firstWeekStartDate: first, lastWeekStartDate: last });
    expect(weekFromStartDate(first, WITA)).toMatchObject({ isoYear: year, isoWeek: 1 });
    expect(shiftWeeks(weekFromStartDate(last, WITA), 1, WITA)).toMatchObject({ isoYear: year + 1, isoWeek: 1 });
  });
});

describe("formatWeekRange", () => {
  it.each<[string, "id" | "en", string]>([
    ["2026-W48", "id", "23–29 November 2026"],
    ["2026-W48", "en", "23–29 November 2026"],
    ["2026-W49", "id", "30 November – 6 Desember 2026"],
    ["2026-W49", "en", "30 November – 6 December 2026"],
    ["2026-W01", "id", "29 Desember 2025 – 4 Januari 2026"],
    ["2026-W01", "en", "29 December 2025 – 4 January 2026"],
    ["2026-W33", "id", "10–16 Agustus 2026"],
  ])("%s in %s → %s", (key, lang, expected) => {
    expect(formatWeekRange(weekFromKey(key, WITA)!, lang, WITA)).toBe(expected);
  });

  it("formats in the given zone", () => {
    const week = weekFromKey("2026-W13", BERLIN)!;
    expect(formatWeekRange(week, "id", BERLIN)).toBe("23–29 Maret 2026");
  });
});

describe("weeks kept once computed", () => {
  it("finds the right week on both sides of a boundary right after asking for the week before", () => {
    // the last week asked for is kept per zone: an instant just past its end must not fall into it
    expect(weekOf(new Date("2026-12-31T15:59:59.999Z"), WITA).key).toBe("2026-W53"); // Thu 31 Dec 2026 23:59 WITA
    expect(weekOf(new Date("2027-01-03T15:59:59.999Z"), WITA).key).toBe("2026-W53"); // Sun 3 Jan 2027 23:59 WITA
    expect(weekOf(new Date("2027-01-03T16:00:00.000Z"), WITA).key).toBe("2027-W01"); // Mon 4 Jan 00:00 WITA
    expect(weekOf(new Date("2027-01-03T15:59:59.999Z"), WITA).key).toBe("2026-W53"); // back again
    expect(weekOf(new Date("2027-01-31T16:00:00.000Z"), WITA)).toMatchObject({ key: "2027-W05", startDate: "2027-02-01" }); // month boundary
  });

  it("keeps the week of each zone apart", () => {
    const instant = new Date("2026-11-29T16:30:00Z"); // Mon 30 Nov 00:30 WITA, Sun 29 Nov 23:30 WIB
    expect(weekOf(instant, WITA).key).toBe("2026-W49");
    expect(weekOf(instant, WIB).key).toBe("2026-W48");
    expect(weekOf(instant, WITA).key).toBe("2026-W49");
    expect(formatWeekRange(weekFromKey("2026-W49", WITA)!, "id", WITA)).toBe("30 November – 6 Desember 2026");
    expect(formatWeekRange(weekFromKey("2026-W49", BERLIN)!, "en", BERLIN)).toBe("30 November – 6 December 2026");
  });

  it("hands out copies: changing a week's dates changes nothing for the next caller", () => {
    const first = weekFromKey("2026-W48", WITA)!;
    first.start.setTime(0);
    first.end.setTime(0);
    const again = weekFromKey("2026-W48", WITA)!;
    expect(again.start).toEqual(new Date("2026-11-22T16:00:00.000Z"));
    expect(weekOf(new Date("2026-11-25T04:00:00Z"), WITA).end).toEqual(new Date("2026-11-29T16:00:00.000Z"));
  });
});
