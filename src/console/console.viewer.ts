import type { Language } from "../bot/context.js";
import { asLanguage } from "../bot/i18n.js";
import type { PrismaClient } from "../db/client.js";
import { coordinatedGroupIds, isAdmin, isStaff, rightsSelect } from "../features/people/people.rights.js";

/**
 * Who is looking at the console, re-read from the database on every request through the one
 * rights module: a staff member removed in the bot loses the console at their next click.
 * Staff and admins see everything (admins also the settings); a coordinator sees their own
 * groups, read-only; anyone else (members, stakeholders, people who left or were erased) is refused.
 */
export type Viewer = {
  personId: number;
  language: Language;
  isStaff: boolean;
  isAdmin: boolean;
  /** the active groups this person coordinates (they matter only for non-staff) */
  coordinatorGroupIds: number[];
};

export async function loadViewer(prisma: PrismaClient, personId: number, adminTelegramIds: readonly bigint[]): Promise<Viewer | null> {
  const person = await prisma.person.findUnique({ where: { id: personId }, select: { ...rightsSelect, language: true, telegramId: true } });
  if (!person) return null;
  const configuredAdmin = person.telegramId !== null && adminTelegramIds.includes(person.telegramId);
  const viewer: Viewer = {
    personId,
    language: asLanguage(person.language),
    isStaff: isStaff(person, configuredAdmin),
    isAdmin: isAdmin(person, configuredAdmin),
    coordinatorGroupIds: coordinatedGroupIds(person),
  };
  return viewer.isStaff || viewer.coordinatorGroupIds.length > 0 ? viewer : null;
}

/** Whether the viewer may see a group's page and figures. */
export function canSeeGroup(viewer: Viewer, groupId: number): boolean {
  return viewer.isStaff || viewer.coordinatorGroupIds.includes(groupId);
}
