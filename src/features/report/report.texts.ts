import type { Language } from "../../bot/context.js";
import { UNITS } from "../../db/seed-data.js";
import { formatNumber } from "../../lib/number.js";
import { formatWeekRange, weekFromKey } from "../../lib/week.js";
import type { HistoryResult } from "./report.history.js";
import type { IndicatorRow } from "./report.repository.js";
import type { GroupTotals } from "./report.save.js";
import { exampleFor, formatFigure, type ReportPlan } from "./report.service.js";

/** The messages of /lapor and /riwayat, built from locales/ (no sentence lives here). */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
type Labelled = Pick<IndicatorRow, "labelId" | "labelEn">;

export function indicatorLabel(indicator: Labelled, lang: Language): string {
  return lang === "en" ? indicator.labelEn : indicator.labelId;
}

const KNOWN_UNITS: ReadonlySet<string> = new Set(UNITS);

/** The unit's name from locales/ ("liter", "rupiah"); a unit word we only recognise (gram, ton) as written. */
export function unitLabel(t: Translate, unit: string): string {
  return KNOWN_UNITS.has(unit) ? t(`unit-${unit}`) : unit;
}

/** "Rp 1.500.000", "789,5 liter". */
export function figure(t: Translate, unit: string, value: string): string {
  return formatFigure(value, unit, unitLabel(t, unit));
}

export function weekRange(key: string, lang: Language, zone: string): string {
  const week = weekFromKey(key, zone);
  return week ? formatWeekRange(week, lang, zone) : key;
}

export function personName(t: Translate, name: string | null): string {
  return name ?? t("report-no-name");
}

export function questionText(
  t: Translate,
  lang: Language,
  indicator: IndicatorRow,
  position: { number: number; total: number },
  previous: string | null | undefined,
): string {
  const lines = [
    t("report-question", {
      number: String(position.number),
      total: String(position.total),
      label: indicatorLabel(indicator, lang),
      unit: unitLabel(t, indicator.unit),
      example: exampleFor(indicator),
    }),
    ...(indicator.reportedBy === "group" ? [t("report-question-group")] : []),
    t(indicator.required ? "report-question-required" : "report-question-optional"),
  ];
  if (previous) lines.push(t("report-question-previous", { value: figure(t, indicator.unit, previous) }));
  return lines.join("\n");
}

function valueLines(t: Translate, lang: Language, indicators: IndicatorRow[], values: Array<string | null>): string[] {
  return indicators.map((indicator, i) => {
    const value = values[i] ?? null;
    const label = indicatorLabel(indicator, lang);
    return value === null ? t("report-summary-skipped", { label }) : t("report-summary-value", { label, value: figure(t, indicator.unit, value) });
  });
}

function photoAndNote(t: Translate, photo: boolean, note: string | null): string[] {
  return [t(photo ? "report-summary-photo-yes" : "report-summary-photo-no"), note ? t("report-summary-note", { note }) : t("report-summary-no-note")];
}

/** The stored value of an asked indicator: the member's own report, or the group's figures. */
export function storedValue(plan: Pick<ReportPlan, "existing" | "existingGroup">, indicator: Pick<IndicatorRow, "id" | "reportedBy">): string | null {
  const stored = indicator.reportedBy === "group" ? plan.existingGroup : plan.existing;
  return stored?.values.find((v) => v.indicatorId === indicator.id)?.value ?? null;
}

/** What is stored for the week: the member's report and/or (when asked) the group's figures. */
export function existingText(t: Translate, lang: Language, zone: string, plan: ReportPlan): string {
  const existing = plan.existing;
  const week = weekRange(plan.weekKey, lang, zone);
  const lines: string[] = [];
  if (existing) {
    const own = plan.indicators.filter((i) => i.reportedBy === "member");
    lines.push(
      plan.forOther ? t("report-existing-other", { member: personName(t, plan.memberName), week }) : t("report-existing-self", { week }),
      ...valueLines(t, lang, own, own.map((i) => storedValue(plan, i))),
      ...photoAndNote(t, existing.photoFileId !== null, existing.note),
      ...(existing.obstacle ? [t("report-summary-obstacle", { obstacle: existing.obstacle })] : []),
    );
  }
  if (plan.existingGroup) {
    const group = plan.indicators.filter((i) => i.reportedBy === "group");
    if (lines.length > 0) lines.push("");
    lines.push(t("report-existing-group", { group: plan.groupName, week }), ...valueLines(t, lang, group, group.map((i) => storedValue(plan, i))));
  }
  if (lines.length === 0) return "";
  return [...lines, "", t("report-existing-question")].join("\n");
}

export type Draft = { values: Array<string | null>; photoFileId: string | null; note: string | null; obstacle: string | null };

export function summaryText(t: Translate, lang: Language, zone: string, plan: ReportPlan, draft: Draft): string {
  return [
    t("report-summary-title"),
    "",
    t("report-summary-group", { group: plan.groupName }),
    ...(plan.forOther ? [t("report-summary-member", { member: personName(t, plan.memberName) })] : []),
    t("report-summary-week", { week: weekRange(plan.weekKey, lang, zone) }),
    "",
    ...valueLines(t, lang, plan.indicators, draft.values),
    "",
    ...photoAndNote(t, draft.photoFileId !== null, draft.note),
    ...(plan.asksObstacles ? [draft.obstacle ? t("report-summary-obstacle", { obstacle: draft.obstacle }) : t("report-summary-no-obstacle")] : []),
    "",
    t("report-summary-question"),
  ].join("\n");
}

export function savedText(
  t: Translate,
  lang: Language,
  zone: string,
  plan: ReportPlan,
  saved: { replaced: boolean; group?: { replaced: boolean } | null },
  totals: GroupTotals | null,
): string {
  const own = plan.forOther
    ? t("report-saved-for", { member: personName(t, plan.memberName) })
    : t(saved.replaced ? "report-saved-replaced" : "report-saved");
  const head = saved.group ? [own, t(saved.group.replaced ? "report-saved-group-replaced" : "report-saved-group", { group: plan.groupName })].join("\n") : own;
  if (!totals) return head;
  const line = (l: GroupTotals["week"][number]) =>
    l.total === null ? t("report-total-not-reported", { label: indicatorLabel(l, lang) }) : t("report-summary-value", { label: indicatorLabel(l, lang), value: figure(t, l.unit, l.total) });
  return [
    head,
    "",
    t("report-totals-week", { group: plan.groupName, week: weekRange(totals.weekKey, lang, zone) }),
    ...totals.week.map(line),
    "",
    t("report-totals-year", { group: plan.groupName, year: String(totals.isoYear) }),
    ...totals.year.map(line),
  ].join("\n");
}

export function historyText(t: Translate, lang: Language, zone: string, history: Extract<HistoryResult, { kind: "ok" }>): string {
  const blocks: string[] = [];
  if (history.reports.length === 0) blocks.push(t("report-history-empty"));
  else {
    blocks.push(t("report-history-title"));
    for (const r of history.reports) {
      const marks = [
        r.forOther ? t("report-history-for-member", { member: personName(t, r.memberName) }) : null,
        r.byCoordinator ? t("report-history-by-coordinator") : null,
        r.updated ? t("report-history-updated") : null,
      ];
      blocks.push(
        [
          [t("report-history-item", { week: weekRange(r.weekKey, lang, zone), group: r.groupName }), ...marks.filter((m) => m !== null)].join(" "),
          ...r.values.map((v) => t("report-summary-value", { label: indicatorLabel(v, lang), value: figure(t, v.unit, v.value) })),
          ...(r.obstacle ? [t("report-summary-obstacle", { obstacle: r.obstacle })] : []),
        ].join("\n"),
      );
    }
  }
  for (const s of history.status) {
    const names = (list: Array<string | null>) => (list.length ? list.map((n) => personName(t, n)).join(", ") : t("report-status-nobody"));
    blocks.push(
      [
        t("report-status-title", { week: weekRange(s.weekKey, lang, zone), group: s.groupName }),
        t("report-status-reported", { count: String(s.reported.length), names: names(s.reported) }),
        t("report-status-not-reported", { count: String(s.notReported.length), names: names(s.notReported) }),
      ].join("\n"),
    );
  }
  return blocks.join("\n\n");
}

/** Both readings of "1,250" as the member would write them: "1,25" and "1.250". */
export function shownReadings(readings: [string, string]): [string, string] {
  return [formatNumber(readings[0]), formatNumber(readings[1])];
}
