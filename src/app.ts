import { Api } from "grammy";
import { dropEmptyKeyboardRows } from "./bot/keyboard-rows.js";
import type { AppDeps } from "./app-deps.js";
import { publishDefaultCommands } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import { createI18n } from "./bot/i18n.js";
import { pollWhileLeader } from "./bot/leader.js";
import { startPolling } from "./bot/polling.js";
import { startWebhook } from "./bot/webhook.js";
import { startConsole, type RunningConsole } from "./console/console.start.js";
import { featureJobs } from "./jobs/features.js";
import type { Queues } from "./jobs/queues.js";
import { collectFeatureJobs } from "./jobs/feature-jobs.js";
import { startWorkers, type WorkersHandle } from "./jobs/workers.js";
import { jobSchedules, upsertJobSchedulers } from "./jobs/schedules.js";
import { instrumentApi, instrumentBot, instrumentWorkers, telegramCallCounter, type Metrics } from "./ops/metrics.js";

/** Where updates come from: long polling or the webhook server. */
export type UpdateSource = {
  mode: "polling" | "webhook";
  /** updates being handled now */
  inFlight(): number;
  /** polling: the leader polls, a standby waits for the leader's lease to end */
  role?: () => "leader" | "standby";
  /** stops taking updates and waits for those in flight */
  stop(): Promise<void>;
};

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export type RunningApp = {
  /** how this process takes updates (APP_ROLE all|bot) */
  updates: UpdateSource | null;
  /** the queue workers, when this process runs them (APP_ROLE all|worker) */
  workers: WorkersHandle | null;
  /** the staff console, when this process serves it (APP_ROLE all|web with CONSOLE_URL) */
  webConsole?: RunningConsole | null;
  /** for /readyz: updates being fetched (polling) or the webhook registered; workers running */
  readiness(): Record<string, boolean>;
  /** stops taking updates, lets those in flight and the running jobs finish */
  stop(): Promise<void>;
};

export type AppOptions = {
  /** counts updates, Bot API calls and jobs (null or absent: METRICS=off) */
  metrics?: Metrics | null;
};

/**
 * The process layout shared by production (main.ts) and the playground: queue workers with an
 * Api of their own (broadcasts never queue behind the bot's replies) and the weekly schedules
 * (APP_ROLE all|worker), then the bot with its long polling (APP_ROLE all|bot).
 */
export async function startBotAndWorkers(deps: AppDeps, queues: Queues, options: AppOptions = {}): Promise<RunningApp> {
  const { config, logger } = deps;
  const metrics = options.metrics ?? null;
  if (!config.botToken) throw new Error("the bot needs a token");

  let workers: WorkersHandle | null = null;
  if (config.appRole === "all" || config.appRole === "worker") {
    const { renderers, processors } = collectFeatureJobs(featureJobs, { complete: true });
    const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 30 });
    api.config.use(dropEmptyKeyboardRows);
    if (metrics) instrumentApi(api, metrics);
    workers = startWorkers({ ...deps, i18n: createI18n(), api, queues }, renderers, processors);
    if (metrics) instrumentWorkers(workers.workers, metrics);
    logger.info({ queues: workers.workers.map((w) => w.name), ratePerSecond: config.outgoingRatePerSecond }, "queue workers running");
    // Declared by every worker process at every start: the same ids, so one schedule each.
    await upsertJobSchedulers(queues, jobSchedules(config), { timeZone: config.timeZone, processors, logger });
  }

  let updates: UpdateSource | null = null;
  let botUsername: string | undefined;
  // Polling is ready while getUpdates does not fail; the webhook once it is registered.
  let lastFetchOk = true;
  if (config.appRole === "all" || config.appRole === "bot") {
    try {
      const bot = createBot(deps);
      bot.api.config.use(
        telegramCallCounter(metrics, (method, ok) => {
          if (method === "getUpdates") lastFetchOk = ok;
        }),
      );
      if (metrics) instrumentBot(bot, metrics);
      await bot.init();
      botUsername = bot.botInfo.username;
      logger.info({ botId: bot.botInfo.id, username: bot.botInfo.username, mode: config.botMode }, "bot starting");
      await publishDefaultCommands(bot.api, createI18n()).catch((err) => logger.warn({ err }, "could not publish the command menu"));
      if (config.webhook) {
        const webhook = await startWebhook(bot, { logger, ...config.webhook, allowedUpdates: ALLOWED_UPDATES, updateTimeoutMs: config.updateTimeoutMs });
        updates = { mode: "webhook", inFlight: webhook.inFlight, stop: webhook.stop };
      } else {
        // Of several bot processes only the lease holder polls (src/bot/leader.ts).
        const polling = await pollWhileLeader({
          redis: deps.redis,
          logger,
          async start() {
            await bot.api.deleteWebhook();
            return startPolling(bot, { logger, allowedUpdates: ALLOWED_UPDATES, updateTimeoutMs: config.updateTimeoutMs });
          },
        });
        updates = { mode: "polling", ...polling };
      }
    } catch (error) {
      await workers?.close().catch(() => undefined);
      throw error;
    }
  }

  // The staff console (APP_ROLE all|web, when CONSOLE_URL is set): pages served by this same program.
  let webConsole: RunningConsole | null = null;
  if (config.appRole === "all" || config.appRole === "web") {
    try {
      webConsole = await startConsole(deps, botUsername);
    } catch (error) {
      await Promise.all([workers?.close().catch(() => undefined), updates?.stop().catch(() => undefined)]);
      throw error;
    }
  }

  const source = updates;
  return {
    updates,
    workers,
    webConsole,
    readiness() {
      const checks: Record<string, boolean> = {};
      // A standby is ready: it takes over when the leader's lease ends.
      if (source) checks[source.mode === "webhook" ? "webhook" : "polling"] = source.mode === "webhook" || source.role?.() === "standby" || lastFetchOk;
      if (workers) checks.workers = workers.workers.every((worker) => worker.isRunning());
      if (webConsole) checks.console = webConsole.listening();
      return checks;
    },
    async stop() {
      const workersClosed = workers ? workers.close().catch((err: unknown) => logger.warn({ err }, "closing the queue workers failed")) : Promise.resolve();
      await source?.stop();
      await webConsole?.close();
      await workersClosed;
    },
  };
}
