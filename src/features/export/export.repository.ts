import { Prisma, type PrismaClient } from "../../db/client.js";
import { dbDate } from "../../lib/week.js";
import { coordinatedGroupIds, hasRights, isStaff, rightsById } from "../people/people.rights.js";

/**
 * The Prisma queries of the reports export. Rows are read with ONE query per programme —
 * current reports joined with their values, pivoted in SQL to one column per indicator —
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

export type ExportIndicator = { id: number; code: string; labelId: string; labelEn: string; unit: string; decimals: number };
export type ExportProgramme = { id: number; code: string; name: string; nameEn: string; indicators: ExportIndicator[] };

export type ExportRow = {
  reportId: number;
  weekStartDate: string;
  groupName: string;
  kelurahan: string;
  memberId: number;
  memberName: string | null;
  memberErased: boolean;
  submitterId: number;
  submitterName: string | null;
  submitterErased: boolean;
  /** ISO instant */
  submittedAt: string;
  note: string | null;
  /** by the programme's indicators, in order; null where the report has no value */
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
          indicators: { select: { id: true, code: true, labelId: true, labelEn: true, unit: true, decimals: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
        },
        orderBy: { id: "asc" },
      });
    },

    /** The programmes that have at least one current report in scope. */
    async programmeIdsWithReports(filter: ReportFilter): Promise<Set<number>> {
      const rows = await prisma.$queryRaw<Array<{ id: number }>>`
        SELECT DISTINCT g.programme_id AS id FROM report r JOIN "group" g ON g.id = r.group_id WHERE ${scopeSql(filter)}`;
      return new Set(rows.map((r) => r.id));
    },

    /** How many current reports the filter covers (all programmes together). */
    async countReports(filter: ReportFilter): Promise<number> {
      const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM report r JOIN "group" g ON g.id = r.group_id WHERE ${scopeSql(filter)}`;
      return row?.n ?? 0;
    },

    /**
     * One programme's rows in scope, ordered by week, group, member, handed to `onPage` a
     * page at a time (awaited: the writer's back-pressure holds the cursor), and the sum per
     * indicator ("0" for none) — both from one snapshot, so the totals match the rows.
     */
    async readProgramme(
      programme: ExportProgramme,
      filter: ReportFilter,
      onPage: (rows: ExportRow[]) => Promise<void>,
      pageSize = PAGE_SIZE,
    ): Promise<{ count: number; totals: string[] }> {
      const pivot = programme.indicators.map(
        (indicator, index) => Prisma.sql`(MAX(v.value) FILTER (WHERE v.indicator_id = ${indicator.id}))::text AS ${Prisma.raw(`"v${index}"`)}`,
      );
      // The rows are sorted first (on narrow keys; names by code point, which is much faster
      // than the database's collation and still alphabetical), then each report's values are
      // pivoted through its (report_id, indicator_id) index as the cursor reads on.
      const values =
        pivot.length > 0
          ? Prisma.sql`LEFT JOIN LATERAL (SELECT ${Prisma.join(pivot, ", ")} FROM report_value v WHERE v.report_id = r.id) vals ON true`
          : Prisma.empty;
      const query = Prisma.sql`
        SELECT r.id AS "reportId", r.week_start::text AS "weekStartDate", g.name AS "groupName", g.kelurahan,
               m.id AS "memberId", m.name AS "memberName", (m.status = 'erased') AS "memberErased",
               s.id AS "submitterId", s.name AS "submitterName", (s.status = 'erased') AS "submitterErased",
               to_char(r.submitted_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt", r.note
               ${pivot.length > 0 ? Prisma.sql`, vals.*` : Prisma.empty}
        FROM report r
        JOIN "group" g ON g.id = r.group_id
        JOIN person m ON m.id = r.member_id
        JOIN person s ON s.id = r.submitted_by_id
        ${values}
        WHERE ${scopeSql(filter)} AND g.programme_id = ${programme.id}
        ORDER BY r.week_start, g.name COLLATE "C", g.id, m.name COLLATE "C" NULLS LAST, m.id`;
      const size = Math.max(1, Math.floor(pageSize));
      return prisma.$transaction(
        async (tx) => {
          const sums = await tx.$queryRaw<Array<{ indicatorId: number; total: string }>>`
            SELECT v.indicator_id AS "indicatorId", SUM(v.value)::text AS total
            FROM report r JOIN "group" g ON g.id = r.group_id JOIN report_value v ON v.report_id = r.id
            WHERE ${scopeSql(filter)} AND g.programme_id = ${programme.id}
            GROUP BY v.indicator_id`;
          const byId = new Map(sums.map((row) => [row.indicatorId, row.total]));
          const totals = programme.indicators.map((indicator) => byId.get(indicator.id) ?? "0");
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

function toRow(raw: RawRow, indicatorCount: number): ExportRow {
  const values: Array<string | null> = [];
  for (let i = 0; i < indicatorCount; i++) values.push((raw[`v${i}`] as string | null) ?? null);
  return {
    reportId: raw.reportId,
    weekStartDate: raw.weekStartDate,
    groupName: raw.groupName,
    kelurahan: raw.kelurahan,
    memberId: raw.memberId,
    memberName: raw.memberName,
    memberErased: raw.memberErased,
    submitterId: raw.submitterId,
    submitterName: raw.submitterName,
    submitterErased: raw.submitterErased,
    submittedAt: raw.submittedAt,
    note: raw.note,
    values,
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
