// The outgoing queue against real Redis and PostgreSQL and the local Bot API server: one send
// per key, 429 pauses the whole queue, 403 and "chat not found" make the person unreachable,
// other errors retry then fail, one message a second per chat, cancel, feature jobs.
import type { Bot } from "grammy";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import type { JobData, OutgoingRequest } from "../../src/jobs/outgoing.types.js";
import { SEND_INTERRUPTED } from "../../src/outgoing/outbox.decide.js";
import { receiptKey } from "../../src/outgoing/outbox.receipt.js";
import { OUTGOING_QUEUE } from "../../src/jobs/registry.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { FAST_RETRIES, makePeople, queueConfig, queueRig, TEST_PURPOSE, waitUntil, type QueueRig } from "../support/outbox-harness.js";

let db: TestDatabase;
let server: BotApiServer;
let rig: QueueRig;
const fanouts: JobData[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  server = await startBotApiServer();
  const config = queueConfig(db.url, server, `${testRedisPrefix("outbox")}:`, FAST_RETRIES);
  rig = await queueRig({
    config,
    prisma: db.prisma,
    redisUrl: testRedisUrl(),
    workers: {
      processors: {
        meeting: {
          // A stand-in for the meeting's fan-out: `meetingId` carries the person to send to.
          "reminder-fanout": async (data, { deps }) => {
            fanouts.push(data);
            await deps.outbox.enqueue([{ key: `fanout-${data.meetingId}`, purpose: TEST_PURPOSE, personId: data.meetingId }]);
          },
        },
      },
    },
  });
});

afterAll(async () => {
  await rig?.close();
  await server?.close();
  await db?.drop();
});

let nextTelegramId = 7_100_000;
async function people(count: number) {
  const made = await makePeople(db.prisma, server, count, nextTelegramId);
  nextTelegramId += count;
  return made;
}
const request = (person: { id: number }, suffix = "a", extra: Partial<OutgoingRequest> = {}): OutgoingRequest => ({
  key: `t-${person.id}-${suffix}`,
  purpose: TEST_PURPOSE,
  personId: person.id,
  ...extra,
});
const row = (key: string) => db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key } });
const rowIs = (key: string, status: string) => async () => (await row(key)).status === status;
/**
 * Waits until a job has finished: finished jobs are removed (removeOnComplete/removeOnFail), so
 * once it is gone nothing more can come of it — the event to wait for before checking that
 * something did NOT happen (no second message, no retry).
 */
const jobGone = (queue: "outgoing" | "meeting", jobId: string) =>
  waitUntil(async () => (await rig.queues.get(queue).getJob(jobId)) === undefined, 10_000, `job ${queue}/${jobId} to finish`);

/** When each new bot message arrived, by chat. */
let arrivals: Array<{ chat: number; at: number }> = [];
beforeEach(() => {
  arrivals = [];
  server.on("message", (message, kind) => {
    if (kind === "new") arrivals.push({ chat: message.chat.id, at: Date.now() });
  });
  return () => void server.removeAllListeners("message");
});

describe("one send per key", () => {
  it("enqueued twice at once and again after delivery: one row, one job, one message", async () => {
    const [person] = await people(1);
    const asked = request(person!, "a", { notBefore: new Date(Date.now() + 1_000) });
    const [first, second] = await Promise.all([rig.deps.outbox.enqueue([asked]), rig.deps.outbox.enqueue([asked, asked])]);
    expect(first.queued + second.queued + first.alreadyQueued + second.alreadyQueued).toBe(2);
    expect(await db.prisma.outgoingMessage.count({ where: { key: asked.key } })).toBe(1);
    const jobs = await rig.queues.get(OUTGOING_QUEUE).getJobCounts("delayed", "wait", "active");
    expect((jobs.delayed ?? 0) + (jobs.wait ?? 0) + (jobs.active ?? 0)).toBe(1);

    await waitUntil(rowIs(asked.key, "sent"), 10_000, "the message to be sent");
    const again = await rig.deps.outbox.enqueue([{ ...asked, notBefore: undefined }]);
    expect(again).toEqual({ queued: 0, alreadyQueued: 0, alreadySent: 1, requeued: 0 });
    await jobGone(OUTGOING_QUEUE, asked.key);
    expect(server.messages(person!.telegramId)).toHaveLength(1);
    expect(server.messages(person!.telegramId)[0]?.text).toBe(`test message ${asked.key}`);
    const sent = await row(asked.key);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, error: null, telegramMessageId: 1 });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("cancel drops a waiting message; the same key enqueued again is sent once", async () => {
    const [person] = await people(1);
    const asked = request(person!, "c", { notBefore: new Date(Date.now() + 1_500) });
    await rig.deps.outbox.enqueue([asked]);
    expect(await rig.deps.outbox.cancel([asked.key, "t-unknown-key"])).toBe(1);
    expect(await row(asked.key)).toMatchObject({ status: "skipped", error: "cancelled" });
    // Its job is gone from the queue: nothing is left that could send it.
    expect(await rig.queues.get(OUTGOING_QUEUE).getJob(asked.key)).toBeUndefined();
    expect(server.messages(person!.telegramId)).toHaveLength(0);

    const again = await rig.deps.outbox.enqueue([{ ...asked, notBefore: undefined }]);
    expect(again.requeued).toBe(1);
    await waitUntil(rowIs(asked.key, "sent"), 10_000, "the requeued message");
    expect(server.messages(person!.telegramId)).toHaveLength(1);
  });
});

describe("Telegram's answers", () => {
  it("429: the whole queue pauses for retry_after, the job succeeds later, nothing doubled, not a failed attempt", async () => {
    const [first, ...others] = await people(6);
    const tooMany: number[] = [];
    server.on("request", (entry) => entry.error_code === 429 && tooMany.push(Date.now()));
    // Two 429s in a row with OUTGOING_ATTEMPTS=2: if they counted as attempts the row would fail.
    for (let i = 0; i < 2; i++) {
      server.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1, chatId: first!.telegramId });
    }
    await rig.deps.outbox.enqueue([request(first!)]);
    await waitUntil(() => tooMany.length >= 1, 5_000, "the first 429");
    // The worker records the 429 and pauses the queue right after the answer.
    await waitUntil(async () => (await rig.queues.get(OUTGOING_QUEUE).getRateLimitTtl()) > 0, 900, "the queue to be paused", 10);
    await rig.deps.outbox.enqueue(others.map((p) => request(p)));

    const all = [first!, ...others];
    await waitUntil(async () => (await db.prisma.outgoingMessage.count({ where: { key: { in: all.map((p) => request(p).key) }, status: "sent" } })) === 6, 15_000, "all six sent");
    expect(tooMany).toHaveLength(2);
    // The pause held every other message back too, not just the refused one.
    for (const p of others) {
      const arrival = arrivals.find((a) => a.chat === p.telegramId);
      expect(arrival!.at - tooMany[0]!).toBeGreaterThanOrEqual(900);
    }
    expect(arrivals.find((a) => a.chat === first!.telegramId)!.at - tooMany[1]!).toBeGreaterThanOrEqual(900);
    for (const p of all) expect(server.messages(p.telegramId)).toHaveLength(1);
    expect(await row(request(first!).key)).toMatchObject({ status: "sent", attempts: 3, error: null });
  });

  it("403 blocked: the person becomes unreachable, the row too, no retry; later enqueues send nothing", async () => {
    const [person] = await people(1);
    server.blockUser(person!.telegramId);
    const before = server.stats().errors["403"] ?? 0;
    await rig.deps.outbox.enqueue([request(person!)]);
    await waitUntil(rowIs(request(person!).key, "unreachable"), 5_000, "the row to be unreachable");
    await jobGone(OUTGOING_QUEUE, request(person!).key);
    expect((server.stats().errors["403"] ?? 0) - before).toBe(1);
    expect(await row(request(person!).key)).toMatchObject({ attempts: 1, error: "403 Forbidden: bot was blocked by the user" });
    const stored = await db.prisma.person.findUniqueOrThrow({ where: { id: person!.id } });
    expect(stored.status).toBe("unreachable");
    expect(stored.unreachableAt).toBeInstanceOf(Date);

    await rig.deps.outbox.enqueue([request(person!), request(person!, "b")]);
    await waitUntil(async () => (await rowIs(request(person!).key, "skipped")()) && (await rowIs(request(person!, "b").key, "skipped")()), 5_000, "both skipped");
    expect(await row(request(person!, "b").key)).toMatchObject({ error: "recipient unreachable", attempts: 0 });
    expect((server.stats().errors["403"] ?? 0) - before).toBe(1);
  });

  it("400 chat not found: unreachable as well", async () => {
    const person = await db.prisma.person.create({ data: { telegramId: 7_099_999n, name: "Tanpa Chat" } });
    await rig.deps.outbox.enqueue([request(person)]);
    await waitUntil(rowIs(request(person).key, "unreachable"), 5_000, "unreachable");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("unreachable");
  });

  it("a server error is retried with backoff; errors on every try end as failed with the error text", async () => {
    const [once, always] = await people(2);
    server.failNext("sendMessage", { error_code: 500, description: "Internal Server Error", chatId: once!.telegramId });
    for (let i = 0; i < 2; i++) server.failNext("sendMessage", { error_code: 502, description: "Bad Gateway", chatId: always!.telegramId });
    await rig.deps.outbox.enqueue([request(once!), request(always!)]);
    await waitUntil(rowIs(request(once!).key, "sent"), 5_000, "sent after one retry");
    await waitUntil(rowIs(request(always!).key, "failed"), 5_000, "failed after two tries");
    expect(await row(request(once!).key)).toMatchObject({ attempts: 2, error: null });
    expect(await row(request(always!).key)).toMatchObject({ attempts: 2, error: "502 Bad Gateway (after 2 tries)" });
    expect(server.messages(once!.telegramId)).toHaveLength(1);
    expect(server.messages(always!.telegramId)).toHaveLength(0);
  });
});

describe("jobs that end without a result", () => {
  it("a job BullMQ gives up (its worker died under it too often) leaves its row failed, not queued for ever", async () => {
    const [person] = await people(1);
    const asked = request(person!, "stalled", { notBefore: new Date(Date.now() + 2_000) });
    await rig.deps.outbox.enqueue([asked]);
    // What BullMQ's stalled-job check writes on a job cut off more than maxStalledCount times.
    const queue = rig.queues.get(OUTGOING_QUEUE);
    const client = new Redis(testRedisUrl());
    expect(await client.exists(queue.toKey(asked.key))).toBe(1);
    await client.hset(queue.toKey(asked.key), "defa", "job stalled more than allowable limit");
    await client.quit();
    await waitUntil(rowIs(asked.key, "failed"), 10_000, "the row to be failed");
    expect((await row(asked.key)).error).toBe("job ended without a result: job stalled more than allowable limit");
    expect(server.messages(person!.telegramId)).toHaveLength(0);
    // staff re-sending (a requeue) sends it after all
    expect((await rig.deps.outbox.enqueue([{ ...asked, notBefore: undefined }])).requeued).toBe(1);
    await waitUntil(rowIs(asked.key, "sent"), 10_000, "the requeued message");
    expect(server.messages(person!.telegramId)).toHaveLength(1);
  });
});

describe("a try cut off by a killed worker", () => {
  it("after Telegram took the message: the next try records it from the receipt and sends nothing", async () => {
    const [person] = await people(1);
    const asked = request(person!, "receipt", { notBefore: new Date(Date.now() + 60_000) });
    await rig.deps.outbox.enqueue([asked]);
    const { id } = await row(asked.key);
    // what a worker killed between Telegram's answer and the database leaves behind
    await db.prisma.outgoingMessage.update({ where: { id }, data: { attempts: 1, error: SEND_INTERRUPTED } });
    await rig.deps.redis.set(receiptKey(id), "42");
    await (await rig.queues.get(OUTGOING_QUEUE).getJob(asked.key))!.promote();
    await waitUntil(rowIs(asked.key, "sent"), 10_000, "the row to be sent");
    expect(await row(asked.key)).toMatchObject({ status: "sent", telegramMessageId: 42, error: null, attempts: 1 });
    await jobGone(OUTGOING_QUEUE, asked.key);
    expect(server.messages(person!.telegramId)).toHaveLength(0);
    expect(await rig.deps.redis.exists(receiptKey(id))).toBe(0);
  });

  it("before Telegram took it (no receipt): the next try sends it", async () => {
    const [person] = await people(1);
    const asked = request(person!, "noreceipt", { notBefore: new Date(Date.now() + 60_000) });
    await rig.deps.outbox.enqueue([asked]);
    const { id } = await row(asked.key);
    await db.prisma.outgoingMessage.update({ where: { id }, data: { attempts: 1, error: SEND_INTERRUPTED } });
    await (await rig.queues.get(OUTGOING_QUEUE).getJob(asked.key))!.promote();
    await waitUntil(rowIs(asked.key, "sent"), 10_000, "the row to be sent");
    expect(server.messages(person!.telegramId)).toHaveLength(1);
    expect(await row(asked.key)).toMatchObject({ attempts: 2, telegramMessageId: server.messages(person!.telegramId)[0]!.message_id });
    expect(await rig.deps.redis.exists(receiptKey(id))).toBe(0);
  });
});

describe("who gets what, and when", () => {
  it("skips people who left, were erased or have no Telegram account", async () => {
    const left = await db.prisma.person.create({ data: { telegramId: 7_099_001n, status: "left" } });
    const erased = await db.prisma.person.create({ data: { telegramId: null, status: "erased" } });
    const noTelegram = await db.prisma.person.create({ data: { telegramId: null, name: "Tanpa HP" } });
    await rig.deps.outbox.enqueue([request(left), request(erased), request(noTelegram)]);
    for (const p of [left, erased, noTelegram]) await waitUntil(rowIs(request(p).key, "skipped"), 5_000, "skipped");
    expect((await row(request(noTelegram).key)).error).toBe("recipient has no Telegram account");
    expect((await row(request(left).key)).attempts).toBe(0);
  });

  it("keeps at least a second between two messages to one chat", async () => {
    const [person] = await people(1);
    await rig.deps.outbox.enqueue(["x", "y", "z"].map((s) => request(person!, s)));
    await waitUntil(() => arrivals.filter((a) => a.chat === person!.telegramId).length === 3, 10_000, "three messages");
    const times = arrivals.filter((a) => a.chat === person!.telegramId).map((a) => a.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("a feature's one-off job runs once, at the time of the last scheduling", async () => {
    const [person] = await people(1);
    fanouts.length = 0;
    const opts = { jobId: `fanout-test-${person!.id}`, delayMs: 400 };
    await rig.deps.outbox.scheduleJob("meeting", "reminder-fanout", { meetingId: person!.id, kind: "day", startsAtEpoch: 1 }, opts);
    await rig.deps.outbox.scheduleJob("meeting", "reminder-fanout", { meetingId: person!.id, kind: "day", startsAtEpoch: 2 }, opts);
    await waitUntil(() => server.messages(person!.telegramId).length === 1, 5_000, "the fan-out's message");
    await jobGone("meeting", opts.jobId);
    await jobGone(OUTGOING_QUEUE, `fanout-${person!.id}`);
    expect(fanouts).toEqual([{ meetingId: person!.id, kind: "day", startsAtEpoch: 2 }]);

    await rig.deps.outbox.scheduleJob("meeting", "reminder-fanout", { meetingId: person!.id, kind: "2h", startsAtEpoch: 3 }, { jobId: `fanout-cancel-${person!.id}`, delayMs: 5_000 });
    expect(await rig.deps.outbox.cancelJob("meeting", `fanout-cancel-${person!.id}`)).toBe(true);
    expect(await rig.deps.outbox.cancelJob("meeting", `fanout-cancel-${person!.id}`)).toBe(false);
  });
});

describe("the bot's own replies", () => {
  it("never wait behind a broadcast (bot and workers in one process, as with APP_ROLE=all)", { timeout: 30_000 }, async () => {
    const bot: Bot<BotContext> = createBot(rig.deps, { botInfo: server.me });
    let running: Promise<void> | undefined;
    await new Promise<void>((resolve) => {
      running = bot.start({ onStart: () => resolve() });
    });
    try {
      const crowd = await people(150);
      await rig.deps.outbox.enqueue(crowd.map((p) => request(p, "crowd")));
      await waitUntil(() => arrivals.length >= 20, 10_000, "the broadcast to be under way");
      const asker = { id: 7_199_999, first_name: "Tanya" };
      for (let i = 0; i < 3; i++) {
        server.sendText(asker, "/bantuan");
        await server.waitForMessage(asker.id, { timeoutMs: 5_000 });
      }
      // Three replies came while the broadcast was still going: none waited behind it. (No
      // time bound: a busy machine is slow for both.)
      const remaining = await db.prisma.outgoingMessage.count({ where: { key: { in: crowd.map((p) => request(p, "crowd").key) }, status: "queued" } });
      expect(remaining).toBeGreaterThan(0);
    } finally {
      await bot.stop();
      await running?.catch(() => undefined);
    }
  });
});
