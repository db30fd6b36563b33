import type { PrismaClient } from "../../db/client.js";
import type { MeetingInputTopic } from "../../generated/prisma/enums.js";

/** The queries of the meeting input round (meeting.input.service.ts). */
export function createMeetingInputRepository(prisma: PrismaClient) {
  return {
    meeting(meetingId: number) {
      return prisma.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true, startsAt: true, status: true, inputRequestedAt: true } });
    },
    invitation(meetingId: number, personId: number) {
      return prisma.invitation.findUnique({
        where: { meetingId_personId: { meetingId, personId } },
        select: { groupId: true, stakeholderId: true, meeting: { select: { id: true, title: true, startsAt: true, status: true } } },
      });
    },
    /** Everyone invited (a request goes to each; the queue skips who cannot be reached). */
    async inviteeIds(meetingId: number): Promise<number[]> {
      const rows = await prisma.invitation.findMany({ where: { meetingId }, select: { personId: true }, orderBy: { personId: "asc" } });
      return rows.map((r) => r.personId);
    },
    async markRequested(meetingId: number, at: Date): Promise<void> {
      await prisma.meeting.update({ where: { id: meetingId }, data: { inputRequestedAt: at } });
    },
    inputsOf(meetingId: number, personId: number) {
      return prisma.meetingInput.findMany({ where: { meetingId, personId }, select: { topic: true, text: true } });
    },
    async saveInput(meetingId: number, personId: number, topic: MeetingInputTopic, text: string): Promise<void> {
      await prisma.meetingInput.upsert({
        where: { meetingId_personId_topic: { meetingId, personId, topic } },
        create: { meetingId, personId, topic, text },
        update: { text },
      });
    },
  };
}

export type MeetingInputRepository = ReturnType<typeof createMeetingInputRepository>;
