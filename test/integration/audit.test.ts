// The audit trail: one row per change, written in the caller's transaction (rolled back with it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { auditTrail, recordAudit } from "../../src/features/audit/audit.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ seed: true });
});
afterAll(() => db?.drop());

describe("recordAudit", () => {
  it("stores who, where, what, before and after, with decimals and dates as strings", async () => {
    const group = await db.prisma.group.findFirstOrThrow({ select: { id: true } });
    await db.prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        source: "cli",
        entity: "group",
        entityId: group.id,
        action: "update",
        before: { name: "Lama", value: new Prisma.Decimal("789.5") },
        after: { name: "Baru", at: new Date("2026-01-01T00:00:00Z"), tg: 5n },
      }),
    );
    const trail = await auditTrail(db.prisma, "group", group.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      actorId: null,
      source: "cli",
      action: "update",
      before: { name: "Lama", value: "789.5" },
      after: { name: "Baru", at: "2026-01-01T00:00:00.000Z", tg: "5" },
    });
  });

  it("is rolled back with the change it records", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, source: "cli", entity: "programme", entityId: 999, action: "create", before: null, after: { x: 1 } });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await auditTrail(db.prisma, "programme", 999)).toEqual([]);
  });
});
