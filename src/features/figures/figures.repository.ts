import { Prisma, type PrismaClient } from "../../db/client.js";
import type { IndicatorAggregation, IndicatorReporter } from "../../generated/prisma/enums.js";
import { canonical, toDec } from "../../lib/number-format.js";
import type { Figure, WeekSpan } from "./figures.rules.js";

/**
 * The queries behind every figure: a group's week is the sum of its members' current reports
 * for a member indicator, and its current group report for a group indicator (members' old
 * answers to a group indicator are history and never read here). Weeks are combined by the
 * indicator's aggregation in PostgreSQL, the same rule as figures.rules.ts combineWeeks (the
 * integration test holds them together). Values leave as exact decimal strings.
 */

/** An indicator as far as adding up cares. */
export type Rule = Pick<FigureIndicator, "id" | "aggregation">;

/** A client or an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Which groups: these ids, one programme's, or every group (null: no filter at all, which
 * PostgreSQL handles better than 1,000 ids).
 */
export type GroupFilter = { groupIds: readonly number[] } | { programmeId: number } | null;

export type FigureIndicator = {
  id: number;
  programmeId: number;
  code: string;
  labelId: string;
  labelEn: string;
  unit: string;
  decimals: number;
  reportedBy: IndicatorReporter;
  aggregation: IndicatorAggregation;
  active: boolean;
};

/** One group × indicator: a figure per period asked, in the order asked. */
export type PeriodRow = { groupId: number; indicatorId: number; values: Figure[] };
export type WeekRow = { groupId: number; indicatorId: number; weekStartDate: string; value: string };
export type YearlyFigure = { groupId: number; indicatorId: number; year: number; value: string };

/** The filter as a condition on a group id column (for other features' queries over the same group sets). */
export function groupFilterSql(column: Prisma.Sql, filter: GroupFilter): Prisma.Sql {
  if (filter === null) return Prisma.sql`TRUE`;
  if ("groupIds" in filter) return filter.groupIds.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`${column} = ANY(${[...filter.groupIds]}::int[])`;
  return Prisma.sql`${column} IN (SELECT id FROM "group" WHERE programme_id = ${filter.programmeId})`;
}

/** Per group × indicator × week with a value: the group's figure of that week (see above). */
function weeklySql(filter: GroupFilter, from: string, to: string): Prisma.Sql {
  return Prisma.sql`
    SELECT r.group_id, v.indicator_id, r.week_start, SUM(v.value) AS total
    FROM report r
    JOIN report_value v ON v.report_id = r.id
    JOIN indicator i ON i.id = v.indicator_id AND i.reported_by = 'member'
    WHERE r.current = true AND ${groupFilterSql(Prisma.sql`r.group_id`, filter)}
      AND r.week_start >= ${from}::date AND r.week_start <= ${to}::date
    GROUP BY r.group_id, v.indicator_id, r.week_start
    UNION ALL
    SELECT g.group_id, v.indicator_id, g.week_start, v.value AS total
    FROM group_report g
    JOIN group_report_value v ON v.group_report_id = g.id
    JOIN indicator i ON i.id = v.indicator_id AND i.reported_by = 'group'
    WHERE g.current = true AND ${groupFilterSql(Prisma.sql`g.group_id`, filter)}
      AND g.week_start >= ${from}::date AND g.week_start <= ${to}::date`;
}

/** The figures of several periods at once, one pass over the weeks (exported for the bench's EXPLAIN). */
export function periodFiguresSql(filter: GroupFilter, periods: readonly WeekSpan[]): Prisma.Sql {
  const from = periods.reduce((min, p) => (p.from < min ? p.from : min), periods[0]!.from);
  const to = periods.reduce((max, p) => (p.to > max ? p.to : max), periods[0]!.to);
  // Each week goes into the one aggregate of its indicator's rule (the FILTER leaves the other
  // two empty, so no indicator pays for another rule's sorting).
  const columns = periods.map((p) => {
    const inPeriod = (rule: string) =>
      Prisma.sql`FILTER (WHERE i.aggregation = ${rule}::"IndicatorAggregation" AND w.week_start >= ${p.from}::date AND w.week_start <= ${p.to}::date)`;
    return Prisma.sql`COALESCE(
        SUM(w.total) ${inPeriod("sum")},
        MAX(w.total) ${inPeriod("max")},
        (ARRAY_AGG(w.total ORDER BY w.week_start DESC) ${inPeriod("latest")})[1])::text`;
  });
  return Prisma.sql`
    SELECT w.group_id AS "groupId", w.indicator_id AS "indicatorId", ARRAY[${Prisma.join(columns)}] AS "values"
    FROM (${weeklySql(filter, from, to)}) w
    JOIN indicator i ON i.id = w.indicator_id
    GROUP BY w.group_id, w.indicator_id`;
}

const indicatorSelect = {
  id: true,
  programmeId: true,
  code: true,
  labelId: true,
  labelEn: true,
  unit: true,
  decimals: true,
  reportedBy: true,
  aggregation: true,
  active: true,
} as const;

/** The indicators of these programmes in question order (null: every programme), inactive ones too unless asked. */
export async function indicatorsOf(db: Db, programmeIds: readonly number[] | null, { activeOnly }: { activeOnly: boolean }): Promise<FigureIndicator[]> {
  return db.indicator.findMany({
    where: { ...(programmeIds && { programmeId: { in: [...programmeIds] } }), ...(activeOnly && { active: true }) },
    orderBy: [{ programmeId: "asc" }, { position: "asc" }, { id: "asc" }],
    select: indicatorSelect,
  });
}

/** Per group × indicator with any value in any of the periods: its figure in each period (null: not reported). */
export async function periodFigures(db: Db, filter: GroupFilter, periods: readonly WeekSpan[]): Promise<PeriodRow[]> {
  if (periods.length === 0) return [];
  if (filter !== null && "groupIds" in filter && filter.groupIds.length === 0) return [];
  const rows = await db.$queryRaw<PeriodRow[]>(periodFiguresSql(filter, periods));
  for (const row of rows) row.values = row.values.map((v) => (v === null ? null : plain(v)));
  return rows;
}

/** Every group × indicator × week with a value in the span, oldest week first. */
export async function weekFigures(db: Db, filter: GroupFilter, span: WeekSpan): Promise<WeekRow[]> {
  if (filter !== null && "groupIds" in filter && filter.groupIds.length === 0) return [];
  const rows = await db.$queryRaw<WeekRow[]>`
    SELECT w.group_id AS "groupId", w.indicator_id AS "indicatorId", to_char(w.week_start, 'YYYY-MM-DD') AS "weekStartDate", w.total::text AS "value"
    FROM (${weeklySql(filter, span.from, span.to)}) w
    ORDER BY w.week_start, w.group_id, w.indicator_id`;
  for (const row of rows) row.value = plain(row.value);
  return rows;
}

/** "17.5000" (a DECIMAL(20,4) as PostgreSQL writes it) → "17.5". */
const plain = (value: string): string => canonical(toDec(value));

function yearlyWhere(filter: GroupFilter, years: readonly number[]) {
  const groups =
    filter === null ? {} : "groupIds" in filter ? { groupId: { in: [...filter.groupIds] } } : { group: { programmeId: filter.programmeId } };
  return { ...groups, year: { in: [...years] } };
}

const yearlySelect = { groupId: true, indicatorId: true, year: true, value: true } as const;

/** The targets (the plan) of these groups for these years. */
export async function targetsOf(db: Db, filter: GroupFilter, years: readonly number[]): Promise<YearlyFigure[]> {
  const rows = await db.target.findMany({ where: yearlyWhere(filter, years), select: yearlySelect });
  return rows.map((r) => ({ ...r, value: plain(r.value.toString()) }));
}

/** The yearly figures from before the bot (baselines) of these groups for these years. */
export async function baselinesOf(db: Db, filter: GroupFilter, years: readonly number[]): Promise<YearlyFigure[]> {
  const rows = await db.baseline.findMany({ where: yearlyWhere(filter, years), select: yearlySelect });
  return rows.map((r) => ({ ...r, value: plain(r.value.toString()) }));
}
