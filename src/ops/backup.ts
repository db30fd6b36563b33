import { childProcessEnvironment } from "../config.js";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import pg from "pg";

/**
 * Backups of the database: `pg_dump --format=custom` into FILE, and beside it FILE.manifest.json
 * saying what is inside (the last migration, the rows of every table, when, a checksum), so a
 * restore can be checked against it. The password travels to pg_dump/pg_restore in PGPASSWORD,
 * never on a command line.
 */
export type BackupManifest = {
  format: "lapor-kelompok-backup/1";
  createdAt: string;
  /** the database's name (no host, no user, no password) */
  database: string;
  /** the last migration applied when the dump was made, and how many there were */
  migration: string | null;
  migrations: number;
  /** rows per table of the public schema (_prisma_migrations included) */
  rowCounts: Record<string, number>;
  /** sha256 of the dump file */
  sha256: string;
  bytes: number;
};

export class BackupError extends Error {
  override name = "BackupError";
}

export function manifestPathOf(file: string): string {
  return `${file}.manifest.json`;
}

/** libpq's variables for a postgresql:// URL (the tools then need no URL on their command line). */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {
    PGHOST: url.hostname || "127.0.0.1",
    PGPORT: url.port || "5432",
    PGDATABASE: decodeURIComponent(url.pathname.replace(/^\//, "")),
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Exact row counts of every table in the public schema, by name. */
export async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  return withClient(databaseUrl, countRows);
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name.replaceAll('"', '""')}"`);
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

async function lastMigration(client: pg.Client): Promise<{ migration: string | null; migrations: number }> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'");
  if (exists.rowCount === 0) return { migration: null, migrations: 0 };
  const rows = await client.query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  );
  return { migration: rows.rows.at(-1)?.migration_name ?? null, migrations: rows.rowCount ?? 0 };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childProcessEnvironment(env), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === "ENOENT" ? `${command} is not installed (PostgreSQL's client tools, of the server's major version or newer)` : err.message)),
    );
    child.once("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** `backup create`: the dump and its manifest. */
export async function createBackup(options: { databaseUrl: string; file: string; clock?: () => Date }): Promise<BackupManifest> {
  const env = libpqEnvironment(options.databaseUrl);
  const createdAt = (options.clock ?? (() => new Date()))().toISOString();
  // The counts and the dump see the same snapshot: the manifest tells exactly what the dump holds.
  const { counts, migration, migrations } = await withClient(options.databaseUrl, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]?.id ?? "";
      const counted = await countRows(client);
      const last = await lastMigration(client);
      await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${options.file}`], env);
      return { counts: counted, ...last };
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
    }
  });
  const manifest: BackupManifest = {
    format: "lapor-kelompok-backup/1",
    createdAt,
    database: env.PGDATABASE ?? "",
    migration,
    migrations,
    rowCounts: counts,
    sha256: await sha256Of(options.file),
    bytes: (await stat(options.file)).size,
  };
  await writeFile(manifestPathOf(options.file), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(file: string): Promise<BackupManifest | null> {
  try {
    return JSON.parse(await readFile(manifestPathOf(file), "utf8")) as BackupManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new BackupError(`cannot read ${manifestPathOf(file)}: ${(err as Error).message}`);
  }
}

export type RestoreResult = {
  manifest: BackupManifest | null;
  rowCounts: Record<string, number>;
  /** tables whose rows differ from the manifest's counts (empty: all match) */
  mismatches: string[];
};

/**
 * `backup restore FILE`: into an empty database (no table in its public schema); a database
 * with tables is refused unless `force` (then what the dump holds replaces what is there).
 */
export async function restoreBackup(options: { databaseUrl: string; file: string; force?: boolean }): Promise<RestoreResult> {
  const manifest = await readManifest(options.file);
  if (manifest && manifest.sha256 !== (await sha256Of(options.file))) {
    throw new BackupError(`${options.file} does not match its manifest (sha256 differs): the file is damaged or not the one the manifest describes`);
  }
  const existing = await rowCounts(options.databaseUrl);
  const tables = Object.keys(existing);
  if (tables.length > 0 && !options.force) {
    throw new BackupError(
      `the database "${libpqEnvironment(options.databaseUrl).PGDATABASE ?? ""}" is not empty (${tables.length} tables): restore into a new, empty database, or pass --force to replace its contents`,
    );
  }
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"];
  if (tables.length > 0) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, `--dbname=${libpqEnvironment(options.databaseUrl).PGDATABASE ?? ""}`, options.file], libpqEnvironment(options.databaseUrl));
  const counts = await rowCounts(options.databaseUrl);
  const mismatches = manifest
    ? [...new Set([...Object.keys(manifest.rowCounts), ...Object.keys(counts)])].filter((table) => manifest.rowCounts[table] !== counts[table]).sort()
    : [];
  return { manifest, rowCounts: counts, mismatches };
}
