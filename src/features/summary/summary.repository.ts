import { Prisma, type PrismaClient } from "../../db/client.js";
import type { IndicatorAggregation } from "../../generated/prisma/enums.js";
import { evaluate, groupFilterSql, indicatorsOf, yearSeries, type FigureIndicator, type GroupFilter, type WeekSpan } from "../figures/figures.service.js";
import { STATUSES_WITH_RIGHTS, staffById } from "../people/people.rights.js";

/**
 * The queries of the weekly summary. Figures come from the figures module (one rule for every
 * combined figure: member and group indicators, sum/latest/max, targets, last year); weeks are
 * their Monday "yyyy-MM-dd". Group sets are passed as id arrays (`= ANY(...)`), so one query
 * serves a group, a programme or every group.
 */

export type SummaryGroup = { groupId: number; name: string; programmeId: number; kelurahan: string };
export type SummaryProgramme = { programmeId: number; name: string; nameEn: string };
export type SummaryIndicator = {
  indicatorId: number;
  programmeId: number;
  code: string;
  labelId: string;
  labelEn: string;
  unit: string;
  decimals: number;
  aggregation: IndicatorAggregation;
};
export type ReportingRow = { groupId: number; active: number; reported: number };
export type NonReporterRow = { groupId: number; personId: number; name: string | null };
export type UpcomingMeetingRow = {
  meetingId: number;
  title: string;
  startsAt: Date;
  place: string;
  yes: number;
  no: number;
  maybe: number;
  unanswered: number;
};
export type Recipient = { personId: number; groupIds: number[] };

/**
 * Which groups a query covers: these ids, one programme's, or every group (null: no filter at
 * all). Inactive groups may be counted here; the service keeps only the active ones it listed.
 */
export type { GroupFilter };

const asSummaryIndicator = ({ id, reportedBy: _r, active: _a, ...rest }: FigureIndicator): SummaryIndicator => ({ indicatorId: id, ...rest });
const asFigureIndicator = (i: SummaryIndicator) => ({ ...i, id: i.indicatorId });

/** A membership counts for a week when it is active now, the person is not gone, and it began before the week ended. */
const countedMember = (weekEndUtc: string) => Prisma.sql`
  m.status = 'active' AND p.status IN ('active', 'unreachable') AND m.joined_at < ${weekEndUtc}::timestamp`;

export function createSummaryRepository(prisma: PrismaClient) {
  return {
    async programmes(): Promise<SummaryProgramme[]> {
      const rows = await prisma.programme.findMany({
        where: { active: true, groups: { some: { active: true } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, nameEn: true },
      });
      return rows.map((r) => ({ programmeId: r.id, name: r.name, nameEn: r.nameEn }));
    },

    /** Active groups: these ids, or of this programme, or all (no filter). */
    async groups(filter: { groupIds?: number[]; programmeId?: number }): Promise<SummaryGroup[]> {
      const rows = await prisma.group.findMany({
        where: {
          active: true,
          ...(filter.groupIds && { id: { in: filter.groupIds } }),
          ...(filter.programmeId !== undefined && { programmeId: filter.programmeId }),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, programmeId: true, kelurahan: true },
      });
      return rows.map((r) => ({ groupId: r.id, name: r.name, programmeId: r.programmeId, kelurahan: r.kelurahan }));
    },

    /** Active indicators of these programmes (null: of every programme; the table is small). */
    async indicators(programmeIds: number[] | null): Promise<SummaryIndicator[]> {
      return (await indicatorsOf(prisma, programmeIds, { activeOnly: true })).map(asSummaryIndicator);
    },

    /** The year so far up to the week, against target and last year, plus the figures of `extra` periods (figures module). */
    evaluate: (groups: GroupFilter, indicators: readonly SummaryIndicator[], throughWeekStartDate: string, extra: readonly WeekSpan[]) =>
      evaluate(prisma, groups, indicators.map(asFigureIndicator), throughWeekStartDate, extra),

    /** The year-so-far series of these groups together, for the chart. */
    yearSeries: (groupIds: readonly number[], indicators: readonly SummaryIndicator[], throughWeekStartDate: string) =>
      yearSeries(prisma, groupIds, indicators.map(asFigureIndicator), throughWeekStartDate),

    /** Per group: active members, and how many of them have a current report for the week. */
    async reporting(groups: GroupFilter, weekStartDate: string, weekEndUtc: string): Promise<ReportingRow[]> {
      return prisma.$queryRaw<ReportingRow[]>`
        SELECT m.group_id AS "groupId", COUNT(*)::int AS "active", COUNT(r.id)::int AS "reported"
        FROM membership m
        JOIN person p ON p.id = m.person_id
        LEFT JOIN report r ON r.group_id = m.group_id AND r.member_id = m.person_id
          AND r.week_start = ${weekStartDate}::date AND r.current = true
        WHERE ${groupFilterSql(Prisma.sql`m.group_id`, groups)} AND ${countedMember(weekEndUtc)}
        GROUP BY m.group_id`;
    },

    /** The counted members of these groups without a current report for the week, by name. */
    async nonReporters(groups: GroupFilter, weekStartDate: string, weekEndUtc: string): Promise<NonReporterRow[]> {
      return prisma.$queryRaw<NonReporterRow[]>`
        SELECT m.group_id AS "groupId", p.id AS "personId", p.name AS "name"
        FROM membership m
        JOIN person p ON p.id = m.person_id
        WHERE ${groupFilterSql(Prisma.sql`m.group_id`, groups)} AND ${countedMember(weekEndUtc)}
          AND NOT EXISTS (
            SELECT 1 FROM report r
            WHERE r.group_id = m.group_id AND r.member_id = m.person_id
              AND r.week_start = ${weekStartDate}::date AND r.current = true)
        ORDER BY m.group_id, p.name NULLS LAST, p.id`;
    },

    /**
     * Scheduled meetings starting in [from, until) that invite someone through these groups
     * (every meeting when null), with the answers of those invitees.
     */
    async upcomingMeetings(groups: GroupFilter, from: Date, until: Date): Promise<UpcomingMeetingRow[]> {
      const inScope: Prisma.InvitationWhereInput =
        groups === null ? {} : "groupIds" in groups ? { groupId: { in: [...groups.groupIds] } } : { group: { programmeId: groups.programmeId } };
      const meetings = await prisma.meeting.findMany({
        where: { status: "scheduled", startsAt: { gte: from, lt: until }, invitations: { some: inScope } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, startsAt: true, place: true },
      });
      if (meetings.length === 0) return [];
      const counts = await prisma.invitation.groupBy({
        by: ["meetingId", "answer"],
        where: { meetingId: { in: meetings.map((m) => m.id) }, ...inScope },
        _count: { _all: true },
      });
      return meetings.map((m) => {
        const count = (answer: "yes" | "no" | "maybe" | null) =>
          counts.find((c) => c.meetingId === m.id && c.answer === answer)?._count._all ?? 0;
        return { meetingId: m.id, title: m.title, startsAt: m.startsAt, place: m.place, yes: count("yes"), no: count("no"), maybe: count("maybe"), unanswered: count(null) };
      });
    },

    /** Active coordinators who can be written to, with the active groups they coordinate (staff excluded: they get the staff summary). */
    async coordinatorRecipients(): Promise<Recipient[]> {
      const rows = await prisma.membership.findMany({
        where: {
          role: "coordinator",
          status: "active",
          group: { active: true },
          person: { status: "active", telegramId: { not: null }, staffRole: null },
        },
        orderBy: [{ personId: "asc" }, { groupId: "asc" }],
        select: { personId: true, groupId: true },
      });
      const byPerson = new Map<number, number[]>();
      for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.groupId]);
      return [...byPerson.entries()].map(([personId, groupIds]) => ({ personId, groupIds }));
    },

    async staffRecipients(): Promise<number[]> {
      const rows = await prisma.person.findMany({
        where: { staffRole: { not: null }, status: "active", telegramId: { not: null } },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    /** The active groups a person coordinates now (read again at send time and on every /ringkasan press). */
    async coordinatedGroupIds(personId: number): Promise<number[]> {
      const rows = await prisma.membership.findMany({
        where: { personId, role: "coordinator", status: "active", group: { active: true }, person: { status: { in: STATUSES_WITH_RIGHTS } } },
        select: { groupId: true },
        orderBy: { groupId: "asc" },
      });
      return rows.map((r) => r.groupId);
    },

    /** Staff rights (people.rights), read from the database on every call, never from a button. */
    isStaff: (personId: number): Promise<boolean> => staffById(prisma, personId),
  };
}

export type SummaryRepository = ReturnType<typeof createSummaryRepository>;
