import type { Clock } from "../../app-deps.js";
import { weekOf } from "../../lib/week.js";
import { evaluationOf, yearSpan, type Evaluation } from "../figures/figures.service.js";
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
 * The year of `/capaian [tahun]`: none → the year this week counts in (the year of its
 * Thursday: on 1 January that can still be last year's last week); otherwise a whole number
 * from 2000 to 2100.
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
    Omit<AchievementIndicatorRow, "id" | "programmeId"> &
      Omit<Evaluation, "year" | "yearSource"> & {
        indicatorId: number;
        /** exact decimal string; null when nothing was reported (never a made-up 0) */
        total: string | null;
        /** the weekly reports, or a yearly baseline (a year from before the bot) */
        source: Evaluation["yearSource"];
      }
  >;
};

export type ProgrammeAchievement = { programmeId: number; name: string; nameEn: string; groups: GroupAchievement[] };

export type Achievements =
  | {
      kind: "ok";
      year: number;
      firstWeekStartDate: string;
      /** the year's last week, or this week while the year runs */
      lastWeekStartDate: string;
      /** the year is still running: its figures are the year so far */
      soFar: boolean;
      /** staff see the programmes as headings */
      byProgramme: boolean;
      programmes: ProgrammeAchievement[];
    }
  | { kind: "no-groups" };

/**
 * Each visible group's figures per indicator of its programme for the calendar year `year`
 * (weeks by their Thursday; up to this week while the year runs), from the figures module:
 * the reports or the year's baseline, the target and the share reached, the same weeks of
 * the year before.
 */
export async function yearAchievements(deps: AchievementDeps, viewer: AchievementViewer, year: number): Promise<Achievements> {
  if (!viewer.isStaff && viewer.memberGroupIds.length === 0) return { kind: "no-groups" };
  const groups = await deps.repo.groups(viewer.isStaff ? "all" : viewer.memberGroupIds);
  if (groups.length === 0) return { kind: "no-groups" };
  const span = yearSpan(year);
  const thisWeek = weekOf(deps.clock(), deps.timeZone).startDate;
  const soFar = thisWeek >= span.from && thisWeek <= span.to;
  const through = soFar ? thisWeek : span.to;
  const programmeIds = [...new Set(groups.map((g) => g.programmeId))];
  const indicators = await deps.repo.indicators(programmeIds);
  const evaluations = await deps.repo.evaluate(
    groups.map((g) => g.groupId),
    indicators,
    through,
  );
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
        .map(({ id, programmeId: _, ...indicator }) => {
          const { year: total, yearSource: source, ...evaluation } = evaluationOf(evaluations, group.groupId, id);
          return { indicatorId: id, ...indicator, ...evaluation, total, source };
        }),
    });
  }
  return { kind: "ok", year, firstWeekStartDate: span.from, lastWeekStartDate: through, soFar, byProgramme: viewer.isStaff, programmes: [...programmes.values()] };
}
