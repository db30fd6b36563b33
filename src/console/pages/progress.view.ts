import { addEvaluations, evaluate, evaluationOf, indicatorsOf, yearOfWeek, yearSeries, yearSpan, type Evaluation, type FigureIndicator } from "../../features/figures/figures.service.js";
import { listYearly } from "../../features/target/target.repository.js";
import { weekOf } from "../../lib/week.js";
import { toDec } from "../../lib/number-format.js";
import { chartSeries } from "../../features/summary/summary.service.js";
import { createSummaryRepository } from "../../features/summary/summary.repository.js";
import { renderChartSvg } from "../../features/summary/summary.chart.js";
import { html, trusted, type Html } from "../console.html.js";
import { sparkline } from "../console.sparkline.js";
import { figure, label, programmeName, weekShort } from "../console.format.js";
import type { ProgrammeInView } from "../console.repository.js";
import type { PageContext } from "../console.kit.js";

const TREND_WEEKS = 12;

/** The year shown: the one asked for (a whole past year, or this year so far), and the week it runs through. */
function yearAndWeek(ctx: PageContext, asked: number | null): { year: number; through: string } {
  const current = weekOf(ctx.deps.clock(), ctx.deps.config.timeZone).startDate;
  const currentYear = yearOfWeek(current);
  const year = asked !== null && asked >= 2000 && asked <= currentYear ? asked : currentYear;
  return { year, through: year === currentYear ? current : yearSpan(year).to };
}

/** A bar: the share of the target reached, with the pro-rata line marked; "behind" colours it. */
function bar(e: Evaluation): Html {
  if (e.target === null || toDec(e.target).isZero()) return html``;
  const share = Math.min(100, Number(e.percent ?? "0"));
  const line = e.line === null ? null : Math.min(100, (Number(e.line) / Number(e.target)) * 100);
  return html`<div class="bar"><span class="${e.behind ? "behind" : ""}" style="width:${share.toFixed(1)}%"></span>${line === null ? "" : html`<i style="left:${line.toFixed(1)}%"></i>`}</div>`;
}

function evaluationText(ctx: PageContext, i: FigureIndicator, e: Evaluation): Html {
  const { t } = ctx;
  return html`<div class="figure"><strong>${figure(t, e.year, i.unit, i.decimals)}</strong>${e.target !== null ? html` / ${figure(t, e.target, i.unit, i.decimals)} <span class="pill">${e.percent === null ? "—" : `${e.percent.replace(".", ",")} %`}</span>` : html` <span class="muted">${t("console-no-target")}</span>`}</div>
${bar(e)}
<div class="muted">${t("console-last-year")}: ${figure(t, e.lastYear, i.unit, i.decimals)}${e.behind ? html` · <strong>${t("console-behind")}</strong>` : ""}${e.yearSource === "baseline" ? html` · ${t("console-from-baseline")}` : ""}</div>`;
}

/**
 * Beranda's top: per programme, each indicator's year so far against its target (bar,
 * percentage, pro-rata line), the same period last year, and the 12-week trend — all from the
 * figures module, so the console adds up exactly as the bot does.
 */
export async function programmeProgressSection(ctx: PageContext, programmes: ProgrammeInView[], asked: number | null): Promise<{ year: number; html: Html }> {
  const { t, lang, deps } = ctx;
  const { year, through } = yearAndWeek(ctx, asked);
  const sections = await Promise.all(
    programmes.map(async (p) => {
      const groupIds = p.groups.map((g) => g.id);
      const indicators = await indicatorsOf(deps.prisma, [p.id], { activeOnly: true });
      const [evaluations, series] = await Promise.all([evaluate(deps.prisma, { groupIds }, indicators, through), yearSeries(deps.prisma, groupIds, indicators, through)]);
      const weeks = series.weekStartDates.slice(-TREND_WEEKS);
      const cards = indicators.map((i) => {
        const e = addEvaluations(groupIds.map((g) => evaluationOf(evaluations, g, i.id)), i.aggregation, evaluations.period);
        const trend = (series.indicators.find((s) => s.indicator.id === i.id)?.weekly ?? []).slice(-TREND_WEEKS);
        const titles = weeks.map((w, k) => `${weekShort(w, lang)}: ${figure(t, trend[k] ?? null, i.unit, i.decimals)}`);
        return html`<div class="card" data-indicator="${i.code}"><h3>${label(lang, i)}</h3>${evaluationText(ctx, i, e)}
${sparkline(trend, titles, t("console-trend", { weeks: TREND_WEEKS }))}<div class="muted small">${t("console-trend", { weeks: TREND_WEEKS })}</div></div>`;
      });
      return html`<section class="programme" data-programme="${p.code}"><h2>${programmeName(lang, p)}</h2><div class="cards">${cards}</div></section>`;
    }),
  );
  return { year, html: html`<p class="muted">${t("console-year-note", { year: String(year) })}</p>${sections}` };
}

/** A group's page: per indicator its year against target and last year, its weekly figures (the last 12 weeks), its targets. */
export async function groupFiguresSection(ctx: PageContext, groupId: number, programmeId: number, asked: number | null): Promise<Html> {
  const { t, lang, deps } = ctx;
  const { year, through } = yearAndWeek(ctx, asked);
  const indicators = await indicatorsOf(deps.prisma, [programmeId], { activeOnly: true });
  const [evaluations, series, targets] = await Promise.all([
    evaluate(deps.prisma, { groupIds: [groupId] }, indicators, through),
    yearSeries(deps.prisma, [groupId], indicators, through),
    listYearly(deps.prisma, "target", { groupIds: [groupId], years: [year, year + 1] }),
  ]);
  const weeks = series.weekStartDates.slice(-TREND_WEEKS);
  return html`
<h2>${t("console-group-year", { year: String(year) })}</h2>
<div class="cards">${indicators.map((i) => html`<div class="card" data-indicator="${i.code}"><h3>${label(lang, i)}</h3>${evaluationText(ctx, i, evaluationOf(evaluations, groupId, i.id))}</div>`)}</div>
<h2>${t("console-group-weeks")}</h2>
<div class="table-wrap"><table id="weekly"><thead><tr><th>${t("console-col-week")}</th>${indicators.map((i) => html`<th class="num">${label(lang, i)}</th>`)}</tr></thead>
<tbody>${weeks.map((w, k) => {
  const at = series.weekStartDates.length - weeks.length + k;
  return html`<tr><td>${weekShort(w, lang)}</td>${series.indicators.map((s) => html`<td class="num">${figure(t, s.weekly[at] ?? null, s.indicator.unit, s.indicator.decimals)}</td>`)}</tr>`;
})}</tbody></table></div>
<h2>${t("console-group-targets")}</h2>
${targets.length === 0 ? html`<p class="muted">${t("console-no-target")}</p>` : html`<ul id="targets">${targets.map((tg) => {
  const i = indicators.find((x) => x.id === tg.indicatorId);
  return i ? html`<li>${String(tg.year)} · ${label(lang, i)}: ${figure(t, tg.value, i.unit, i.decimals)}</li>` : "";
})}</ul>`}`;
}

/** The group's chart of the year so far (the cumulative line against the target line), as SVG from the summary's chart code. */
export async function groupChart(ctx: PageContext, group: { id: number; name: string; programmeId: number }): Promise<Html> {
  const week = weekOf(ctx.deps.clock(), ctx.deps.config.timeZone);
  const deps = { repo: createSummaryRepository(ctx.deps.prisma), clock: ctx.deps.clock, timeZone: ctx.deps.config.timeZone };
  const series = await chartSeries(deps, group.programmeId, [group.id], week);
  return trusted(await renderChartSvg({ t: ctx.t, lang: ctx.lang, name: group.name, series }));
}
