// The job schedulers against a real Redis (a BullMQ prefix of this file's own): declared twice,
// and by two processes at once, they make one schedule each with the right next run; an
// unchanged declaration keeps the waiting job (an overdue run is not replaced); a changed one
// moves it; "off" removes it; a job fired by a scheduler knows when it was meant to run.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bullPrefix, createBullConnection, createQueues, type Queues } from "../../src/jobs/queues.js";
import type { FeatureProcessors } from "../../src/jobs/feature-jobs.js";
import { scheduledAtOf } from "../../src/jobs/workers.js";
import { jobSchedules, nextRuns, upsertJobSchedulers, type JobSchedule } from "../../src/jobs/schedules.js";
import { testRedisPrefix, testRedisUrl } from "../support/db.js";
import { waitUntil } from "../support/outbox-harness.js";

const WITA = "Asia/Makassar";
const logger = pino({ level: "silent" });
const noop = async () => undefined;
const processors: FeatureProcessors = { reminder: { "weekly-reminder": noop }, summary: { "weekly-summary": noop } };
const defaults = jobSchedules({ reminderCronFirst: "0 16 * * 5", reminderCronSecond: "0 18 * * 0", summaryCron: "0 8 * * 1" });

/** One "process": its own connection and queue handles on the shared Redis and prefix. */
type Proc = { connection: Redis; queues: Queues };
const prefix = bullPrefix(`${testRedisPrefix("schedules")}:`);
const procs: Proc[] = [];
function proc(): Proc {
  const connection = createBullConnection(testRedisUrl());
  const made = { connection, queues: createQueues(connection, prefix) };
  procs.push(made);
  return made;
}

let a: Proc;
let b: Proc;
beforeAll(() => {
  a = proc();
  b = proc();
});
afterAll(async () => {
  for (const p of procs) {
    await p.queues.close();
    await p.connection.quit();
  }
});

const declare = (p: Proc, schedules: readonly JobSchedule[] = defaults, opts: { processors?: FeatureProcessors } = {}) =>
  upsertJobSchedulers(p.queues, schedules, { timeZone: WITA, processors: opts.processors ?? processors, logger });

async function state(p: Proc) {
  const reminder = p.queues.get("reminder");
  const summary = p.queues.get("summary");
  return {
    reminderSchedulers: await reminder.getJobSchedulersCount(),
    summarySchedulers: await summary.getJobSchedulersCount(),
    reminderDelayed: (await reminder.getDelayed()).map((j) => j.id).sort(),
    summaryDelayed: (await summary.getDelayed()).map((j) => j.id).sort(),
  };
}

describe("declaring the schedules", () => {
  it("twice, and by two processes at once: one schedule each, with the next run in WITA", async () => {
    const before = new Date();
    const first = await declare(a);
    expect(first.map((o) => o.action)).toEqual(["created", "created", "created"]);
    const again = await declare(a);
    expect(again.map((o) => o.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    await Promise.all([declare(a), declare(b), declare(b)]);

    const s = await state(b);
    expect(s.reminderSchedulers).toBe(2);
    expect(s.summarySchedulers).toBe(1);
    expect(s.reminderDelayed).toHaveLength(2);
    expect(s.summaryDelayed).toHaveLength(1);

    const reminder = b.queues.get("reminder");
    for (const [id, pattern] of [
      ["weekly-reminder-first", "0 16 * * 5"],
      ["weekly-reminder-second", "0 18 * * 0"],
    ] as const) {
      const scheduler = await reminder.getJobScheduler(id);
      expect(scheduler).toMatchObject({ pattern, tz: WITA, name: "weekly-reminder" });
      const expected = nextRuns(pattern, WITA, before)[0]!;
      expect(scheduler?.next).toBe(expected.getTime());
      expect(s.reminderDelayed).toContain(`repeat:${id}:${expected.getTime()}`);
    }
    const friday = new Date((await reminder.getJobScheduler("weekly-reminder-first"))!.next!);
    // Friday 16:00 WITA = 08:00 UTC
    expect([friday.getUTCDay(), friday.getUTCHours(), friday.getUTCMinutes()]).toEqual([5, 8, 0]);
    const summary = await b.queues.get("summary").getJobScheduler("weekly-summary");
    expect(summary?.template?.data ?? {}).toEqual({});
    const monday = new Date(summary!.next!);
    // Monday 08:00 WITA = Monday 00:00 UTC
    expect([monday.getUTCDay(), monday.getUTCHours()]).toEqual([1, 0]);
    expect((await reminder.getJobScheduler("weekly-reminder-second"))?.template?.data).toEqual({ slot: "second" });
  });

  it("an unchanged declaration leaves the waiting job alone (an overdue run would not be lost)", async () => {
    const before = await state(a);
    const outcomes = await declare(b);
    expect(outcomes.every((o) => o.action === "unchanged")).toBe(true);
    expect(await state(a)).toEqual(before);
  });

  it("a changed pattern moves the schedule; 'off' removes it; a schedule without a processor is not declared", async () => {
    const moved = defaults.map((s) => (s.id === "weekly-reminder-first" ? { ...s, pattern: "30 15 * * 5" } : s));
    const outcomes = await declare(a, moved);
    expect(outcomes.map((o) => o.action)).toEqual(["updated", "unchanged", "unchanged"]);
    const reminder = a.queues.get("reminder");
    const scheduler = await reminder.getJobScheduler("weekly-reminder-first");
    expect(scheduler?.pattern).toBe("30 15 * * 5");
    expect(new Date(scheduler!.next!).getUTCHours()).toBe(7); // 15:30 WITA = 07:30 UTC
    expect((await state(a)).reminderDelayed).toHaveLength(2);

    const off = moved.map((s) => (s.id === "weekly-reminder-second" ? { ...s, pattern: null } : s));
    expect((await declare(b, off)).map((o) => o.action)).toEqual(["unchanged", "removed", "unchanged"]);
    expect(await reminder.getJobSchedulersCount()).toBe(1);
    expect((await state(a)).reminderDelayed).toHaveLength(1);
    expect((await declare(b, off)).map((o) => o.action)).toEqual(["unchanged", "off", "unchanged"]);

    const fresh = defaults.map((s) => ({ ...s, id: `${s.id}-x` }));
    const withoutSummary = await declare(b, fresh, { processors: { reminder: processors.reminder } });
    expect(withoutSummary.map((o) => o.action)).toEqual(["created", "created", "no-processor"]);
    expect(await b.queues.get("summary").getJobScheduler("weekly-summary-x")).toBeUndefined();
  });
});

describe("a job made by a scheduler", () => {
  it("runs late when no worker was up, and knows the time it was meant for", async () => {
    const queue = a.queues.get("reminder");
    // Every second, no worker yet: the first job waits and becomes overdue.
    await upsertJobSchedulers(a.queues, [{ id: "every-second", job: { queue: "reminder", name: "weekly-reminder" }, pattern: "* * * * * *", data: { slot: "first" } }], {
      timeZone: WITA,
      processors: { reminder: { "weekly-reminder": noop } },
      logger,
    });
    // The event this test is about: the scheduler's first job is overdue by more than 1.5 s.
    const firstRun = (await queue.getJobScheduler("every-second"))?.next;
    expect(firstRun).toBeTypeOf("number");
    await waitUntil(() => Date.now() > firstRun! + 1_600, 10_000, "the first run to be overdue");
    const seen: Array<{ id: string; scheduledAt: Date; ranAt: Date; data: unknown }> = [];
    let ran!: () => void;
    const firstSeen = new Promise<void>((resolve) => (ran = resolve));
    const worker = new Worker(
      "reminder",
      async (job: Job) => {
        if (job.name === "weekly-reminder") seen.push({ id: job.id ?? "", scheduledAt: scheduledAtOf(job), ranAt: new Date(), data: job.data });
        ran();
      },
      { connection: a.connection, prefix },
    );
    try {
      await firstSeen;
    } finally {
      await queue.removeJobScheduler("every-second");
      await worker.close();
    }
    const [first] = seen;
    expect(first).toBeDefined();
    expect(first!.data).toEqual({ slot: "first" });
    // The job id carries the fire time; scheduledAt is that time, seconds before the run.
    expect(first!.id).toBe(`repeat:every-second:${first!.scheduledAt.getTime()}`);
    expect(first!.scheduledAt.getTime() % 1000).toBe(0);
    expect(first!.ranAt.getTime() - first!.scheduledAt.getTime()).toBeGreaterThan(1_500);
  });
});
