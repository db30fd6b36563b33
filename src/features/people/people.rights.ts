import type { PrismaClient } from "../../db/client.js";
import { GroupRole, PersonStatus, StaffRole } from "../../generated/prisma/enums.js";

/**
 * Who may do what: the one place that decides rights. Every feature asks here (through the
 * grammY filter in `bot/filters/is-staff.filter.ts` for commands and buttons, and through
 * `staffById` where a service re-reads rights from the database before acting).
 *
 * A person who left or whose data was erased has no rights at all, whatever role is still
 * stored on them; `unreachable` (the bot's messages bounce) takes nothing away.
 */

/** What rights are read from: a person's status, staff role and active memberships of active groups. */
export type RightsSubject = {
  status: PersonStatus;
  staffRole: StaffRole | null;
  memberships: ReadonlyArray<{ groupId: number; role: GroupRole }>;
  stakeholderId?: number | null;
};

const WITHOUT_RIGHTS: ReadonlySet<PersonStatus> = new Set([PersonStatus.left, PersonStatus.erased]);

/** Statuses of a person who keeps their rights and memberships (for Prisma filters). */
export const STATUSES_WITH_RIGHTS: PersonStatus[] = Object.values(PersonStatus).filter((s) => !WITHOUT_RIGHTS.has(s));

/** Whether a person of this status has any rights (left and erased have none). */
export function hasRights(status: PersonStatus): boolean {
  return !WITHOUT_RIGHTS.has(status);
}

/** An admin: stored as one, or named in configuration (ADMIN_TELEGRAM_IDS) — and not left or erased. */
export function isAdmin(p: Pick<RightsSubject, "status" | "staffRole">, configuredAdmin = false): boolean {
  return hasRights(p.status) && (configuredAdmin || p.staffRole === StaffRole.admin);
}

/** Staff (admins included) — and not left or erased. */
export function isStaff(p: Pick<RightsSubject, "status" | "staffRole">, configuredAdmin = false): boolean {
  return hasRights(p.status) && (configuredAdmin || p.staffRole !== null);
}

/** The groups the person is an active member of (coordinators included); none after leaving or erasure. */
export function memberGroupIds(p: Pick<RightsSubject, "status" | "memberships">): number[] {
  return hasRights(p.status) ? p.memberships.map((m) => m.groupId) : [];
}

/** The groups the person coordinates; none after leaving or erasure. */
export function coordinatedGroupIds(p: Pick<RightsSubject, "status" | "memberships">): number[] {
  return hasRights(p.status) ? p.memberships.filter((m) => m.role === GroupRole.coordinator).map((m) => m.groupId) : [];
}

export function coordinates(p: Pick<RightsSubject, "status" | "memberships">, groupId: number): boolean {
  return coordinatedGroupIds(p).includes(groupId);
}

/** An active member of at least one active group. */
export function isActiveMember(p: Pick<RightsSubject, "status" | "memberships">): boolean {
  return memberGroupIds(p).length > 0;
}

/** Speaks for an institution (a stakeholder) and has not left. */
export function isStakeholder(p: Pick<RightsSubject, "status" | "stakeholderId">): boolean {
  return hasRights(p.status) && p.stakeholderId !== null && p.stakeholderId !== undefined;
}

/** The fields rights are read from, for a Prisma select on a person. */
export const rightsSelect = {
  status: true,
  staffRole: true,
  stakeholderId: true,
  memberships: { where: { status: "active", group: { active: true } }, select: { groupId: true, role: true } },
} as const;

/** A person's rights as stored now, or null when there is no such person. */
export async function rightsById(prisma: PrismaClient, personId: number): Promise<RightsSubject | null> {
  return prisma.person.findUnique({ where: { id: personId }, select: rightsSelect });
}

/** Staff rights read from the database (never from a button): what services check before acting. */
export async function staffById(prisma: PrismaClient, personId: number): Promise<boolean> {
  const person = await rightsById(prisma, personId);
  return person !== null && isStaff(person);
}
