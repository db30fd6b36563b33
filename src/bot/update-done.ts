import type { Context } from "grammy";

/**
 * "This update was handled": one Redis key per update, written by the duplicate filter
 * (src/bot/middleware/dedupe.ts) and, atomically with a conversation's new state, by the
 * conversation storage (src/bot/conversation-storage.ts). Both import it from here.
 */

/** The Redis key that says an update was handled (per bot: update ids are per bot). */
export function doneKey(ctx: Context): string {
  return `upd:${ctx.me.id}:${ctx.update.update_id}`;
}

/** How long a handled update is remembered: longer than Telegram keeps re-delivering it. */
export const DONE_TTL_SECONDS = 7 * 24 * 3600;
