// /ringkasan driven through the real bot (in process) against the local Bot API server:
// a coordinator picks a week of their group, staff pick a programme, the whole of it, a week;
// a member is refused. The clock is fixed on Monday 30 November 2026 08:00 WITA.
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { type BotApiServer } from "../../src/dev/bot-api-server.js";
import { dbDate } from "../../src/lib/week.js";
import type { TestDatabase } from "../support/db.js";
import { addKnownPerson, startInProcessBot, type InProcessBot, type KnownPerson } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

const NOW = new Date("2026-11-30T00:00:00Z");
let db: TestDatabase;
let server: BotApiServer;
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
const users: Record<string, TelegramUser> = {};
const personIds: Record<string, number> = {};
let nextId = 9_600_000;

async function join(key: string, data: { group?: string; role?: "member" | "coordinator"; staff?: boolean }) {
  const added = await addKnownPerson(rig, ++nextId, key, { ...data, groups: data.group ? [data.group] : [], joinedAt: new Date("2026-01-01T00:00:00Z") });
  users[key] = added.user;
  personIds[key] = added.personId;
}

async function report(member: string, weekStart: string, jelantah: string) {
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const indicator = await db.prisma.indicator.findFirstOrThrow({ where: { code: "jelantah-terkumpul", programme: { code: "mariojela" } } });
  await db.prisma.report.create({
    data: {
      groupId: group.id,
      memberId: personIds[member]!,
      submittedById: personIds[member]!,
      weekStart: dbDate(weekStart),
      values: { create: [{ indicatorId: indicator.id, value: jelantah }] },
    },
  });
}

beforeAll(async () => {
  rig = await startInProcessBot({ label: "summary-bot", clock: () => NOW });
  ({ db, server, redis, bot } = rig);
  await join("citra", { group: "mariojela-margasari", role: "coordinator" });
  await join("ani", { group: "mariojela-margasari" });
  await join("sari", { staff: true });
  await report("ani", "2026-11-09", "20");
  await report("ani", "2026-11-16", "40");
  await report("ani", "2026-11-23", "50.5");
});

afterAll(async () => {
  await rig?.close();
});

describe("/ringkasan", () => {
  it("is for coordinators and staff only", async () => {
    users.ani!.say("/ringkasan");
    await users.ani!.expectReply("Ringkasan mingguan hanya untuk ketua kelompok dan petugas CSR.");
  });

  it("gives a coordinator their group's week, with the chart", async () => {
    const citra = users.citra!;
    citra.say("/ringkasan");
    await citra.expectReply("Ringkasan untuk minggu yang mana?");
    citra.press("Minggu lalu (23–29 November 2026)");
    const photo = await citra.expectReply((m) => m.method === "sendPhoto" || (m.text ?? "").startsWith("📊"));
    const messages = citra.messages().filter((m) => !m.deleted);
    const text = messages.map((m) => m.text ?? m.caption ?? "").join("\n");
    expect(text).toContain("📊 Ringkasan minggu 23–29 November 2026");
    expect(text).toContain("• Jelantah terkumpul: 50,5 liter (naik 10,5 liter, +26,3%)");
    expect(text).toContain("Sejak awal 2026: 110,5 liter");
    expect(text).toContain("Sudah lapor: 1 dari 2 anggota (50%)");
    expect(text).toContain("Belum lapor: citra");
    const withPhoto = messages.find((m) => m.method === "sendPhoto") ?? photo;
    expect(withPhoto.method).toBe("sendPhoto");
    const file = server.files.get(withPhoto.photo!.at(-1)!.file_id)!;
    expect([...file.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // the "preparing" message with the week buttons is gone
    expect(messages.some((m) => (m.text ?? "").includes("minggu yang mana"))).toBe(false);
  });

  it("lets staff choose a programme, the whole of it or a group, and a week", async () => {
    const sari = users.sari!;
    sari.say("/ringkasan");
    await sari.expectReply("Ringkasan untuk program yang mana?");
    sari.press("Margasari Olah Jelantah (Mariojela)");
    await sari.expectReply("Margasari Olah Jelantah (Mariojela): ringkasan seluruh program, atau satu kelompok saja?");
    sari.press("Seluruh program");
    await sari.expectReply("Ringkasan untuk minggu yang mana?");
    sari.press("Minggu ini (30 November – 6 Desember 2026)");
    const reply = await sari.expectReply((m) => (m.text ?? m.caption ?? "").includes("Program: Margasari Olah Jelantah"));
    const text = reply.text ?? reply.caption ?? "";
    expect(text).toContain("📊 Ringkasan minggu 30 November – 6 Desember 2026");
    expect(text).toContain("• Jelantah terkumpul: belum ada laporan");
    expect(text).toContain("Sudah lapor: 0 dari 2 anggota (0%)");
  });

  it("makes one summary of a double tap on a week: the second press finds its message gone, and is stale", async () => {
    const citra = users.citra!;
    citra.say("/ringkasan");
    const question = await citra.expectReply("Ringkasan untuk minggu yang mana?");
    const first = citra.press("Minggu lalu (23–29 November 2026)", question);
    const second = citra.press("Minggu lalu (23–29 November 2026)", question);
    await citra.callbackAnswer(first);
    expect((await citra.callbackAnswer(second)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    // Updates of a chat are handled in order: once /bantuan is answered, whatever the presses made has come.
    citra.say("/bantuan");
    await citra.expectReply();
    const after = citra.messages().filter((m) => m.message_id > question.message_id);
    expect(after.filter((m) => (m.text ?? m.caption ?? "").startsWith("📊"))).toHaveLength(1);
    expect(after.filter((m) => (m.text ?? "").startsWith("Maaf, ada gangguan"))).toEqual([]);
  });

  it("gives staff every programme, one message each", async () => {
    const sari = users.sari!;
    sari.say("/ringkasan");
    await sari.expectReply("Ringkasan untuk program yang mana?");
    sari.press("Semua program");
    await sari.expectReply("Ringkasan untuk minggu yang mana?");
    sari.press("Minggu lalu (23–29 November 2026)");
    for (const programme of ["Kampung Siaga Bencana (KSB)", "Margasari Olah Jelantah (Mariojela)", "Pengelolaan Sampah Terpadu", "Peternakan Ayam", "Program Kampung Iklim"]) {
      await sari.expectReply((m) => (m.text ?? m.caption ?? "").includes(`Program: ${programme}`));
    }
  });
});
