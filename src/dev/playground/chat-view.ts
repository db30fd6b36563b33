import type { BotCommand, Message, MessageEntity } from "grammy/types";
import type { BotApiServer } from "../bot-api-server.js";
import type { BotMessage } from "../bot-api-types.js";

/**
 * A private chat as the page shows it: the bot's messages (as they are now, after edits) and
 * the user's, in order, with the reply keyboard currently shown and the command menu.
 */
export type ViewButton = { text: string; data?: string; url?: string };

export type ViewMessage = {
  id: number;
  from: "bot" | "user";
  /** unix seconds (the playground clock) */
  date: number;
  edited: boolean;
  /** the text or caption; Telegram HTML when `html` is true */
  text?: string;
  html?: boolean;
  entities?: MessageEntity[];
  photo?: { url: string };
  document?: { url: string; name: string; size: number; mime: string };
  contact?: { phone: string; name: string };
  sticker?: string;
  buttons?: ViewButton[][];
};

export type ViewKeyboard = { rows: Array<Array<{ text: string; contact: boolean }>>; placeholder: string | null };

export type ChatView = { messages: ViewMessage[]; keyboard: ViewKeyboard | null; commands: BotCommand[] };

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

/**
 * Telegram marks a message "edited" when its text changes, not when only its buttons do (the
 * bot takes the buttons off answered questions all the time): this remembers first texts.
 */
export class EditTracker {
  private readonly first = new Map<string, string>();

  constructor(server: BotApiServer) {
    server.on("message", (m, kind) => {
      if (kind === "new") this.first.set(`${m.chat.id}:${m.message_id}`, m.text ?? m.caption ?? "");
    });
  }

  edited(m: BotMessage): boolean {
    const first = this.first.get(`${m.chat.id}:${m.message_id}`);
    return m.edits > 0 && first !== (m.text ?? m.caption ?? "");
  }

  clear(): void {
    this.first.clear();
  }
}

export function botMessageView(m: BotMessage, edits: EditTracker): ViewMessage {
  const raw = m.text ?? m.caption;
  const html = m.parse_mode?.toLowerCase() === "html";
  const text = html ? raw : (m.plain_text ?? raw);
  const entities = m.entities ?? m.caption_entities;
  const markup = m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup.inline_keyboard : null;
  const largest = m.photo?.at(-1);
  return {
    id: m.message_id,
    from: "bot",
    date: m.date,
    edited: edits.edited(m),
    ...(text !== undefined && { text, html }),
    ...(!html && entities && { entities }),
    ...(largest && { photo: { url: fileUrl(largest.file_id) } }),
    ...(m.document && {
      document: {
        url: fileUrl(m.document.file_id),
        name: m.document.file_name ?? "file",
        size: m.document.file_size ?? 0,
        mime: m.document.mime_type ?? "application/octet-stream",
      },
    }),
    ...(m.sticker && { sticker: m.sticker.emoji ?? "🖼" }),
    ...(markup && {
      buttons: markup.map((row) =>
        row.map((b) => ({
          text: b.text,
          ...("callback_data" in b && { data: b.callback_data }),
          ...("url" in b && { url: b.url }),
        })),
      ),
    }),
  };
}

export function userMessageView(m: Message): ViewMessage {
  const largest = m.photo?.at(-1);
  const text = m.text ?? m.caption;
  return {
    id: m.message_id,
    from: "user",
    date: m.date,
    edited: false,
    ...(text !== undefined && { text, html: false }),
    ...(largest && { photo: { url: fileUrl(largest.file_id) } }),
    ...(m.document && { document: { url: fileUrl(m.document.file_id), name: m.document.file_name ?? "file", size: m.document.file_size ?? 0, mime: m.document.mime_type ?? "" } }),
    ...(m.contact && { contact: { phone: m.contact.phone_number, name: [m.contact.first_name, m.contact.last_name].filter(Boolean).join(" ") } }),
    ...(m.sticker && { sticker: m.sticker.emoji ?? "🖼" }),
  };
}

/** The reply keyboard the user sees now: the latest one the bot sent, unless removed or used up (one-time). */
export function currentKeyboard(server: BotApiServer, chatId: number): ViewKeyboard | null {
  const chat = server.chats.get(chatId);
  if (!chat) return null;
  const shown = [...chat.botMessages.values()]
    .filter((m) => !m.deleted && m.reply_markup && ("keyboard" in m.reply_markup || "remove_keyboard" in m.reply_markup))
    .at(-1);
  const markup = shown?.reply_markup;
  if (!shown || !markup || !("keyboard" in markup)) return null;
  if (markup.one_time_keyboard && [...chat.userMessages.keys()].some((id) => id > shown.message_id)) return null;
  return {
    rows: markup.keyboard.map((row) =>
      row.map((b) => (typeof b === "string" ? { text: b, contact: false } : { text: b.text, contact: "request_contact" in b && b.request_contact === true })),
    ),
    placeholder: markup.input_field_placeholder ?? null,
  };
}

/** The command menu of a private chat, resolved the way Telegram does (most specific scope first). */
export function menuOf(server: BotApiServer, chatId: number, languageCode: string): BotCommand[] {
  const scopes = [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, { type: "default" }];
  for (const scope of scopes) {
    for (const language of [languageCode, undefined]) {
      const commands = server.commands(scope, language);
      if (commands.length > 0) return commands;
    }
  }
  return [];
}

export function chatView(server: BotApiServer, edits: EditTracker, chatId: number, languageCode = "id"): ChatView {
  const chat = server.chats.get(chatId);
  const bot = [...(chat?.botMessages.values() ?? [])].filter((m) => !m.deleted).map((m) => botMessageView(m, edits));
  const user = [...(chat?.userMessages.values() ?? [])].map(userMessageView);
  return {
    messages: [...bot, ...user].sort((a, b) => a.id - b.id),
    keyboard: currentKeyboard(server, chatId),
    commands: menuOf(server, chatId, languageCode),
  };
}
