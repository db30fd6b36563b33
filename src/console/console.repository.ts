import { Prisma, type PrismaClient } from "../db/client.js";
import { STATUSES_WITH_RIGHTS } from "../features/people/people.rights.js";
import { dbDate, startDateFromDb } from "../lib/week.js";

/**
 * The console's read queries: each page asks for its data in one go (one round trip from the
 * browser; a handful of queries run at once on the server). Ids only in logs; names are shown
 * to staff, who may see them.
 */

/** Active programmes with their active groups and indicators, ordered; a coordinator's view is limited to their groups. */
export async function programmesInView(prisma: PrismaClient, groupIds: readonly number[] | null) {
  return prisma.programme.findMany({
    where: { active: true, ...(groupIds ? { groups: { some: { id: { in: [...groupIds] } } } } : {}) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      groups: { where: { active: true, ...(groupIds ? { id: { in: [...groupIds] } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true, kelurahan: true } },
      indicators: {
        where: { active: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, code: true, labelId: true, labelEn: true, unit: true, decimals: true, reportedBy: true, aggregation: true },
      },
    },
  });
}

export type ProgrammeInView = Awaited<ReturnType<typeof programmesInView>>[number];

/** Per group and week: how many members have a current report, and how many active members the group has now. */
export async function completeness(prisma: PrismaClient, groupIds: readonly number[], firstWeekStartDate: string, lastWeekStartDate: string) {
  if (groupIds.length === 0) return { reported: new Map<string, number>(), members: new Map<number, number>() };
  const [reported, members] = await Promise.all([
    prisma.$queryRaw<Array<{ group_id: number; week_start: Date; n: bigint }>>`
      SELECT group_id, week_start, COUNT(DISTINCT member_id) AS n FROM report
      WHERE current = true AND group_id IN (${Prisma.join([...groupIds])})
        AND week_start BETWEEN ${dbDate(firstWeekStartDate)}::date AND ${dbDate(lastWeekStartDate)}::date
      GROUP BY group_id, week_start`,
    prisma.membership.groupBy({
      by: ["groupId"],
      where: { groupId: { in: [...groupIds] }, status: "active", person: { status: { in: STATUSES_WITH_RIGHTS }, staffRole: null } },
      _count: { _all: true },
    }),
  ]);
  return {
    reported: new Map(reported.map((r) => [`${r.group_id}:${startDateFromDb(r.week_start)}`, Number(r.n)])),
    members: new Map(members.map((m) => [m.groupId, m._count._all])),
  };
}

/** Meetings from `from` on, with their answer counts; limited to those that invited the given groups when asked. */
export async function upcomingMeetings(prisma: PrismaClient, from: Date, groupIds: readonly number[] | null, take = 10) {
  const meetings = await prisma.meeting.findMany({
    where: { status: "scheduled", startsAt: { gte: from }, ...(groupIds ? { invitations: { some: { groupId: { in: [...groupIds] } } } } : {}) },
    orderBy: { startsAt: "asc" },
    take,
    select: { id: true, title: true, startsAt: true, place: true },
  });
  const counts = meetings.length === 0 ? [] : await prisma.invitation.groupBy({ by: ["meetingId", "answer"], where: { meetingId: { in: meetings.map((m) => m.id) } }, _count: { _all: true } });
  return meetings.map((m) => {
    const of = (answer: "yes" | "no" | "maybe" | null) => counts.find((c) => c.meetingId === m.id && c.answer === answer)?._count._all ?? 0;
    return { ...m, yes: of("yes"), no: of("no"), maybe: of("maybe"), none: of(null) };
  });
}

/** The latest obstacles (kendala) members wrote in their reports. */
export async function latestObstacles(prisma: PrismaClient, groupIds: readonly number[], take = 10) {
  if (groupIds.length === 0) return [];
  return prisma.report.findMany({
    where: { current: true, groupId: { in: [...groupIds] }, obstacle: { not: null } },
    orderBy: { submittedAt: "desc" },
    take,
    select: { id: true, weekStart: true, obstacle: true, group: { select: { name: true } } },
  });
}

export async function groupPageData(prisma: PrismaClient, groupId: number) {
  return prisma.group.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      kelurahan: true,
      active: true,
      programmeId: true,
      programme: { select: { name: true, nameEn: true } },
      memberships: {
        orderBy: [{ status: "asc" }, { role: "desc" }, { joinedAt: "asc" }],
        select: {
          role: true,
          status: true,
          person: { select: { id: true, name: true, status: true, telegramId: true, reports: { where: { groupId, current: true }, orderBy: { weekStart: "desc" }, take: 1, select: { weekStart: true } } } },
        },
      },
      joinCodes: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, code: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true } },
    },
  });
}

export type ReportQuery = {
  programmeId: number | null;
  groupIds: readonly number[] | null;
  memberId: number | null;
  firstWeekStartDate: string;
  lastWeekStartDate: string;
  page: number;
  pageSize: number;
};

/** One page of current reports, newest week first, with their values and how many versions each has. */
export async function reportsPage(prisma: PrismaClient, q: ReportQuery) {
  const where: Prisma.ReportWhereInput = {
    current: true,
    weekStart: { gte: dbDate(q.firstWeekStartDate), lte: dbDate(q.lastWeekStartDate) },
    ...(q.groupIds ? { groupId: { in: [...q.groupIds] } } : {}),
    ...(q.programmeId !== null ? { group: { programmeId: q.programmeId } } : {}),
    ...(q.memberId !== null ? { memberId: q.memberId } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.report.count({ where }),
    prisma.report.findMany({
      where,
      orderBy: [{ weekStart: "desc" }, { groupId: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        weekStart: true,
        version: true,
        submittedAt: true,
        note: true,
        obstacle: true,
        group: { select: { id: true, name: true } },
        member: { select: { id: true, name: true } },
        submittedBy: { select: { id: true, name: true } },
        values: { select: { indicatorId: true, value: true } },
      },
    }),
  ]);
  return { total, rows };
}

/** Every version of the report of one member, group and week (the current one and those it replaced). */
export async function reportVersions(prisma: PrismaClient, reportId: number) {
  const report = await prisma.report.findUnique({ where: { id: reportId }, select: { groupId: true, memberId: true, weekStart: true } });
  if (!report) return null;
  const versions = await prisma.report.findMany({
    where: { groupId: report.groupId, memberId: report.memberId, weekStart: report.weekStart },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      current: true,
      submittedAt: true,
      supersededAt: true,
      note: true,
      obstacle: true,
      submittedBy: { select: { name: true } },
      member: { select: { name: true } },
      group: { select: { id: true, name: true, programmeId: true } },
      values: { select: { indicatorId: true, value: true, indicator: { select: { labelId: true, labelEn: true, unit: true, decimals: true } } } },
    },
  });
  return { groupId: report.groupId, weekStart: report.weekStart, versions };
}

/** Members of the groups in view, for the reports filter. */
export async function membersOf(prisma: PrismaClient, groupIds: readonly number[] | null) {
  return prisma.person.findMany({
    where: { memberships: { some: groupIds ? { groupId: { in: [...groupIds] } } : {} }, staffRole: null, status: { not: "erased" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function meetingsList(prisma: PrismaClient, groupIds: readonly number[] | null) {
  return prisma.meeting.findMany({
    where: groupIds ? { invitations: { some: { groupId: { in: [...groupIds] } } } } : {},
    orderBy: { startsAt: "desc" },
    take: 100,
    select: { id: true, title: true, startsAt: true, place: true, status: true, _count: { select: { invitations: true } } },
  });
}

export async function meetingDetail(prisma: PrismaClient, meetingId: number) {
  return prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      place: true,
      agenda: true,
      status: true,
      notes: true,
      notesAt: true,
      invitations: {
        orderBy: { id: "asc" },
        select: {
          answer: true,
          reason: true,
          checkedInAt: true,
          person: { select: { id: true, name: true } },
          group: { select: { id: true, name: true } },
          stakeholder: { select: { id: true, institution: true } },
        },
      },
      inputs: { orderBy: [{ personId: "asc" }, { topic: "asc" }], select: { topic: true, text: true, updatedAt: true, person: { select: { name: true } } } },
    },
  });
}

export async function auditEntries(prisma: PrismaClient, take = 200) {
  return prisma.auditEntry.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, source: true, entity: true, entityId: true, action: true, before: true, after: true, actor: { select: { name: true } } },
  });
}

export { startDateFromDb };

/** Join links that can still be used, newest first. */
export async function activeJoinLinks(prisma: PrismaClient, now: Date) {
  const rows = await prisma.joinCode.findMany({
    where: { revokedAt: null, expiresAt: { gt: now }, OR: [{ group: { active: true } }, { groupId: null }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, code: true, role: true, expiresAt: true, uses: true, maxUses: true, group: { select: { id: true, name: true } }, stakeholder: { select: { institution: true } } },
  });
  return rows.filter((r) => r.uses < r.maxUses);
}
