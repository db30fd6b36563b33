// The test PostgreSQL server: URLs and database creation, for the global setup and for tests.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** Matches every database a test run creates; group 1 is the run's id (the vitest pid). */
export const RUN_DATABASE_PATTERN = /^lapor_test_(?:template_)?(\d+)(?:_|$)/;

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function uniqueDatabaseName(runId: string): string {
  return `lapor_test_${runId}_${randomBytes(4).toString("hex")}`;
}

export async function createDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}${from}`));
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}

async function withServer<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
