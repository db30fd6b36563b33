import { describe, expect, it } from "vitest";
import {
  audienceCounts,
  EMPTY_AUDIENCE,
  isEmptyAudience,
  parseAudience,
  resolveAudience,
  toggleAudience,
  type Audience,
  type Candidate,
} from "../../src/features/people/people.audience.js";

// Programme 1 has groups 10 and 11; programme 2 has group 20. Institutions 100 and 101.
const g10 = { groupId: 10, programmeId: 1 };
const g11 = { groupId: 11, programmeId: 1 };
const g20 = { groupId: 20, programmeId: 2 };

function person(personId: number, groups: Candidate["groups"], stakeholderId: number | null = null, reachable = true): Candidate {
  return { personId, reachable, groups, stakeholderId };
}

const candidates: Candidate[] = [
  person(1, [g10]),
  person(2, [g10, g11]), // in two groups of one programme
  person(3, [g11]),
  person(4, [g20]),
  person(5, [], 100), // a stakeholder
  person(6, [], 101),
  person(7, [g20], 100), // a group member who is also a stakeholder
  person(8, [g10], null, false), // left, erased, unreachable or without Telegram
  person(9, [], 101, false),
];

const audience = (a: Partial<Audience>): Audience => ({ ...EMPTY_AUDIENCE, ...a });
const ids = (list: Array<{ personId: number }>) => list.map((i) => i.personId);

describe("resolveAudience", () => {
  it("invites the reachable members of the chosen groups once each", () => {
    const invitees = resolveAudience(audience({ groupIds: [10, 11] }), candidates);
    expect(invitees).toEqual([
      { personId: 1, groupId: 10, stakeholderId: null },
      { personId: 2, groupId: 10, stakeholderId: null },
      { personId: 3, groupId: 11, stakeholderId: null },
    ]);
  });

  it("tallies someone in two groups under the chosen one", () => {
    expect(resolveAudience(audience({ groupIds: [11] }), candidates)).toContainEqual({ personId: 2, groupId: 11, stakeholderId: null });
  });

  it("gives a person invited as a group member and as a stakeholder one invitation, tallied under the group", () => {
    const invitees = resolveAudience(audience({ groupIds: [20], stakeholderIds: [100] }), candidates);
    expect(invitees).toEqual([
      { personId: 4, groupId: 20, stakeholderId: null },
      { personId: 5, groupId: null, stakeholderId: 100 },
      { personId: 7, groupId: 20, stakeholderId: null },
    ]);
  });

  it("tallies that person under the institution when only stakeholders are invited", () => {
    expect(resolveAudience(audience({ stakeholderIds: [100] }), candidates)).toEqual([
      { personId: 5, groupId: null, stakeholderId: 100 },
      { personId: 7, groupId: null, stakeholderId: 100 },
    ]);
  });

  it("invites whole programmes", () => {
    expect(ids(resolveAudience(audience({ programmeIds: [1] }), candidates))).toEqual([1, 2, 3]);
    expect(ids(resolveAudience(audience({ programmeIds: [2] }), candidates))).toEqual([4, 7]);
  });

  it("invites all stakeholders", () => {
    expect(ids(resolveAudience(audience({ allStakeholders: true }), candidates))).toEqual([5, 6, 7]);
  });

  it("invites everyone reachable, members and stakeholders", () => {
    expect(ids(resolveAudience(audience({ everyone: true }), candidates))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("leaves out people who cannot be reached, however they were chosen", () => {
    const all = resolveAudience(audience({ everyone: true, groupIds: [10], stakeholderIds: [101] }), candidates);
    expect(ids(all)).not.toContain(8);
    expect(ids(all)).not.toContain(9);
  });

  it("invites nobody for an empty audience", () => {
    expect(resolveAudience(EMPTY_AUDIENCE, candidates)).toEqual([]);
  });
});

describe("audienceCounts", () => {
  it("counts reachable people per choice, each person once per choice", () => {
    expect(audienceCounts(candidates)).toEqual({
      everyone: 7,
      programmes: { "1": 3, "2": 2 },
      groups: { "10": 2, "11": 2, "20": 2 },
      allStakeholders: 3,
      stakeholders: { "100": 2, "101": 1 },
    });
  });

  it("has no entry for a group whose people are all unreachable", () => {
    expect(audienceCounts([person(8, [g10], null, false)]).groups).toEqual({});
  });
});

describe("toggleAudience and parseAudience", () => {
  it("adds and removes choices", () => {
    let a = toggleAudience(EMPTY_AUDIENCE, { kind: "group", id: 11 });
    a = toggleAudience(a, { kind: "group", id: 10 });
    a = toggleAudience(a, { kind: "stakeholder", id: 100 });
    a = toggleAudience(a, { kind: "everyone" });
    expect(a).toEqual({ everyone: true, programmeIds: [], groupIds: [10, 11], allStakeholders: false, stakeholderIds: [100] });
    a = toggleAudience(toggleAudience(a, { kind: "group", id: 11 }), { kind: "everyone" });
    expect(a.groupIds).toEqual([10]);
    expect(a.everyone).toBe(false);
    expect(isEmptyAudience(toggleAudience(toggleAudience(a, { kind: "group", id: 10 }), { kind: "stakeholder", id: 100 }))).toBe(true);
  });

  it("reads a stored audience back and tolerates junk", () => {
    const stored = JSON.parse(JSON.stringify(audience({ groupIds: [1, 2], allStakeholders: true })));
    expect(parseAudience(stored)).toEqual(audience({ groupIds: [1, 2], allStakeholders: true }));
    expect(parseAudience(null)).toEqual(EMPTY_AUDIENCE);
    expect(parseAudience({ groupIds: ["1", -2, 3.5, 4] })).toEqual(audience({ groupIds: [4] }));
  });
});
