import { Prisma, type PrismaClient } from "../../db/client.js";

/** One audit row, written inside the caller's transaction (the change and its record commit together). */
export async function insertAuditEntry(
  tx: Prisma.TransactionClient,
  row: {
    actorId: number | null;
    source: string;
    entity: string;
    entityId: number;
    action: string;
    before: Prisma.InputJsonValue | null;
    after: Prisma.InputJsonValue | null;
  },
): Promise<{ id: number }> {
  return tx.auditEntry.create({
    data: {
      actorId: row.actorId,
      source: row.source,
      entity: row.entity,
      entityId: row.entityId,
      action: row.action,
      before: row.before ?? Prisma.JsonNull,
      after: row.after ?? Prisma.JsonNull,
    },
    select: { id: true },
  });
}

/** The audit trail of one entity, oldest first. */
export async function listAuditEntries(db: PrismaClient | Prisma.TransactionClient, entity: string, entityId: number) {
  return db.auditEntry.findMany({
    where: { entity, entityId },
    orderBy: { id: "asc" },
    select: { id: true, at: true, actorId: true, source: true, entity: true, entityId: true, action: true, before: true, after: true },
  });
}
