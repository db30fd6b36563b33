import type {
  Chat,
  Document,
  ForceReply,
  InlineKeyboardMarkup,
  MessageEntity,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Sticker,
  Update,
} from "grammy/types";

/** A Telegram user played by a test (Telegram's own field names, so it serialises as is). */
export interface TestUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A group a test user writes in (ids of groups are negative on Telegram). */
export interface TestGroupChat {
  id: number;
  type: "group" | "supergroup";
  title: string;
}

export type AnyReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A message the bot sent, in its current state (after edits). */
export interface BotMessage {
  message_id: number;
  chat: Chat;
  date: number;
  edit_date?: number;
  /** The method that created it: sendMessage, sendPhoto, sendDocument … */
  method: string;
  /** Text as sent, markup included when a parse_mode is used. */
  text?: string;
  caption?: string;
  /** `text` or `caption` without HTML/Markdown markup: what the user reads. */
  plain_text?: string;
  parse_mode?: string;
  entities?: MessageEntity[];
  caption_entities?: MessageEntity[];
  /** Any kind of markup, reply keyboards included (Telegram's Message only shows inline ones). */
  reply_markup?: AnyReplyMarkup;
  reply_to_message_id?: number;
  photo?: PhotoSize[];
  document?: Document;
  sticker?: Sticker;
  deleted: boolean;
  /** How many times it was edited. */
  edits: number;
}

export type BotMessageEventKind = "new" | "edit" | "delete";

/** One change to a bot message; `message` is its state right after the change. */
export interface BotMessageEvent {
  seq: number;
  chatId: number;
  kind: BotMessageEventKind;
  message: BotMessage;
}

/** A point in a chat's history of bot messages: "what comes after this". */
export interface Mark {
  readonly chatId: number;
  readonly seq: number;
}

/** A substring of the text or caption, a regular expression, or a predicate. */
export type MessageMatch = string | RegExp | ((message: BotMessage) => boolean);

export interface WaitForMessageOptions {
  /**
   * A Mark from `mark()`, or a message_id (messages with a greater id). Default: the chat's
   * last user action (sendText, pressButton …), i.e. "the bot's answer to what the user just did".
   */
  after?: number | Mark;
  match?: MessageMatch;
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /** Which events count: new messages, edits of messages, or both (default). */
  events?: "new" | "edit" | "both";
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_name?: string;
  mime_type: string;
  bytes: Buffer;
  /** When sent by URL: the server cannot fetch it, so the bytes are empty. */
  url?: string;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  /** Unix seconds. */
  answered_at: number;
}

export interface CallbackRecord {
  id: string;
  from: TestUser;
  chat_id?: number;
  message_id?: number;
  data?: string;
  answer?: CallbackAnswer;
}

export interface RateLimit {
  globalPerSecond: number;
  perChatPerSecond: number;
}

export interface BotApiStats {
  /** Requests by method name (as the bot spelled it). */
  requests: Record<string, number>;
  totalRequests: number;
  /** Successful sends and edits (what the rate limit counts). */
  sends: number;
  /** 429 answers. */
  tooManyRequests: number;
  /** Error answers by code ("400", "403", …). */
  errors: Record<string, number>;
  /** Methods the bot called that this server does not implement (answered 404). */
  unimplemented: Record<string, number>;
  updatesQueued: number;
  updatesDelivered: number;
}

/** What setWebhook stored. */
export interface Webhook {
  url: string;
  secret_token?: string;
  /** How many POSTs may be under way at once (1–100, default 40). */
  max_connections: number;
  /** Stored and shown by getWebhookInfo; every kind of update is delivered regardless. */
  allowed_updates?: string[];
}

/** One POST of an update to the webhook. */
export interface WebhookAttempt {
  update_id: number;
  /** A 2xx answer: the update is confirmed and gone. */
  ok: boolean;
  /** Absent when no answer came: refused, reset, timed out. */
  status?: number;
  /** Why it failed, in getWebhookInfo's words (last_error_message). */
  error?: string;
  ms: number;
}

export interface RequestLogEntry {
  method: string;
  ok: boolean;
  error_code?: number;
  description?: string;
  ms: number;
}

/** Events of the server, for live views (the playground) and tests. */
export interface BotApiEvents {
  update: [update: Update];
  message: [message: BotMessage, kind: BotMessageEventKind];
  callback_answer: [record: CallbackRecord];
  chat_action: [chatId: number, action: string];
  request: [entry: RequestLogEntry];
  /** A webhook POST ended (its update already confirmed, or waiting for a retry). */
  webhook: [attempt: WebhookAttempt];
}
