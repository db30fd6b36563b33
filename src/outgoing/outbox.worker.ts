import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from "bullmq";
import { GrammyError, HttpError, type Api } from "grammy";
import type { FeatureDeps } from "../bot/feature.js";
import { asLanguage } from "../bot/i18n.js";
import type { OutgoingJobData, OutgoingRenderers, RenderContext, RenderedMessage } from "../jobs/outgoing.types.js";
import { InvalidJobError, isOutgoingPurpose, OUTGOING_QUEUE, parseJob, SEND_JOB } from "../jobs/registry.js";
import { enterSendWindow, holdSends, sendAnswered, sendCancelled, takeChatSlot, waitForSendSlot } from "./outbox.pacing.js";
import { dropReceipt, readReceipt, writeReceipt } from "./outbox.receipt.js";
import { sendRendered } from "./outbox.send.js";
import { decideAfterSend, decideBeforeSend, type AfterSendDecision, type SendFailure, type SendOutcome } from "./outbox.decide.js";
import {
  claimForSend,
  loadForSending,
  markFailed,
  markSent,
  markSkipped,
  markUnreachable,
  recordError,
  releaseClaim,
  type OutgoingWithRecipient,
} from "./outbox.repository.js";
import { bestEffort } from "../lib/best-effort.js";

export type OutgoingWorkerDeps = Pick<FeatureDeps, "prisma" | "logger" | "clock" | "config" | "i18n" | "redis"> & {
  /** a plain grammY Api (no throttler, no auto-retry): this worker handles 429s itself */
  api: Api;
  /** the outgoing queue, to pause it as a whole on a 429 */
  queue: Queue;
};

export type OutgoingProcessorSettings = {
  /** the least time between two sends overall, every worker together (see outbox.pacing.ts) */
  sendIntervalMs: number;
  /** the most sends in any second, every worker together (the send window; see outbox.pacing.ts) */
  ratePerSecond: number;
  /** the least time between two messages to one chat (Telegram: one a second; a little more absorbs network jitter) */
  perChatIntervalMs: number;
};

/** What the job returns (BullMQ keeps it while the job exists): the row's outcome. */
export type OutgoingJobResult = "sent" | "skipped" | "failed" | "unreachable" | "cancelled" | "done";

/**
 * Loads the row by id → checks the recipient → renders in their language → claims the row →
 * waits for its send time (shared pacing) and a place in the send window → takes the chat's
 * slot → sends → records.
 * The rules are in outbox.decide.ts.
 */
export function createOutgoingProcessor(deps: OutgoingWorkerDeps, renderers: Partial<OutgoingRenderers>, settings: OutgoingProcessorSettings) {
  return async function processOutgoing(job: Job<OutgoingJobData>, token?: string): Promise<OutgoingJobResult> {
    const id = outgoingIdOf(job);
    const log = deps.logger.child({ outgoingId: id, jobId: job.id });
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const row = await loadForSending(deps.prisma, id);
    const before = decideBeforeSend(row, row?.person ?? null);
    if (before.kind === "done") return "done";
    if (before.kind === "skip" || !row?.person?.telegramId) {
      await markSkipped(deps.prisma, id, before.kind === "skip" ? before.reason : "recipient has no Telegram account");
      return "skipped";
    }
    const renderer = isOutgoingPurpose(row.purpose) ? renderers[row.purpose] : undefined;
    if (!renderer) {
      await markFailed(deps.prisma, id, `no renderer for purpose ${row.purpose}`);
      log.error({ purpose: row.purpose }, "no renderer registered for this purpose (src/jobs/features.ts)");
      return "failed";
    }
    const telegramId = row.person.telegramId;
    const interrupted = before.interrupted;
    const context = renderContext(deps, row, telegramId);
    if (interrupted) {
      // Cut off mid-send last time: if Telegram had taken the message, record it, do not send again.
      const receipt = await readReceipt(deps.redis, id);
      if (receipt !== null) {
        log.info("an earlier try was cut off after Telegram took the message; recorded, not sent again");
        return sentAndRecorded(receipt);
      }
    }

    let message: RenderedMessage | null;
    try {
      message = await renderer.render(context);
    } catch (err) {
      return settle(decideAfterSend({ ok: false, failure: toSendFailure(err) }, attempt, maxAttempts));
    }
    if (!message) {
      await markSkipped(deps.prisma, id, "nothing to send");
      return "skipped";
    }

    if (!(await claimForSend(deps.prisma, id))) return "cancelled";
    // Nothing but the chat's slot between the send time and the send: the pacing holds.
    await waitForSendSlot(deps.redis, settings.sendIntervalMs);
    const windowToken = await enterSendWindow(deps.redis, settings.ratePerSecond);
    const waitMs = await takeChatSlot(deps.redis, telegramId, settings.perChatIntervalMs);
    if (waitMs > 0) {
      await sendCancelled(deps.redis, windowToken);
      // Another message went to this chat less than a second ago: give the claim back and
      // come back when the slot is free (not a failed attempt).
      await releaseClaim(deps.prisma, id, row.error);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    if (interrupted) log.warn("an earlier try was cut off mid-send; sending again (the person may get it twice)");

    let outcome: SendOutcome;
    try {
      // The receipt goes to Redis in the same tick as Telegram's answer (see outbox.receipt.ts).
      const onAccepted = (messageId: number) =>
        void writeReceipt(deps.redis, id, messageId).catch((err: unknown) => log.warn({ err }, "could not write the send receipt"));
      const sent = await sendRendered(deps.api, Number(telegramId), message, log, onAccepted);
      outcome = { ok: true, messageId: sent.message_id };
    } catch (err) {
      outcome = { ok: false, failure: toSendFailure(err) };
    }
    // not awaited: recording the send comes first (a kill in between would send it again)
    void sendAnswered(deps.redis, windowToken).catch((err: unknown) => log.warn({ err }, "could not update the send window"));
    const after = decideAfterSend(outcome, attempt, maxAttempts);
    if (after.kind === "sent") return sentAndRecorded(after.messageId);
    return settle(after);

    async function sentAndRecorded(messageId: number): Promise<OutgoingJobResult> {
      await recordSent(deps, id, messageId, log);
      void bestEffort(dropReceipt(deps.redis, id), log, "drop the send receipt"); // the row says it now (and the receipt expires anyway)
      try {
        await renderer!.afterSend?.(context, { messageId });
      } catch (err) {
        log.warn({ err, purpose: row!.purpose }, "afterSend failed; the message itself was sent");
      }
      return "sent";
    }

    async function settle(decision: AfterSendDecision): Promise<OutgoingJobResult> {
      switch (decision.kind) {
        case "unreachable":
          await markUnreachable(deps.prisma, id, row!.personId, decision.error, deps.clock());
          log.info({ personId: row!.personId }, "person unreachable (blocked the bot, deactivated or chat gone)");
          return "unreachable";
        case "rate-limited":
          await recordError(deps.prisma, id, `429 rate limited: paused ${decision.pauseMs} ms`);
          // Pauses every worker of the queue (a Redis key they all read) and the sends of jobs
          // already running, then puts this job back.
          await Promise.all([deps.queue.rateLimit(decision.pauseMs), holdSends(deps.redis, decision.pauseMs)]);
          log.warn({ pauseMs: decision.pauseMs }, "Telegram flood control: outgoing queue paused");
          throw Worker.RateLimitError();
        case "retry":
          await recordError(deps.prisma, id, decision.error);
          log.warn({ attempt, maxAttempts, error: decision.error }, "outgoing send failed; will retry");
          throw new Error(decision.error);
        case "failed":
          await markFailed(deps.prisma, id, decision.error);
          log.warn({ attempt, error: decision.error }, "outgoing send failed for good");
          throw new UnrecoverableError(decision.error);
        default:
          throw new Error(`unexpected decision ${decision.kind}`);
      }
    }
  };
}

/** The job's row id, checked against src/jobs/registry.ts: a job that carries none fails at once. */
function outgoingIdOf(job: Job<OutgoingJobData>): number {
  try {
    return parseJob(OUTGOING_QUEUE, SEND_JOB, job.data).outgoingId;
  } catch (err) {
    if (err instanceof InvalidJobError) throw new UnrecoverableError(err.message);
    throw err;
  }
}

function renderContext(deps: OutgoingWorkerDeps, row: OutgoingWithRecipient, telegramId: bigint): RenderContext {
  return {
    prisma: deps.prisma,
    i18n: deps.i18n,
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    outgoing: { id: row.id, key: row.key, purpose: row.purpose, personId: row.personId, meetingId: row.meetingId },
    recipient: { personId: row.personId, telegramId, language: asLanguage(row.person?.language) },
  };
}

/**
 * A job that ends failed without its processor recording why (cut off by worker deaths too
 * often, or the database away on the last try) must not leave its row `queued` for ever: the
 * row says failed (a re-send picks it up). A failure that will be retried changes nothing.
 */
export function recordOutgoingJobFailed(deps: Pick<OutgoingWorkerDeps, "prisma" | "logger">, job: Job<OutgoingJobData>, err: Error): void {
  if (!job.finishedOn) return;
  const id = job.data.outgoingId;
  markFailed(deps.prisma, id, `job ended without a result: ${err.message}`).then(
    () => deps.logger.warn({ outgoingId: id, jobId: job.id, error: err.message }, "outgoing job ended failed"),
    (error: unknown) => deps.logger.error({ err: error, outgoingId: id }, "could not record an outgoing job's failure"),
  );
}

/**
 * The message left: record it, trying a little harder than usual, because a job that fails
 * here would be retried and send a second copy. If the database stays away the job ends
 * without a retry and the row keeps its "interrupted" mark.
 */
async function recordSent(deps: OutgoingWorkerDeps, id: number, messageId: number, log: OutgoingWorkerDeps["logger"]): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await markSent(deps.prisma, id, messageId, deps.clock());
      return;
    } catch (err) {
      if (tries >= 5) {
        log.error({ err }, "message sent but could not be recorded");
        throw new UnrecoverableError("sent but not recorded");
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * tries));
    }
  }
}

/** grammY's errors as the decision function sees them. */
export function toSendFailure(err: unknown): SendFailure {
  if (err instanceof GrammyError) {
    return {
      kind: "telegram",
      code: err.error_code,
      description: err.description,
      ...(err.parameters.retry_after !== undefined && { retryAfterSec: err.parameters.retry_after }),
    };
  }
  if (err instanceof HttpError) return { kind: "network", message: err.message };
  if (err instanceof Error) return { kind: "other", message: `${err.name}: ${err.message.split("\n")[0] ?? ""}` };
  return { kind: "other", message: String(err) };
}
