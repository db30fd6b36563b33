import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Api } from "grammy";
import type { FeatureDeps } from "../bot/feature.js";
import { sendIntervalMs } from "../outgoing/outbox.pacing.js";
import { createOutgoingProcessor, recordOutgoingJobFailed } from "../outgoing/outbox.worker.js";
import type { Logger } from "../logger.js";
import { isConnectionError } from "../ops/dependencies.js";
import type { JobData, OutgoingJobData, OutgoingRenderers } from "./outgoing.types.js";
import type { Queues } from "./queues.js";

/**
 * The app's BullMQ queues, their jobs and the workers that run them.
 *
 * - `outgoing`: one job per message to one person (job `send`, data `{ outgoingId }`), made by
 *   `deps.outbox.enqueue`; run by the built-in processor (src/outgoing/outbox.worker.ts)
 *   with the renderers features register.
 * - feature queues (`meeting` …): one-off jobs of a feature's own (e.g. the reminder fan-out),
 *   made by `deps.outbox.scheduleJob(queue, jobName, data, { jobId, runAt })`, run by the
 *   processor the feature registers for that job name.
 *
 * Features register through src/jobs/features.ts: each `<name>.jobs.ts` exports a FeatureJobs.
 * A new queue is one more name in QUEUE_NAMES.
 */
export const OUTGOING_QUEUE = "outgoing";
export const SEND_JOB = "send";
export const QUEUE_NAMES = [OUTGOING_QUEUE, "meeting", "reminder", "summary", "export", "announcement"] as const;

export type QueueName = (typeof QUEUE_NAMES)[number];
export type FeatureQueueName = Exclude<QueueName, typeof OUTGOING_QUEUE>;

/** What a feature's job processor is given: the app's deps (with i18n), and about the job. */
export type JobContext = {
  deps: FeatureDeps;
  log: Logger;
  jobId: string;
  jobName: string;
  /** from 1; a processor that throws is tried again (3 tries, exponential backoff from 5 s) */
  attempt: number;
  /**
   * When the job was meant to run: a scheduler's fire time (BullMQ's `opts.prevMillis`), or a
   * one-off job's creation time plus its delay. A job that runs late (no worker was up) uses
   * this, not the clock, to know which week it is about: see src/jobs/schedules.ts.
   */
  scheduledAt: Date;
  /** the worker's grammY Api, for a job that sends something other than a queued message (e.g. the export's files) */
  api: Api;
};

/** Data holds ids only. Must be idempotent: a job may run again after a crash. */
export type JobProcessor = (data: JobData, context: JobContext) => Promise<void>;

export type FeatureProcessors = { [Q in FeatureQueueName]?: Record<string, JobProcessor> };

/** What a feature's `<name>.jobs.ts` exports. */
export type FeatureJobs = {
  /** for logs and error messages */
  name: string;
  /** by OutgoingRequest.purpose */
  renderers?: OutgoingRenderers;
  /** by queue, then by job name */
  processors?: FeatureProcessors;
};

/** Merges the features' registrations; a purpose or job name registered twice is a mistake caught at start. */
export function collectFeatureJobs(list: readonly FeatureJobs[]): { renderers: OutgoingRenderers; processors: FeatureProcessors } {
  const renderers: OutgoingRenderers = {};
  const processors: FeatureProcessors = {};
  for (const feature of list) {
    for (const [purpose, renderer] of Object.entries(feature.renderers ?? {})) {
      if (renderers[purpose]) throw new Error(`Outgoing purpose "${purpose}" is registered twice (again by ${feature.name})`);
      renderers[purpose] = renderer;
    }
    for (const [queue, byName] of Object.entries(feature.processors ?? {}) as Array<[FeatureQueueName, Record<string, JobProcessor>]>) {
      if (!QUEUE_NAMES.includes(queue)) throw new Error(`${feature.name} registers jobs on unknown queue ${queue}`);
      const target = (processors[queue] ??= {});
      for (const [jobName, processor] of Object.entries(byName)) {
        if (target[jobName]) throw new Error(`Job "${queue}/${jobName}" is registered twice (again by ${feature.name})`);
        target[jobName] = processor;
      }
    }
  }
  return { renderers, processors };
}

export type WorkerDeps = FeatureDeps & {
  /** a grammY Api of its own (built with the token and apiRoot): the bot's update loop is not needed */
  api: Api;
  queues: Queues;
};

export type WorkerSettings = {
  /** messages per second over every worker process (BullMQ's limiter lives in Redis) */
  ratePerSecond: number;
  /** outgoing jobs in flight per process */
  concurrency: number;
  perChatIntervalMs: number;
  /** BullMQ: how long a job's lock lasts without renewal (a killed worker's jobs come back after it) */
  lockDurationMs: number;
  stalledIntervalMs: number;
};

export type WorkersHandle = {
  workers: Worker[];
  /** lets running jobs finish, then closes the workers (not the queues or connections) */
  close(): Promise<void>;
};

export const PER_CHAT_INTERVAL_MS = 1_100;
export const OUTGOING_MAX_STALLED = 5;

/**
 * BullMQ's limiter (shared in Redis by every worker) gates job starts. It counts jobs in fixed
 * windows: `rate` jobs per 1000 ms would start them in bursts at each window's start, so it is
 * two jobs per 2000/rate ms, the same rate in small steps. The sends themselves are spaced by
 * the pacer and held to `rate` in any second by the send window (outbox.pacing.ts), because a
 * job's send comes a variable time after its start.
 */
export function outgoingLimiter(ratePerSecond: number): { max: number; duration: number } {
  const max = Math.min(2, ratePerSecond);
  return { max, duration: Math.ceil((max * 1000) / ratePerSecond) };
}

/** See JobContext.scheduledAt. */
export function scheduledAtOf(job: Pick<Job, "opts" | "timestamp">): Date {
  return new Date(job.opts.prevMillis ?? job.timestamp + (job.opts.delay ?? 0));
}

export function startWorkers(
  deps: WorkerDeps,
  renderers: OutgoingRenderers,
  processors: FeatureProcessors,
  overrides: Partial<WorkerSettings> = {},
): WorkersHandle {
  const settings: WorkerSettings = {
    ratePerSecond: deps.config.outgoingRatePerSecond,
    concurrency: deps.config.outgoingConcurrency,
    perChatIntervalMs: PER_CHAT_INTERVAL_MS,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    ...overrides,
  };
  const { connection, prefix } = deps.queues;
  const common = { connection, prefix, lockDuration: settings.lockDurationMs, stalledInterval: settings.stalledIntervalMs };
  const outgoingQueue = deps.queues.get(OUTGOING_QUEUE);
  const workers: Worker[] = [];

  const outgoing = new Worker<OutgoingJobData, string>(
    OUTGOING_QUEUE,
    createOutgoingProcessor({ ...deps, queue: outgoingQueue }, renderers, {
      sendIntervalMs: sendIntervalMs(settings.ratePerSecond),
      ratePerSecond: settings.ratePerSecond,
      perChatIntervalMs: settings.perChatIntervalMs,
    }),
    {
      ...common,
      concurrency: settings.concurrency,
      limiter: outgoingLimiter(settings.ratePerSecond),
      // A job whose worker died under it (SIGKILL, out of memory) goes back to the queue; only
      // one cut off this many times in a row is given up (BullMQ's default gives up at the 2nd).
      maxStalledCount: OUTGOING_MAX_STALLED,
    },
  );
  workers.push(outgoing);
  outgoing.on("failed", (job, err) => {
    if (job) recordOutgoingJobFailed(deps, job, err);
  });

  for (const [queue, byName] of Object.entries(processors) as Array<[FeatureQueueName, Record<string, JobProcessor>]>) {
    const worker = new Worker<JobData>(
      queue,
      async (job: Job<JobData>) => {
        const processor = byName[job.name];
        if (!processor) throw new UnrecoverableError(`No processor for job ${queue}/${job.name}`);
        const log = deps.logger.child({ queue, job: job.name, jobId: job.id });
        await processor(job.data, { deps, log, jobId: job.id ?? "", jobName: job.name, attempt: job.attemptsMade + 1, scheduledAt: scheduledAtOf(job), api: deps.api });
      },
      { ...common, concurrency: 2 },
    );
    workers.push(worker);
  }

  for (const worker of workers) {
    // A lost Redis makes every worker fail at each retry: the dependency watch (src/ops) says it once.
    worker.on("error", (err) => {
      if (isConnectionError(err)) deps.logger.debug({ err: err.message, queue: worker.name }, "queue worker: no connection");
      else deps.logger.warn({ err, queue: worker.name }, "queue worker problem");
    });
    worker.on("failed", (job, err) => {
      if (job && worker.name !== OUTGOING_QUEUE) deps.logger.warn({ queue: worker.name, job: job.name, jobId: job.id, error: err.message }, "job failed");
    });
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
