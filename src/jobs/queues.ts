import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { QUEUE_NAMES, type QueueName } from "./registry.js";

/**
 * BullMQ's own Redis connection: `maxRetriesPerRequest: null` (workers block on it) and no
 * ioredis keyPrefix (BullMQ's Lua scripts build their keys themselves: its `prefix` does that).
 */
export function createBullConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}

/** BullMQ's key prefix inside the deployment's: `lk:` → `lk:bull` (keys `lk:bull:outgoing:…`). */
export function bullPrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix.replace(/:+$/, "")}:bull`;
}

export type Queues = {
  readonly prefix: string;
  readonly connection: Redis;
  /** the queue of this name (made on first use; every process shares the Redis behind it) */
  get(name: QueueName): Queue;
  /** closes the Queue objects (not the connection: its owner quits it) */
  close(): Promise<void>;
};

/** Queue handles on one shared connection, for enqueueing (bot and worker processes alike). */
export function createQueues(connection: Redis, prefix: string): Queues {
  const made = new Map<QueueName, Queue>();
  return {
    prefix,
    connection,
    get(name) {
      if (!QUEUE_NAMES.includes(name)) throw new Error(`Unknown queue ${name}: add it to QUEUE_NAMES in src/jobs/registry.ts`);
      let queue = made.get(name);
      if (!queue) {
        queue = new Queue(name, { connection, prefix });
        made.set(name, queue);
      }
      return queue;
    },
    async close() {
      const queues = [...made.values()];
      made.clear();
      await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    },
  };
}
