// The FGD round through the real bot (in process, local Bot API server): staff press «Minta
// masukan» in /rapat; the queued request (rendered by its renderer) reaches a member, who
// answers the questions; staff press «Bahan FGD» and get the workbook with that input.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { meetingInputJobs } from "../../src/features/meeting/meeting.input.jobs.js";
import type { Outbox, OutgoingRequest } from "../../src/jobs/outgoing.types.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

const wita = (local: string) => new Date(`${local}+08:00`);
const now = wita("2026-03-10T10:00:00");
const enqueued: OutgoingRequest[] = [];
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

let app: InProcessBot;
let staff: TelegramUser;
let ani: TelegramUser;
let aniId: number;
let meetingId: number;

beforeAll(async () => {
  app = await startInProcessBot({ label: "meeting-input-bot", clock: () => now, outbox });
  const { user, personId } = await addKnownPerson(app, 9_600_001, "Petugas", { staff: true });
  staff = user;
  ({ user: ani, personId: aniId } = await addKnownPerson(app, 9_600_002, "Ani", { groups: ["mariojela-margasari"] }));
  const group = await app.db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const meeting = await app.db.prisma.meeting.create({
    data: { title: "FGD Evaluasi", startsAt: wita("2026-03-12T09:00:00"), place: "Aula", audience: {}, checkInCode: "CCCCCC", createdById: personId, invitations: { create: [{ personId: aniId, groupId: group.id }] } },
  });
  meetingId = meeting.id;
});
afterAll(() => app?.close());

describe("meeting input through the bot", () => {
  it("staff ask, the member answers three questions (one skipped), staff get the briefing with the answers", async () => {
    staff.say("/rapat");
    await staff.expectReply(/FGD Evaluasi/);
    staff.press(staff.lastMessage!.reply_markup && "inline_keyboard" in staff.lastMessage!.reply_markup ? staff.lastMessage!.reply_markup.inline_keyboard[0]![0]!.text : "");
    await staff.expectReply(/📋 FGD Evaluasi/);
    const ask = staff.press("💬 Minta masukan");
    expect((await staff.callbackAnswer(ask)).answer?.text).toBe("Permintaan masukan dikirim ke 1 undangan.");
    expect(enqueued.map((r) => [r.key, r.purpose])).toEqual([[`input-${meetingId}-${aniId}`, "meeting-input-request"]]);

    // What the outgoing queue would send: rendered by the feature's renderer, sent to Ani's chat.
    const rendered = await meetingInputJobs.renderers!["meeting-input-request"]!.render({
      prisma: app.db.prisma,
      i18n: createI18n(),
      clock: () => now,
      timeZone: "Asia/Makassar",
      outgoing: { id: 1, key: enqueued[0]!.key, purpose: "meeting-input-request", personId: aniId, meetingId },
      recipient: { personId: aniId, telegramId: BigInt(ani.id), language: "id" },
    });
    expect(rendered!.text).toContain('Untuk rapat "FGD Evaluasi" (Kamis, 12 Maret 2026 09.00)');
    await app.bot.api.sendMessage(ani.id, rendered!.text, { reply_markup: rendered!.replyMarkup! });
    await ani.expectReply(/Untuk rapat/);

    ani.press("✍️ Beri masukan");
    await ani.expectReply(/Masukan untuk rapat "FGD Evaluasi"/);
    await ani.expectReply(/Capaian apa/);
    ani.say("Jelantah terkumpul naik dua kali lipat");
    await ani.expectReply(/Kendala apa/);
    ani.press("Lewati");
    await ani.expectReply(/usulan/);
    ani.say("Mesin press lilin");
    await ani.expectReply(/Terima kasih, masukan Anda tersimpan/);
    const inputs = await app.db.prisma.meetingInput.findMany({ where: { meetingId }, orderBy: { topic: "asc" } });
    expect(inputs.map((i) => [i.personId, i.topic, i.text])).toEqual([
      [aniId, "achievements", "Jelantah terkumpul naik dua kali lipat"],
      [aniId, "proposals", "Mesin press lilin"],
    ]);

    staff.press("📊 Bahan FGD");
    const doc = await staff.expectReply((m) => m.document !== undefined);
    expect(doc.caption).toBe("Bahan FGD: FGD Evaluasi (Kamis, 12 Maret 2026 09.00)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.server.file(doc.document!.file_id) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[])[1]));
    expect(cells).toContain("Jelantah terkumpul naik dua kali lipat");
    expect(cells).toContain("Mesin press lilin");
  });
});
