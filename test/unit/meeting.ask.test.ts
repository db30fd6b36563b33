import { describe, expect, it } from "vitest";
import { whenExamples } from "../../src/features/meeting/meeting.ask.js";
import { readDateTime } from "../../src/lib/datetime.js";

const WITA = "Asia/Makassar";

describe("the date examples of /undang", () => {
  it("are a week from today, in the deployment's zone, and read back as that day at 09.00", () => {
    // Friday 25 December 2026, 23:30 WITA (15:30 UTC): in UTC still the 25th, the example is 1 January 2027.
    const now = new Date("2026-12-25T15:30:00Z");
    expect(whenExamples(now, "id", WITA)).toEqual({ year: "2026", date: "01/01/2027 09.00", day: "Jumat 1 Jan 09.00" });
    expect(whenExamples(now, "en", WITA)).toEqual({ year: "2026", date: "01/01/2027 09.00", day: "Friday 1 Jan 09:00" });
    for (const lang of ["id", "en"] as const) {
      const { date, day } = whenExamples(now, lang, WITA);
      for (const typed of [date, day]) {
        expect(readDateTime(typed, now, WITA)).toEqual({ kind: "ok", instant: new Date("2027-01-01T01:00:00Z"), hasTime: true });
      }
    }
  });
});
