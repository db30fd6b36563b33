import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, MigrationError, type MigrationLogger } from "../../src/db/migrate.js";
import { unusedDatabase } from "../support/db.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newDatabase() {
  const db = unusedDatabase();
  cleanups.push(db.drop);
  return db;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lapor-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

type Row = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};
const bookkeeping = (url: string) => query<Row>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");

function recordingLogger() {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const logger: MigrationLogger = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  return { logger, lines };
}

const migrationNames = async () =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("migrate", () => {
  it("refuses a database that does not exist, naming it, unless told to create it (the playground and the tests)", async () => {
    const db = newDatabase();

    const refused = migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });

    await expect(refused).rejects.toThrow(MigrationError);
    await expect(refused).rejects.toThrow(`has no database "${db.name}"`);
    const exists = await query<{ n: string }>(db.url.replace(/\/[^/?]+(\?|$)/, "/postgres$1"), `SELECT count(*) AS n FROM pg_database WHERE datname = '${db.name}'`);
    expect(exists).toEqual([{ n: "0" }]);
  });

  it("creates the database, applies every migration and keeps Prisma's bookkeeping", async () => {
    const db = newDatabase();
    const names = await migrationNames();

    const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, createDatabase: true });

    expect(applied).toEqual(names);
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const primaryKey = await query(
      db.url,
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = '_prisma_migrations'::regclass AND i.indisprimary`,
    );
    expect(primaryKey).toEqual([{ attname: "id" }]);

    const rows = await bookkeeping(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
    }
    const tables = await query<{ tablename: string }>(db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["programme", "indicator", "report", "report_value"]));
  });

  it("applies nothing the second time", async () => {
    const db = newDatabase();
    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, createDatabase: true });
    const before = await bookkeeping(db.url);

    const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, createDatabase: true });

    expect(applied).toEqual([]);
    expect(await bookkeeping(db.url)).toEqual(before);
  });

  it("applies each migration once when two processes start together", async () => {
    const db = newDatabase();
    const names = await migrationNames();

    const results = await Promise.all([
      migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, createDatabase: true }),
      migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, createDatabase: true }),
    ]);

    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    expect(results.some((r) => r.applied.length === 0)).toBe(true);
    const rows = await bookkeeping(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
  });

  it("records a failed migration like Prisma, rolls it back, and refuses to go on until it is resolved", async () => {
    const db = newDatabase();
    const dir = await copyOfMigrations();
    const broken = path.join(dir, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      '-- CreateTable\nCREATE TABLE "probe" ("id" INTEGER);\n\n-- Oops\nSELECT * FROM "no_such_table";\n',
    );

    const first = migrate({ databaseUrl: db.url, migrationsDir: dir, createDatabase: true });

    await expect(first).rejects.toThrow(MigrationError);
    await expect(first).rejects.toThrow(/29991231000000_broken failed and was rolled back[\s\S]*no_such_table/);
    const failed = (await bookkeeping(db.url)).find((row) => row.migration_name === "29991231000000_broken");
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toContain("Database error code: 42P01");
    expect(failed?.logs).toContain('relation "no_such_table" does not exist');
    expect(failed?.logs).toContain("line 5");
    const probe = await query(db.url, "SELECT to_regclass('public.probe') AS probe");
    expect(probe).toEqual([{ probe: null }]);

    // Even with the file fixed, the recorded failure blocks the next start.
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "probe" ("id" INTEGER);\n');
    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir, createDatabase: true })).rejects.toThrow(
      /failed migrations[\s\S]*29991231000000_broken[\s\S]*rolled_back_at = now\(\)/,
    );

    // Resolved as `prisma migrate resolve --rolled-back` does, it is applied again.
    await query(db.url, "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL");
    const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: dir, createDatabase: true });
    expect(applied).toEqual(["29991231000000_broken"]);
    const attempts = (await bookkeeping(db.url)).filter((row) => row.migration_name === "29991231000000_broken");
    expect(attempts.map((row) => [row.rolled_back_at !== null, row.finished_at !== null])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("warns when an applied migration's file was changed, and still matches CRLF copies", async () => {
    const db = newDatabase();
    const dir = await copyOfMigrations();
    await migrate({ databaseUrl: db.url, migrationsDir: dir, createDatabase: true });
    const [name] = await migrationNames();
    const file = path.join(dir, name!, "migration.sql");

    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    const crlf = recordingLogger();
    await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: crlf.logger, createDatabase: true });
    expect(crlf.lines.filter((line) => line.level === "warn")).toEqual([]);

    await appendFile(file, "\r\n-- edited after it was applied\r\n");
    const edited = recordingLogger();
    const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: edited.logger, createDatabase: true });
    expect(applied).toEqual([]);
    expect(edited.lines).toContainEqual(
      expect.objectContaining({ level: "warn", obj: expect.objectContaining({ migration: name }), msg: expect.stringMatching(/checksum/) }),
    );
  });

  it("gives a clear error for a migration directory without migration.sql", async () => {
    const db = newDatabase();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29991231000000_empty"));

    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir, createDatabase: true })).rejects.toThrow(
      /29991231000000_empty has no migration\.sql/,
    );
  });
});
