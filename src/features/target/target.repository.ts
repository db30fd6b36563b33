import type { Prisma, PrismaClient } from "../../db/client.js";
import type { IndicatorAggregation, IndicatorReporter } from "../../generated/prisma/enums.js";

/** A client or an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Targets (the plan) and baselines (earlier years' totals) are the same shape: a yearly figure per group × indicator. */
export type YearlyKind = "target" | "baseline";

export type YearlyRow = { id: number; groupId: number; indicatorId: number; year: number; value: string; setById: number | null; setAt: Date; source: string };

const rowSelect = { id: true, groupId: true, indicatorId: true, year: true, value: true, setById: true, setAt: true, source: true } as const;

function plain(r: { id: number; groupId: number; indicatorId: number; year: number; value: { toString(): string }; setById: number | null; setAt: Date; source: string }): YearlyRow {
  return { ...r, value: r.value.toString() };
}

export async function findYearly(db: Db, kind: YearlyKind, key: { groupId: number; indicatorId: number; year: number }): Promise<YearlyRow | null> {
  const where = { groupId_indicatorId_year: { groupId: key.groupId, indicatorId: key.indicatorId, year: key.year } };
  const row = kind === "target" ? await db.target.findUnique({ where, select: rowSelect }) : await db.baseline.findUnique({ where, select: rowSelect });
  return row ? plain(row) : null;
}

export async function upsertYearly(
  db: Db,
  kind: YearlyKind,
  data: { groupId: number; indicatorId: number; year: number; value: string; setById: number | null; setAt: Date; source: string },
): Promise<YearlyRow> {
  const args = {
    where: { groupId_indicatorId_year: { groupId: data.groupId, indicatorId: data.indicatorId, year: data.year } },
    create: { groupId: data.groupId, indicatorId: data.indicatorId, year: data.year, value: data.value, setById: data.setById, setAt: data.setAt, source: data.source },
    update: { value: data.value, setById: data.setById, setAt: data.setAt, source: data.source },
    select: rowSelect,
  };
  return plain(kind === "target" ? await db.target.upsert(args) : await db.baseline.upsert(args));
}

/** The yearly figures of some groups for some years. */
export async function listYearly(db: Db, kind: YearlyKind, filter: { groupIds?: number[]; years?: number[] }): Promise<YearlyRow[]> {
  const where = { ...(filter.groupIds && { groupId: { in: filter.groupIds } }), ...(filter.years && { year: { in: filter.years } }) };
  const orderBy = [{ year: "asc" as const }, { groupId: "asc" as const }, { indicatorId: "asc" as const }];
  const rows = kind === "target" ? await db.target.findMany({ where, orderBy, select: rowSelect }) : await db.baseline.findMany({ where, orderBy, select: rowSelect });
  return rows.map(plain);
}

export type PlanIndicator = {
  id: number;
  code: string;
  labelId: string;
  labelEn: string;
  unit: string;
  decimals: number;
  minValue: string;
  reportedBy: IndicatorReporter;
  aggregation: IndicatorAggregation;
};
export type PlanGroup = { id: number; code: string; name: string };
export type PlanProgramme = { id: number; code: string; name: string; nameEn: string; groups: PlanGroup[]; indicators: PlanIndicator[] };

const programmeSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  groups: { where: { active: true }, orderBy: { id: "asc" as const }, select: { id: true, code: true, name: true } },
  indicators: {
    where: { active: true },
    orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
    select: { id: true, code: true, labelId: true, labelEn: true, unit: true, decimals: true, minValue: true, reportedBy: true, aggregation: true },
  },
} satisfies Prisma.ProgrammeSelect;

function planOf(p: { id: number; code: string; name: string; nameEn: string; groups: PlanGroup[]; indicators: Array<Omit<PlanIndicator, "minValue"> & { minValue: { toString(): string } }> }): PlanProgramme {
  return { ...p, indicators: p.indicators.map((i) => ({ ...i, minValue: i.minValue.toString() })) };
}

/** Active programmes with their active groups and indicators: what a plan is made of. */
export async function activeProgrammes(db: Db): Promise<PlanProgramme[]> {
  const rows = await db.programme.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: programmeSelect });
  return rows.map(planOf);
}

export async function programmeByCode(db: Db, code: string): Promise<PlanProgramme | null> {
  const row = await db.programme.findUnique({ where: { code }, select: programmeSelect });
  return row ? planOf(row) : null;
}

export async function programmeById(db: Db, id: number): Promise<PlanProgramme | null> {
  const row = await db.programme.findUnique({ where: { id }, select: programmeSelect });
  return row ? planOf(row) : null;
}

/** An active group by its code, with its programme's code. */
export async function groupByCode(db: Db, code: string) {
  return db.group.findFirst({ where: { code, active: true }, select: { id: true, code: true, name: true, programmeId: true, programme: { select: { code: true } } } });
}
