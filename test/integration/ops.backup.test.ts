// `npm run cli -- backup create|restore`: data → backup → restore into a new database → every
// table's content is the same; a database that is not empty is refused unless --force.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import type { BackupManifest } from "../../src/ops/backup.js";
import { freshDatabase, unusedDatabase, type TestDatabase } from "../support/db.js";
import { seedReports2021 } from "../support/reports-2021.js";
import { createDatabase } from "../support/server.js";

let source: TestDatabase;
let dir: string;
const drops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  source = await freshDatabase({ seed: true });
  await seedReports2021(source.prisma);
  dir = await mkdtemp(path.join(tmpdir(), "lapor-backup-"));
});

afterAll(async () => {
  for (const drop of drops) await drop();
  await source?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(databaseUrl: string, argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    prisma: source.prisma,
    config: loadConfig({ DATABASE_URL: databaseUrl }),
    clock: () => new Date("2026-12-04T10:00:00Z"),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

/** A new, empty database (no tables). */
async function emptyDatabase(): Promise<string> {
  const db = unusedDatabase();
  await createDatabase(inject("testServerUrl"), db.name);
  drops.push(db.drop);
  return db.url;
}

/** Every table of the public schema with all its rows, in a stable order. */
async function contents(databaseUrl: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const all: Record<string, unknown> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM public."${name}" t ORDER BY t::text`);
      all[name] = rows.rows.map((r) => r.row);
    }
    return all;
  } finally {
    await client.end();
  }
}

describe("backup create and restore", () => {
  it("restores every table's content into a new database, as the manifest lists it", async () => {
    const file = path.join(dir, "one.dump");

    const created = await cli(source.url, ["backup", "create", "--out", file]);
    expect(created).toMatchObject({ code: 0, err: "" });
    expect(created.out).toContain(`Backup written: ${file}`);
    const manifest = JSON.parse(await readFile(`${file}.manifest.json`, "utf8")) as BackupManifest;
    expect(manifest).toMatchObject({ format: "lapor-kelompok-backup/1", createdAt: "2026-12-04T10:00:00.000Z", database: source.name });
    expect(manifest.migration).toMatch(/^\d{14}_/);
    expect(manifest.rowCounts.report).toBeGreaterThan(0);
    expect(manifest.rowCounts.person).toBeGreaterThan(0);

    const target = await emptyDatabase();
    const restored = await cli(target, ["backup", "restore", file]);

    expect(restored).toMatchObject({ code: 0, err: "" });
    expect(restored.out).toContain("Every table has the rows the manifest lists");
    const [before, after] = [await contents(source.url), await contents(target)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  }, 120_000);

  it("refuses to restore into a database that is not empty, unless --force", async () => {
    const file = path.join(dir, "two.dump");
    expect((await cli(source.url, ["backup", "create", "--out", file])).code).toBe(0);
    const target = await emptyDatabase();
    expect((await cli(target, ["backup", "restore", file])).code).toBe(0);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query("UPDATE programme SET name = 'changed after the restore'");
    await client.end();

    const refused = await cli(target, ["backup", "restore", file]);

    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not empty \(\d+ tables\): restore into a new, empty database, or pass --force/);
    const forced = await cli(target, ["backup", "restore", file, "--force"]);
    expect(forced).toMatchObject({ code: 0, err: "" });
    expect(await contents(target)).toEqual(await contents(source.url));
  }, 120_000);
});
