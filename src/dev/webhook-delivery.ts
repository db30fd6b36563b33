import type { Update } from "grammy/types";
import type { Webhook, WebhookAttempt } from "./bot-api-types.js";
import type { QueuedUpdate, UpdateQueue } from "./traffic.js";

export interface WebhookTiming {
  /** A POST without an answer by then has failed. */
  timeoutMs: number;
  /** The wait after a first failure; it doubles with each further one, up to `retryMaxMs`. */
  retryFirstMs: number;
  retryMaxMs: number;
}

const TIMED_OUT = Symbol("webhook timeout");

/**
 * Telegram's side of a webhook: POSTs the queued updates to the bot, confirms each on a 2xx
 * and tries the others again later. A chat's updates go one at a time and in order, as a bot
 * gets them from getUpdates; different chats go concurrently, up to max_connections.
 */
export class WebhookDelivery {
  webhook: Webhook | null = null;
  lastError: { date: number; message: string } | undefined;
  private readonly posting = new Map<QueuedUpdate, AbortController>();
  /** Entries that failed: how often, and the timer of the next try (undefined once it is due). */
  private readonly failed = new Map<QueuedUpdate, { count: number; timer: NodeJS.Timeout | undefined }>();

  constructor(
    private readonly queue: UpdateQueue,
    private readonly timing: WebhookTiming,
    private readonly unixNow: () => number,
    private readonly report: (attempt: WebhookAttempt) => void,
  ) {}

  /** A webhook delivers from now on; null stops new POSTs (those under way still confirm or keep theirs). */
  set(webhook: Webhook | null): void {
    this.webhook = webhook;
    this.lastError = undefined;
    // A webhook set later starts afresh: no update waits out a delay of the one before.
    if (!webhook) this.forgetFailures();
    this.wake();
  }

  /** POSTs what may go now; called whenever an update is queued or a POST ends. */
  wake(): void {
    const webhook = this.webhook;
    if (!webhook) return;
    const chatsWaiting = new Set<number>();
    for (const entry of this.queue.entries()) {
      if (this.posting.size >= webhook.max_connections) return;
      const chat = chatOf(entry.update);
      if (chat !== undefined) {
        // An earlier update of this chat is unconfirmed: this one waits behind it.
        if (chatsWaiting.has(chat)) continue;
        chatsWaiting.add(chat);
      }
      if (!this.posting.has(entry) && this.failed.get(entry)?.timer === undefined) void this.post(webhook, entry);
    }
  }

  /** Aborts every POST and retry, for close and reset; their results are ignored. */
  stop(): void {
    this.webhook = null;
    this.lastError = undefined;
    for (const controller of this.posting.values()) controller.abort();
    this.posting.clear();
    this.forgetFailures();
  }

  private async post(webhook: Webhook, entry: QueuedUpdate): Promise<void> {
    const controller = new AbortController();
    this.posting.set(entry, controller);
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.timing.timeoutMs);
    let status: number | undefined;
    let error: string | undefined;
    try {
      const res = await fetch(webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(webhook.secret_token !== undefined && { "x-telegram-bot-api-secret-token": webhook.secret_token }),
        },
        body: JSON.stringify(entry.update),
        signal: controller.signal,
      });
      status = res.status;
      // Read to the end so the connection can serve the next POST.
      await res.arrayBuffer();
      if (!res.ok) error = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
    } catch (err) {
      error = controller.signal.reason === TIMED_OUT ? "Read timeout expired" : failureMessage(err);
    } finally {
      clearTimeout(timer);
    }
    if (this.posting.get(entry) !== controller) return;
    this.posting.delete(entry);
    // Any answer means the bot got the update: counted like an update getUpdates hands out.
    if (status !== undefined) this.queue.delivered++;
    if (error === undefined) {
      this.queue.confirm(entry);
      this.failed.delete(entry);
    } else if (this.webhook) {
      this.retryLater(entry, error);
    }
    this.report({
      update_id: entry.update.update_id,
      ok: error === undefined,
      ...(status !== undefined && { status }),
      ...(error !== undefined && { error }),
      ms: Math.round(performance.now() - started),
    });
    this.wake();
  }

  private retryLater(entry: QueuedUpdate, error: string): void {
    this.lastError = { date: this.unixNow(), message: error };
    const count = (this.failed.get(entry)?.count ?? 0) + 1;
    const delay = Math.min(this.timing.retryMaxMs, this.timing.retryFirstMs * 2 ** (count - 1));
    const failure = {
      count,
      timer: setTimeout(() => {
        failure.timer = undefined;
        this.wake();
      }, delay) as NodeJS.Timeout | undefined,
    };
    this.failed.set(entry, failure);
  }

  private forgetFailures(): void {
    for (const { timer } of this.failed.values()) clearTimeout(timer);
    this.failed.clear();
  }
}

/** The chat whose updates must keep their order: the payload's chat, its message's, else the sender. */
function chatOf(update: Update): number | undefined {
  const payload = Object.values(update).find((v) => typeof v === "object" && v !== null) as
    | { chat?: { id: number }; message?: { chat: { id: number } }; from?: { id: number } }
    | undefined;
  return payload?.chat?.id ?? payload?.message?.chat.id ?? payload?.from?.id;
}

/** A POST without an answer, in getWebhookInfo's words where Telegram has them. */
function failureMessage(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "Connection refused";
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}
