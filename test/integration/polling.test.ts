// The durable long polling (src/bot/polling.ts) and the webhook server (src/bot/webhook.ts)
// against the local Bot API server: an update whose handling never ends gets a bounded time,
// is logged by id, and holds back no other chat.
import { createServer } from "node:net";
import { Writable } from "node:stream";
import { Bot } from "grammy";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { startPolling } from "../../src/bot/polling.js";
import { startWebhook } from "../../src/bot/webhook.js";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { TelegramUser } from "../support/telegram-user.js";

const UPDATE_TIMEOUT_MS = 300;
/** More than one getUpdates batch (100) behind the hung update. */
const OTHERS = 130;

let server: BotApiServer;
const logLines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);

beforeAll(async () => {
  server = await startBotApiServer();
});

afterAll(async () => {
  await server?.close();
});

/** A bot whose handler of "macet" never ends; every other text is answered "ok <text>". */
function hangingBot(): Bot<BotContext> {
  const bot = new Bot<BotContext>(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.me });
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text === "macet") await new Promise<never>(() => undefined);
    await ctx.reply(`ok ${ctx.message.text}`);
  });
  return bot;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("polling with a hung handler", () => {
  it("gives the update a bounded time, logs its id (not its content), and lets every other chat go on", async () => {
    const bot = hangingBot();
    const runner = startPolling(bot, { logger, allowedUpdates: ["message"], updateTimeoutMs: UPDATE_TIMEOUT_MS });
    try {
      const stuck = new TelegramUser(server, { id: 9_600_001, firstName: "Macet" });
      const other = new TelegramUser(server, { id: 9_600_002, firstName: "Lancar" });
      const hung = stuck.say("macet");
      for (let i = 1; i <= OTHERS; i++) other.say(String(i));
      // Handled concurrently, the replies come in any order: wait for each of them.
      for (let i = 0; i < OTHERS; i++) await other.expectReply((m) => m.text?.startsWith("ok ") ?? false, 25_000);
      expect(new Set(other.messages().map((m) => m.text))).toEqual(new Set(Array.from({ length: OTHERS }, (_, i) => `ok ${i + 1}`)));
      const warning = logLines.find((l) => l.updateId === hung.update_id);
      expect(warning).toMatchObject({ level: 40, msg: "update handling exceeded its time; the others go on", timeoutMs: UPDATE_TIMEOUT_MS });
      expect(JSON.stringify(logLines)).not.toContain("macet");
    } finally {
      await runner.stop();
    }
  });
});

describe("the webhook with a hung handler", () => {
  it("answers Telegram 200 once the update's time is up, logs its id, and other chats go on", async () => {
    const port = await freePort();
    const bot = hangingBot();
    const webhook = await startWebhook(bot, {
      logger,
      url: `http://127.0.0.1:${port}/telegram`,
      secret: "webhook-secret-for-the-test",
      port,
      host: "127.0.0.1",
      allowedUpdates: ["message"],
      updateTimeoutMs: UPDATE_TIMEOUT_MS,
    });
    try {
      const stuck = new TelegramUser(server, { id: 9_600_011, firstName: "Macet" });
      const other = new TelegramUser(server, { id: 9_600_012, firstName: "Lancar" });
      const answered = new Promise<{ ok: boolean; status?: number }>((resolve) => {
        server.on("webhook", (attempt) => {
          if (attempt.update_id === hung.update_id) resolve(attempt);
        });
      });
      const hung = stuck.say("macet");
      other.say("halo");
      await other.expectReply("ok halo");
      expect(await answered).toMatchObject({ ok: true, status: 200 });
      expect(logLines.find((l) => l.updateId === hung.update_id)).toMatchObject({ level: 40, msg: "update handling exceeded its time; the others go on" });
    } finally {
      await webhook.stop();
      await bot.api.deleteWebhook();
    }
  });
});
