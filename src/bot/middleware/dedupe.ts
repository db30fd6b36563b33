import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { DONE_TTL_SECONDS, doneKey, isMarked } from "../update-done.js";

/**
 * Telegram may deliver one update twice (a restart before the offset was confirmed, a
 * webhook retry). An update already marked as handled is skipped, in any process and after
 * a restart. Updates are marked when their handling finished — by the conversation storage,
 * atomically with the conversation's new state, or here for everything else. A handling
 * that failed is not marked, so the update can be tried again; one the conversation storage
 * marked is not marked twice.
 */
export function dedupeUpdates(redis: Redis): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = doneKey(ctx);
    if ((await redis.exists(key)) === 1) {
      ctx.log.info({ updateId: ctx.update.update_id }, "duplicate update ignored");
      return;
    }
    await next();
    if (!isMarked(ctx)) await redis.set(key, "1", "EX", DONE_TTL_SECONDS);
  };
}
