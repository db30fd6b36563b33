import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import {
  SEND_INTERRUPTED,
  decide,
  decideAfterSend,
  decideBeforeSend,
  describeFailure,
  type RecipientState,
  type RowState,
  type SendFailure,
} from "../../src/outgoing/outbox.decide.js";
import { sendIntervalMs } from "../../src/outgoing/outbox.pacing.js";
import { toSendFailure } from "../../src/outgoing/outbox.worker.js";
import { collectFeatureJobs } from "../../src/jobs/feature-jobs.js";
import { outgoingLimiter } from "../../src/jobs/workers.js";

const queued: RowState = { status: "queued", error: null };
const active: RecipientState = { status: "active", telegramId: 123n };
const telegram = (code: number, description: string, retryAfterSec?: number): SendFailure => ({
  kind: "telegram",
  code,
  description,
  ...(retryAfterSec !== undefined && { retryAfterSec }),
});
const failed = (failure: SendFailure, attempt = 1, maxAttempts = 5) => decideAfterSend({ ok: false, failure }, attempt, maxAttempts);

describe("before the send", () => {
  it("sends a queued row to an active person with a Telegram account", () => {
    expect(decideBeforeSend(queued, active)).toEqual({ kind: "send", interrupted: false });
  });

  it.each(["sent", "skipped", "failed", "unreachable"] as const)("never touches a row that is %s already", (status) => {
    expect(decideBeforeSend({ status, error: null }, active)).toEqual({ kind: "done", status });
  });

  it("does nothing for a row that no longer exists", () => {
    expect(decideBeforeSend(null, active).kind).toBe("done");
  });

  it.each(["left", "erased", "unreachable"] as const)("skips a person who is %s", (status) => {
    expect(decideBeforeSend(queued, { status, telegramId: 5n })).toEqual({ kind: "skip", reason: `recipient ${status}` });
  });

  it("skips a person without Telegram, or unknown", () => {
    expect(decideBeforeSend(queued, { status: "active", telegramId: null })).toMatchObject({ kind: "skip" });
    expect(decideBeforeSend(queued, null)).toMatchObject({ kind: "skip" });
  });

  it("notices a try that was cut off mid-send (the mark is still on the row)", () => {
    expect(decideBeforeSend({ status: "queued", error: SEND_INTERRUPTED }, active)).toEqual({ kind: "send", interrupted: true });
    expect(decideBeforeSend({ status: "queued", error: "500 Internal Server Error" }, active)).toEqual({ kind: "send", interrupted: false });
  });
});

describe("after the send", () => {
  it("records the message id of a message Telegram took", () => {
    expect(decideAfterSend({ ok: true, messageId: 77 }, 1, 5)).toEqual({ kind: "sent", messageId: 77 });
  });

  it("pauses the whole queue for retry_after on 429, whatever the attempt", () => {
    expect(failed(telegram(429, "Too Many Requests: retry after 7", 7))).toEqual({ kind: "rate-limited", pauseMs: 7000 });
    expect(failed(telegram(429, "Too Many Requests", undefined), 5, 5)).toEqual({ kind: "rate-limited", pauseMs: 1000 });
  });

  it.each(["Forbidden: bot was blocked by the user", "Forbidden: user is deactivated", "Forbidden: bot can't initiate conversation with a user"])(
    "marks the person unreachable on 403 (%s), without retry",
    (description) => {
      expect(failed(telegram(403, description))).toEqual({ kind: "unreachable", error: `403 ${description}` });
    },
  );

  it("marks the person unreachable when the chat is not found", () => {
    expect(failed(telegram(400, "Bad Request: chat not found"))).toEqual({ kind: "unreachable", error: "400 Bad Request: chat not found" });
  });

  it("fails at once on another 400 (the same request would fail again)", () => {
    expect(failed(telegram(400, "Bad Request: message is too long"))).toEqual({ kind: "failed", error: "400 Bad Request: message is too long" });
  });

  it("retries server and network errors until the last attempt, then fails with the error", () => {
    expect(failed(telegram(500, "Internal Server Error"), 1, 5)).toEqual({ kind: "retry", error: "500 Internal Server Error" });
    expect(failed({ kind: "network", message: "Network request for 'sendMessage' failed!" }, 4, 5)).toEqual({
      kind: "retry",
      error: "network: Network request for 'sendMessage' failed!",
    });
    expect(failed(telegram(502, "Bad Gateway"), 5, 5)).toEqual({ kind: "failed", error: "502 Bad Gateway (after 5 tries)" });
    expect(failed({ kind: "other", message: "Error: renderer broke" }, 1, 1)).toEqual({ kind: "failed", error: "Error: renderer broke (after 1 tries)" });
  });

  it("keeps error texts short", () => {
    expect(describeFailure({ kind: "other", message: "x".repeat(1000) })).toHaveLength(300);
  });
});

describe("decide (both steps)", () => {
  it("is the check before sending without an outcome, and the verdict with one", () => {
    expect(decide({ row: queued, recipient: active, attempt: 1, maxAttempts: 5 })).toEqual({ kind: "send", interrupted: false });
    expect(decide({ row: queued, recipient: active, attempt: 1, maxAttempts: 5, outcome: { ok: true, messageId: 3 } })).toEqual({ kind: "sent", messageId: 3 });
  });
});

describe("grammY errors as failures", () => {
  it("reads error_code, description and retry_after", () => {
    const error = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } }, "sendMessage", {});
    expect(toSendFailure(error)).toEqual({ kind: "telegram", code: 429, description: "Too Many Requests: retry after 3", retryAfterSec: 3 });
  });

  it("tells network errors and other errors apart", () => {
    expect(toSendFailure(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNREFUSED"))).kind).toBe("network");
    expect(toSendFailure(new TypeError("boom\nsecond line"))).toEqual({ kind: "other", message: "TypeError: boom" });
  });
});

describe("rate settings", () => {
  it("starts jobs two at a time, at the configured rate", () => {
    expect(outgoingLimiter(30)).toEqual({ max: 2, duration: 67 });
    expect(outgoingLimiter(25)).toEqual({ max: 2, duration: 80 });
    expect(outgoingLimiter(1)).toEqual({ max: 1, duration: 1000 });
  });

  it("paces sends 1 % slower than the rate (the send window keeps the second)", () => {
    expect(sendIntervalMs(30) * 30).toBeCloseTo(1010);
  });

  it("refuses a purpose or job registered twice, and unknown queues", () => {
    const renderer = { render: async () => null };
    expect(() => collectFeatureJobs([{ name: "a", renderers: { announcement: renderer } }, { name: "b", renderers: { announcement: renderer } }])).toThrow(/registered twice/);
    const job = async () => undefined;
    expect(() => collectFeatureJobs([{ name: "a", processors: { meeting: { "reminder-fanout": job } } }, { name: "b", processors: { meeting: { "reminder-fanout": job } } }])).toThrow(/twice/);
    expect(() => collectFeatureJobs([{ name: "a", processors: { nope: { j: job } } as never }])).toThrow(/unknown queue/);
  });

  it("refuses a renderer or a job the registry does not declare", () => {
    const renderer = { render: async () => null };
    expect(() => collectFeatureJobs([{ name: "a", renderers: { "not-declared": renderer } as never }])).toThrow(/undeclared purpose "not-declared"/);
    expect(() => collectFeatureJobs([{ name: "a", processors: { meeting: { "not-declared": async () => undefined } } as never }])).toThrow(/does not declare/);
  });
});
