import { describe, expect, it } from "vitest";
import {
  addFigures,
  combineWeeks,
  groupProgress,
  isBehind,
  percentOfTarget,
  proRata,
  runningFigures,
  yearOfWeek,
  yearSpan,
  yearToDate,
} from "../../src/features/figures/figures.rules.js";

const w = (weekStartDate: string, value: string) => ({ weekStartDate, value });

describe("combining weeks by the indicator's aggregation", () => {
  // Out of order on purpose: "latest" is the latest week, not the last row.
  const weeks = [w("2026-03-09", "30"), w("2026-03-16", "28"), w("2026-03-02", "31.5")];

  it("adds the weeks of a flow (sum), exactly", () => {
    expect(combineWeeks("sum", weeks)).toBe("89.5");
    expect(combineWeeks("sum", [w("2026-01-05", "0.1"), w("2026-01-12", "0.2")])).toBe("0.3");
  });

  it("takes the latest week's value of a head count (latest), not the sum", () => {
    expect(combineWeeks("latest", weeks)).toBe("28");
  });

  it("takes the highest week (max)", () => {
    expect(combineWeeks("max", weeks)).toBe("31.5");
  });

  it("says 'not reported' (null), never 0, for a period with no value — and keeps a reported 0", () => {
    for (const how of ["sum", "latest", "max"] as const) expect(combineWeeks(how, [])).toBeNull();
    expect(combineWeeks("sum", [w("2026-01-05", "0")])).toBe("0");
  });

  it("adds groups' figures; all groups not reported is not reported", () => {
    expect(addFigures(["30", null, "12.5"])).toBe("42.5");
    expect(addFigures([null, null])).toBeNull();
    expect(addFigures([])).toBeNull();
  });

  it("builds the cumulative line week by week per rule, carrying over weeks without a report", () => {
    const series = [null, "10", null, "5", "7"];
    expect(runningFigures("sum", series)).toEqual([null, "10", "10", "15", "22"]);
    expect(runningFigures("latest", series)).toEqual([null, "10", "10", "5", "7"]);
    expect(runningFigures("max", series)).toEqual([null, "10", "10", "10", "10"]);
  });
});

describe("the calendar year in whole weeks: a week counts in the year of its Thursday", () => {
  it("puts the week of Mon 29 Dec 2025 – Sun 4 Jan 2026 in 2026 (4 of its days are in 2026)", () => {
    expect(yearOfWeek("2025-12-29")).toBe(2026);
  });

  it("puts the week of Mon 30 Dec 2024 – Sun 5 Jan 2025 in 2025, and Mon 28 Dec 2026 – Sun 3 Jan 2027 in 2026", () => {
    expect(yearOfWeek("2024-12-30")).toBe(2025);
    expect(yearOfWeek("2026-12-28")).toBe(2026);
  });

  it("puts Mon 31 Dec 2029 – Sun 6 Jan 2030 in 2030 (Thursday 3 Jan) and the next week too", () => {
    expect(yearOfWeek("2029-12-31")).toBe(2030);
    expect(yearOfWeek("2030-01-07")).toBe(2030);
    expect(yearOfWeek("2029-12-24")).toBe(2029);
  });

  it("gives every year its weeks, each week exactly once", () => {
    expect(yearSpan(2026)).toEqual({ from: "2025-12-29", to: "2026-12-28", weeks: 53 });
    expect(yearSpan(2025)).toEqual({ from: "2024-12-30", to: "2025-12-22", weeks: 52 });
    expect(yearSpan(2027).from).toBe("2027-01-04");
    for (const year of [2020, 2021, 2025, 2026, 2027]) {
      const next = new Date(Date.parse(`${yearSpan(year).to}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      expect(next).toBe(yearSpan(year + 1).from);
    }
  });

  it("compares the year so far with the same weeks of the year before", () => {
    const ytd = yearToDate("2026-03-09"); // week 11 of 2026
    expect(ytd).toMatchObject({
      year: 2026,
      thisYear: { from: "2025-12-29", to: "2026-03-09" },
      lastYear: { from: "2024-12-30", to: "2025-03-10" },
      weeksElapsed: 11,
      weeksInYear: 53,
      wholeYear: false,
    });
  });

  it("compares week 53 of a long year with the whole year before (it has 52)", () => {
    expect(yearToDate("2026-12-28")).toMatchObject({ lastYear: { from: "2024-12-30", to: "2025-12-22" }, weeksElapsed: 53, wholeYear: true });
  });
});

describe("evaluation against the target", () => {
  it("gives the share of the target reached, one decimal, and nothing without a target", () => {
    expect(percentOfTarget("789.5", "1000")).toBe("79");
    expect(percentOfTarget("1", "3")).toBe("33.3");
    expect(percentOfTarget("255", null)).toBeNull();
    expect(percentOfTarget(null, "100")).toBeNull();
    expect(percentOfTarget("5", "0")).toBeNull();
  });

  it("draws the pro-rata line of a flow at target × the share of the year's weeks passed", () => {
    expect(proRata("sum", "530", 10, 53)).toBe("100");
    expect(proRata("sum", "520", 52, 52)).toBe("520");
    expect(proRata("sum", null, 10, 52)).toBeNull();
  });

  it("does not draw a pro-rata line for a head count or a high before the year is over", () => {
    expect(proRata("latest", "40", 10, 52)).toBeNull();
    expect(proRata("max", "40", 52, 52)).toBe("40");
  });

  it("flags a figure below the line, counting not reported as nothing reached", () => {
    expect(isBehind("99.9", "100")).toBe(true);
    expect(isBehind("100", "100")).toBe(false);
    expect(isBehind(null, "1")).toBe(true);
    expect(isBehind(null, null)).toBe(false);
  });

  it("ranks a group by the mean share of its targets, each capped at 100 %", () => {
    expect(groupProgress([{ value: "300", target: "100" }, { value: "20", target: "100" }])).toBe("60");
    expect(groupProgress([{ value: null, target: "100" }, { value: "50", target: "100" }, { value: "7", target: null }])).toBe("25");
    expect(groupProgress([{ value: "7", target: null }])).toBeNull();
  });
});
