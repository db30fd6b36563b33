import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Applies `prisma/migrations/<name>/migration.sql` with plain pg, because Prisma's schema
 * engine (a native binary) is not available everywhere this app starts. The bookkeeping is
 * Prisma's own `_prisma_migrations` table, kept exactly as Prisma keeps it, so that
 * `prisma migrate deploy|status|resolve` still work wherever the engine exists.
 *
 * Unlike Prisma, each migration runs in one transaction together with its bookkeeping row:
 * a migration either applies completely or not at all. A failure is still recorded the way
 * Prisma records it (a row with logs and no finished_at), so both tools refuse to go on
 * until someone resolves it.
 */

/** The advisory lock key Prisma Migrate takes, so this and `prisma migrate` exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** The project's migrations, from src/db (tsx) and dist/db (compiled) alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** What migrate() logs through; a pino Logger fits. */
export type MigrationLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type MigrateOptions = {
  databaseUrl: string;
  migrationsDir: string;
  logger?: MigrationLogger;
  /** How long to wait for another process that is migrating the same database. */
  lockTimeoutMs?: number;
  /**
   * Create the database when it does not exist: only the playground and the tests do. The
   * bot never does: a mistyped name in DATABASE_URL must stop it, not start it on an empty one.
   */
  createDatabase?: boolean;
};

export class MigrationError extends Error {
  override name = "MigrationError";
}

type MigrationFile = { name: string; script: string; checksum: string };

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

// Verbatim from Prisma's PostgreSQL connector (create_migrations_table); IF NOT EXISTS is
// ours, and harmless because we only run it while holding the advisory lock.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const silentLogger: MigrationLogger = { info() {}, warn() {}, error() {} };

export async function migrate(opts: MigrateOptions): Promise<{ applied: string[] }> {
  const logger = opts.logger ?? silentLogger;
  const files = await readMigrationFiles(opts.migrationsDir);
  const client = opts.createDatabase ? await connectCreatingDatabase(opts.databaseUrl, logger) : await connectExisting(opts.databaseUrl);
  try {
    await acquireLock(client, opts.lockTimeoutMs ?? 60_000);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (await client.query<MigrationRow>("SELECT * FROM _prisma_migrations ORDER BY started_at")).rows;
      refuseIfFailed(rows);
      const pending = pendingMigrations(files, rows, logger);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration, logger);
        applied.push(migration.name);
      }
      logger.info({ applied: applied.length, total: files.length }, applied.length ? "migrations applied" : "database is up to date");
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Prisma's checksum: the SHA-256 of the file's bytes, as lowercase hex. */
export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/** Like Prisma, an applied migration still matches when only its line endings changed (git on Windows). */
function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === recorded);
}

async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw new MigrationError(`Cannot read the migrations directory ${dir}: ${(err as Error).message}`);
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = await readFile(file).catch(() => {
        throw new MigrationError(`Migration ${name} has no migration.sql (looked for ${file})`);
      });
      return { name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    }),
  );
}

async function connectExisting(databaseUrl: string): Promise<pg.Client> {
  try {
    return await connect(databaseUrl);
  } catch (err) {
    if (!(err instanceof pg.DatabaseError && err.code === "3D000")) throw err;
    const url = new URL(databaseUrl);
    const database = decodeURIComponent(url.pathname.slice(1));
    throw new MigrationError(
      `PostgreSQL at ${url.hostname}:${url.port || 5432} has no database "${database}": create it (createdb ${database}) or correct the name in DATABASE_URL; the bot never creates a database`,
      { cause: err },
    );
  }
}

async function connectCreatingDatabase(databaseUrl: string, logger: MigrationLogger): Promise<pg.Client> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  try {
    return await connect(databaseUrl);
  } catch (err) {
    const missing = err instanceof pg.DatabaseError && err.code === "3D000";
    if (!missing || database === "") throw err;
  }
  url.pathname = "/postgres";
  const admin = await connect(url.toString());
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
    logger.info({ database }, "database created");
  } catch (err) {
    // Another process created it between our two connections: fine.
    const raced = err instanceof pg.DatabaseError && (err.code === "42P04" || err.code === "23505");
    if (!raced) throw err;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return connect(databaseUrl);
}

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  // An idle client whose server goes away emits 'error'; without a listener that kills the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (err) {
    if (err instanceof pg.DatabaseError && err.code === "55P03") {
      throw new MigrationError(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})): another process is migrating this database`,
      );
    }
    throw err;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

function refuseIfFailed(rows: MigrationRow[]): void {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length === 0) return;
  const lines = failed.map(
    (row) => `- ${row.migration_name}, started at ${row.started_at.toISOString()}:\n${indent(row.logs ?? "(no logs)")}`,
  );
  const names = failed.map((row) => `'${row.migration_name.replaceAll("'", "''")}'`).join(", ");
  throw new MigrationError(
    [
      "Found failed migrations in the target database; no new migration will be applied.",
      ...lines,
      "Fix the migration, then mark the failed attempt as rolled back (ours ran in a transaction, so nothing of it was applied):",
      `  npx prisma migrate resolve --rolled-back <name>   or, without Prisma's engine:`,
      `  UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name IN (${names}) AND finished_at IS NULL;`,
    ].join("\n"),
  );
}

function pendingMigrations(files: MigrationFile[], rows: MigrationRow[], logger: MigrationLogger): MigrationFile[] {
  const applied = new Map<string, MigrationRow>();
  for (const row of rows) {
    if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row);
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const [name, row] of applied) {
    const file = byName.get(name);
    if (!file) {
      logger.warn({ migration: name }, "migration is applied to the database but missing from the migrations directory");
    } else if (!checksumMatches(file.script, row.checksum)) {
      logger.warn(
        { migration: name, recorded: row.checksum, file: file.checksum },
        "migration was modified after it was applied: its checksum no longer matches",
      );
    }
  }
  return files.filter((file) => !applied.has(file.name));
}

async function applyOne(client: pg.Client, migration: MigrationFile, logger: MigrationLogger): Promise<void> {
  const id = randomUUID();
  logger.info({ migration: migration.name }, "applying migration");
  await client.query("BEGIN");
  let startedAt: Date | undefined;
  try {
    const started = await client.query<{ started_at: Date }>(
      "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3) RETURNING started_at",
      [id, migration.checksum, migration.name],
    );
    startedAt = started.rows[0]?.started_at;
    await client.query(migration.script);
    await client.query(
      "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    const logs = describeFailure(err, migration.script);
    // Recorded outside the rolled-back transaction, as Prisma records a failed migration.
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, logs) VALUES ($1, $2, COALESCE($3, now()), $4, $5)",
      [id, migration.checksum, startedAt ?? null, migration.name, logs],
    );
    logger.error({ migration: migration.name, err }, "migration failed and was rolled back");
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back:\n${indent(logs)}`, { cause: err });
  }
}

/** The failure, worded like Prisma's logs column: code, message, and where in the script. */
function describeFailure(err: unknown, script: string): string {
  if (!(err instanceof pg.DatabaseError)) return err instanceof Error ? err.message : String(err);
  const lines = [`Database error code: ${err.code ?? "unknown"}`, "", "Database error:", `ERROR: ${err.message}`];
  if (err.detail) lines.push(`DETAIL: ${err.detail}`);
  if (err.hint) lines.push(`HINT: ${err.hint}`);
  const position = Number(err.position);
  if (Number.isInteger(position) && position > 0) {
    // Position counts characters from 1 in the whole script.
    const before = [...script].slice(0, position - 1).join("");
    const lineNumber = before.split("\n").length;
    const lineText = script.split("\n")[lineNumber - 1] ?? "";
    lines.push("", "Position:", `  line ${lineNumber}: ${lineText.trim()}`);
  }
  return lines.join("\n");
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
