import { Prisma, type PrismaClient } from "../../db/client.js";
import type { IndicatorReporter } from "../../generated/prisma/enums.js";
import { dbDate } from "../../lib/week.js";
import { addFigures, periodFigures, type Figure, type FigureIndicator } from "../figures/figures.service.js";
import { coordinatedGroupIds, hasRights, isStaff, rightsById } from "../people/people.rights.js";

/**
 * The Prisma queries of the reports export. Rows are read with ONE query per programme —
 * current reports joined with their values, pivoted in SQL to one column per indicator; a
 * member's row holds the member indicators, and each current group report is a row of its own
 * holding the group indicators (members' old answers to a group indicator are not shown) —
 * through a server-side cursor, a page at a time, so a programme-year of ~1 M values never
 * sits in memory at once. Figures leave as exact decimal strings, times as ISO strings.
 */

export type ReportFilter = {
  /** Monday of the first week, "yyyy-MM-dd" */
  firstWeekStartDate: string;
  /** Monday of the last week (inclusive) */
  lastWeekStartDate: string;
  /** only these programmes (null: any) */
  programmeIds?: readonly number[] | null;
  /** only these groups (null: any) */
  groupIds?: readonly number[] | null;
  /** only these members' reports (null: any) — the console's filtered download */
  memberIds?: readonly number[] | null;
};

export type ExportIndicator = Omit<FigureIndicator, "programmeId" | "active">;
export type ExportProgramme = { id: number; code: string; name: string; nameEn: string; indicators: ExportIndicator[] };

export type ExportRow = {
  /** a report's id, or a group report's for a group row */
  reportId: number;
  /** the group's own figures (group indicators), not a member's report */
  groupReport: boolean;
  weekStartDate: string;
  groupName: string;
  kelurahan: string;
  /** null on a group row */
  memberId: number | null;
  memberName: string | null;
  memberErased: boolean;
  submitterId: number;
  submitterName: string | null;
  submitterErased: boolean;
  /** ISO instant */
  submittedAt: string;
  note: string | null;
  /** by the programme's indicators, in order; null (an empty cell) where the row has no value */
  values: Array<string | null>;
};

export const PAGE_SIZE = 5_000;
/** A large programme-year takes a while to write out; the cursor's transaction must outlive it. */
const EXPORT_TRANSACTION_MS = 15 * 60_000;

function scopeSql(filter: ReportFilter): Prisma.Sql {
  const parts = [
    Prisma.sql`r.current = true`,
    Prisma.sql`r.week_start BETWEEN ${dbDate(filter.firstWeekStartDate)}::date AND ${dbDate(filter.lastWeekStartDate)}::date`,
  ];
  if (filter.groupIds) parts.push(filter.groupIds.length > 0 ? Prisma.sql`r.group_id IN (${Prisma.join([...filter.groupIds])})` : Prisma.sql`false`);
  if (filter.programmeIds) parts.push(filter.programmeIds.length > 0 ? Prisma.sql`g.programme_id IN (${Prisma.join([...filter.programmeIds])})` : Prisma.sql`false`);
  if (filter.memberIds) parts.push(filter.memberIds.length > 0 ? Prisma.sql`r.member_id IN (${Prisma.join([...filter.memberIds])})` : Prisma.sql`false`);
  return Prisma.join(parts, " AND ");
}

/** The same scope for group reports (aliased r too): they belong to no member, so a filter by member leaves them out. */
function groupScopeSql(filter: ReportFilter): Prisma.Sql {
  return filter.memberIds ? Prisma.sql`false` : scopeSql({ ...filter, memberIds: null });
}

type RawRow = Omit<ExportRow, "values"> & Record<string, unknown>;

export function createExportRepository(prisma: PrismaClient) {
  return {
    /** The programmes with at least one group in scope (inactive groups too: their reports are still data), with all their indicators. */
    async programmesInScope(filter: ReportFilter): Promise<ExportProgramme[]> {
      return prisma.programme.findMany({
        where: {
          ...(filter.programmeIds && { id: { in: [...filter.programmeIds] } }),
          groups: { some: filter.groupIds ? { id: { in: [...filter.groupIds] } } : {} },
        },
        select: {
          id: true,
          code: true,
          name: true,
          nameEn: true,
          indicators: {
            select: { id: true, code: true, labelId: true, labelEn: true, unit: true, decimals: true, reportedBy: true, aggregation: true },
            orderBy: [{ position: "asc" }, { id: "asc" }],
          },
        },
        orderBy: { id: "asc" },
      });
    },

    /** The programmes that have at least one current report (or group report) in scope. */
    async programmeIdsWithReports(filter: ReportFilter): Promise<Set<number>> {
      const rows = await prisma.$queryRaw<Array<{ id: number }>>`
        SELECT DISTINCT g.programme_id AS id FROM report r JOIN "group" g ON g.id = r.group_id WHERE ${scopeSql(filter)}
        UNION
        SELECT DISTINCT g.programme_id AS id FROM group_report r JOIN "group" g ON g.id = r.group_id WHERE ${groupScopeSql(filter)}`;
      return new Set(rows.map((r) => r.id));
    },

    /** How many rows the filter covers (current reports and group reports, all programmes together). */
    async countReports(filter: ReportFilter): Promise<number> {
      const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT (SELECT count(*) FROM report r JOIN "group" g ON g.id = r.group_id WHERE ${scopeSql(filter)})::int
             + (SELECT count(*) FROM group_report r JOIN "group" g ON g.id = r.group_id WHERE ${groupScopeSql(filter)})::int AS n`;
      return row?.n ?? 0;
    },

    /**
     * One programme's rows in scope, ordered by week, group, member (the group's own row after
     * its members'), handed to `onPage` a page at a time (awaited: the writer's back-pressure
     * holds the cursor), and the period's figure per indicator by the figures module's rules
     * (null: not reported) — both from one snapshot, so the totals match the rows.
     */
    async readProgramme(
      programme: ExportProgramme,
      filter: ReportFilter,
      onPage: (rows: ExportRow[]) => Promise<void>,
      pageSize = PAGE_SIZE,
    ): Promise<{ count: number; totals: Figure[] }> {
      const pivotOf = (reportedBy: IndicatorReporter) =>
        programme.indicators.flatMap((indicator, index) =>
          indicator.reportedBy === reportedBy
            ? [Prisma.sql`(MAX(v.value) FILTER (WHERE v.indicator_id = ${indicator.id}))::text AS ${Prisma.raw(`"v${index}"`)}`]
            : [],
        );
      const memberPivot = pivotOf("member");
      const groupPivot = pivotOf("group");
      // The rows are sorted first (on narrow keys; names by code point, which is much faster
      // than the database's collation and still alphabetical), then each row's values are
      // pivoted through its (report_id, indicator_id) index as the cursor reads on.
      const laterals = [
        memberPivot.length > 0
          ? Prisma.sql`LEFT JOIN LATERAL (SELECT ${Prisma.join(memberPivot, ", ")} FROM report_value v WHERE NOT x."groupReport" AND v.report_id = x."reportId") mv ON true`
          : Prisma.empty,
        groupPivot.length > 0
          ? Prisma.sql`LEFT JOIN LATERAL (SELECT ${Prisma.join(groupPivot, ", ")} FROM group_report_value v WHERE x."groupReport" AND v.group_report_id = x."reportId") gv ON true`
          : Prisma.empty,
      ];
      const pivoted = [memberPivot.length > 0 ? Prisma.sql`, mv.*` : Prisma.empty, groupPivot.length > 0 ? Prisma.sql`, gv.*` : Prisma.empty];
      const query = Prisma.sql`
        SELECT x.* ${Prisma.join(pivoted, " ")}
        FROM (
          SELECT r.id AS "reportId", false AS "groupReport", r.week_start AS "weekStart", g.id AS "groupId", g.name AS "groupName", g.kelurahan,
                 m.id AS "memberId", m.name AS "memberName", (m.status = 'erased') AS "memberErased",
                 s.id AS "submitterId", s.name AS "submitterName", (s.status = 'erased') AS "submitterErased", r.submitted_at, r.note
          FROM report r
          JOIN "group" g ON g.id = r.group_id
          JOIN person m ON m.id = r.member_id
          JOIN person s ON s.id = r.submitted_by_id
          WHERE ${scopeSql(filter)} AND g.programme_id = ${programme.id}
          UNION ALL
          SELECT r.id, true, r.week_start, g.id, g.name, g.kelurahan, NULL, NULL, false,
                 s.id, s.name, (s.status = 'erased'), r.submitted_at, NULL
          FROM group_report r
          JOIN "group" g ON g.id = r.group_id
          JOIN person s ON s.id = r.submitted_by_id
          WHERE ${groupScopeSql(filter)} AND g.programme_id = ${programme.id}
        ) x
        ${Prisma.join(laterals, " ")}
        ORDER BY x."weekStart", x."groupName" COLLATE "C", x."groupId", x."groupReport", x."memberName" COLLATE "C" NULLS LAST, x."memberId"`;
      const size = Math.max(1, Math.floor(pageSize));
      return prisma.$transaction(
        async (tx) => {
          const totals = await programmeTotals(tx, programme, filter);
          await tx.$executeRaw`DECLARE export_rows NO SCROLL CURSOR FOR ${query}`;
          let count = 0;
          for (;;) {
            const raw = await tx.$queryRawUnsafe<RawRow[]>(`FETCH ${size} FROM export_rows`);
            if (raw.length === 0) break;
            count += raw.length;
            await onPage(raw.map((r) => toRow(r, programme.indicators.length)));
            if (raw.length < size) break;
          }
          await tx.$executeRawUnsafe("CLOSE export_rows");
          return { count, totals };
        },
        { timeout: EXPORT_TRANSACTION_MS, maxWait: 30_000, isolationLevel: "RepeatableRead" },
      );
    },

    /** The rights that decide what a person may export, read from the database. */
    async rightsOf(personId: number): Promise<{ isStaff: boolean; coordinatorGroupIds: number[] } | null> {
      const person = await rightsById(prisma, personId);
      if (!person || !hasRights(person.status)) return null;
      return { isStaff: isStaff(person), coordinatorGroupIds: coordinatedGroupIds(person) };
    },

    async group(groupId: number) {
      return prisma.group.findUnique({ where: { id: groupId }, select: { id: true, code: true, name: true, programmeId: true } });
    },

    async programme(programmeId: number) {
      return prisma.programme.findUnique({ where: { id: programmeId }, select: { id: true, code: true, name: true, nameEn: true } });
    },

    /** Active programmes with their active groups, for the staff's choice. */
    async activeProgrammes() {
      return prisma.programme.findMany({
        where: { active: true },
        select: { id: true, code: true, name: true, nameEn: true, groups: { where: { active: true }, select: { id: true, code: true, name: true }, orderBy: { name: "asc" } } },
        orderBy: { id: "asc" },
      });
    },

    async groups(groupIds: readonly number[]) {
      return prisma.group.findMany({ where: { id: { in: [...groupIds] } }, select: { id: true, code: true, name: true }, orderBy: { name: "asc" } });
    },

    /** Where the files go and in which language: the requester's Telegram chat. */
    async recipient(personId: number) {
      return prisma.person.findUnique({ where: { id: personId }, select: { telegramId: true, language: true, status: true } });
    },
  };
}

/**
 * The period's figure per indicator of the programme, the groups in scope added (figures
 * module: sum, latest or max over the weeks). Filtered by member, only the members' flows can
 * be added up (a head count or a group figure is not a sum of members' rows): the others stay
 * empty.
 */
async function programmeTotals(tx: Prisma.TransactionClient, programme: ExportProgramme, filter: ReportFilter): Promise<Figure[]> {
  if (filter.memberIds) {
    const sums = await tx.$queryRaw<Array<{ indicatorId: number; total: string }>>`
      SELECT v.indicator_id AS "indicatorId", SUM(v.value)::text AS total
      FROM report r JOIN "group" g ON g.id = r.group_id JOIN report_value v ON v.report_id = r.id
      WHERE ${scopeSql(filter)} AND g.programme_id = ${programme.id}
      GROUP BY v.indicator_id`;
    const byId = new Map(sums.map((row) => [row.indicatorId, row.total]));
    return programme.indicators.map((i) => (i.reportedBy === "member" && i.aggregation === "sum" ? (byId.get(i.id) ?? null) : null));
  }
  const groups = filter.groupIds ? { groupIds: filter.groupIds } : { programmeId: programme.id };
  const rows = await periodFigures(tx, groups, [{ from: filter.firstWeekStartDate, to: filter.lastWeekStartDate }]);
  return programme.indicators.map((i) => addFigures(rows.filter((r) => r.indicatorId === i.id).map((r) => r.values[0] ?? null)));
}

function toRow(raw: RawRow, indicatorCount: number): ExportRow {
  const values: Array<string | null> = [];
  for (let i = 0; i < indicatorCount; i++) values.push((raw[`v${i}`] as string | null) ?? null);
  return {
    reportId: raw.reportId,
    groupReport: raw.groupReport,
    weekStartDate: (raw.weekStart as Date).toISOString().slice(0, 10),
    groupName: raw.groupName,
    kelurahan: raw.kelurahan,
    memberId: raw.memberId,
    memberName: raw.memberName,
    memberErased: raw.memberErased,
    submitterId: raw.submitterId,
    submitterName: raw.submitterName,
    submitterErased: raw.submitterErased,
    submittedAt: (raw.submitted_at as Date).toISOString(),
    note: raw.note,
    values,
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
