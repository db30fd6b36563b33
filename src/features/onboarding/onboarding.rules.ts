import { randomBytes } from "node:crypto";
import type { JoinCodeRow, JoinerRow, JoinRoleValue } from "./onboarding.repository.js";

/**
 * The pure rules of joining: join codes, what a presented code is worth, names and phone
 * numbers. No I/O; the clock and randomness come in as arguments.
 */

/** Raise when the consent text in locales/ changes in substance; stored with each consent. */
export const CONSENT_TEXT_VERSION = "2026-11";

/** 16 random bytes = 128 bits, written as 22 characters of base64url (a valid /start payload). */
export const JOIN_CODE_BYTES = 16;
export const JOIN_CODE_LENGTH = 22;
/** Telegram deep-link payloads: up to 64 characters of A-Z a-z 0-9 _ -. Shorter ones were never issued by us. */
const WELL_FORMED_CODE = /^[A-Za-z0-9_-]{16,64}$/;

export const DEFAULT_VALIDITY_DAYS = 14;
export const DEFAULT_MAX_USES = 50;
export const VALIDITY_DAY_CHOICES = [7, 14, 30] as const;
export const MAX_USES_CHOICES = [1, 10, 50] as const;
export const VALIDITY_DAYS_RANGE = { min: 1, max: 365 } as const;
export const MAX_USES_RANGE = { min: 1, max: 1000 } as const;

export const NAME_LENGTH = { min: 2, max: 80 } as const;

export type RandomBytes = (size: number) => Buffer;

export function generateJoinCode(random: RandomBytes = randomBytes): string {
  return random(JOIN_CODE_BYTES).toString("base64url");
}

export function isWellFormedJoinCode(code: string): boolean {
  return WELL_FORMED_CODE.test(code);
}

export function joinLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername.replace(/^@/, "")}?start=${code}`;
}

/** What a join code leads to, JSON-safe (it travels through conversation state). */
export type JoinOffer = {
  joinCodeId: number;
  code: string;
  role: JoinRoleValue;
  groupId: number | null;
  groupName: string | null;
  programmeName: string | null;
  /** the institution the code is bound to; null for a stakeholder code where the joiner chooses */
  stakeholderId: number | null;
  institution: string | null;
  expiresAt: string;
};

export type JoinCodeProblem =
  | { kind: "malformed" }
  | { kind: "unknown" }
  | { kind: "expired"; expiredAt: string }
  | { kind: "revoked" }
  | { kind: "used-up" }
  | { kind: "already-member"; role: JoinRoleValue; groupName: string | null; institution: string | null };

export type JoinCodeCheck = { kind: "ok"; offer: JoinOffer } | JoinCodeProblem;

export function joinOfferOf(row: JoinCodeRow): JoinOffer {
  return {
    joinCodeId: row.id,
    code: row.code,
    role: row.role,
    groupId: row.groupId,
    groupName: row.group?.name ?? null,
    programmeName: row.group?.programme.name ?? null,
    stakeholderId: row.stakeholderId,
    institution: row.stakeholder?.institution ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** A person who left, was erased or never consented starts over: consent, name, phone. */
export function joinerNeedsConsent(joiner: JoinerRow | null): boolean {
  if (!joiner) return true;
  if (joiner.status === "erased" || joiner.status === "left") return true;
  return joiner.consentAt === null;
}

function activeJoiner(joiner: JoinerRow | null): JoinerRow | null {
  return joiner && (joiner.status === "active" || joiner.status === "unreachable") ? joiner : null;
}

/**
 * What a presented code is worth for this joiner at `now`. A member who gets a coordinator
 * code of their own group is promoted, not turned away.
 */
export function checkJoinCode(presented: string, row: JoinCodeRow | null, joiner: JoinerRow | null, now: Date): JoinCodeCheck {
  if (!isWellFormedJoinCode(presented)) return { kind: "malformed" };
  if (!row) return { kind: "unknown" };
  // A link to a group or institution that was deactivated is as good as withdrawn.
  if (row.revokedAt !== null || row.group?.active === false || row.stakeholder?.active === false) return { kind: "revoked" };
  if (row.expiresAt.getTime() <= now.getTime()) return { kind: "expired", expiredAt: row.expiresAt.toISOString() };
  if (row.uses >= row.maxUses) return { kind: "used-up" };

  const person = activeJoiner(joiner);
  const already: JoinCodeProblem = {
    kind: "already-member",
    role: row.role,
    groupName: row.group?.name ?? null,
    institution: row.stakeholder?.institution ?? null,
  };
  if (person && row.role === "stakeholder") {
    if (person.stakeholderId !== null && (row.stakeholderId === null || row.stakeholderId === person.stakeholderId)) return already;
  } else if (person && row.groupId !== null) {
    const membership = person.memberships.find((m) => m.groupId === row.groupId && m.status === "active");
    if (membership && !(membership.role === "member" && row.role === "coordinator")) return already;
  }
  return { kind: "ok", offer: joinOfferOf(row) };
}

export type NameCheck =
  | { kind: "ok"; name: string }
  | { kind: "too-short" }
  | { kind: "too-long" }
  | { kind: "command" }
  | { kind: "no-letters" };

/** A person's name as typed: spaces tidied, 2–80 characters, with letters, not a command. */
export function validateName(raw: string): NameCheck {
  const name = raw.replace(/\s+/g, " ").trim();
  if (name.startsWith("/")) return { kind: "command" };
  const length = [...name].length;
  if (length < NAME_LENGTH.min) return { kind: "too-short" };
  if (length > NAME_LENGTH.max) return { kind: "too-long" };
  if (!/\p{L}/u.test(name)) return { kind: "no-letters" };
  return { kind: "ok", name };
}

/** The Telegram first + last name, when it would pass as a name. */
export function telegramName(firstName: string | undefined, lastName: string | undefined): string | null {
  const check = validateName([firstName ?? "", lastName ?? ""].join(" "));
  return check.kind === "ok" ? check.name : null;
}

/** Telegram sends shared phone numbers with or without "+"; we store them in E.164 form. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[^\d]/g, "");
  return `+${digits}`;
}

/** A typed whole number within bounds ("14", " 30 "), or null. */
export function readWholeNumber(text: string, range: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= range.min && value <= range.max ? value : null;
}
