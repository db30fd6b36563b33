// `npm run cli -- target|baseline …`: yearly targets and earlier years' totals. Output in English (operators).
import { readFile, writeFile } from "node:fs/promises";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/client.js";
import { createI18n } from "./bot/i18n.js";
import { formatNumber } from "./lib/number.js";
import { activeProgrammes, groupByCode, listYearly, programmeByCode, type YearlyKind } from "./features/target/target.repository.js";
import { applyYearly, planImport, readYearlyValue, setOneYearly, type ImportError } from "./features/target/target.service.js";
import { readTemplate } from "./features/target/target.xlsx.js";
import { templateFor } from "./features/target/target.template.js";

export const TARGET_USAGE = `  target set --group <group-code> --indicator <indicator-code> --year <year> --value <figure>
  target list [--programme <code>] [--group <group-code>] [--year <year>]
  target template --programme <code> --year <year> --out <file.xlsx>
  target import <file.xlsx> [--yes]
  baseline set|list|template|import  (the same, for an earlier year's totals)
Figures are read the Indonesian way (789,5 or 1.250). import shows what would change; --yes imports it.
A file with any error imports nothing.
`;

export class TargetUsageError extends Error {}

export type TargetCliDeps = {
  prisma: PrismaClient;
  config: Config;
  clock: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
};

type Values = { group?: string; indicator?: string; year?: string; value?: string; programme?: string; out?: string; yes?: boolean };

function yearOf(raw: string | undefined): number {
  if (raw === undefined || !/^\d{4}$/.test(raw.trim())) throw new TargetUsageError("--year <yyyy> is required");
  return Number(raw.trim());
}

/** Runs `target …` or `baseline …`; returns the exit code. */
export async function runTargetCommand(kind: YearlyKind, sub: string | undefined, rest: string[], values: Values, deps: TargetCliDeps): Promise<number> {
  const service = { prisma: deps.prisma, clock: deps.clock };
  const actor = { actorId: null, source: "cli" as const };
  if (sub === "set") {
    if (!values.group || !values.indicator || values.value === undefined) throw new TargetUsageError(`${kind} set needs --group, --indicator, --year and --value`);
    const year = yearOf(values.year);
    const group = await groupByCode(deps.prisma, values.group);
    if (!group) throw new TargetUsageError(`unknown group code: ${values.group} (see: npm run cli -- groups)`);
    const programme = await programmeByCode(deps.prisma, group.programme.code);
    const indicator = programme?.indicators.find((i) => i.code === values.indicator);
    if (!programme || !indicator) throw new TargetUsageError(`unknown indicator code for ${group.programme.code}: ${values.indicator}`);
    const reading = readYearlyValue(values.value, indicator);
    if (reading.kind !== "ok") throw new TargetUsageError(`cannot take "${values.value}" as a figure in ${indicator.unit}: ${reading.kind === "invalid" ? reading.issue : reading.kind}`);
    const result = await setOneYearly(service, kind, { programme, groupId: group.id, indicatorId: indicator.id, year, value: reading.value }, actor);
    if (result.kind !== "saved") throw new TargetUsageError(`not saved: ${result.kind === "invalid" ? result.issue : result.kind}`);
    const was = result.before === null ? "none" : formatNumber(result.before);
    deps.out(result.changed ? `${kind} ${group.code} ${indicator.code} ${year}: ${was} -> ${formatNumber(result.after)} ${indicator.unit}\n` : `${kind} ${group.code} ${indicator.code} ${year} was already ${formatNumber(result.after)}\n`);
    return 0;
  }
  if (sub === "list") {
    const programmes = (await activeProgrammes(deps.prisma)).filter((p) => !values.programme || p.code === values.programme);
    const groups = programmes.flatMap((p) => p.groups.map((g) => ({ ...g, programme: p })));
    const chosen = values.group ? groups.filter((g) => g.code === values.group) : groups;
    if (values.group && chosen.length === 0) throw new TargetUsageError(`unknown group code: ${values.group}`);
    const rows = await listYearly(deps.prisma, kind, { groupIds: chosen.map((g) => g.id), ...(values.year !== undefined && { years: [yearOf(values.year)] }) });
    if (rows.length === 0) deps.out(`No ${kind}s.\n`);
    for (const r of rows) {
      const g = chosen.find((x) => x.id === r.groupId)!;
      const i = g.programme.indicators.find((x) => x.id === r.indicatorId);
      deps.out(`${r.year}  ${g.code}  ${i?.code ?? r.indicatorId}  ${formatNumber(r.value)} ${i?.unit ?? ""}  (${r.source}, ${r.setAt.toISOString()})\n`);
    }
    return 0;
  }
  if (sub === "template") {
    if (!values.programme || !values.out) throw new TargetUsageError(`${kind} template needs --programme, --year and --out`);
    const programme = await programmeByCode(deps.prisma, values.programme);
    if (!programme) throw new TargetUsageError(`unknown programme code: ${values.programme}`);
    const t = createI18n();
    const bytes = await templateFor(deps.prisma, { kind, programme, year: yearOf(values.year), t: (key, vars) => t.t("id", key, vars), language: "id" });
    await writeFile(values.out, bytes);
    deps.out(`Wrote ${values.out}: ${programme.groups.length} groups × ${programme.indicators.length} indicators\n`);
    return 0;
  }
  if (sub === "import") {
    const file = rest[0];
    if (!file || rest.length > 1) throw new TargetUsageError(`${kind} import needs exactly one file`);
    const read = await readTemplate(await readFile(file));
    if (read.kind !== "ok") throw new TargetUsageError(`${file} is not a filled-in template of the bot (make one with: ${kind} template)`);
    if (read.meta.kind !== kind) throw new TargetUsageError(`${file} is a ${read.meta.kind} file: use ${read.meta.kind} import`);
    const plan = await planImport(service, read.meta, read.rows, read.valueColumn);
    if (plan.kind !== "plan") throw new TargetUsageError(plan.kind === "bad-year" ? `year ${read.meta.year} is out of range` : `unknown programme code in the file: ${read.meta.programmeCode}`);
    if (plan.errors.length > 0) {
      for (const e of plan.errors) deps.err(`Row ${e.row}, column ${e.column}: ${errorText(e)}\n`);
      deps.err(`Nothing imported: ${plan.errors.length} error(s).\n`);
      return 1;
    }
    for (const c of plan.changes) deps.out(`row ${c.row}: ${c.groupName} / ${c.indicatorLabel}: ${c.before === null ? "none" : formatNumber(c.before)} -> ${formatNumber(c.value)} ${c.unit}\n`);
    deps.out(`${plan.changes.length} to change, ${plan.unchanged} unchanged (${read.meta.programmeCode} ${read.meta.year}).\n`);
    if (!values.yes) {
      if (plan.changes.length > 0) deps.out("Nothing imported yet: run again with --yes to import.\n");
      return 0;
    }
    const applied = await applyYearly(service, kind, plan.changes, actor);
    deps.out(`Imported: ${applied.changed} changed.\n`);
    return 0;
  }
  throw new TargetUsageError(`unknown command: ${[kind, sub].filter(Boolean).join(" ")}`);
}

function errorText(e: ImportError): string {
  switch (e.issue) {
    case "unknown-group":
      return `unknown group code "${e.text}"`;
    case "unknown-indicator":
      return `unknown indicator code "${e.text}"`;
    case "unreadable":
      return `cannot read "${e.text}" as a figure`;
    case "ambiguous":
      return `"${e.text}" could mean two figures; write it as 1.250 or 1,25`;
    case "negative":
      return `"${e.text}" is negative`;
    case "too-many-decimals":
      return `"${e.text}" has more decimals than the indicator allows`;
    case "duplicate":
      return `the group and indicator (${e.text}) appear twice`;
  }
}
