import type { Prisma, PrismaClient } from "../../db/client.js";

/** A client or an open transaction: the queries below run in either. */
export type Db = PrismaClient | Prisma.TransactionClient;

export type JoinRoleValue = "member" | "coordinator" | "stakeholder";
export type GroupRoleValue = "member" | "coordinator";

const joinCodeSelect = {
  id: true,
  code: true,
  role: true,
  groupId: true,
  stakeholderId: true,
  expiresAt: true,
  maxUses: true,
  uses: true,
  revokedAt: true,
  createdAt: true,
  group: { select: { code: true, name: true, active: true, programme: { select: { name: true } } } },
  stakeholder: { select: { code: true, institution: true, active: true } },
} as const;

export type JoinCodeRow = Prisma.JoinCodeGetPayload<{ select: typeof joinCodeSelect }>;

export async function findJoinCodeByCode(db: Db, code: string): Promise<JoinCodeRow | null> {
  return db.joinCode.findUnique({ where: { code }, select: joinCodeSelect });
}

export async function findJoinCodeById(db: Db, id: number): Promise<JoinCodeRow | null> {
  return db.joinCode.findUnique({ where: { id }, select: joinCodeSelect });
}

export async function insertJoinCode(
  db: Db,
  data: {
    code: string;
    role: JoinRoleValue;
    groupId: number | null;
    stakeholderId: number | null;
    expiresAt: Date;
    maxUses: number;
    createdById: number | null;
    createdAt: Date;
  },
): Promise<JoinCodeRow> {
  return db.joinCode.create({ data, select: joinCodeSelect });
}

/** Codes not revoked and not expired at `now` (used-up ones are filtered by the caller), newest first. */
export async function findUnexpiredJoinCodes(
  db: Db,
  filter: { groupId?: number; stakeholders?: boolean },
  now: Date,
): Promise<JoinCodeRow[]> {
  return db.joinCode.findMany({
    where: {
      revokedAt: null,
      expiresAt: { gt: now },
      ...(filter.groupId !== undefined ? { groupId: filter.groupId } : {}),
      ...(filter.stakeholders ? { role: "stakeholder" } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: joinCodeSelect,
  });
}

/** Marks a code revoked unless it already is; the number of rows changed (0 or 1). */
export async function markJoinCodeRevoked(db: Db, id: number, now: Date): Promise<number> {
  const result = await db.joinCode.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return result.count;
}

/**
 * Takes one use of a code, only while it is still usable. The row lock this UPDATE takes
 * makes a second joiner wait, then re-check `uses < max_uses` against the committed value:
 * two people racing for the last use cannot both get it.
 */
export async function consumeJoinCodeUse(db: Db, id: number, now: Date): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE join_code SET uses = uses + 1
    WHERE id = ${id} AND uses < max_uses AND revoked_at IS NULL AND expires_at > ${now}`;
  return changed === 1;
}

const joinerSelect = {
  id: true,
  name: true,
  status: true,
  consentAt: true,
  stakeholderId: true,
  memberships: { select: { groupId: true, role: true, status: true } },
} as const;

export type JoinerRow = Prisma.PersonGetPayload<{ select: typeof joinerSelect }>;

export async function findJoiner(db: Db, telegramId: bigint): Promise<JoinerRow | null> {
  return db.person.findUnique({ where: { telegramId }, select: joinerSelect });
}

/** A new consent: the person row is created, or an erased/left one starts over with fresh data. */
export async function upsertConsentedPerson(
  db: Db,
  data: {
    telegramId: bigint;
    name: string;
    phone: string | null;
    consentAt: Date;
    consentVersion: string;
    stakeholderId?: number;
  },
): Promise<number> {
  const fields = {
    name: data.name,
    phone: data.phone,
    consentAt: data.consentAt,
    consentVersion: data.consentVersion,
    language: "id",
    status: "active" as const,
    erasedAt: null,
    ...(data.stakeholderId !== undefined ? { stakeholderId: data.stakeholderId } : {}),
  };
  const person = await db.person.upsert({
    where: { telegramId: data.telegramId },
    create: { telegramId: data.telegramId, ...fields },
    update: fields,
    select: { id: true },
  });
  return person.id;
}

export async function setPersonStakeholder(db: Db, personId: number, stakeholderId: number): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { stakeholderId } });
}

/** Creates the membership, or reactivates it (after leaving) with the code's role. */
export async function upsertMembership(
  db: Db,
  data: { personId: number; groupId: number; role: GroupRoleValue; now: Date },
): Promise<void> {
  await db.membership.upsert({
    where: { personId_groupId: { personId: data.personId, groupId: data.groupId } },
    create: { personId: data.personId, groupId: data.groupId, role: data.role, joinedAt: data.now },
    update: { role: data.role, status: "active", leftAt: null, joinedAt: data.now },
  });
}

export async function inTransaction<T>(prisma: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { timeout: 15_000, maxWait: 15_000 });
}

/** Active programmes with their active groups, for choosing a link's group. */
export async function findProgrammesWithGroups(db: Db) {
  return db.programme.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      groups: { where: { active: true }, orderBy: { id: "asc" }, select: { id: true, code: true, name: true, kelurahan: true } },
    },
  });
}

export async function findActiveStakeholders(db: Db) {
  return db.stakeholder.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { id: true, code: true, institution: true },
  });
}

export async function findGroup(db: Db, where: { id: number } | { code: string }) {
  return db.group.findUnique({ where, select: { id: true, code: true, name: true, active: true } });
}

export async function findStakeholder(db: Db, where: { id: number } | { code: string }) {
  return db.stakeholder.findUnique({ where, select: { id: true, code: true, institution: true, active: true } });
}

/** Sets (or clears) a person's staff role, creating the person row for a new staff member. */
export async function upsertStaffRole(db: Db, telegramId: bigint, staffRole: "staff" | "admin"): Promise<{ id: number; created: boolean }> {
  const existing = await db.person.findUnique({ where: { telegramId }, select: { id: true } });
  if (existing) {
    await db.person.update({ where: { id: existing.id }, data: { staffRole } });
    return { id: existing.id, created: false };
  }
  const person = await db.person.create({ data: { telegramId, staffRole }, select: { id: true } });
  return { id: person.id, created: true };
}

export async function clearStaffRole(db: Db, telegramId: bigint): Promise<"cleared" | "not-staff" | "unknown"> {
  const existing = await db.person.findUnique({ where: { telegramId }, select: { id: true, staffRole: true } });
  if (!existing) return "unknown";
  if (existing.staffRole === null) return "not-staff";
  await db.person.update({ where: { id: existing.id }, data: { staffRole: null } });
  return "cleared";
}
