import { IndicatorAggregation, IndicatorReporter } from "../../generated/prisma/enums.js";
import { Prisma } from "../../db/client.js";

/**
 * The rules of changing programmes, groups and indicators: what a valid name, code or
 * indicator change is. Pure functions; the service applies them.
 */

export const NAME_MAX_LENGTH = 120;
export const LABEL_MAX_LENGTH = 120;
const CODE_MAX_LENGTH = 60;

/** A name as staff typed it: spaces collapsed; null when empty or too long. */
export function cleanName(raw: string, max = NAME_MAX_LENGTH): string | null {
  const name = raw.replace(/\s+/g, " ").trim();
  if (name.length < 2 || [...name].length > max || name.startsWith("/")) return null;
  return name;
}

/** A group code from its programme's code and its name: "mariojela" + "Karang Rejo" → "mariojela-karang-rejo". */
export function groupCodeFor(programmeCode: string, name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${programmeCode}-${slug || "kelompok"}`.slice(0, CODE_MAX_LENGTH).replace(/-+$/, "");
}

/** What an indicator change may touch (the code, unit and decimals stay: stored figures depend on them). */
export type IndicatorPatch = {
  labelId?: string;
  labelEn?: string;
  minValue?: string;
  maxValue?: string;
  position?: number;
  required?: boolean;
  reportedBy?: IndicatorReporter;
  aggregation?: IndicatorAggregation;
};

export type IndicatorFields = {
  labelId: string;
  labelEn: string;
  minValue: string;
  maxValue: string;
  position: number;
  required: boolean;
  reportedBy: IndicatorReporter;
  aggregation: IndicatorAggregation;
};

export type PatchIssue = "label" | "bounds" | "position" | "reported-by" | "aggregation" | "empty";

/** The indicator after the patch, or what is wrong with the patch. */
export function applyIndicatorPatch(current: IndicatorFields, patch: IndicatorPatch): { kind: "ok"; next: IndicatorFields } | { kind: "invalid"; issue: PatchIssue } {
  if (Object.values(patch).every((v) => v === undefined)) return { kind: "invalid", issue: "empty" };
  const next = { ...current };
  for (const key of ["labelId", "labelEn"] as const) {
    const raw = patch[key];
    if (raw === undefined) continue;
    const label = cleanName(raw, LABEL_MAX_LENGTH);
    if (label === null) return { kind: "invalid", issue: "label" };
    next[key] = label;
  }
  for (const key of ["minValue", "maxValue"] as const) {
    const raw = patch[key];
    if (raw === undefined) continue;
    const value = decimalOrNull(raw);
    if (value === null) return { kind: "invalid", issue: "bounds" };
    next[key] = value;
  }
  if (new Prisma.Decimal(next.minValue).isNegative() || new Prisma.Decimal(next.minValue).greaterThan(next.maxValue)) return { kind: "invalid", issue: "bounds" };
  if (patch.position !== undefined) {
    if (!Number.isInteger(patch.position) || patch.position < 0 || patch.position > 999) return { kind: "invalid", issue: "position" };
    next.position = patch.position;
  }
  if (patch.required !== undefined) next.required = patch.required;
  if (patch.reportedBy !== undefined) {
    if (!Object.values(IndicatorReporter).includes(patch.reportedBy)) return { kind: "invalid", issue: "reported-by" };
    next.reportedBy = patch.reportedBy;
  }
  if (patch.aggregation !== undefined) {
    if (!Object.values(IndicatorAggregation).includes(patch.aggregation)) return { kind: "invalid", issue: "aggregation" };
    next.aggregation = patch.aggregation;
  }
  return { kind: "ok", next };
}

/** "1.250", "1250,5" or "1250.5" → "1250.5"; null for anything else or an absurd size. */
function decimalOrNull(raw: string): string | null {
  const text = raw.trim();
  let canonical: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) canonical = text.replace(/\./g, "").replace(",", ".");
  else if (/^\d+([.,]\d+)?$/.test(text)) canonical = text.replace(",", ".");
  else return null;
  const value = new Prisma.Decimal(canonical);
  return value.greaterThan("1e15") ? null : value.toFixed();
}

/** The fields that differ, each as { before, after }: what the audit entry keeps. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (String(before[key]) !== String(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
