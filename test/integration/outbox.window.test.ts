// The send window (outbox.pacing.ts) against real Redis: several connections (as several
// worker processes) never get more than `limit` sends into one second; a send waiting for its
// answer keeps its place; a send that does not go gives it back at once.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterSendWindow, SEND_WINDOW_MS, sendAnswered, sendCancelled } from "../../src/outgoing/outbox.pacing.js";
import { deleteRedisKeys } from "../support/e2e.js";
import { testRedisPrefix, testRedisUrl } from "../support/db.js";

let prefix: string;
let clients: Redis[];

/** A fresh key space per test, shared by three connections. */
function connections(): Redis[] {
  const keyPrefix = `${prefix}:${Math.random().toString(36).slice(2, 8)}:`;
  const made = [0, 1, 2].map(() => new Redis(testRedisUrl(), { keyPrefix, lazyConnect: false }));
  clients.push(...made);
  return made;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  prefix = testRedisPrefix("window");
  clients = [];
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
  await deleteRedisKeys(prefix);
});

describe("the send window", () => {
  it("lets no more than `limit` sends into any second, whichever connection asks", async () => {
    const redis = connections();
    const limit = 10;
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const client = redis[i % redis.length]!;
        const token = await enterSendWindow(client, limit);
        times.push(Date.now());
        await sleep(Math.random() * 5); // the send
        await sendAnswered(client, token);
      }),
    );
    times.sort((a, b) => a - b);
    expect(times).toHaveLength(25);
    // the 11th send comes a whole window after the 1st, and so on
    for (let i = 0; i + limit < times.length; i++) expect(times[i + limit]! - times[i]!).toBeGreaterThanOrEqual(SEND_WINDOW_MS - 2);
  }, 10_000);

  it("keeps a send waiting for its answer in the window, and counts the second from the answer", async () => {
    const [a, b] = connections();
    const first = await enterSendWindow(a!, 1);
    let second: number | null = null;
    const waiting = enterSendWindow(b!, 1).then(() => (second = Date.now()));
    await sleep(1_300); // longer than the window: the first send has no answer yet
    expect(second).toBeNull();
    const answered = Date.now();
    await sendAnswered(a!, first);
    await waiting;
    expect(second! - answered).toBeGreaterThanOrEqual(SEND_WINDOW_MS - 5);
  }, 10_000);

  it("gives the place back at once when the send does not go", async () => {
    const [a, b] = connections();
    const first = await enterSendWindow(a!, 1);
    expect(await a!.zcard("outbox:window")).toBe(1);
    await sendCancelled(a!, first);
    // The window is empty again (not holding the place for its 1,005 ms), so the next send goes.
    expect(await a!.zcard("outbox:window")).toBe(0);
    await enterSendWindow(b!, 1);
    expect(await a!.zcard("outbox:window")).toBe(1);
  });
});
