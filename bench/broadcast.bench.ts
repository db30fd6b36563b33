// A broadcast through the outgoing queue against the local Bot API server with Telegram's
// limits on (30 messages/s overall, 1/s per chat), the queue's limit at 30/s, the worker in a
// child process: time to the last delivery, messages/s as a fraction of 30, 429s, lost and
// doubled; then the same with the worker killed (SIGKILL) halfway and started again, and
// with it killed ten times over, to see how often a kill in flight doubles a message.
//
//   npx tsx bench/broadcast.bench.ts       (BENCH_MESSAGES=1000 by default; BENCH_SCENARIOS=1|2 runs fewer;
//                                           BENCH_KILLS=10 kills in the last scenario)
//
// Needs PostgreSQL (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// and Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379); makes and drops its own database.
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createPrisma, type PrismaClient } from "../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../src/db/migrate.js";
import { startBotApiServer, type BotApiServer } from "../src/dev/bot-api-server.js";
import { BotProcess } from "../test/support/bot-process.js";
import { deleteRedisKeys } from "./harness.js";
import { countDeliveries, deliveredCounts, lostAndDoubled, makePeople, queueRig, TEST_PURPOSE, waitUntil } from "../test/support/outbox-harness.js";
import { createDatabase, databaseUrl, dropDatabase, testServerUrl } from "../test/support/server.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
/** kills in the last scenario */
const KILLS = Number(process.env.BENCH_KILLS ?? 10);
const RATE = 30;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** How soon a killed worker's job in flight comes back (BullMQ lock; production keeps 30 s). */
const WORKER_ENV = { OUTGOING_RATE_PER_SECOND: String(RATE), OUTGOING_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? "20", OUTBOX_LOCK_MS: "5000", OUTBOX_STALLED_MS: "1000", LOG_LEVEL: "info" };

type Row = { scenario: string; seconds: number; rate: number; paused: number; runningRate: number; tooMany: number; lost: number; doubled: number; kills: number; resent: number; fromReceipt: number };

async function scenario(name: string, ctx: { server: BotApiServer; prisma: PrismaClient; dbUrl: string; firstId: number }, kills: number): Promise<Row> {
  const { server, prisma } = ctx;
  const prefix = `lapor-bench:${randomBytes(4).toString("hex")}:`;
  const config = loadConfig({ DATABASE_URL: ctx.dbUrl, BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, REDIS_KEY_PREFIX: prefix, ...WORKER_ENV });
  const rig = await queueRig({ config, prisma, redisUrl: REDIS_URL, workers: false, logger: pino({ level: "warn" }) });
  const worker = new BotProcess({
    apiRoot: server.apiRoot,
    botToken: server.token,
    databaseUrl: ctx.dbUrl,
    redisUrl: REDIS_URL,
    redisKeyPrefix: prefix,
    script: "test/support/outbox-worker.ts",
    nodeArgs: ["--import", "tsx"],
    readyMessage: "outbox worker ready",
    env: WORKER_ENV,
  });
  try {
    const people = await makePeople(prisma, server, MESSAGES, ctx.firstId);
    const chats = people.map((p) => p.telegramId);
    const keys = people.map((p) => `bench-${p.id}`);
    await worker.start(30_000);
    const tooManyBefore = server.stats().tooManyRequests;
    const deliveries = countDeliveries(server);

    const started = performance.now();
    await rig.deps.outbox.enqueue(people.map((p, i) => ({ key: keys[i]!, purpose: TEST_PURPOSE, personId: p.id })));
    const delivered = () => deliveries.total;
    for (let k = 1; k <= kills; k++) {
      await waitUntil(() => delivered() >= Math.floor((MESSAGES * k) / (kills + 1)), 120_000, `delivery ${k}/${kills + 1}`, 5);
      // At a random moment, not right after a delivery (which would aim at the send→record gap).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      await worker.kill();
      await worker.restart(30_000);
    }
    const open = async () => prisma.outgoingMessage.count({ where: { key: { in: keys }, status: "queued" } });
    await waitUntil(async () => (await open()) === 0, 180_000, "every row to be final", 200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    deliveries.stop();

    const seconds = (deliveries.last - started) / 1000;
    const span = (deliveries.last - deliveries.first) / 1000;
    const rate = (MESSAGES - 1) / span;
    const paused = deliveries.pausedMs / 1000;
    const { lost, doubled } = lostAndDoubled(deliveredCounts(server, chats));
    const resent = await prisma.outgoingMessage.count({ where: { key: { in: keys }, attempts: { gt: 1 } } });
    // tries cut off after Telegram took the message, recorded from their receipt instead of sent again
    const fromReceipt = worker.allLogs.filter((l) => String(l.msg).includes("recorded, not sent again")).length;
    return { scenario: name, seconds, rate, paused, runningRate: (MESSAGES - 1) / (span - paused), tooMany: server.stats().tooManyRequests - tooManyBefore, lost: lost.length, doubled: doubled.length, kills, resent, fromReceipt };
  } finally {
    await worker.stop();
    await rig.close();
    await deleteRedisKeys(REDIS_URL, prefix);
  }
}

async function main(): Promise<void> {
  const serverUrl = testServerUrl();
  const dbName = `lapor_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  await createDatabase(serverUrl, dbName);
  const dbUrl = databaseUrl(serverUrl, dbName);
  await migrate({ databaseUrl: dbUrl, migrationsDir: MIGRATIONS_DIR });
  const prisma = createPrisma(dbUrl);
  const server = await startBotApiServer({ rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } });
  const rows: Row[] = [];
  try {
    const plan: Array<[string, number]> = [
      [`${MESSAGES} messages`, 0],
      [`${MESSAGES}, worker killed halfway`, 1],
      [`${MESSAGES}, worker killed ${KILLS} times`, KILLS],
    ];
    // BENCH_SCENARIOS=1 runs only the first (no kill), =2 the first two.
    const count = Number(process.env.BENCH_SCENARIOS ?? plan.length);
    for (const [i, [name, kills]] of plan.slice(0, count).entries()) {
      process.stderr.write(`running: ${name}\n`);
      rows.push(await scenario(name, { server, prisma, dbUrl, firstId: 8_000_000 + i * 100_000 }, kills));
    }
  } finally {
    await server.close();
    await prisma.$disconnect();
    await dropDatabase(serverUrl, dbName);
  }
  const lines = [
    `Broadcast of ${MESSAGES} messages to ${MESSAGES} chats through the outgoing queue: queue limit ${RATE}/s; the local Bot API server limits 30/s overall and 1/s per chat; the worker runs in a child process (concurrency ${WORKER_ENV.OUTGOING_CONCURRENCY}); after a kill, jobs in flight come back when their 5 s BullMQ lock expires. Time is from the enqueue call to the last delivery; messages/s from the first delivery to the last; "no delivery" adds up the gaps of more than 0.5 s between two deliveries (the worker down after a kill, until the new process is ready), and the last column leaves them out.`,
    "",
    "| scenario | time to last delivery | messages/s | fraction of 30/s | 429s | lost | doubled | rows tried more than once (429 retries + kills) | kept from doubling by a receipt | no delivery | fraction of 30/s while a worker runs |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.seconds.toFixed(1)} s | ${r.rate.toFixed(1)} | ${(r.rate / RATE).toFixed(3)} | ${r.tooMany} | ${r.lost} | ${r.doubled} | ${r.resent} | ${r.fromReceipt} | ${r.paused.toFixed(1)} s | ${(r.runningRate / RATE).toFixed(3)} |`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
