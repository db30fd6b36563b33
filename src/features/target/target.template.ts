import type { PrismaClient } from "../../db/client.js";
import { figureKey, yearFigures, type FigureKey } from "./target.figures.js";
import { listYearly, type PlanProgramme, type YearlyKind } from "./target.repository.js";
import { buildTemplate } from "./target.xlsx.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The file name of a template: target-MARIOJELA-2026.xlsx, data-awal-MARIOJELA-2021.xlsx. */
export function templateFileName(t: Translate, kind: YearlyKind, programmeCode: string, year: number): string {
  return `${t(kind === "target" ? "target-file-target" : "target-file-baseline")}-${programmeCode}-${year}.xlsx`;
}

/** The template of a programme-year, filled with what is stored and (for targets) last year's and this year's figures. */
export async function templateFor(
  prisma: PrismaClient,
  input: { kind: YearlyKind; programme: PlanProgramme; year: number; t: Translate; language: "id" | "en" },
): Promise<Buffer> {
  const { kind, programme, year, t } = input;
  const groupIds = programme.groups.map((g) => g.id);
  const stored = new Map<FigureKey, string>((await listYearly(prisma, kind, { groupIds, years: [year] })).map((r) => [figureKey(r.groupId, r.indicatorId), r.value]));
  const name = input.language === "en" ? programme.nameEn : programme.name;
  const headers = [t("target-col-group-code"), t("target-col-group"), t("target-col-indicator-code"), t("target-col-indicator"), t("target-col-unit")];
  if (kind === "target") headers.push(t("target-col-last-year", { year: String(year - 1) }), t("target-col-this-year", { year: String(year) }), t("target-col-target", { year: String(year) }));
  else headers.push(t("target-col-baseline", { year: String(year) }));
  return buildTemplate({
    kind,
    programme,
    year,
    stored,
    ...(kind === "target" && {
      lastYear: await yearFigures(prisma, groupIds, programme.indicators, year - 1),
      thisYear: await yearFigures(prisma, groupIds, programme.indicators, year),
    }),
    texts: {
      sheetName: programme.code,
      title: t(kind === "target" ? "target-file-title" : "target-file-baseline-title", { programme: name, year: String(year) }),
      hint: t(kind === "target" ? "target-file-hint" : "target-file-baseline-hint"),
      headers,
      indicatorLabel: (i) => (input.language === "en" ? i.labelEn : i.labelId),
      unit: (u) => t(`unit-${u}`),
    },
  });
}
