import type { PrismaClient } from "../../db/client.js";
import type { CheckInCandidate } from "./meeting.checkin.js";

/** The Prisma queries of checking in (by the invitee, or by staff for them). */

export type CheckInMethodName = "code" | "button" | "staff";

export type CheckInRepository = ReturnType<typeof createCheckInRepository>;

export function createCheckInRepository(prisma: PrismaClient) {
  const candidateSelect = (personId: number) =>
    ({
      id: true,
      title: true,
      startsAt: true,
      status: true,
      invitations: { where: { personId }, select: { id: true, checkedInAt: true } },
    }) as const;

  type MeetingWithInvitation = {
    id: number;
    title: string;
    startsAt: Date;
    status: "scheduled" | "cancelled";
    invitations: Array<{ id: number; checkedInAt: Date | null }>;
  };
  const toCandidate = (m: MeetingWithInvitation): CheckInCandidate => {
    const invitation = m.invitations[0];
    return {
      meetingId: m.id,
      title: m.title,
      startsAt: m.startsAt,
      status: m.status,
      invitation: invitation ? { invitationId: invitation.id, checkedInAt: invitation.checkedInAt } : null,
    };
  };

  return {
    /**
     * Meetings whose code is this one (compared without case), with this person's invitation.
     * Only meetings starting within `since` … `until` are considered, so that an old code
     * does not match a meeting from last year.
     */
    async meetingsByCode(code: string, personId: number, range: { since: Date; until: Date }): Promise<CheckInCandidate[]> {
      const rows = await prisma.meeting.findMany({
        where: { checkInCode: { equals: code, mode: "insensitive" }, startsAt: { gte: range.since, lte: range.until } },
        select: candidateSelect(personId),
        orderBy: { startsAt: "asc" },
        take: 20,
      });
      return rows.map(toCandidate);
    },

    async meetingFor(meetingId: number, personId: number): Promise<CheckInCandidate | null> {
      const row = await prisma.meeting.findUnique({ where: { id: meetingId }, select: candidateSelect(personId) });
      return row ? toCandidate(row) : null;
    },

    /** Scheduled meetings this person is invited to that start inside the range. */
    async invitedMeetingsStarting(personId: number, range: { startsAfter: Date; startsAtOrBefore: Date }): Promise<CheckInCandidate[]> {
      const rows = await prisma.meeting.findMany({
        where: {
          status: "scheduled",
          startsAt: { gt: range.startsAfter, lte: range.startsAtOrBefore },
          invitations: { some: { personId } },
        },
        select: candidateSelect(personId),
        orderBy: { startsAt: "asc" },
      });
      return rows.map(toCandidate);
    },

    /** Records the check-in unless one is already there (a double press records once); true when this call recorded it. */
    async recordCheckIn(invitationId: number, at: Date, method: CheckInMethodName, byPersonId: number | null): Promise<boolean> {
      const result = await prisma.invitation.updateMany({
        where: { id: invitationId, checkedInAt: null },
        data: { checkedInAt: at, checkInMethod: method, checkedInById: byPersonId },
      });
      return result.count === 1;
    },

    async checkedInAt(invitationId: number): Promise<Date | null> {
      const row = await prisma.invitation.findUnique({ where: { id: invitationId }, select: { checkedInAt: true } });
      return row?.checkedInAt ?? null;
    },
  };
}
