import { canonical, toDec } from "../../lib/number-format.js";
import { IndicatorAggregation } from "../../generated/prisma/enums.js";
import { yearSpan, type WeekSpan } from "../figures/figures.rules.js";
import { listYearly, weeklyValues, type Db, type PlanIndicator } from "./target.repository.js";

/** `${groupId}:${indicatorId}` */
export type FigureKey = `${number}:${number}`;
export const figureKey = (groupId: number, indicatorId: number): FigureKey => `${groupId}:${indicatorId}`;

/**
 * A year's figure per group × indicator, for the columns beside the target in the template:
 * the weekly reports of the year (a week counts in the year of its Thursday, figures.rules.ts), added up by the indicator's
 * rule (sum, latest, max); where a group has no report in that year, its baseline.
 *
 * Interim: the figures module (src/features/figures/) owns the adding-up rules; this is
 * switched to it once it is there.
 */
export async function yearFigures(db: Db, groupIds: number[], indicators: PlanIndicator[], year: number): Promise<Map<FigureKey, string>> {
  return spanFigures(db, groupIds, indicators, yearSpan(year), year);
}

/** The same for some weeks of a year (e.g. the year so far); a group without a report there gets its baseline of `baselineYear`. */
export async function spanFigures(db: Db, groupIds: number[], indicators: PlanIndicator[], span: WeekSpan, baselineYear: number): Promise<Map<FigureKey, string>> {
  const out = new Map<FigureKey, string>();
  if (groupIds.length === 0) return out;
  const rule = new Map(indicators.map((i) => [i.id, i.aggregation]));
  const values = await weeklyValues(db, groupIds, new Date(`${span.from}T00:00:00Z`), new Date(`${span.to}T00:00:00Z`));
  // Per group × indicator × week: members' values summed; then over the weeks by the rule.
  const perWeek = new Map<string, { key: FigureKey; week: number; total: ReturnType<typeof toDec> }>();
  for (const v of values) {
    const key = figureKey(v.groupId, v.indicatorId);
    const wk = `${key}:${v.weekStart.getTime()}`;
    const cur = perWeek.get(wk);
    if (cur) cur.total = cur.total.add(toDec(v.value));
    else perWeek.set(wk, { key, week: v.weekStart.getTime(), total: toDec(v.value) });
  }
  const acc = new Map<FigureKey, { week: number; total: ReturnType<typeof toDec> }>();
  for (const w of [...perWeek.values()].sort((a, b) => a.week - b.week)) {
    const how = rule.get(Number(w.key.split(":")[1])) ?? IndicatorAggregation.sum;
    const cur = acc.get(w.key);
    if (!cur) acc.set(w.key, { week: w.week, total: w.total });
    else if (how === IndicatorAggregation.sum) cur.total = cur.total.add(w.total);
    else if (how === IndicatorAggregation.latest) cur.total = w.total;
    else if (w.total.greaterThan(cur.total)) cur.total = w.total;
  }
  for (const [key, v] of acc) out.set(key, canonical(v.total));
  const reported = new Set(values.map((v) => v.groupId));
  for (const b of await listYearly(db, "baseline", { groupIds: groupIds.filter((g) => !reported.has(g)), years: [baselineYear] })) {
    out.set(figureKey(b.groupId, b.indicatorId), b.value);
  }
  return out;
}
