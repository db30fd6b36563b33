import type { Clock } from "../../app-deps.js";
import type { Logger } from "../../logger.js";
import { shiftWeeks, type ReportingWeek } from "../../lib/week.js";
import { addEvaluations, evaluationOf, extraOf, type Evaluation, type EvaluationPeriod, type Figure } from "../figures/figures.service.js";
import { groupProgress, yearToDate } from "../figures/figures.rules.js";
import { reportingShare, sumOrNull, weekChange, type Change, type WeekTotal } from "./summary.math.js";
import type { GroupFilter, SummaryGroup, SummaryIndicator, SummaryProgramme, SummaryRepository, UpcomingMeetingRow } from "./summary.repository.js";

/**
 * The weekly summary: for a reporting week and a set of groups, per group and indicator the
 * week's figure, the week before's, the change, and the evaluation of the year so far (target,
 * share reached, pro-rata line, the same weeks last year); who reported; upcoming meetings.
 * Figures come from the figures module (one rule everywhere), the arithmetic from summary.math.ts.
 */

export type SummaryDeps = { repo: SummaryRepository; clock: Clock; timeZone: string; logger?: Logger };

/** Which groups: these ones (a coordinator's), one programme's, or every active group. */
export type SummaryScope = { kind: "groups"; groupIds: number[] } | { kind: "programme"; programmeId: number } | { kind: "all" };

/** Upcoming meetings: from now, this many days ahead. */
export const MEETINGS_AHEAD_DAYS = 14;
export type IndicatorFigures = Omit<SummaryIndicator, "programmeId"> &
  Evaluation & {
    week: WeekTotal;
    previous: WeekTotal;
    change: Change;
  };
export type Reporting = { reported: number; active: number; percent: string };
export type GroupSummary = SummaryGroup & {
  reporting: Reporting;
  notReported: Array<{ personId: number; name: string | null }>;
  indicators: IndicatorFigures[];
  /** the mean share of the year's targets reached (figures.rules groupProgress); null: no target set */
  progress: string | null;
  /** some indicator is below its pro-rata line */
  behind: boolean;
};
export type ProgrammeSummary = SummaryProgramme & {
  /** ranked by progress towards their targets (those without a target last, by name) */
  groups: GroupSummary[];
  /** every group of the programme in this summary together */
  totals: IndicatorFigures[];
  reporting: Reporting;
};
export type UpcomingMeeting = UpcomingMeetingRow;
export type WeeklySummary = {
  week: ReportingWeek;
  /** the year the week counts in, how far into it, and the same weeks last year */
  period: EvaluationPeriod;
  programmes: ProgrammeSummary[];
  meetings: UpcomingMeeting[];
};

export type ChartSeries = {
  /** Mondays from the year's first week, oldest first */
  weekStartDates: string[];
  year: number;
  weeksInYear: number;
  indicators: Array<{ indicator: SummaryIndicator; running: Figure[]; target: Figure }>;
};

function groupsOf(deps: SummaryDeps, scope: SummaryScope): Promise<SummaryGroup[]> {
  if (scope.kind === "groups") return scope.groupIds.length === 0 ? Promise.resolve([]) : deps.repo.groups({ groupIds: scope.groupIds });
  if (scope.kind === "programme") return deps.repo.groups({ programmeId: scope.programmeId });
  return deps.repo.groups({});
}

function filterOf(scope: SummaryScope): GroupFilter {
  if (scope.kind === "groups") return { groupIds: scope.groupIds };
  if (scope.kind === "programme") return { programmeId: scope.programmeId };
  return null;
}

/** Every query at once (one round of the pool), each over the scope's groups. */
export async function buildSummary(deps: SummaryDeps, scope: SummaryScope, week: ReportingWeek): Promise<WeeklySummary> {
  const zone = deps.timeZone;
  const filter = filterOf(scope);
  const weekEndUtc = week.end.toISOString().replace("T", " ").replace("Z", "");
  const now = deps.clock();
  const previous = shiftWeeks(week, -1, zone).startDate;
  const indicators = await deps.repo.indicators(null);
  const [groups, programmes, evaluations, reporting, nonReporters, meetings] = await Promise.all([
    groupsOf(deps, scope),
    deps.repo.programmes(),
    deps.repo.evaluate(filter, indicators, week.startDate, [
      { from: week.startDate, to: week.startDate },
      { from: previous, to: previous },
    ]),
    deps.repo.reporting(filter, week.startDate, weekEndUtc),
    deps.repo.nonReporters(filter, week.startDate, weekEndUtc),
    deps.repo.upcomingMeetings(filter, now, new Date(now.getTime() + MEETINGS_AHEAD_DAYS * 86_400_000)),
  ]);

  const reportingByGroup = new Map(reporting.map((r) => [r.groupId, r]));
  const missingByGroup = new Map<number, GroupSummary["notReported"]>();
  for (const n of nonReporters) {
    const list = missingByGroup.get(n.groupId) ?? [];
    list.push({ personId: n.personId, name: n.name });
    missingByGroup.set(n.groupId, list);
  }

  const groupSummary = (group: SummaryGroup): GroupSummary => {
    const counts = reportingByGroup.get(group.groupId) ?? { active: 0, reported: 0 };
    const figuresOfGroup = indicators
      .filter((i) => i.programmeId === group.programmeId)
      .map((i) => {
        const [thisWeek = null, weekBefore = null] = extraOf(evaluations, group.groupId, i.indicatorId, 2);
        return figures(i, thisWeek, weekBefore, evaluationOf(evaluations, group.groupId, i.indicatorId));
      });
    return {
      ...group,
      reporting: reportingShare(counts.reported, counts.active),
      notReported: missingByGroup.get(group.groupId) ?? [],
      indicators: figuresOfGroup,
      progress: groupProgress(figuresOfGroup.map((f) => ({ value: f.year, target: f.target }))),
      behind: figuresOfGroup.some((f) => f.behind),
    };
  };

  const result: ProgrammeSummary[] = [];
  for (const programme of programmes) {
    const mine = rankByProgress(groups.filter((g) => g.programmeId === programme.programmeId).map(groupSummary));
    if (mine.length === 0) continue;
    const programmeIndicators = indicators.filter((i) => i.programmeId === programme.programmeId);
    const totalsOfProgramme = programmeIndicators.map((indicator, index) => {
      const of = (pick: (f: IndicatorFigures) => WeekTotal) => sumOrNull(mine.map((g) => pick(g.indicators[index]!)));
      const together = addEvaluations(mine.map((g) => g.indicators[index]!), indicator.aggregation, evaluations.period);
      return figures(indicator, of((f) => f.week), of((f) => f.previous), together);
    });
    const reported = mine.reduce((n, g) => n + g.reporting.reported, 0);
    const active = mine.reduce((n, g) => n + g.reporting.active, 0);
    result.push({ ...programme, groups: mine, totals: totalsOfProgramme, reporting: reportingShare(reported, active) });
  }
  return { week, period: evaluations.period, programmes: result, meetings };
}

/** Furthest towards their targets first; groups without a target keep their order (by name), last. */
export function rankByProgress<G extends { progress: string | null }>(groups: readonly G[]): G[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => {
      if (a.g.progress === null || b.g.progress === null) return a.g.progress === b.g.progress ? a.i - b.i : a.g.progress === null ? 1 : -1;
      return Number(b.g.progress) - Number(a.g.progress) || a.i - b.i;
    })
    .map(({ g }) => g);
}

function figures(indicator: SummaryIndicator, week: WeekTotal, previous: WeekTotal, evaluation: Evaluation): IndicatorFigures {
  const { programmeId: _programmeId, ...rest } = indicator;
  return { ...rest, ...evaluation, week, previous, change: weekChange(week, previous) };
}

/** The year so far up to `week`, per indicator of the programme, `groupIds` together: the cumulative line and the target. */
export async function chartSeries(deps: SummaryDeps, programmeId: number, groupIds: number[], week: ReportingWeek): Promise<ChartSeries> {
  const indicators = await deps.repo.indicators([programmeId]);
  const series = await deps.repo.yearSeries(groupIds, indicators, week.startDate);
  const period = yearToDate(week.startDate);
  return {
    weekStartDates: series.weekStartDates,
    year: period.year,
    weeksInYear: period.weeksInYear,
    indicators: series.indicators.map(({ indicator, running, target }) => ({ indicator, running, target })),
  };
}

// ── who may see what ─────────────────────────────────────────────────────────────────

export type Viewer = { personId: number; isStaff: boolean; coordinatorGroupIds: number[] };

/** Reads the person's rights from the database (never from a button). */
export async function viewerOf(deps: Pick<SummaryDeps, "repo">, personId: number): Promise<Viewer> {
  const [isStaff, coordinatorGroupIds] = await Promise.all([deps.repo.isStaff(personId), deps.repo.coordinatedGroupIds(personId)]);
  return { personId, isStaff, coordinatorGroupIds };
}

/** Staff see every scope; a coordinator only their own groups. null: not allowed. */
export function allowedScope(viewer: Viewer, scope: SummaryScope): SummaryScope | null {
  if (viewer.isStaff) return scope;
  if (scope.kind !== "groups" || scope.groupIds.length === 0) return null;
  return scope.groupIds.every((id) => viewer.coordinatorGroupIds.includes(id)) ? scope : null;
}
