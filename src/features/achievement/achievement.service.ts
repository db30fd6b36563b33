import type { Clock } from "../../app-deps.js";
import { isoYearRange, weekOf } from "../../lib/week.js";
import type { AchievementIndicatorRow, AchievementRepository } from "./achievement.repository.js";

export type AchievementDeps = {
  repo: AchievementRepository;
  clock: Clock;
  timeZone: string;
};

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export type YearReading = { kind: "year"; year: number } | { kind: "invalid" };

/**
 * The year of `/capaian [tahun]`: none → this week's ISO week-year (on 1 January that can still
 * be last year's week 52/53: the week counts in the year it belongs to); otherwise a whole
 * number from 2000 to 2100.
 */
export function readYear(argument: string, now: Date, zone: string): YearReading {
  const text = argument.trim();
  if (text === "") return { kind: "year", year: weekOf(now, zone).isoYear };
  if (!/^\d{4}$/.test(text)) return { kind: "invalid" };
  const year = Number(text);
  return year >= MIN_YEAR && year <= MAX_YEAR ? { kind: "year", year } : { kind: "invalid" };
}

/** Who is asking, as far as /capaian cares: staff see every group, everyone else their own groups. */
export type AchievementViewer = { isStaff: boolean; memberGroupIds: readonly number[] };

export type GroupAchievement = {
  groupId: number;
  groupName: string;
  totals: Array<
    Omit<AchievementIndicatorRow, "id" | "programmeId"> & {
      indicatorId: number;
      /** exact decimal string; "0" when nothing was reported */
      total: string;
    }
  >;
};

export type ProgrammeAchievement = { programmeId: number; name: string; nameEn: string; groups: GroupAchievement[] };

export type Achievements =
  | {
      kind: "ok";
      year: number;
      firstWeekStartDate: string;
      lastWeekStartDate: string;
      /** staff see the programmes as headings */
      byProgramme: boolean;
      programmes: ProgrammeAchievement[];
    }
  | { kind: "no-groups" };

/** Each visible group's totals per indicator of its programme for the ISO week-year `year`, summed in SQL. */
export async function yearAchievements(deps: AchievementDeps, viewer: AchievementViewer, year: number): Promise<Achievements> {
  if (!viewer.isStaff && viewer.memberGroupIds.length === 0) return { kind: "no-groups" };
  const groups = await deps.repo.groups(viewer.isStaff ? "all" : viewer.memberGroupIds);
  if (groups.length === 0) return { kind: "no-groups" };
  const { firstWeekStartDate, lastWeekStartDate } = isoYearRange(year, deps.timeZone);
  const programmeIds = [...new Set(groups.map((g) => g.programmeId))];
  const [indicators, totals] = await Promise.all([
    deps.repo.indicators(programmeIds),
    deps.repo.totals(
      groups.map((g) => g.groupId),
      firstWeekStartDate,
      lastWeekStartDate,
    ),
  ]);
  const totalOf = new Map(totals.map((t) => [`${t.groupId}/${t.indicatorId}`, t.total]));
  const programmes = new Map<number, ProgrammeAchievement>();
  for (const group of groups) {
    let programme = programmes.get(group.programmeId);
    if (!programme) {
      programme = { programmeId: group.programmeId, name: group.programmeName, nameEn: group.programmeNameEn, groups: [] };
      programmes.set(group.programmeId, programme);
    }
    programme.groups.push({
      groupId: group.groupId,
      groupName: group.groupName,
      totals: indicators
        .filter((i) => i.programmeId === group.programmeId)
        .map(({ id, programmeId: _, ...indicator }) => ({ indicatorId: id, ...indicator, total: totalOf.get(`${group.groupId}/${id}`) ?? "0" })),
    });
  }
  return { kind: "ok", year, firstWeekStartDate, lastWeekStartDate, byProgramme: viewer.isStaff, programmes: [...programmes.values()] };
}
