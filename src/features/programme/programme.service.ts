import type { Clock } from "../../app-deps.js";
import type { Prisma, PrismaClient } from "../../db/client.js";
import { GroupRole, MembershipStatus } from "../../generated/prisma/enums.js";
import { recordAudit, type AuditEntity, type AuditValue } from "../audit/audit.service.js";
import { isAdmin, isStaff, rightsSelect } from "../people/people.rights.js";
import {
  applyIndicatorPatch,
  changedFields,
  cleanName,
  groupCodeFor,
  type IndicatorFields,
  type IndicatorPatch,
  type PatchIssue,
} from "./programme.rules.js";

/**
 * Programmes that change: staff add and rename groups, deactivate and reactivate groups,
 * programmes, indicators and stakeholders, change indicators, make a member coordinator or
 * remove them from a group — from the bot (/kelola) and the CLI alike, through these functions
 * only. Each change and its audit entry (who, when, before → after) commit in one transaction.
 * Nothing is deleted: an inactive row keeps its history and reports, and leaves every question,
 * reminder, summary and menu (they all ask for `active`).
 *
 * Rights, read from the database at every change: groups, members and stakeholders are staff
 * work; programmes and indicators are for admins. The command line is the operator (admin).
 */

export type ProgrammeDeps = { prisma: PrismaClient; clock: Clock; adminTelegramIds: readonly bigint[] };

/** Who makes the change: a person in the bot (by Telegram id), or the operator at the command line. */
export type ChangeActor = { source: "bot"; telegramId: bigint } | { source: "console"; personId: number } | { source: "cli" };

export type Switchable = "group" | "programme" | "indicator" | "stakeholder";

export type ChangeResult<T = object> =
  | ({ kind: "changed" } & T)
  | { kind: "unchanged" }
  | { kind: "not-found" }
  | { kind: "forbidden" }
  | { kind: "invalid"; issue: PatchIssue | "name" | "code-taken" | "not-member" | "programme-inactive" };

type Right = "staff" | "admin";

/** The rights each kind of change needs. */
export const RIGHT_NEEDED: Record<Switchable | "membership", Right> = {
  group: "staff",
  stakeholder: "staff",
  membership: "staff",
  programme: "admin",
  indicator: "admin",
};

/** The actor's person id (null: the operator) when they hold the right, else "forbidden". */
async function authorize(deps: ProgrammeDeps, actor: ChangeActor, right: Right): Promise<{ actorId: number | null } | "forbidden"> {
  if (actor.source === "cli") return { actorId: null };
  const where = actor.source === "bot" ? { telegramId: actor.telegramId } : { id: actor.personId };
  const person = await deps.prisma.person.findUnique({ where, select: { id: true, telegramId: true, ...rightsSelect } });
  const telegramId = actor.source === "bot" ? actor.telegramId : person?.telegramId;
  const configured = telegramId !== null && telegramId !== undefined && deps.adminTelegramIds.includes(telegramId);
  const subject = person ?? { status: "active" as const, staffRole: null };
  const allowed = right === "admin" ? isAdmin(subject, configured) : isStaff(subject, configured);
  return allowed ? { actorId: person?.id ?? null } : "forbidden";
}

/** Runs a change with its audit entry in one transaction, after the rights check. */
async function change<T extends object>(
  deps: ProgrammeDeps,
  actor: ChangeActor,
  right: Right,
  work: (tx: Prisma.TransactionClient, audit: (entity: AuditEntity, entityId: number, action: string, before: AuditValue | null, after: AuditValue | null) => Promise<void>) => Promise<ChangeResult<T>>,
): Promise<ChangeResult<T>> {
  const who = await authorize(deps, actor, right);
  if (who === "forbidden") return { kind: "forbidden" };
  return deps.prisma.$transaction(async (tx) =>
    work(tx, async (entity, entityId, action, before, after) => {
      await recordAudit(tx, { actorId: who.actorId, source: actor.source, entity, entityId, action, before, after });
    }),
  );
}

/**
 * Deactivates or reactivates a group, programme, indicator or stakeholder (nothing is deleted).
 * A programme takes its active groups with it (every reminder, summary, audience and menu asks
 * for active groups), and its reactivation brings back exactly those groups.
 */
export function setActive(deps: ProgrammeDeps, actor: ChangeActor, entity: Switchable, id: number, active: boolean): Promise<ChangeResult> {
  if (entity === "programme") return setProgrammeActive(deps, actor, id, active);
  return change<object>(deps, actor, RIGHT_NEEDED[entity], async (tx, audit) => {
    const where = { where: { id }, select: { active: true } } as const;
    const row =
      entity === "group"
        ? await tx.group.findUnique(where)
        : entity === "indicator"
          ? await tx.indicator.findUnique(where)
          : await tx.stakeholder.findUnique(where);
    if (!row) return { kind: "not-found" };
    if (row.active === active) return { kind: "unchanged" };
    const data = { where: { id }, data: { active } };
    if (entity === "group") await tx.group.update(data);
    else if (entity === "indicator") await tx.indicator.update(data);
    else await tx.stakeholder.update(data);
    await audit(entity, id, active ? "reactivate" : "deactivate", { active: !active }, { active });
    return { kind: "changed" };
  });
}

function setProgrammeActive(deps: ProgrammeDeps, actor: ChangeActor, id: number, active: boolean): Promise<ChangeResult> {
  return change<object>(deps, actor, RIGHT_NEEDED.programme, async (tx, audit) => {
    const programme = await tx.programme.findUnique({ where: { id }, select: { active: true } });
    if (!programme) return { kind: "not-found" };
    if (programme.active === active) return { kind: "unchanged" };
    let groupIds: number[];
    if (!active) {
      groupIds = (await tx.group.findMany({ where: { programmeId: id, active: true }, select: { id: true } })).map((g) => g.id);
    } else {
      // the groups its deactivation took with it, and that are still inactive
      const last = await tx.auditEntry.findFirst({ where: { entity: "programme", entityId: id, action: "deactivate" }, orderBy: { id: "desc" }, select: { after: true } });
      const taken = (last?.after as { groupIds?: unknown } | null)?.groupIds;
      const ids = Array.isArray(taken) ? taken.filter((g): g is number => typeof g === "number") : [];
      groupIds = (await tx.group.findMany({ where: { id: { in: ids }, programmeId: id, active: false }, select: { id: true } })).map((g) => g.id);
    }
    await tx.programme.update({ where: { id }, data: { active } });
    await tx.group.updateMany({ where: { id: { in: groupIds } }, data: { active } });
    const action = active ? "reactivate" : "deactivate";
    await audit("programme", id, action, { active: !active }, { active, groupIds });
    for (const groupId of groupIds) await audit("group", groupId, action, { active: !active }, { active, withProgramme: id });
    return { kind: "changed" };
  });
}

/** A new group of an active programme; its code is made from the programme's code and the name. */
export function addGroup(
  deps: ProgrammeDeps,
  actor: ChangeActor,
  input: { programmeId: number; name: string; kelurahan: string; code?: string },
): Promise<ChangeResult<{ groupId: number; code: string }>> {
  return change<{ groupId: number; code: string }>(deps, actor, RIGHT_NEEDED.group, async (tx, audit) => {
    const name = cleanName(input.name);
    const kelurahan = cleanName(input.kelurahan);
    if (name === null || kelurahan === null) return { kind: "invalid", issue: "name" };
    const programme = await tx.programme.findUnique({ where: { id: input.programmeId }, select: { code: true, active: true } });
    if (!programme) return { kind: "not-found" };
    if (!programme.active) return { kind: "invalid", issue: "programme-inactive" };
    const code = input.code?.trim() || groupCodeFor(programme.code, `${name} ${kelurahan}`);
    if (!/^[a-z0-9][a-z0-9-]{1,59}$/.test(code)) return { kind: "invalid", issue: "name" };
    if (await tx.group.findUnique({ where: { code }, select: { id: true } })) return { kind: "invalid", issue: "code-taken" };
    const group = await tx.group.create({ data: { code, name, kelurahan, programmeId: input.programmeId }, select: { id: true } });
    await audit("group", group.id, "create", null, { code, name, kelurahan, programmeId: input.programmeId, active: true });
    return { kind: "changed", groupId: group.id, code };
  });
}

export function renameGroup(deps: ProgrammeDeps, actor: ChangeActor, groupId: number, rawName: string): Promise<ChangeResult> {
  return change<object>(deps, actor, RIGHT_NEEDED.group, async (tx, audit) => {
    const name = cleanName(rawName);
    if (name === null) return { kind: "invalid", issue: "name" };
    const group = await tx.group.findUnique({ where: { id: groupId }, select: { name: true } });
    if (!group) return { kind: "not-found" };
    if (group.name === name) return { kind: "unchanged" };
    await tx.group.update({ where: { id: groupId }, data: { name } });
    await audit("group", groupId, "rename", { name: group.name }, { name });
    return { kind: "changed" };
  });
}

const indicatorFields = {
  labelId: true,
  labelEn: true,
  minValue: true,
  maxValue: true,
  position: true,
  required: true,
  reportedBy: true,
  aggregation: true,
} as const;

/** Labels, bounds, order, required flag, who reports it and how it adds up. */
export function updateIndicator(deps: ProgrammeDeps, actor: ChangeActor, indicatorId: number, patch: IndicatorPatch): Promise<ChangeResult> {
  return change<object>(deps, actor, RIGHT_NEEDED.indicator, async (tx, audit) => {
    const row = await tx.indicator.findUnique({ where: { id: indicatorId }, select: indicatorFields });
    if (!row) return { kind: "not-found" };
    const current: IndicatorFields = { ...row, minValue: row.minValue.toFixed(), maxValue: row.maxValue.toFixed() };
    const applied = applyIndicatorPatch(current, patch);
    if (applied.kind === "invalid") return applied;
    const diff = changedFields(current, applied.next);
    if (!diff) return { kind: "unchanged" };
    await tx.indicator.update({ where: { id: indicatorId }, data: applied.next });
    await audit("indicator", indicatorId, "update", diff.before, diff.after);
    return { kind: "changed" };
  });
}

/** Makes an active member the group's coordinator (or a coordinator a plain member again). */
export function setMemberRole(deps: ProgrammeDeps, actor: ChangeActor, groupId: number, personId: number, role: GroupRole): Promise<ChangeResult> {
  return change<object>(deps, actor, RIGHT_NEEDED.membership, async (tx, audit) => {
    const membership = await tx.membership.findUnique({ where: { personId_groupId: { personId, groupId } }, select: { id: true, role: true, status: true } });
    if (!membership || membership.status !== MembershipStatus.active) return { kind: "invalid", issue: "not-member" };
    if (membership.role === role) return { kind: "unchanged" };
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await audit("membership", membership.id, role === GroupRole.coordinator ? "make-coordinator" : "make-member", { role: membership.role }, { role });
    return { kind: "changed" };
  });
}

/** Takes a member out of a group: the membership is marked left; their reports stay. */
export function removeMember(deps: ProgrammeDeps, actor: ChangeActor, groupId: number, personId: number): Promise<ChangeResult> {
  return change<object>(deps, actor, RIGHT_NEEDED.membership, async (tx, audit) => {
    const membership = await tx.membership.findUnique({ where: { personId_groupId: { personId, groupId } }, select: { id: true, status: true, role: true } });
    if (!membership) return { kind: "invalid", issue: "not-member" };
    if (membership.status === MembershipStatus.left) return { kind: "unchanged" };
    const leftAt = deps.clock();
    await tx.membership.update({ where: { id: membership.id }, data: { status: MembershipStatus.left, leftAt } });
    await audit("membership", membership.id, "remove", { status: membership.status, role: membership.role }, { status: MembershipStatus.left, leftAt });
    return { kind: "changed" };
  });
}

// ── what staff choose from (inactive ones too: they are reactivated from here) ─────────

export async function listProgrammes(deps: Pick<ProgrammeDeps, "prisma">) {
  return deps.prisma.programme.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      active: true,
      groups: { orderBy: { name: "asc" }, select: { id: true, code: true, name: true, kelurahan: true, active: true } },
      indicators: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, code: true, labelId: true, labelEn: true, unit: true, active: true, required: true, position: true, minValue: true, maxValue: true, reportedBy: true, aggregation: true },
      },
    },
  });
}

export async function listStakeholders(deps: Pick<ProgrammeDeps, "prisma">) {
  return deps.prisma.stakeholder.findMany({ orderBy: { institution: "asc" }, select: { id: true, code: true, institution: true, active: true } });
}

/** A group's active members, coordinators first. */
export async function groupMembers(deps: Pick<ProgrammeDeps, "prisma">, groupId: number) {
  const rows = await deps.prisma.membership.findMany({
    where: { groupId, status: MembershipStatus.active },
    orderBy: [{ role: "desc" }, { person: { name: "asc" } }],
    select: { role: true, person: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ personId: r.person.id, name: r.person.name, role: r.role }));
}
