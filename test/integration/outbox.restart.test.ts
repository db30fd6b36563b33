// A worker process killed (SIGKILL) halfway through a broadcast of 200 and started again:
// every recipient gets the message. A kill after Telegram took a message but before the row
// says so is caught by the send receipt (outbox.receipt.ts); only a kill while Telegram's answer
// is still on its way can send one again (at-least-once for the message in flight): the test
// counts such doubles and checks they are only rows that carry that interrupted try.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { BotProcess } from "../support/bot-process.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { countDeliveries, deliveredCounts, lostAndDoubled, makePeople, queueRig, TEST_PURPOSE, waitUntil, type QueueRig } from "../support/outbox-harness.js";

let db: TestDatabase;
let server: BotApiServer;
let rig: QueueRig;
let worker: BotProcess;

beforeAll(async () => {
  db = await freshDatabase();
  server = await startBotApiServer({ rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } });
  const prefix = `${testRedisPrefix("restart")}:`;
  const env = { OUTGOING_RATE_PER_SECOND: "30", OUTBOX_LOCK_MS: "2000", OUTBOX_STALLED_MS: "500", LOG_LEVEL: "info" };
  const config = loadConfig({ DATABASE_URL: db.url, BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, REDIS_KEY_PREFIX: prefix, ...env });
  // This process only enqueues; the child runs the workers.
  rig = await queueRig({ config, prisma: db.prisma, redisUrl: testRedisUrl(), workers: false });
  worker = new BotProcess({
    apiRoot: server.apiRoot,
    botToken: server.token,
    databaseUrl: db.url,
    redisUrl: testRedisUrl(),
    redisKeyPrefix: prefix,
    script: "test/support/outbox-worker.ts",
    nodeArgs: ["--import", "tsx"],
    readyMessage: "outbox worker ready",
    env,
  });
});

afterAll(async () => {
  await worker?.stop();
  await rig?.close();
  await server?.close();
  await db?.drop();
});

it("killed halfway through a broadcast of 200 and restarted: everyone gets the message", { timeout: 60_000 }, async () => {
  const people = await makePeople(db.prisma, server, 200, 7_300_000);
  const chats = people.map((p) => p.telegramId);
  await worker.start();
  const keys = people.map((p) => `restart-${p.id}`);
  await rig.deps.outbox.enqueue(people.map((p, i) => ({ key: keys[i]!, purpose: TEST_PURPOSE, personId: p.id })));

  const deliveries = countDeliveries(server);
  const delivered = () => deliveries.total;
  await waitUntil(() => delivered() >= 100, 20_000, "half of the broadcast");
  // At a random moment, not right after a delivery (which would aim at the send→record gap).
  // The moment is logged; RESTART_KILL_DELAY_MS=<ms> runs the test again with the same one.
  const killDelayMs = process.env.RESTART_KILL_DELAY_MS !== undefined ? Number(process.env.RESTART_KILL_DELAY_MS) : Math.round(Math.random() * 300);
  console.info(`restart test: killing ${killDelayMs} ms after half the broadcast (RESTART_KILL_DELAY_MS=${killDelayMs} repeats it)`);
  await new Promise((resolve) => setTimeout(resolve, killDelayMs));
  await worker.kill();
  const atKill = delivered();
  await worker.restart();
  await waitUntil(async () => (await db.prisma.outgoingMessage.count({ where: { key: { in: keys }, status: "queued" } })) === 0, 30_000, "every row to be final");
  await new Promise((resolve) => setTimeout(resolve, 500));

  const { lost, doubled } = lostAndDoubled(deliveredCounts(server, chats));
  const rows = await db.prisma.outgoingMessage.findMany({ where: { key: { in: keys } }, select: { status: true, attempts: true, personId: true } });
  console.info(`restart test: killed ${killDelayMs} ms after half, at ${atKill}/200 delivered; lost ${lost.length}, doubled ${doubled.length}, 429s ${server.stats().tooManyRequests}`);
  expect(lost).toEqual([]);
  expect(rows.every((r) => r.status === "sent")).toBe(true);
  // A double can only be a message whose try was cut off by the kill: its row shows a second attempt.
  const doubledPeople = new Set(people.filter((p) => doubled.includes(p.telegramId)).map((p) => p.id));
  for (const r of rows) if (doubledPeople.has(r.personId)) expect(r.attempts).toBeGreaterThanOrEqual(2);
  // …so at most the jobs in flight at the kill (OUTGOING_CONCURRENCY, 20 by default).
  expect(doubled.length).toBeLessThanOrEqual(20);
  expect(worker.errors()).toEqual([]);
});
