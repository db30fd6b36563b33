import { EventEmitter } from "node:events";
import type { BotCommand, Chat, Message, Update } from "grammy/types";
import type {
  BotApiEvents,
  BotApiStats,
  BotMessage,
  BotMessageEvent,
  BotMessageEventKind,
  CallbackRecord,
  Mark,
  MessageMatch,
  RateLimit,
  StoredFile,
  TestUser,
  WaitForMessageOptions,
  Webhook,
} from "./bot-api-types.js";
import { ApiError, SendRateLimiter, UpdateQueue } from "./traffic.js";
import { WebhookDelivery, type WebhookTiming } from "./webhook-delivery.js";

export { ApiError };

export interface ChatState {
  chat: Chat;
  nextMessageId: number;
  botMessages: Map<number, BotMessage>;
  userMessages: Map<number, Message>;
  /** seq of the last user action here: the default "after" of waitForMessage. */
  lastUserSeq: number;
  lastChatAction?: string;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const MAX_EVENTS = 20_000;

/**
 * Everything the fake Telegram knows: chats and their messages, the update queue with
 * Telegram's offset semantics, files, callback queries, commands, rate limits and counters.
 * Both sides use it: the HTTP methods the bot calls and the in-process user actions of tests.
 */
export class BotApiState extends EventEmitter<BotApiEvents> {
  readonly chats = new Map<number, ChatState>();
  readonly blocked = new Set<number>();
  readonly files = new Map<string, StoredFile>();
  readonly callbacks = new Map<string, CallbackRecord>();
  /** setMyCommands by `scope JSON|language_code`. */
  readonly commandSets = new Map<string, BotCommand[]>();
  readonly rateLimiter: SendRateLimiter;
  counters: BotApiStats = emptyStats();
  readonly updates = new UpdateQueue();
  readonly webhookDelivery: WebhookDelivery;

  private nextUpdateId = 1;
  private seq = 0;
  private events: BotMessageEvent[] = [];
  private messageWaiters = new Set<Waiter<BotMessageEvent>>();
  private answerWaiters = new Set<Waiter<CallbackRecord>>();
  private counter = 0;

  constructor(
    rateLimit: RateLimit | null,
    private readonly clock: () => Date,
    webhookTiming: WebhookTiming,
  ) {
    super();
    this.rateLimiter = new SendRateLimiter(rateLimit);
    this.webhookDelivery = new WebhookDelivery(this.updates, webhookTiming, () => this.unixNow(), (a) => this.emit("webhook", a));
  }

  /** Unix seconds, as Telegram dates are. */
  unixNow(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  /** A fresh number for ids of files and callback queries. */
  nextCounter(): number {
    return ++this.counter;
  }

  // ── chats ─────────────────────────────────────────────────────────────────────────

  ensureChat(chat: Chat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) {
      state = { chat, nextMessageId: 1, botMessages: new Map(), userMessages: new Map(), lastUserSeq: this.seq };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  privateChat(user: TestUser): Chat {
    return {
      id: user.id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name !== undefined && { last_name: user.last_name }),
      ...(user.username !== undefined && { username: user.username }),
    };
  }

  /** The chat the bot may write to, or the error Telegram gives. */
  chatForSending(chatId: number): ChatState {
    if (this.blocked.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    const state = this.chats.get(chatId);
    if (!state) throw new ApiError(400, "Bad Request: chat not found");
    return state;
  }

  /** Records a user action in a chat, so waitForMessage's default "after" is this point. */
  touch(chat: ChatState): void {
    chat.lastUserSeq = this.seq;
  }

  // ── updates and long polling ──────────────────────────────────────────────────────

  queueUpdate(body: Omit<Update, "update_id">): Update {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.enqueue(update, false);
    return update;
  }

  /** Delivers this very update (same update_id) again, even if the bot confirmed it already. */
  redeliver(update: Update): Update {
    const copy = structuredClone(update);
    if (typeof copy.update_id !== "number") copy.update_id = this.nextUpdateId++;
    else this.nextUpdateId = Math.max(this.nextUpdateId, copy.update_id + 1);
    this.enqueue(copy, true);
    return copy;
  }

  private enqueue(update: Update, forced: boolean): void {
    this.counters.updatesQueued++;
    this.updates.push(update, forced);
    this.webhookDelivery.wake();
    this.emit("update", update);
  }

  get webhook(): Webhook | null {
    return this.webhookDelivery.webhook;
  }

  /** Sets the webhook (null removes it); like Telegram, that ends a getUpdates still waiting. */
  setWebhook(webhook: Webhook | null): void {
    if (webhook) this.updates.terminatePolls("Conflict: terminated by setWebhook request");
    this.webhookDelivery.set(webhook);
  }

  pendingUpdates(): number {
    return this.updates.pending();
  }

  // ── bot messages and their events ─────────────────────────────────────────────────

  recordEvent(kind: BotMessageEventKind, message: BotMessage): void {
    const event: BotMessageEvent = { seq: ++this.seq, chatId: message.chat.id, kind, message: structuredClone(message) };
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    this.emit("message", event.message, kind);
    settle(this.messageWaiters, event);
  }

  /** The bot's messages in a chat as they are now (copies), deleted ones flagged. */
  messages(chatId: number): BotMessage[] {
    return [...(this.chats.get(chatId)?.botMessages.values() ?? [])].map((m) => structuredClone(m));
  }

  /** Every chat the bot knows, for live views. */
  knownChats(): Chat[] {
    return [...this.chats.values()].map((c) => c.chat);
  }

  mark(chatId: number): Mark {
    return { chatId, seq: this.seq };
  }

  waitForMessage(chatId: number, opts: WaitForMessageOptions = {}): Promise<BotMessage> {
    return this.waitForEvent(chatId, opts).then((e) => e.message);
  }

  /** Like waitForMessage, with the event's seq: a Mark `{ chatId, seq }` to continue after it. */
  waitForEvent(chatId: number, opts: WaitForMessageOptions = {}): Promise<BotMessageEvent> {
    const { after, match, events = "both", timeoutMs = 10_000 } = opts;
    const afterSeq = typeof after === "object" ? after.seq : after === undefined ? this.chats.get(chatId)?.lastUserSeq ?? 0 : -1;
    const afterId = typeof after === "number" ? after : -Infinity;
    const test = (e: BotMessageEvent) =>
      e.chatId === chatId &&
      e.seq > afterSeq &&
      e.message.message_id > afterId &&
      e.kind !== "delete" &&
      (events === "both" || events === e.kind) &&
      matches(e.message, match);
    const found = this.events.find(test);
    if (found) return Promise.resolve(found);
    const matching = match === undefined ? "" : ` matching ${describeMatch(match)}`;
    const what = `${events === "edit" ? "an edit of " : ""}a bot message in chat ${chatId}${matching}`;
    const since =
      typeof after === "number" ? `with message_id > ${after}`
      : typeof after === "object" ? `after mark #${after.seq}`
      : "since the last user action";
    return this.wait(this.messageWaiters, test, timeoutMs, () => {
      const recent = this.messages(chatId).slice(-5).map(describeMessage);
      const pending = this.pendingUpdates();
      return new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what} ${since}.\n` +
          `Last bot messages in this chat:\n${recent.length ? recent.map((l) => `  ${l}`).join("\n") : "  (none)"}` +
          (pending ? `\n${pending} update(s) not fetched by the bot yet — ${this.webhook ? "does its webhook answer 2xx?" : "is it polling?"}` : ""),
      );
    });
  }

  // ── callback queries ──────────────────────────────────────────────────────────────

  answerCallback(id: string, answer: CallbackRecord["answer"]): CallbackRecord {
    const record = this.callbacks.get(id);
    if (!record || record.answer) {
      throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }
    record.answer = answer;
    this.emit("callback_answer", record);
    settle(this.answerWaiters, record);
    return record;
  }

  waitForCallbackAnswer(id: string, timeoutMs = 10_000): Promise<CallbackRecord> {
    const record = this.callbacks.get(id);
    if (!record) return Promise.reject(new Error(`Unknown callback query ${id}`));
    if (record.answer) return Promise.resolve(record);
    return this.wait(this.answerWaiters, (r) => r.id === id, timeoutMs, () => {
      const data = JSON.stringify(record.data);
      return new Error(`Timed out after ${timeoutMs} ms waiting for the bot to answer callback query ${id} (data ${data})`);
    });
  }

  // ── rate limit ────────────────────────────────────────────────────────────────────

  /** Counts one send or edit in `chatId`; throws 429 when the rate limit is exceeded. */
  countSend(chatId: number | undefined): void {
    try {
      this.rateLimiter.count(chatId);
    } catch (err) {
      this.counters.tooManyRequests++;
      throw err;
    }
    this.counters.sends++;
  }

  // ── housekeeping ──────────────────────────────────────────────────────────────────

  /** Forgets chats, messages, files, callbacks, commands and counters. update_ids keep increasing. */
  reset(): void {
    this.chats.clear();
    this.blocked.clear();
    this.files.clear();
    this.callbacks.clear();
    this.commandSets.clear();
    this.webhookDelivery.stop();
    this.updates.clear();
    this.updates.delivered = 0;
    this.events = [];
    this.rateLimiter.clear();
    this.counters = emptyStats();
    const err = new Error("Bot API server was reset");
    for (const waiters of [this.messageWaiters, this.answerWaiters] as Set<Waiter<unknown>>[]) rejectAll(waiters, err);
  }

  /** Ends every wait: pending getUpdates get [], webhook POSTs are aborted, waitFor* promises reject. */
  shutdown(): void {
    this.updates.release();
    this.webhookDelivery.stop();
    const err = new Error("Bot API server closed");
    for (const waiters of [this.messageWaiters, this.answerWaiters] as Set<Waiter<unknown>>[]) rejectAll(waiters, err);
  }

  private wait<T>(set: Set<Waiter<T>>, test: (v: T) => boolean, timeoutMs: number, onTimeout: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          set.delete(waiter);
          reject(onTimeout());
        }, timeoutMs),
      };
      set.add(waiter);
    });
  }
}

function settle<T>(waiters: Set<Waiter<T>>, value: T): void {
  for (const waiter of waiters) {
    if (!waiter.test(value)) continue;
    waiters.delete(waiter);
    clearTimeout(waiter.timer);
    waiter.resolve(value);
  }
}

function rejectAll(waiters: Set<Waiter<unknown>>, err: Error): void {
  for (const waiter of waiters) {
    clearTimeout(waiter.timer);
    waiter.reject(err);
  }
  waiters.clear();
}

function emptyStats(): BotApiStats {
  return {
    requests: {},
    totalRequests: 0,
    sends: 0,
    tooManyRequests: 0,
    errors: {},
    unimplemented: {},
    updatesQueued: 0,
    updatesDelivered: 0,
  };
}

export function matches(message: BotMessage, match: MessageMatch | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match(message);
  const texts = [message.text ?? message.caption ?? "", message.plain_text ?? ""];
  return texts.some((t) => (typeof match === "string" ? t.includes(match) : testRegExp(match, t)));
}

function testRegExp(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

function describeMatch(match: MessageMatch): string {
  return typeof match === "string" ? JSON.stringify(match) : typeof match === "function" ? "a predicate" : String(match);
}

/** One line for error messages: `#3 (edited) "Pilih minggu" [Minggu ini | Batal]`. */
export function describeMessage(m: BotMessage): string {
  const flags = [m.deleted && "deleted", m.edits > 0 && "edited", m.method !== "sendMessage" && m.method]
    .filter(Boolean)
    .join(", ");
  const text = m.plain_text ?? m.text ?? m.caption ?? "";
  const shown = text.length > 100 ? `${text.slice(0, 100)}…` : text;
  const markup = m.reply_markup;
  let buttons = "";
  if (markup && "inline_keyboard" in markup) buttons = markup.inline_keyboard.flat().map((b) => b.text).join(" | ");
  else if (markup && "keyboard" in markup) buttons = markup.keyboard.flat().map((b) => (typeof b === "string" ? b : b.text)).join(" | ");
  return `#${m.message_id}${flags ? ` (${flags})` : ""} ${JSON.stringify(shown)}${buttons ? ` [${buttons}]` : ""}`;
}
