// The weekly schedules: cron patterns in the deployment's time zone (as BullMQ computes them),
// which week a job covers when it runs on time, late, or by hand, and their configuration.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { scheduledAtOf } from "../../src/jobs/workers.js";
import { jobSchedules, nextRuns, weekForJob } from "../../src/jobs/schedules.js";

const WITA = "Asia/Makassar";
const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x" };
const config = loadConfig(base);
const utc = (iso: string) => new Date(`${iso}Z`);
const wita = (local: string) => new Date(`${local}+08:00`);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("default schedules in WITA", () => {
  it("the Friday 16:00 WITA reminder fires at 08:00 UTC, every Friday", () => {
    expect(iso(nextRuns(config.reminderCronFirst!, WITA, wita("2026-11-23T00:00:00"), 3))).toEqual([
      "2026-11-27T08:00:00.000Z",
      "2026-12-04T08:00:00.000Z",
      "2026-12-11T08:00:00.000Z",
    ]);
  });

  it("the Sunday 18:00 WITA reminder fires at 10:00 UTC", () => {
    expect(iso(nextRuns(config.reminderCronSecond!, WITA, wita("2026-11-27T16:00:00"), 2))).toEqual([
      "2026-11-29T10:00:00.000Z",
      "2026-12-06T10:00:00.000Z",
    ]);
  });

  it("the Monday 08:00 WITA summary fires at Monday 00:00 UTC, across the year end", () => {
    expect(iso(nextRuns(config.summaryCron!, WITA, wita("2026-12-25T12:00:00"), 3))).toEqual([
      "2026-12-28T00:00:00.000Z",
      "2027-01-04T00:00:00.000Z",
      "2027-01-11T00:00:00.000Z",
    ]);
  });

  it("a fire time exactly now is not run again: the next one is a week later", () => {
    expect(iso(nextRuns(config.reminderCronFirst!, WITA, utc("2026-11-27T08:00:00.000")))).toEqual(["2026-12-04T08:00:00.000Z"]);
  });

  it("follows the configured zone: Friday 16:00 WIB (Asia/Jakarta) is 09:00 UTC, WIT (Asia/Jayapura) 07:00 UTC", () => {
    const after = utc("2026-11-23T00:00:00");
    expect(iso(nextRuns("0 16 * * 5", "Asia/Jakarta", after))).toEqual(["2026-11-27T09:00:00.000Z"]);
    expect(iso(nextRuns("0 16 * * 5", "Asia/Jayapura", after))).toEqual(["2026-11-27T07:00:00.000Z"]);
  });

  it("a Monday-morning pattern before 08:00 WITA is still Sunday in UTC: the zone decides the day", () => {
    const [run] = nextRuns("0 7 * * 1", WITA, wita("2026-11-25T00:00:00"));
    expect(run?.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    // …and the week it belongs to is the WITA week starting that Monday, not the UTC week.
    expect(weekForJob({}, run!, WITA)?.key).toBe("2026-W49");
  });
});

describe("which reporting week a job covers", () => {
  it("a reminder covers the week of its fire time: Friday and Sunday of 2026-W48", () => {
    expect(weekForJob({ slot: "first" }, utc("2026-11-27T08:00:00"), WITA)?.key).toBe("2026-W48");
    expect(weekForJob({ slot: "second" }, utc("2026-11-29T10:00:00"), WITA)?.key).toBe("2026-W48");
  });

  it("a job that runs late uses its scheduled time, not the time it runs", () => {
    // The Sunday 18:00 job of 2026-W48 runs on Tuesday of W49 (the worker was down): its
    // scheduled time (BullMQ's prevMillis) is what the processor sees.
    const job = { opts: { prevMillis: utc("2026-11-29T10:00:00").getTime() }, timestamp: utc("2026-11-22T10:00:00").getTime() };
    const scheduledAt = scheduledAtOf(job);
    expect(scheduledAt.toISOString()).toBe("2026-11-29T10:00:00.000Z");
    expect(weekForJob({ slot: "second" }, scheduledAt, WITA)?.key).toBe("2026-W48");
  });

  it("a one-off job's scheduled time is its creation plus its delay", () => {
    const job = { opts: { delay: 60_000 }, timestamp: utc("2026-11-29T15:59:30").getTime() };
    expect(scheduledAtOf(job).toISOString()).toBe("2026-11-29T16:00:30.000Z");
    // Sunday 23:59:30 WITA + 1 minute is Monday 00:00:30 WITA: the next week.
    expect(weekForJob({}, scheduledAtOf(job), WITA)?.key).toBe("2026-W49");
  });

  it("the Monday summary covers the week before, across the year end (ISO week-years)", () => {
    expect(weekForJob({}, utc("2026-11-30T00:00:00"), WITA, -1)?.key).toBe("2026-W48");
    // Monday 4 January 2027 08:00 WITA: the week 28 Dec 2026 – 3 Jan 2027 is 2026-W53.
    const w53 = weekForJob({}, utc("2027-01-04T00:00:00"), WITA, -1);
    expect(w53).toMatchObject({ key: "2026-W53", startDate: "2026-12-28" });
    // Monday 5 January 2026: the week 29 Dec 2025 – 4 Jan 2026 is 2026-W01.
    expect(weekForJob({}, utc("2026-01-05T00:00:00"), WITA, -1)).toMatchObject({ key: "2026-W01", startDate: "2025-12-29" });
  });

  it("a run by hand names its week, which wins over the time", () => {
    expect(weekForJob({ week: "2026-W48" }, utc("2027-03-01T00:00:00"), WITA, -1)?.key).toBe("2026-W48");
    expect(weekForJob({ week: "2025-W53" }, utc("2027-03-01T00:00:00"), WITA)).toBeNull(); // 2025 has 52 weeks
    expect(weekForJob({ week: "next week" }, utc("2027-03-01T00:00:00"), WITA)).toBeNull();
    expect(weekForJob({ week: 48 }, utc("2027-03-01T00:00:00"), WITA)).toBeNull();
  });
});

describe("schedule configuration", () => {
  it("defaults: Friday 16:00, Sunday 18:00, Monday 08:00", () => {
    expect(jobSchedules(config)).toEqual([
      { id: "weekly-reminder-first", job: { queue: "reminder", name: "weekly-reminder" }, pattern: "0 16 * * 5", data: { slot: "first" } },
      { id: "weekly-reminder-second", job: { queue: "reminder", name: "weekly-reminder" }, pattern: "0 18 * * 0", data: { slot: "second" } },
      { id: "weekly-summary", job: { queue: "summary", name: "weekly-summary" }, pattern: "0 8 * * 1", data: {} },
    ]);
  });

  it("reads other patterns, 'off', and an empty value as the default", () => {
    const c = loadConfig({ ...base, REMINDER_CRON_FIRST: " 30 15 * * 5 ", REMINDER_CRON_SECOND: "off", SUMMARY_CRON: "" });
    expect([c.reminderCronFirst, c.reminderCronSecond, c.summaryCron]).toEqual(["30 15 * * 5", null, "0 8 * * 1"]);
  });

  it.each(["every friday", "0 25 * * 5", "0 16 * *", "0 16 * * 5 2026 1"])("rejects %j with a clear message", (pattern) => {
    expect(() => loadConfig({ ...base, SUMMARY_CRON: pattern })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SUMMARY_CRON: pattern })).toThrow(/SUMMARY_CRON must be a cron pattern such as "0 16 \* \* 5"/);
  });
});
