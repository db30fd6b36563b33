import { Redis } from "ioredis";
import type { AppDeps, Clock } from "./app-deps.js";
import type { Config } from "./config.js";
import { createPrisma, type PrismaClient } from "./db/client.js";
import { bullPrefix, createBullConnection, createQueues, type Queues } from "./jobs/queues.js";
import type { Logger } from "./logger.js";
import { createOutbox } from "./outgoing/outbox.js";

/**
 * PostgreSQL, Redis, the queues and the outbox, made the one way that main, the playground,
 * the CLI and the tests share. Connection errors are not logged here per retry: the
 * dependency watch (src/ops/dependencies.ts) says once when one is lost and once when back.
 */
export type Infrastructure = {
  prisma: PrismaClient;
  /** the app's client, every key under REDIS_KEY_PREFIX */
  redis: Redis;
  /** BullMQ's queues on a connection of their own (blocking commands, no ioredis keyPrefix) */
  queues: Queues;
  clock: Clock;
  /** what the bot and the features are built from */
  deps: AppDeps;
  /** closes the queues, both Redis connections and PostgreSQL (not the workers: close them first) */
  close(): Promise<void>;
};

export type InfrastructureOptions = {
  /** default () => new Date() */
  clock?: Clock;
  /** an existing Prisma client (a test's database); it is then not disconnected by close() */
  prisma?: PrismaClient;
};

export function createInfrastructure(config: Config, logger: Logger, options: InfrastructureOptions = {}): Infrastructure {
  const prisma = options.prisma ?? createPrisma(config.databaseUrl);
  const redis = new Redis(config.redisUrl, { keyPrefix: config.redisKeyPrefix, maxRetriesPerRequest: 3 });
  const bullConnection = createBullConnection(config.redisUrl);
  // ioredis emits an error at every failed reconnect; without a listener each one is printed.
  redis.on("error", (err) => logger.debug({ err: err.message }, "redis connection error"));
  bullConnection.on("error", (err) => logger.debug({ err: err.message }, "redis connection error (queues)"));
  const queues = createQueues(bullConnection, bullPrefix(config.redisKeyPrefix));
  const clock = options.clock ?? (() => new Date());
  const outbox = createOutbox({ prisma, queues, config, clock, logger });
  const deps: AppDeps = { config, logger, prisma, redis, clock, outbox };
  let closed: Promise<void> | null = null;
  return {
    prisma,
    redis,
    queues,
    clock,
    deps,
    close() {
      closed ??= (async () => {
        await queues.close();
        await Promise.all([bullConnection, redis].map(quitOrDrop));
        if (!options.prisma) await prisma.$disconnect().catch(() => undefined);
      })();
      return closed;
    },
  };
}

/** quit() waits for a reply: on a connection that is not up, it would wait for Redis to come back. */
async function quitOrDrop(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
