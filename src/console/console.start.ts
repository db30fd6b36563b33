import { Api } from "grammy";
import type { AppDeps } from "../app-deps.js";
import { createI18n } from "../bot/i18n.js";
import { createConsoleServer } from "./console.server.js";

export type RunningConsole = { url: string; port: number; listening(): boolean; close(): Promise<void> };

/**
 * Starts the staff console (APP_ROLE all|web, when CONSOLE_URL is set) on CONSOLE_HOST:CONSOLE_PORT.
 * The bot's username (for join links and their QR codes) comes from the bot when it runs in this
 * process, or from Telegram's getMe.
 */
export async function startConsole(deps: AppDeps, botUsername?: string): Promise<RunningConsole | null> {
  const { config } = deps;
  if (!config.console) return null;
  let username = botUsername;
  if (username === undefined) {
    if (!config.botToken) throw new Error("the console needs BOT_TOKEN (for the bot's username in join links)");
    username = (await new Api(config.botToken, { apiRoot: config.telegramApiRoot }).getMe()).username;
  }
  const app = await createConsoleServer({ ...deps, i18n: createI18n(), botUsername: username }, { secureCookies: config.console.url.startsWith("https:") });
  await app.listen({ port: config.console.port, host: config.console.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.console.port;
  deps.logger.info({ port, url: config.console.url }, "staff console running");
  return { url: config.console.url, port, listening: () => app.server.listening, close: () => app.close() };
}
