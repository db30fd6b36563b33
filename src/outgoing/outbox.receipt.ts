import type { Redis } from "ioredis";

/**
 * A receipt: Telegram's message id, written to Redis the moment Telegram accepted a message,
 * before the row is marked sent in the database. A worker killed between the two leaves the
 * row "interrupted during send"; the next try finds the receipt, records the message as sent
 * and does not send it again. The command is on its way to Redis within the same tick as the
 * answer (a killed process's socket still delivers what it had written), so only a kill while
 * Telegram's answer is still travelling can send a message twice.
 */

/** Long enough for any retry of the row; dropped as soon as the row says `sent`. */
const RECEIPT_TTL_MS = 7 * 24 * 3600 * 1000;

export const receiptKey = (outgoingId: number) => `outbox:receipt:${outgoingId}`;

export function writeReceipt(redis: Redis, outgoingId: number, messageId: number): Promise<unknown> {
  return redis.set(receiptKey(outgoingId), String(messageId), "PX", RECEIPT_TTL_MS);
}

/** The message id Telegram gave an earlier, cut-off try of this row, if it got that far. */
export async function readReceipt(redis: Redis, outgoingId: number): Promise<number | null> {
  const value = await redis.get(receiptKey(outgoingId));
  const messageId = value === null ? NaN : Number(value);
  return Number.isSafeInteger(messageId) ? messageId : null;
}

export function dropReceipt(redis: Redis, outgoingId: number): Promise<unknown> {
  return redis.del(receiptKey(outgoingId));
}
