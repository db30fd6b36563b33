import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/client.js";
import type { Outbox } from "./jobs/outgoing.types.js";
import type { Logger } from "./logger.js";

/** The clock is injected everywhere: tests pass a fixed one, production passes () => new Date(). */
export type Clock = () => Date;

/** What the bot and its features are built from; wired once in main.ts. */
export type AppDeps = {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  clock: Clock;
  /** messages to many people and features' own delayed jobs go through the queues (src/jobs) */
  outbox: Outbox;
};
