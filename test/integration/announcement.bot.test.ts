// /umumkan driven through the real bot (in process) against the local Bot API server, with a
// recording outbox: the text, the photo, the audience with head-counts, the preview exactly
// as recipients will see it, Ubah, Kirim.
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { type BotApiServer, type BotMessage } from "../../src/dev/bot-api-server.js";
import type { TestDatabase } from "../support/db.js";
import { addKnownPerson, startInProcessBot, type InProcessBot, type KnownPerson } from "../support/in-process-bot.js";
import { recordingOutbox, type RecordingOutbox } from "../support/outbox.js";
import type { TelegramUser } from "../support/telegram-user.js";

let db: TestDatabase;
let server: BotApiServer;
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
let outbox: RecordingOutbox;
const users: Record<string, TelegramUser> = {};
const personIds: Record<string, number> = {};
let nextId = 9_500_000;

async function join(key: string, data: KnownPerson) {
  const added = await addKnownPerson(rig, ++nextId, key, data);
  users[key] = added.user;
  personIds[key] = added.personId;
}

const labels = (m: BotMessage) => (m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup.inline_keyboard.flat().map((b) => b.text) : []);

beforeAll(async () => {
  outbox = recordingOutbox();
  rig = await startInProcessBot({ label: "announcement-bot", outbox });
  ({ db, server, redis, bot } = rig);
  await join("staff", { staff: true });
  await join("ani", { groups: ["mariojela-margasari"] });
  await join("budi", { groups: ["mariojela-margasari", "ksb-baru-tengah"] });
  await join("citra", { groups: ["ksb-baru-tengah"] });
  await join("eko", { groups: ["ksb-baru-tengah"], telegram: false });
});

afterAll(async () => {
  await rig?.close();
});

describe("/umumkan", () => {
  it("is refused to a member", async () => {
    users.ani!.say("/umumkan");
    await users.ani!.expectReply("Maaf, perintah ini hanya untuk petugas.");
  });

  it("takes a text, then a photo, the audience, shows the preview, lets staff edit, and sends", async () => {
    const staff = users.staff!;
    staff.say("/umumkan");
    await staff.expectReply("Baik, kita buat pengumuman.");
    await staff.expectReply("Tulis isi pengumumannya.");
    staff.sendSticker();
    await staff.expectReply("Tulis isi pengumumannya, atau kirim foto dengan keterangan.");
    staff.say("Pelatihan membuat lilin hari Kamis.");
    await staff.expectReply("Tambahkan foto?");
    staff.say("tidak");
    await staff.expectReply("Kirim sebuah foto, atau tekan tombol");
    const sentPhoto = staff.sendPhoto({ caption: "diabaikan" });
    const photo = sentPhoto.message!.photo!;
    const fileId = photo[photo.length - 1]!.file_id;

    const audience = await staff.expectReply("Pengumuman ini untuk siapa?");
    expect(labels(audience)).toEqual(
      expect.arrayContaining([
        "Program: Margasari Olah Jelantah (Mariojela) (2)",
        "Program: Kampung Siaga Bencana (KSB) (2)",
        "Kelompok Mariojela (2)",
        "Kelompok KSB Baru Tengah (2)",
        "Kelompok KSB Margasari (0)",
        "Lanjut ➜ (0 orang)",
      ]),
    );
    staff.press("Lanjut ➜ (0 orang)", audience);
    await staff.expectReply("Belum ada yang dipilih.");
    staff.press("Kelompok KSB Margasari (0)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("✓ Kelompok KSB Margasari (0)"));
    staff.press("Lanjut ➜ (0 orang)", audience);
    await staff.expectReply("belum ada anggota yang bisa dihubungi");
    staff.press("✓ Kelompok KSB Margasari (0)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Kelompok KSB Margasari (0)"));
    staff.press("Program: Margasari Olah Jelantah (Mariojela) (2)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Lanjut ➜ (2 orang)"));
    staff.press("Kelompok KSB Baru Tengah (2)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Lanjut ➜ (3 orang)"));
    staff.press("Lanjut ➜ (3 orang)", audience);

    await staff.expectReply("Begini pengumuman yang akan diterima setiap orang:");
    const preview = await staff.expectReply("📢 Pengumuman");
    expect(preview.photo?.[preview.photo.length - 1]?.file_id).toBe(fileId);
    expect(preview.caption).toBe("📢 Pengumuman\n\nPelatihan membuat lilin hari Kamis.");
    const question = await staff.expectReply("Pengumuman di atas akan dikirim ke 3 orang:");
    expect(question.text).toContain("Program: Margasari Olah Jelantah (Mariojela), Kelompok KSB Baru Tengah.");

    staff.press("Ubah", question);
    await staff.expectReply("Bagian mana yang mau diubah?");
    staff.press("Teks");
    await staff.expectReply("Tulis isi pengumuman yang baru (paling banyak 1.000 huruf");
    staff.say("x".repeat(1001));
    await staff.expectReply("Teksnya terlalu panjang: 1.001 huruf, padahal paling banyak 1.000.");
    staff.say("Pelatihan membuat lilin hari Kamis jam 09.00 di balai RW.");
    await staff.expectReply("Begini pengumuman");
    expect((await staff.expectReply("📢 Pengumuman")).caption).toContain("jam 09.00 di balai RW.");
    await staff.expectReply("Kirim sekarang?");
    staff.press("Kirim");
    await staff.expectReply("Pengumuman sedang dikirim ke 3 orang.");

    const announcement = await db.prisma.announcement.findFirstOrThrow();
    expect(announcement).toMatchObject({ text: "Pelatihan membuat lilin hari Kamis jam 09.00 di balai RW.", photoFileId: fileId, createdById: personIds.staff, reportedAt: null });
    const expected = ["ani", "budi", "citra"].map((k) => personIds[k]!).sort((a, b) => a - b);
    expect(outbox.requests.map((r) => r.personId).sort((a, b) => a - b)).toEqual(expected);
    expect(outbox.requests.every((r) => r.purpose === "announcement" && r.announcementId === announcement.id && r.key === `announce-${announcement.id}-${r.personId}`)).toBe(true);
    expect(outbox.scheduled).toEqual([
      { queue: "announcement", jobName: "delivery-check", data: { announcementId: announcement.id, round: 0 }, opts: { jobId: `announce-check-${announcement.id}-0`, delayMs: 3_000 } },
    ]);
  });

  it("takes a photo's caption as the text, and Batal sends nothing", async () => {
    const staff = users.staff!;
    staff.say("/umumkan");
    await staff.expectReply("Tulis isi pengumumannya.");
    staff.sendPhoto({ caption: "Foto kegiatan minggu lalu. Terima kasih semua!" });
    const audience = await staff.expectReply("Pengumuman ini untuk siapa?");
    staff.press("Kelompok Mariojela (2)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Lanjut ➜ (2 orang)"));
    staff.press("Lanjut ➜ (2 orang)", audience);
    const preview = await staff.expectReply("📢 Pengumuman");
    expect(preview.caption).toBe("📢 Pengumuman\n\nFoto kegiatan minggu lalu. Terima kasih semua!");
    await staff.expectReply("Kirim sekarang?");
    staff.press("Batal");
    await staff.expectReply("Baik, pengumuman dibatalkan. Tidak ada yang dikirim.");
    expect(await db.prisma.announcement.count()).toBe(1);
  });
});
