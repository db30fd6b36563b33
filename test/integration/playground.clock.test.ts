// The playground's clock: moving it forward brings BullMQ's delayed jobs (meeting reminders,
// weekly schedules) forward by the same amount — the ones now due run at once.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlaygroundClock, shiftDelayedJobs } from "../../src/dev/playground/clock.js";
import { createBullConnection } from "../../src/jobs/queues.js";
import { testRedisPrefix, testRedisUrl } from "../support/db.js";

const HOUR = 3_600_000;
const connection = createBullConnection(testRedisUrl());
let queue: Queue;

beforeAll(() => {
  queue = new Queue("meeting", { connection, prefix: testRedisPrefix("pg-clock") });
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
});

describe("the playground clock", () => {
  it("only moves forward, by whole steps the operator chooses", () => {
    const clock = createPlaygroundClock();
    const before = clock.now().getTime();
    clock.advance(24 * HOUR);
    expect(clock.offsetMs).toBe(24 * HOUR);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(24 * HOUR);
    expect(() => clock.advance(-HOUR)).toThrow(/only moves forward/);
    clock.reset();
    expect(clock.offsetMs).toBe(0);
  });

  it("starts the delayed jobs that are now due and brings the others closer", async () => {
    await queue.add("soon", {}, { jobId: "soon", delay: 2 * HOUR });
    await queue.add("later", {}, { jobId: "later", delay: 50 * HOUR });
    const started = await shiftDelayedJobs(connection, [queue], 24 * HOUR);
    expect(started).toBe(1);
    expect(await (await queue.getJob("soon"))!.getState()).toBe("waiting");
    const later = (await queue.getJob("later"))!;
    expect(await later.getState()).toBe("delayed");
    const score = Number(await connection.zscore(queue.keys.delayed!, "later"));
    const remaining = Math.floor(score / 0x1000) - Date.now();
    expect(remaining).toBeGreaterThan(25 * HOUR);
    expect(remaining).toBeLessThanOrEqual(26 * HOUR);
  });
});
