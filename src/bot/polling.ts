import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { checkUpdateTimeout, handleWithin } from "./update-timeout.js";

export type PollingOptions = {
  logger: Logger;
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>;
  /** how many updates are handled at once (different chats; one chat is always sequential) */
  concurrency?: number;
  /** longest one update may hold back the offset (UPDATE_TIMEOUT_MS); past it, it is logged and the others go on */
  updateTimeoutMs: number;
};

const IDLE_WAIT_MS = 100;

/**
 * Long polling that confirms an update to Telegram only once it has been handled.
 *
 * grammY's runner asks for the next batch with `offset = last fetched + 1`, which confirms
 * updates that are still being handled: a crash then loses the member's answer while the
 * next question may already be on their screen. Here the offset never passes the oldest
 * update still in flight, so after a crash Telegram delivers it again; updates fetched again
 * while still in flight in this process are not handed out twice, and the duplicate filter
 * (middleware/dedupe.ts) skips those that finished. An update still in flight after
 * `updateTimeoutMs` no longer holds the offset back (see handleWithin): one hung handler
 * would otherwise keep every chat waiting once a batch's worth of updates piled up behind it.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): RunnerHandle {
  const { logger } = options;
  checkUpdateTimeout(options.updateTimeoutMs);
  const inFlight = new Set<number>();
  let highestSeen = -1;
  let retryIn = 100;

  const offset = () => (inFlight.size > 0 ? Math.min(...inFlight) : highestSeen + 1);

  const source = createSource<Update>({
    supply: async (batchSize, signal) => {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset: offset(), limit: Math.max(1, Math.min(batchSize, 100)), timeout: 30, allowed_updates: [...options.allowedUpdates] },
          signal,
        );
        retryIn = 100;
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) throw error;
        logger.warn({ err: error, retryInMs: retryIn }, "could not fetch updates; retrying");
        await new Promise((resolve) => setTimeout(resolve, retryIn));
        retryIn = Math.min(retryIn * 2, 30_000);
        return [];
      }
      const fresh = updates.filter((update) => update.update_id > highestSeen && !inFlight.has(update.update_id));
      for (const update of updates) {
        if (update.update_id <= highestSeen && !inFlight.has(update.update_id)) {
          logger.info({ updateId: update.update_id }, "duplicate update ignored");
        }
      }
      for (const update of fresh) {
        inFlight.add(update.update_id);
        highestSeen = Math.max(highestSeen, update.update_id);
      }
      // Only updates still in flight came back: wait a little instead of asking again at once.
      if (fresh.length === 0 && updates.length > 0) await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
      return fresh;
    },
  });

  const sink = createConcurrentSink<Update, unknown>(
    {
      consume: async (update) => {
        try {
          await handleWithin(() => bot.handleUpdate(update), { updateId: update.update_id, timeoutMs: options.updateTimeoutMs, logger });
        } finally {
          inFlight.delete(update.update_id);
        }
      },
    },
    async (error) => {
      try {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      } catch (handlerError) {
        logger.error({ err: handlerError }, "the error handler failed");
      }
    },
    { concurrency: options.concurrency ?? 100 },
  );

  const runner = createRunner(source, sink);
  runner.start();
  return runner;
}
