import type { Clock } from "../../app-deps.js";
import type { ExportPeriod } from "./export.period.js";
import type { ExportRepository, ReportFilter } from "./export.repository.js";

/**
 * Who may export what, and the export request. Staff export any group, any programme or
 * everything; a coordinator only their own groups. The rights are read from the database
 * every time — when the request is made and again when the job builds the files — never
 * taken from a button.
 */

export type ExportScope = { kind: "all" } | { kind: "programme"; programmeId: number } | { kind: "group"; groupId: number } | { kind: "my-groups" };
export type ExportFormat = "xlsx" | "csv" | "both";

export type AuthorizedExport = {
  kind: "ok";
  filter: ReportFilter;
  /** for file names: a group's or programme's code; null for everything / my groups (named by the locales) */
  scopeCode: string | null;
  /** what the caption names: a group, a programme, or null */
  scopeName: { kind: "group" | "programme"; name: string; nameEn: string } | null;
};

export type ExportAuthorization = AuthorizedExport | { kind: "not-allowed" } | { kind: "not-found" };

export async function authorizeExport(
  repo: Pick<ExportRepository, "rightsOf" | "group" | "programme">,
  personId: number,
  scope: ExportScope,
  period: Pick<ExportPeriod, "firstWeekStartDate" | "lastWeekStartDate">,
): Promise<ExportAuthorization> {
  const rights = await repo.rightsOf(personId);
  if (!rights) return { kind: "not-allowed" };
  const weeks = { firstWeekStartDate: period.firstWeekStartDate, lastWeekStartDate: period.lastWeekStartDate };
  switch (scope.kind) {
    case "all":
      if (!rights.isStaff) return { kind: "not-allowed" };
      return { kind: "ok", filter: { ...weeks }, scopeCode: null, scopeName: null };
    case "programme": {
      if (!rights.isStaff) return { kind: "not-allowed" };
      const programme = await repo.programme(scope.programmeId);
      if (!programme) return { kind: "not-found" };
      return {
        kind: "ok",
        filter: { ...weeks, programmeIds: [programme.id] },
        scopeCode: programme.code,
        scopeName: { kind: "programme", name: programme.name, nameEn: programme.nameEn },
      };
    }
    case "group": {
      if (!rights.isStaff && !rights.coordinatorGroupIds.includes(scope.groupId)) return { kind: "not-allowed" };
      const group = await repo.group(scope.groupId);
      if (!group) return { kind: "not-found" };
      return { kind: "ok", filter: { ...weeks, groupIds: [group.id] }, scopeCode: group.code, scopeName: { kind: "group", name: group.name, nameEn: group.name } };
    }
    case "my-groups":
      if (rights.coordinatorGroupIds.length === 0) return { kind: "not-allowed" };
      return { kind: "ok", filter: { ...weeks, groupIds: rights.coordinatorGroupIds }, scopeCode: null, scopeName: null };
  }
}

/** What the export job carries: ids and the resolved weeks (so a job that runs after midnight keeps its period). */
export type ExportJobData = {
  personId: number;
  scopeKind: ExportScope["kind"];
  scopeId: number | null;
  firstWeekStartDate: string;
  lastWeekStartDate: string;
  periodSlug: string;
  format: ExportFormat;
};

export function scopeToJob(scope: ExportScope): { scopeKind: ExportScope["kind"]; scopeId: number | null } {
  if (scope.kind === "group") return { scopeKind: "group", scopeId: scope.groupId };
  if (scope.kind === "programme") return { scopeKind: "programme", scopeId: scope.programmeId };
  return { scopeKind: scope.kind, scopeId: null };
}

export function scopeFromJob(kind: unknown, id: unknown): ExportScope | null {
  const n = Number(id);
  if (kind === "all" || kind === "my-groups") return { kind };
  if ((kind === "group" || kind === "programme") && Number.isInteger(n) && n > 0) return kind === "group" ? { kind, groupId: n } : { kind, programmeId: n };
  return null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a job's data back, checking every field (a job's data is input like any other). */
export function parseExportJob(data: Record<string, unknown>): (ExportJobData & { scope: ExportScope }) | null {
  const personId = Number(data.personId);
  const scope = scopeFromJob(data.scopeKind, data.scopeId);
  const format = data.format;
  const first = data.firstWeekStartDate;
  const last = data.lastWeekStartDate;
  if (!Number.isInteger(personId) || personId <= 0 || !scope) return null;
  if (format !== "xlsx" && format !== "csv" && format !== "both") return null;
  if (typeof first !== "string" || typeof last !== "string" || !DATE.test(first) || !DATE.test(last) || first > last) return null;
  const slug = typeof data.periodSlug === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(data.periodSlug) ? data.periodSlug : first;
  return { personId, ...scopeToJob(scope), scope, firstWeekStartDate: first, lastWeekStartDate: last, periodSlug: slug, format };
}

export type ExportRequestDeps = {
  repo: Pick<ExportRepository, "rightsOf" | "group" | "programme">;
  clock: Clock;
  /** puts the job on the export queue (idempotent by jobId) */
  schedule(data: ExportJobData, jobId: string): Promise<void>;
};

export type ExportRequestResult = { kind: "queued"; jobId: string } | { kind: "not-allowed" } | { kind: "not-found" };

/**
 * Checks the rights, then asks the export queue to build and send the files. The job id is
 * the person and the conversation's nonce: pressing the last button twice makes one export.
 */
export async function requestExport(
  deps: ExportRequestDeps,
  input: { personId: number; nonce: string; scope: ExportScope; period: ExportPeriod; format: ExportFormat },
): Promise<ExportRequestResult> {
  const authorized = await authorizeExport(deps.repo, input.personId, input.scope, input.period);
  if (authorized.kind !== "ok") return authorized;
  const jobId = `export-${input.personId}-${input.nonce}`;
  await deps.schedule(
    {
      personId: input.personId,
      ...scopeToJob(input.scope),
      firstWeekStartDate: input.period.firstWeekStartDate,
      lastWeekStartDate: input.period.lastWeekStartDate,
      periodSlug: input.period.slug,
      format: input.format,
    },
    jobId,
  );
  return { kind: "queued", jobId };
}
