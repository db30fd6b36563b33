// npm run bench [-- --members 50 --runs 3 --warmup 5]
//
// N simulated members send a complete /lapor at the same time (start, week, every indicator,
// photo skipped, note skipped, Simpan) to the built bot (dist/main.js, a child process) through
// the local Bot API server, on a scratch PostgreSQL database and a Redis prefix of its own.
// The same users then send the same number of texts to a bare grammY echo bot on the same
// harness. Prints p50/p95/max from queuing an update to the bot's first reply in that chat,
// the same to the next question, and updates handled per second; the median of the runs.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { createPrisma, type PrismaClient } from "../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../src/db/migrate.js";
import { loadSeedData, seed } from "../src/db/seed.js";
import type { BotApiServer } from "../src/dev/bot-api-server.js";
import { CONSENT_TEXT_VERSION } from "../src/features/onboarding/onboarding.rules.js";
import type { BotProcess } from "../test/support/bot-process.js";
import { createDatabase, databaseUrl, dropDatabase, testServerUrl, uniqueDatabaseName } from "../test/support/server.js";
import { deleteRedisKeys, describeRun, describeSteps, figuresOf, medianFigures, ms, press, pressStarting, runUsers, say, startBotOnServer, type Figures, type Step } from "./harness.js";

const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "50" },
    runs: { type: "string", default: "3" },
    warmup: { type: "string", default: "5" },
  },
});
const MEMBERS = positive(args.members, "--members");
const RUNS = positive(args.runs, "--runs");
const WARMUP = Number(args.warmup);
const GROUP = "sampah-margasari"; // 4 indicators: kg (required), kg, kg, rupiah

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return n;
}

/** One complete /lapor; every step waits for the next question. */
const REPORT_STEPS: Step[] = [
  say("/lapor", "Laporan ini untuk minggu yang mana?"),
  pressStarting("Minggu ini", "(1/4)"),
  say("12,5", "(2/4)"),
  say("3", "(3/4)"),
  say("1.250", "(4/4)"),
  say("Rp 150.000", "Ada foto kegiatan?"),
  press("Lewati", "Ada catatan"),
  press("Lewati", "Ada kendala minggu ini?"),
  press("Lewati", "Periksa dulu laporannya:"),
  press("Simpan", "Tersimpan!"),
];
/** As many texts to the echo bot. */
const ECHO_STEPS: Step[] = ["/lapor", "Minggu ini", "12,5", "3", "1.250", "Rp 150.000", "Lewati", "Lewati", "Lewati", "Simpan"].map((t) => say(t, t));

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error("cleanup:", err));
  cleanups.length = 0;
}
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

async function stopBot(bot: BotProcess, server: BotApiServer): Promise<void> {
  const stopped = await bot.stop("SIGTERM");
  if (stopped.code !== 0) await bot.kill();
  await server.close();
}

/** Members who joined and consented, in one group, with Telegram ids from `firstId`. */
async function createMembers(prisma: PrismaClient, firstId: number, count: number): Promise<number[]> {
  const group = await prisma.group.findUniqueOrThrow({ where: { code: GROUP } });
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  await prisma.$transaction(
    ids.map((id) =>
      prisma.person.create({
        data: {
          telegramId: BigInt(id),
          name: `Anggota ${id}`,
          consentAt: new Date(),
          consentVersion: CONSENT_TEXT_VERSION,
          memberships: { create: { groupId: group.id, role: "member" } },
        },
      }),
    ),
  );
  return ids;
}

async function benchReportBot(): Promise<Figures[]> {
  const serverUrl = testServerUrl();
  const dbName = uniqueDatabaseName(String(process.pid)); // a killed bench is dropped by the next test run
  const url = databaseUrl(serverUrl, dbName);
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const redisPrefix = `lbench:${process.pid}:${randomBytes(3).toString("hex")}:`;
  await createDatabase(serverUrl, dbName);
  cleanups.push(() => dropDatabase(serverUrl, dbName));
  cleanups.push(() => deleteRedisKeys(redisUrl, redisPrefix));
  await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
  const prisma = createPrisma(url);
  cleanups.push(() => prisma.$disconnect());
  await seed(prisma, loadSeedData());

  const { server, bot } = await startBotOnServer({
    databaseUrl: url,
    redisUrl,
    redisKeyPrefix: redisPrefix,
    env: { LOG_LEVEL: "info", RUN_MIGRATIONS: "false", SEED_WHEN_EMPTY: "false" },
  });
  cleanups.push(() => stopBot(bot, server));

  if (WARMUP > 0) await runUsers(server, await createMembers(prisma, 6_900_000_000, WARMUP), REPORT_STEPS);
  const figures: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const ids = await createMembers(prisma, 7_000_000_000 + run * 100_000, MEMBERS);
    const result = await runUsers(server, ids, REPORT_STEPS);
    const saved = await prisma.report.count({ where: { current: true, member: { telegramId: { in: ids.map(BigInt) } } } });
    if (saved !== MEMBERS) throw new Error(`run ${run}: ${saved} reports saved for ${MEMBERS} members`);
    const f = figuresOf(result);
    figures.push(f);
    console.log(describeRun("/lapor", run, f));
    console.log(`  next question p50 by step: ${describeSteps(REPORT_STEPS, result)}`);
  }
  const errors = bot.errors();
  if (errors.length > 0) throw new Error(`the bot logged ${errors.length} errors, e.g. ${JSON.stringify(errors[0])}`);
  return figures;
}

async function benchEchoBot(): Promise<Figures[]> {
  const { server, bot } = await startBotOnServer({
    script: "bench/echo-bot.ts",
    nodeArgs: ["--import", "tsx"],
    databaseUrl: "postgresql://unused@127.0.0.1/unused",
    redisKeyPrefix: "unused:",
  });
  cleanups.push(() => stopBot(bot, server));
  if (WARMUP > 0) await runUsers(server, range(6_900_000_000, WARMUP), ECHO_STEPS);
  const figures: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const f = figuresOf(await runUsers(server, range(7_000_000_000 + run * 100_000, MEMBERS), ECHO_STEPS));
    figures.push(f);
    console.log(describeRun("echo", run, f));
  }
  return figures;
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

function table(report: Figures, echo: Figures): string {
  const updates = MEMBERS * REPORT_STEPS.length;
  const row = (name: string, f: Figures) =>
    `| ${name} | ${MEMBERS} | ${updates} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | ${ms(f.nextP50)} | ${ms(f.nextP95)} | ${Math.round(f.perSecond)} |`;
  return [
    "| Bot | Members | Updates | First reply p50 | p95 | max | Next question p50 | p95 | Updates/s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    row("Lapor Kelompok, full `/lapor`", report),
    row("bare grammY echo bot", echo),
  ].join("\n");
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `npm run bench: ${MEMBERS} members at once × ${REPORT_STEPS.length} updates each, ${RUNS} run(s) after a warm-up of ${WARMUP}; ` +
      `Node ${process.version}, ${os.cpus().length} × ${cpu}\n`,
  );
  const report = await benchReportBot();
  await cleanUp();
  const echo = await benchEchoBot();
  await cleanUp();
  console.log(`\nMedian of ${RUNS} run(s). "First reply": from queuing an update to the bot's first message or edit in that chat;`);
  console.log(`"next question": to the message the member waits for (after a button press the bot first removes the keyboard).\n`);
  console.log(table(medianFigures(report), medianFigures(echo)));
}

main()
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
