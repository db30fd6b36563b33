import type { Redis } from "ioredis";

/**
 * Send pacing shared by every worker process, through the app's Redis (keys under its prefix).
 *
 * BullMQ's limiter counts jobs when they start; the HTTP send comes a variable time later
 * (database, rendering), so sends bunch up and overflow Telegram's sliding one-second window.
 * The pacer hands out send times `interval` apart, on Redis's clock, right before the send.
 * A 429 pushes the next send time past `retry_after`, so jobs already running hold off too.
 */

const PACE_KEY = "outbox:pace";
/** The key (under the app's Redis prefix) that holds a chat's send slot. */
export const chatSlotKey = (telegramId: bigint) => `outbox:chat:${telegramId}`;

// Times are milliseconds with three decimals (Redis TIME has microseconds); "%.3f" keeps every digit.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, free)
redis.call('SET', KEYS[1], string.format('%.3f', slot + tonumber(ARGV[1])), 'PX', 600000)
return math.ceil(slot - now)
`;

const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local untilMs = now + tonumber(ARGV[1])
if untilMs > free then redis.call('SET', KEYS[1], string.format('%.3f', untilMs), 'PX', 600000) end
return 1
`;

/**
 * Milliseconds between two sends for `ratePerSecond`, 4.5 % slower: the 30 sends that fit in
 * a second then span 1,045 ms, so up to 45 ms of jitter between pacing and arrival still never
 * makes 31 in Telegram's sliding second (with 3 %, 5 of 1,000 sends still met a 429, each
 * pausing the whole queue for a second).
 */
export function sendIntervalMs(ratePerSecond: number): number {
  return 1045 / ratePerSecond;
}

/** Reserves the next send time and waits for it. */
export async function waitForSendSlot(redis: Redis, intervalMs: number): Promise<void> {
  const waitMs = Number(await redis.eval(RESERVE, 1, PACE_KEY, String(intervalMs)));
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

/** After a 429: no send from any worker for `ms`. */
export async function holdSends(redis: Redis, ms: number): Promise<void> {
  await redis.eval(HOLD, 1, PACE_KEY, String(ms));
}

/** Takes the chat's send slot for `intervalMs`; returns 0 when taken, else how long until it is free. */
export async function takeChatSlot(redis: Redis, telegramId: bigint, intervalMs: number): Promise<number> {
  const key = chatSlotKey(telegramId);
  for (let tries = 0; tries < 3; tries++) {
    if ((await redis.set(key, "1", "PX", intervalMs, "NX")) === "OK") return 0;
    const ttl = await redis.pttl(key);
    if (ttl > 0) return ttl;
    // -2: it expired between the two calls; -1 cannot happen (always set with PX) but would block forever
    if (ttl === -1) await redis.del(key);
  }
  return intervalMs;
}
