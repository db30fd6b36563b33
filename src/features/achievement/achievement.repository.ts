import { Prisma, type PrismaClient } from "../../db/client.js";
import { dbDate } from "../../lib/week.js";

export type AchievementGroupRow = {
  groupId: number;
  groupName: string;
  programmeId: number;
  programmeName: string;
  programmeNameEn: string;
};

export type AchievementIndicatorRow = {
  id: number;
  programmeId: number;
  labelId: string;
  labelEn: string;
  unit: string;
  decimals: number;
  achievementId: string | null;
  achievementEn: string | null;
};

/** The Prisma queries of /capaian. Totals are summed in PostgreSQL and leave as exact decimal strings. */
export function createAchievementRepository(prisma: PrismaClient) {
  return {
    /** Active groups (all of them, or those ids), ordered by programme then name. */
    async groups(groupIds: readonly number[] | "all"): Promise<AchievementGroupRow[]> {
      const rows = await prisma.group.findMany({
        where: { active: true, ...(groupIds !== "all" && { id: { in: [...groupIds] } }) },
        select: { id: true, name: true, programme: { select: { id: true, name: true, nameEn: true } } },
        orderBy: [{ programme: { id: "asc" } }, { name: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        groupId: r.id,
        groupName: r.name,
        programmeId: r.programme.id,
        programmeName: r.programme.name,
        programmeNameEn: r.programme.nameEn,
      }));
    },

    /** The indicators of these programmes, in question order (inactive ones too: they may hold old figures). */
    async indicators(programmeIds: readonly number[]): Promise<AchievementIndicatorRow[]> {
      if (programmeIds.length === 0) return [];
      return prisma.indicator.findMany({
        where: { programmeId: { in: [...programmeIds] } },
        select: { id: true, programmeId: true, labelId: true, labelEn: true, unit: true, decimals: true, achievementId: true, achievementEn: true },
        orderBy: [{ programmeId: "asc" }, { position: "asc" }, { id: "asc" }],
      });
    },

    /**
     * Sum of the current reports' values per group and indicator, over the weeks whose Monday
     * lies in [firstWeekStartDate, lastWeekStartDate] (an ISO week-year: see isoYearRange).
     */
    async totals(groupIds: readonly number[], firstWeekStartDate: string, lastWeekStartDate: string) {
      if (groupIds.length === 0) return [];
      return prisma.$queryRaw<Array<{ groupId: number; indicatorId: number; total: string }>>`
        SELECT r.group_id AS "groupId", v.indicator_id AS "indicatorId", SUM(v.value)::text AS total
        FROM report r
        JOIN report_value v ON v.report_id = r.id
        WHERE r.current = true
          AND r.group_id IN (${Prisma.join([...groupIds])})
          AND r.week_start BETWEEN ${dbDate(firstWeekStartDate)}::date AND ${dbDate(lastWeekStartDate)}::date
        GROUP BY r.group_id, v.indicator_id`;
    },
  };
}

export type AchievementRepository = ReturnType<typeof createAchievementRepository>;
