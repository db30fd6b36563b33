import type { PrismaClient } from "../../db/client.js";
import { rightsSelect, STATUSES_WITH_RIGHTS } from "./people.rights.js";

/** The person behind a Telegram id, with what the bot needs on every update. */
export async function findPersonForActor(prisma: PrismaClient, telegramId: bigint) {
  return prisma.person.findUnique({
    where: { telegramId },
    select: { id: true, language: true, ...rightsSelect },
  });
}

export async function setLanguage(prisma: PrismaClient, personId: number, language: string) {
  await prisma.person.update({ where: { id: personId }, data: { language } });
}

/** An admin named in configuration gets a person row at first contact, so that what they do can be attributed. */
export async function ensureConfiguredAdmin(prisma: PrismaClient, telegramId: bigint) {
  return prisma.person.upsert({
    where: { telegramId },
    create: { telegramId, staffRole: "admin" },
    update: { staffRole: "admin" },
    select: { id: true },
  });
}

/**
 * A member without Telegram, added by their coordinator so that the coordinator can report for
 * them: a person with no Telegram id and an active membership in the group, in one transaction.
 */
export async function createMemberWithoutTelegram(prisma: PrismaClient, groupId: number, name: string) {
  return prisma.person.create({
    data: { telegramId: null, name, memberships: { create: { groupId, role: "member", status: "active" } } },
    select: { id: true, name: true },
  });
}

/** The person's active role in an active group, or null. */
export async function findActiveMembership(prisma: PrismaClient, personId: number, groupId: number) {
  return prisma.membership.findFirst({
    where: { personId, groupId, status: "active", group: { active: true }, person: { status: { in: STATUSES_WITH_RIGHTS } } },
    select: { role: true },
  });
}
