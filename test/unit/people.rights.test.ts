import { describe, expect, it } from "vitest";
import { GroupRole, PersonStatus, StaffRole } from "../../src/generated/prisma/enums.js";
import { coordinates, hasRights, isActiveMember, isAdmin, isStaff, isStakeholder, type RightsSubject } from "../../src/features/people/people.rights.js";

type Role = "member" | "coordinator" | "stakeholder" | "staff" | "admin";
const ROLES: Role[] = ["member", "coordinator", "stakeholder", "staff", "admin"];
const STATUSES = Object.values(PersonStatus);
const GROUP = 7;

function person(role: Role, status: PersonStatus): RightsSubject {
  return {
    status,
    staffRole: role === "staff" ? StaffRole.staff : role === "admin" ? StaffRole.admin : null,
    memberships: role === "member" || role === "coordinator" ? [{ groupId: GROUP, role: role === "coordinator" ? GroupRole.coordinator : GroupRole.member }] : [],
    stakeholderId: role === "stakeholder" ? 3 : null,
  };
}

/** Whether a person of this status keeps the rights of their role: left and erased keep none. */
const keeps = (status: PersonStatus) => status === PersonStatus.active || status === PersonStatus.unreachable;

describe("rights: role × status", () => {
  for (const role of ROLES) {
    for (const status of STATUSES) {
      it(`${role}, ${status}`, () => {
        const p = person(role, status);
        const k = keeps(status);
        expect(hasRights(status)).toBe(k);
        expect(isStaff(p)).toBe(k && (role === "staff" || role === "admin"));
        expect(isAdmin(p)).toBe(k && role === "admin");
        expect(coordinates(p, GROUP)).toBe(k && role === "coordinator");
        expect(coordinates(p, GROUP + 1)).toBe(false);
        expect(isActiveMember(p)).toBe(k && (role === "member" || role === "coordinator"));
        expect(isStakeholder(p)).toBe(k && role === "stakeholder");
        // An admin named in configuration is an admin while they have not left or been erased.
        expect(isAdmin(p, true)).toBe(k);
        expect(isStaff(p, true)).toBe(k);
      });
    }
  }
});
