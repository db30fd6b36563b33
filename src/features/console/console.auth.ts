import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * The console's way in: a one-time link made by /konsol, then a session cookie. Both live in
 * Redis under the hash of their secret (a copy of Redis never holds a usable link or session).
 */
export const LOGIN_LINK_TTL_SECONDS = 10 * 60;
export const SESSION_IDLE_SECONDS = 12 * 3600;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
const linkKey = (token: string) => `console:link:${hash(token)}`;
const sessionKey = (sessionId: string) => `console:session:${hash(sessionId)}`;

/** 32 random bytes, base64url: what goes into the link or the cookie. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A link token bound to one person, valid LOGIN_LINK_TTL_SECONDS, usable once. */
export async function createLoginToken(redis: Redis, personId: number): Promise<string> {
  const token = newSecret();
  await redis.set(linkKey(token), String(personId), "EX", LOGIN_LINK_TTL_SECONDS);
  return token;
}

/** The person a link was made for, once: the token is gone after this call, whatever it returns. */
export async function redeemLoginToken(redis: Redis, token: string): Promise<number | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const personId = await redis.getdel(linkKey(token));
  return personId === null ? null : Number(personId);
}

export async function createSession(redis: Redis, personId: number): Promise<string> {
  const sessionId = newSecret();
  await redis.set(sessionKey(sessionId), String(personId), "EX", SESSION_IDLE_SECONDS);
  return sessionId;
}

/** The session's person; every read extends the idle expiry. */
export async function readSession(redis: Redis, sessionId: string | undefined): Promise<number | null> {
  if (sessionId === undefined || !TOKEN_PATTERN.test(sessionId)) return null;
  const key = sessionKey(sessionId);
  const personId = await redis.getex(key, "EX", SESSION_IDLE_SECONDS);
  return personId === null ? null : Number(personId);
}

export async function endSession(redis: Redis, sessionId: string | undefined): Promise<void> {
  if (sessionId === undefined || !TOKEN_PATTERN.test(sessionId)) return;
  await redis.del(sessionKey(sessionId));
}
