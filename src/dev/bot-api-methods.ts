import type { BotCommand, Message, UserFromGetMe } from "grammy/types";
import { documentOf, inputFile, photoSizes, stickerOf } from "./bot-api-files.js";
import type { BotApiState, ChatState } from "./bot-api-state.js";
import type { AnyReplyMarkup, BotMessage, Webhook } from "./bot-api-types.js";
import type { RequestParams } from "./multipart.js";
import { parseModeError, plainText } from "./parse-mode.js";
import { ApiError } from "./traffic.js";

export interface MethodContext {
  state: BotApiState;
  me: UserFromGetMe;
  /** Registers a callback for when the client goes away before the answer (long polls). */
  onClose: (fn: () => void) => void;
}

type Handler = (ctx: MethodContext, p: RequestParams) => unknown;

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** Runs one Bot API method; throws ApiError for Telegram's error answers (404 when unknown). */
export async function callMethod(ctx: MethodContext, method: string, p: RequestParams): Promise<unknown> {
  const handler = HANDLERS[method.toLowerCase()];
  if (!handler) {
    ctx.state.counters.unimplemented[method] = (ctx.state.counters.unimplemented[method] ?? 0) + 1;
    throw new ApiError(404, "Not Found");
  }
  return handler(ctx, p);
}

// ── parameters ──────────────────────────────────────────────────────────────────────

function str(p: RequestParams, name: string): string | undefined {
  const v = p.fields[name];
  return v === undefined || v === null ? undefined : String(v);
}

function int(p: RequestParams, name: string): number | undefined {
  const v = p.fields[name];
  if (v === undefined || v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ApiError(400, `Bad Request: invalid ${name} specified`);
  return n;
}

function bool(p: RequestParams, name: string): boolean {
  const v = p.fields[name];
  return v === true || v === "true" || v === "1";
}

/** A JSON-typed parameter: an object in a JSON body, a JSON string otherwise. */
function json<T>(p: RequestParams, name: string): T | undefined {
  const v = p.fields[name];
  if (typeof v !== "string") return (v ?? undefined) as T | undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new ApiError(400, `Bad Request: can't parse ${name} JSON object`);
  }
}

function chatId(p: RequestParams): number {
  const raw = p.fields.chat_id;
  if (raw === undefined || raw === null || raw === "") throw new ApiError(400, "Bad Request: chat_id is empty");
  const id = Number(raw);
  if (!Number.isInteger(id)) throw new ApiError(400, "Bad Request: chat not found");
  return id;
}

function knownChat(state: BotApiState, p: RequestParams): ChatState {
  const chat = state.chats.get(chatId(p));
  if (!chat) throw new ApiError(400, "Bad Request: chat not found");
  return chat;
}

function messageId(p: RequestParams): number {
  const id = int(p, "message_id");
  if (id === undefined) {
    if (p.fields.inline_message_id !== undefined) throw new ApiError(400, "Bad Request: inline messages are not supported by this test server");
    throw new ApiError(400, "Bad Request: message identifier is not specified");
  }
  return id;
}

function replyMarkup(p: RequestParams): AnyReplyMarkup | undefined {
  const markup = json<AnyReplyMarkup>(p, "reply_markup");
  if (markup && "inline_keyboard" in markup) {
    for (const button of markup.inline_keyboard.flat()) {
      if ("callback_data" in button && Buffer.byteLength(button.callback_data) > 64) {
        throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
      }
      if (Object.keys(button).length < 2) throw new ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard");
    }
  }
  return markup;
}

function formatted(p: RequestParams, key: "text" | "caption", required: boolean, max: number) {
  const text = str(p, key);
  if (text === undefined || text === "") {
    if (required) throw new ApiError(400, "Bad Request: message text is empty");
    return {};
  }
  const parse_mode = str(p, "parse_mode");
  const problem = parseModeError(text, parse_mode);
  if (problem) throw new ApiError(400, problem);
  const plain = plainText(text, parse_mode);
  if (plain.length > max) {
    throw new ApiError(400, key === "text" ? "Bad Request: message is too long" : "Bad Request: message caption is too long");
  }
  const entities = json<Message["entities"]>(p, key === "text" ? "entities" : "caption_entities");
  return {
    [key]: text,
    plain_text: plain,
    ...(parse_mode !== undefined && { parse_mode }),
    ...(entities !== undefined && { [key === "text" ? "entities" : "caption_entities"]: entities }),
  };
}

// ── messages ────────────────────────────────────────────────────────────────────────

/** The Message object Telegram would show the bot for one of its messages. */
export function toTelegram(me: UserFromGetMe, chat: ChatState, m: BotMessage): Message {
  const replyTo = m.reply_to_message_id === undefined ? undefined : findMessage(me, chat, m.reply_to_message_id);
  const text = m.text === undefined ? {} : { text: m.plain_text ?? m.text, ...(m.entities && { entities: m.entities }) };
  const caption =
    m.caption === undefined ? {} : { caption: m.plain_text ?? m.caption, ...(m.caption_entities && { caption_entities: m.caption_entities }) };
  return {
    message_id: m.message_id,
    from: { id: me.id, is_bot: true, first_name: me.first_name, username: me.username },
    chat: m.chat,
    date: m.date,
    ...(m.edit_date !== undefined && { edit_date: m.edit_date }),
    ...text,
    ...caption,
    ...(m.photo && { photo: m.photo }),
    ...(m.document && { document: m.document }),
    ...(m.sticker && { sticker: m.sticker }),
    ...(m.reply_markup && "inline_keyboard" in m.reply_markup && { reply_markup: m.reply_markup }),
    ...(replyTo && { reply_to_message: replyTo }),
  } as Message;
}

export function findMessage(me: UserFromGetMe, chat: ChatState, id: number): Message | undefined {
  const bot = chat.botMessages.get(id);
  if (bot && !bot.deleted) {
    const { reply_to_message_id: _, ...withoutReply } = bot;
    return toTelegram(me, chat, withoutReply);
  }
  return chat.userMessages.get(id);
}

/** The common part of every send: checks, rate limit, a new message and its event. */
function send(ctx: MethodContext, p: RequestParams, method: string, content: Partial<BotMessage>): Message {
  const { state } = ctx;
  const chat = state.chatForSending(chatId(p));
  const replyParams = json<{ message_id?: number; allow_sending_without_reply?: boolean }>(p, "reply_parameters");
  const replyTo = replyParams?.message_id ?? int(p, "reply_to_message_id");
  const markup = replyMarkup(p);
  let replyToId: number | undefined;
  if (replyTo !== undefined) {
    if (findMessage(ctx.me, chat, replyTo)) replyToId = replyTo;
    else if (!(replyParams?.allow_sending_without_reply ?? bool(p, "allow_sending_without_reply"))) {
      throw new ApiError(400, "Bad Request: message to be replied not found");
    }
  }
  state.countSend(chat.chat.id);
  const message: BotMessage = {
    message_id: chat.nextMessageId++,
    chat: chat.chat,
    date: state.unixNow(),
    method,
    ...content,
    ...(markup && { reply_markup: markup }),
    ...(replyToId !== undefined && { reply_to_message_id: replyToId }),
    deleted: false,
    edits: 0,
  };
  chat.botMessages.set(message.message_id, message);
  state.recordEvent("new", message);
  return toTelegram(ctx.me, chat, message);
}

function editable(ctx: MethodContext, p: RequestParams): { chat: ChatState; message: BotMessage } {
  const chat = ctx.state.chatForSending(chatId(p));
  const id = messageId(p);
  const message = chat.botMessages.get(id);
  if (!message || message.deleted) {
    throw new ApiError(400, chat.userMessages.has(id) ? "Bad Request: message can't be edited" : "Bad Request: message to edit not found");
  }
  return { chat, message };
}

function edit(ctx: MethodContext, p: RequestParams, changes: Partial<BotMessage>): Message {
  const { chat, message } = editable(ctx, p);
  const inline = (m: AnyReplyMarkup | undefined) => (m && "inline_keyboard" in m ? m : undefined);
  const newMarkup = inline(replyMarkup(p));
  const next: BotMessage = { ...message, ...changes };
  // Without reply_markup an edit removes the inline keyboard, as on Telegram.
  if (newMarkup) next.reply_markup = newMarkup;
  else if (inline(message.reply_markup)) delete next.reply_markup;
  const same = (a: BotMessage) =>
    JSON.stringify([a.text, a.caption, a.parse_mode, a.entities, a.caption_entities, inline(a.reply_markup)]);
  if (same(next) === same(message)) throw new ApiError(400, NOT_MODIFIED);
  ctx.state.countSend(chat.chat.id);
  const fields = message as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) delete fields[key];
  for (const [key, value] of Object.entries(next)) if (value !== undefined) fields[key] = value;
  message.edit_date = ctx.state.unixNow();
  message.edits++;
  ctx.state.recordEvent("edit", message);
  return toTelegram(ctx.me, chat, message);
}

function deleteOne(ctx: MethodContext, chat: ChatState, id: number): boolean {
  const message = chat.botMessages.get(id);
  if (message && !message.deleted) {
    message.deleted = true;
    ctx.state.recordEvent("delete", message);
    return true;
  }
  return chat.userMessages.delete(id);
}

// ── the methods ─────────────────────────────────────────────────────────────────────

const alwaysTrue: Handler = () => true;

const HANDLERS: Record<string, Handler> = {
  getme: (ctx) => ctx.me,
  logout: alwaysTrue,
  close: alwaysTrue,

  getupdates: async (ctx, p) => {
    if (ctx.state.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const limit = Math.min(100, Math.max(1, int(p, "limit") ?? 100));
    const poll = ctx.state.updates.poll(int(p, "offset"), limit, Math.max(0, Number(p.fields.timeout ?? 0) || 0));
    ctx.onClose(poll.cancel);
    return poll.promise;
  },
  setwebhook: (ctx, p) => {
    const url = str(p, "url") ?? "";
    const webhook = url ? webhookOf(url, p) : null;
    // Dropped before the new webhook starts, so none of them is POSTed.
    if (bool(p, "drop_pending_updates")) ctx.state.updates.clear();
    ctx.state.setWebhook(webhook);
    return true;
  },
  deletewebhook: (ctx, p) => {
    if (bool(p, "drop_pending_updates")) ctx.state.updates.clear();
    ctx.state.setWebhook(null);
    return true;
  },
  getwebhookinfo: (ctx) => {
    const { webhook, lastError } = ctx.state.webhookDelivery;
    return {
      url: webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: ctx.state.pendingUpdates(),
      ...(webhook && { max_connections: webhook.max_connections }),
      ...(webhook?.allowed_updates && { allowed_updates: webhook.allowed_updates }),
      ...(lastError && { last_error_date: lastError.date, last_error_message: lastError.message }),
    };
  },

  sendmessage: (ctx, p) => send(ctx, p, "sendMessage", formatted(p, "text", true, 4096)),
  sendphoto: (ctx, p) => {
    ctx.state.chatForSending(chatId(p));
    const caption = formatted(p, "caption", false, 1024);
    return send(ctx, p, "sendPhoto", { ...caption, photo: photoSizes(ctx.state, inputFile(ctx.state, p, "photo", "photos")) });
  },
  senddocument: (ctx, p) => {
    ctx.state.chatForSending(chatId(p));
    const caption = formatted(p, "caption", false, 1024);
    const file = inputFile(ctx.state, p, "document", "documents");
    return send(ctx, p, "sendDocument", { ...caption, document: documentOf(file) });
  },
  sendsticker: (ctx, p) => {
    ctx.state.chatForSending(chatId(p));
    const file = inputFile(ctx.state, p, "sticker", "stickers");
    return send(ctx, p, "sendSticker", { sticker: stickerOf(file) });
  },
  editmessagetext: (ctx, p) => {
    const { message } = editable(ctx, p);
    if (message.text === undefined) throw new ApiError(400, "Bad Request: there is no text in the message to edit");
    const content = formatted(p, "text", true, 4096);
    return edit(ctx, p, { parse_mode: undefined, entities: undefined, ...content });
  },
  editmessagecaption: (ctx, p) => {
    const { message } = editable(ctx, p);
    if (message.text !== undefined) throw new ApiError(400, "Bad Request: there is no caption in the message to edit");
    const caption = formatted(p, "caption", false, 1024);
    return edit(ctx, p, { caption: undefined, parse_mode: undefined, caption_entities: undefined, plain_text: undefined, ...caption });
  },
  editmessagereplymarkup: (ctx, p) => edit(ctx, p, {}),
  deletemessage: (ctx, p) => {
    if (!deleteOne(ctx, knownChat(ctx.state, p), messageId(p))) throw new ApiError(400, "Bad Request: message to delete not found");
    return true;
  },
  deletemessages: (ctx, p) => {
    const chat = knownChat(ctx.state, p);
    for (const id of json<number[]>(p, "message_ids") ?? []) deleteOne(ctx, chat, id);
    return true;
  },
  answercallbackquery: (ctx, p) => {
    const id = str(p, "callback_query_id") ?? "";
    const text = str(p, "text");
    const url = str(p, "url");
    const cacheTime = int(p, "cache_time");
    ctx.state.answerCallback(id, {
      ...(text !== undefined && { text }),
      ...(p.fields.show_alert !== undefined && { show_alert: bool(p, "show_alert") }),
      ...(url !== undefined && { url }),
      ...(cacheTime !== undefined && { cache_time: cacheTime }),
      answered_at: ctx.state.unixNow(),
    });
    return true;
  },
  sendchataction: (ctx, p) => {
    const chat = ctx.state.chatForSending(chatId(p));
    const action = str(p, "action") ?? "";
    chat.lastChatAction = action;
    ctx.state.emit("chat_action", chat.chat.id, action);
    return true;
  },

  setmycommands: (ctx, p) => {
    const commands = json<BotCommand[]>(p, "commands") ?? [];
    for (const c of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      if (!c.description || c.description.length > 256) throw new ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    }
    ctx.state.commandSets.set(commandsKey(json(p, "scope"), str(p, "language_code")), commands);
    return true;
  },
  getmycommands: (ctx, p) => ctx.state.commandSets.get(commandsKey(json(p, "scope"), str(p, "language_code"))) ?? [],
  deletemycommands: (ctx, p) => {
    ctx.state.commandSets.delete(commandsKey(json(p, "scope"), str(p, "language_code")));
    return true;
  },

  getfile: (ctx, p) => {
    const file = ctx.state.files.get(str(p, "file_id") ?? "");
    if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
  },
  getchat: (ctx, p) => ({ ...knownChat(ctx.state, p).chat, accent_color_id: 0, max_reaction_count: 11 }),

  // Settings the bot may make at start-up; accepted, not modelled.
  setmydescription: alwaysTrue,
  setmyshortdescription: alwaysTrue,
  setmyname: alwaysTrue,
  setchatmenubutton: alwaysTrue,
  setmydefaultadministratorrights: alwaysTrue,
  pinchatmessage: alwaysTrue,
  unpinchatmessage: alwaysTrue,
  unpinallchatmessages: alwaysTrue,
  setmessagereaction: alwaysTrue,
};

function webhookOf(url: string, p: RequestParams): Webhook {
  // Telegram wants HTTPS; a bot under test listens on plain HTTP.
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new ApiError(400, "Bad Request: bad webhook: invalid URL");
  const secret = str(p, "secret_token");
  const allowed = json<string[]>(p, "allowed_updates");
  return {
    url,
    ...(secret !== undefined && { secret_token: secret }),
    max_connections: Math.min(100, Math.max(1, int(p, "max_connections") ?? 40)),
    ...(allowed !== undefined && { allowed_updates: allowed }),
  };
}

/** Key of a command list: the scope (default "default") and the language ("" for all). */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const s = (scope ?? { type: "default" }) as Record<string, unknown>;
  const canonical = Object.fromEntries(Object.keys(s).sort().map((k) => [k, s[k]]));
  return `${JSON.stringify(canonical)}|${languageCode ?? ""}`;
}
