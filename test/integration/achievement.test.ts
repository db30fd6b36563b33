// /capaian: the service against real PostgreSQL, and the command through the real bot (in
// process) against the local Bot API server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app-deps.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { BotApiServer } from "../../src/dev/bot-api-server.js";
import { achievementDeps } from "../../src/features/achievement/achievement.feature.js";
import { yearAchievements } from "../../src/features/achievement/achievement.service.js";
import { achievementMessages, groupSentence } from "../../src/features/achievement/achievement.texts.js";
import type { TestDatabase } from "../support/db.js";
import { ANI_TG, seedReports2021, STAFF_TG, type Fixture } from "../support/reports-2021.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const ZONE = "Asia/Makassar";
const i18n = createI18n();
const tId = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
const tEn = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);

let db: TestDatabase;
let fx: Fixture;
let server: BotApiServer;
let app: InProcessBot;
const now = new Date("2022-01-25T01:00:00Z");

beforeAll(async () => {
  app = await startInProcessBot({ label: "achievement", clock: () => now });
  ({ db, server } = app);
  fx = await seedReports2021(db.prisma);
});

afterAll(async () => {
  await app?.close();
});

function svc() {
  return achievementDeps({ prisma: db.prisma, clock: () => now, config: { timeZone: ZONE } as AppDeps["config"] });
}

describe("yearAchievements", () => {
  it("sums ISO year 2021 in SQL to the seed document's own figures, and phrases them", async () => {
    const result = await yearAchievements(svc(), { isStaff: true, memberGroupIds: [] }, 2021);
    if (result.kind !== "ok") throw new Error(result.kind);
    expect([result.firstWeekStartDate, result.lastWeekStartDate]).toEqual(["2021-01-04", "2021-12-27"]);
    const groups = result.programmes.flatMap((p) => p.groups);
    const mariojela = groups.find((g) => g.groupId === fx.mariojela.id)!;
    const petratonik = groups.find((g) => g.groupId === fx.petratonik.id)!;
    const totalOf = (g: typeof mariojela, id: number) => Number(g.totals.find((t) => t.indicatorId === id)!.total);
    expect(totalOf(mariojela, fx.indicators.jelantah)).toBe(789.5);
    expect(totalOf(mariojela, fx.indicators.lilin)).toBe(255);
    expect(totalOf(petratonik, fx.indicators.maggot)).toBe(434);
    expect(totalOf(petratonik, fx.indicators.kasgot)).toBe(174);

    const sentence = groupSentence(tId, "id", mariojela);
    expect(sentence).toMatch(/^Kelompok Mariojela mengumpulkan 789,5 liter jelantah, menjual 255 produk lilin dan memperoleh pendapatan Rp [\d.]+\.$/);
    expect(groupSentence(tId, "id", petratonik)).toBe(
      "Kelompok Petratonik Karang Joang menghasilkan 434 kg maggot Black Soldier Fly (BSF) dan memperoleh kasgot sebanyak 174 kg.",
    );
    expect(groupSentence(tEn, "en", petratonik)).toBe(
      "Group Petratonik Karang Joang produced 434 kg of Black Soldier Fly (BSF) maggots and obtained 174 kg of kasgot (maggot frass).",
    );
    const ksb = groups.find((g) => g.groupName === "KSB Margasari")!;
    expect(groupSentence(tId, "id", ksb)).toBe("Kelompok KSB Margasari: belum ada laporan untuk tahun ini.");
  });

  it("gives the exact two figures once income is left out", async () => {
    const result = await yearAchievements(svc(), { isStaff: false, memberGroupIds: [fx.mariojela.id] }, 2021);
    if (result.kind !== "ok") throw new Error(result.kind);
    const mariojela = result.programmes[0]!.groups[0]!;
    const withoutIncome = { ...mariojela, totals: mariojela.totals.filter((t) => t.indicatorId !== fx.indicators.pendapatan) };
    expect(groupSentence(tId, "id", withoutIncome)).toBe("Kelompok Mariojela mengumpulkan 789,5 liter jelantah dan menjual 255 produk lilin.");
  });

  it("shows a member only their own groups, without programme headings", async () => {
    const result = await yearAchievements(svc(), { isStaff: false, memberGroupIds: [fx.petratonik.id] }, 2021);
    if (result.kind !== "ok") throw new Error(result.kind);
    expect(result.byProgramme).toBe(false);
    expect(result.programmes.flatMap((p) => p.groups.map((g) => g.groupId))).toEqual([fx.petratonik.id]);
  });

  it("counts the neighbouring ISO years apart: 2020-W53 and 2022-W01 hold only the noise", async () => {
    const y2020 = await yearAchievements(svc(), { isStaff: false, memberGroupIds: [fx.mariojela.id] }, 2020);
    const y2022 = await yearAchievements(svc(), { isStaff: false, memberGroupIds: [fx.mariojela.id] }, 2022);
    if (y2020.kind !== "ok" || y2022.kind !== "ok") throw new Error("no groups");
    expect(groupSentence(tId, "id", y2020.programmes[0]!.groups[0]!)).toBe("Kelompok Mariojela mengumpulkan 100 liter jelantah dan menjual 10 produk lilin.");
    expect(groupSentence(tId, "id", y2022.programmes[0]!.groups[0]!)).toBe("Kelompok Mariojela mengumpulkan 200 liter jelantah dan menjual 20 produk lilin.");
  });

  it("has nothing for someone in no group", async () => {
    expect(await yearAchievements(svc(), { isStaff: false, memberGroupIds: [] }, 2021)).toEqual({ kind: "no-groups" });
  });

  it("splits a long answer into messages Telegram accepts", async () => {
    const result = await yearAchievements(svc(), { isStaff: true, memberGroupIds: [] }, 2021);
    if (result.kind !== "ok") throw new Error(result.kind);
    const many = { ...result, programmes: Array.from({ length: 40 }, () => result.programmes).flat() };
    const messages = achievementMessages(tId, "id", ZONE, many);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.length <= 4000)).toBe(true);
  });
});

describe("/capaian through the bot", () => {
  it("answers staff with every group, grouped by programme", async () => {
    const staff = new TelegramUser(server, { id: STAFF_TG, firstName: "Petugas" });
    staff.say("/capaian 2021");
    const reply = await staff.expectReply("🏆 Capaian tahun 2021");
    // The period in dates a member reads, not ISO week codes ("2021-W01 – 2021-W52").
    expect(reply.text).toContain("🏆 Capaian tahun 2021\n(4 Januari 2021 – 2 Januari 2022)\n");
    expect(reply.text).not.toMatch(/\d{4}-W\d{2}/);
    expect(reply.text).toContain("📌 Margasari Olah Jelantah (Mariojela)\nKelompok Mariojela mengumpulkan 789,5 liter jelantah, menjual 255 produk lilin dan memperoleh pendapatan Rp");
    expect(reply.text).toContain("Kelompok Petratonik Karang Joang menghasilkan 434 kg maggot Black Soldier Fly (BSF) dan memperoleh kasgot sebanyak 174 kg.");
    expect(reply.text).toContain("Kelompok KSB Baru Tengah: belum ada laporan untuk tahun ini.");
  });

  it("answers a member with their own group only, for the current year by default", async () => {
    const ani = new TelegramUser(server, { id: ANI_TG, firstName: "Ani" });
    ani.say("/capaian");
    const reply = await ani.expectReply("🏆 Capaian tahun 2022");
    expect(reply.text).toContain("Kelompok Mariojela mengumpulkan 200 liter jelantah dan menjual 20 produk lilin.");
    expect(reply.text).not.toContain("Petratonik");
    expect(reply.text).not.toContain("📌");
  });

  it("explains a year it cannot read", async () => {
    const ani = new TelegramUser(server, { id: ANI_TG, firstName: "Ani" });
    ani.say("/capaian 1999");
    await ani.expectReply("Maaf, tahunnya belum bisa saya baca. Tulis tahun dengan empat angka, antara 2000 dan 2100, misalnya: /capaian 2021");
  });

  it("asks someone who never joined to join first", async () => {
    const stranger = new TelegramUser(server, { id: 9_499_999, firstName: "Tamu" });
    stranger.say("/capaian 2021");
    await stranger.expectReply("Halo! Untuk memakai bot ini");
  });
});
