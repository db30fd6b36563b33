import type { I18n } from "@grammyjs/i18n";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext, Language } from "../bot/context.js";
import type { PrismaClient } from "../db/client.js";
import type { FeatureQueueName, JobName, JobPayload, OutgoingPurpose } from "./registry.js";

/**
 * The contract between the outgoing-message queue (src/jobs/, src/outgoing/) and the
 * features that send to many people. A feature asks for messages with `enqueueOutgoing`
 * (one item per recipient and purpose, with a deterministic key) and provides a renderer per
 * purpose; the queue's worker loads the row by id, renders it in the recipient's language at
 * send time, sends it within Telegram's limits, and records the result.
 */

/** What a message is for: one of the purposes declared in src/jobs/registry.ts, each with one renderer. */
export type { OutgoingPurpose };

export type OutgoingRequest = {
  /** deterministic and unique for (purpose, recipient, occasion): becomes the BullMQ job id, e.g. `invite-12-345` */
  key: string;
  purpose: OutgoingPurpose;
  personId: number;
  meetingId?: number;
  /** the announcement this message delivers (its delivery count is read from these rows) */
  announcementId?: number;
  /** send no earlier than this (delayed job) */
  notBefore?: Date;
};

export type RenderedMessage = {
  text: string;
  /** a photo Telegram already has (its file_id): sent with sendPhoto, `text` as its caption (≤ 1024 characters) */
  photoFileId?: string;
  /**
   * a picture made at render time (e.g. a summary chart), sent with sendPhoto: `text` is its
   * caption when it fits (≤ 1024 characters); a longer text goes first as a message of its own
   * and the picture follows with `caption` (see src/outgoing/outbox.send.ts)
   */
  photo?: { bytes: Buffer; fileName: string; caption?: string };
  parseMode?: "HTML";
  replyMarkup?: InlineKeyboardMarkup;
};

export type RenderContext = {
  prisma: PrismaClient;
  i18n: I18n<BotContext>;
  clock: () => Date;
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

/** What a queue job carries: ids only (never names, phone numbers or texts). Each job's exact shape is in src/jobs/registry.ts. */
export type JobData = { [key: string]: string | number | boolean | null | undefined };

/** The payload of an outgoing-queue job: the OutgoingMessage row's id. */
export type OutgoingJobData = JobPayload<"outgoing", "send">;

export type EnqueueResult = {
  /** new rows, each with a job */
  queued: number;
  /** rows that were waiting already (their job is kept, or re-created if it was lost) */
  alreadyQueued: number;
  /** rows already sent: never sent again */
  alreadySent: number;
  /** rows that had been cancelled, skipped, failed or found unreachable: queued again */
  requeued: number;
};

export type ScheduleOptions = {
  /** deterministic, e.g. `reminders-day-12`; [A-Za-z0-9_-], not only digits */
  jobId: string;
  /** run at this instant (or after `delayMs`); now when neither is given */
  runAt?: Date;
  delayMs?: number;
};

/**
 * How features reach the queues (deps.outbox). Everything here is idempotent by key/job id,
 * so a double click, a retry or a restart never sends twice.
 */
export interface Outbox {
  /**
   * One row and one job per request key. A key whose row was already sent is left alone; a key
   * whose row was cancelled, skipped, failed or unreachable is queued again (it was never
   * delivered). A waiting job keeps its time: to move it, `cancel` first, then `enqueue`.
   */
  enqueue(requests: OutgoingRequest[]): Promise<EnqueueResult>;
  /** Drops the jobs of these keys that have not been sent yet; their rows become `skipped` ("cancelled"). Returns how many. */
  cancel(keys: string[]): Promise<number>;
  /**
   * A one-off job of a feature's own (e.g. the meeting-reminder fan-out) on queue `queue`,
   * run by the processor registered for `jobName`. The same jobId again replaces the waiting
   * job (new time, new data); a job already running is left to finish.
   */
  scheduleJob<Q extends FeatureQueueName, N extends JobName<Q>>(queue: Q, jobName: N, data: JobPayload<Q, N>, opts: ScheduleOptions): Promise<void>;
  /** Removes a waiting one-off job; false when there was none (or it is running). */
  cancelJob(queue: FeatureQueueName, jobId: string): Promise<boolean>;
}
