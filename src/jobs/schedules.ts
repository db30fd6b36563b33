import { getNextMillis, type JobSchedulerTemplateOptions } from "bullmq";
import type { Config } from "../config.js";
import { shiftWeeks, weekFromKey, weekOf, type ReportingWeek } from "../lib/week.js";
import type { Logger } from "../logger.js";
import type { JobData, Outbox, ScheduleOptions } from "./outgoing.types.js";
import type { Queues } from "./queues.js";
import { processorsByQueue, type FeatureProcessors } from "./feature-jobs.js";
import { parseJob, type JobRef } from "./registry.js";

/**
 * The recurring jobs: BullMQ job schedulers, declared at worker start-up with
 * `upsertJobScheduler(id, { pattern, tz }, { name, data })`. A scheduler lives in Redis under a
 * fixed id, so every worker process declaring it at every start makes one schedule, not many.
 *
 * The processors are the features' (registered like any job in src/jobs/features.ts); this
 * file only says when they run. A weekly job finds its week with `weekForJob`: from the
 * scheduler's fire time, never from "now", so a run delayed by a stopped worker still covers
 * the week it was meant for; `data.week` ("2026-W48") overrides it for a run by hand
 * (`npm run cli -- jobs run <job> --week 2026-W48`).
 */

/** The weekly reminder fan-out (src/features/reminder): data `{ slot: "first" | "second", week? }`. */
export const WEEKLY_REMINDER_JOB = { queue: "reminder", name: "weekly-reminder" } as const satisfies JobRef;
/** The weekly summary fan-out (src/features/summary): data `{ week? }`; without `week`, the week before the fire time's. */
export const WEEKLY_SUMMARY_JOB = { queue: "summary", name: "weekly-summary" } as const satisfies JobRef;

export type { JobRef };

export type JobSchedule = {
  /** the scheduler's id in Redis: stable across restarts, processes and releases */
  id: string;
  job: JobRef;
  /** cron (minute hour day month weekday) in the deployment's time zone; null: this schedule is off */
  pattern: string | null;
  data: JobData;
};

export function jobSchedules(config: Pick<Config, "reminderCronFirst" | "reminderCronSecond" | "summaryCron">): JobSchedule[] {
  return [
    { id: "weekly-reminder-first", job: WEEKLY_REMINDER_JOB, pattern: config.reminderCronFirst, data: { slot: "first" } },
    { id: "weekly-reminder-second", job: WEEKLY_REMINDER_JOB, pattern: config.reminderCronSecond, data: { slot: "second" } },
    { id: "weekly-summary", job: WEEKLY_SUMMARY_JOB, pattern: config.summaryCron, data: {} },
  ];
}

/**
 * Adds a one-off run of a job chosen at run time (the CLI's `jobs run`, the playground's
 * buttons): its payload is checked against src/jobs/registry.ts before it is added.
 */
export async function scheduleJobByRef(outbox: Outbox, ref: JobRef, data: unknown, opts: ScheduleOptions): Promise<void> {
  switch (ref.queue) {
    case "meeting":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
    case "reminder":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
    case "summary":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
    case "export":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
    case "announcement":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
    case "fgd":
      return outbox.scheduleJob(ref.queue, ref.name, parseJob(ref.queue, ref.name, data), opts);
  }
}

/** The next `count` fire times of a pattern after `after`, as BullMQ computes them. */
export function nextRuns(pattern: string, timeZone: string, after: Date, count = 1): Date[] {
  const runs: Date[] = [];
  let from = after.getTime();
  for (let i = 0; i < count; i++) {
    const next = getNextMillis(from, { pattern, tz: timeZone });
    if (next === undefined) break;
    runs.push(new Date(next));
    from = next;
  }
  return runs;
}

/**
 * The reporting week a weekly job is about: `data.week` when it is given (a run by hand; null
 * when it is not a week key), else the week holding the job's scheduled time, shifted by
 * `offsetWeeks` (the Monday summary is about the week before: -1).
 */
export function weekForJob(data: JobData, scheduledAt: Date, timeZone: string, offsetWeeks = 0): ReportingWeek | null {
  if (data.week !== undefined && data.week !== null) return typeof data.week === "string" ? weekFromKey(data.week, timeZone) : null;
  const week = weekOf(scheduledAt, timeZone);
  return offsetWeeks === 0 ? week : shiftWeeks(week, offsetWeeks, timeZone);
}

const TEMPLATE_OPTIONS: JobSchedulerTemplateOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

export type ScheduleOutcome = {
  id: string;
  /** unchanged: declared as it was, with its next run waiting (left alone, so an overdue run is not lost) */
  action: "created" | "updated" | "unchanged" | "removed" | "off" | "no-processor";
  next: Date | null;
};

/**
 * Declares every schedule. Idempotent: a scheduler already declared the same way, whose next
 * job is waiting, is left alone. (Upserting it again would replace that job with one for the
 * next occurrence after now: a run that is overdue because no worker was up would be lost.)
 * A changed pattern, zone or data replaces it; a pattern turned "off" removes it. A schedule
 * whose processor is not registered is skipped with a warning: its jobs would wait forever.
 */
export async function upsertJobSchedulers(
  queues: Queues,
  schedules: readonly JobSchedule[],
  opts: { timeZone: string; processors: FeatureProcessors; logger: Logger },
): Promise<ScheduleOutcome[]> {
  const outcomes: ScheduleOutcome[] = [];
  for (const schedule of schedules) {
    const { id, job, pattern, data } = schedule;
    const queue = queues.get(job.queue);
    const existing = await queue.getJobScheduler(id);
    if (pattern === null) {
      if (existing) await queue.removeJobScheduler(id);
      outcomes.push({ id, action: existing ? "removed" : "off", next: null });
      continue;
    }
    if (!processorsByQueue(opts.processors)[job.queue]?.[job.name]) {
      opts.logger.warn({ scheduler: id, queue: job.queue, job: job.name }, "no processor registered for this schedule; not declared");
      outcomes.push({ id, action: "no-processor", next: null });
      continue;
    }
    const same =
      existing &&
      existing.pattern === pattern &&
      existing.tz === opts.timeZone &&
      existing.name === job.name &&
      sameData(existing.template?.data, data) &&
      typeof existing.next === "number" &&
      (await queue.getJob(`repeat:${id}:${existing.next}`)) !== undefined;
    if (same) {
      outcomes.push({ id, action: "unchanged", next: new Date(existing.next!) });
      continue;
    }
    const first = await queue.upsertJobScheduler(id, { pattern, tz: opts.timeZone }, { name: job.name, data, opts: TEMPLATE_OPTIONS });
    const after = await queue.getJobScheduler(id);
    const next = after?.next ?? (first ? first.timestamp + (first.opts.delay ?? 0) : null);
    outcomes.push({ id, action: existing ? "updated" : "created", next: next === null ? null : new Date(next) });
  }
  for (const outcome of outcomes) {
    opts.logger.info({ scheduler: outcome.id, action: outcome.action, next: outcome.next?.toISOString() ?? null }, "job schedule declared");
  }
  return outcomes;
}

function sameData(stored: unknown, declared: JobData): boolean {
  const a = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(declared)]);
  for (const key of keys) if (a[key] !== declared[key]) return false;
  return true;
}
