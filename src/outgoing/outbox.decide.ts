import type { DeliveryStatus, PersonStatus } from "../generated/prisma/enums.js";

/**
 * The outgoing worker's rules as pure functions: given the row, the recipient and what
 * Telegram answered, what happens next. No Redis, no database, no grammY import: the worker
 * (outbox.worker.ts) does the I/O, these decide.
 */

/** Prisma's enums, re-exported for the outgoing queue's modules. */
export type { DeliveryStatus, PersonStatus };

/** Written on the row when a send starts; still there on the next try means "the last try was cut off mid-send". */
export const SEND_INTERRUPTED = "interrupted during send: delivery unknown";

export type RowState = { status: DeliveryStatus; error: string | null };
export type RecipientState = { status: PersonStatus; telegramId: bigint | null };

/** Why a send did not go through, without anything personal in it. */
export type SendFailure =
  | { kind: "telegram"; code: number; description: string; retryAfterSec?: number }
  | { kind: "network"; message: string }
  | { kind: "other"; message: string };

export type SendOutcome = { ok: true; messageId: number } | { ok: false; failure: SendFailure };

export type BeforeSendDecision =
  /** the row is final already (sent, skipped, failed, unreachable): nothing to do, no send */
  | { kind: "done"; status: DeliveryStatus }
  /** the row becomes `skipped` with this reason; no send */
  | { kind: "skip"; reason: string }
  /** go ahead and send; `interrupted` when an earlier try died mid-send (this send may be a second copy) */
  | { kind: "send"; interrupted: boolean };

export type AfterSendDecision =
  /** the row becomes `sent` */
  | { kind: "sent"; messageId: number }
  /** the row becomes `unreachable` and so does the person (blocked, deactivated, chat gone); the job completes */
  | { kind: "unreachable"; error: string }
  /** Telegram's flood control: pause the whole queue this long and try this job again (not a failed attempt) */
  | { kind: "rate-limited"; pauseMs: number }
  /** keep the row queued with the error; the job is tried again after the backoff */
  | { kind: "retry"; error: string }
  /** the row becomes `failed` with the error; no more tries */
  | { kind: "failed"; error: string };

export type Decision = BeforeSendDecision | AfterSendDecision;

export type DecideInput = {
  row: RowState | null;
  recipient: RecipientState | null;
  /** absent before the send; present once Telegram answered (or the send threw) */
  outcome?: SendOutcome;
  /** this try's number, from 1 */
  attempt: number;
  maxAttempts: number;
};

const MAX_ERROR_LENGTH = 300;

/** Before the send: is there anything (still) to send, to whom. */
export function decideBeforeSend(row: RowState | null, recipient: RecipientState | null): BeforeSendDecision {
  if (!row) return { kind: "done", status: "skipped" };
  if (row.status !== "queued") return { kind: "done", status: row.status };
  if (!recipient) return { kind: "skip", reason: "recipient not found" };
  if (recipient.status !== "active") return { kind: "skip", reason: `recipient ${recipient.status}` };
  if (recipient.telegramId === null) return { kind: "skip", reason: "recipient has no Telegram account" };
  return { kind: "send", interrupted: row.error === SEND_INTERRUPTED };
}

/** After the send: what Telegram's answer means for the row, the person and the job. */
export function decideAfterSend(outcome: SendOutcome, attempt: number, maxAttempts: number): AfterSendDecision {
  if (outcome.ok) return { kind: "sent", messageId: outcome.messageId };
  const { failure } = outcome;
  const error = describeFailure(failure);
  if (failure.kind === "telegram") {
    const { code, description } = failure;
    if (code === 429) return { kind: "rate-limited", pauseMs: Math.max(1, failure.retryAfterSec ?? 1) * 1000 };
    if (code === 403) return { kind: "unreachable", error };
    if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) return { kind: "unreachable", error };
    // Any other 4xx is about the request itself (bad markup, too long, bad button): the same
    // request fails the same way every time, so retrying only delays the record.
    if (code >= 400 && code < 500) return { kind: "failed", error };
  }
  return attempt < maxAttempts ? { kind: "retry", error } : { kind: "failed", error: `${error} (after ${attempt} tries)` };
}

/** Both steps in one: without an outcome it is the check before sending. */
export function decide(input: DecideInput): Decision {
  if (!input.outcome) return decideBeforeSend(input.row, input.recipient);
  return decideAfterSend(input.outcome, input.attempt, input.maxAttempts);
}

/** The text stored in OutgoingMessage.error: Telegram's code and description, or the kind of failure. */
export function describeFailure(failure: SendFailure): string {
  const text =
    failure.kind === "telegram" ? `${failure.code} ${failure.description}`
    : failure.kind === "network" ? `network: ${failure.message}`
    : failure.message;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
