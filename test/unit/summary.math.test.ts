import { describe, expect, it } from "vitest";
import { chartWorthSending, fillWeeks, reportingShare, sumOrNull, sumTotals, weekChange, weeksWithData } from "../../src/features/summary/summary.math.js";
import { allowedScope } from "../../src/features/summary/summary.service.js";
import { weekForJob } from "../../src/jobs/schedules.js";
import { parseSummaryKey, summaryKey } from "../../src/features/summary/summary.send.js";

describe("weekChange", () => {
  it("goes up and down with the absolute difference and the percentage of last week", () => {
    expect(weekChange("120", "100")).toEqual({ kind: "up", diff: "20", percent: "20" });
    expect(weekChange("75", "100")).toEqual({ kind: "down", diff: "25", percent: "25" });
  });

  it("keeps decimals exact (no float noise) and rounds the percentage half-up to one place", () => {
    expect(weekChange("0.3", "0.1")).toEqual({ kind: "up", diff: "0.2", percent: "200" });
    expect(weekChange("789.5", "700.25")).toEqual({ kind: "up", diff: "89.25", percent: "12.7" }); // 12.745…
    expect(weekChange("1", "3")).toEqual({ kind: "down", diff: "2", percent: "66.7" }); // 66.666…
    expect(weekChange("100.05", "100")).toEqual({ kind: "up", diff: "0.05", percent: "0.1" }); // 0.05 → 0.1 half-up
    expect(weekChange("1500000.0000", "1250000.0000")).toEqual({ kind: "up", diff: "250000", percent: "20" });
  });

  it("calls a figure after a zero or missing week new", () => {
    expect(weekChange("12.5", "0")).toEqual({ kind: "new" });
    expect(weekChange("12.5", null)).toEqual({ kind: "new" });
  });

  it("says the same for equal figures, zero after zero and zero after nothing", () => {
    expect(weekChange("5.50", "5.5")).toEqual({ kind: "same" });
    expect(weekChange("0", "0")).toEqual({ kind: "same" });
    expect(weekChange("0", null)).toEqual({ kind: "same" });
  });

  it("has no change when nothing was reported this week, whatever last week had", () => {
    expect(weekChange(null, "40")).toEqual({ kind: "no-data" });
    expect(weekChange(null, null)).toEqual({ kind: "no-data" });
  });

  it("a drop to zero is a fall of 100%", () => {
    expect(weekChange("0", "40")).toEqual({ kind: "down", diff: "40", percent: "100" });
  });
});

describe("sums and series", () => {
  it("sums exactly and skips missing weeks", () => {
    expect(sumTotals(["0.1", "0.2", null, "789.5"])).toBe("789.8");
    expect(sumTotals([])).toBe("0");
    expect(sumOrNull([null, null])).toBeNull();
    expect(sumOrNull([null, "0"])).toBe("0");
  });

  it("fills weeks nobody reported with null, in order", () => {
    const weeks = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"];
    const series = fillWeeks(weeks, new Map([["2026-11-23", "4"], ["2026-11-02", "1.5"]]));
    expect(series).toEqual(["1.5", null, null, "4"]);
    expect(weeksWithData(series)).toBe(2);
  });

  it("draws a chart from three weeks with any report on", () => {
    expect(chartWorthSending([["1", null, null, "2"], [null, null, null, null]])).toBe(false);
    expect(chartWorthSending([["1", null, null, "2"], [null, "0", null, null]])).toBe(true);
    expect(chartWorthSending([])).toBe(false);
  });

  it("counts partial reporting as a whole percentage", () => {
    expect(reportingShare(2, 3)).toEqual({ reported: 2, active: 3, percent: "67" });
    expect(reportingShare(1, 8)).toEqual({ reported: 1, active: 8, percent: "13" }); // 12.5 → 13
    expect(reportingShare(0, 0)).toEqual({ reported: 0, active: 0, percent: "0" });
  });
});

describe("the job's week and keys", () => {
  const WITA = "Asia/Makassar";
  /** As the summary's processor asks for it: the week before the scheduler's fire time. */
  const weekBefore = (scheduledAt: Date) => weekForJob({}, scheduledAt, WITA, -1)!;
  it("is the week before the one the job was scheduled in, whenever it actually runs", () => {
    // Monday 30 November 2026 08:00 WITA = 00:00 UTC → 2026-W48 (23–29 November)
    expect(weekBefore(new Date("2026-11-30T00:00:00Z")).key).toBe("2026-W48");
    // Monday 4 January 2027 08:00 WITA → 2026-W53 (28 December – 3 January)
    expect(weekBefore(new Date("2027-01-04T00:00:00Z")).key).toBe("2026-W53");
    // Monday 5 January 2026 08:00 WITA → 2026-W01 (29 December 2025 – 4 January 2026)
    expect(weekBefore(new Date("2026-01-05T00:00:00Z")).key).toBe("2026-W01");
    // a run by hand names its week
    expect(weekForJob({ week: "2026-W40" }, new Date("2026-11-30T00:00:00Z"), WITA, -1)!.key).toBe("2026-W40");
  });

  it("keys a coordinator's message by week and person, a staff member's also by programme", () => {
    expect(summaryKey("2026-W48", 12)).toBe("summary-2026-W48-12");
    expect(summaryKey("2026-W48", 12, 3)).toBe("summary-2026-W48-12-p3");
    expect(parseSummaryKey("summary-2026-W48-12")).toEqual({ weekKey: "2026-W48", personId: 12, programmeId: null });
    expect(parseSummaryKey("summary-2026-W48-12-p3")).toEqual({ weekKey: "2026-W48", personId: 12, programmeId: 3 });
    expect(parseSummaryKey("invite-1-2")).toBeNull();
  });
});

describe("who may see which summary", () => {
  const coordinator = { personId: 1, isStaff: false, coordinatorGroupIds: [3, 4] };
  const staff = { personId: 2, isStaff: true, coordinatorGroupIds: [] };
  it("lets staff see any group, programme or everything", () => {
    expect(allowedScope(staff, { kind: "all" })).toEqual({ kind: "all" });
    expect(allowedScope(staff, { kind: "programme", programmeId: 9 })).toEqual({ kind: "programme", programmeId: 9 });
  });
  it("lets a coordinator see only their own groups", () => {
    expect(allowedScope(coordinator, { kind: "groups", groupIds: [3] })).toEqual({ kind: "groups", groupIds: [3] });
    expect(allowedScope(coordinator, { kind: "groups", groupIds: [3, 5] })).toBeNull();
    expect(allowedScope(coordinator, { kind: "programme", programmeId: 1 })).toBeNull();
    expect(allowedScope(coordinator, { kind: "all" })).toBeNull();
    expect(allowedScope({ ...coordinator, coordinatorGroupIds: [] }, { kind: "groups", groupIds: [] })).toBeNull();
  });
});
