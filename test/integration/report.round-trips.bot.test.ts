import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { CONSENT_TEXT_VERSION } from "../../src/features/onboarding/onboarding.rules.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

/** Wednesday 25 November 2026, 10:00 WITA (2026-W48). */
const NOW = new Date("2026-11-25T02:00:00Z");

/**
 * What one /lapor step costs in round trips to PostgreSQL and Redis, counted at the clients
 * while the bot handles the update to its end. The counts are kept here so that they cannot
 * grow unnoticed: a step that starts loading more shows up as a failing test, to be looked at
 * (and the count raised on purpose, or the load moved out of the step).
 */
describe("/lapor: round trips per step", () => {
  let app: InProcessBot;
  let prisma: PrismaClient;
  let user: TelegramUser;
  const sql: string[] = [];
  const redis: string[] = [];

  beforeAll(async () => {
    app = await startInProcessBot({
      label: "report-round-trips",
      clock: () => NOW,
      poll: false,
      prisma: (url) => {
        const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
        logged.$on("query", (event) => sql.push(event.query));
        prisma = logged;
        return logged;
      },
    });
    const client = app.redis;
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command, stream) => {
      redis.push(command.name);
      return send(command, stream);
    }) as typeof client.sendCommand;
    await app.redis.ping(); // connected before counting
    ({ user } = await addKnownPerson(app, 7_100_000_001, "Siti", { groups: ["sampah-margasari"] }));
    await app.db.prisma.person.updateMany({ where: { telegramId: 7_100_000_001n }, data: { consentAt: NOW, consentVersion: CONSENT_TEXT_VERSION } });
    await app.db.prisma.programme.updateMany({ data: { asksObstacles: false } });
  });

  afterAll(async () => {
    await app?.close();
    await prisma?.$disconnect();
  });

  /** Handles the update to its end (every write included) and returns what it cost. */
  async function step(update: Update): Promise<{ sql: number; redis: string[] }> {
    sql.length = 0;
    redis.length = 0;
    await app.bot.handleUpdate(update);
    if (process.env.SHOW_SQL) console.log(sql.map((q) => q.slice(0, 160)).join("\n"));
    return { sql: sql.length, redis: roundTrips(redis) };
  }

  /** Commands between MULTI and EXEC go in one round trip: they are listed as one "multi(…)". */
  function roundTrips(commands: string[]): string[] {
    const trips: string[] = [];
    let multi: string[] | null = null;
    for (const name of commands) {
      if (name === "multi") multi = [];
      else if (name === "exec" && multi) {
        trips.push(`multi(${multi.join(",")})`);
        multi = null;
      } else if (multi) multi.push(name);
      else trips.push(name);
    }
    return trips;
  }

  // Per update: the actor's lookup (2 queries: the person, their memberships), the duplicate
  // check, the conversation's state read and written with the handled mark in one MULTI (which
  // is the only mark: the duplicate filter does not mark again).
  // SHOW_SQL=1 prints each step's statements.
  const EVERY_STEP = ["exists", "get", "multi(set,set)"];

  it("asks for the week: the actor, the groups they report for (membership, group, programme)", async () => {
    const cost = await step(user.say("/lapor"));
    expect(user.lastMessage?.text).toContain("Laporan ini untuk minggu yang mana?");
    expect(cost).toEqual({ sql: 5, redis: EVERY_STEP });
  });

  it("the week chosen: the actor, the rights again, indicators, the stored report and the medians, once", async () => {
    const message = user.lastMessage!;
    const markup = message.reply_markup;
    const button = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat().find((b) => b.text.startsWith("Minggu ini")) : undefined;
    if (!button || !("callback_data" in button) || !button.callback_data) throw new Error("no «Minggu ini» button");
    const cost = await step(user.press(button.callback_data, message));
    expect(user.lastMessage?.text).toContain("(1/4)");
    expect(cost).toEqual({ sql: 10, redis: EVERY_STEP });
  });

  it("an answer: nothing beyond the actor, whatever the steps before loaded (replays read it from the state)", async () => {
    const cost = await step(user.say("12,5"));
    expect(user.lastMessage?.text).toContain("(2/4)");
    expect(cost).toEqual({ sql: 2, redis: EVERY_STEP });
  });

  it("the same answer delivered again: one check, no answer (the state's MULTI marked it handled)", async () => {
    const update = user.say("7");
    await step(update);
    expect(user.lastMessage?.text).toContain("(3/4)");
    const before = user.messages().length;
    const again = await step(update);
    expect(again).toEqual({ sql: 2, redis: ["exists"] });
    expect(user.messages()).toHaveLength(before);
  });

  it("Simpan: the actor, one transaction (rights, indicators, save key, version, report, values), then the week's totals", async () => {
    for (const [answer, next] of [
      ["1.250", "(4/4)"],
      ["Rp 150.000", "Ada foto kegiatan?"],
    ] as const) {
      await step(user.say(answer));
      expect(user.lastMessage?.text).toContain(next);
    }
    await step(user.press("Lewati"));
    await step(user.press("Lewati"));
    expect(user.lastMessage?.text).toContain("Periksa dulu laporannya:");
    const cost = await step(user.press("Simpan"));
    expect(user.lastMessage?.text).toContain("Tersimpan!");
    expect(cost).toEqual({ sql: 18, redis: ["exists", "get", "multi(del,set)"] });
  });
});
