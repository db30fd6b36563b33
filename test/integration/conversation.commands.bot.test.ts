// A command typed in the middle of a conversation: the conversation is left and the command
// runs, with one line saying so — unless answers given in it are not saved yet, then the bot
// asks first. The real bot in process against the local Bot API server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

let rig: InProcessBot;
let staff: TelegramUser;
let member: TelegramUser;

beforeAll(async () => {
  rig = await startInProcessBot({ label: "flow-commands" });
  staff = (await addKnownPerson(rig, 9_600_001, "Petugas", { staff: true })).user;
  member = (await addKnownPerson(rig, 9_600_002, "Ani", { groups: ["mariojela-margasari"] })).user;
});

afterAll(async () => {
  await rig?.close();
});

describe("a command in the middle of a conversation", () => {
  it("leaves a conversation without answers and runs the command, with one line saying so", async () => {
    staff.say("/tautan");
    await staff.expectReply("Tautan undangan: apa yang ingin Anda lakukan?");
    staff.say("/ekspor");
    await staff.expectReply("Percakapan sebelumnya saya tinggalkan.");
    await staff.expectReply("Laporan untuk periode kapan yang ingin diunduh?");
    // The export conversation is the open one now: the old menu's buttons are stale.
    staff.say("/batal");
    await staff.expectReply("Baik, dibatalkan.");
  });

  it("asks before leaving a report with answers not saved yet, and stays when asked to", async () => {
    member.say("/lapor");
    const weeks = await member.expectReply("Laporan ini untuk minggu yang mana?");
    const thisWeek = (weeks.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard[0]![0]!.text;
    expect(thisWeek).toMatch(/^Minggu ini/);
    member.press(thisWeek, weeks);
    await member.expectReply("(1/3)");
    member.say("12,5");
    await member.expectReply("(2/3)");
    member.say("/riwayat");
    const question = await member.expectReply("Jawaban Anda di sini belum disimpan.");
    expect(question.text).toContain("/riwayat");
    member.press("Tidak, lanjutkan");
    await member.expectReply("Untuk Lilin terjual:");
    member.say("255");
    await member.expectReply("(3/3)");
    member.say("/riwayat");
    await member.expectReply("Jawaban Anda di sini belum disimpan.");
    member.press("Ya, tinggalkan");
    await member.expectReply("Baik, percakapan tadi saya tinggalkan. Silakan ketik /riwayat lagi.");
    member.say("/riwayat");
    await member.expectReply("Anda belum pernah mengirim laporan.");
    expect(await rig.db.prisma.report.count()).toBe(0);
  });
});
