// Running it for real (issue 10), with the built program: a start that says which service is
// missing and exits, no silent new database, health and metrics, a lost and regained Redis
// logged twice — once lost, once back.
import { waitUntil } from "../support/outbox-harness.js";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { runCliProcess } from "../support/cli-process.js";
import { freshDatabase, testRedisUrl, unusedDatabase, type TestDatabase } from "../support/db.js";
import { memberUser, skipPhotoAndNote, startE2E, startReport, type E2E } from "../support/e2e.js";
import { testServerUrl } from "../support/server.js";
import { hostPort, startTcpProxy, throughProxy, type TcpProxy } from "../support/tcp-proxy.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
type Line = { level?: number; msg?: string; [key: string]: unknown };

/** A port on which nothing listens. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The built bot, run until it exits by itself: its exit code, its log lines (JSON) and stderr. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "dist/main.js")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", HEALTH_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.once("close", (code) => {
      const lines = stdout
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Line);
      resolve({ code, lines, stderr });
    }),
  );
}

describe("start-up that tells", () => {
  let server: BotApiServer;
  let db: TestDatabase;
  beforeAll(async () => {
    server = await startBotApiServer();
    db = await freshDatabase({ seed: true });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });
  const base = () => ({ BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), STARTUP_TIMEOUT_SECONDS: "6" });

  it("Redis unreachable: a waiting line every few seconds, then one line naming Redis and REDIS_URL, and a non-zero exit", async () => {
    const port = await deadPort();

    const run = await runToExit({ ...base(), REDIS_URL: `redis://:s3cret-pw@127.0.0.1:${port}` });

    expect(run.code).not.toBe(0);
    const waiting = run.lines.filter((l) => l.msg === `waiting for Redis at 127.0.0.1:${port} …`);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.length).toBeLessThanOrEqual(2); // 6 s, a line every 5 s
    const fatal = run.lines.filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toMatch(new RegExp(`^Redis at 127\\.0\\.0\\.1:${port} did not answer within 6 s \\(connect ECONNREFUSED .*\\): check REDIS_URL`));
    expect(run.lines.length).toBe(waiting.length + 1);
    expect(JSON.stringify(run.lines)).not.toContain("s3cret-pw");
  }, 60_000);

  it("PostgreSQL unreachable: the same, naming PostgreSQL and DATABASE_URL", async () => {
    const port = await deadPort();

    const run = await runToExit({ ...base(), DATABASE_URL: `postgresql://postgres:pw@127.0.0.1:${port}/lapor` });

    expect(run.code).not.toBe(0);
    const fatal = run.lines.filter((l) => l.level === 60);
    expect(fatal.map((l) => l.msg)).toEqual([expect.stringMatching(new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${port} did not answer within 6 s .*: check DATABASE_URL`))]);
    const waiting = run.lines.filter((l) => l.msg === `waiting for PostgreSQL at 127.0.0.1:${port} …`);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(run.lines.length).toBe(waiting.length + 1);
  }, 60_000);

  it("a database that does not exist: refused at once, named, and not created", async () => {
    const missing = unusedDatabase();

    const run = await runToExit({ ...base(), DATABASE_URL: missing.url });

    expect(run.code).not.toBe(0);
    expect(run.lines.map((l) => l.msg)).toEqual([expect.stringContaining(`has no database "${missing.name}": create it`)]);
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [missing.name]);
    await admin.end();
    expect(found.rowCount).toBe(0);
  }, 60_000);

  it("NODE_ENV=production without BOT_TOKEN: a configuration error, not the playground", async () => {
    const run = await runToExit({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), NODE_ENV: "production" });

    expect(run.code).toBe(78);
    expect(run.stderr).toContain("BOT_TOKEN is required when NODE_ENV=production");
    expect(run.lines).toEqual([]);
  }, 60_000);

  it("npm run cli -- --help works without any configuration", async () => {
    const run = await runCliProcess(["--help"], {});

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: npm run cli -- <command>");
  }, 60_000);
});

describe.sequential("a running bot: health, metrics, a lost and regained Redis", () => {
  let e2e: E2E;
  let redis: TcpProxy;
  let health: string;
  beforeAll(async () => {
    redis = await startTcpProxy(hostPort(testRedisUrl(), 6379));
    e2e = await startE2E({ label: "ops", firstUserId: 8_800_000_000, env: { LOG_LEVEL: "info" }, reach: { redisUrl: throughProxy(testRedisUrl(), redis) } });
    const listening = await e2e.bot.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("health and metrics listening"));
    health = `http://127.0.0.1:${String(listening.port)}`;
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
    await redis?.close();
  });

  const readyz = async () => {
    const response = await fetch(`${health}/readyz`);
    return { status: response.status, body: (await response.json()) as { ready: boolean; checks: Record<string, boolean> } };
  };
  const counter = async (name: string, labels: string): Promise<number> => {
    const text = await (await fetch(`${health}/metrics`)).text();
    const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(labels));
    return line ? Number(line.split(" ").pop()) : 0;
  };
  // /readyz and /metrics are read, not pushed: the shared poll-until helper.
  const waitFor = (check: () => Promise<boolean>) => waitUntil(check, 60_000, "the health endpoint to change");

  it("/healthz answers, /readyz is ready with PostgreSQL, Redis, polling and workers", async () => {
    expect((await fetch(`${health}/healthz`)).status).toBe(200);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.checks).toEqual({ postgresql: true, redis: true, polling: true, workers: true });
  });

  it("/metrics counts the updates of a whole report, by kind", async () => {
    const messagesBefore = await counter("lapor_updates_total", 'kind="message",result="ok"');
    const pressesBefore = await counter("lapor_updates_total", 'kind="callback_query",result="ok"');
    const { user } = await memberUser(e2e, "mariojela-margasari", { name: "Metrik" });
    let messages = 0;
    let presses = 0;
    const say = user.say.bind(user);
    const press = user.press.bind(user);
    user.say = (text) => (messages++, say(text));
    user.press = (button, message) => (presses++, press(button, message));

    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("12,5");
    await user.expectReply("(2/3) Lilin terjual");
    user.say("4");
    await user.expectReply("(3/3) Pendapatan");
    user.press("Lewati");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");

    await waitFor(async () => (await counter("lapor_updates_total", 'kind="callback_query",result="ok"')) >= pressesBefore + presses);
    expect(await counter("lapor_updates_total", 'kind="message",result="ok"')).toBe(messagesBefore + messages);
    expect(await counter("lapor_updates_total", 'kind="callback_query",result="ok"')).toBe(pressesBefore + presses);
    expect(await counter("lapor_update_handling_seconds_count", 'kind="message"')).toBeGreaterThanOrEqual(messages);
    expect(await counter("lapor_queue_jobs", 'queue="outgoing",state="waiting"')).toBeGreaterThanOrEqual(0);
  }, 90_000);

  it("Redis lost and back: one line when lost, one when back, /readyz unready then ready, no flood", async () => {
    const linesBefore = e2e.bot.logs.length;

    redis.cut();
    const lost = await e2e.bot.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("Redis at ") && l.msg.includes(" lost ("), 60_000);
    await waitFor(async () => (await readyz()).status === 503);
    expect((await readyz()).body.checks.redis).toBe(false);
    redis.restore();
    const back = await e2e.bot.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("Redis at ") && l.msg.includes(" back after "), 60_000);
    await waitFor(async () => (await readyz()).status === 200);

    const during = e2e.bot.logs.slice(linesBefore);
    expect(during.filter((l) => typeof l.msg === "string" && l.msg.startsWith("Redis at "))).toEqual([lost, back]);
    expect(back).toMatchObject({ losses: 1 });
    expect(during.filter((l) => typeof l.level === "number" && l.level >= 40 && l !== lost)).toEqual([]);
    const { user } = await memberUser(e2e, "mariojela-margasari", { name: "Sesudah" });
    user.say("/bantuan");
    await user.expectReply();
  }, 120_000);
});
