import type { AddressInfo } from "node:net";
import type { Config } from "../../config.js";
import { migrate, MIGRATIONS_DIR } from "../../db/migrate.js";
import { createInfrastructure } from "../../infrastructure.js";
import { createLogger, type Logger } from "../../logger.js";
import { postgresDependency, redisDependency, waitForDependencies } from "../../ops/dependencies.js";
import { startBotApiServer, type BotApiServer } from "../bot-api-server.js";
import { createPlaygroundClock } from "./clock.js";
import { startPageServer, type PageServer } from "./http.js";
import { PlaygroundRuntime } from "./runtime.js";

/**
 * The playground: the real bot (createBot, the runner, the queue workers — as in production)
 * talking to the local Bot API server in this process, on a database and Redis key prefix of
 * its own filled with demo data, and a web page where anyone plays any of its people.
 */
export type PlaygroundOptions = {
  /** the app's configuration: PostgreSQL, Redis, time zone, limits; PLAYGROUND_PORT/HOST */
  config: Config;
  /** default config.playgroundPort (0: any free port) */
  port?: number;
  /** default config.playgroundHost */
  host?: string;
  /** default: DATABASE_URL with the database name + "_playground" (created and migrated here; emptied at each start) */
  databaseUrl?: string;
  /** default: REDIS_KEY_PREFIX + "playground:" */
  redisKeyPrefix?: string;
  /** default: a logger at level warn (or the configured one when it is quieter or more verbose than info) */
  logger?: Logger;
};

export type Playground = {
  /** the page's address, e.g. http://localhost:3000 */
  url: string;
  /** the local Bot API server the bot talks to */
  botApi: BotApiServer;
  databaseUrl: string;
  /** stops the bot and the workers, closes the page, the server, Redis and PostgreSQL */
  close(): Promise<void>;
};

/** `postgresql://…/lapor_kelompok?x` → `postgresql://…/lapor_kelompok_playground?x` */
export function playgroundDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  url.pathname = `/${encodeURIComponent(`${name}_playground`.slice(0, 63))}`;
  return url.toString();
}

function databaseNameOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.host}/${decodeURIComponent(url.pathname.replace(/^\//, ""))}`;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { config } = options;
  const logger = options.logger ?? createLogger(["info", "warn"].includes(config.logLevel) ? "warn" : config.logLevel);
  const databaseUrl = options.databaseUrl ?? playgroundDatabaseUrl(config.databaseUrl);
  // The playground empties its database at every start and reset: never the app's own.
  if (databaseNameOf(databaseUrl) === databaseNameOf(config.databaseUrl)) {
    throw new Error("The playground needs a database of its own, not DATABASE_URL's");
  }
  const prefix = options.redisKeyPrefix ?? `${config.redisKeyPrefix}playground:`;

  // Its own logger may be quiet (warn): the waiting lines are warnings, the answer is not needed.
  await waitForDependencies([postgresDependency(config.databaseUrl, { databaseMayBeMissing: true }), redisDependency(config.redisUrl)], {
    logger,
    timeoutMs: config.startupTimeoutSeconds * 1000,
  });
  await migrate({ databaseUrl, migrationsDir: MIGRATIONS_DIR, logger, createDatabase: true });
  const clock = createPlaygroundClock();
  const server = await startBotApiServer({ now: clock.now });

  const appConfig: Config = {
    ...config,
    botToken: server.token,
    telegramApiRoot: server.apiRoot,
    databaseUrl,
    redisKeyPrefix: prefix,
    appRole: "all",
    // The people of the playground are in the database; nobody is an admin by Telegram id.
    adminTelegramIds: [],
  };
  const infrastructure = createInfrastructure(appConfig, logger, { clock: clock.now });
  const runtime = new PlaygroundRuntime(infrastructure, server, clock, prefix);

  let page: PageServer | null = null;
  try {
    // The page's port first: a second playground on the same port stops here, before it
    // empties the first one's database.
    page = await startPageServer(runtime, { port: options.port ?? config.playgroundPort, host: options.host ?? config.playgroundHost });
    await runtime.start();
  } catch (error) {
    await page?.close();
    await runtime.close();
    throw error;
  }
  const { port } = page.address() as AddressInfo;
  const host = options.host ?? config.playgroundHost;
  const shown = ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const pageServer = page;
  return {
    url: `http://${shown}:${port}`,
    botApi: server,
    databaseUrl,
    async close() {
      await pageServer.close();
      await runtime.close();
    },
  };
}
