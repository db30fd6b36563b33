import type { Clock } from "../../app-deps.js";
import type { Logger } from "../../logger.js";
import { isoYearRange, shiftWeeks, type ReportingWeek } from "../../lib/week.js";
import { fillWeeks, reportingShare, sumOrNull, weekChange, type Change, type WeekTotal } from "./summary.math.js";
import type { GroupFilter, SummaryGroup, SummaryIndicator, SummaryProgramme, SummaryRepository, UpcomingMeetingRow } from "./summary.repository.js";

/**
 * The weekly summary: for a reporting week and a set of groups, per group and indicator the
 * week's total, the week before's, the change and the year so far; who reported; upcoming
 * meetings. Sums come from SQL (summary.repository.ts), the arithmetic from summary.math.ts.
 */

export type SummaryDeps = { repo: SummaryRepository; clock: Clock; timeZone: string; logger?: Logger };

/** Which groups: these ones (a coordinator's), one programme's, or every active group. */
export type SummaryScope = { kind: "groups"; groupIds: number[] } | { kind: "programme"; programmeId: number } | { kind: "all" };

/** Upcoming meetings: from now, this many days ahead. */
export const MEETINGS_AHEAD_DAYS = 14;
/** The chart's span, ending with the summary's week. */
export const CHART_WEEKS = 8;

export type IndicatorFigures = Omit<SummaryIndicator, "programmeId"> & {
  week: WeekTotal;
  previous: WeekTotal;
  /** the ISO year of the week, from its first week up to and including this one */
  year: string;
  change: Change;
};
export type Reporting = { reported: number; active: number; percent: string };
export type GroupSummary = SummaryGroup & {
  reporting: Reporting;
  notReported: Array<{ personId: number; name: string | null }>;
  indicators: IndicatorFigures[];
};
export type ProgrammeSummary = SummaryProgramme & {
  groups: GroupSummary[];
  /** every group of the programme in this summary together */
  totals: IndicatorFigures[];
  reporting: Reporting;
};
export type UpcomingMeeting = UpcomingMeetingRow;
export type WeeklySummary = {
  week: ReportingWeek;
  programmes: ProgrammeSummary[];
  meetings: UpcomingMeeting[];
};

export type ChartSeries = {
  /** Mondays, oldest first */
  weekStartDates: string[];
  indicators: Array<{ indicator: SummaryIndicator; series: WeekTotal[] }>;
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
  const [groups, programmes, indicators, totals, reporting, nonReporters, meetings] = await Promise.all([
    groupsOf(deps, scope),
    deps.repo.programmes(),
    deps.repo.indicators(null),
    deps.repo.totals({
      groups: filter,
      weekStartDate: week.startDate,
      previousStartDate: shiftWeeks(week, -1, zone).startDate,
      yearStartDate: isoYearRange(week.isoYear, zone).firstWeekStartDate,
    }),
    deps.repo.reporting(filter, week.startDate, weekEndUtc),
    deps.repo.nonReporters(filter, week.startDate, weekEndUtc),
    deps.repo.upcomingMeetings(filter, now, new Date(now.getTime() + MEETINGS_AHEAD_DAYS * 86_400_000)),
  ]);

  const totalsByKey = new Map(totals.map((t) => [`${t.groupId}:${t.indicatorId}`, t]));
  const reportingByGroup = new Map(reporting.map((r) => [r.groupId, r]));
  const missingByGroup = new Map<number, GroupSummary["notReported"]>();
  for (const n of nonReporters) {
    const list = missingByGroup.get(n.groupId) ?? [];
    list.push({ personId: n.personId, name: n.name });
    missingByGroup.set(n.groupId, list);
  }

  const groupSummary = (group: SummaryGroup): GroupSummary => {
    const counts = reportingByGroup.get(group.groupId) ?? { active: 0, reported: 0 };
    return {
      ...group,
      reporting: reportingShare(counts.reported, counts.active),
      notReported: missingByGroup.get(group.groupId) ?? [],
      indicators: indicators
        .filter((i) => i.programmeId === group.programmeId)
        .map((i) => {
          const row = totalsByKey.get(`${group.groupId}:${i.indicatorId}`);
          return figures(i, row?.week ?? null, row?.previous ?? null, row?.year ?? null);
        }),
    };
  };

  const result: ProgrammeSummary[] = [];
  for (const programme of programmes) {
    const mine = groups.filter((g) => g.programmeId === programme.programmeId).map(groupSummary);
    if (mine.length === 0) continue;
    const programmeIndicators = indicators.filter((i) => i.programmeId === programme.programmeId);
    const totalsOfProgramme = programmeIndicators.map((indicator, index) => {
      const of = (pick: (f: IndicatorFigures) => WeekTotal) => sumOrNull(mine.map((g) => pick(g.indicators[index]!)));
      return figures(indicator, of((f) => f.week), of((f) => f.previous), of((f) => f.year));
    });
    const reported = mine.reduce((n, g) => n + g.reporting.reported, 0);
    const active = mine.reduce((n, g) => n + g.reporting.active, 0);
    result.push({ ...programme, groups: mine, totals: totalsOfProgramme, reporting: reportingShare(reported, active) });
  }
  return { week, programmes: result, meetings };
}

function figures(indicator: SummaryIndicator, week: WeekTotal, previous: WeekTotal, year: WeekTotal): IndicatorFigures {
  const { programmeId: _programmeId, ...rest } = indicator;
  return { ...rest, week, previous, year: year ?? "0", change: weekChange(week, previous) };
}

/** The last CHART_WEEKS weeks up to `week`, per indicator of the programme, summed over `groupIds`. */
export async function chartSeries(deps: SummaryDeps, programmeId: number, groupIds: number[], week: ReportingWeek): Promise<ChartSeries> {
  const zone = deps.timeZone;
  const weekStartDates = Array.from({ length: CHART_WEEKS }, (_, i) => shiftWeeks(week, i - (CHART_WEEKS - 1), zone).startDate);
  const [indicators, rows] = await Promise.all([
    deps.repo.indicators([programmeId]),
    deps.repo.series(groupIds, weekStartDates[0]!, week.startDate),
  ]);
  return {
    weekStartDates,
    indicators: indicators.map((indicator) => {
      const byWeek = new Map(rows.filter((r) => r.indicatorId === indicator.indicatorId).map((r) => [r.weekStartDate, r.total]));
      return { indicator, series: fillWeeks(weekStartDates, byWeek) };
    }),
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
