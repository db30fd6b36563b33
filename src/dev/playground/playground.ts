import type { AddressInfo } from "node:net";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import type { AppDeps } from "../../app-deps.js";
import { publishCommandsFor } from "../../bot/commands.js";
import { createI18n } from "../../bot/i18n.js";
import type { Config } from "../../config.js";
import type { PrismaClient } from "../../db/client.js";
import { migrate, MIGRATIONS_DIR } from "../../db/migrate.js";
import { loadSeedData, seed } from "../../db/seed.js";
import { createInfrastructure, type Infrastructure } from "../../infrastructure.js";
import type { Queues } from "../../jobs/queues.js";
import { QUEUE_NAMES } from "../../jobs/registry.js";
import { createLogger, type Logger } from "../../logger.js";
import { postgresDependency, redisDependency, waitForDependencies } from "../../ops/dependencies.js";
import { startBotApiServer, type BotApiServer } from "../bot-api-server.js";
import { startBotAndWorkers, type RunningApp } from "../../app.js";
import { createPlaygroundClock, shiftDelayedJobs, type PlaygroundClock } from "./clock.js";
import { createDemoJoinCodes, createDemoMeeting, emptyDatabase, loadDemoPeople } from "./demo-data.js";
import { EditTracker } from "./chat-view.js";
import { EventHub } from "./events.js";
import { startPageServer, type PageServer } from "./http.js";
import { operatorJobs, type OperatorJob } from "./jobs.js";
import { PersonaStore, telegramUserOf } from "./personas.js";

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

/** What the page's operations act on. */
export class PlaygroundRuntime {
  readonly personas: PersonaStore;
  readonly deps: AppDeps;
  readonly queues: Queues;
  readonly events: EventHub;
  readonly edits: EditTracker;
  private running: RunningApp | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly infrastructure: Infrastructure,
    readonly server: BotApiServer,
    readonly clock: PlaygroundClock,
    private readonly prefix: string,
  ) {
    this.deps = infrastructure.deps;
    this.queues = infrastructure.queues;
    this.personas = new PersonaStore(this.deps.prisma);
    // First: its "message" listener must see a new message before the page does.
    this.edits = new EditTracker(server);
    this.events = new EventHub(server, this.edits);
  }

  get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  async start(): Promise<void> {
    await this.loadFreshData();
  }

  /** Everything back to the start: data, chats, clock, queues, conversations. */
  reset(): Promise<void> {
    return this.exclusive(async () => {
      await this.running?.stop();
      this.running = null;
      this.server.reset();
      this.edits.clear();
      this.personas.forget();
      this.clock.reset();
      await this.loadFreshData();
      this.events.toAll({ type: "reset" });
    });
  }

  /** Moves the bot's clock forward; delayed jobs (reminders …) come due accordingly. */
  advanceClock(ms: number): Promise<number> {
    return this.exclusive(async () => {
      this.clock.advance(ms);
      const started = await shiftDelayedJobs(this.queues.connection, QUEUE_NAMES.map((name) => this.queues.get(name)), ms);
      this.events.toAll({ type: "clock", ...this.clockState() });
      return started;
    });
  }

  clockState(): { now: string; offsetMs: number } {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs };
  }

  jobs(): OperatorJob[] {
    return operatorJobs(this.deps);
  }

  async close(): Promise<void> {
    await this.busy.catch(() => undefined);
    await this.running?.stop().catch(() => undefined);
    this.running = null;
    this.events.close();
    await this.server.close().catch(() => undefined);
    await this.infrastructure.close();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private async loadFreshData(): Promise<void> {
    const { prisma, config } = this.deps;
    await deleteKeys(this.queues.connection, this.prefix);
    await emptyDatabase(prisma);
    await seed(prisma, loadSeedData());
    await loadDemoPeople(prisma, this.clock.now(), config.timeZone);
    await createDemoJoinCodes(this.deps);
    // The demo people have talked to the bot before: it may write to them.
    for (const persona of await this.personas.list()) this.server.addChat(telegramUserOf(persona));
    this.running = await startBotAndWorkers(this.deps, this.queues);
    // Their command menus, as the bot published them when they joined.
    const api = new Api(this.server.token, { apiRoot: this.server.apiRoot });
    const i18n = createI18n();
    for (const persona of await this.personas.list()) await publishCommandsFor(api, i18n, persona.id, persona.role, "id");
    await createDemoMeeting(this.deps);
  }
}

/** Deletes every Redis key under the playground's prefix (conversations, dedupe marks, queues). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}
