import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import type { ViewOptions } from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { Language } from "../../bot/context.js";
import type { ChartSeries } from "./summary.service.js";
import type { Translate } from "./summary.texts.js";

/**
 * The summary's chart: one small line chart per indicator (its own scale), the weeks of the
 * year so far on the x axis: the cumulative line (the year's figure as it stood each week, by
 * the indicator's rule) against the target line (dashed: for a flow the pro-rata line from 0 to
 * the target at the year's end, for a head count or a high the target itself), as a PNG. vega-lite → vega (rendered to SVG without a canvas) → resvg (Rust,
 * prebuilt: no native build). Fonts come from the system (the image installs fonts-dejavu-core).
 * Values are drawn from exact decimal strings; a float only decides where a pixel goes.
 * vega takes about 0.4 s to load: it is loaded with the first chart, not at every start.
 */

export const CHART_FONT = "DejaVu Sans";
const PANEL_WIDTH = 460;
const PANEL_HEIGHT = 110;
/**
 * Characters of the 15 px title per line. Without a canvas vega estimates a text's width as
 * 0.8 × font size per character (real DejaVu Sans is narrower): 38 × 12 px stays inside the
 * panels' width, so a long title wraps instead of widening the picture.
 */
const TITLE_LINE_CHARS = 38;
/** The achieved and plan lines share one legend, above the panel. */
const LEGEND = { title: null, orient: "top" as const, direction: "horizontal" as const };

/** Indonesian grouping and decimal marks for the axes ("1.250,5"); English keeps its own. */
const NUMBER_LOCALE: Record<Language, Record<string, unknown>> = {
  id: { decimal: ",", thousands: ".", grouping: [3], currency: ["Rp ", ""] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["Rp ", ""] },
};

export type ChartInput = {
  t: Translate;
  lang: Language;
  /** the group's or programme's name, in the title */
  name: string;
  series: ChartSeries;
};

/** "23 Nov" / "23 Nov": the Monday of each week. */
function weekLabel(startDate: string, lang: Language): string {
  const [y, m, d] = startDate.split("-").map(Number);
  return format(new Date(y!, m! - 1, d!), "d MMM", { locale: lang === "id" ? id : enUS });
}

/**
 * Words packed into lines of at most `max` characters (a longer word stays whole). vega sizes
 * the picture to its widest part as it estimates it: a one-line title of a long name made the
 * picture a quarter wider than its panels, white on the right.
 */
export function titleLines(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function chartSpec(input: ChartInput): TopLevelSpec {
  const { t, lang, series } = input;
  const labels = series.weekStartDates.map((d) => weekLabel(d, lang));
  const achieved = t("summary-chart-achieved");
  const plan = t("summary-chart-plan");
  const panels = series.indicators.map(({ indicator, running, target }) => {
    const unit = indicator.unit === "rupiah" ? "Rp" : t(`unit-${indicator.unit}`);
    const planAt = (i: number): number | null => {
      if (target === null) return null;
      return indicator.aggregation === "sum" ? (Number(target) * (i + 1)) / series.weeksInYear : Number(target);
    };
    return {
      title: { text: `${lang === "en" ? indicator.labelEn : indicator.labelId} (${unit})`, anchor: "start" as const, frame: "group" as const, fontSize: 13, offset: 8 },
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: {
        // Before the first report the line is a gap (null), not a zero.
        values: labels.flatMap((week, i) => [
          { week, line: achieved, value: running[i] === null || running[i] === undefined ? null : Number(running[i]) },
          ...(target === null ? [] : [{ week, line: plan, value: planAt(i) }]),
        ]),
      },
      mark: { type: "line" as const, strokeWidth: 2 },
      encoding: {
        x: { field: "week", type: "ordinal" as const, sort: labels, title: null, axis: { labelAngle: 0, labelOverlap: "greedy" as const } },
        y: { field: "value", type: "quantitative" as const, title: null, axis: { format: ",~f", tickCount: 4 }, scale: { zero: true } },
        color: { field: "line", type: "nominal" as const, scale: { domain: [achieved, plan], range: ["#1f6f43", "#9a9a9a"] }, legend: LEGEND },
        strokeDash: { field: "line", type: "nominal" as const, scale: { domain: [achieved, plan], range: [[1, 0], [6, 4]] }, legend: LEGEND },
      },
    };
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: titleLines(t("summary-chart-title", { name: input.name, year: String(series.year) }), TITLE_LINE_CHARS), fontSize: 15, offset: 16 },
    background: "white",
    padding: 12,
    vconcat: panels,
    spacing: 28,
    config: { font: CHART_FONT, view: { stroke: null } },
  } as TopLevelSpec;
}

/** The chart as an SVG document (the staff console shows it as it is). */
export async function renderChartSvg(input: ChartInput): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const vegaSpec = compile(chartSpec(input)).spec;
  // vega-view reads `locale.number` as a d3-format locale definition (its typings want the built formatters).
  const options = { renderer: "none", locale: { number: NUMBER_LOCALE[input.lang] } } as unknown as ViewOptions;
  const view = new vega.View(vega.parse(vegaSpec), options);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes (about 40–80 KB), at twice the layout size so it stays sharp on phones. */
export async function renderChartPng(input: ChartInput): Promise<Buffer> {
  const [svg, { Resvg }] = await Promise.all([renderChartSvg(input), import("@resvg/resvg-js")]);
  const png = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT },
    fitTo: { mode: "zoom", value: 2 },
    background: "white",
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
