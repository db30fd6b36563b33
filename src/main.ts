import { startBotAndWorkers, type RunningApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { migrate, MigrationError, MIGRATIONS_DIR } from "./db/migrate.js";
import { isDatabaseEmpty, loadSeedData, seed, SEED_DATA_PATH } from "./db/seed.js";
import { createInfrastructure, type Infrastructure } from "./infrastructure.js";
import { createLogger, type Logger } from "./logger.js";
import { dependenciesOf, StartupError, waitForDependencies, watchDependencies, type DependencyWatch } from "./ops/dependencies.js";
import { startHealthServer, type HealthServer } from "./ops/health.js";
import { createMetrics } from "./ops/metrics.js";

/**
 * The one place where things are wired: config → logger → PostgreSQL, Redis and Telegram
 * answer (a bounded wait) → database migrations and first seed → infrastructure (Prisma,
 * Redis, queues) → health and metrics → workers (APP_ROLE all|worker) → bot (APP_ROLE
 * all|bot); and the orderly stop.
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
  if (!config.botToken && config.production) {
    process.stderr.write("Configuration error: BOT_TOKEN is required when NODE_ENV=production (without it, npm start opens the playground: a development tool)\n");
    process.exit(78);
  }
  const logger = createLogger(config.logLevel);
  if (!config.botToken) {
    await startPlaygroundInstead(config);
    return;
  }

  try {
    const dependencies = dependenciesOf(config);
    await waitForDependencies(dependencies, { logger, timeoutMs: config.startupTimeoutSeconds * 1000 });
    if (config.runMigrations) {
      const { applied } = await migrate({ databaseUrl: config.databaseUrl, migrationsDir: MIGRATIONS_DIR, logger });
      if (applied.length > 0) logger.info({ applied }, "database migrations applied");
    }
    const infrastructure = createInfrastructure(config, logger);
    if (config.seedWhenEmpty) await seedEmptyDatabase(infrastructure, logger);
    const metrics = config.metrics ? createMetrics({ queues: infrastructure.queues, prisma: infrastructure.prisma }) : null;
    const watch = watchDependencies(
      dependencies.filter((d) => d.name !== "Telegram"),
      { logger },
    );
    let app: RunningApp | null = null;
    const health = await startHealthServer({
      ...config.health,
      logger,
      metrics,
      checks: () => ({
        postgresql: watch.state("PostgreSQL")?.up ?? false,
        redis: watch.state("Redis")?.up ?? false,
        ...(app ? app.readiness() : { started: false }),
      }),
    });
    app = await startBotAndWorkers(infrastructure.deps, infrastructure.queues, { metrics });
    installShutdown({ app, infrastructure, health, watch, logger, config });
    // Polling says "bot running (long polling)" itself, once it holds the lease (src/bot/leader.ts).
    if (app.updates?.mode === "webhook") logger.info({ mode: "webhook" }, "bot running (webhook)");
    else if (!app.updates) logger.info({ role: config.appRole }, "running");
  } catch (error) {
    if (error instanceof StartupError) {
      logger.fatal({ dependency: error.dependency }, error.message);
      process.exit(1);
    }
    if (error instanceof MigrationError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** The first start: an empty database gets prisma/seed-data.yaml, and the log says what came in. */
async function seedEmptyDatabase(infrastructure: Infrastructure, logger: Logger): Promise<void> {
  if (!(await isDatabaseEmpty(infrastructure.prisma))) return;
  const data = loadSeedData();
  const result = await seed(infrastructure.prisma, data);
  const loaded = {
    programmes: data.programmes.length,
    indicators: data.programmes.reduce((sum, p) => sum + p.indicators.length, 0),
    groups: data.groups.length,
    stakeholders: data.stakeholders.length,
  };
  logger.info(
    { file: SEED_DATA_PATH, ...loaded, rows: result },
    `empty database seeded from the seed file: ${loaded.programmes} programmes, ${loaded.indicators} indicators, ${loaded.groups} groups, ${loaded.stakeholders} stakeholder institutions`,
  );
}

/**
 * On SIGTERM/SIGINT: stop fetching updates, let the ones in flight finish (the runner does
 * not wait for them by itself), let the workers finish their jobs, then close the queues,
 * Redis and PostgreSQL. A hard deadline keeps the whole stop under the orchestrator's 10 s.
 */
function installShutdown(parts: { app: RunningApp; infrastructure: Infrastructure; health: HealthServer; watch: DependencyWatch; logger: Logger; config: Config }): void {
  const { app, infrastructure, health, watch, logger, config } = parts;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const deadline = setTimeout(() => {
      logger.error({ inFlight: app.updates?.inFlight() ?? 0 }, "stop took too long; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    watch.stop();
    await app.stop();
    await infrastructure.close();
    await health.close();
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
