import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

const DONE_TTL_SECONDS = 7 * 24 * 3600;
/** A claim for an update that is being handled; short, so that an update interrupted by a crash can be handled when Telegram delivers it again. */
const CLAIM_TTL_SECONDS = 30;

/**
 * Telegram may deliver one update twice (webhook retries, a restart before the offset was
 * confirmed). The update id is claimed in Redis before handling and marked done after, so a
 * second delivery is ignored even in another process or after a restart; a handling that
 * failed releases its claim so the update can be tried again.
 */
export function dedupeUpdates(redis: Redis, botId: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = `upd:${botId}:${ctx.update.update_id}`;
    const claimed = await redis.set(key, "claimed", "EX", CLAIM_TTL_SECONDS, "NX");
    if (claimed === null) {
      ctx.log.info({ updateId: ctx.update.update_id }, "duplicate update ignored");
      return;
    }
    try {
      await next();
    } catch (error) {
      await redis.del(key).catch(() => undefined);
      throw error;
    }
    await redis.set(key, "done", "EX", DONE_TTL_SECONDS);
  };
}
