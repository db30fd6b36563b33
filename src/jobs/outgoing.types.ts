import type { I18n } from "@grammyjs/i18n";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext, Language } from "../bot/context.js";
import type { Clock } from "../app-deps.js";
import type { PrismaClient } from "../db/client.js";

/**
 * The contract between the outgoing-message queue (src/jobs/, src/features/outbox/) and the
 * features that send to many people. A feature asks for messages with `enqueueOutgoing`
 * (one item per recipient and purpose, with a deterministic key) and provides a renderer per
 * purpose; the queue's worker loads the row by id, renders it in the recipient's language at
 * send time, sends it within Telegram's limits, and records the result.
 */

/** e.g. "meeting-invite", "meeting-reminder-day", "meeting-reminder-2h", "meeting-rescheduled", "meeting-cancelled" */
export type OutgoingPurpose = string;

export type OutgoingRequest = {
  /** deterministic and unique for (purpose, recipient, occasion): becomes the BullMQ job id, e.g. `invite-12-345` */
  key: string;
  purpose: OutgoingPurpose;
  personId: number;
  meetingId?: number;
  /** send no earlier than this (delayed job) */
  notBefore?: Date;
};

export type RenderedMessage = {
  text: string;
  parseMode?: "HTML";
  replyMarkup?: InlineKeyboardMarkup;
};

export type RenderContext = {
  prisma: PrismaClient;
  i18n: I18n<BotContext>;
  clock: Clock;
  timeZone: string;
  outgoing: { id: number; key: string; purpose: string; personId: number; meetingId: number | null };
  recipient: { personId: number; telegramId: bigint; language: Language };
};

export type OutgoingRenderer = {
  /** the message to send now, or null when there is nothing to send any more (the meeting was cancelled, the person answered…): the job completes as "skipped" */
  render(context: RenderContext): Promise<RenderedMessage | null>;
  /** called after Telegram accepted the message (e.g. to remember the invitation's message id) */
  afterSend?(context: RenderContext, sent: { messageId: number }): Promise<void>;
};

export type OutgoingRenderers = Record<OutgoingPurpose, OutgoingRenderer>;
