import type { PrismaClient } from "../db/client.js";
import type { OutgoingRequest } from "../jobs/outgoing.types.js";
import { SEND_INTERRUPTED, type DeliveryStatus, type PersonStatus } from "./outbox.decide.js";

export type OutgoingRow = {
  id: number;
  key: string;
  purpose: string;
  personId: number;
  meetingId: number | null;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
};

export type OutgoingWithRecipient = OutgoingRow & {
  person: { id: number; telegramId: bigint | null; status: PersonStatus; language: string } | null;
};

const ROW = { id: true, key: true, purpose: true, personId: true, meetingId: true, status: true, error: true, attempts: true } as const;

/** Creates the rows that do not exist yet (by key); returns every requested row as it is now and the keys that were new. */
export async function upsertRows(prisma: PrismaClient, requests: OutgoingRequest[]): Promise<{ rows: OutgoingRow[]; created: Set<string> }> {
  if (requests.length === 0) return { rows: [], created: new Set() };
  const keys = requests.map((r) => r.key);
  const existing = new Set((await prisma.outgoingMessage.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((r) => r.key));
  const missing = requests.filter((r) => !existing.has(r.key));
  if (missing.length > 0) {
    await prisma.outgoingMessage.createMany({
      data: missing.map((r) => ({ key: r.key, purpose: r.purpose, personId: r.personId, meetingId: r.meetingId ?? null, announcementId: r.announcementId ?? null })),
      skipDuplicates: true,
    });
  }
  const rows = await prisma.outgoingMessage.findMany({ where: { key: { in: keys } }, select: ROW });
  return { rows, created: new Set(missing.map((r) => r.key)) };
}

/** Rows never delivered (cancelled, skipped, failed, unreachable) go back to `queued`; returns the keys that did. */
export async function requeueRows(prisma: PrismaClient, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    UPDATE outgoing_message SET status = 'queued', error = NULL
    WHERE key = ANY(${keys}::text[]) AND status IN ('skipped', 'failed', 'unreachable')
    RETURNING key`;
  return rows.map((r) => r.key);
}

/** Queued rows of these keys become skipped ("cancelled"); returns the keys that did. */
export async function cancelRows(prisma: PrismaClient, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    UPDATE outgoing_message SET status = 'skipped', error = 'cancelled'
    WHERE key = ANY(${keys}::text[]) AND status = 'queued'
    RETURNING key`;
  return rows.map((r) => r.key);
}

export function loadForSending(prisma: PrismaClient, id: number): Promise<OutgoingWithRecipient | null> {
  return prisma.outgoingMessage.findUnique({
    where: { id },
    select: { ...ROW, person: { select: { id: true, telegramId: true, status: true, language: true } } },
  });
}

/**
 * Claims the row for one send: counts the attempt and leaves a mark that is replaced by the
 * outcome. False when the row is no longer queued (cancelled or finished meanwhile): no send.
 */
export async function claimForSend(prisma: PrismaClient, id: number): Promise<boolean> {
  const { count } = await prisma.outgoingMessage.updateMany({
    where: { id, status: "queued" },
    data: { attempts: { increment: 1 }, error: SEND_INTERRUPTED },
  });
  return count === 1;
}

/** Undoes a claim whose send did not start (the chat's slot was taken). */
export async function releaseClaim(prisma: PrismaClient, id: number, previousError: string | null): Promise<void> {
  await prisma.outgoingMessage.updateMany({ where: { id, status: "queued" }, data: { attempts: { decrement: 1 }, error: previousError } });
}

/** Telegram took it: recorded whatever the row says now (a message that left is a fact). */
export async function markSent(prisma: PrismaClient, id: number, messageId: number, at: Date): Promise<void> {
  await prisma.outgoingMessage.update({ where: { id }, data: { status: "sent", sentAt: at, telegramMessageId: messageId, error: null } });
}

export async function markSkipped(prisma: PrismaClient, id: number, reason: string): Promise<void> {
  await prisma.outgoingMessage.updateMany({ where: { id, status: "queued" }, data: { status: "skipped", error: reason } });
}

export async function markFailed(prisma: PrismaClient, id: number, error: string): Promise<void> {
  await prisma.outgoingMessage.updateMany({ where: { id, status: "queued" }, data: { status: "failed", error } });
}

/** The row stays queued for the next try, with the last error. */
export async function recordError(prisma: PrismaClient, id: number, error: string): Promise<void> {
  await prisma.outgoingMessage.updateMany({ where: { id, status: "queued" }, data: { error } });
}

/** Telegram refused the person (blocked, deactivated, chat gone): the row and the person (if still active) become unreachable. */
export async function markUnreachable(prisma: PrismaClient, id: number, personId: number, error: string, at: Date): Promise<void> {
  await prisma.$transaction([
    prisma.outgoingMessage.update({ where: { id }, data: { status: "unreachable", error } }),
    prisma.person.updateMany({ where: { id: personId, status: "active" }, data: { status: "unreachable", unreachableAt: at } }),
  ]);
}
