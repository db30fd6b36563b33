import type { Language } from "../../bot/context.js";
import type { ReportingWeek } from "../../lib/week.js";
import { renderChartPng } from "./summary.chart.js";
import { chartWorthSending } from "./summary.math.js";
import { buildSummary, chartSeries, type SummaryDeps, type SummaryScope } from "./summary.service.js";
import { coordinatorSummaryText, programmeSummaryText, type SummaryText, type Translate } from "./summary.texts.js";

/**
 * The summary as the messages a person gets: text, and a chart when it reads better than
 * text (the year's line spans CHART_MIN_WEEKS weeks or more). Used alike by the Monday
 * job's renderer and by /ringkasan, so both show the same thing.
 *
 * - a set of groups (a coordinator's, or one group staff chose): one message, with a chart
 *   when it is a single group;
 * - a programme: one message with the programme's totals, its groups and a programme chart;
 * - every group: one such message per programme (a Telegram message holds 4096 characters).
 */

export type SummaryChart = { png: Buffer; fileName: string; caption: string };
export type SummaryMessage = { text: string; chart: SummaryChart | null };

export type ComposeInput = { t: Translate; lang: Language; scope: SummaryScope; week: ReportingWeek };

export async function composeSummary(deps: SummaryDeps, input: ComposeInput): Promise<SummaryMessage[]> {
  const x: SummaryText = { t: input.t, lang: input.lang, timeZone: deps.timeZone };
  const summary = await buildSummary(deps, input.scope, input.week);
  if (input.scope.kind === "groups") {
    const groups = summary.programmes.flatMap((p) => p.groups);
    const only = groups.length === 1 ? groups[0]! : null;
    const chart = only ? await chartFor(deps, input, only.programmeId, [only.groupId], only.name) : null;
    return [{ text: coordinatorSummaryText(x, summary), chart }];
  }
  if (summary.programmes.length === 0) return [{ text: coordinatorSummaryText(x, summary), chart: null }];
  const messages: SummaryMessage[] = [];
  for (const [index, programme] of summary.programmes.entries()) {
    const last = index === summary.programmes.length - 1;
    const name = input.lang === "en" ? programme.nameEn : programme.name;
    const groupIds = programme.groups.map((g) => g.groupId);
    messages.push({
      text: programmeSummaryText(x, summary, programme, last),
      chart: await chartFor(deps, input, programme.programmeId, groupIds, name),
    });
  }
  return messages;
}

async function chartFor(deps: SummaryDeps, input: ComposeInput, programmeId: number, groupIds: number[], name: string): Promise<SummaryChart | null> {
  const series = await chartSeries(deps, programmeId, groupIds, input.week);
  if (series.indicators.length === 0 || !chartWorthSending(series.indicators.map((i) => i.running))) return null;
  try {
    const png = await renderChartPng({ t: input.t, lang: input.lang, name, series });
    return { png, fileName: `ringkasan-${input.week.key}.png`, caption: input.t("summary-chart-caption", { name, year: String(series.year) }) };
  } catch (err) {
    // The chart is a help, not the message: without it the numbers still go out.
    deps.logger?.warn({ err, programmeId, week: input.week.key }, "summary chart could not be drawn");
    return null;
  }
}
