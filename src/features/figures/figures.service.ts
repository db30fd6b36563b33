import {
  addFigures,
  isBehind,
  percentOfTarget,
  proRata,
  runningFigures,
  yearSpan,
  yearToDate,
  type Figure,
  type WeekSpan,
} from "./figures.rules.js";
import { baselinesOf, periodFigures, targetsOf, weekFigures, type Db, type FigureIndicator, type GroupFilter, type Rule } from "./figures.repository.js";

/**
 * Every combined figure of the app — weekly summaries and their chart, /capaian, the reply
 * after Simpan, the target template, the briefing — comes from here, so that they all add up
 * the same way (figures.rules.ts): per group × indicator × period, with the year's target, the
 * same period of the year before, and baselines for years without reports.
 */

/** `${groupId}:${indicatorId}` */
export type FigureKey = `${number}:${number}`;
export const figureKey = (groupId: number, indicatorId: number): FigureKey => `${groupId}:${indicatorId}`;

/** Where a year's figure comes from: the weekly reports, or a yearly baseline (a whole year's total from before the bot). */
export type FigureSource = "reports" | "baseline";

export type Evaluation = {
  /** the year so far (the whole year once it is over); null: not reported */
  year: Figure;
  yearSource: FigureSource | null;
  /** the same weeks of the year before (its whole year when it comes from a baseline) */
  lastYear: Figure;
  lastYearSource: FigureSource | null;
  /** the plan for the year; null: none set */
  target: Figure;
  /** year / target in percent, one decimal; null without a target or a figure */
  percent: string | null;
  /** the pro-rata line: where the figure should be by now (null: no target, or not a flow before the year ends) */
  line: Figure;
  behind: boolean;
};

export type EvaluationPeriod = ReturnType<typeof yearToDate>;

export type Evaluations = {
  period: EvaluationPeriod;
  /** per group × indicator; a pair with neither figures nor target is absent */
  byKey: Map<FigureKey, Evaluation>;
  /** the figures of the extra periods asked for, in their order */
  extra: Map<FigureKey, Figure[]>;
};

const NOTHING: Figure[] = [];

/**
 * The evaluation of the groups' indicators for the year up to and including the week starting
 * `throughWeekStartDate`, plus the figures of any `extra` periods (e.g. the week itself and the
 * week before), in one pass over the reports.
 */
export async function evaluate(
  db: Db,
  filter: GroupFilter,
  indicators: readonly Rule[],
  throughWeekStartDate: string,
  extra: readonly WeekSpan[] = [],
): Promise<Evaluations> {
  const period = yearToDate(throughWeekStartDate);
  const [rows, targets, baselines] = await Promise.all([
    periodFigures(db, filter, [period.thisYear, period.lastYear, ...extra]),
    targetsOf(db, filter, [period.year]),
    baselinesOf(db, filter, [period.year, period.year - 1]),
  ]);
  const aggregation = new Map(indicators.map((i) => [i.id, i.aggregation]));
  const byKey = new Map<FigureKey, Evaluation>();
  const extraByKey = new Map<FigureKey, Figure[]>();
  const entry = (key: FigureKey) => {
    let e = byKey.get(key);
    if (!e) {
      e = { year: null, yearSource: null, lastYear: null, lastYearSource: null, target: null, percent: null, line: null, behind: false };
      byKey.set(key, e);
    }
    return e;
  };
  for (const row of rows) {
    if (!aggregation.has(row.indicatorId)) continue;
    const key = figureKey(row.groupId, row.indicatorId);
    const [year = null, lastYear = null, ...rest] = row.values;
    const e = entry(key);
    if (year !== null) Object.assign(e, { year, yearSource: "reports" });
    if (lastYear !== null) Object.assign(e, { lastYear, lastYearSource: "reports" });
    extraByKey.set(key, rest);
  }
  for (const b of baselines) {
    if (!aggregation.has(b.indicatorId)) continue;
    const e = entry(figureKey(b.groupId, b.indicatorId));
    // A baseline stands for a year only where the reports have nothing for it.
    if (b.year === period.year && e.year === null) Object.assign(e, { year: b.value, yearSource: "baseline" });
    if (b.year === period.year - 1 && e.lastYear === null) Object.assign(e, { lastYear: b.value, lastYearSource: "baseline" });
  }
  for (const t of targets) if (aggregation.has(t.indicatorId)) entry(figureKey(t.groupId, t.indicatorId)).target = t.value;
  for (const [key, e] of byKey) {
    const how = aggregation.get(Number(key.split(":")[1]))!;
    e.percent = percentOfTarget(e.year, e.target);
    e.line = proRata(how, e.target, period.weeksElapsed, period.weeksInYear);
    e.behind = isBehind(e.year, e.line);
  }
  return { period, byKey, extra: extraByKey };
}

/** A group × indicator's evaluation, or the empty one. */
export function evaluationOf(evaluations: Evaluations, groupId: number, indicatorId: number): Evaluation {
  return (
    evaluations.byKey.get(figureKey(groupId, indicatorId)) ?? {
      year: null,
      yearSource: null,
      lastYear: null,
      lastYearSource: null,
      target: null,
      percent: null,
      line: null,
      behind: false,
    }
  );
}

/** The figures of the extra periods of a group × indicator (null each where not reported). */
export function extraOf(evaluations: Evaluations, groupId: number, indicatorId: number, count: number): Figure[] {
  const values = evaluations.extra.get(figureKey(groupId, indicatorId)) ?? NOTHING;
  return Array.from({ length: count }, (_, i) => values[i] ?? null);
}

/** Several groups' evaluations of one indicator together (a programme's line): figures and targets added. */
export function addEvaluations(evaluations: readonly Evaluation[], how: Rule["aggregation"], period: EvaluationPeriod): Evaluation {
  const year = addFigures(evaluations.map((e) => e.year));
  const target = addFigures(evaluations.map((e) => e.target));
  const lastYear = addFigures(evaluations.map((e) => e.lastYear));
  const line = proRata(how, target, period.weeksElapsed, period.weeksInYear);
  const source = (pick: (e: Evaluation) => FigureSource | null): FigureSource | null => {
    const sources = new Set(evaluations.map(pick).filter((s) => s !== null));
    return sources.size === 0 ? null : sources.has("reports") ? "reports" : "baseline";
  };
  return {
    year,
    yearSource: source((e) => e.yearSource),
    lastYear,
    lastYearSource: source((e) => e.lastYearSource),
    target,
    percent: percentOfTarget(year, target),
    line,
    behind: isBehind(year, line),
  };
}

/**
 * A calendar year's figure per group × indicator (the whole year, or up to `throughWeekStartDate`
 * when given): from the reports, else the year's baseline. For the target template's columns
 * and the briefing.
 */
export async function yearFigures(
  db: Db,
  filter: GroupFilter,
  indicators: readonly Rule[],
  year: number,
): Promise<Map<FigureKey, { value: Figure; source: FigureSource | null }>> {
  const evaluations = await evaluate(db, filter, indicators, yearSpan(year).to);
  return new Map([...evaluations.byKey].map(([key, e]) => [key, { value: e.year, source: e.yearSource }]));
}

export type YearSeries<I extends Rule = FigureIndicator> = {
  /** the Mondays from the year's first week up to the week asked for, oldest first */
  weekStartDates: string[];
  indicators: Array<{
    indicator: I;
    /** each week's figure, the groups added (null: nobody reported that week) */
    weekly: Figure[];
    /** the year's figure as it stood at each week (the cumulative line); null before the first report */
    running: Figure[];
    /** the groups' targets for the year, added (null: none set) */
    target: Figure;
  }>;
};

/** The year-so-far series of these groups together, per indicator, for the chart. */
export async function yearSeries<I extends Rule>(
  db: Db,
  groupIds: readonly number[],
  indicators: readonly I[],
  throughWeekStartDate: string,
): Promise<YearSeries<I>> {
  const { thisYear, year } = yearToDate(throughWeekStartDate);
  const filter = { groupIds };
  const [rows, targets] = await Promise.all([weekFigures(db, filter, thisYear), targetsOf(db, filter, [year])]);
  const weekStartDates: string[] = [];
  for (let d = thisYear.from; d <= thisYear.to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) {
    weekStartDates.push(d);
  }
  const index = new Map(weekStartDates.map((d, i) => [d, i]));
  return {
    weekStartDates,
    indicators: indicators.map((indicator) => {
      // Per group first: a group's running figure carries over the weeks it did not report.
      const perGroup = groupIds.map((groupId) => {
        const weekly: Figure[] = weekStartDates.map(() => null);
        for (const r of rows) if (r.groupId === groupId && r.indicatorId === indicator.id) weekly[index.get(r.weekStartDate)!] = r.value;
        return { weekly, running: runningFigures(indicator.aggregation, weekly) };
      });
      const across = (pick: (g: (typeof perGroup)[number]) => Figure[]) => weekStartDates.map((_, i) => addFigures(perGroup.map((g) => pick(g)[i] ?? null)));
      return {
        indicator,
        weekly: across((g) => g.weekly),
        running: across((g) => g.running),
        target: addFigures(targets.filter((t) => t.indicatorId === indicator.id).map((t) => t.value)),
      };
    }),
  };
}

/**
 * A group's figures after a report is saved: per indicator, the week's and the year's so far
 * (null: not reported). For the reply after Simpan.
 */
export async function groupWeekAndYear(
  db: Db,
  groupId: number,
  indicators: readonly FigureIndicator[],
  weekStartDate: string,
): Promise<Array<{ indicator: FigureIndicator; week: Figure; year: Figure; target: Figure; percent: string | null }>> {
  const evaluations = await evaluate(db, { groupIds: [groupId] }, indicators, weekStartDate, [{ from: weekStartDate, to: weekStartDate }]);
  return indicators.map((indicator) => {
    const e = evaluationOf(evaluations, groupId, indicator.id);
    const [week = null] = extraOf(evaluations, groupId, indicator.id, 1);
    return { indicator, week, year: e.yearSource === "reports" ? e.year : null, target: e.target, percent: e.yearSource === "reports" ? e.percent : null };
  });
}

export { groupFilterSql, indicatorsOf, periodFigures, type Db, type FigureIndicator, type GroupFilter, type Rule } from "./figures.repository.js";
export { addFigures, weeksBetween, yearOfWeek, yearSpan, yearToDate, type Figure, type WeekSpan } from "./figures.rules.js";
