import type { PrismaClient } from "../../db/client.js";
import { activeMembershipsSelect, isReachable, reachSelect, type Audience, type Candidate, type Invitee } from "../people/people.audience.js";
import { staffById } from "../people/people.rights.js";

/**
 * The Prisma queries of meetings and invitations. Dates leave this file as Date objects;
 * the service turns them into what conversations may store.
 */

export type RsvpAnswer = "yes" | "no" | "maybe";

export type MeetingRow = {
  id: number;
  title: string;
  startsAt: Date;
  place: string;
  agenda: string | null;
  status: "scheduled" | "cancelled";
  checkInCode: string;
  createdById: number;
};

export type InvitationRow = {
  id: number;
  meetingId: number;
  personId: number;
  answer: RsvpAnswer | null;
  answeredAt: Date | null;
  reason: string | null;
  messageId: number | null;
};

export type AudienceOptions = {
  programmes: Array<{ id: number; name: string; nameEn: string; groups: Array<{ id: number; name: string }> }>;
  stakeholders: Array<{ id: number; institution: string }>;
};

const meetingSelect = {
  id: true,
  title: true,
  startsAt: true,
  place: true,
  agenda: true,
  status: true,
  checkInCode: true,
  createdById: true,
} as const;

const invitationSelect = {
  id: true,
  meetingId: true,
  personId: true,
  answer: true,
  answeredAt: true,
  reason: true,
  messageId: true,
} as const;


export function createMeetingRepository(prisma: PrismaClient) {
  return {
    /** Staff rights (people.rights), read from the database on every call, never from a button. */
    isStaff: (personId: number): Promise<boolean> => staffById(prisma, personId),

    async audienceOptions(): Promise<AudienceOptions> {
      const [programmes, stakeholders] = await Promise.all([
        prisma.programme.findMany({
          where: { active: true, groups: { some: { active: true } } },
          select: { id: true, name: true, nameEn: true, groups: { where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" } } },
          orderBy: { id: "asc" },
        }),
        prisma.stakeholder.findMany({ where: { active: true }, select: { id: true, institution: true }, orderBy: { id: "asc" } }),
      ]);
      return { programmes, stakeholders };
    },

    /** Everyone who could be invited: members of active groups and people of active institutions. */
    async candidates(): Promise<Candidate[]> {
      const people = await prisma.person.findMany({
        where: {
          OR: [
            { memberships: { some: { status: "active", group: { active: true } } } },
            { stakeholder: { active: true } },
          ],
        },
        select: {
          id: true,
          ...reachSelect,
          stakeholderId: true,
          stakeholder: { select: { active: true } },
          memberships: activeMembershipsSelect,
        },
        orderBy: { id: "asc" },
      });
      return people.map((p) => ({
        personId: p.id,
        reachable: isReachable(p),
        groups: p.memberships.map((m) => ({ groupId: m.groupId, programmeId: m.group.programmeId })),
        stakeholderId: p.stakeholder?.active ? p.stakeholderId : null,
      }));
    },

    /** The meeting and its invitations, in one transaction. */
    async createMeeting(input: {
      title: string;
      startsAt: Date;
      place: string;
      agenda: string | null;
      audience: Audience;
      checkInCode: string;
      createdById: number;
      invitees: Invitee[];
    }): Promise<number> {
      return prisma.$transaction(async (tx) => {
        const meeting = await tx.meeting.create({
          data: {
            title: input.title,
            startsAt: input.startsAt,
            place: input.place,
            agenda: input.agenda,
            audience: input.audience,
            checkInCode: input.checkInCode,
            createdById: input.createdById,
          },
          select: { id: true },
        });
        await tx.invitation.createMany({ data: input.invitees.map((i) => ({ meetingId: meeting.id, ...i })) });
        return meeting.id;
      });
    },

    async meeting(meetingId: number): Promise<MeetingRow | null> {
      return prisma.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
    },

    async invitation(invitationId: number): Promise<(InvitationRow & { meeting: MeetingRow }) | null> {
      return prisma.invitation.findUnique({ where: { id: invitationId }, select: { ...invitationSelect, meeting: { select: meetingSelect } } });
    },

    async invitationOf(meetingId: number, personId: number): Promise<(InvitationRow & { meeting: MeetingRow }) | null> {
      return prisma.invitation.findUnique({
        where: { meetingId_personId: { meetingId, personId } },
        select: { ...invitationSelect, meeting: { select: meetingSelect } },
      });
    },

    async setAnswer(invitationId: number, answer: RsvpAnswer, at: Date): Promise<void> {
      // A new answer drops the reason given for an earlier "no".
      await prisma.invitation.update({ where: { id: invitationId }, data: { answer, answeredAt: at, ...(answer === "no" ? {} : { reason: null }) } });
    },

    async setReason(invitationId: number, reason: string | null): Promise<void> {
      await prisma.invitation.update({ where: { id: invitationId }, data: { reason } });
    },

    async setMessageId(meetingId: number, personId: number, messageId: number): Promise<void> {
      await prisma.invitation.updateMany({ where: { meetingId, personId }, data: { messageId } });
    },

    /** The Telegram message ids the bot sent this person about this meeting (invitations, re-sends, notices). */
    /** The messages the bot sent this person about this meeting, with what each was. */
    async sentMessages(meetingId: number, personId: number): Promise<Array<{ messageId: number; purpose: string }>> {
      const rows = await prisma.outgoingMessage.findMany({
        where: { meetingId, personId, telegramMessageId: { not: null } },
        select: { telegramMessageId: true, purpose: true },
      });
      return rows.flatMap((r) => (r.telegramMessageId === null ? [] : [{ messageId: r.telegramMessageId, purpose: r.purpose }]));
    },

    /** Every invitation of a meeting with what decides whether the person can be written to. */
    async invitees(meetingId: number) {
      const rows = await prisma.invitation.findMany({
        where: { meetingId },
        select: { personId: true, answer: true, person: { select: reachSelect } },
        orderBy: { personId: "asc" },
      });
      return rows.map((r) => ({ personId: r.personId, answer: r.answer, reachable: isReachable(r.person) }));
    },

    /** Keys of this meeting's outgoing messages of one purpose that are still waiting to be sent. */
    async queuedKeys(meetingId: number, purpose: string): Promise<Array<{ personId: number; key: string }>> {
      return prisma.outgoingMessage.findMany({ where: { meetingId, purpose, status: "queued" }, select: { personId: true, key: true } });
    },

    async outgoingKeys(meetingId: number, purpose: string): Promise<string[]> {
      const rows = await prisma.outgoingMessage.findMany({ where: { meetingId, purpose }, select: { key: true } });
      return rows.map((r) => r.key);
    },

    async reschedule(meetingId: number, startsAt: Date): Promise<void> {
      await prisma.meeting.update({ where: { id: meetingId }, data: { startsAt } });
    },

    async cancel(meetingId: number, at: Date): Promise<void> {
      await prisma.meeting.update({ where: { id: meetingId }, data: { status: "cancelled", cancelledAt: at } });
    },

    /** Invitations with the names the tally shows (names go to staff, never to logs). */
    async tallyRows(meetingId: number) {
      return prisma.invitation.findMany({
        where: { meetingId },
        select: {
          personId: true,
          answer: true,
          answeredAt: true,
          reason: true,
          groupId: true,
          stakeholderId: true,
          checkedInAt: true,
          person: { select: { name: true, ...reachSelect } },
          group: { select: { name: true } },
          stakeholder: { select: { institution: true } },
        },
        orderBy: [{ groupId: "asc" }, { stakeholderId: "asc" }, { personId: "asc" }],
      });
    },

    async deliveryCounts(meetingId: number, purpose: string) {
      const rows = await prisma.outgoingMessage.groupBy({ by: ["status"], where: { meetingId, purpose }, _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<"queued" | "sent" | "failed" | "unreachable" | "skipped", number>>;
    },
  };
}

export type MeetingRepository = ReturnType<typeof createMeetingRepository>;
