import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x" };

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      botToken: undefined,
      redisUrl: "redis://127.0.0.1:6379",
      redisKeyPrefix: "lk:",
      telegramApiRoot: "https://api.telegram.org",
      timeZone: "Asia/Makassar",
      adminTelegramIds: [],
      botMode: "polling",
      webhook: null,
      logLevel: "info",
      reportBackfillWeeks: 4,
      conversationTtlSeconds: 24 * 3600,
    });
  });

  it("reads the webhook settings in webhook mode (plain http only against a local Bot API server)", () => {
    const webhook = { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: "a-secret_of-20-chars" };
    expect(loadConfig({ ...base, ...webhook }).webhook).toEqual({ url: "https://bot.example.org/telegram", secret: "a-secret_of-20-chars", port: 8080, host: "0.0.0.0" });
    expect(loadConfig({ ...base, ...webhook, WEBHOOK_URL: "http://127.0.0.1:9000/tg", TELEGRAM_API_ROOT: "http://127.0.0.1:8081", WEBHOOK_PORT: "9000" }).webhook).toMatchObject({ url: "http://127.0.0.1:9000/tg", port: 9000 });
    // in polling mode the webhook settings are not used
    expect(loadConfig({ ...base, WEBHOOK_URL: "https://bot.example.org/telegram" }).webhook).toBeNull();
  });

  it("reads admin ids as bigints, beyond 2^31", () => {
    const config = loadConfig({ ...base, ADMIN_TELEGRAM_IDS: "123, 7012345678" });
    expect(config.adminTelegramIds).toEqual([123n, 7012345678n]);
  });

  it("treats an empty BOT_TOKEN as not set and accepts a well-formed one", () => {
    expect(loadConfig({ ...base, BOT_TOKEN: "" }).botToken).toBeUndefined();
    expect(loadConfig({ ...base, BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-123" }).botToken).toBe("123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-123");
  });

  it.each([
    [{}, "DATABASE_URL is required but not set"],
    [{ ...base, DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgresql:// URL"],
    [{ ...base, APP_TIME_ZONE: "Mars/Olympus" }, "APP_TIME_ZONE must be an IANA time zone"],
    [{ ...base, ADMIN_TELEGRAM_IDS: "12,abc" }, "ADMIN_TELEGRAM_IDS"],
    [{ ...base, BOT_MODE: "hook" }, "BOT_MODE must be polling or webhook"],
    [{ ...base, BOT_MODE: "webhook", WEBHOOK_SECRET: "s".repeat(20) }, "WEBHOOK_URL is required when BOT_MODE=webhook"],
    [{ ...base, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg" }, "WEBHOOK_SECRET is required when BOT_MODE=webhook"],
    [{ ...base, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET must be 16 to 256"],
    [{ ...base, BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.org/tg", WEBHOOK_SECRET: "s".repeat(20) }, "WEBHOOK_URL must be https://"],
    [{ ...base, BOT_TOKEN: "not-a-token" }, "BOT_TOKEN must look like"],
    [{ ...base, REPORT_BACKFILL_WEEKS: "-1" }, "REPORT_BACKFILL_WEEKS"],
    [{ ...base, REDIS_URL: "http://x" }, "REDIS_URL must be a redis:// URL"],
  ])("refuses a bad environment with one line naming the variable (%#)", (env, expected) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(expected);
    expect(message.split("\n")).toHaveLength(1);
  });
});
