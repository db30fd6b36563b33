import { existsSync } from "node:fs";
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
  BOT_MODE: z.literal("polling", { message: "must be polling (webhook mode is not built yet)" }).default("polling"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REPORT_BACKFILL_WEEKS: z.coerce.number().int().min(0).max(52).default(4),
  CONVERSATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(24),
  RUN_MIGRATIONS: z.stringbool().default(true),
  SEED_WHEN_EMPTY: z.stringbool().default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8_000),
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
  botMode: "polling";
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  reportBackfillWeeks: number;
  conversationTtlSeconds: number;
  runMigrations: boolean;
  seedWhenEmpty: boolean;
  shutdownTimeoutMs: number;
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
    logLevel: e.LOG_LEVEL,
    reportBackfillWeeks: e.REPORT_BACKFILL_WEEKS,
    conversationTtlSeconds: e.CONVERSATION_TTL_HOURS * 3600,
    runMigrations: e.RUN_MIGRATIONS,
    seedWhenEmpty: e.SEED_WHEN_EMPTY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
