import type { Language } from "../../bot/context.js";
import { formatDateTime } from "../../lib/datetime.js";
import { formatNumber, formatRupiah } from "../../lib/number.js";
import { toDec } from "../../lib/number-format.js";
import type { Figure } from "../figures/figures.service.js";
import { formatWeekRange } from "../../lib/week.js";
import type { Change } from "./summary.math.js";
import type { GroupSummary, IndicatorFigures, ProgrammeSummary, UpcomingMeeting, WeeklySummary } from "./summary.service.js";

/**
 * The summary as Telegram text (plain, no parse mode: names are shown as typed). Every word
 * comes from locales/ (`summary-` keys); numbers the Indonesian way. A message never exceeds
 * Telegram's 4096 characters: groups that do not fit are counted in a closing line.
 */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
export type SummaryText = { t: Translate; lang: Language; timeZone: string };

export const MESSAGE_LIMIT = 4096;
/** Names of members who have not reported, at most this many per group; the rest are counted. */
export const NAMES_SHOWN = 10;

/** A figure with its unit: "Rp 1.500.000", "789,5 liter". */
export function amount(t: Translate, value: string, unit: string, decimals?: number): string {
  if (unit === "rupiah") return formatRupiah(decimals === undefined ? value : formatDecimal(value, 0));
  return t("summary-amount", { number: formatNumber(value, decimals), unit: t(`unit-${unit}`) });
}

/** A figure, or "—, tidak diisi" when nobody gave one (never 0). */
export function figureText(t: Translate, value: Figure, unit: string): string {
  return value === null ? t("summary-not-filled") : amount(t, value, unit);
}

const formatDecimal = (value: string, decimals: number): string => toDec(value).toDecimalPlaces(decimals).toFixed();

export function changeText(t: Translate, change: Change, unit: string): string {
  switch (change.kind) {
    case "no-data":
      return "";
    case "new":
      return t("summary-change-new");
    case "same":
      return t("summary-change-same");
    case "up":
    case "down":
      return t(`summary-change-${change.kind}`, { diff: amount(t, change.diff, unit), percent: formatNumber(change.percent) });
  }
}

function label(f: IndicatorFigures, lang: Language): string {
  return lang === "en" ? f.labelEn : f.labelId;
}

/**
 * An indicator's lines: the week (and its change), then the year so far against the target
 * and the pro-rata line, then the same weeks last year. `anyReport`: somebody reported this
 * week, so an empty figure was skipped ("—, tidak diisi") rather than not reported yet.
 */
export function indicatorLines(x: SummaryText, f: IndicatorFigures, year: number, anyReport: boolean): string[] {
  const { t, lang } = x;
  const head =
    f.week === null
      ? t(anyReport ? "summary-indicator-skipped" : "summary-indicator-none", { label: label(f, lang) })
      : t("summary-indicator", { label: label(f, lang), amount: amount(t, f.week, f.unit), change: changeText(t, f.change, f.unit) }).trimEnd();
  const yearText = t("summary-year", { year: String(year), amount: figureText(t, f.year, f.unit) });
  const lines = [head];
  if (f.target === null) lines.push(yearText);
  else if (f.percent === null) lines.push(t("summary-year-target", { text: yearText, target: amount(t, f.target, f.unit) }));
  else lines.push(t("summary-year-percent", { text: yearText, target: amount(t, f.target, f.unit), percent: formatNumber(f.percent) }));
  if (f.behind && f.line !== null) lines.push(t("summary-behind", { line: amount(t, f.line, f.unit, f.decimals) }));
  if (f.lastYear !== null) {
    const key = f.lastYearSource === "baseline" ? "summary-last-year-whole" : "summary-last-year";
    lines.push(t(key, { year: String(year - 1), amount: amount(t, f.lastYear, f.unit) }));
  }
  return lines;
}

/** "🎯 Kemajuan menuju target 2026: 45%" (flagged when behind), or nothing without targets. */
function progressLines(t: Translate, group: GroupSummary, year: number): string[] {
  if (group.progress === null) return [];
  return [t(group.behind ? "summary-progress-behind" : "summary-progress", { year: String(year), percent: formatNumber(group.progress) })];
}

export function namesText(t: Translate, names: Array<string | null>): string {
  const shown = names.slice(0, NAMES_SHOWN).map((n) => n ?? t("summary-no-name")).join(", ");
  const rest = names.length - NAMES_SHOWN;
  return rest > 0 ? t("summary-names-more", { names: shown, count: String(rest) }) : shown;
}

/** "Sudah lapor: 3 dari 5 anggota (60%)", or that there are no members yet (a group's or a programme's). */
function reportedLine(t: Translate, r: GroupSummary["reporting"]): string {
  if (r.active === 0) return t("summary-no-members");
  return t("summary-reported", { reported: String(r.reported), active: String(r.active), percent: r.percent });
}

function reportingLines(t: Translate, group: GroupSummary): string[] {
  const r = group.reporting;
  if (r.active === 0) return [reportedLine(t, r)];
  const lines = [reportedLine(t, r)];
  if (group.notReported.length === 0) lines.push(t("summary-all-reported"));
  else lines.push(t("summary-not-reported", { names: namesText(t, group.notReported.map((n) => n.name)) }));
  return lines;
}

export function groupBlock(x: SummaryText, group: GroupSummary, year: number): string {
  return [
    x.t("summary-group", { group: group.name, kelurahan: group.kelurahan }),
    ...progressLines(x.t, group, year),
    ...reportingLines(x.t, group),
    ...group.indicators.flatMap((f) => indicatorLines(x, f, year, group.reporting.reported > 0)),
  ].join("\n");
}

export function meetingsBlock(x: SummaryText, meetings: UpcomingMeeting[]): string {
  if (meetings.length === 0) return x.t("summary-no-meetings");
  const lines = [x.t("summary-meetings")];
  for (const m of meetings) {
    lines.push(x.t("summary-meeting", { title: m.title, when: formatDateTime(m.startsAt, x.lang, x.timeZone), place: m.place }));
    lines.push(x.t("summary-meeting-rsvp", { yes: String(m.yes), maybe: String(m.maybe), no: String(m.no), unanswered: String(m.unanswered) }));
  }
  return lines.join("\n");
}

function programmeTotalsBlock(x: SummaryText, programme: ProgrammeSummary, year: number): string {
  const r = programme.reporting;
  const behind = programme.groups.filter((g) => g.behind).map((g) => g.name);
  return [
    x.t("summary-programme-totals", { groups: String(programme.groups.length) }),
    reportedLine(x.t, r),
    ...(behind.length > 0 ? [x.t("summary-groups-behind", { year: String(year), names: namesText(x.t, behind) })] : []),
    ...programme.totals.flatMap((f) => indicatorLines(x, f, year, r.reported > 0)),
  ].join("\n");
}

/**
 * head + as many group blocks as fit + tail, blocks separated by a blank line; the groups left
 * out are counted so that nobody mistakes a cut message for the whole picture.
 */
export function fitMessage(t: Translate, head: string[], groups: string[], tail: string[], limit = MESSAGE_LIMIT): string {
  const join = (parts: string[]) => parts.filter((p) => p.length > 0).join("\n\n");
  const full = join([...head, ...groups, ...tail]);
  if (full.length <= limit) return full;
  for (let kept = groups.length - 1; kept >= 0; kept--) {
    const more = t("summary-more-groups", { count: String(groups.length - kept) });
    const text = join([...head, ...groups.slice(0, kept), more, ...tail]);
    if (text.length <= limit) return text;
  }
  // Even the head and tail alone are too long (a huge meeting list): cut hard.
  return join(head).slice(0, limit);
}

function weekRange(x: SummaryText, summary: WeeklySummary): string {
  return formatWeekRange(summary.week, x.lang, x.timeZone);
}

/** A coordinator's summary: their groups, one message. */
export function coordinatorSummaryText(x: SummaryText, summary: WeeklySummary): string {
  const groups = summary.programmes.flatMap((p) => p.groups);
  if (groups.length === 0) return x.t("summary-empty");
  return fitMessage(
    x.t,
    [x.t("summary-title", { range: weekRange(x, summary) })],
    groups.map((g) => groupBlock(x, g, summary.period.year)),
    [meetingsBlock(x, summary.meetings)],
  );
}

/** One programme's part of a staff summary: its totals (when it has several groups), each group, and (optionally) the meetings. */
export function programmeSummaryText(x: SummaryText, summary: WeeklySummary, programme: ProgrammeSummary, withMeetings = true): string {
  const name = x.lang === "en" ? programme.nameEn : programme.name;
  const head = [x.t("summary-title-programme", { range: weekRange(x, summary), programme: name })];
  if (programme.groups.length > 1) head.push(programmeTotalsBlock(x, programme, summary.period.year));
  return fitMessage(
    x.t,
    head,
    programme.groups.map((g) => groupBlock(x, g, summary.period.year)),
    withMeetings ? [meetingsBlock(x, summary.meetings)] : [],
  );
}

/** A staff summary: one message per programme; the meetings once, in the last one. */
export function staffSummaryTexts(x: SummaryText, summary: WeeklySummary): string[] {
  if (summary.programmes.length === 0) return [x.t("summary-empty")];
  return summary.programmes.map((p, i) => programmeSummaryText(x, summary, p, i === summary.programmes.length - 1));
}
