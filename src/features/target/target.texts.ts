import { formatNumber } from "../../lib/number.js";
import type { ImportError, ImportPlan } from "./target.service.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Lines shown in a chat message at most (a message holds 4,096 characters). */
const MAX_LINES = 25;

/** "Ada 3 kesalahan …": each error with its row and column, the rest counted. */
export function importErrorsText(t: T, errors: ImportError[]): string {
  const lines = errors.slice(0, MAX_LINES).map((e) => t("target-import-error-line", { row: String(e.row), column: e.column, problem: t(`target-issue-${e.issue}`, { text: e.text }) }));
  if (errors.length > MAX_LINES) lines.push(t("target-import-more", { count: String(errors.length - MAX_LINES) }));
  return t("target-import-errors", { count: String(errors.length), errors: lines.join("\n") });
}

/** What will change: per row the group, indicator, before → after. */
export function importPreviewText(t: T, language: "id" | "en", plan: Extract<ImportPlan, { kind: "plan" }>): string {
  const indicators = new Map(plan.programme.indicators.map((i) => [i.id, language === "en" ? i.labelEn : i.labelId]));
  const lines = plan.changes.slice(0, MAX_LINES).map((c) =>
    t("target-import-change-line", {
      group: c.groupName,
      indicator: indicators.get(c.indicatorId) ?? c.indicatorLabel,
      before: c.before === null ? t("target-none") : formatNumber(c.before),
      after: formatNumber(c.value),
      unit: t(`unit-${c.unit}`),
    }),
  );
  if (plan.changes.length > MAX_LINES) lines.push(t("target-import-more-changes", { count: String(plan.changes.length - MAX_LINES) }));
  return t("target-import-preview", {
    what: t(plan.meta.kind === "target" ? "target-kind-target" : "target-kind-baseline"),
    programme: language === "en" ? plan.programme.nameEn : plan.programme.name,
    year: String(plan.meta.year),
    count: String(plan.changes.length),
    changes: lines.join("\n"),
  });
}
