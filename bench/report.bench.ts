// npm run bench [-- --members 50 --runs 3 --warmup 5 --node-arg=--cpu-prof --node-arg=--cpu-prof-dir=prof]
//
// N simulated members send a complete /lapor at the same time (start, week, every indicator,
// photo skipped, note skipped, Simpan) to the built bot (dist/main.js, a child process) through
// the local Bot API server, on a scratch PostgreSQL database and a Redis prefix of its own.
// The same users then send the same number of texts to a bare grammY echo bot on the same
// harness. Prints p50/p95/max from queuing an update to the bot's first reply in that chat,
// the same to the next question, updates handled per second, the CPU time of each bot process
// per update (from /proc, not wall time), its resident memory idle after start and at its peak,
// and the load average; the median of the runs, and the ratios of the bot's figures to the echo
// bot's. `--node-arg` goes to the bot's node (e.g. --cpu-prof, --heapsnapshot-signal=SIGUSR2).
import os from "node:os";
import { parseArgs } from "node:util";
import type { PrismaClient } from "../src/db/client.js";
import type { BotApiServer } from "../src/dev/bot-api-server.js";
import { CONSENT_TEXT_VERSION } from "../src/features/onboarding/onboarding.rules.js";
import type { BotProcess } from "../test/support/bot-process.js";
import {
  describeRun,
  describeSteps,
  figuresOf,
  medianFigures,
  ms,
  press,
  pressStarting,
  processMemoryMb,
  runUsers,
  say,
  scratchStore,
  startBotOnServer,
  type Figures,
  type Step,
} from "./harness.js";

const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "50" },
    runs: { type: "string", default: "3" },
    warmup: { type: "string", default: "5" },
    "node-arg": { type: "string", multiple: true, default: [] },
    /** the bot's entry (default dist/main.js), e.g. a build of an earlier commit to compare */
    bot: { type: "string", default: "dist/main.js" },
    /** the programme does not ask for obstacles: the 9 steps of /lapor before that question (to compare with older builds) */
    "skip-obstacle": { type: "boolean", default: false },
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
if (args["skip-obstacle"]) REPORT_STEPS.splice(REPORT_STEPS.findIndex((s) => s.expect === "Ada kendala minggu ini?"), 1);
/** As many texts to the echo bot. */
const ECHO_STEPS_ALL: Step[] = ["/lapor", "Minggu ini", "12,5", "3", "1.250", "Rp 150.000", "Lewati", "Lewati", "Lewati", "Simpan"].map((t) => say(t, t));
const ECHO_STEPS = ECHO_STEPS_ALL.slice(0, REPORT_STEPS.length);

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

async function benchReportBot(): Promise<Measured> {
  const { url, redisUrl, redisPrefix, prisma } = await scratchStore(cleanups);
  if (args["skip-obstacle"]) await prisma.programme.updateMany({ data: { asksObstacles: false } });

  const { server, bot } = await startBotOnServer({
    databaseUrl: url,
    redisUrl,
    redisKeyPrefix: redisPrefix,
    env: { LOG_LEVEL: "info", RUN_MIGRATIONS: "false", SEED_WHEN_EMPTY: "false" },
    nodeArgs: args["node-arg"],
    script: args.bot,
  });
  cleanups.push(() => stopBot(bot, server));

  const idle = await idleMemory(bot);
  if (WARMUP > 0) await runUsers(server, await createMembers(prisma, 6_900_000_000, WARMUP), REPORT_STEPS);
  const figures: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const ids = await createMembers(prisma, 7_000_000_000 + run * 100_000, MEMBERS);
    const result = await runUsers(server, ids, REPORT_STEPS, pidOf(bot));
    const saved = await prisma.report.count({ where: { current: true, member: { telegramId: { in: ids.map(BigInt) } } } });
    if (saved !== MEMBERS) throw new Error(`run ${run}: ${saved} reports saved for ${MEMBERS} members`);
    const f = figuresOf(result);
    figures.push(f);
    console.log(describeRun("/lapor", run, f));
    console.log(`  next question p50 by step: ${describeSteps(REPORT_STEPS, result)}`);
  }
  const errors = bot.errors();
  if (errors.length > 0) throw new Error(`the bot logged ${errors.length} errors, e.g. ${JSON.stringify(errors[0])}`);
  return { figures, memory: { idle, peak: processMemoryMb(pidOf(bot)).peak } };
}

type Memory = { idle: number; peak: number };
type Measured = { figures: Figures[]; memory: Memory };

function pidOf(bot: BotProcess): number {
  if (bot.pid === undefined) throw new Error("the bot process is not running");
  return bot.pid;
}

/** RSS once the process has settled after start (its first timers and connections done). */
async function idleMemory(bot: BotProcess): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return processMemoryMb(pidOf(bot)).rss;
}

async function benchEchoBot(): Promise<Measured> {
  const { server, bot } = await startBotOnServer({
    script: "bench/echo-bot.ts",
    nodeArgs: ["--import", "tsx"],
    databaseUrl: "postgresql://unused@127.0.0.1/unused",
    redisKeyPrefix: "unused:",
  });
  cleanups.push(() => stopBot(bot, server));
  const idle = await idleMemory(bot);
  if (WARMUP > 0) await runUsers(server, range(6_900_000_000, WARMUP), ECHO_STEPS);
  const figures: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const f = figuresOf(await runUsers(server, range(7_000_000_000 + run * 100_000, MEMBERS), ECHO_STEPS, pidOf(bot)));
    figures.push(f);
    console.log(describeRun("echo", run, f));
  }
  return { figures, memory: { idle, peak: processMemoryMb(pidOf(bot)).peak } };
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

function table(report: Measured, echo: Measured): string {
  const updates = MEMBERS * REPORT_STEPS.length;
  const row = (name: string, m: Measured) => {
    const f = medianFigures(m.figures);
    return (
      `| ${name} | ${MEMBERS} | ${updates} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | ${ms(f.nextP50)} | ${ms(f.nextP95)} | ${Math.round(f.perSecond)} | ` +
      `${f.cpuPerUpdate.toFixed(2)} ms | ${Math.round(m.memory.idle)} / ${Math.round(m.memory.peak)} MB | ${f.load.toFixed(1)} |`
    );
  };
  return [
    "| Bot | Members | Updates | First reply p50 | p95 | max | Next question p50 | p95 | Updates/s | CPU per update | RSS idle / peak | Load |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    row("Lapor Kelompok, full `/lapor`", report),
    row("bare grammY echo bot", echo),
  ].join("\n");
}

/** The goals of issue 12, as ratios to the echo bot in the same run (medians of the runs). */
function ratios(report: Measured, echo: Measured): string {
  const r = medianFigures(report.figures);
  const e = medianFigures(echo.figures);
  const line = (name: string, value: number, goal: string, met: boolean) => `  ${name}: ${value.toFixed(2)} (goal ${goal}) ${met ? "✓" : "✗"}`;
  const cpu = r.cpuPerUpdate / e.cpuPerUpdate;
  const p95 = r.p95 / e.p95;
  const rate = r.perSecond / e.perSecond;
  return [
    "Ratios to the echo bot:",
    line("CPU per handled update", cpu, "≤ 3", cpu <= 3),
    line("first reply p95", p95, "≤ 3", p95 <= 3),
    line("updates/s", rate, "≥ 0.3", rate >= 0.3),
    `  bot RSS idle ${Math.round(report.memory.idle)} MB (goal ≤ 120) · peak ${Math.round(report.memory.peak)} MB (goal ≤ 200)`,
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
  console.log(table(report, echo));
  console.log(`\n${ratios(report, echo)}`);
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
