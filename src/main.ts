import { Redis } from "ioredis";
import type { AppDeps } from "./app-deps.js";
import { startBotAndWorkers, type RunningApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createPrisma } from "./db/client.js";
import { migrate, MIGRATIONS_DIR } from "./db/migrate.js";
import { isDatabaseEmpty, loadSeedData, seed } from "./db/seed.js";
import { createOutbox } from "./outgoing/outbox.js";
import { bullPrefix, createBullConnection, createQueues, type Queues } from "./jobs/queues.js";
import { createLogger, type Logger } from "./logger.js";

/**
 * The one place where things are wired: config → logger → PostgreSQL and Redis → database
 * migrations and first seed → queues → workers (APP_ROLE all|worker) → bot and long polling
 * (APP_ROLE all|bot); and the orderly stop.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.botToken) {
    await startPlaygroundInstead(config);
    return;
  }

  if (config.runMigrations) {
    const { applied } = await migrate({ databaseUrl: config.databaseUrl, migrationsDir: MIGRATIONS_DIR, logger });
    if (applied.length > 0) logger.info({ applied }, "database migrations applied");
  }

  const prisma = createPrisma(config.databaseUrl);
  const redis = new Redis(config.redisUrl, { keyPrefix: config.redisKeyPrefix, maxRetriesPerRequest: 3 });
  redis.on("error", (err) => logger.warn({ err }, "redis connection problem"));

  if (config.seedWhenEmpty && (await isDatabaseEmpty(prisma))) {
    const result = await seed(prisma, loadSeedData());
    logger.info(result, "empty database seeded");
  }

  // BullMQ gets a connection of its own (blocking commands, no keyPrefix): see src/jobs/queues.ts.
  const bullConnection = createBullConnection(config.redisUrl);
  bullConnection.on("error", (err) => logger.warn({ err }, "redis connection problem (queues)"));
  const queues = createQueues(bullConnection, bullPrefix(config.redisKeyPrefix));
  const clock = () => new Date();
  const outbox = createOutbox({ prisma, queues, config, clock, logger });
  const deps: AppDeps = { config, logger, prisma, redis, clock, outbox };

  const app = await startBotAndWorkers(deps, queues);
  installShutdown({ app, queues, deps, logger });
  if (app.updates) logger.info({ mode: app.updates.mode }, app.updates.mode === "webhook" ? "bot running (webhook)" : "bot running (long polling)");
}

/**
 * On SIGTERM/SIGINT: stop fetching updates, let the ones in flight finish (the runner does
 * not wait for them by itself), let the workers finish their jobs, then close the queues,
 * Redis and PostgreSQL. A hard deadline keeps the whole stop under the orchestrator's 10 s.
 */
function installShutdown(parts: { app: RunningApp; queues: Queues; deps: AppDeps; logger: Logger }): void {
  const { app, queues, deps, logger } = parts;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const deadline = setTimeout(() => {
      logger.error({ inFlight: app.updates?.inFlight() ?? 0 }, "stop took too long; exiting");
      process.exit(1);
    }, deps.config.shutdownTimeoutMs);
    deadline.unref();
    await app.stop();
    await queues.close();
    await queues.connection.quit().catch(() => undefined);
    await deps.redis.quit().catch(() => undefined);
    await deps.prisma.$disconnect().catch(() => undefined);
    logger.info("stopped");
    clearTimeout(deadline);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

/**
 * Without a token: the playground (src/dev/playground) — this same bot against the local Bot
 * API server, with demo data in a database of its own, played in a browser. One line says where.
 */
async function startPlaygroundInstead(config: Config): Promise<void> {
  const { startPlayground } = await import("./dev/playground/playground.js");
  const playground = await startPlayground({ config });
  process.stdout.write(`No BOT_TOKEN: the Lapor Kelompok playground is at ${playground.url} (Ctrl+C stops it)\n`);
  const stop = () => {
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    void playground.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Lapor Kelompok could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
