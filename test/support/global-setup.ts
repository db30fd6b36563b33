// vitest globalSetup: two template databases per test run, one migrated and one migrated
// and seeded, cloned by freshDatabase() for each test file. Names carry this run's pid, so two runs on one server never collide,
// and databases left behind by a run that was killed are dropped by the next one. The same
// for Redis keys: each run's are under `lapor-test:<pid>:` (testRedisPrefix) or `le2e:<pid>:`
// (the end-to-end bots' shorter prefix) and go at its end.
import { Redis } from "ioredis";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPrisma } from "../../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { loadSeedData, seed } from "../../src/db/seed.js";
import { createDatabase, databaseUrl, dropDatabase, RUN_DATABASE_PATTERN, testServerUrl } from "./server.js";

const REDIS_RUN_KEY = /^(?:lapor-test|le2e):(\d+):/;
const REDIS_RUN_PATTERNS = ["lapor-test:*", "le2e:*"];

declare module "vitest" {
  export interface ProvidedContext {
    /** The test PostgreSQL server, connected to a maintenance database. */
    testServerUrl: string;
    /** The migrated template freshDatabase() clones. */
    templateDatabase: string;
    /** The same, seeded from prisma/seed-data.yaml: freshDatabase({ seed: true }) clones it. */
    seededTemplateDatabase: string;
    /** Identifies this vitest run in database names and Redis prefixes. */
    testRunId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testServerUrl();
  const runId = String(process.pid);
  const template = `lapor_test_template_${runId}`;
  const seededTemplate = `${template}_seeded`;

  await dropLeftovers(serverUrl, (pid) => pid !== runId && !isAlive(Number(pid)));
  await deleteRedisLeftovers((pid) => pid !== runId && !isAlive(Number(pid)));
  await dropDatabase(serverUrl, template);
  await dropDatabase(serverUrl, seededTemplate);
  await migrate({ databaseUrl: databaseUrl(serverUrl, template), migrationsDir: MIGRATIONS_DIR, createDatabase: true });
  await createDatabase(serverUrl, seededTemplate, template);
  const prisma = createPrisma(databaseUrl(serverUrl, seededTemplate));
  try {
    await seed(prisma, loadSeedData());
  } finally {
    await prisma.$disconnect();
  }

  project.provide("testServerUrl", serverUrl);
  project.provide("templateDatabase", template);
  project.provide("seededTemplateDatabase", seededTemplate);
  project.provide("testRunId", runId);

  return async () => {
    await dropLeftovers(serverUrl, (pid) => pid === runId);
    await deleteRedisLeftovers((pid) => pid === runId);
  };
}

/** Drops this server's test databases whose run matches. */
async function dropLeftovers(serverUrl: string, ofRun: (pid: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let names: string[];
  try {
    const rows = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'lapor\\_test\\_%'");
    names = rows.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
  for (const name of names) {
    const pid = RUN_DATABASE_PATTERN.exec(name)?.[1];
    if (pid !== undefined && ofRun(pid)) await dropDatabase(serverUrl, name);
  }
}

/** Deletes the test Redis keys (`lapor-test:<pid>:…`, `le2e:<pid>:…`) whose run matches. */
async function deleteRedisLeftovers(ofRun: (pid: string) => boolean): Promise<void> {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of REDIS_RUN_PATTERNS) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        const ours = keys.filter((key) => {
          const pid = REDIS_RUN_KEY.exec(key)?.[1];
          return pid !== undefined && ofRun(pid);
        });
        if (ours.length > 0) await redis.del(...ours);
      } while (cursor !== "0");
    }
  } finally {
    await redis.quit();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
