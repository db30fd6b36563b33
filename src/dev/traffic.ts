import type { Update } from "grammy/types";
import type { RateLimit } from "./bot-api-types.js";

/** A Telegram-shaped error answer: `{ ok: false, error_code, description, parameters? }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export interface QueuedUpdate {
  update: Update;
  /** getUpdates returned it. A webhook leaves this alone: its 2xx removes the entry instead. */
  delivered: boolean;
  /** Injected or redelivered: kept even if its update_id is below the confirmed offset. */
  forced: boolean;
}

interface Poller {
  offset: number | undefined;
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (err: ApiError) => void;
  timer: NodeJS.Timeout;
}

/** Updates waiting for the bot, with getUpdates' offset and long-polling semantics. */
export class UpdateQueue {
  delivered = 0;
  private queue: QueuedUpdate[] = [];
  private pollers = new Set<Poller>();
  private emptyWaiters: Array<() => void> = [];

  push(update: Update, forced: boolean): void {
    this.queue.push({ update, delivered: false, forced });
    for (const poller of this.pollers) {
      const batch = this.take(poller.offset, poller.limit);
      if (batch.length > 0) {
        this.pollers.delete(poller);
        clearTimeout(poller.timer);
        poller.resolve(batch);
      }
    }
  }

  /** The queue in order, for the webhook to walk; it changes when updates are confirmed. */
  entries(): readonly QueuedUpdate[] {
    return this.queue;
  }

  /** A webhook's 2xx: this one entry is gone (a forced copy of the same update_id may stay). */
  confirm(entry: QueuedUpdate): void {
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
    this.notifyIfEmpty();
  }

  /** Resolves once every queued update is confirmed by the bot (at once if none is queued). */
  whenEmpty(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptyWaiters.push(resolve));
  }

  private notifyIfEmpty(): void {
    if (this.queue.length > 0) return;
    const waiters = this.emptyWaiters;
    this.emptyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Updates not yet handed to the bot (by a webhook: not yet confirmed, a POST under way included). */
  pending(): number {
    return this.queue.filter((q) => !q.delivered).length;
  }

  /**
   * Telegram's getUpdates: an offset confirms every update below it (an injected update
   * that was not yet delivered survives); the answer is an increasing run of update_ids,
   * because grammY continues from the last one it got.
   */
  take(offset: number | undefined, limit: number): Update[] {
    if (offset !== undefined) {
      if (offset < 0) this.queue = this.queue.slice(offset);
      else this.queue = this.queue.filter((q) => q.update.update_id >= offset || (q.forced && !q.delivered));
      this.notifyIfEmpty();
    }
    const batch: QueuedUpdate[] = [];
    for (const q of this.queue) {
      if (batch.length >= limit) break;
      const last = batch.at(-1);
      if (last && q.update.update_id <= last.update.update_id) break;
      batch.push(q);
    }
    for (const q of batch) q.delivered = true;
    this.delivered += batch.length;
    return batch.map((q) => q.update);
  }

  /** Long poll: resolves when updates exist or after `timeoutSec`; `cancel` when the client leaves. */
  poll(offset: number | undefined, limit: number, timeoutSec: number) {
    // Like Telegram, a newer getUpdates ends the one still waiting.
    this.terminatePolls("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    let poller: Poller | undefined;
    const promise = new Promise<Update[]>((resolve, reject) => {
      const batch = this.take(offset, limit);
      if (batch.length > 0 || timeoutSec <= 0) return resolve(batch);
      const timer = setTimeout(() => {
        if (poller) this.pollers.delete(poller);
        resolve([]);
      }, timeoutSec * 1000);
      poller = { offset, limit, resolve, reject, timer };
      this.pollers.add(poller);
    });
    const cancel = () => {
      if (poller && this.pollers.delete(poller)) clearTimeout(poller.timer);
    };
    return { promise, cancel };
  }

  /** Answers every waiting getUpdates with a 409 of this description. */
  terminatePolls(description: string): void {
    for (const poller of this.pollers) {
      clearTimeout(poller.timer);
      poller.reject(new ApiError(409, description));
    }
    this.pollers.clear();
  }

  /** Answers every waiting getUpdates with an empty list (on shutdown). */
  release(): void {
    for (const poller of this.pollers) {
      clearTimeout(poller.timer);
      poller.resolve([]);
    }
    this.pollers.clear();
  }

  clear(): void {
    this.queue = [];
    this.notifyIfEmpty();
  }
}

/** Telegram's flood control, as sliding one-second windows: overall and per chat. */
export class SendRateLimiter {
  private times: number[] = [];
  private chatTimes = new Map<number, number[]>();

  constructor(public limit: RateLimit | null) {}

  /** Counts one send to `chatId`, or throws 429 with retry_after (whole seconds, ≥ 1). */
  count(chatId: number | undefined): void {
    const now = Date.now();
    const windowStart = now - 1000;
    this.times = this.times.filter((t) => t > windowStart);
    const perChat = chatId === undefined ? [] : (this.chatTimes.get(chatId) ?? []).filter((t) => t > windowStart);
    const { limit } = this;
    if (limit) {
      // The send that has to leave the window before another one fits.
      const blocking =
        this.times.length >= limit.globalPerSecond ? this.times[this.times.length - limit.globalPerSecond]
        : perChat.length >= limit.perChatPerSecond ? perChat[perChat.length - limit.perChatPerSecond]
        : undefined;
      if (blocking !== undefined) {
        const retryAfter = Math.max(1, Math.ceil((blocking + 1000 - now) / 1000));
        throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
      }
    }
    this.times.push(now);
    if (chatId !== undefined) {
      perChat.push(now);
      this.chatTimes.set(chatId, perChat);
    }
  }

  clear(): void {
    this.times = [];
    this.chatTimes.clear();
  }
}
