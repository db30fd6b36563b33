import type { RunnerHandle } from "@grammyjs/runner";
import { Api } from "grammy";
import type { AppDeps } from "../../app-deps.js";
import { publishDefaultCommands } from "../../bot/commands.js";
import { createBot } from "../../bot/create-bot.js";
import { createI18n } from "../../bot/i18n.js";
import { startPolling } from "../../bot/polling.js";
import { featureJobs } from "../../jobs/features.js";
import type { Queues } from "../../jobs/queues.js";
import { collectFeatureJobs, startWorkers, type WorkersHandle } from "../../jobs/registry.js";
import { jobSchedules, upsertJobSchedulers } from "../../jobs/schedules.js";

/**
 * The production process layout of src/main.ts (APP_ROLE=all): the queue workers with an Api
 * of their own and the weekly schedules, and the bot with its long polling. Only the config
 * differs: its token and apiRoot point at the local Bot API server. (Keep in step with main.ts.)
 */
export type RunningBot = {
  /** stops polling, lets the updates in flight and the running jobs finish */
  stop(): Promise<void>;
};

export async function startBotAndWorkers(deps: AppDeps, queues: Queues): Promise<RunningBot> {
  const { config, logger } = deps;
  if (!config.botToken) throw new Error("The playground's bot needs the local server's token");
  const { renderers, processors } = collectFeatureJobs(featureJobs);
  const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 30 });
  const workers: WorkersHandle = startWorkers({ ...deps, i18n: createI18n(), api, queues }, renderers, processors);

  const bot = createBot(deps);
  let runner: RunnerHandle | null = null;
  try {
    await upsertJobSchedulers(queues, jobSchedules(config), { timeZone: config.timeZone, processors, logger });
    await bot.init();
    await publishDefaultCommands(bot.api, createI18n());
    await bot.api.deleteWebhook();
    runner = startPolling(bot, { logger, allowedUpdates: ["message", "callback_query", "my_chat_member"] });
  } catch (error) {
    await workers.close().catch(() => undefined);
    throw error;
  }
  const handle = runner;
  return {
    async stop() {
      const stopped = handle.isRunning() ? handle.stop() : Promise.resolve();
      while (handle.size() > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      await stopped.catch(() => undefined);
      await workers.close().catch((err: unknown) => logger.warn({ err }, "closing the playground's queue workers failed"));
    },
  };
}
