import type { Bot } from "grammy";
import { Redis } from "ioredis";
import { pino } from "pino";
import type { AppDeps, Clock } from "../../src/app-deps.js";
import type { BotContext } from "../../src/bot/context.js";
import type { PrismaClient } from "../../src/db/client.js";
import { createBot } from "../../src/bot/create-bot.js";
import { loadConfig } from "../../src/config.js";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import type { Outbox } from "../../src/jobs/outgoing.types.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "./db.js";
import { recordingOutbox } from "./outbox.js";
import { TelegramUser } from "./telegram-user.js";

export type InProcessBot = {
  db: TestDatabase;
  server: BotApiServer;
  redis: Redis;
  bot: Bot<BotContext>;
  deps: AppDeps;
  /** stops the bot, the server, Redis, and drops the database */
  close(): Promise<void>;
};

/**
 * The real bot (createBot) polling a local Bot API server in the test process, on a fresh
 * seeded database and a Redis prefix of its own — for tests that drive one feature through
 * the chat without a child process. Queued messages go to `outbox` (a recording one by default).
 */
export async function startInProcessBot(options: {
  label: string;
  clock?: Clock;
  outbox?: Outbox;
  /** more configuration (e.g. ADMIN_TELEGRAM_IDS) */
  env?: Record<string, string>;
  /** the bot's own client on the test database (e.g. one that logs its queries); the test disconnects it */
  prisma?: (databaseUrl: string) => PrismaClient;
  /** false: the bot does not poll; the test feeds it updates with bot.handleUpdate */
  poll?: boolean;
}): Promise<InProcessBot> {
  const db = await freshDatabase({ seed: true });
  const server = await startBotApiServer();
  const config = loadConfig({ ...options.env, BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, DATABASE_URL: db.url, REDIS_URL: testRedisUrl() });
  const redis = new Redis(testRedisUrl(), { keyPrefix: `${testRedisPrefix(options.label)}:` });
  const deps: AppDeps = {
    config,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    prisma: options.prisma?.(db.url) ?? db.prisma,
    redis,
    clock: options.clock ?? (() => new Date()),
    outbox: options.outbox ?? recordingOutbox(),
  };
  const bot = createBot(deps, { botInfo: server.me });
  let running: Promise<void> = Promise.resolve();
  if (options.poll !== false) {
    await new Promise<void>((resolve) => {
      running = bot.start({ onStart: () => resolve() });
    });
  }
  return {
    db,
    server,
    redis,
    bot,
    deps,
    async close() {
      await bot.stop();
      await running.catch(() => undefined);
      await server.close();
      await redis.quit();
      await db.drop();
    },
  };
}

export type KnownPerson = {
  /** codes of the groups they are an active member of */
  groups?: string[];
  role?: "member" | "coordinator";
  /** membership start (default: now) */
  joinedAt?: Date;
  /** code of the institution they speak for */
  stakeholder?: string;
  staff?: boolean;
  /** false: a member without Telegram (no telegram id) */
  telegram?: boolean;
};

/**
 * A person who has talked to the bot before (their chat exists, so the bot may write first),
 * named `name`, with a Telegram user to act as them.
 */
export async function addKnownPerson(app: InProcessBot, telegramId: number, name: string, data: KnownPerson = {}): Promise<{ user: TelegramUser; personId: number }> {
  const { db, server } = app;
  const user = new TelegramUser(server, { id: telegramId, firstName: name });
  server.addChat(user.user);
  const groups = await Promise.all((data.groups ?? []).map((code) => db.prisma.group.findUniqueOrThrow({ where: { code } })));
  const stakeholder = data.stakeholder ? await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: data.stakeholder } }) : null;
  const person = await db.prisma.person.create({
    data: {
      telegramId: data.telegram === false ? null : BigInt(telegramId),
      name,
      staffRole: data.staff ? "staff" : null,
      stakeholderId: stakeholder?.id ?? null,
      memberships: {
        create: groups.map((g) => ({ groupId: g.id, ...(data.role && { role: data.role }), ...(data.joinedAt && { joinedAt: data.joinedAt }) })),
      },
    },
  });
  return { user, personId: person.id };
}
