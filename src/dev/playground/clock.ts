import type { Queue } from "bullmq";
import type { Redis } from "ioredis";

/**
 * The playground's clock: the real time plus an offset the operator moves forward. The bot
 * gets it as its AppDeps.clock (it never knows it is in a playground), the local Bot API
 * server dates its messages with it.
 */
export type PlaygroundClock = {
  now(): Date;
  readonly offsetMs: number;
  /** moves the clock forward (ms ≥ 0) */
  advance(ms: number): void;
  reset(): void;
};

export function createPlaygroundClock(): PlaygroundClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    get offsetMs() {
      return offset;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`The playground clock only moves forward (got ${ms} ms)`);
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}

/** BullMQ bakes a delayed job's due time (ms) into its score in the delayed set: due × 4096 + n. */
const SCORE_FACTOR = 0x1000;

/**
 * BullMQ waits for delayed jobs in real time, computed from the bot's clock when they were
 * scheduled (`connection`: the queues' own, without a key prefix). When the clock jumps by `ms`, every delayed job is due `ms` sooner: the ones now
 * due run at once, the others keep their distance to the moved clock. Returns how many jobs
 * were started.
 */
export async function shiftDelayedJobs(connection: Redis, queues: readonly Queue[], ms: number): Promise<number> {
  let started = 0;
  const realNow = Date.now();
  for (const queue of queues) {
    for (const job of await queue.getDelayed()) {
      if (!job.id) continue;
      const score = await connection.zscore(queue.keys.delayed ?? "", job.id);
      if (score === null) continue;
      const remaining = Math.floor(Number(score) / SCORE_FACTOR) - realNow;
      try {
        if (remaining <= ms) {
          await job.promote();
          started++;
        } else {
          await job.changeDelay(remaining - ms);
        }
      } catch {
        // The job ran or was removed in the meantime: nothing to move.
      }
    }
  }
  return started;
}
