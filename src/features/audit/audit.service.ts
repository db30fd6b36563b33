import type { Prisma, PrismaClient } from "../../db/client.js";
import { insertAuditEntry, listAuditEntries } from "./audit.repository.js";

/** Where a change came from. */
export type AuditSource = "bot" | "cli" | "console" | "xlsx" | "seed" | "meeting";

/** What was changed: the kinds of rows whose changes are kept. */
export type AuditEntity =
  | "programme"
  | "group"
  | "indicator"
  | "stakeholder"
  | "membership"
  | "staff"
  | "target"
  | "baseline"
  | "meeting";

/** A plain value of a row before or after a change; Decimal, Date and bigint are stored as strings. */
export type AuditValue = Record<string, unknown>;

export interface AuditChange {
  /** the person who made the change; null for the command line */
  actorId: number | null;
  source: AuditSource;
  entity: AuditEntity;
  entityId: number;
  /** create, update, deactivate, reactivate, remove, … */
  action: string;
  before: AuditValue | null;
  after: AuditValue | null;
}

/**
 * Records one change in the audit table, inside the caller's transaction: the change and its
 * record are committed (or rolled back) together.
 */
export async function recordAudit(tx: Prisma.TransactionClient, change: AuditChange): Promise<{ id: number }> {
  return insertAuditEntry(tx, {
    actorId: change.actorId,
    source: change.source,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: change.before === null ? null : toAuditJson(change.before),
    after: change.after === null ? null : toAuditJson(change.after),
  });
}

/** The audit trail of one row, oldest first. */
export async function auditTrail(tx: PrismaClient | Prisma.TransactionClient, entity: AuditEntity, entityId: number) {
  return listAuditEntries(tx, entity, entityId);
}

/**
 * A JSON-safe copy of a row: Decimal (anything with a custom toString that is not a plain
 * object), Date and bigint become strings; undefined fields are dropped.
 */
export function toAuditJson(value: AuditValue): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[key] = jsonOf(v);
  }
  return out;
}

function jsonOf(v: unknown): Prisma.InputJsonValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(jsonOf);
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto === Object.prototype || proto === null) return toAuditJson(v as AuditValue);
    return String(v);
  }
  return String(v);
}
