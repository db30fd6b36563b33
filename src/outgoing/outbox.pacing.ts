import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Send pacing shared by every worker process, through the app's Redis (keys under its prefix).
 *
 * BullMQ's limiter counts jobs when they start; the HTTP send comes a variable time later
 * (database, rendering), so sends bunch up and overflow Telegram's sliding one-second window.
 * Two things keep them apart:
 * - the pacer hands out send times `interval` apart, on Redis's clock, so that sends do not
 *   bunch; a 429 pushes the next send time past `retry_after`, so jobs already running hold
 *   off too;
 * - the send window, the last word right before each send: a log of the sends of the last
 *   second, each counted from the moment it leaves until its answer came back (Telegram counts
 *   it somewhere in between), lets no send out while `rate` others are in that second. A worker
 *   that stalls (garbage collection, a slow query) after taking its pacer slot sends late, and
 *   the ones behind it come in a bunch: the pacer alone then lets a 31st into a second.
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

const WINDOW_KEY = "outbox:window";
/** Telegram's window, and a little more for the clocks' millisecond rounding. */
export const SEND_WINDOW_MS = 1_005;
/** A send still waiting for its answer counts as this far in the future (so it stays in the window). */
const IN_FLIGHT_MS = 10_000;
/** The longest a waiting send sleeps before it asks again. */
const MAX_WINDOW_WAIT_MS = 100;

// ARGV: window ms, limit, token, in-flight ms. Returns 0 when the send may go (and logs it as
// in flight), else how many ms until it may ask again.
const ENTER = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now - window))
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], string.format('%.3f', now + tonumber(ARGV[4])), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window + tonumber(ARGV[4])))
  return 0
end
local blocking = redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(blocking[2]) + window - now))
`;

// The answer came back: the send counts from now (XX: not if the log has expired meanwhile).
const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
redis.call('ZADD', KEYS[1], 'XX', string.format('%.3f', now), ARGV[1])
return 1
`;

/**
 * Milliseconds between two sends for `ratePerSecond`, 1 % slower: the send window
 * (SEND_WINDOW_MS) is what keeps a second to `rate` sends; the pacer only spreads them so they
 * rarely have to wait there.
 */
export function sendIntervalMs(ratePerSecond: number): number {
  return 1010 / ratePerSecond;
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

/**
 * Waits until fewer than `limit` sends are in the last SEND_WINDOW_MS (every worker
 * together), then counts this one as in flight. Returns its token for `sendAnswered`
 * (or `sendCancelled` when it does not go after all).
 */
export async function enterSendWindow(redis: Redis, limit: number): Promise<string> {
  const token = randomUUID();
  for (;;) {
    const waitMs = Number(await redis.eval(ENTER, 1, WINDOW_KEY, String(SEND_WINDOW_MS), String(limit), token, String(IN_FLIGHT_MS)));
    if (waitMs === 0) return token;
    await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, MAX_WINDOW_WAIT_MS)));
  }
}

/** The send's answer (or error) came back: it counts from now until it leaves the window. */
export async function sendAnswered(redis: Redis, token: string): Promise<void> {
  await redis.eval(ANSWERED, 1, WINDOW_KEY, token);
}

/** The send did not go: it no longer counts. */
export async function sendCancelled(redis: Redis, token: string): Promise<void> {
  await redis.zrem(WINDOW_KEY, token);
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
