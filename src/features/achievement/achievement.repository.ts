import type { PrismaClient } from "../../db/client.js";
import type { IndicatorAggregation } from "../../generated/prisma/enums.js";
import { evaluate, type Evaluations } from "../figures/figures.service.js";

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
  aggregation: IndicatorAggregation;
};

/** The Prisma queries of /capaian; the year's figures come from the figures module (one rule for every figure). */
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
        select: { id: true, programmeId: true, labelId: true, labelEn: true, unit: true, decimals: true, achievementId: true, achievementEn: true, aggregation: true },
        orderBy: [{ programmeId: "asc" }, { position: "asc" }, { id: "asc" }],
      });
    },

    /** The year up to the week starting `throughWeekStartDate`: figures (or baselines), targets, the same weeks last year. */
    evaluate(groupIds: readonly number[], indicators: readonly AchievementIndicatorRow[], throughWeekStartDate: string): Promise<Evaluations> {
      return evaluate(prisma, { groupIds }, indicators, throughWeekStartDate);
    },
  };
}

export type AchievementRepository = ReturnType<typeof createAchievementRepository>;
