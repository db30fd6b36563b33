import { describe, expect, it } from "vitest";
import { collectFeatureJobs } from "../../src/jobs/feature-jobs.js";
import { featureJobs } from "../../src/jobs/features.js";
import { InvalidJobError, JOB_REGISTRY, OUTGOING_PURPOSES, parseJob } from "../../src/jobs/registry.js";

describe("the job registry", () => {
  it("takes a payload that fits its job's schema, as the processor will read it", () => {
    expect(parseJob("reminder", "weekly-reminder", { slot: "first", week: "2026-W48" })).toEqual({ slot: "first", week: "2026-W48" });
    expect(parseJob("meeting", "reminder-fanout", { meetingId: 3, kind: "2h", startsAtEpoch: 1_780_000_000 })).toEqual({ meetingId: 3, kind: "2h", startsAtEpoch: 1_780_000_000 });
    expect(parseJob("outgoing", "send", { outgoingId: 9 })).toEqual({ outgoingId: 9 });
  });

  it("refuses a payload that does not fit, naming the field but not its value", () => {
    expect(() => parseJob("reminder", "weekly-reminder", { slot: "third" })).toThrow(InvalidJobError);
    expect(() => parseJob("reminder", "weekly-reminder", { slot: "third" })).toThrow(/slot/);
    expect(() => parseJob("meeting", "reminder-fanout", { meetingId: "12; drop", kind: "day", startsAtEpoch: 1 })).toThrow(/meetingId/);
    expect(() => parseJob("meeting", "reminder-fanout", { meetingId: "12; drop", kind: "day", startsAtEpoch: 1 })).not.toThrow(/drop/);
    expect(() => parseJob("outgoing", "send", {})).toThrow(/outgoingId/);
  });

  it("refuses a job it does not declare", () => {
    expect(() => parseJob("meeting", "no-such-job", {})).toThrow(/Unknown job meeting\/no-such-job/);
    expect(() => parseJob("no-such-queue", "send", {})).toThrow(InvalidJobError);
  });

  it("has a processor for every feature job and a renderer for every purpose, and nothing undeclared", () => {
    const { renderers, processors } = collectFeatureJobs(featureJobs, { complete: true });
    expect(Object.keys(renderers).sort()).toEqual([...OUTGOING_PURPOSES].sort());
    for (const [queue, jobs] of Object.entries(JOB_REGISTRY)) {
      if (queue === "outgoing") continue;
      expect(Object.keys((processors as Record<string, object | undefined>)[queue] ?? {}).sort(), queue).toEqual(Object.keys(jobs).sort());
    }
  });
});
