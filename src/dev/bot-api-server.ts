import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, Message, Update, User, UserFromGetMe } from "grammy/types";
import { documentOf, photoSizes, stickerOf, storeFile } from "./bot-api-files.js";
import { callMethod, commandsKey, toTelegram } from "./bot-api-methods.js";
import { ApiError, BotApiState, describeMessage, matches, type ChatState } from "./bot-api-state.js";
import type {
  BotApiStats,
  BotMessage,
  CallbackAnswer,
  CallbackRecord,
  RateLimit,
  TestGroupChat,
  TestUser,
  WaitForMessageOptions,
} from "./bot-api-types.js";
import { BodyError, readRequestParams } from "./multipart.js";

export type * from "./bot-api-types.js";
export { ApiError, describeMessage, matches } from "./bot-api-state.js";

export const DEFAULT_BOT_TOKEN = "7000000001:AAlocal-test-token-for-lapor-kelompok";
export const DEFAULT_BOT_USERNAME = "lapor_kelompok_test_bot";

export interface BotApiServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The only token accepted; the bot's id is its numeric prefix. */
  botToken?: string;
  botUsername?: string;
  botName?: string;
  /** Off (null) by default; Telegram's are about 30 messages/s overall and 1/s per chat. */
  rateLimit?: RateLimit | null;
  /** The clock of message dates (default: the real one). */
  now?: () => Date;
  /** How long a webhook POST may take before it counts as failed (default 60 000 ms). */
  webhookTimeoutMs?: number;
  /** The wait before a failed webhook POST is tried again: `first`, doubling up to `max` (default 100 ms → 2 s). */
  webhookRetryMs?: { first: number; max: number };
}

/** A 1×1 white JPEG: what a test user's photo contains unless told otherwise. */
const TINY_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==",
  "base64",
);

/** Starts a local server that speaks the Telegram Bot API (grammY's `client.apiRoot`). */
export async function startBotApiServer(opts: BotApiServerOptions = {}): Promise<BotApiServer> {
  const server = new BotApiServer(opts);
  await server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1");
  return server;
}

/**
 * A fake Telegram: the bot talks to it over HTTP (`apiRoot`), tests and the playground act
 * as users through its methods and watch it through its events ("message", "update" …).
 */
export class BotApiServer extends BotApiState {
  readonly token: string;
  readonly me: UserFromGetMe;
  apiRoot = "";
  private readonly http: Server;
  private readonly forcedFailures: Array<{ method: string; chatId?: number; error: ApiError }> = [];

  constructor(opts: BotApiServerOptions = {}) {
    super(opts.rateLimit ?? null, opts.now ?? (() => new Date()), {
      timeoutMs: opts.webhookTimeoutMs ?? 60_000,
      retryFirstMs: opts.webhookRetryMs?.first ?? 100,
      retryMaxMs: opts.webhookRetryMs?.max ?? 2000,
    });
    this.token = opts.botToken ?? DEFAULT_BOT_TOKEN;
    const id = Number(this.token.split(":")[0]);
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`A bot token starts with the bot's numeric id: ${this.token}`);
    this.me = {
      id,
      is_bot: true,
      first_name: opts.botName ?? "Lapor Kelompok",
      username: opts.botUsername ?? DEFAULT_BOT_USERNAME,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => resolve());
    });
    const { port: actual } = this.http.address() as AddressInfo;
    this.apiRoot = `http://${host.includes(":") ? `[${host}]` : host}:${actual}`;
  }

  /** Answers waiting long polls with [], rejects pending waits, closes every connection. */
  async close(): Promise<void> {
    this.shutdown();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    this.removeAllListeners();
  }

  // ── user side ─────────────────────────────────────────────────────────────────────

  /** A text message from `user` (in their private chat, or in `opts.chat`). Commands get their entity. */
  sendText(user: TestUser, text: string, opts: { chat?: TestGroupChat; replyTo?: number } = {}): Update {
    const chat = this.chatOf(user, opts.chat);
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const replyTo = opts.replyTo === undefined ? undefined : chat.botMessages.get(opts.replyTo);
    return this.userMessage(user, chat, {
      text,
      ...(command && { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }),
      ...(replyTo && { reply_to_message: toTelegram(this.me, chat, replyTo) }),
    });
  }

  /** The user taps a button of the reply keyboard currently shown (a text message; checked). */
  pressReplyButton(user: TestUser, text: string): Update {
    const chat = this.chatOf(user);
    const shown = [...chat.botMessages.values()]
      .reverse()
      .find((m) => m.reply_markup && ("keyboard" in m.reply_markup || "remove_keyboard" in m.reply_markup));
    const keyboard = shown?.reply_markup && "keyboard" in shown.reply_markup ? shown.reply_markup.keyboard.flat() : [];
    const button = keyboard.find((b) => (typeof b === "string" ? b : b.text) === text);
    if (!button) {
      throw new Error(`No reply keyboard button "${text}" is shown to user ${user.id}; shown: ${shown ? describeMessage(shown) : "(no keyboard)"}`);
    }
    if (typeof button === "object" && "request_contact" in button && button.request_contact) {
      throw new Error(`Button "${text}" shares the contact: use shareContact()`);
    }
    return this.sendText(user, text);
  }

  /** The user shares a contact (their own by default, as the request_contact button does). */
  shareContact(user: TestUser, phone: string, contact: { userId?: number; firstName?: string; lastName?: string } = {}): Update {
    const lastName = contact.lastName ?? (contact.userId === undefined ? user.last_name : undefined);
    return this.userMessage(user, this.chatOf(user), {
      contact: {
        phone_number: phone,
        first_name: contact.firstName ?? user.first_name,
        ...(lastName !== undefined && { last_name: lastName }),
        user_id: contact.userId ?? user.id,
      },
    });
  }

  sendPhoto(user: TestUser, opts: { caption?: string; bytes?: Buffer; fileName?: string; chat?: TestGroupChat } = {}): Update {
    const file = storeFile(this, "photos", { filename: opts.fileName ?? "photo.jpg", mimeType: "image/jpeg", bytes: opts.bytes ?? TINY_JPEG });
    return this.userMessage(user, this.chatOf(user, opts.chat), {
      photo: photoSizes(this, file),
      ...(opts.caption !== undefined && { caption: opts.caption }),
    });
  }

  sendDocument(user: TestUser, opts: { fileName: string; bytes: Buffer; mimeType?: string; caption?: string }): Update {
    const mimeType = opts.mimeType ?? "application/octet-stream";
    const file = storeFile(this, "documents", { filename: opts.fileName, mimeType, bytes: opts.bytes });
    return this.userMessage(user, this.chatOf(user), {
      document: documentOf(file),
      ...(opts.caption !== undefined && { caption: opts.caption }),
    });
  }

  sendSticker(user: TestUser, opts: { emoji?: string } = {}): Update {
    const file = storeFile(this, "stickers", { filename: "sticker.webp", mimeType: "image/webp", bytes: Buffer.from("RIFF\0\0\0\0WEBP") });
    return this.userMessage(user, this.chatOf(user), { sticker: stickerOf(file, opts.emoji ?? "👍") });
  }

  /** The user presses an inline button (by its text or callback_data) of a bot message, as it is now. */
  pressButton(user: TestUser, message: BotMessage, buttonTextOrData: string): Update {
    const chat = this.chats.get(message.chat.id);
    const current = chat?.botMessages.get(message.message_id);
    if (!chat || !current) throw new Error(`Bot message #${message.message_id} in chat ${message.chat.id} is unknown`);
    if (current.deleted) throw new Error(`Bot message was deleted: ${describeMessage(current)}`);
    const markup = current.reply_markup;
    const buttons = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
    const button =
      buttons.find((b) => b.text === buttonTextOrData) ??
      buttons.find((b) => "callback_data" in b && b.callback_data === buttonTextOrData);
    if (!button) throw new Error(`No inline button "${buttonTextOrData}" on ${describeMessage(current)}`);
    if (!("callback_data" in button)) throw new Error(`Button "${button.text}" has no callback_data: ${JSON.stringify(button)}`);
    const n = this.nextCounter();
    const id = String(4_000_000_000_000_000n + BigInt(n) * 7919n);
    this.callbacks.set(id, { id, from: user, chat_id: chat.chat.id, message_id: current.message_id, data: button.callback_data });
    this.touch(chat);
    return this.queueUpdate({
      callback_query: {
        id,
        from: this.from(user),
        message: toTelegram(this.me, chat, current),
        chat_instance: String(-chat.chat.id * 31 - 7),
        data: button.callback_data,
      },
    });
  }

  /** Queues any update; one that carries an update_id is delivered again even if confirmed. */
  injectUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const chat = update.message?.chat ?? update.callback_query?.message?.chat;
    if (chat) this.touch(this.ensureChat(chat));
    const query = update.callback_query;
    if (query && !this.callbacks.has(query.id)) {
      const { id, first_name, last_name, username, language_code } = query.from;
      this.callbacks.set(query.id, {
        id: query.id,
        from: { id, first_name, ...(last_name && { last_name }), ...(username && { username }), ...(language_code && { language_code }) },
        ...(query.message && { chat_id: query.message.chat.id, message_id: query.message.message_id }),
        ...(query.data !== undefined && { data: query.data }),
      });
    }
    return update.update_id === undefined ? this.queueUpdate(update) : this.redeliver(update as Update);
  }

  /** Makes a private chat known (as if the user had started the bot earlier) without an update. */
  addChat(user: TestUser): void {
    this.ensureChat(this.privateChat(user));
  }

  lastMessage(chatId: number): BotMessage | undefined {
    return this.messages(chatId).filter((m) => !m.deleted).at(-1);
  }

  waitForEdit(chatId: number, messageId: number, opts: Omit<WaitForMessageOptions, "events"> = {}): Promise<BotMessage> {
    const { match } = opts;
    return this.waitForMessage(chatId, {
      ...opts,
      events: "edit",
      match: (m) => m.message_id === messageId && matches(m, match),
    });
  }

  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined {
    return this.callbacks.get(callbackQueryId)?.answer;
  }

  /** Answered callback queries (of one id, or all). */
  callbackAnswers(callbackQueryId?: string): CallbackRecord[] {
    return [...this.callbacks.values()].filter((r) => r.answer && (callbackQueryId === undefined || r.id === callbackQueryId));
  }

  /** The commands set for exactly this scope (default {type:"default"}) and language ("" = all). */
  commands(scope?: object, languageCode?: string): BotCommand[] {
    return this.commandSets.get(commandsKey(scope, languageCode)) ?? [];
  }

  blockUser(userId: number): void {
    this.blocked.add(userId);
  }

  unblockUser(userId: number): void {
    this.blocked.delete(userId);
  }

  /** The user deletes a bot message for both sides: editing it then answers "message to edit not found". */
  deleteBotMessage(chatId: number, messageId: number): void {
    const message = this.chats.get(chatId)?.botMessages.get(messageId);
    if (!message || message.deleted) throw new Error(`No bot message #${messageId} in chat ${chatId} to delete`);
    message.deleted = true;
    this.recordEvent("delete", message);
  }

  /**
   * The next call of `method` (to `chatId`, when given) answers this error instead of running,
   * once per call of failNext: a one-off 429 with retry_after, a 500, a 400 …
   */
  failNext(method: string, failure: { error_code: number; description: string; retry_after?: number; chatId?: number }): void {
    const error = new ApiError(failure.error_code, failure.description, failure.retry_after);
    this.forcedFailures.push({ method: method.toLowerCase(), ...(failure.chatId !== undefined && { chatId: failure.chatId }), error });
  }

  setRateLimit(limit: RateLimit | null): void {
    this.rateLimiter.limit = limit;
  }

  stats(): BotApiStats {
    return structuredClone({ ...this.counters, updatesDelivered: this.updates.delivered });
  }

  /** The bytes of a file the bot or a user sent. */
  file(fileId: string): Buffer {
    const file = this.files.get(fileId);
    if (!file) throw new Error(`Unknown file_id ${fileId}`);
    return file.bytes;
  }

  private takeForcedFailure(method: string, chatId: unknown): void {
    const index = this.forcedFailures.findIndex(
      (f) => f.method === method.toLowerCase() && (f.chatId === undefined || String(f.chatId) === String(chatId)),
    );
    if (index < 0) return;
    const [forced] = this.forcedFailures.splice(index, 1);
    if (forced?.error.code === 429) this.counters.tooManyRequests++;
    if (forced) throw forced.error;
  }

  private from(user: TestUser): User {
    return { is_bot: false, ...user };
  }

  private chatOf(user: TestUser, group?: TestGroupChat): ChatState {
    // Writing to the bot is how a user unblocks it on Telegram.
    if (!group) this.blocked.delete(user.id);
    return this.ensureChat(group ?? this.privateChat(user));
  }

  private userMessage(user: TestUser, chat: ChatState, content: object): Update {
    const message = { message_id: chat.nextMessageId++, from: this.from(user), chat: chat.chat, date: this.unixNow(), ...content } as Message;
    chat.userMessages.set(message.message_id, message);
    this.touch(chat);
    return this.queueUpdate({ message } as Omit<Update, "update_id">);
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://localhost");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.download(res, download[1] ?? "", decodeURIComponent(download[2] ?? ""));
    const call = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!call) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token = "", method = ""] = call;
    this.counters.totalRequests++;
    this.counters.requests[method] = (this.counters.requests[method] ?? 0) + 1;
    let status = 200;
    let body: Record<string, unknown>;
    try {
      if (token !== this.token) throw new ApiError(401, "Unauthorized");
      const params = await readRequestParams(req, url.searchParams);
      this.takeForcedFailure(method, params.fields.chat_id);
      const onClose = (fn: () => void) => res.on("close", () => !res.writableFinished && fn());
      body = { ok: true, result: await callMethod({ state: this, me: this.me, onClose }, method, params) };
    } catch (err) {
      const error =
        err instanceof ApiError ? err
        : err instanceof BodyError ? new ApiError(400, err.message)
        : new ApiError(500, `Internal Server Error: ${(err as Error).message}`);
      status = error.code;
      this.counters.errors[status] = (this.counters.errors[status] ?? 0) + 1;
      body = {
        ok: false,
        error_code: error.code,
        description: error.description,
        ...(error.retryAfter !== undefined && { parameters: { retry_after: error.retryAfter } }),
      };
    }
    reply(res, status, body);
    this.emit("request", {
      method,
      ok: status === 200,
      ...(status !== 200 && { error_code: status, description: String(body.description) }),
      ms: Math.round(performance.now() - started),
    });
  }

  private download(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const file = [...this.files.values()].find((f) => f.file_path === path);
    if (!file) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.mime_type, "content-length": file.bytes.length });
    res.end(file.bytes);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}
