import type { RunnerHandle } from "@grammyjs/runner";
import { Api } from "grammy";
import type { AppDeps } from "./app-deps.js";
import { publishDefaultCommands } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import { createI18n } from "./bot/i18n.js";
import { startPolling } from "./bot/polling.js";
import { featureJobs } from "./jobs/features.js";
import type { Queues } from "./jobs/queues.js";
import { collectFeatureJobs, startWorkers, type WorkersHandle } from "./jobs/registry.js";
import { jobSchedules, upsertJobSchedulers } from "./jobs/schedules.js";

export type RunningApp = {
  /** the long polling, when this process takes updates (APP_ROLE all|bot) */
  runner: RunnerHandle | null;
  /** the queue workers, when this process runs them (APP_ROLE all|worker) */
  workers: WorkersHandle | null;
  /** stops taking updates, lets those in flight and the running jobs finish */
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The process layout shared by production (main.ts) and the playground: queue workers with an
 * Api of their own (broadcasts never queue behind the bot's replies) and the weekly schedules
 * (APP_ROLE all|worker), then the bot with its long polling (APP_ROLE all|bot).
 */
export async function startBotAndWorkers(deps: AppDeps, queues: Queues): Promise<RunningApp> {
  const { config, logger } = deps;
  if (!config.botToken) throw new Error("the bot needs a token");

  let workers: WorkersHandle | null = null;
  if (config.appRole !== "bot") {
    const { renderers, processors } = collectFeatureJobs(featureJobs);
    const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 30 });
    workers = startWorkers({ ...deps, i18n: createI18n(), api, queues }, renderers, processors);
    logger.info({ queues: workers.workers.map((w) => w.name), ratePerSecond: config.outgoingRatePerSecond }, "queue workers running");
    // Declared by every worker process at every start: the same ids, so one schedule each.
    await upsertJobSchedulers(queues, jobSchedules(config), { timeZone: config.timeZone, processors, logger });
  }

  let runner: RunnerHandle | null = null;
  if (config.appRole !== "worker") {
    try {
      const bot = createBot(deps);
      await bot.init();
      logger.info({ botId: bot.botInfo.id, username: bot.botInfo.username, mode: config.botMode }, "bot starting");
      await publishDefaultCommands(bot.api, createI18n()).catch((err) => logger.warn({ err }, "could not publish the command menu"));
      await bot.api.deleteWebhook();
      runner = startPolling(bot, { logger, allowedUpdates: ["message", "callback_query", "my_chat_member"] });
    } catch (error) {
      await workers?.close().catch(() => undefined);
      throw error;
    }
  }

  const polling = runner;
  return {
    runner,
    workers,
    async stop() {
      const stopped = polling?.isRunning() ? polling.stop() : Promise.resolve();
      const workersClosed = workers ? workers.close().catch((err: unknown) => logger.warn({ err }, "closing the queue workers failed")) : Promise.resolve();
      // The runner's stop does not wait for the updates in flight: drain them here.
      while (polling && polling.size() > 0) await sleep(25);
      await stopped.catch(() => undefined);
      await workersClosed;
    },
  };
}
