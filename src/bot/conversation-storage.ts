import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { Redis } from "ioredis";
import type { Context } from "grammy";
import { DONE_TTL_SECONDS, doneKey, markedWithState } from "./update-done.js";

type Stored = VersionedState<ConversationData>;

/**
 * Conversation state in Redis, one key per chat, forgotten after `ttlSeconds`.
 *
 * Writing the state and marking the update as handled happen in one MULTI: either both
 * land or neither does. A crash before it leaves the update unconfirmed and unmarked, so
 * it is handled again from the earlier state; a crash after it leaves it marked, so a
 * second delivery is skipped instead of being taken as the answer to the next question.
 */
export function conversationStorage(redis: Redis, ttlSeconds: number) {
  const stateKey = (ctx: Context) => `conv:${ctx.chat?.id ?? ctx.from?.id ?? "none"}`;
  return {
    read: async (ctx: Context): Promise<Stored | undefined> => {
      const raw = await redis.get(stateKey(ctx));
      return raw === null ? undefined : (JSON.parse(raw) as Stored);
    },
    write: async (ctx: Context, state: Stored): Promise<void> => {
      await redis
        .multi()
        .set(stateKey(ctx), JSON.stringify(state), "EX", ttlSeconds)
        .set(doneKey(ctx), "1", "EX", DONE_TTL_SECONDS)
        .exec();
      markedWithState(ctx);
    },
    delete: async (ctx: Context): Promise<void> => {
      await redis.multi().del(stateKey(ctx)).set(doneKey(ctx), "1", "EX", DONE_TTL_SECONDS).exec();
      markedWithState(ctx);
    },
  };
}
