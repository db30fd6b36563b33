// /berhenti and /mulai through the real bot (in process) against the local Bot API server, and
// the reminder's "Lapor sekarang" button opening /lapor for its group and week.
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createI18n } from "../../src/bot/i18n.js";
import { type BotApiServer } from "../../src/dev/bot-api-server.js";
import { reminderMessage } from "../../src/features/reminder/reminder.jobs.js";
import { weekOf } from "../../src/lib/week.js";
import type { TestDatabase } from "../support/db.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const WITA = "Asia/Makassar";
const i18n = createI18n();
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
let db: TestDatabase;
let server: BotApiServer;
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
let ani: TelegramUser;
let aniId: number;
let groupId: number;

beforeAll(async () => {
  rig = await startInProcessBot({ label: "reminder-bot" });
  ({ db, server, redis, bot } = rig);
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  groupId = group.id;
  ani = new TelegramUser(server, { id: 9_600_001, firstName: "Ani" });
  server.addChat(ani.user);
  const person = await db.prisma.person.create({
    data: { telegramId: 9_600_001n, name: "Ani", consentAt: new Date(), memberships: { create: { groupId } } },
  });
  aniId = person.id;
});

afterAll(async () => {
  await rig?.close();
});

const remindersOff = async () => (await db.prisma.person.findUniqueOrThrow({ where: { id: aniId } })).remindersOff;

describe("/berhenti and /mulai", () => {
  it("/berhenti turns the reminders off, says how to undo it, and is recorded", async () => {
    ani.say("/berhenti");
    const reply = await ani.expectReply();
    expect(reply.text).toBe(t("reminder-off"));
    expect(reply.text).toContain("/mulai");
    expect(await remindersOff()).toBe(true);
    ani.say("/berhenti");
    expect((await ani.expectReply()).text).toBe(t("reminder-off-already"));
  });

  it("/mulai turns them back on", async () => {
    ani.say("/mulai");
    expect((await ani.expectReply()).text).toBe(t("reminder-on"));
    expect(await remindersOff()).toBe(false);
    ani.say("/mulai");
    expect((await ani.expectReply()).text).toBe(t("reminder-on-already"));
    const events = await db.prisma.privacyEvent.findMany({ where: { personId: aniId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["reminders_off", "reminders_on"]);
  });

  it("someone who has not joined is pointed to the invitation link", async () => {
    const stranger = new TelegramUser(server, { id: 9_600_099, firstName: "Tamu" });
    stranger.say("/berhenti");
    expect((await stranger.expectReply()).text).toBe(t("common-not-joined"));
  });
});

describe("the reminder's button", () => {
  it("Lapor sekarang opens /lapor for the reminder's group and week, without asking which", async () => {
    const week = weekOf(new Date(), WITA);
    const message = reminderMessage(t, "id", WITA, { slot: "first", week, groupId, groupName: "Mariojela", personName: "Ani", weekOver: false });
    await bot.api.sendMessage(ani.id, message.text, { reply_markup: message.replyMarkup });
    await ani.expectReply();
    ani.press("📝 Lapor sekarang");
    const question = await ani.expectReply();
    expect(question.text).not.toBe(t("report-choose-week"));
    expect(question.text).not.toBe(t("report-choose-group"));
    expect(question.text).toMatch(/jelantah/i); // the first indicator of Mariojela
    ani.say("/batal");
    await ani.expectReply();
  });
});
