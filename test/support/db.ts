// A database of its own for each test file, cloned from the run's migrated template.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/client.js";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./server.js";

export type TestDatabase = {
  name: string;
  url: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
};

/**
 * A migrated database, typically one per test file; with `seed: true` it also holds
 * prisma/seed-data.yaml (cloned from a template seeded once per run, so it costs nothing):
 *
 *     let db: TestDatabase;
 *     beforeAll(async () => { db = await freshDatabase({ seed: true }); });
 *     afterAll(() => db.drop());
 */
export async function freshDatabase(opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  const server = inject("testServerUrl");
  const name = uniqueDatabaseName(inject("testRunId"));
  await createDatabase(server, name, inject(opts.seed ? "seededTemplateDatabase" : "templateDatabase"));
  const url = databaseUrl(server, name);
  const prisma = createPrisma(url);
  const drop = async () => {
    await prisma.$disconnect();
    await dropDatabase(server, name);
  };
  return { name, url, prisma, drop };
}

/** A name and URL for a database that does not exist yet (for tests that create it themselves). */
export function unusedDatabase(): { name: string; url: string; drop(): Promise<void> } {
  const server = inject("testServerUrl");
  const name = uniqueDatabaseName(inject("testRunId"));
  return { name, url: databaseUrl(server, name), drop: () => dropDatabase(server, name) };
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}

/**
 * A Redis key prefix of its own (BullMQ's `prefix`, a storage adapter's key prefix), so test
 * files and concurrent runs share one Redis without seeing each other's keys.
 */
export function testRedisPrefix(label = "t"): string {
  return `lapor-test:${inject("testRunId")}:${label}:${randomBytes(4).toString("hex")}`;
}
