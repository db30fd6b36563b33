import { addDays } from "date-fns/addDays";
import type { Clock } from "../../app-deps.js";
import type { PrismaClient } from "../../db/client.js";
import * as repo from "./onboarding.repository.js";
import {
  checkJoinCode,
  CONSENT_TEXT_VERSION,
  DEFAULT_MAX_USES,
  DEFAULT_VALIDITY_DAYS,
  generateJoinCode,
  isWellFormedJoinCode,
  joinerNeedsConsent,
  joinOfferOf,
  MAX_USES_RANGE,
  VALIDITY_DAYS_RANGE,
  type JoinCodeProblem,
  type JoinOffer,
  type RandomBytes,
} from "./onboarding.rules.js";

export * from "./onboarding.rules.js";

export type OnboardingDeps = { prisma: PrismaClient; clock: Clock; randomBytes?: RandomBytes };

/** Who asks: staff (and admins) manage join codes. The CLI acts as OPERATOR. */
export type Rights = { isStaff: boolean; personId: number | null };
export const OPERATOR: Rights = { isStaff: true, personId: null };

export type JoinCodeTarget = { kind: "group"; groupId: number; role: "member" | "coordinator" } | { kind: "stakeholder"; stakeholderId: number | null };

/** A join code as staff see it; JSON-safe. */
export type JoinCodeInfo = JoinOffer & { groupCode: string | null; stakeholderCode: string | null; uses: number; maxUses: number; createdAt: string };

function infoOf(row: repo.JoinCodeRow): JoinCodeInfo {
  return {
    ...joinOfferOf(row),
    groupCode: row.group?.code ?? null,
    stakeholderCode: row.stakeholder?.code ?? null,
    uses: row.uses,
    maxUses: row.maxUses,
    createdAt: row.createdAt.toISOString(),
  };
}

export type CreateJoinCodeResult =
  | { kind: "created"; joinCode: JoinCodeInfo }
  | { kind: "not-allowed" }
  | { kind: "unknown-group" }
  | { kind: "unknown-stakeholder" }
  | { kind: "invalid-days"; min: number; max: number }
  | { kind: "invalid-uses"; min: number; max: number };

export async function createJoinCode(
  deps: OnboardingDeps,
  input: { target: JoinCodeTarget; days?: number; maxUses?: number; rights: Rights },
): Promise<CreateJoinCodeResult> {
  if (!input.rights.isStaff) return { kind: "not-allowed" };
  const days = input.days ?? DEFAULT_VALIDITY_DAYS;
  const maxUses = input.maxUses ?? DEFAULT_MAX_USES;
  if (!Number.isInteger(days) || days < VALIDITY_DAYS_RANGE.min || days > VALIDITY_DAYS_RANGE.max) return { kind: "invalid-days", ...VALIDITY_DAYS_RANGE };
  if (!Number.isInteger(maxUses) || maxUses < MAX_USES_RANGE.min || maxUses > MAX_USES_RANGE.max) return { kind: "invalid-uses", ...MAX_USES_RANGE };

  const { target } = input;
  let groupId: number | null = null;
  let stakeholderId: number | null = null;
  if (target.kind === "group") {
    const group = await repo.findGroup(deps.prisma, { id: target.groupId });
    if (!group?.active) return { kind: "unknown-group" };
    groupId = group.id;
  } else if (target.stakeholderId !== null) {
    const stakeholder = await repo.findStakeholder(deps.prisma, { id: target.stakeholderId });
    if (!stakeholder?.active) return { kind: "unknown-stakeholder" };
    stakeholderId = stakeholder.id;
  }
  const now = deps.clock();
  const row = await repo.insertJoinCode(deps.prisma, {
    code: generateJoinCode(deps.randomBytes),
    role: target.kind === "group" ? target.role : "stakeholder",
    groupId,
    stakeholderId,
    expiresAt: addDays(now, days),
    maxUses,
    createdById: input.rights.personId,
    createdAt: now,
  });
  return { kind: "created", joinCode: infoOf(row) };
}

/** Codes that can still be used (not revoked, not expired, not used up), newest first. */
export async function listActiveJoinCodes(
  deps: OnboardingDeps,
  filter: { groupId?: number; stakeholders?: boolean } = {},
): Promise<JoinCodeInfo[]> {
  const rows = await repo.findUnexpiredJoinCodes(deps.prisma, filter, deps.clock());
  return rows.filter((row) => row.uses < row.maxUses).map(infoOf);
}

export type RevokeResult = { kind: "revoked"; joinCode: JoinCodeInfo } | { kind: "not-allowed" } | { kind: "not-found" } | { kind: "already-revoked" };

export async function revokeJoinCode(
  deps: OnboardingDeps,
  input: { joinCodeId?: number; code?: string; rights: Rights },
): Promise<RevokeResult> {
  if (!input.rights.isStaff) return { kind: "not-allowed" };
  const row =
    input.joinCodeId !== undefined
      ? await repo.findJoinCodeById(deps.prisma, input.joinCodeId)
      : input.code !== undefined && isWellFormedJoinCode(input.code)
        ? await repo.findJoinCodeByCode(deps.prisma, input.code)
        : null;
  if (!row) return { kind: "not-found" };
  const changed = await repo.markJoinCodeRevoked(deps.prisma, row.id, deps.clock());
  if (changed === 0) return { kind: "already-revoked" };
  return { kind: "revoked", joinCode: infoOf(row) };
}

/** What the joiner sees before any question: whether they must consent, and their stored name. */
export type JoinerInfo = { needsConsent: boolean; name: string | null };
export type JoinValidation = { kind: "ok"; offer: JoinOffer; joiner: JoinerInfo } | JoinCodeProblem;

/** Checks a presented /start code for this Telegram user. */
export async function validateJoinCode(deps: OnboardingDeps, presented: string, telegramId: bigint): Promise<JoinValidation> {
  if (!isWellFormedJoinCode(presented)) return { kind: "malformed" };
  const [row, joiner] = await Promise.all([repo.findJoinCodeByCode(deps.prisma, presented), repo.findJoiner(deps.prisma, telegramId)]);
  const check = checkJoinCode(presented, row, joiner, deps.clock());
  if (check.kind !== "ok") return check;
  const needsConsent = joinerNeedsConsent(joiner);
  return { kind: "ok", offer: check.offer, joiner: { needsConsent, name: needsConsent ? null : (joiner?.name ?? null) } };
}

export type JoinRequest = {
  code: string;
  telegramId: bigint;
  /** name and phone from the conversation; required when the joiner must consent */
  profile: { name: string; phone: string | null } | null;
  /** the institution chosen by the joiner, for a stakeholder code not bound to one */
  stakeholderId?: number | null;
};

export type JoinResult =
  | { kind: "joined"; personId: number; offer: JoinOffer; institution: string | null }
  | JoinCodeProblem
  | { kind: "consent-needed" }
  | { kind: "institution-needed" };

/**
 * Joins in one transaction: the code's use, the person (with consent time and version) and
 * the membership or stakeholder institution. The code is checked again here, since it may
 * have expired, been revoked or used up while the joiner was answering.
 */
export async function joinWithCode(deps: OnboardingDeps, request: JoinRequest): Promise<JoinResult> {
  if (!isWellFormedJoinCode(request.code)) return { kind: "malformed" };
  const now = deps.clock();
  return repo.inTransaction(deps.prisma, async (tx) => {
    const row = await repo.findJoinCodeByCode(tx, request.code);
    const joiner = await repo.findJoiner(tx, request.telegramId);
    const check = checkJoinCode(request.code, row, joiner, now);
    if (check.kind !== "ok") return check;
    if (!row) return { kind: "unknown" as const };
    const needsConsent = joinerNeedsConsent(joiner);
    if (needsConsent && !request.profile) return { kind: "consent-needed" as const };

    let institution: { id: number; institution: string } | null = null;
    if (row.role === "stakeholder") {
      const chosen = row.stakeholderId ?? request.stakeholderId ?? null;
      const stakeholder = chosen === null ? null : await repo.findStakeholder(tx, { id: chosen });
      if (!stakeholder?.active) return { kind: "institution-needed" as const };
      institution = stakeholder;
    }

    if (!(await repo.consumeJoinCodeUse(tx, row.id, now))) {
      // Someone else took the last use, or staff revoked it, a moment ago: say which.
      const again = checkJoinCode(request.code, await repo.findJoinCodeById(tx, row.id), joiner, now);
      return again.kind === "ok" ? { kind: "used-up" as const } : again;
    }

    let personId: number;
    if (needsConsent && request.profile) {
      personId = await repo.upsertConsentedPerson(tx, {
        telegramId: request.telegramId,
        name: request.profile.name,
        phone: request.profile.phone,
        consentAt: now,
        consentVersion: CONSENT_TEXT_VERSION,
        ...(institution ? { stakeholderId: institution.id } : {}),
      });
    } else {
      personId = joiner!.id;
      if (institution) await repo.setPersonStakeholder(tx, personId, institution.id);
    }
    if (row.role !== "stakeholder" && row.groupId !== null) {
      await repo.upsertMembership(tx, { personId, groupId: row.groupId, role: row.role, now });
    }
    return { kind: "joined" as const, personId, offer: joinOfferOf(row), institution: institution?.institution ?? null };
  });
}

export type LinkTargets = {
  programmes: Array<{ id: number; code: string; name: string; groups: Array<{ id: number; code: string; name: string; kelurahan: string }> }>;
  stakeholders: Array<{ id: number; code: string; institution: string }>;
};

/** Programmes with their groups, and the stakeholder institutions: what a link can be for. */
export async function listLinkTargets(deps: Pick<OnboardingDeps, "prisma">): Promise<LinkTargets> {
  const [programmes, stakeholders] = await Promise.all([repo.findProgrammesWithGroups(deps.prisma), repo.findActiveStakeholders(deps.prisma)]);
  return { programmes: programmes.filter((p) => p.groups.length > 0), stakeholders };
}

export async function findGroupByCode(deps: Pick<OnboardingDeps, "prisma">, code: string) {
  return repo.findGroup(deps.prisma, { code });
}

export async function findStakeholderByCode(deps: Pick<OnboardingDeps, "prisma">, code: string) {
  return repo.findStakeholder(deps.prisma, { code });
}

export async function addStaff(deps: Pick<OnboardingDeps, "prisma">, telegramId: bigint, admin: boolean) {
  return repo.upsertStaffRole(deps.prisma, telegramId, admin ? "admin" : "staff");
}

export async function removeStaff(deps: Pick<OnboardingDeps, "prisma">, telegramId: bigint) {
  return repo.clearStaffRole(deps.prisma, telegramId);
}
