import type { ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { BotApiServer } from "../bot-api-server.js";
import type { BotMessage, BotMessageEventKind, CallbackRecord, RequestLogEntry } from "../bot-api-types.js";
import { botMessageView, currentKeyboard, EditTracker, userMessageView } from "./chat-view.js";

/**
 * Server-sent events for the page: each tab listens to one chat (the person it plays) and
 * to what concerns everyone (the clock, a reset, command menus).
 */
type Listener = { chatId: number | null; res: ServerResponse };

export class EventHub {
  private readonly listeners = new Set<Listener>();
  private readonly detach: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(server: BotApiServer, edits: EditTracker) {
    const onMessage = (message: BotMessage, kind: BotMessageEventKind) => {
      const chatId = message.chat.id;
      if (kind === "delete") this.toChat(chatId, { type: "delete", id: message.message_id, keyboard: currentKeyboard(server, chatId) });
      else this.toChat(chatId, { type: "message", message: botMessageView(message, edits), keyboard: currentKeyboard(server, chatId) });
    };
    const onUpdate = (update: Update) => {
      const message = update.message;
      if (!message || message.chat.type !== "private") return;
      this.toChat(message.chat.id, { type: "message", message: userMessageView(message), keyboard: currentKeyboard(server, message.chat.id) });
    };
    const onAnswer = (record: CallbackRecord) => {
      const text = record.answer?.text;
      if (text) this.toChat(record.chat_id ?? record.from.id, { type: "toast", text, alert: record.answer?.show_alert === true });
    };
    const onAction = (chatId: number, action: string) => this.toChat(chatId, { type: "action", action });
    const onRequest = (entry: RequestLogEntry) => {
      if (entry.ok && /^(set|delete)mycommands$/i.test(entry.method)) this.toAll({ type: "commands" });
    };
    server.on("message", onMessage);
    server.on("update", onUpdate);
    server.on("callback_answer", onAnswer);
    server.on("chat_action", onAction);
    server.on("request", onRequest);
    this.detach = () => {
      server.off("message", onMessage);
      server.off("update", onUpdate);
      server.off("callback_answer", onAnswer);
      server.off("chat_action", onAction);
      server.off("request", onRequest);
    };
    // Comments keep idle connections (and proxies) from timing out.
    this.heartbeat = setInterval(() => {
      for (const l of this.listeners) l.res.write(": ping\n\n");
    }, 20_000);
    this.heartbeat.unref();
  }

  /** Opens an event stream on `res`, for one chat (or none: global events only). */
  subscribe(res: ServerResponse, chatId: number | null): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    });
    res.write("retry: 1500\n\n");
    const listener: Listener = { chatId, res };
    this.listeners.add(listener);
    res.on("close", () => this.listeners.delete(listener));
  }

  toChat(chatId: number, event: object): void {
    for (const l of this.listeners) if (l.chatId === chatId) send(l.res, event);
  }

  toAll(event: object): void {
    for (const l of this.listeners) send(l.res, event);
  }

  close(): void {
    this.detach();
    clearInterval(this.heartbeat);
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
  }
}

function send(res: ServerResponse, event: object): void {
  res.write(`data: ${JSON.stringify(event)}\n\n`);
}
