import type { PrismaClient } from "../../db/client.js";
import { activeMembershipsSelect, isReachable, reachSelect, type Candidate } from "../people/people.audience.js";
import { staffById } from "../people/people.rights.js";

/** The Prisma queries of announcements. */

/** What staff chose: whole programmes and single groups; stored as the announcement's `audience` JSON. */
export type AnnouncementAudience = { programmeIds: number[]; groupIds: number[] };

export type ProgrammeOption = { id: number; name: string; nameEn: string; groups: Array<{ id: number; name: string }> };

export type AnnouncementRow = {
  id: number;
  text: string;
  photoFileId: string | null;
  createdById: number;
  reportedAt: Date | null;
};

/** The fate of an announcement's messages, by delivery status. */
export type DeliveryCounts = { total: number; queued: number; sent: number; unreachable: number; failed: number; skipped: number };

export function createAnnouncementRepository(prisma: PrismaClient) {
  return {
    /** Staff rights (people.rights), read from the database on every call, never from a button. */
    isStaff: (personId: number): Promise<boolean> => staffById(prisma, personId),

    /** Active programmes with their active groups: what an announcement can go to. */
    async programmes(): Promise<ProgrammeOption[]> {
      return prisma.programme.findMany({
        where: { active: true, groups: { some: { active: true } } },
        select: { id: true, name: true, nameEn: true, groups: { where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" } } },
        orderBy: { id: "asc" },
      });
    },

    /**
     * Members of active groups, each with whether a message can reach them: an active person
     * with a Telegram id (not unreachable, erased or left, and not a member without Telegram).
     */
    async candidates(): Promise<Candidate[]> {
      const people = await prisma.person.findMany({
        where: { memberships: { some: { status: "active", group: { active: true } } } },
        select: { id: true, ...reachSelect, memberships: activeMembershipsSelect },
        orderBy: { id: "asc" },
      });
      return people.map((p) => ({
        personId: p.id,
        reachable: isReachable(p),
        groups: p.memberships.map((m) => ({ groupId: m.groupId, programmeId: m.group.programmeId })),
        stakeholderId: null,
      }));
    },

    /** How many people an audience reaches: the same rule as `candidates` and `recipientsOf`, counted by PostgreSQL. */
    async countRecipients(audience: AnnouncementAudience): Promise<number> {
      if (audience.programmeIds.length === 0 && audience.groupIds.length === 0) return 0;
      return prisma.person.count({
        where: {
          status: "active",
          telegramId: { not: null },
          memberships: {
            some: { status: "active", group: { active: true, OR: [{ programmeId: { in: audience.programmeIds } }, { id: { in: audience.groupIds } }] } },
          },
        },
      });
    },

    async create(input: { text: string; photoFileId: string | null; audience: AnnouncementAudience; createdById: number; at: Date }): Promise<number> {
      const row = await prisma.announcement.create({
        data: { text: input.text, photoFileId: input.photoFileId, audience: input.audience, createdById: input.createdById, createdAt: input.at },
        select: { id: true },
      });
      return row.id;
    },

    async find(id: number): Promise<AnnouncementRow | null> {
      return prisma.announcement.findUnique({
        where: { id },
        select: { id: true, text: true, photoFileId: true, createdById: true, reportedAt: true },
      });
    },

    async deliveryCounts(announcementId: number): Promise<DeliveryCounts> {
      const groups = await prisma.outgoingMessage.groupBy({ by: ["status"], where: { announcementId }, _count: { _all: true } });
      const counts: DeliveryCounts = { total: 0, queued: 0, sent: 0, unreachable: 0, failed: 0, skipped: 0 };
      for (const g of groups) {
        counts[g.status] = g._count._all;
        counts.total += g._count._all;
      }
      return counts;
    },

    /** Marks the sender as told; false when someone marked it before (the report goes once). */
    async markReported(id: number, at: Date): Promise<boolean> {
      const { count } = await prisma.announcement.updateMany({ where: { id, reportedAt: null }, data: { reportedAt: at } });
      return count === 1;
    },
  };
}

export type AnnouncementRepository = ReturnType<typeof createAnnouncementRepository>;
