// The measuring side of `npm run bench`: simulated Telegram users on the local Bot API
// server, latencies taken in this process from queuing an update to the bot's reply.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { Redis } from "ioredis";
import { createPrisma, type PrismaClient } from "../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../src/db/migrate.js";
import { loadSeedData, seed } from "../src/db/seed.js";
import { startBotApiServer, type BotApiServer, type BotMessage } from "../src/dev/bot-api-server.js";
import { BotProcess, type BotProcessOptions } from "../test/support/bot-process.js";
import { createDatabase, databaseUrl, dropDatabase, testServerUrl, uniqueDatabaseName } from "../test/support/server.js";
import { TelegramUser } from "../test/support/telegram-user.js";

export const STEP_TIMEOUT_MS = 60_000;

/**
 * Per chat: when the user's update was queued, when the first bot message or edit in that chat
 * followed ("first reply"), and when the reply the user waits for arrived ("next question").
 */
export class Recorder {
  private pending = new Map<number, { t0: number; first?: number }>();
  readonly first: number[] = [];
  readonly full: number[] = [];
  /** "next question" latencies by step index */
  readonly byStep: number[][] = [];
  private readonly listener = (message: BotMessage, kind: string) => {
    if (kind === "delete") return;
    const p = this.pending.get(message.chat.id);
    if (p && p.first === undefined) p.first = performance.now() - p.t0;
  };

  constructor(private readonly server: BotApiServer) {
    server.on("message", this.listener);
  }

  /** Call right before the user's action queues the update. */
  start(chatId: number): void {
    this.pending.set(chatId, { t0: performance.now() });
  }

  /** Call once the awaited reply is there. */
  done(chatId: number, step: number): void {
    const p = this.pending.get(chatId);
    if (!p) throw new Error(`no pending update in chat ${chatId}`);
    const full = performance.now() - p.t0;
    this.first.push(p.first ?? full);
    this.full.push(full);
    (this.byStep[step] ??= []).push(full);
    this.pending.delete(chatId);
  }

  detach(): void {
    this.server.off("message", this.listener);
  }
}

/** One user action and the reply it waits for (a text contained in the bot's message). */
export type Step = { label: string; act: (user: TelegramUser) => void; expect: string };

export const say = (text: string, expect: string): Step => ({ label: text, act: (u) => u.say(text), expect });

export const press = (buttonText: string, expect: string): Step => ({ label: `[${buttonText}]`, act: (u) => u.press(buttonText), expect });

/** Presses the button of the bot's latest message whose text starts with `prefix`. */
export const pressStarting = (prefix: string, expect: string): Step => ({
  label: `[${prefix}…]`,
  act: (u) => {
    const message = u.lastMessage;
    const markup = message?.reply_markup;
    const buttons = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
    const button = buttons.find((b) => b.text.startsWith(prefix));
    if (!message || !button || !("callback_data" in button) || !button.callback_data) throw new Error(`no button "${prefix}…" for user ${u.id}`);
    u.press(button.callback_data, message);
  },
  expect,
});

export type RunResult = {
  members: number;
  updates: number;
  wallMs: number;
  first: number[];
  full: number[];
  byStep: number[][];
  /** CPU time (user + system) the bot process spent during the run, read from /proc */
  cpuMs: number;
  /** the 1-minute load average at the end of the run */
  load: number;
};

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: /proc reports CPU times in these on Linux

/** CPU time (user + system, ms) a process has used so far: /proc/<pid>/stat fields 14 and 15. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // after "pid (comm) ", field 3 is at index 0
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process now and at its highest (VmRSS, VmHWM), in MB. */
export function processMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** N users go through `steps` at the same time, each one step after the other; `pid`: the bot's, for its CPU time. */
export async function runUsers(server: BotApiServer, userIds: number[], steps: Step[], pid?: number): Promise<RunResult> {
  const recorder = new Recorder(server);
  const cpuBefore = pid === undefined ? 0 : processCpuMs(pid);
  const started = performance.now();
  try {
    await Promise.all(
      userIds.map(async (id) => {
        const user = new TelegramUser(server, { id, firstName: "Anggota", lastName: String(id) });
        for (const [index, step] of steps.entries()) {
          recorder.start(user.id);
          step.act(user);
          await user.expectReply(step.expect, STEP_TIMEOUT_MS);
          recorder.done(user.id, index);
        }
      }),
    );
  } finally {
    recorder.detach();
  }
  const wallMs = performance.now() - started;
  const cpuMs = pid === undefined ? Number.NaN : processCpuMs(pid) - cpuBefore;
  const updates = userIds.length * steps.length;
  return { members: userIds.length, updates, wallMs, first: recorder.first, full: recorder.full, byStep: recorder.byStep, cpuMs, load: os.loadavg()[0]! };
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export type Figures = {
  p50: number;
  p95: number;
  max: number;
  nextP50: number;
  nextP95: number;
  perSecond: number;
  /** the bot process's CPU time per handled update, ms */
  cpuPerUpdate: number;
  load: number;
};

export function figuresOf(run: RunResult): Figures {
  return {
    p50: percentile(run.first, 50),
    p95: percentile(run.first, 95),
    max: Math.max(...run.first),
    nextP50: percentile(run.full, 50),
    nextP95: percentile(run.full, 95),
    perSecond: run.updates / (run.wallMs / 1000),
    cpuPerUpdate: run.cpuMs / run.updates,
    load: run.load,
  };
}

/** The median of each figure over several runs. */
export function medianFigures(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((r) => r[key]));
  return {
    p50: pick("p50"),
    p95: pick("p95"),
    max: pick("max"),
    nextP50: pick("nextP50"),
    nextP95: pick("nextP95"),
    perSecond: pick("perSecond"),
    cpuPerUpdate: pick("cpuPerUpdate"),
    load: pick("load"),
  };
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

export function describeRun(label: string, n: number, f: Figures): string {
  return (
    `${label} run ${n}: first reply p50 ${ms(f.p50)} · p95 ${ms(f.p95)} · max ${ms(f.max)} · next question p50 ${ms(f.nextP50)} · p95 ${ms(f.nextP95)} · ` +
    `${Math.round(f.perSecond)} updates/s · CPU ${f.cpuPerUpdate.toFixed(2)} ms/update · load ${f.load.toFixed(2)}`
  );
}

/** "next question" p50 / p95 of each step, to see where the time goes. */
export function describeSteps(steps: Step[], run: RunResult): string {
  return steps
    .map((step, i) => `${step.label} ${ms(percentile(run.byStep[i] ?? [], 50))} / ${ms(percentile(run.byStep[i] ?? [], 95))}`)
    .join(" · ");
}

/** A bot child process on its own local Bot API server. */
export async function startBotOnServer(options: Omit<BotProcessOptions, "apiRoot" | "botToken">): Promise<{ server: BotApiServer; bot: BotProcess }> {
  const server = await startBotApiServer();
  const bot = new BotProcess({ ...options, apiRoot: server.apiRoot, botToken: server.token });
  try {
    await bot.start(30_000);
  } catch (error) {
    await server.close();
    throw error;
  }
  return { server, bot };
}

export type ScratchStore = { url: string; redisUrl: string; redisPrefix: string; prisma: PrismaClient };

/**
 * A scratch PostgreSQL database (migrated, seeded) and Redis key prefix for one bench; what
 * drops them again goes on `cleanups`. A killed bench's database is dropped by the next test run.
 */
export async function scratchStore(cleanups: Array<() => Promise<unknown>>): Promise<ScratchStore> {
  const serverUrl = testServerUrl();
  const dbName = uniqueDatabaseName(String(process.pid));
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
  return { url, redisUrl, redisPrefix, prisma };
}

/** Deletes a bench's Redis keys (its prefix) when it is done. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}
