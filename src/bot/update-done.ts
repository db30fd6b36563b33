import type { Context } from "grammy";
import type { Update } from "grammy/types";

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

/**
 * Updates whose mark the conversation storage already wrote (with the conversation's state),
 * so that the duplicate filter does not write it a second time: one Redis round trip less.
 */
const marked = new WeakSet<Update>();

export function markedWithState(ctx: Context): void {
  marked.add(ctx.update);
}

export function isMarked(ctx: Context): boolean {
  return marked.has(ctx.update);
}
