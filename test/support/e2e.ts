// End-to-end harness: the built bot (dist/main.js) as a child process against the local Bot
// API server, on a fresh seeded database and a Redis key prefix of its own; the test plays
// the users. One harness per test file (beforeAll), one Telegram user id per test.
import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { afterEach, expect, inject } from "vitest";
import { startBotApiServer, type BotApiServer, type BotMessage } from "../../src/dev/bot-api-server.js";
import { CONSENT_TEXT_VERSION } from "../../src/features/onboarding/onboarding.rules.js";
import { weekFromKey } from "../../src/lib/week.js";
import { BotProcess } from "./bot-process.js";
import { runCliProcess, type CliRun } from "./cli-process.js";
import { freshDatabase, testRedisUrl, type TestDatabase } from "./db.js";
import { TelegramUser, type TelegramUserProfile } from "./telegram-user.js";

export type E2E = {
  db: TestDatabase;
  server: BotApiServer;
  bot: BotProcess;
  redisPrefix: string;
  /** A new Telegram user with an id never used in this file. */
  user(profile?: Partial<TelegramUserProfile>): TelegramUser;
  /** A Telegram user with a given id (an admin from ADMIN_TELEGRAM_IDS, say). */
  userWithId(id: number, profile?: Partial<TelegramUserProfile>): TelegramUser;
  /** Stops the bot, closes the server, drops the database and deletes the Redis keys. */
  close(): Promise<void>;
};

export type E2EOptions = {
  /** Short label for the Redis prefix (letters, digits, dashes). */
  label: string;
  adminIds?: number[];
  env?: Record<string, string>;
  /** First Telegram id handed out by user(); distinct per file keeps logs readable. */
  firstUserId?: number;
  /** The log line that says the bot is ready (default: long polling's). */
  readyMessage?: string;
  /** How the bot reaches PostgreSQL and Redis, when not directly (through a TcpProxy, say); the test itself connects directly. */
  reach?: { databaseUrl?: (url: string) => string; redisUrl?: string };
};

/**
 * REDIS_KEY_PREFIX allows 40 characters of [A-Za-z0-9:_-], so testRedisPrefix() (made for
 * BullMQ prefixes) can be too long here: this one is short and still unique per file and run.
 */
function e2eRedisPrefix(label: string): string {
  return `le2e:${inject("testRunId")}:${label.slice(0, 12)}:${randomBytes(3).toString("hex")}:`;
}

export async function startE2E(opts: E2EOptions): Promise<E2E> {
  const db = await freshDatabase({ seed: true });
  const server = await startBotApiServer();
  const redisPrefix = e2eRedisPrefix(opts.label);
  const bot = new BotProcess({
    apiRoot: server.apiRoot,
    botToken: server.token,
    databaseUrl: opts.reach?.databaseUrl?.(db.url) ?? db.url,
    redisUrl: opts.reach?.redisUrl ?? testRedisUrl(),
    redisKeyPrefix: redisPrefix,
    adminTelegramIds: (opts.adminIds ?? []).join(","),
    env: { SEED_WHEN_EMPTY: "false", ...opts.env },
    ...(opts.readyMessage !== undefined && { readyMessage: opts.readyMessage }),
  });
  try {
    await bot.start();
  } catch (error) {
    await server.close();
    await db.drop();
    throw error;
  }
  let nextId = opts.firstUserId ?? 8_000_000_000;
  const userWithId = (id: number, profile: Partial<TelegramUserProfile> = {}) =>
    new TelegramUser(server, { firstName: "Pengguna", ...profile, id });
  return {
    db,
    server,
    bot,
    redisPrefix,
    user: (profile = {}) => userWithId(++nextId, profile),
    userWithId,
    async close() {
      await bot.stop().catch(() => undefined);
      await server.close().catch(() => undefined);
      await db.drop().catch(() => undefined);
      await deleteRedisKeys(redisPrefix).catch(() => undefined);
    },
  };
}

/** Each test of the file fails when the bot logged an error while it ran. */
export function failTestsOnBotErrors(e2e: () => E2E | undefined): void {
  let seen = 0;
  afterEach(() => {
    const errors = e2e()?.bot.errors() ?? [];
    const fresh = errors.slice(seen);
    seen = errors.length;
    expect(fresh, "the bot logged errors").toEqual([]);
  });
}

/** Deletes every key under a prefix (conversation state, dedupe marks). */
export async function deleteRedisKeys(prefix: string, url = testRedisUrl()): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
  return deleted;
}

/** The environment the bot process runs with (its database, Redis and prefix, Bot API server), for the CLI. */
export function botEnv(e2e: E2E): Record<string, string> {
  return {
    DATABASE_URL: e2e.db.url,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: e2e.redisPrefix,
    BOT_TOKEN: e2e.server.token,
    TELEGRAM_API_ROOT: e2e.server.apiRoot,
    LOG_LEVEL: "info",
  };
}

/** `npm run cli -- <args>` (the built CLI) against this file's bot: same database, Redis prefix and Bot API server. */
export function runCli(e2e: E2E, args: string[], timeoutMs?: number): Promise<CliRun> {
  return runCliProcess(args, botEnv(e2e), timeoutMs === undefined ? {} : { timeoutMs });
}

// ── the database, directly ─────────────────────────────────────────────────────────

export async function groupByCode(db: TestDatabase, code: string) {
  return db.prisma.group.findUniqueOrThrow({ where: { code }, include: { programme: true } });
}

/**
 * A person who joined and consented, with an active membership in the group (and, with
 * `stakeholderCode`, who also speaks for that institution).
 */
export async function addMember(
  db: TestDatabase,
  input: { telegramId: number; name: string; groupCode: string; role?: "member" | "coordinator"; language?: "id" | "en"; stakeholderCode?: string },
): Promise<number> {
  const group = await groupByCode(db, input.groupCode);
  const stakeholder = input.stakeholderCode ? await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: input.stakeholderCode } }) : null;
  const person = await db.prisma.person.create({
    data: {
      telegramId: BigInt(input.telegramId),
      name: input.name,
      language: input.language ?? "id",
      consentAt: new Date(),
      consentVersion: CONSENT_TEXT_VERSION,
      ...(stakeholder && { stakeholderId: stakeholder.id }),
      memberships: { create: { groupId: group.id, role: input.role ?? "member" } },
    },
    select: { id: true },
  });
  return person.id;
}

/** A person of a stakeholder institution (no group) who joined and consented. */
export async function addStakeholderPerson(db: TestDatabase, input: { telegramId: number; name: string; stakeholderCode: string }): Promise<number> {
  const stakeholder = await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: input.stakeholderCode } });
  const person = await db.prisma.person.create({
    data: {
      telegramId: BigInt(input.telegramId),
      name: input.name,
      consentAt: new Date(),
      consentVersion: CONSENT_TEXT_VERSION,
      stakeholderId: stakeholder.id,
    },
    select: { id: true },
  });
  return person.id;
}

/** A member plus the user who plays them. */
export async function memberUser(
  e2e: E2E,
  groupCode: string,
  opts: {
    name?: string;
    role?: "member" | "coordinator";
    language?: "id" | "en";
    /** also a person of this stakeholder institution */
    stakeholderCode?: string;
    /** the user has talked to the bot before (when they joined), so the bot may write first: invitations, reminders */
    knownChat?: boolean;
  } = {},
): Promise<{ user: TelegramUser; personId: number }> {
  const name = opts.name ?? "Siti Aminah";
  const user = e2e.user(profileOf(name));
  const personId = await addMember(e2e.db, {
    telegramId: user.id,
    name,
    groupCode,
    ...(opts.role && { role: opts.role }),
    ...(opts.language && { language: opts.language }),
    ...(opts.stakeholderCode && { stakeholderCode: opts.stakeholderCode }),
  });
  if (opts.knownChat) e2e.server.addChat(user.user);
  return { user, personId };
}

/** A stakeholder person plus the user who plays them; they have talked to the bot before. */
export async function stakeholderUser(e2e: E2E, stakeholderCode: string, name: string): Promise<{ user: TelegramUser; personId: number }> {
  const user = e2e.user(profileOf(name));
  const personId = await addStakeholderPerson(e2e.db, { telegramId: user.id, name, stakeholderCode });
  e2e.server.addChat(user.user);
  return { user, personId };
}

/** A CSR staff member (Person.staffRole "staff") plus the user who plays them. */
export async function staffUser(e2e: E2E, name: string): Promise<{ user: TelegramUser; personId: number }> {
  const user = e2e.user(profileOf(name));
  const person = await e2e.db.prisma.person.create({ data: { telegramId: BigInt(user.id), name, staffRole: "staff" }, select: { id: true } });
  e2e.server.addChat(user.user);
  return { user, personId: person.id };
}

function profileOf(name: string): { firstName: string; lastName?: string } {
  const [firstName = name, ...rest] = name.split(" ");
  return { firstName, ...(rest.length > 0 && { lastName: rest.join(" ") }) };
}

/** Indicator ids of a group's programme by code. */
export async function indicatorIds(db: TestDatabase, groupCode: string): Promise<Record<string, number>> {
  const group = await groupByCode(db, groupCode);
  const rows = await db.prisma.indicator.findMany({ where: { programmeId: group.programmeId } });
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** Every version of a member's reports, oldest first, values as decimal strings by indicator code. */
export async function reportsOf(db: TestDatabase, memberId: number) {
  const rows = await db.prisma.report.findMany({
    where: { memberId },
    orderBy: [{ weekStart: "asc" }, { version: "asc" }],
    include: { values: { include: { indicator: { select: { code: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    weekStart: r.weekStart.toISOString().slice(0, 10),
    version: r.version,
    current: r.current,
    supersededAt: r.supersededAt,
    submittedById: r.submittedById,
    photoFileId: r.photoFileId,
    note: r.note,
    values: Object.fromEntries(r.values.map((v) => [v.indicator.code, v.value.toFixed()])),
  }));
}

// ── buttons ────────────────────────────────────────────────────────────────────────

export function buttons(message: BotMessage): Array<{ text: string; data: string }> {
  const markup = message.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? (b.callback_data ?? "") : "" }));
}

/** The button of `message` whose text starts with `prefix` (e.g. "Minggu ini"); throws if none. */
export function buttonStartingWith(message: BotMessage, prefix: string): { text: string; data: string } {
  const found = buttons(message).find((b) => b.text.startsWith(prefix));
  if (!found) throw new Error(`no button starting with "${prefix}" on: ${buttons(message).map((b) => b.text).join(" | ")}`);
  return found;
}

/** The reporting week a week button stands for: its callback data ends with `:w:<key>`. */
export function weekKeyOf(data: string): string {
  const key = /:w:(\d{4}-W\d{2})$/.exec(data)?.[1];
  if (!key) throw new Error(`not a week button: ${data}`);
  return key;
}

/** The Monday stored in report.week_start ("2026-11-23") for a week key, in the bot's default zone. */
export function weekStartOf(key: string, zone = "Asia/Makassar"): string {
  const week = weekFromKey(key, zone);
  if (!week) throw new Error(`not a week key: ${key}`);
  return week.startDate;
}

// ── flows ──────────────────────────────────────────────────────────────────────────

/** /lapor (one group, reporting for oneself) → the week question; presses `which` and returns that week's key. */
/**
 * SIGKILLs the bot process the moment it sends `user` a message starting with `prefix` — that
 * is, while it is still handling the update that led to it. Returns a function that removes
 * the trap.
 */
export function killBotWhenItSays(e2e: E2E, user: TelegramUser, prefix: string): () => void {
  const pid = e2e.bot.pid!;
  let killed = false;
  const trap = (m: { chat: { id: number }; text?: string }) => {
    if (!killed && m.chat.id === user.id && m.text?.startsWith(prefix)) {
      killed = true;
      process.kill(pid, "SIGKILL");
    }
  };
  e2e.server.on("message", trap);
  return () => void e2e.server.off("message", trap);
}

/** At «Ada foto kegiatan?»: no photo, no note, no obstacle (the report's summary comes next). */
export async function skipPhotoAndNote(user: TelegramUser): Promise<void> {
  await user.expectReply("Ada foto kegiatan?");
  user.press("Lewati");
  await user.expectReply("Ada catatan");
  user.press("Lewati");
  await user.expectReply("Ada kendala minggu ini?");
  user.press("Lewati");
}

export async function startReport(user: TelegramUser, which: "Minggu ini" | "Minggu lalu" = "Minggu ini"): Promise<string> {
  user.say("/lapor");
  const weeks = await user.expectReply("Laporan ini untuk minggu yang mana?");
  const button = buttonStartingWith(weeks, which);
  user.press(button.data, weeks);
  return weekKeyOf(button.data);
}

/**
 * A callback query Telegram never saw: from `user`, on `message` in the user's own chat, with
 * any data (what a modified client can send).
 */
export function forgeCallback(server: BotApiServer, user: TelegramUser, message: BotMessage, data: string, id: string): Update {
  return server.injectUpdate({
    callback_query: {
      id,
      from: { id: user.id, is_bot: false, first_name: user.user.first_name },
      message: {
        message_id: message.message_id,
        date: message.date,
        chat: { id: user.id, type: "private", first_name: user.user.first_name },
        text: message.text ?? "",
      },
      chat_instance: `ci${user.id}`,
      data,
    },
  } as Omit<Update, "update_id">);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
