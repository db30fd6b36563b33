import type { JobsOptions } from "bullmq";
import type { Clock } from "../app-deps.js";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/client.js";
import type {
  EnqueueResult,
  JobData,
  OutgoingJobData,
  OutgoingRequest,
  Outbox,
  ScheduleOptions,
} from "../jobs/outgoing.types.js";
import type { Queues } from "../jobs/queues.js";
import { OUTGOING_QUEUE, parseJob, SEND_JOB, type FeatureQueueName, type JobName, type JobPayload } from "../jobs/registry.js";
import type { Logger } from "../logger.js";
import { cancelRows, requeueRows, upsertRows } from "./outbox.repository.js";

export type OutboxDeps = {
  prisma: PrismaClient;
  queues: Queues;
  config: Pick<Config, "outgoingAttempts" | "outgoingBackoffMs">;
  clock: Clock;
  logger: Logger;
};

/** BullMQ job ids: no ":" and not only digits; keys are made of ids and words, e.g. invite-12-345. */
const JOB_ID = /^(?!\d+$)[A-Za-z0-9_-]{1,200}$/;
const ADD_CHUNK = 500;

function checkJobId(id: string): void {
  if (!JOB_ID.test(id)) throw new Error(`Invalid job id/key "${id}": use [A-Za-z0-9_-], not only digits`);
}

/**
 * The queues' front door for features. The OutgoingMessage row (unique key) is the record of
 * what was asked and what happened; the BullMQ job (same id as the key) only carries its id.
 * Jobs are removed once finished, so the row is what stops a second send, not the job.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { prisma, queues, config, clock, logger } = deps;
  const sendOptions = (key: string, notBefore: Date | undefined): JobsOptions => ({
    jobId: key,
    attempts: config.outgoingAttempts,
    backoff: { type: "exponential", delay: config.outgoingBackoffMs },
    removeOnComplete: true,
    removeOnFail: true,
    ...(notBefore && { delay: Math.max(0, notBefore.getTime() - clock().getTime()) }),
  });

  return {
    async enqueue(requests) {
      const byKey = new Map<string, OutgoingRequest>();
      for (const request of requests) {
        checkJobId(request.key);
        byKey.set(request.key, request);
      }
      const unique = [...byKey.values()];
      const { rows, created } = await upsertRows(prisma, unique);
      const result: EnqueueResult = { queued: 0, alreadyQueued: 0, alreadySent: 0, requeued: 0 };
      const toAdd: Array<{ id: number; key: string }> = [];
      const undelivered: string[] = [];
      for (const row of rows) {
        const asked = byKey.get(row.key);
        if (asked && (asked.personId !== row.personId || asked.purpose !== row.purpose)) {
          logger.warn({ key: row.key, personId: asked.personId, rowPersonId: row.personId }, "outgoing key reused for another person or purpose; ignored");
          continue;
        }
        if (row.status === "sent") result.alreadySent++;
        else if (row.status === "queued") {
          if (created.has(row.key)) result.queued++;
          else result.alreadyQueued++;
          toAdd.push(row);
        } else undelivered.push(row.key);
      }
      const requeued = new Set(await requeueRows(prisma, undelivered));
      const queue = queues.get(OUTGOING_QUEUE);
      for (const row of rows) {
        if (!requeued.has(row.key)) continue;
        // A finished job is removed already; this drops one left behind by an older run.
        await queue.remove(row.key);
        result.requeued++;
        toAdd.push(row);
      }
      // An existing job of the same id makes `add` a no-op: a double click adds nothing.
      for (let i = 0; i < toAdd.length; i += ADD_CHUNK) {
        await queue.addBulk(
          toAdd.slice(i, i + ADD_CHUNK).map((row) => ({
            name: SEND_JOB,
            data: parseJob(OUTGOING_QUEUE, SEND_JOB, { outgoingId: row.id } satisfies OutgoingJobData),
            opts: sendOptions(row.key, byKey.get(row.key)?.notBefore),
          })),
        );
      }
      logger.info(result, "outgoing messages enqueued");
      return result;
    },

    async cancel(keys) {
      const cancelled = await cancelRows(prisma, keys);
      const queue = queues.get(OUTGOING_QUEUE);
      // A job already running sees the row is no longer queued and sends nothing.
      for (const key of cancelled) await queue.remove(key);
      if (cancelled.length > 0) logger.info({ cancelled: cancelled.length }, "outgoing messages cancelled");
      return cancelled.length;
    },

    async scheduleJob(queueName, jobName, data, opts) {
      await scheduleOne(queues, queueName, jobName, data, opts, clock);
    },

    async cancelJob(queueName, jobId) {
      checkJobId(jobId);
      const queue = queues.get(queueName);
      // remove() answers 1 for a job that does not exist, 0 for one that is running.
      if (!(await queue.getJob(jobId))) return false;
      return (await queue.remove(jobId)) === 1;
    },
  };
}

/** Checks the payload against src/jobs/registry.ts before anything is added (InvalidJobError). */
async function scheduleOne(queues: Queues, queueName: FeatureQueueName, jobName: string, data: unknown, opts: ScheduleOptions, clock: Clock) {
  checkJobId(opts.jobId);
  const payload = parseJob(queueName, jobName, data);
  const queue = queues.get(queueName);
  const delay = opts.runAt ? opts.runAt.getTime() - clock().getTime() : (opts.delayMs ?? 0);
  // Replaces a waiting job of this id (the same call again moves it); a running one is kept.
  await queue.remove(opts.jobId);
  await queue.add(jobName, payload, {
    jobId: opts.jobId,
    delay: Math.max(0, delay),
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}

// ── for features: the same through deps ─────────────────────────────────────────────

/** One message per request (idempotent by key): see Outbox.enqueue. */
export function enqueueOutgoing(deps: { outbox: Outbox }, requests: OutgoingRequest[]): Promise<EnqueueResult> {
  return deps.outbox.enqueue(requests);
}

/** Drops the not-yet-sent messages of these keys (rows become skipped): see Outbox.cancel. */
export function cancelOutgoing(deps: { outbox: Outbox }, keys: string[]): Promise<number> {
  return deps.outbox.cancel(keys);
}

/** A one-off delayed job of a feature's own, replaced when scheduled again with the same id. */
export function scheduleJob<Q extends FeatureQueueName, N extends JobName<Q>>(
  deps: { outbox: Outbox },
  queue: Q,
  jobName: N,
  data: JobPayload<Q, N>,
  opts: ScheduleOptions,
): Promise<void> {
  return deps.outbox.scheduleJob(queue, jobName, data, opts);
}

export function cancelJob(deps: { outbox: Outbox }, queue: FeatureQueueName, jobId: string): Promise<boolean> {
  return deps.outbox.cancelJob(queue, jobId);
}
