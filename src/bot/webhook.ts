import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { checkUpdateTimeout, handleWithin } from "./update-timeout.js";

export type WebhookOptions = {
  logger: Logger;
  /** the public address Telegram posts to; the server answers on its path */
  url: string;
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; a request without it is refused */
  secret: string;
  port: number;
  host: string;
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>;
  /** longest one update is worked on before it is answered 200 anyway and logged (UPDATE_TIMEOUT_MS) */
  updateTimeoutMs: number;
};

export type WebhookHandle = {
  /** the port it listens on (useful when asked for port 0) */
  port: number;
  /** updates being handled now */
  inFlight(): number;
  /** stops taking updates and waits for those in flight */
  stop(): Promise<void>;
};

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

async function readUpdate(req: IncomingMessage): Promise<Update> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
}

/**
 * Webhook mode: an HTTP server (behind the https proxy) that takes Telegram's POSTs, then
 * registers its address with Telegram. Like the long polling, an update is confirmed — the
 * 200 answer — only once it has been handled: a crash before that leaves Telegram to send it
 * again. An update still being handled after `updateTimeoutMs` is answered 200 all the same
 * and logged (handleWithin): Telegram would otherwise post it again and again, each time
 * holding back what comes after it. GET /healthz answers "ok" for the platform's health check.
 */
export async function startWebhook(bot: Bot<BotContext>, options: WebhookOptions): Promise<WebhookHandle> {
  const { logger } = options;
  const path = new URL(options.url).pathname;
  checkUpdateTimeout(options.updateTimeoutMs);
  if (!bot.isInited()) await bot.init();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers[SECRET_HEADER] !== options.secret) {
      res.writeHead(401).end("secret token is wrong");
      return;
    }
    const update = await readUpdate(req);
    await handleWithin(() => bot.handleUpdate(update), { updateId: update.update_id, timeoutMs: options.updateTimeoutMs, logger });
    res.writeHead(200).end();
  }
  let inFlight = 0;
  let stopping = false;

  const server = createServer((req, res) => {
    const requestPath = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && requestPath === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST" || requestPath !== path) {
      res.writeHead(404).end();
      return;
    }
    if (stopping) {
      // Telegram keeps the update and tries again: the next process takes it.
      res.writeHead(503).end();
      return;
    }
    inFlight++;
    handle(req, res)
      .catch((err: unknown) => {
        logger.error({ err }, "webhook update not handled; Telegram will send it again");
        if (!res.headersSent) res.writeHead(500).end();
      })
      .finally(() => {
        inFlight--;
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  try {
    await bot.api.setWebhook(options.url, {
      secret_token: options.secret,
      allowed_updates: [...options.allowedUpdates],
      drop_pending_updates: false,
    });
  } catch (error) {
    server.close();
    throw error;
  }
  logger.info({ port, path }, "webhook listening");

  return {
    port,
    inFlight: () => inFlight,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      server.closeAllConnections();
      await closed;
    },
  };
}
