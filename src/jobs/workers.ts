import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Api } from "grammy";
import type { FeatureDeps } from "../bot/feature.js";
import { sendIntervalMs } from "../outgoing/outbox.pacing.js";
import { createOutgoingProcessor, recordOutgoingJobFailed } from "../outgoing/outbox.worker.js";
import { isConnectionError } from "../ops/dependencies.js";
import { processorsByQueue, type FeatureProcessors, type ProcessorsByQueue } from "./feature-jobs.js";
import type { OutgoingJobData, OutgoingRenderers } from "./outgoing.types.js";
import type { Queues } from "./queues.js";
import { InvalidJobError, OUTGOING_QUEUE, parseJob, type FeatureQueueName } from "./registry.js";

/**
 * The workers that run the queues' jobs (src/jobs/registry.ts): the outgoing queue's sender
 * and one worker per feature queue, which checks each job's payload against the registry
 * before its processor sees it.
 */

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
  renderers: Partial<OutgoingRenderers>,
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

  for (const [queue, byName] of Object.entries(processorsByQueue(processors)) as Array<[FeatureQueueName, ProcessorsByQueue[FeatureQueueName]]>) {
    const worker = new Worker<unknown>(
      queue,
      async (job: Job<unknown>) => {
        const processor = byName?.[job.name];
        if (!processor) throw new UnrecoverableError(`No processor for job ${queue}/${job.name}`);
        const log = deps.logger.child({ queue, job: job.name, jobId: job.id });
        let data: Record<string, unknown>;
        try {
          data = parseJob(queue, job.name, job.data);
        } catch (err) {
          // Trying again cannot make a payload valid: the job fails at once.
          if (err instanceof InvalidJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
        await processor(data, { deps, log, jobId: job.id ?? "", jobName: job.name, attempt: job.attemptsMade + 1, scheduledAt: scheduledAtOf(job), api: deps.api });
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
