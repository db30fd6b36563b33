import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { staffById } from "../people/people.rights.js";
import type { YearlyKind } from "./target.repository.js";
import { applyYearly, planImport, type ImportPlan, type TargetDeps, type YearlyChange } from "./target.service.js";
import { readTemplate } from "./target.xlsx.js";

/** How long a preview may be confirmed. */
export const PENDING_IMPORT_SECONDS = 60 * 60;

export type PendingImport = { personId: number; kind: YearlyKind; changes: YearlyChange[] };

export type ImportDeps = TargetDeps & { redis: Redis };

export type FileCheck = { kind: "not-template" } | Exclude<ImportPlan, { kind: "plan" }> | (Extract<ImportPlan, { kind: "plan" }> & { pendingId: string | null });

/**
 * A filled-in template sent to the bot: read and checked; when it has no error and changes
 * something, the changes wait in Redis (not in a process) for the sender's confirmation.
 */
export async function checkImportFile(deps: ImportDeps, personId: number, bytes: Buffer): Promise<FileCheck> {
  const read = await readTemplate(bytes);
  if (read.kind !== "ok") return read;
  const plan = await planImport(deps, read.meta, read.rows, read.valueColumn);
  if (plan.kind !== "plan" || plan.errors.length > 0 || plan.changes.length === 0) return plan.kind === "plan" ? { ...plan, pendingId: null } : plan;
  const pendingId = randomBytes(8).toString("hex");
  const pending: PendingImport = { personId, kind: read.meta.kind, changes: plan.changes.map(({ groupId, indicatorId, year, value }) => ({ groupId, indicatorId, year, value })) };
  await deps.redis.set(`target-import:${pendingId}`, JSON.stringify(pending), "EX", PENDING_IMPORT_SECONDS);
  return { ...plan, pendingId };
}

export type ConfirmResult = { kind: "imported"; changed: number } | { kind: "cancelled" } | { kind: "expired" } | { kind: "not-allowed" };

/**
 * Imports (or drops) a previewed file. The pending changes are taken out of Redis atomically,
 * so a double tap imports once; only the person who sent the file, still staff, may import it.
 */
export async function confirmImport(deps: ImportDeps, personId: number, pendingId: string, accept: boolean): Promise<ConfirmResult> {
  const key = `target-import:${pendingId}`;
  const raw = await deps.redis.get(key);
  if (raw === null) return { kind: "expired" };
  const pending = JSON.parse(raw) as PendingImport;
  if (pending.personId !== personId) return { kind: "not-allowed" };
  if ((await deps.redis.del(key)) === 0) return { kind: "expired" };
  if (!accept) return { kind: "cancelled" };
  if (!(await staffById(deps.prisma, personId))) return { kind: "not-allowed" };
  const applied = await applyYearly(deps, pending.kind, pending.changes, { actorId: personId, source: "xlsx" });
  return { kind: "imported", changed: applied.changed };
}
