// /rapat and /hadir driven through the real bot (in process) against the local Bot API
// server, with a fixed clock and a fake outbox (the queue has tests of its own).
import ExcelJS from "exceljs";
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { emptyKeyboardRows } from "../../src/bot/keyboard-rows.js";
import { type BotApiServer, type BotMessage } from "../../src/dev/bot-api-server.js";
import type { Outbox, OutgoingRequest } from "../../src/jobs/outgoing.types.js";
import type { TestDatabase } from "../support/db.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const wita = (local: string) => new Date(`${local}+08:00`);
const STAFF_ID = 9_300_001;
const MEMBER_ID = 9_300_002;
const EKO_ID = 9_300_003;

let db: TestDatabase;
let server: BotApiServer;
const keyboards: BotMessage[] = [];
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
let now = wita("2022-01-20T10:00:00");
const enqueued: OutgoingRequest[] = [];
let meetingId: number;
let staff: TelegramUser;
let member: TelegramUser;

const outbox: Outbox = {
  async enqueue(requests) {
    enqueued.push(...requests);
    return { queued: requests.length, alreadyQueued: 0, alreadySent: 0, requeued: 0 };
  },
  async cancel() {
    return 0;
  },
  async scheduleJob() {},
  async cancelJob() {
    return false;
  },
};

beforeAll(async () => {
  rig = await startInProcessBot({ label: "meeting-staff", clock: () => now, outbox });
  ({ db, server, redis, bot } = rig);
  // Every message and edit the bot makes, as the server records it: none may carry an empty keyboard row.
  server.on("message", (message: BotMessage) => {
    if (message.reply_markup && "inline_keyboard" in message.reply_markup) keyboards.push(message);
  });

  const mariojela = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const staffRow = await db.prisma.person.create({ data: { name: "Petugas", telegramId: BigInt(STAFF_ID), staffRole: "staff" } });
  const add = (name: string, telegramId: number | null) =>
    db.prisma.person.create({ data: { name, telegramId: telegramId === null ? null : BigInt(telegramId), memberships: { create: { groupId: mariojela.id } } } });
  const ani = await add("Ani", MEMBER_ID);
  const eko = await add("Eko", EKO_ID);
  const mbah = await add("Mbah Darmo", null);
  const meeting = await db.prisma.meeting.create({
    data: {
      title: "FGD Evaluasi",
      startsAt: wita("2022-01-25T09:00:00"),
      place: "Aula Margasari",
      audience: { groupIds: [mariojela.id] },
      checkInCode: "K7Q2MX",
      createdById: staffRow.id,
      invitations: {
        create: [
          { personId: ani.id, groupId: mariojela.id, answer: "yes", answeredAt: wita("2022-01-20T08:00:00") },
          { personId: eko.id, groupId: mariojela.id },
          { personId: mbah.id, groupId: mariojela.id },
        ],
      },
    },
  });
  meetingId = meeting.id;
  staff = new TelegramUser(server, { id: STAFF_ID, firstName: "Petugas" });
  member = new TelegramUser(server, { id: MEMBER_ID, firstName: "Ani" });
});

afterAll(async () => {
  await rig?.close();
});

const buttons = (m: { reply_markup?: unknown }) =>
  ((m.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? []).flat();

describe("/rapat for staff", () => {
  it("lists meetings, shows one with its tally and buttons, and refreshes", async () => {
    staff.say("/rapat");
    const list = await staff.expectReply("📋 Daftar rapat");
    expect(list.text).toContain("Akan datang dan sedang berlangsung:");
    expect(list.text).toContain("FGD Evaluasi (3 diundang)");
    staff.press(buttons(list)[0]!.text);
    const view = await staff.expectReply("📋 FGD Evaluasi");
    expect(view.text).toContain("🗓 Selasa, 25 Januari 2022 pukul 09.00 WITA");
    expect(view.text).toContain("🔑 Kode check-in: K7Q2MX");
    expect(view.text).toContain("✅ Hadir: 1\n❌ Tidak hadir: 0\n🤔 Mungkin: 0\n⏳ Belum menjawab: 2\n🙋 Sudah check-in: 0");
    expect(view.text).toContain("• Mariojela: 3 diundang — 1 hadir, 0 tidak hadir, 0 mungkin, 2 belum menjawab; 0 sudah check-in");
    expect(view.text).toContain("Belum menjawab (2): Eko, Mbah Darmo (tidak bisa dihubungi)");
    expect(buttons(view).map((b) => b.text)).toEqual([
      "🔁 Kirim ulang ke yang belum menjawab",
      "🕑 Ubah jadwal",
      "✖️ Batalkan rapat",
      "📄 Daftar hadir",
      "💬 Minta masukan",
      "📊 Bahan FGD",
      "📝 Notulen",
      "🔄 Perbarui",
      "« Daftar rapat",
    ]);
    expect(buttons(view).every((b) => Buffer.byteLength(b.callback_data ?? "") <= 64)).toBe(true);
    const refresh = staff.press("🔄 Perbarui");
    expect(await staff.callbackAnswer(refresh)).toBeDefined();
  });

  it("re-sends to those who have not answered, after a confirmation", async () => {
    staff.press("🔁 Kirim ulang ke yang belum menjawab");
    await staff.expectReply('Kirim ulang undangan "FGD Evaluasi" ke 1 orang yang belum menjawab?');
    staff.press("Ya, kirim ulang");
    await staff.expectReply("Undangan dikirim ulang ke 1 orang.");
    expect(enqueued.map((r) => r.key)).toEqual([expect.stringMatching(new RegExp(`^invite-${meetingId}-\\d+-r1$`))]);
    staff.press("« Kembali ke rapat");
    await staff.expectReply("📋 FGD Evaluasi");
  });

  it("reschedules through a short conversation that echoes the reading", async () => {
    staff.press("🕑 Ubah jadwal");
    await staff.expectReply("sekarang dijadwalkan Selasa, 25 Januari 2022 pukul 09.00 WITA");
    staff.say("kemarin jam 9");
    await staff.expectReply("sudah lewat");
    staff.say("26/01/2022 10.00");
    const confirm = await staff.expectReply("Jadwal baru: Rabu, 26 Januari 2022 pukul 10.00 WITA");
    expect(confirm.text).toContain("(sebelumnya Selasa, 25 Januari 2022 pukul 09.00 WITA)");
    staff.press("Ya, ubah jadwal");
    await staff.expectReply('Jadwal "FGD Evaluasi" sudah diubah ke Rabu, 26 Januari 2022 pukul 10.00 WITA. Pemberitahuan sedang dikirim ke 2 orang.');
    const row = await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(row.startsAt).toEqual(wita("2022-01-26T10:00:00"));
  });

  it("refuses /rapat and forged buttons to a member", async () => {
    member.say("/rapat");
    await member.expectReply("Maaf, perintah ini hanya untuk petugas.");
    for (const data of [`mst:view:${meetingId}`, `mst:cancel-ok:${meetingId}`, `mst:present:${meetingId}:1:0`, `mst:att:${meetingId}`]) {
      const forged = server.injectUpdate({
        callback_query: { id: `forged-${data}`, from: member.user as never, chat_instance: "x", data, message: member.lastMessage as never },
      });
      const answer = await member.callbackAnswer(forged);
      expect(answer.answer).toMatchObject({ text: "Maaf, perintah ini hanya untuk petugas." });
    }
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("scheduled");
  });
});

describe("check-in and the daftar hadir", () => {
  it("tells an invitee when check-in opens, then takes the button and the code", async () => {
    now = wita("2022-01-26T08:00:00");
    member.say("/hadir");
    await member.expectReply("Saat ini tidak ada rapat yang sedang membuka check-in untuk Anda.");
    member.say("/hadir K7Q2MX");
    await member.expectReply('Check-in untuk "FGD Evaluasi" belum dibuka. Check-in bisa dilakukan mulai Rabu, 26 Januari 2022 pukul 09.00 WITA.');
    now = wita("2022-01-26T09:30:00");
    member.say("/hadir");
    const open = await member.expectReply("Rapat yang sedang membuka check-in:");
    expect(buttons(open).map((b) => b.text)).toEqual(["✋ Saya hadir"]);
    member.press("✋ Saya hadir");
    await member.expectReply('✅ Terima kasih! Kehadiran Anda di "FGD Evaluasi" sudah tercatat pukul 09.30.');
    member.say("/hadir k7q2mx");
    await member.expectReply('Kehadiran Anda di "FGD Evaluasi" sudah tercatat sebelumnya (pukul 09.30).');
    member.say("/hadir ABCDEF");
    await member.expectReply('Kode "ABCDEF" tidak cocok dengan rapat mana pun.');
  });

  it("lets staff mark someone present from the picker", async () => {
    staff.say("/rapat");
    const list = await staff.expectReply("📋 Daftar rapat");
    staff.press(buttons(list)[0]!.text);
    const view = await staff.expectReply("check-in sedang dibuka (sampai pukul 13.00)");
    expect(buttons(view).map((b) => b.text)).toContain("✍️ Tandai hadir");
    staff.press("✍️ Tandai hadir");
    const picker = await staff.expectReply("✍️ Tandai hadir — FGD Evaluasi");
    expect(buttons(picker).map((b) => b.text)).toEqual(["Eko", "Mbah Darmo", "« Kembali ke rapat"]);
    const press = staff.press("Mbah Darmo");
    expect((await staff.callbackAnswer(press)).answer).toMatchObject({ text: "✅ Mbah Darmo dicatat hadir." });
    const after = await staff.expectReply((m) => m.message_id === picker.message_id && !buttons(m).some((b) => b.text === "Mbah Darmo"));
    expect(after.text).toContain("Sudah hadir: 2 · belum: 1");
  });

  it("sends the attendance list as XLSX and CSV with a recap", async () => {
    staff.press("« Kembali ke rapat");
    await staff.expectReply("📋 FGD Evaluasi");
    staff.press("📄 Daftar hadir");
    // Named by the meeting's date (moved to the 26th) and title.
    const xlsx = await staff.expectReply((m) => m.document?.file_name === "daftar-hadir-2022-01-26-fgd-evaluasi.xlsx");
    const csv = await staff.expectReply((m) => m.document?.file_name === "daftar-hadir-2022-01-26-fgd-evaluasi.csv");
    const recap = await staff.expectReply('Rekap "FGD Evaluasi":');
    expect(recap.text).toContain("Diundang 3 · menjawab hadir 1 · datang 2");
    expect(recap.text).toContain("• Mariojela: diundang 3, menjawab hadir 1, datang 2");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(server.file(xlsx.document!.file_id) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("Daftar hadir: FGD Evaluasi");
    expect(sheet.getCell("A2").value).toBe("Rabu, 26 Januari 2022 pukul 10.00 WITA — Aula Margasari");
    expect(sheet.getRow(5).getCell(2).value).toBe("Nama"); // three title rows, a blank one, the header
    expect(sheet.getRow(5).getCell(6).value).toBe("Alasan tidak hadir");
    const names = [6, 7, 8].map((r) => [sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(8).value, sheet.getRow(r).getCell(10).value]);
    expect(names).toEqual([
      ["Ani", "Ya", "Tombol"],
      ["Eko", "Tidak", null],
      ["Mbah Darmo", "Ya", "Dicatat petugas"],
    ]);
    const text = server.file(csv.document!.file_id).toString("utf8");
    expect(text.startsWith("\uFEFFNo;Nama;Kelompok/Lembaga;")).toBe(true);
    expect(text).toContain("1;Ani;Mariojela;Anggota;Hadir;;2022-01-20 08:00;Ya;2022-01-26 09:30;Tombol\r\n");
  });

  it("cancels after a confirmation", async () => {
    staff.press("« Kembali ke rapat");
    await staff.expectReply("📋 FGD Evaluasi");
    staff.press("✖️ Batalkan rapat");
    await staff.expectReply("Yakin membatalkan rapat ini?");
    staff.press("Ya, batalkan rapat");
    await staff.expectReply("Rapat sudah dibatalkan. Pemberitahuan sedang dikirim ke 2 orang.");
    member.say("/hadir K7Q2MX");
    await member.expectReply('Rapat "FGD Evaluasi" sudah dibatalkan, jadi tidak ada check-in.');
  });

  it("sent no inline keyboard with an empty row", () => {
    expect(keyboards.length).toBeGreaterThan(10);
    expect(keyboards.filter((m) => emptyKeyboardRows(m.reply_markup) > 0).map((m) => m.text?.split("\n")[0])).toEqual([]);
  });
});
