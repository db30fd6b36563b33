import { run, type RunnerHandle } from "@grammyjs/runner";
import { Redis } from "ioredis";
import type { AppDeps } from "./app-deps.js";
import { publishDefaultCommands } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import { createI18n } from "./bot/i18n.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createPrisma } from "./db/client.js";
import { migrate, MIGRATIONS_DIR } from "./db/migrate.js";
import { isDatabaseEmpty, loadSeedData, seed } from "./db/seed.js";
import { createLogger, type Logger } from "./logger.js";

/**
 * The one place where things are wired: config → logger → PostgreSQL and Redis → database
 * migrations and first seed → bot → long polling; and the orderly stop.
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
    logger.fatal("BOT_TOKEN is not set: create a bot with @BotFather and put its token in BOT_TOKEN (see README)");
    process.exit(78);
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

  const deps: AppDeps = { config, logger, prisma, redis, clock: () => new Date() };
  const bot = createBot(deps);
  await bot.init();
  logger.info({ botId: bot.botInfo.id, username: bot.botInfo.username, mode: config.botMode }, "bot starting");
  await publishDefaultCommands(bot.api, createI18n()).catch((err) => logger.warn({ err }, "could not publish the command menu"));
  await bot.api.deleteWebhook();

  const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
  installShutdown({ runner, deps, logger });
  logger.info("bot running (long polling)");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * On SIGTERM/SIGINT: stop fetching updates, let the ones in flight finish (the runner does
 * not wait for them by itself), then close Redis and PostgreSQL. A hard deadline keeps the
 * whole stop under the orchestrator's 10 s.
 */
function installShutdown({ runner, deps, logger }: { runner: RunnerHandle; deps: AppDeps; logger: Logger }): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const deadline = setTimeout(() => {
      logger.error({ inFlight: runner.size() }, "stop took too long; exiting");
      process.exit(1);
    }, deps.config.shutdownTimeoutMs);
    deadline.unref();
    const stopped = runner.isRunning() ? runner.stop() : Promise.resolve();
    while (runner.size() > 0) await sleep(25);
    await stopped.catch(() => undefined);
    await deps.redis.quit().catch(() => undefined);
    await deps.prisma.$disconnect().catch(() => undefined);
    logger.info("stopped");
    clearTimeout(deadline);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Lapor Kelompok could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
