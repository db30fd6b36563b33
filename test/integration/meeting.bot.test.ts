// /undang and the invitee's answer buttons driven through the real bot (in process) against
// the local Bot API server. The queue is a recording outbox: the test plays the worker's part
// by rendering each requested invitation and sending it to the invitee.
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { emptyKeyboardRows } from "../../src/bot/keyboard-rows.js";
import { createI18n } from "../../src/bot/i18n.js";
import { type BotApiServer, type BotMessage } from "../../src/dev/bot-api-server.js";
import { meetingJobs } from "../../src/features/meeting/meeting.jobs.js";
import { formatDateTime, readDateTime } from "../../src/lib/datetime.js";
import type { TestDatabase } from "../support/db.js";
import { addKnownPerson, startInProcessBot, type InProcessBot, type KnownPerson } from "../support/in-process-bot.js";
import { recordingOutbox, type RecordingOutbox } from "../support/outbox.js";
import type { TelegramUser } from "../support/telegram-user.js";

const WITA = "Asia/Makassar";
let db: TestDatabase;
let server: BotApiServer;
const keyboards: BotMessage[] = [];
let redis: Redis;
let bot: Bot<BotContext>;
let rig: InProcessBot;
let outbox: RecordingOutbox;
const i18n = createI18n();

const users: Record<string, TelegramUser> = {};
const personIds: Record<string, number> = {};
let nextId = 9_300_000;

async function join(key: string, data: { group?: string; stakeholder?: string; staff?: boolean }) {
  const added = await addKnownPerson(rig, ++nextId, key, { ...data, groups: data.group ? [data.group] : [] });
  users[key] = added.user;
  personIds[key] = added.personId;
}

beforeAll(async () => {
  outbox = recordingOutbox();
  rig = await startInProcessBot({ label: "meeting-bot", outbox });
  ({ db, server, redis, bot } = rig);
  // Every message and edit the bot makes, as the server records it: none may carry an empty keyboard row.
  server.on("message", (message: BotMessage) => {
    if (message.reply_markup && "inline_keyboard" in message.reply_markup) keyboards.push(message);
  });
  await join("staff", { staff: true });
  await join("ani", { group: "mariojela-margasari" });
  await join("budi", { group: "mariojela-margasari" });
  await join("citra", { group: "ksb-margasari" });
  await join("dodi", { group: "ksb-margasari", stakeholder: "bpbd-balikpapan" });
  await join("lurah", { stakeholder: "lurah-margasari" });
  await join("camat", { stakeholder: "kecamatan-balikpapan-barat" }); // not invited
});

afterAll(async () => {
  await rig?.close();
});

/** What the outgoing worker does: render each queued invitation, send it, remember the message. */
async function deliverInvitations(): Promise<void> {
  const renderer = meetingJobs.renderers!["meeting-invite"]!;
  for (const request of outbox.requests.filter((r) => r.purpose === "meeting-invite")) {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: request.personId } });
    const row = await db.prisma.outgoingMessage.create({
      data: { key: request.key, purpose: request.purpose, personId: request.personId, meetingId: request.meetingId ?? null },
    });
    const context = {
      prisma: db.prisma,
      i18n,
      clock: () => new Date(),
      timeZone: WITA,
      outgoing: { id: row.id, key: row.key, purpose: row.purpose, personId: row.personId, meetingId: row.meetingId },
      recipient: { personId: person.id, telegramId: person.telegramId!, language: "id" as const },
    };
    const rendered = await renderer.render(context);
    if (!rendered) continue;
    const sent = await bot.api.sendMessage(Number(person.telegramId), rendered.text, rendered.replyMarkup ? { reply_markup: rendered.replyMarkup } : {});
    await db.prisma.outgoingMessage.update({ where: { id: row.id }, data: { status: "sent", telegramMessageId: sent.message_id, sentAt: new Date() } });
    await renderer.afterSend?.(context, { messageId: sent.message_id });
  }
}

let invitation: Record<string, BotMessage> = {};

describe("/undang", () => {
  it("is refused to a member", async () => {
    users.ani!.say("/undang");
    await users.ani!.expectReply("Maaf, perintah ini hanya untuk petugas.");
  });

  it("walks staff from the title to Kirim, with the time echoed back and a preview", async () => {
    const staff = users.staff!;
    staff.say("/undang");
    await staff.expectReply("Baik, kita buat undangan rapat.");
    const askTitle = await staff.expectReply("Apa judul rapatnya?");
    // Examples near today (the injected clock), not from 2022.
    expect(askTitle.text).toContain(`FGD Evaluasi Program TJSL ${new Date().getFullYear()}`);
    staff.say("FGD Evaluasi Program TJSL");
    const askWhen = await staff.expectReply("Kapan rapatnya?");
    const example = /(\d{2})\/(\d{2})\/(\d{4}) 09\.00/.exec(askWhen.text!);
    expect(example).not.toBeNull();
    const exampleDay = Date.UTC(Number(example![3]), Number(example![2]) - 1, Number(example![1]));
    expect(exampleDay - Date.now()).toBeGreaterThan(0);
    expect(exampleDay - Date.now()).toBeLessThan(15 * 24 * 3600_000);
    expect(askWhen.text).not.toContain("2022");
    staff.say("kemarin jam 9 pagi");
    await staff.expectReply("sudah lewat");
    staff.say("besok");
    await staff.expectReply("Jam berapa rapatnya dimulai?");
    staff.say("09.00");
    const reading = readDateTime("besok 09.00", new Date(), WITA);
    if (reading.kind !== "ok") throw new Error(reading.kind);
    const when = formatDateTime(reading.instant, "id", WITA);
    const confirm = await staff.expectReply("Rapat pada:");
    expect(confirm.text).toContain(when);
    expect(when).toMatch(/pukul 09\.00 WITA$/);
    staff.press("Ya, benar");
    await staff.expectReply("Di mana tempatnya?");
    staff.say("Aula Kelurahan");
    await staff.expectReply("Apa agendanya?");
    staff.press("Lewati");

    const audience = await staff.expectReply("Siapa saja yang diundang?");
    const labels = (m: BotMessage) => (m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup.inline_keyboard.flat().map((b) => b.text) : []);
    expect(labels(audience)).toEqual(expect.arrayContaining(["Semua orang (6)", "Mariojela (2)", "KSB Margasari (2)", "Semua pemangku kepentingan (3)", "Lanjut ➜ (0 orang)"]));
    staff.press("Lanjut ➜ (0 orang)");
    await staff.expectReply("Belum ada yang dipilih.");
    staff.press("Mariojela (2)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("✓ Mariojela (2)"));
    staff.press("KSB Margasari (2)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("✓ KSB Margasari (2)"));
    staff.press("Pilih lembaga pemangku kepentingan…", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Lurah Margasari (1)"));
    staff.press("Lurah Margasari (1)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("✓ Lurah Margasari (1)"));
    staff.press("BPBD Kota Balikpapan (1)", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("✓ BPBD Kota Balikpapan (1)"));
    staff.press("Kembali", audience);
    await staff.expectEdit(audience, (m) => labels(m).includes("Lembaga dipilih: 2 — ubah…") && labels(m).includes("Lanjut ➜ (5 orang)"));
    staff.press("Lanjut ➜ (5 orang)", audience);

    await staff.expectReply("Begini undangan yang akan diterima setiap orang:");
    const preview = await staff.expectReply("📩 Undangan rapat");
    expect(preview.text).toBe(["📩 Undangan rapat", "", "Acara: FGD Evaluasi Program TJSL", `Waktu: ${when}`, "Tempat: Aula Kelurahan", "", "Apakah Anda bisa hadir? Tekan salah satu tombol di bawah."].join("\n"));
    const question = await staff.expectReply("Undangan di atas akan dikirim ke 5 orang:");
    expect(question.text).toContain("Mariojela, KSB Margasari, Lurah Margasari, BPBD Kota Balikpapan");
    const previewPress = staff.press("Hadir", preview);
    expect((await staff.callbackAnswer(previewPress)).answer?.text).toContain("Ini hanya contoh");

    staff.press("Ubah", question);
    await staff.expectReply("Bagian mana yang mau diubah?");
    staff.press("Tempat");
    await staff.expectReply("Di mana tempatnya?");
    staff.say("Aula Kantor Kelurahan Margasari");
    await staff.expectReply("Begini undangan");
    expect((await staff.expectReply("📩 Undangan rapat")).text).toContain("Tempat: Aula Kantor Kelurahan Margasari");
    await staff.expectReply("Kirim sekarang?");
    staff.press("Kirim");
    const done = await staff.expectReply("sedang dikirim ke 5 orang");
    const code = /Kode hadir rapat ini: ([A-Z0-9]{6})/.exec(done.text ?? "")?.[1];
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    const meeting = await db.prisma.meeting.findFirstOrThrow({ include: { invitations: true } });
    expect(meeting).toMatchObject({ title: "FGD Evaluasi Program TJSL", place: "Aula Kantor Kelurahan Margasari", agenda: null, checkInCode: code });
    expect(meeting.startsAt.toISOString()).toBe(reading.instant.toISOString());
    expect(meeting.invitations.map((i) => i.personId).sort()).toEqual(["ani", "budi", "citra", "dodi", "lurah"].map((k) => personIds[k]).sort());
    expect(outbox.requests.map((r) => r.key).sort()).toEqual(meeting.invitations.map((i) => `invite-${meeting.id}-${i.personId}`).sort());
    expect(outbox.scheduled.map((s) => s.opts.jobId)).toContain(`meeting-reminder-${meeting.id}-2h-${meeting.startsAt.getTime() / 1000}`);
  });
});

describe("answering an invitation", () => {
  it("delivers the invitation with Hadir / Tidak hadir / Mungkin", async () => {
    await deliverInvitations();
    for (const key of ["ani", "budi", "citra", "dodi", "lurah"]) invitation[key] = await users[key]!.expectReply("📩 Undangan rapat");
    expect(users.camat!.messages()).toEqual([]);
  });

  it("records Hadir and shows it on the invitation", async () => {
    const ani = users.ani!;
    const press = ani.press("Hadir", invitation.ani);
    expect((await ani.callbackAnswer(press)).answer?.text).toBe("Terima kasih! Tercatat: Hadir.");
    const edited = await ani.expectEdit(invitation.ani!, (m) => (m.text ?? "").includes("Jawaban Anda: Hadir"));
    expect(edited.reply_markup).toMatchObject({ inline_keyboard: [[{ text: "✓ Hadir" }, { text: "Tidak hadir" }, { text: "Mungkin" }]] });
  });

  it("changes to Tidak hadir and takes a reason", async () => {
    const ani = users.ani!;
    ani.press("Tidak hadir", invitation.ani);
    const edited = await ani.expectEdit(invitation.ani!, (m) => (m.text ?? "").includes("Jawaban Anda: Tidak hadir"));
    ani.press("✏️ Tulis alasan", edited);
    await ani.expectReply("Boleh tahu alasan Anda tidak bisa hadir?");
    ani.say("Ada acara keluarga");
    await ani.expectReply("Terima kasih, alasan Anda sudah kami catat.");
    await ani.expectEdit(invitation.ani!, (m) => (m.text ?? "").includes("Alasan: Ada acara keluarga"));
    const stored = await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.ani } });
    expect(stored).toMatchObject({ answer: "no", reason: "Ada acara keluarga" });
  });

  it("refuses a forged press carrying someone else's invitation", async () => {
    const budi = users.budi!;
    const aniInvitation = await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.ani } });
    const message = invitation.budi!;
    const update = server.injectUpdate({
      callback_query: {
        id: "forged-1",
        from: { id: budi.id, is_bot: false, first_name: "budi" },
        message: { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: { id: budi.id, type: "private", first_name: "budi" } },
        chat_instance: "1",
        data: `rsvp:${aniInvitation.id}:yes`,
      },
    });
    expect((await budi.callbackAnswer(update)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    expect(await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.ani } })).toMatchObject({ answer: "no" });
  });

  it("refuses a press on one's own invitation id from a message that is not about it", async () => {
    const budi = users.budi!;
    const own = await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.budi } });
    const other = budi.messages().find((m) => m.message_id !== invitation.budi!.message_id);
    const update = server.injectUpdate({
      callback_query: {
        id: "forged-2",
        from: { id: budi.id, is_bot: false, first_name: "budi" },
        message: { message_id: (other?.message_id ?? 0) + 1000, date: Math.floor(Date.now() / 1000), chat: { id: budi.id, type: "private", first_name: "budi" } },
        chat_instance: "1",
        data: `rsvp:${own.id}:yes`,
      },
    });
    expect((await budi.callbackAnswer(update)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.budi } })).answer).toBeNull();
  });

  it("leaves the reason question when the invitee presses an answer button instead", async () => {
    const citra = users.citra!;
    citra.press("Tidak hadir", invitation.citra);
    const declined = await citra.expectEdit(invitation.citra!, (m) => (m.text ?? "").includes("Jawaban Anda: Tidak hadir"));
    citra.press("✏️ Tulis alasan", declined);
    await citra.expectReply("Boleh tahu alasan Anda tidak bisa hadir?");
    const press = citra.press("Mungkin", invitation.citra);
    expect((await citra.callbackAnswer(press)).answer?.text).toContain("Tercatat: Mungkin.");
    await citra.expectEdit(invitation.citra!, (m) => (m.text ?? "").includes("Jawaban Anda: Mungkin"));
    citra.say("halo");
    await citra.expectReply("Maaf, saya tidak mengerti pesan itu.");
    expect(await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.citra } })).toMatchObject({ answer: "maybe", reason: null });
  });

  it("sent no inline keyboard with an empty row", () => {
    expect(keyboards.length).toBeGreaterThan(10);
    expect(keyboards.filter((m) => emptyKeyboardRows(m.reply_markup) > 0).map((m) => m.text?.split("\n")[0])).toEqual([]);
  });

  it("takes a reason typed right after «Tidak hadir», without «Tulis alasan»", async () => {
    const lurah = users.lurah!;
    const press = lurah.press("Tidak hadir", invitation.lurah);
    expect((await lurah.callbackAnswer(press)).answer?.text).toContain("Tercatat: Tidak hadir.");
    await lurah.expectEdit(invitation.lurah!, (m) => (m.text ?? "").includes("Jawaban Anda: Tidak hadir"));
    lurah.say("Ada rapat di kantor camat");
    await lurah.expectReply("Terima kasih, alasan Anda sudah kami catat.");
    await lurah.expectEdit(invitation.lurah!, (m) => (m.text ?? "").includes("Alasan: Ada rapat di kantor camat"));
    expect(await db.prisma.invitation.findFirstOrThrow({ where: { personId: personIds.lurah } })).toMatchObject({ answer: "no", reason: "Ada rapat di kantor camat" });
  });
});
