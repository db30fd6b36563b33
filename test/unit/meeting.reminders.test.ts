import { describe, expect, it } from "vitest";
import { epochOf, keyEpoch, keys, reminderTimes, resendRound, CHECK_IN_ALPHABET, randomCheckInCode } from "../../src/features/meeting/meeting.service.js";

const WITA = "Asia/Makassar";
const WIB = "Asia/Jakarta";

/** WITA wall-clock "2026-01-01 10:00" as an instant. */
const wita = (local: string) => new Date(`${local.replace(" ", "T")}:00+08:00`);
const iso = (d: Date) => d.toISOString();
const times = (startsAt: Date, now: Date, zone = WITA) => reminderTimes(startsAt, now, zone).map((r) => [r.kind, iso(r.at)]);

describe("reminderTimes", () => {
  const longBefore = wita("2020-01-01 00:00");

  it.each<[string, string, string]>([
    // start (WITA), day-before reminder (WITA), two hours before (WITA)
    ["2026-11-25 09:00", "2026-11-24 09:00", "2026-11-25 07:00"], // an ordinary Wednesday
    ["2026-12-01 09:00", "2026-11-30 09:00", "2026-12-01 07:00"], // first of the month
    ["2026-03-01 10:00", "2026-02-28 09:00", "2026-03-01 08:00"], // after February in a common year
    ["2028-03-01 10:00", "2028-02-29 09:00", "2028-03-01 08:00"], // after February in a leap year
    ["2027-01-01 08:00", "2026-12-31 09:00", "2027-01-01 06:00"], // New Year's Day
    ["2027-01-01 01:00", "2026-12-31 09:00", "2026-12-31 23:00"], // two hours before is in the old year
    ["2026-11-25 00:30", "2026-11-24 09:00", "2026-11-24 22:30"], // just after midnight
    ["2026-11-25 23:59", "2026-11-24 09:00", "2026-11-25 21:59"], // just before midnight
  ])("a meeting at %s: the day before at 09:00 (%s) and two hours before (%s)", (start, day, twoHours) => {
    expect(times(wita(start), longBefore)).toEqual([
      ["day", iso(wita(day))],
      ["2h", iso(wita(twoHours))],
    ]);
  });

  it("takes the day in the deployment's zone, not in UTC", () => {
    // 1 January 2027 07:00 WITA is still 31 December in UTC; the day before is 31 December in WITA.
    expect(times(wita("2027-01-01 07:00"), longBefore)[0]).toEqual(["day", iso(wita("2026-12-31 09:00"))]);
    // The same instant in WIB is 06:00 on 1 January: 09:00 WIB on 31 December.
    expect(times(wita("2027-01-01 07:00"), longBefore, WIB)[0]).toEqual(["day", "2026-12-31T02:00:00.000Z"]);
  });

  it("keeps both reminders for a meeting made well ahead", () => {
    expect(times(wita("2026-11-25 09:00"), wita("2026-11-23 15:00")).map(([k]) => k)).toEqual(["day", "2h"]);
  });

  it("skips the day-before reminder for a meeting made less than a day ahead", () => {
    expect(times(wita("2026-11-25 09:00"), wita("2026-11-24 10:00"))).toEqual([["2h", iso(wita("2026-11-25 07:00"))]]);
  });

  it("skips the day-before reminder exactly at its time", () => {
    expect(times(wita("2026-11-25 09:00"), wita("2026-11-24 09:00")).map(([k]) => k)).toEqual(["2h"]);
  });

  it("skips both for a meeting made less than two hours ahead", () => {
    expect(times(wita("2026-11-25 09:00"), wita("2026-11-25 07:30"))).toEqual([]);
  });

  it("keeps the day-before reminder for a meeting the day after tomorrow made in the evening", () => {
    expect(times(wita("2026-11-26 08:00"), wita("2026-11-24 20:00")).map(([k]) => k)).toEqual(["day", "2h"]);
  });
});

describe("keys", () => {
  it("are deterministic and carry the start for time-bound messages", () => {
    const startsAt = wita("2026-11-25 09:00");
    const epoch = epochOf(startsAt);
    expect(epoch).toBe(startsAt.getTime() / 1000);
    expect(keys.invite(12, 345)).toBe("invite-12-345");
    expect(keys.resend(12, 345, 2)).toBe("invite-12-345-r2");
    expect(keys.reminder("day", 12, 345, epoch)).toBe(`remind-day-12-345-${epoch}`);
    expect(keys.reminder("2h", 12, 345, epoch)).toBe(`remind-2h-12-345-${epoch}`);
    expect(keys.moved(12, 345, epoch)).toBe(`moved-12-345-${epoch}`);
    expect(keys.reminderJob(12, "day", epoch)).toBe(`meeting-reminder-12-day-${epoch}`);
    expect(keyEpoch(keys.reminder("2h", 12, 345, epoch))).toBe(epoch);
    expect(resendRound("invite-12-345")).toBe(0);
    expect(resendRound("invite-12-345-r11")).toBe(11);
  });

  it("check-in codes are six unambiguous characters", () => {
    for (let i = 0; i < 50; i++) {
      const code = randomCheckInCode();
      expect(code).toHaveLength(6);
      for (const ch of code) expect(CHECK_IN_ALPHABET).toContain(ch);
    }
    expect(CHECK_IN_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
