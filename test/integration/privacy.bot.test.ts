// /dataku and /hapusdata driven through the real bot (in process) against the local Bot API
// server: the facts shown, the confirmation, the erasure in the middle of a /lapor, and the
// person unknown to the bot afterwards.
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { commandsFor } from "../../src/bot/commands.js";
import { type BotApiServer, type BotMessage } from "../../src/dev/bot-api-server.js";
import { CONFIRM_VALID_SECONDS } from "../../src/features/privacy/privacy.plan.js";
import type { TestDatabase } from "../support/db.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { recordingOutbox, type RecordingOutbox } from "../support/outbox.js";
import { TelegramUser } from "../support/telegram-user.js";

let db: TestDatabase;
let server: BotApiServer;
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
let outbox: RecordingOutbox;
let rina: TelegramUser;
let rinaId = 0;

beforeAll(async () => {
  outbox = recordingOutbox();
  rig = await startInProcessBot({ label: "privacy-bot", outbox });
  ({ db, server, redis, bot } = rig);
  rina = new TelegramUser(server, { id: 9_400_001, firstName: "Rina", username: "rina_mj" });
  server.addChat(rina.user);
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const person = await db.prisma.person.create({
    data: {
      telegramId: BigInt(rina.id),
      telegramUsername: "rina_mj",
      name: "Rina Marlina",
      phone: "+6281311112222",
      consentAt: new Date("2026-11-02T01:30:00Z"),
      consentVersion: "2026-11",
      memberships: { create: { groupId: group.id, joinedAt: new Date("2026-11-02T01:31:00Z") } },
    },
  });
  rinaId = person.id;
  await db.prisma.outgoingMessage.create({ data: { key: `remind-2026-W49-${rinaId}`, purpose: "weekly-reminder", personId: rinaId } });
});

afterAll(async () => {
  await rig?.close();
});

describe("/dataku", () => {
  it("shows what is stored, in plain Indonesian", async () => {
    rina.say("/dataku");
    const shown = await rina.expectReply("📋 Data Anda yang tersimpan di bot ini");
    const text = shown.text ?? "";
    expect(text).toContain("Nama: Rina Marlina");
    expect(text).toContain("Nomor HP: +6281311112222");
    expect(text).toContain("Nama pengguna Telegram: @rina_mj");
    expect(text).toContain("Bahasa: Bahasa Indonesia");
    expect(text).toContain("Status: aktif");
    expect(text).toContain("• Mariojela (program Margasari Olah Jelantah (Mariojela)): anggota, sejak Senin, 2 November 2026");
    expect(text).toContain("Anda menyetujuinya pada Senin, 2 November 2026 pukul 09.30 WITA (naskah persetujuan versi 2026-11).");
    expect(text).toContain("Belum ada laporan atas nama Anda.");
    expect(text).toContain("Belum ada undangan rapat untuk Anda.");
    expect(text).toContain("Pengingat laporan mingguan: menyala.");
    expect(text).toContain("ketik /hapusdata");
  });
});

describe("/hapusdata", () => {
  let confirm: BotMessage;

  it("explains what is erased and what stays, and does nothing on «Tidak»", async () => {
    rina.say("/hapusdata");
    confirm = await rina.expectReply("Anda yakin ingin menghapus data pribadi Anda?");
    expect(confirm.text).toContain("Yang dihapus saat itu juga:");
    expect(confirm.text).toContain("Yang tetap disimpan, tanpa nama:");
    rina.press("Tidak, batalkan", confirm);
    await rina.expectEdit(confirm, "tidak ada yang dihapus");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: rinaId } })).name).toBe("Rina Marlina");
  });

  it("refuses an old confirmation", async () => {
    const old = Math.floor(Date.now() / 1000) - CONFIRM_VALID_SECONDS - 60;
    const press = server.injectUpdate({
      callback_query: {
        id: "old-erase",
        from: { id: rina.id, is_bot: false, first_name: "Rina" },
        message: { message_id: confirm.message_id, date: Math.floor(Date.now() / 1000), chat: { id: rina.id, type: "private", first_name: "Rina" } },
        chat_instance: "1",
        data: `privacy:erase:${old}`,
      },
    });
    await rina.callbackAnswer(press);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: rinaId } })).status).toBe("active");
  });

  it("erases at once, even in the middle of /lapor, which ends with it", async () => {
    rina.say("/hapusdata");
    const again = await rina.expectReply("Anda yakin ingin menghapus data pribadi Anda?");
    rina.say("/lapor");
    await rina.expectReply("Laporan ini untuk minggu yang mana?");
    rina.press("Ya, hapus data saya", again);
    await rina.expectReply("Data pribadi Anda sudah dihapus dan persetujuan Anda sudah ditarik.");

    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: rinaId } });
    expect(person).toMatchObject({ telegramId: null, telegramUsername: null, name: null, phone: null, status: "erased" });
    expect((await db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key: `remind-2026-W49-${rinaId}` } })).status).toBe("skipped");
    expect(await db.prisma.privacyEvent.count({ where: { personId: rinaId, kind: "erased" } })).toBe(1);
    expect(await db.prisma.membership.count({ where: { personId: rinaId, status: "active" } })).toBe(0);
    expect(server.commands({ type: "chat", chat_id: rina.id }).map((c) => c.command)).toEqual(commandsFor("guest"));

    // The /lapor that was open is gone: a week's button or an answer reaches nobody's report.
    rina.say("5");
    await rina.expectReply("Untuk memakai bot ini, buka tautan undangan");
  });

  it("leaves the bot knowing nothing: /dataku has nothing to show", async () => {
    rina.say("/dataku");
    await rina.expectReply("Tidak ada data pribadi Anda yang tersimpan di bot ini.");
    rina.say("/hapusdata");
    await rina.expectReply("Tidak ada data pribadi Anda yang tersimpan di bot ini.");
  });
});
