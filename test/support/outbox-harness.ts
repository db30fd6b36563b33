// Shared by the outbox integration test, the worker child process and the broadcast bench
// (no vitest import here: the bench and the child run outside vitest).
import { Api } from "grammy";
import { pino } from "pino";
import type { AppDeps } from "../../src/app-deps.js";
import { createInfrastructure } from "../../src/infrastructure.js";
import { createI18n } from "../../src/bot/i18n.js";
import { loadConfig, type Config } from "../../src/config.js";
import type { PrismaClient } from "../../src/db/client.js";
import type { BotApiServer } from "../../src/dev/bot-api-server.js";
import type { OutgoingRenderers } from "../../src/jobs/outgoing.types.js";
import type { FeatureProcessors } from "../../src/jobs/feature-jobs.js";
import type { OutgoingPurpose, QueueName } from "../../src/jobs/registry.js";
import type { Queues } from "../../src/jobs/queues.js";
import { startWorkers, type WorkerSettings, type WorkersHandle } from "../../src/jobs/workers.js";
import type { Logger } from "../../src/logger.js";

/** The harness sends its test messages under a declared purpose, with its own renderer. */
export const TEST_PURPOSE = "announcement" satisfies OutgoingPurpose;

/** A trivial renderer: the key, so each message says which row it came from. */
export const testRenderers: Partial<OutgoingRenderers> = {
  [TEST_PURPOSE]: { render: async ({ outgoing }) => ({ text: `test message ${outgoing.key}` }) },
};

/** Test settings for retries: two tries, 100 ms apart. */
export const FAST_RETRIES = { OUTGOING_ATTEMPTS: "2", OUTGOING_BACKOFF_MS: "100" } as const;

/** The app's configuration for the queue against a local Bot API server: 50 sends a second, then `env`. */
export function queueConfig(databaseUrl: string, server: BotApiServer, redisKeyPrefix: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    // TEST_REDIS_URL as everywhere in the tests (the worker child process connects with it)
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: redisKeyPrefix,
    OUTGOING_RATE_PER_SECOND: "50",
    ...env,
  });
}

export type QueueRig = {
  deps: AppDeps;
  queues: Queues;
  /** closes the workers (if any), the queues and both Redis connections (not Prisma) */
  close(): Promise<void>;
  workers: WorkersHandle | null;
};

/**
 * What main.ts wires, for tests: queues on their own connection, the app's Redis under the
 * prefix, the outbox, and (unless `workers: false`) the workers with the test renderer.
 */
export async function queueRig(opts: {
  config: Config;
  prisma: PrismaClient;
  redisUrl: string;
  logger?: Logger;
  workers?: false | { renderers?: Partial<OutgoingRenderers>; processors?: FeatureProcessors; settings?: Partial<WorkerSettings> };
}): Promise<QueueRig> {
  const { config, prisma } = opts;
  const logger = opts.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const infrastructure = createInfrastructure({ ...config, redisUrl: opts.redisUrl }, logger, { prisma });
  const { deps, queues } = infrastructure;
  let workers: WorkersHandle | null = null;
  if (opts.workers !== false) {
    const w = opts.workers ?? {};
    const api = new Api(config.botToken ?? "", { apiRoot: config.telegramApiRoot, timeoutSeconds: 30 });
    workers = startWorkers({ ...deps, i18n: createI18n(), api, queues }, w.renderers ?? testRenderers, w.processors ?? {}, w.settings);
    await Promise.all(workers.workers.map((worker) => worker.waitUntilReady()));
  }
  return {
    deps,
    queues,
    workers,
    async close() {
      await workers?.close();
      await infrastructure.close();
    },
  };
}

/** `count` active people with Telegram ids from `firstTelegramId`, each with a private chat the server knows. */
export async function makePeople(prisma: PrismaClient, server: BotApiServer, count: number, firstTelegramId: number): Promise<Array<{ id: number; telegramId: number }>> {
  const ids = Array.from({ length: count }, (_, i) => firstTelegramId + i);
  await prisma.person.createMany({ data: ids.map((telegramId) => ({ telegramId: BigInt(telegramId), name: `Uji ${telegramId}` })) });
  const people = await prisma.person.findMany({ where: { telegramId: { in: ids.map(BigInt) } }, select: { id: true, telegramId: true } });
  for (const telegramId of ids) server.addChat({ id: telegramId, first_name: `Uji ${telegramId}` });
  return people.map((p) => ({ id: p.id, telegramId: Number(p.telegramId) })).sort((a, b) => a.telegramId - b.telegramId);
}

/** Messages the bot sent to each of these chats (cheap: no copies). */
export function deliveredCounts(server: BotApiServer, chatIds: number[]): Map<number, number> {
  return new Map(chatIds.map((id) => [id, server.chats.get(id)?.botMessages.size ?? 0]));
}

/** Counts new bot messages as the server records them: `total` and by chat, with times. */
/** Deliveries as they happen; `pausedMs` adds up the gaps between two of more than `pauseMs` (a worker down). */
export function countDeliveries(server: BotApiServer, pauseMs = 500): { total: number; first: number; last: number; pausedMs: number; stop(): void } {
  const counter = {
    total: 0,
    first: 0,
    last: 0,
    pausedMs: 0,
    stop: () => void server.off("message", listener),
  };
  const listener = (_message: unknown, kind: string) => {
    if (kind !== "new") return;
    const now = performance.now();
    if (counter.total > 0 && now - counter.last > pauseMs) counter.pausedMs += now - counter.last;
    counter.total++;
    counter.last = now;
    counter.first ||= now;
  };
  server.on("message", listener);
  return counter;
}

/** Lost (0 messages) and doubled (2 or more) chats. */
export function lostAndDoubled(counts: Map<number, number>): { delivered: number; lost: number[]; doubled: number[] } {
  const lost: number[] = [];
  const doubled: number[] = [];
  let delivered = 0;
  for (const [chat, n] of counts) {
    delivered += n;
    if (n === 0) lost.push(chat);
    if (n > 1) doubled.push(chat);
  }
  return { delivered, lost, doubled };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, pollMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Waits until a queue has no job waiting, delayed or running. Finished jobs are removed, so
 * nothing more can come of what was asked before: the event to wait for before checking that
 * something did NOT happen (a second copy, a retry), instead of sleeping.
 */
export async function queueIdle(queues: Queues, name: QueueName, timeoutMs = 15_000): Promise<void> {
  const queue = queues.get(name);
  const pending = async () => Object.values(await queue.getJobCounts("wait", "delayed", "active", "prioritized", "waiting-children")).reduce((a, b) => a + b, 0);
  await waitUntil(async () => (await pending()) === 0, timeoutMs, `queue ${name} to be idle`);
}
