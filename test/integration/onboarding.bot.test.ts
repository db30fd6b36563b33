// The onboarding conversations driven through the real bot (in process) against the local
// Bot API server: /tautan creates and revokes links, /start <code> joins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotApiServer, BotMessage } from "../../src/dev/bot-api-server.js";
import type { TestDatabase } from "../support/db.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const ADMIN_ID = 9_100_001;
let db: TestDatabase;
let server: BotApiServer;
let app: InProcessBot;

beforeAll(async () => {
  app = await startInProcessBot({ label: "onboarding", env: { ADMIN_TELEGRAM_IDS: String(ADMIN_ID) } });
  ({ db, server } = app);
});

afterAll(async () => {
  await app?.close();
});

let nextUserId = 9_200_000;
function newUser(firstName = "Siti", lastName: string | null = "Aminah"): TelegramUser {
  nextUserId += 1;
  return new TelegramUser(server, { id: nextUserId, firstName, ...(lastName !== null && { lastName }) });
}
const admin = new Proxy({} as { user: TelegramUser }, {
  get: (target, key) => (key === "user" ? (target.user ??= new TelegramUser(server, { id: ADMIN_ID, firstName: "Petugas" })) : undefined),
});

const codeOf = (message: BotMessage) => /\?start=([A-Za-z0-9_-]+)/.exec(message.text ?? "")?.[1] ?? "";

async function createLink(button: string, role: string, days: string, uses: string): Promise<string> {
  const staff = admin.user;
  staff.say("/tautan");
  await staff.expectReply("Tautan undangan: apa yang ingin Anda lakukan?");
  staff.press("Buat tautan baru");
  await staff.expectReply("Untuk kelompok mana?");
  staff.press(button);
  await staff.expectReply(role === "" ? "lembaga mana" : "untuk siapa?");
  staff.press(role === "" ? "Lembaga mana saja (dipilih saat bergabung)" : role);
  await staff.expectReply("Berapa lama tautan ini berlaku?");
  staff.press(days);
  await staff.expectReply("Berapa orang yang boleh memakai tautan ini?");
  staff.press(uses);
  const created = await staff.expectReply("Tautan undangan sudah jadi");
  expect(created.text).toContain(`https://t.me/${server.me.username}?start=`);
  // The link's QR code follows as a photo (the same image as the console's printable sheet).
  const qr = await staff.expectReply((m) => m.photo !== undefined);
  expect(qr.caption).toContain("Kode QR tautan ini");
  return codeOf(created);
}

describe("/tautan and /start <code>", () => {
  it("greets a stranger without a code", async () => {
    const user = newUser();
    user.say("/start");
    await user.expectReply("Untuk bergabung, Anda perlu tautan undangan");
  });

  it("refuses /tautan to someone who is not staff", async () => {
    const user = newUser();
    user.say("/tautan");
    await user.expectReply("Maaf, perintah ini hanya untuk petugas.");
  });

  it("joins a member: consent, Telegram name, shared contact, confirmation", async () => {
    const code = await createLink("Mariojela", "Anggota", "14 hari", "10 orang");
    const user = newUser();
    user.say(`/start ${code}`);
    await user.expectReply("Tautan ini untuk bergabung dengan kelompok Mariojela (program Margasari Olah Jelantah (Mariojela)) sebagai anggota.");
    await user.expectReply("Undang-Undang No. 27 Tahun 2022 tentang Pelindungan Data Pribadi");
    user.press("Setuju");
    await user.expectReply("Siapa nama Anda?");
    user.press("Pakai nama: Siti Aminah");
    const phone = await user.expectReply("Boleh kami minta nomor HP Anda?");
    expect(phone.reply_markup).toMatchObject({ keyboard: [[{ text: "📱 Bagikan nomor HP", request_contact: true }], [{ text: "Lewati" }]] });
    user.shareContact("6281234567890");
    const thanks = await user.expectReply("Terima kasih.");
    expect(thanks.reply_markup).toEqual({ remove_keyboard: true });
    const summary = await user.expectReply("Mohon periksa sekali lagi:");
    expect(summary.text).toContain("Nama: Siti Aminah\nNomor HP: +6281234567890\nKelompok: Mariojela");
    user.press("Gabung");
    await user.expectReply("Selamat, Anda sudah bergabung dengan kelompok Mariojela!");

    const person = await db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) }, include: { memberships: true } });
    expect(person).toMatchObject({ name: "Siti Aminah", phone: "+6281234567890", status: "active" });
    expect(person.memberships).toHaveLength(1);
    await expect.poll(() => server.commands({ type: "chat", chat_id: user.id }).map((c) => c.command)).toContain("lapor");

    user.say(`/start ${code}`);
    await user.expectReply("Anda sudah terdaftar di kelompok Mariojela");
    user.say("/start");
    await user.expectReply("Anda sudah terdaftar.");
  });

  it("stores nothing when consent is refused", async () => {
    const code = await createLink("KSB Margasari", "Ketua kelompok", "7 hari", "1 orang");
    const user = newUser();
    user.say(`/start ${code}`);
    await user.expectReply("sebagai ketua kelompok");
    await user.expectReply("Apakah Anda setuju?");
    user.press("Tidak setuju");
    await user.expectReply("Kami tidak menyimpan data apa pun tentang Anda.");
    expect(await db.prisma.person.findUnique({ where: { telegramId: BigInt(user.id) } })).toBeNull();
    expect((await db.prisma.joinCode.findUniqueOrThrow({ where: { code } })).uses).toBe(0);
  });

  it("takes a typed name, a skipped phone, and a stakeholder's own choice of institution", async () => {
    const code = await createLink("Pemangku kepentingan", "", "30 hari", "50 orang");
    const user = newUser("🌸", null);
    user.say(`/start ${code}`);
    await user.expectReply("mendaftar sebagai pemangku kepentingan");
    await user.expectReply("Apakah Anda setuju?");
    user.press("Setuju");
    await user.expectReply("Siapa nama Anda? Tulis nama lengkap Anda.");
    user.say("A");
    await user.expectReply("Nama itu terlalu pendek.");
    user.say("Bapak Hendra Wijaya");
    await user.expectReply("Boleh kami minta nomor HP Anda?");
    user.say("08123456789");
    await user.expectReply("Nomor tidak perlu diketik");
    user.pressReply("Lewati");
    await user.expectReply("Baik, tanpa nomor HP.");
    await user.expectReply("Anda dari lembaga mana?");
    user.press("BPBD Kota Balikpapan");
    const summary = await user.expectReply("Mohon periksa sekali lagi:");
    expect(summary.text).toContain("Nomor HP: tidak diisi\nSebagai: pemangku kepentingan dari BPBD Kota Balikpapan");
    user.press("Gabung");
    await user.expectReply("Anda sudah terdaftar sebagai pemangku kepentingan dari BPBD Kota Balikpapan.");
    const person = await db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) }, include: { stakeholder: true } });
    expect(person).toMatchObject({ name: "Bapak Hendra Wijaya", phone: null, stakeholder: { code: "bpbd-balikpapan" } });
  });

  it("lists a group's links, revokes one, and then the code is refused kindly", async () => {
    const code = await createLink("ProKlim Muara Rapak", "Anggota", "7 hari", "50 orang");
    const staff = admin.user;
    staff.say("/tautan");
    await staff.expectReply("Tautan undangan");
    staff.press("Lihat & cabut tautan");
    await staff.expectReply("Untuk kelompok mana?");
    staff.press("ProKlim Muara Rapak");
    const list = await staff.expectReply("Tautan yang masih aktif untuk ProKlim Muara Rapak:");
    expect(list.text).toContain(`1. Anggota · sudah dipakai 0 dari 50 · berlaku sampai`);
    expect(list.text).toContain(code);
    staff.press("Cabut no. 1");
    await staff.expectReply("Tautan no. 1 sudah dicabut.");

    const user = newUser();
    user.say(`/start ${code}`);
    await user.expectReply("tautan undangan ini sudah dicabut");
    user.say("/start xyz");
    await user.expectReply("kode di tautan ini tidak lengkap atau salah");
    user.say("/start AAAAAAAAAAAAAAAAAAAAAA");
    await user.expectReply("tautan undangan ini tidak kami kenali");
  });
});
