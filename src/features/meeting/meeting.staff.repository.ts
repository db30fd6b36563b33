import type { PrismaClient } from "../../db/client.js";
import type { AttendanceInvitee } from "./meeting.attendance.js";

/** The Prisma queries of the staff side of meetings (/rapat, marking present, the daftar hadir). */

export type StaffMeetingListItem = {
  id: number;
  title: string;
  startsAt: Date;
  status: "scheduled" | "cancelled";
  invited: number;
};

export type InviteeChoice = { personId: number; name: string | null; erased: boolean; checkedIn: boolean };

export type StaffRepository = ReturnType<typeof createStaffRepository>;

export function createStaffRepository(prisma: PrismaClient) {
  return {
    /** Meetings starting from `since` on (recent and upcoming), soonest first. */
    async meetingsSince(since: Date, limit: number): Promise<StaffMeetingListItem[]> {
      const rows = await prisma.meeting.findMany({
        where: { startsAt: { gte: since } },
        select: { id: true, title: true, startsAt: true, status: true, _count: { select: { invitations: true } } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt, status: r.status, invited: r._count.invitations }));
    },

    /** Invitees of a meeting for the «Tandai hadir» picker, by name. */
    async inviteeChoices(meetingId: number): Promise<InviteeChoice[]> {
      const rows = await prisma.invitation.findMany({
        where: { meetingId },
        select: { personId: true, checkedInAt: true, person: { select: { name: true, status: true } } },
      });
      return rows.map((r) => ({ personId: r.personId, name: r.person.name, erased: r.person.status === "erased", checkedIn: r.checkedInAt !== null }));
    },

    /** One invitee's name (for staff), or null when the person is not invited. */
    async invitee(meetingId: number, personId: number): Promise<{ name: string | null; erased: boolean } | null> {
      const row = await prisma.invitation.findUnique({
        where: { meetingId_personId: { meetingId, personId } },
        select: { person: { select: { name: true, status: true } } },
      });
      return row ? { name: row.person.name, erased: row.person.status === "erased" } : null;
    },

    /** Every invitation of a meeting with what the daftar hadir shows. */
    async attendanceInvitees(meetingId: number): Promise<AttendanceInvitee[]> {
      const rows = await prisma.invitation.findMany({
        where: { meetingId },
        select: {
          personId: true,
          groupId: true,
          stakeholderId: true,
          answer: true,
          answeredAt: true,
          checkedInAt: true,
          checkInMethod: true,
          reason: true,
          group: { select: { name: true } },
          stakeholder: { select: { institution: true } },
          person: { select: { name: true, status: true, memberships: { select: { groupId: true, role: true } } } },
        },
      });
      return rows.map((r) => {
        const affiliation: AttendanceInvitee["affiliation"] =
          r.groupId !== null && r.group
            ? { kind: "group", id: r.groupId, name: r.group.name }
            : r.stakeholderId !== null && r.stakeholder
              ? { kind: "stakeholder", id: r.stakeholderId, name: r.stakeholder.institution }
              : null;
        const role: AttendanceInvitee["role"] =
          r.groupId !== null ? (r.person.memberships.find((m) => m.groupId === r.groupId)?.role ?? "member") : r.stakeholderId !== null ? "stakeholder" : null;
        return {
          personId: r.personId,
          name: r.person.name,
          erased: r.person.status === "erased",
          affiliation,
          role,
          answer: r.answer,
          answeredAt: r.answeredAt,
          checkedInAt: r.checkedInAt,
          checkInMethod: r.checkInMethod,
          reason: r.reason,
        };
      });
    },
  };
}
