import type { Language } from "../../bot/context.js";
import { UNITS } from "../../db/seed-data.js";
import { formatWeekRange, weekFromStartDate } from "../../lib/week.js";
import type { ExportTexts } from "./export.columns.js";
import type { AuthorizedExport } from "./export.service.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The column headings and marks of the files, in the requester's language. */
export function exportTexts(t: Translate, language: Language): ExportTexts {
  return {
    week: t("export-col-week"),
    weekKey: t("export-col-week-key"),
    group: t("export-col-group"),
    kelurahan: t("export-col-kelurahan"),
    member: t("export-col-member"),
    reportedBy: t("export-col-reported-by"),
    reportedAt: t("export-col-reported-at"),
    note: t("export-col-note"),
    total: t("export-col-total"),
    erased: t("export-erased-person"),
    groupReport: t("export-group-report"),
    units: Object.fromEntries(UNITS.map((unit) => [unit, t(`unit-${unit}`)])),
    language,
  };
}

/** "kelompok Mariojela", "program …", "semua kelompok", "kelompok Anda". */
export function scopeText(t: Translate, language: Language, authorized: AuthorizedExport, mine: boolean): string {
  if (authorized.scopeName) return t("export-scope", { kind: authorized.scopeName.kind, name: language === "en" ? authorized.scopeName.nameEn : authorized.scopeName.name });
  return t("export-scope", { kind: mine ? "mine" : "all", name: "" });
}

/** "2021-W01 – 2021-W52 (4 Januari 2021 – 2 Januari 2022)". */
export function periodText(language: Language, zone: string, firstWeekStartDate: string, lastWeekStartDate: string): string {
  const first = weekFromStartDate(firstWeekStartDate, zone);
  const last = weekFromStartDate(lastWeekStartDate, zone);
  const keys = first.key === last.key ? first.key : `${first.key} – ${last.key}`;
  return `${keys} (${formatWeekRange({ ...first, end: last.end }, language, zone)})`;
}

/** "laporan-mariojela-margasari-2021": only [a-z0-9-], safe on every phone and computer. */
export function fileBaseName(t: Translate, authorized: AuthorizedExport, mine: boolean, periodSlug: string): string {
  const scope = authorized.scopeCode ?? t(mine ? "export-file-mine" : "export-file-all");
  return `${t("export-file-prefix")}-${scope}-${periodSlug}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-");
}
