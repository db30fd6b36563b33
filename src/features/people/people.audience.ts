/**
 * Who a meeting's audience reaches. Staff choose any mix of: everyone, whole programmes,
 * single groups, all stakeholder institutions or chosen ones. The repository loads the
 * candidates (active memberships of active groups, people of active institutions); the
 * functions here are pure: they decide who is reachable, dedupe and count.
 */

/** The audience as staff chose it; stored as the meeting's `audience` JSON. */
export type Audience = {
  everyone: boolean;
  programmeIds: number[];
  groupIds: number[];
  /** every active stakeholder institution */
  allStakeholders: boolean;
  stakeholderIds: number[];
};

export const EMPTY_AUDIENCE: Audience = { everyone: false, programmeIds: [], groupIds: [], allStakeholders: false, stakeholderIds: [] };

/**
 * Whether the bot can write to a person: active (not left, unreachable or erased) and on
 * Telegram. The status says it (a refused send makes it `unreachable`); `unreachableAt` only
 * records when that last happened.
 */
export function isReachable(p: { status: string; telegramId: bigint | null }): boolean {
  return p.status === "active" && p.telegramId !== null;
}

/** The fields `isReachable` reads, for a Prisma select. */
export const reachSelect = { status: true, telegramId: true } as const;

/** A person's active memberships of active groups with each group's programme: what audiences are made of. */
export const activeMembershipsSelect = {
  where: { status: "active", group: { active: true } },
  select: { groupId: true, group: { select: { programmeId: true } } },
  orderBy: { groupId: "asc" },
} as const;

/** A person as far as invitations are concerned (JSON-safe: a conversation may hold these). */
export type Candidate = {
  personId: number;
  /** active person with a Telegram id, not marked unreachable */
  reachable: boolean;
  /** active memberships in active groups, in the order groups are listed */
  groups: Array<{ groupId: number; programmeId: number }>;
  /** the person's institution, when it is active */
  stakeholderId: number | null;
};

/** One invitation to make: one per person, with the one group or institution it is tallied under. */
export type Invitee = { personId: number; groupId: number | null; stakeholderId: number | null };

export function isEmptyAudience(a: Audience): boolean {
  return !a.everyone && a.programmeIds.length === 0 && a.groupIds.length === 0 && !a.allStakeholders && a.stakeholderIds.length === 0;
}

/** Reads a stored audience back, tolerating anything (a malformed value is an empty audience). */
export function parseAudience(value: unknown): Audience {
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const ids = (x: unknown) => (Array.isArray(x) ? x.filter((n): n is number => Number.isInteger(n) && n > 0) : []);
  return {
    everyone: v.everyone === true,
    programmeIds: ids(v.programmeIds),
    groupIds: ids(v.groupIds),
    allStakeholders: v.allStakeholders === true,
    stakeholderIds: ids(v.stakeholderIds),
  };
}

/**
 * The invitees of an audience: reachable people only, each once. A person reached through a
 * group (several groups: the first chosen one in list order) is tallied under that group,
 * otherwise under their institution — never both, so the tally counts everyone once.
 */
export function resolveAudience(audience: Audience, candidates: readonly Candidate[]): Invitee[] {
  const programmes = new Set(audience.programmeIds);
  const groups = new Set(audience.groupIds);
  const institutions = new Set(audience.stakeholderIds);
  const invitees = new Map<number, Invitee>();
  for (const c of candidates) {
    if (!c.reachable || invitees.has(c.personId)) continue;
    const group = c.groups.find((g) => audience.everyone || programmes.has(g.programmeId) || groups.has(g.groupId));
    const viaInstitution =
      c.stakeholderId !== null && (audience.everyone || audience.allStakeholders || institutions.has(c.stakeholderId));
    if (group) invitees.set(c.personId, { personId: c.personId, groupId: group.groupId, stakeholderId: null });
    else if (viaInstitution) invitees.set(c.personId, { personId: c.personId, groupId: null, stakeholderId: c.stakeholderId });
  }
  return [...invitees.values()].sort((a, b) => a.personId - b.personId);
}

/** Head-counts of reachable people shown beside each choice (a person in two groups of one programme counts once there). */
export type AudienceCounts = {
  everyone: number;
  programmes: Record<string, number>;
  groups: Record<string, number>;
  allStakeholders: number;
  stakeholders: Record<string, number>;
};

export function audienceCounts(candidates: readonly Candidate[]): AudienceCounts {
  const everyone = new Set<number>();
  const stakeholderPeople = new Set<number>();
  const programmes = new Map<number, Set<number>>();
  const groups = new Map<number, Set<number>>();
  const institutions = new Map<number, Set<number>>();
  const add = (map: Map<number, Set<number>>, key: number, personId: number) => {
    const set = map.get(key) ?? new Set<number>();
    set.add(personId);
    map.set(key, set);
  };
  for (const c of candidates) {
    if (!c.reachable) continue;
    for (const g of c.groups) {
      add(groups, g.groupId, c.personId);
      add(programmes, g.programmeId, c.personId);
      everyone.add(c.personId);
    }
    if (c.stakeholderId !== null) {
      add(institutions, c.stakeholderId, c.personId);
      stakeholderPeople.add(c.personId);
      everyone.add(c.personId);
    }
  }
  const sizes = (map: Map<number, Set<number>>) => Object.fromEntries([...map].map(([k, set]) => [String(k), set.size]));
  return {
    everyone: everyone.size,
    programmes: sizes(programmes),
    groups: sizes(groups),
    allStakeholders: stakeholderPeople.size,
    stakeholders: sizes(institutions),
  };
}

/** Adds or removes one choice. Choosing "everyone" keeps the other choices (they are implied, and come back if it is removed). */
export type AudienceToggle =
  | { kind: "everyone" }
  | { kind: "programme"; id: number }
  | { kind: "group"; id: number }
  | { kind: "all-stakeholders" }
  | { kind: "stakeholder"; id: number };

export function toggleAudience(a: Audience, toggle: AudienceToggle): Audience {
  const flip = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].sort((x, y) => x - y));
  switch (toggle.kind) {
    case "everyone":
      return { ...a, everyone: !a.everyone };
    case "programme":
      return { ...a, programmeIds: flip(a.programmeIds, toggle.id) };
    case "group":
      return { ...a, groupIds: flip(a.groupIds, toggle.id) };
    case "all-stakeholders":
      return { ...a, allStakeholders: !a.allStakeholders };
    case "stakeholder":
      return { ...a, stakeholderIds: flip(a.stakeholderIds, toggle.id) };
  }
}
