import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import type { Language } from "../../bot/context.js";
import { percentOfTarget } from "../figures/figures.rules.js";
import { renderChartPng } from "../summary/summary.chart.js";
import type { Briefing, BriefingGroup } from "./meeting.briefing.service.js";
import { formatDateTime } from "./meeting.input.texts.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[:\\/?*[\]]/g, " ").slice(0, 28).trim() || "Sheet";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * The FGD briefing as one workbook: a sheet per invited group (figures against target and the
 * same weeks last year, the trend chart, weeks reported, obstacles since the previous meeting,
 * the input for this meeting) and a sheet of the stakeholders' input.
 */
export async function briefingXlsx(b: Briefing, t: T, lang: Language, zone: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs"); // loaded with the first workbook
  const wb = new ExcelJS.Workbook();
  wb.creator = "Lapor Kelompok";
  const names = sheetNames([...b.groups.map((g) => g.name), t("meeting-fgd-brief-stakeholders-sheet")]);
  const when = formatDateTime(b.meeting.startsAt, lang, zone);

  for (const [i, group] of b.groups.entries()) {
    const sheet = wb.addWorksheet(names[i]!);
    sheet.columns = [{ width: 34 }, { width: 12 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 18 }];
    sheet.addRow([t("meeting-fgd-brief-title", { group: group.name, title: b.meeting.title })]).font = { bold: true, size: 13 };
    sheet.addRow([`${when} — ${b.meeting.place}`]);
    sheet.addRow([lang === "en" ? group.programme.nameEn : group.programme.name]);
    sheet.addRow([]);
    sheet.addRow([t("meeting-fgd-brief-col-indicator"), t("meeting-fgd-brief-col-unit"), t("meeting-fgd-brief-col-year", { year: String(b.year) }), t("meeting-fgd-brief-col-target"), t("meeting-fgd-brief-col-percent"), t("meeting-fgd-brief-col-last-year", { year: String(b.year - 1) })]).font = { bold: true };
    for (const f of group.figures) {
      const pct = percentOfTarget(f.value, f.target);
      const row = sheet.addRow([lang === "en" ? f.indicator.labelEn : f.indicator.labelId, t(`unit-${f.indicator.unit}`), num(f.value), num(f.target), pct === null ? null : Number(pct) / 100, num(f.lastYear)]);
      const fmt = f.indicator.decimals > 0 ? `#,##0.${"0".repeat(f.indicator.decimals)}` : "#,##0";
      for (const c of [3, 4, 6]) row.getCell(c).numFmt = fmt;
      row.getCell(5).numFmt = "0%";
    }
    sheet.addRow([]);
    sheet.addRow([t("meeting-fgd-brief-completeness"), group.weeksReported, group.weeksExpected, t("meeting-fgd-brief-completeness-of", { reported: String(group.weeksReported), expected: String(group.weeksExpected) })]);
    sheet.addRow([]);
    await addChart(wb, sheet, group, t, lang);
    sheet.addRow([]);
    const since = group.obstaclesSince ? format(group.obstaclesSince, "d/M/yyyy", { in: tz(zone) }) : t("meeting-fgd-brief-start-of-year", { year: String(b.year) });
    sheet.addRow([t("meeting-fgd-brief-obstacles", { since })]).font = { bold: true };
    if (group.obstacles.length === 0) sheet.addRow([t("meeting-fgd-brief-none")]);
    for (const o of group.obstacles) sheet.addRow([o.text, o.weekStartDate, o.name]);
    sheet.addRow([]);
    sheet.addRow([t("meeting-fgd-brief-inputs")]).font = { bold: true };
    if (group.inputs.length === 0) sheet.addRow([t("meeting-fgd-brief-none")]);
    for (const input of group.inputs) sheet.addRow([input.text, t(`meeting-fgd-topic-${input.topic}`), input.name]);
  }

  const stake = wb.addWorksheet(names[names.length - 1]!);
  stake.columns = [{ width: 34 }, { width: 30 }, { width: 60 }];
  stake.addRow([t("meeting-fgd-brief-stakeholders-title", { title: b.meeting.title })]).font = { bold: true, size: 13 };
  stake.addRow([t("meeting-fgd-brief-col-institution"), t("meeting-fgd-brief-col-name"), t("meeting-fgd-brief-col-input")]).font = { bold: true };
  if (b.stakeholders.length === 0) stake.addRow([t("meeting-fgd-brief-none")]);
  for (const s of b.stakeholders) stake.addRow([s.institution, s.name, s.text]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The trend chart of the summaries (cumulative line against the target line), as a picture below the figures. */
async function addChart(wb: import("exceljs").Workbook, sheet: import("exceljs").Worksheet, group: BriefingGroup, t: T, lang: Language): Promise<void> {
  if (group.series.weekStartDates.length === 0) return;
  const png = await renderChartPng({
    t,
    lang,
    name: group.name,
    series: {
      weekStartDates: group.series.weekStartDates,
      year: group.series.year,
      weeksInYear: group.series.weeksInYear,
      indicators: group.series.running.map((r) => ({
        indicator: { indicatorId: r.indicator.id, programmeId: 0, code: r.indicator.code, labelId: r.indicator.labelId, labelEn: r.indicator.labelEn, unit: r.indicator.unit, decimals: r.indicator.decimals, aggregation: r.indicator.aggregation },
        running: r.running,
        target: r.target,
      })),
    },
  });
  const imageId = wb.addImage({ buffer: png as unknown as import("exceljs").Buffer, extension: "png" });
  const top = sheet.rowCount;
  const height = 40 + 150 * group.series.running.length;
  sheet.addImage(imageId, { tl: { col: 0, row: top }, ext: { width: 620, height } });
  // leave room for the picture: rows are 20 px high
  for (let i = 0; i < Math.ceil(height / 20); i++) sheet.addRow([]);
}
