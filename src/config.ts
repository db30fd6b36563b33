import { existsSync } from "node:fs";
import { getNextMillis } from "bullmq";
import { z } from "zod";

/**
 * The environment, parsed and checked once. Nothing else in src/ reads process.env:
 * everything the app needs is in the Config this returns.
 */
const csvOfIds = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === "") return [] as bigint[];
    const ids: bigint[] = [];
    for (const part of raw.split(",")) {
      const piece = part.trim();
      if (!/^\d{1,20}$/.test(piece)) {
        ctx.addIssue({ code: "custom", message: `"${piece}" is not a Telegram user id (digits only)` });
        return z.NEVER;
      }
      ids.push(BigInt(piece));
    }
    return ids;
  });

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A cron pattern (5 fields, or 6 with seconds) as BullMQ reads it, or "off": no such schedule. */
const cronOrOff = (fallback: string) =>
  z
    .string()
    .trim()
    .transform((raw) => (raw === "" ? fallback : raw))
    .refine((raw) => {
      if (raw.toLowerCase() === "off") return true;
      if (raw.split(/\s+/).length < 5 || raw.split(/\s+/).length > 6) return false;
      try {
        return getNextMillis(Date.UTC(2026, 0, 1), { pattern: raw, tz: "UTC" }) !== undefined;
      } catch {
        return false;
      }
    }, 'must be a cron pattern such as "0 16 * * 5" (minute hour day month weekday), or off')
    .transform((raw) => (raw.toLowerCase() === "off" ? null : raw))
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const configSchema = z.object({
  BOT_TOKEN: optionalText.pipe(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC-DEF… (from @BotFather)").optional(),
  ),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// URL" }).default("redis://127.0.0.1:6379"),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, "may hold letters, digits and : _ - only").default("lk:"),
  TELEGRAM_API_ROOT: z.url({ message: "must be an http(s) URL" }).default("https://api.telegram.org"),
  APP_TIME_ZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Makassar").default("Asia/Makassar"),
  ADMIN_TELEGRAM_IDS: csvOfIds.default([]),
  BOT_MODE: z.enum(["polling", "webhook"], { message: "must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: "must be the bot's public https:// address, e.g. https://bot.example.org/telegram" }).optional()),
  WEBHOOK_SECRET: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 letters, digits, _ or - (Telegram sends it back in a header)").optional(),
  ),
  WEBHOOK_PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  WEBHOOK_HOST: z.string().trim().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REPORT_BACKFILL_WEEKS: z.coerce.number().int().min(0).max(52).default(4),
  CONVERSATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(24),
  RUN_MIGRATIONS: z.stringbool().default(true),
  SEED_WHEN_EMPTY: z.stringbool().default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8_000),
  UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PLAYGROUND_HOST: z.string().trim().min(1).default("127.0.0.1"),
  APP_ROLE: z.enum(["all", "bot", "worker", "web"], { message: "must be all, bot, worker or web" }).default("all"),
  CONSOLE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: "must be the console's public address, e.g. https://konsol.example.org" }).optional()),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65_535).default(8081),
  CONSOLE_HOST: z.string().trim().min(1).default("0.0.0.0"),
  OUTGOING_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(25),
  OUTGOING_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  OUTGOING_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  OUTGOING_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  MEETING_CHECKIN_BEFORE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  MEETING_CHECKIN_AFTER_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(180),
  REMINDER_CRON_FIRST: cronOrOff("0 16 * * 5"),
  REMINDER_CRON_SECOND: cronOrOff("0 18 * * 0"),
  SUMMARY_CRON: cronOrOff("0 8 * * 1"),
  NODE_ENV: z.string().trim().optional(),
  STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  HEALTH_HOST: z.string().trim().min(1).default("0.0.0.0"),
  METRICS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
}).superRefine((e, ctx) => {
  if (e.APP_ROLE === "web" && !e.CONSOLE_URL) ctx.addIssue({ code: "custom", path: ["CONSOLE_URL"], message: "is required when APP_ROLE=web (the console's public address)" });
  // Links to the console travel through Telegram and open a session: only over https, unless on a local Bot API server.
  if (e.CONSOLE_URL?.startsWith("http:") && new URL(e.TELEGRAM_API_ROOT).hostname === "api.telegram.org") {
    ctx.addIssue({ code: "custom", path: ["CONSOLE_URL"], message: "must be https:// when the bot talks to the real Telegram" });
  }
  if (e.BOT_MODE !== "webhook") return;
  if (!e.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
  if (!e.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  // Telegram itself only calls https:// webhooks; plain http is for a local Bot API server.
  if (e.WEBHOOK_URL?.startsWith("http:") && new URL(e.TELEGRAM_API_ROOT).hostname === "api.telegram.org") {
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "must be https:// (Telegram calls only https webhooks)" });
  }
});

export type Config = {
  botToken: string | undefined;
  databaseUrl: string;
  redisUrl: string;
  /** every key the app writes to Redis starts with this, so deployments (or test runs) can share one Redis */
  redisKeyPrefix: string;
  telegramApiRoot: string;
  timeZone: string;
  adminTelegramIds: bigint[];
  botMode: "polling" | "webhook";
  /** BOT_MODE=webhook: Telegram posts updates to `url` with `secret` in a header; the bot listens on host:port (behind the https proxy) */
  webhook: { url: string; secret: string; port: number; host: string } | null;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  reportBackfillWeeks: number;
  conversationTtlSeconds: number;
  runMigrations: boolean;
  seedWhenEmpty: boolean;
  shutdownTimeoutMs: number;
  /** the longest one update may hold back the others; past it, it is logged and confirmed to Telegram */
  updateTimeoutMs: number;
  /** without BOT_TOKEN, `npm start` opens the playground (src/dev/playground) on this port … */
  playgroundPort: number;
  /** … and address (127.0.0.1: this computer only; 0.0.0.0: the local network too) */
  playgroundHost: string;
  /** all: updates and queue workers in one process; bot: updates only (enqueues, runs no worker); worker: queue workers only */
  appRole: "all" | "bot" | "worker" | "web";
  /** the staff console (APP_ROLE all|web), on when CONSOLE_URL is set: its public address (links from /konsol point there) and where it listens */
  console: { url: string; port: number; host: string } | null;
  /** the outgoing queue's limit, shared by every worker process (Telegram allows about 30/s: leave room for replies) */
  outgoingRatePerSecond: number;
  /** tries of one outgoing message on errors other than 429/403 before it is recorded as failed */
  outgoingAttempts: number;
  /** first retry delay of the exponential backoff (then ×2 each time) */
  outgoingBackoffMs: number;
  /** outgoing messages in flight at once per worker process */
  outgoingConcurrency: number;
  /** check-in opens this many minutes before a meeting's start … */
  meetingCheckInBeforeMinutes: number;
  /** … and closes this many minutes after it */
  meetingCheckInAfterMinutes: number;
  /** cron patterns in APP_TIME_ZONE (null: "off"): the weekly reminder (Friday 16:00), again (Sunday 18:00), the weekly summary (Monday 08:00) */
  reminderCronFirst: string | null;
  reminderCronSecond: string | null;
  summaryCron: string | null;
  /** NODE_ENV=production (as in the Docker image): no playground, a missing BOT_TOKEN is an error */
  production: boolean;
  /** how long the start waits for PostgreSQL, Redis and Telegram before it gives up with one line naming the service */
  startupTimeoutSeconds: number;
  /** the health and metrics listener (/healthz, /readyz, /metrics) in every mode; port 0: any free port */
  health: { port: number; host: string };
  /** METRICS=off: no instrumentation, /metrics answers 404 */
  metrics: boolean;
};

export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (env === undefined) {
    // A .env file in the working directory fills in what the environment does not set.
    if (existsSync(".env")) process.loadEnvFile(".env");
    env = process.env;
  }
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const message = issue.code === "invalid_type" && env[name] === undefined ? "is required but not set" : issue.message;
      return `Configuration error: ${name} ${message}`;
    });
    throw new ConfigError(lines.join("\n"));
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    timeZone: e.APP_TIME_ZONE,
    adminTelegramIds: e.ADMIN_TELEGRAM_IDS,
    botMode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.WEBHOOK_PORT, host: e.WEBHOOK_HOST }
        : null,
    logLevel: e.LOG_LEVEL,
    reportBackfillWeeks: e.REPORT_BACKFILL_WEEKS,
    conversationTtlSeconds: e.CONVERSATION_TTL_HOURS * 3600,
    runMigrations: e.RUN_MIGRATIONS,
    seedWhenEmpty: e.SEED_WHEN_EMPTY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    updateTimeoutMs: e.UPDATE_TIMEOUT_MS,
    playgroundPort: e.PLAYGROUND_PORT,
    playgroundHost: e.PLAYGROUND_HOST,
    appRole: e.APP_ROLE,
    console: e.CONSOLE_URL ? { url: e.CONSOLE_URL.replace(/\/+$/, ""), port: e.CONSOLE_PORT, host: e.CONSOLE_HOST } : null,
    outgoingRatePerSecond: e.OUTGOING_RATE_PER_SECOND,
    outgoingAttempts: e.OUTGOING_ATTEMPTS,
    outgoingBackoffMs: e.OUTGOING_BACKOFF_MS,
    outgoingConcurrency: e.OUTGOING_CONCURRENCY,
    meetingCheckInBeforeMinutes: e.MEETING_CHECKIN_BEFORE_MINUTES,
    meetingCheckInAfterMinutes: e.MEETING_CHECKIN_AFTER_MINUTES,
    reminderCronFirst: e.REMINDER_CRON_FIRST,
    reminderCronSecond: e.REMINDER_CRON_SECOND,
    summaryCron: e.SUMMARY_CRON,
    production: e.NODE_ENV === "production",
    startupTimeoutSeconds: e.STARTUP_TIMEOUT_SECONDS,
    health: { port: e.HEALTH_PORT, host: e.HEALTH_HOST },
    metrics: e.METRICS === "on",
  };
}

/**
 * The environment for a child process (pg_dump, pg_restore) with some variables added: the one
 * place besides loadConfig that reads process.env, so a child finds PATH, locale and the like.
 */
export function childProcessEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
