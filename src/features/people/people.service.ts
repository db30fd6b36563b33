import type { Actor } from "../../bot/context.js";
import { asLanguage } from "../../bot/i18n.js";
import type { PrismaClient } from "../../db/client.js";
import { createMemberWithoutTelegram, ensureConfiguredAdmin, findActiveMembership, findPersonForActor, setLanguage } from "./people.repository.js";
import { coordinatedGroupIds, isAdmin, isStaff, isStakeholder, memberGroupIds } from "./people.rights.js";

/** Stores the language a person chose for the bot (/bahasa). */
export async function chooseLanguage(prisma: PrismaClient, personId: number, language: string): Promise<void> {
  await setLanguage(prisma, personId, language);
}

/**
 * Resolves who is talking to the bot. Admins listed in ADMIN_TELEGRAM_IDS are admins from
 * the start, whether or not they have joined a group.
 */
export async function resolveActor(
  prisma: PrismaClient,
  telegramId: bigint,
  adminTelegramIds: readonly bigint[],
): Promise<Actor> {
  const configuredAdmin = adminTelegramIds.includes(telegramId);
  let person = await findPersonForActor(prisma, telegramId);
  if (configuredAdmin && person?.staffRole !== "admin") {
    await ensureConfiguredAdmin(prisma, telegramId);
    person = await findPersonForActor(prisma, telegramId);
  }
  if (!person) {
    return {
      telegramId,
      personId: null,
      status: null,
      language: "id",
      isStaff: false,
      isAdmin: false,
      coordinatorGroupIds: [],
      memberGroupIds: [],
      isStakeholder: false,
    };
  }
  // Every right comes from people.rights: a person who left or was erased has none.
  return {
    telegramId,
    personId: person.id,
    status: person.status,
    language: asLanguage(person.language),
    isAdmin: isAdmin(person, configuredAdmin),
    isStaff: isStaff(person, configuredAdmin),
    coordinatorGroupIds: coordinatedGroupIds(person),
    memberGroupIds: memberGroupIds(person),
    isStakeholder: isStakeholder(person),
  };
}

export type Role = "guest" | "member" | "coordinator" | "stakeholder" | "staff" | "admin";

/** The highest role, which decides the command menu and /bantuan. */
export function mainRole(actor: Actor | null): Role {
  if (!actor) return "guest";
  if (actor.isAdmin) return "admin";
  if (actor.isStaff) return "staff";
  if (actor.coordinatorGroupIds.length > 0) return "coordinator";
  if (actor.memberGroupIds.length > 0) return "member";
  if (actor.isStakeholder) return "stakeholder";
  return "guest";
}

export const MEMBER_NAME_MIN_LENGTH = 2;
export const MEMBER_NAME_MAX_LENGTH = 80;

export type AddMemberResult =
  | { kind: "added"; personId: number; name: string }
  | { kind: "invalid-name" }
  | { kind: "not-coordinator" };

/**
 * A coordinator adds a member who has no Telegram (they report through the coordinator).
 * The coordinator's right is read from the database, never from the button that led here.
 */
export async function addMemberWithoutTelegram(
  prisma: PrismaClient,
  input: { coordinatorPersonId: number; groupId: number; name: string },
): Promise<AddMemberResult> {
  const name = input.name.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (name.length < MEMBER_NAME_MIN_LENGTH || name.length > MEMBER_NAME_MAX_LENGTH || !/\p{L}/u.test(name) || name.startsWith("/")) {
    return { kind: "invalid-name" };
  }
  const membership = await findActiveMembership(prisma, input.coordinatorPersonId, input.groupId);
  if (membership?.role !== "coordinator") return { kind: "not-coordinator" };
  const person = await createMemberWithoutTelegram(prisma, input.groupId, name);
  return { kind: "added", personId: person.id, name };
}
