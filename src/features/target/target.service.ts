import type { Clock } from "../../app-deps.js";
import type { PrismaClient } from "../../db/client.js";
import { canonical, toDec } from "../../lib/number-format.js";
import { readNumber } from "../../lib/number.js";
import { recordAudit, type AuditSource } from "../audit/audit.service.js";
import { staffById } from "../people/people.rights.js";
import { findYearly, programmeByCode, upsertYearly, type PlanIndicator, type PlanProgramme, type YearlyKind } from "./target.repository.js";

export type TargetDeps = { prisma: PrismaClient; clock: Clock };

/** Years a target or a baseline may be set for. */
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

export type YearlyChange = { groupId: number; indicatorId: number; year: number; value: string };
/** Who changes: a person (bot, xlsx sent to the bot) or the command line (actorId null). */
export type ChangeActor = { actorId: number | null; source: AuditSource };

export type ValueIssue = "negative" | "too-many-decimals";

/** A yearly figure must not be negative (unless the indicator allows it) nor finer than the indicator's decimals. */
export function yearlyValueIssue(value: string, indicator: Pick<PlanIndicator, "decimals" | "minValue">): ValueIssue | null {
  const v = toDec(value);
  if (v.lessThan(0) && v.lessThan(toDec(indicator.minValue))) return "negative";
  if (v.decimalPlaces() > indicator.decimals) return "too-many-decimals";
  return null;
}

export type ValueReading = { kind: "ok"; value: string } | { kind: "empty" } | { kind: "unreadable" } | { kind: "ambiguous"; readings: [string, string] } | { kind: "invalid"; issue: ValueIssue };

/** Reads a typed figure (Indonesian style, "1.250,5", "Rp 1.500.000") or a spreadsheet number for an indicator. */
export function readYearlyValue(raw: string | number | null, indicator: Pick<PlanIndicator, "decimals" | "minValue" | "unit">): ValueReading {
  let value: string;
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { kind: "empty" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "unreadable" };
    value = canonical(toDec(String(raw)));
  } else {
    const reading = readNumber(raw, indicator.unit);
    if (reading.kind === "ambiguous") return { kind: "ambiguous", readings: reading.readings };
    if (reading.kind === "skip") return { kind: "empty" };
    if (reading.kind !== "number") return { kind: "unreadable" };
    value = reading.value;
  }
  const issue = yearlyValueIssue(value, indicator);
  return issue ? { kind: "invalid", issue } : { kind: "ok", value };
}

export type AppliedYearly = { changed: number; unchanged: number };

/**
 * Sets yearly figures (targets or baselines) in one transaction: a figure equal to the stored
 * one is left alone; every change is recorded in the audit table with its before and after.
 */
export async function applyYearly(deps: TargetDeps, kind: YearlyKind, changes: YearlyChange[], actor: ChangeActor): Promise<AppliedYearly> {
  const at = deps.clock();
  return deps.prisma.$transaction(async (tx) => {
    let changed = 0;
    for (const change of changes) {
      const before = await findYearly(tx, kind, change);
      if (before && toDec(before.value).equals(toDec(change.value))) continue;
      const after = await upsertYearly(tx, kind, { ...change, value: canonical(toDec(change.value)), setById: actor.actorId, setAt: at, source: actor.source });
      await recordAudit(tx, {
        actorId: actor.actorId,
        source: actor.source,
        entity: kind,
        entityId: after.id,
        action: before ? "update" : "create",
        before: before ? { groupId: before.groupId, indicatorId: before.indicatorId, year: before.year, value: before.value } : null,
        after: { groupId: after.groupId, indicatorId: after.indicatorId, year: after.year, value: after.value },
      });
      changed++;
    }
    return { changed, unchanged: changes.length - changed };
  });
}

export type SetOneResult =
  | { kind: "saved"; before: string | null; after: string; changed: boolean }
  | { kind: "not-allowed" }
  | { kind: "not-found" }
  | { kind: "bad-year" }
  | { kind: "invalid"; issue: ValueIssue };

/** One figure for a group × indicator × year; a person's rights are read again from the database. */
export async function setOneYearly(
  deps: TargetDeps,
  kind: YearlyKind,
  input: { programme: PlanProgramme; groupId: number; indicatorId: number; year: number; value: string },
  actor: ChangeActor,
): Promise<SetOneResult> {
  if (actor.actorId !== null && !(await staffById(deps.prisma, actor.actorId))) return { kind: "not-allowed" };
  if (!Number.isInteger(input.year) || input.year < MIN_PLAN_YEAR || input.year > MAX_PLAN_YEAR) return { kind: "bad-year" };
  const indicator = input.programme.indicators.find((i) => i.id === input.indicatorId);
  if (!indicator || !input.programme.groups.some((g) => g.id === input.groupId)) return { kind: "not-found" };
  const issue = yearlyValueIssue(input.value, indicator);
  if (issue) return { kind: "invalid", issue };
  const key = { groupId: input.groupId, indicatorId: input.indicatorId, year: input.year };
  const before = await findYearly(deps.prisma, kind, key);
  const applied = await applyYearly(deps, kind, [{ ...key, value: input.value }], actor);
  return { kind: "saved", before: before?.value ?? null, after: canonical(toDec(input.value)), changed: applied.changed > 0 };
}

/** One row of a filled-in template as read from the file. */
export type SheetRow = { row: number; groupCode: string; indicatorCode: string; value: string | number | null };
export type SheetMeta = { kind: YearlyKind; programmeCode: string; year: number };
/** Where a file's row is wrong: the spreadsheet row, the column letter, what is wrong. */
export type ImportError = {
  row: number;
  column: string;
  issue: "unknown-group" | "unknown-indicator" | "unreadable" | "ambiguous" | "negative" | "too-many-decimals" | "duplicate";
  text: string;
};
export type PlannedChange = YearlyChange & { row: number; groupName: string; indicatorLabel: string; unit: string; before: string | null };

/** The columns of the template (see target.xlsx.ts): codes in A and C, the figure in `valueColumn`. */
export const GROUP_COLUMN = "A";
export const INDICATOR_COLUMN = "C";

export type ImportPlan =
  | { kind: "plan"; meta: SheetMeta; programme: PlanProgramme; changes: PlannedChange[]; unchanged: number; errors: ImportError[] }
  | { kind: "unknown-programme" }
  | { kind: "bad-year" };

/**
 * What a filled-in template would change: every row checked (codes of this programme, a
 * readable figure); the changes against what is stored. With any error, nothing may be imported.
 */
export async function planImport(deps: TargetDeps, meta: SheetMeta, rows: SheetRow[], valueColumn: string): Promise<ImportPlan> {
  if (meta.year < MIN_PLAN_YEAR || meta.year > MAX_PLAN_YEAR) return { kind: "bad-year" };
  const programme = await programmeByCode(deps.prisma, meta.programmeCode);
  if (!programme) return { kind: "unknown-programme" };
  const errors: ImportError[] = [];
  const changes: PlannedChange[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const r of rows) {
    const group = programme.groups.find((g) => g.code === r.groupCode.trim());
    const indicator = programme.indicators.find((i) => i.code === r.indicatorCode.trim());
    if (!group) errors.push({ row: r.row, column: GROUP_COLUMN, issue: "unknown-group", text: r.groupCode });
    if (!indicator) errors.push({ row: r.row, column: INDICATOR_COLUMN, issue: "unknown-indicator", text: r.indicatorCode });
    if (!group || !indicator) continue;
    const reading = readYearlyValue(r.value, indicator);
    const text = r.value === null ? "" : String(r.value);
    if (reading.kind === "empty") continue;
    if (reading.kind !== "ok") {
      const issue = reading.kind === "invalid" ? reading.issue : reading.kind;
      errors.push({ row: r.row, column: valueColumn, issue, text });
      continue;
    }
    const key = `${group.id}:${indicator.id}`;
    if (seen.has(key)) {
      errors.push({ row: r.row, column: GROUP_COLUMN, issue: "duplicate", text: `${group.code} ${indicator.code}` });
      continue;
    }
    seen.add(key);
    const stored = await findYearly(deps.prisma, meta.kind, { groupId: group.id, indicatorId: indicator.id, year: meta.year });
    if (stored && toDec(stored.value).equals(toDec(reading.value))) {
      unchanged++;
      continue;
    }
    changes.push({
      row: r.row,
      groupId: group.id,
      indicatorId: indicator.id,
      year: meta.year,
      value: reading.value,
      groupName: group.name,
      indicatorLabel: indicator.labelId,
      unit: indicator.unit,
      before: stored?.value ?? null,
    });
  }
  return { kind: "plan", meta, programme, changes, unchanged, errors };
}
