// The measuring side of `npm run bench`: simulated Telegram users on the local Bot API
// server, latencies taken in this process from queuing an update to the bot's reply.
import { Redis } from "ioredis";
import { startBotApiServer, type BotApiServer, type BotMessage } from "../src/dev/bot-api-server.js";
import { BotProcess, type BotProcessOptions } from "../test/support/bot-process.js";
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
};

/** N users go through `steps` at the same time, each one step after the other. */
export async function runUsers(server: BotApiServer, userIds: number[], steps: Step[]): Promise<RunResult> {
  const recorder = new Recorder(server);
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
  return { members: userIds.length, updates: userIds.length * steps.length, wallMs, first: recorder.first, full: recorder.full, byStep: recorder.byStep };
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

export type Figures = { p50: number; p95: number; max: number; nextP50: number; nextP95: number; perSecond: number };

export function figuresOf(run: RunResult): Figures {
  return {
    p50: percentile(run.first, 50),
    p95: percentile(run.first, 95),
    max: Math.max(...run.first),
    nextP50: percentile(run.full, 50),
    nextP95: percentile(run.full, 95),
    perSecond: run.updates / (run.wallMs / 1000),
  };
}

/** The median of each figure over several runs. */
export function medianFigures(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((r) => r[key]));
  return { p50: pick("p50"), p95: pick("p95"), max: pick("max"), nextP50: pick("nextP50"), nextP95: pick("nextP95"), perSecond: pick("perSecond") };
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

export function describeRun(label: string, n: number, f: Figures): string {
  return `${label} run ${n}: first reply p50 ${ms(f.p50)} · p95 ${ms(f.p95)} · max ${ms(f.max)} · next question p50 ${ms(f.nextP50)} · p95 ${ms(f.nextP95)} · ${Math.round(f.perSecond)} updates/s`;
}

/** "next question" p50 of each step, to see where the time goes. */
export function describeSteps(steps: Step[], run: RunResult): string {
  return steps.map((step, i) => `${step.label} ${ms(percentile(run.byStep[i] ?? [], 50))}`).join(" · ");
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
