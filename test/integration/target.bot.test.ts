// /target through the real bot (in process) against the local Bot API server: one target by
// conversation; the template sent, filled in and sent back, previewed and imported on Simpan;
// a file with errors names row and column and imports nothing; a member cannot.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

let app: InProcessBot;
let staff: TelegramUser;
let staffId: number;
let member: TelegramUser;
const now = new Date("2026-03-10T02:00:00Z");

beforeAll(async () => {
  app = await startInProcessBot({ label: "target-bot", clock: () => now });
  ({ user: staff, personId: staffId } = await addKnownPerson(app, 9_400_001, "Petugas", { staff: true }));
  ({ user: member } = await addKnownPerson(app, 9_400_002, "Ani", { groups: ["mariojela-margasari"] }));
});
afterAll(() => app?.close());

async function templateFromBot(action: string, year: string): Promise<ExcelJS.Workbook> {
  staff.say("/target");
  await staff.expectReply(/Mau mengatur apa/);
  staff.press(action);
  await staff.expectReply(/Pilih program/);
  staff.press("Margasari Olah Jelantah (Mariojela)");
  await staff.expectReply(/tahun berapa/);
  staff.press(year);
  const doc = await staff.expectReply((m) => m.document !== undefined);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(app.server.file(doc.document!.file_id) as unknown as ArrayBuffer);
  return wb;
}

describe("/target", () => {
  it("sets one target through the conversation, read the Indonesian way", async () => {
    staff.say("/target");
    await staff.expectReply(/Mau mengatur apa/);
    staff.press("Isi satu target");
    await staff.expectReply(/Pilih program/);
    staff.press("Margasari Olah Jelantah (Mariojela)");
    await staff.expectReply(/Pilih indikator/); // one group: chosen without asking
    staff.press("Jelantah terkumpul");
    await staff.expectReply(/tahun berapa/);
    staff.press("2026");
    await staff.expectReply(/Berapa target jelantah terkumpul untuk Mariojela tahun 2026\? Tulis angkanya dalam liter/i);
    staff.say("banyak");
    await staff.expectReply(/Tulis angkanya saja/);
    staff.say("1.200,5 liter");
    await staff.expectReply("Tersimpan: target Jelantah terkumpul Mariojela tahun 2026 = 1.200,5 liter.");
    const row = await app.db.prisma.target.findFirstOrThrow({ where: { year: 2026 } });
    expect([row.value.toString(), row.setById, row.source]).toEqual(["1200.5", staffId, "bot"]);
  });

  it("sends the template; the filled-in file comes back, is previewed, and imported on Simpan", async () => {
    const wb = await templateFromBot("Templat target (XLSX)", "2027");
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell("H3").value).toBe("Target 2027");
    sheet.getCell("H4").value = 1500;
    sheet.getCell("H5").value = "600";
    staff.sendDocument("target-mariojela-2027.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const preview = await staff.expectReply(/2 angka akan berubah/);
    expect(preview.text).toContain("• Mariojela — Jelantah terkumpul: (kosong) → 1.500 liter");
    expect(await app.db.prisma.target.count({ where: { year: 2027 } })).toBe(0);
    staff.press("Simpan");
    await staff.expectReply("Tersimpan: 2 angka.");
    const rows = await app.db.prisma.target.findMany({ where: { year: 2027 }, orderBy: { indicatorId: "asc" } });
    expect(rows.map((r) => [r.value.toString(), r.source, r.setById])).toEqual([
      ["1500", "xlsx", staffId],
      ["600", "xlsx", staffId],
    ]);
    expect(await app.db.prisma.auditEntry.count({ where: { entity: "target", entityId: { in: rows.map((r) => r.id) } } })).toBe(2);
  });

  it("a file with errors: told row and column, nothing imported", async () => {
    const wb = await templateFromBot("Templat target (XLSX)", "2026");
    const sheet = wb.worksheets[0]!;
    sheet.getCell("H5").value = "seratus";
    sheet.getCell("C6").value = "minyak";
    staff.sendDocument("target.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const reply = await staff.expectReply(/kesalahan/);
    expect(reply.text).toContain('Baris 5, kolom H: "seratus" tidak terbaca sebagai angka');
    expect(reply.text).toContain('Baris 6, kolom C: kode indikator "minyak" tidak dikenal di program ini');
    expect(reply.reply_markup).toBeUndefined();
    expect(await app.db.prisma.target.count({ where: { year: 2026 } })).toBe(1);
  });

  it("an earlier year's template loads baselines", async () => {
    const wb = await templateFromBot("Templat data tahun sebelumnya (XLSX)", "2024");
    wb.worksheets[0]!.getCell("F5").value = 321;
    staff.sendDocument("data.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    await staff.expectReply(/Data tahun sebelumnya .* 2024: 1 angka akan berubah/);
    staff.press("Simpan");
    await staff.expectReply("Tersimpan: 1 angka.");
    expect((await app.db.prisma.baseline.findFirstOrThrow({ where: { year: 2024 } })).value.toString()).toBe("321");
  });

  it("/capaian shows the year's progress against the target set above", async () => {
    const group = await app.db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" }, include: { programme: { include: { indicators: true } } } });
    const jelantah = group.programme.indicators.find((i) => i.code === "jelantah-terkumpul")!;
    const memberId = (await app.db.prisma.person.findFirstOrThrow({ where: { name: "Ani" } })).id;
    await app.db.prisma.report.create({
      data: { groupId: group.id, memberId, submittedById: memberId, weekStart: new Date("2026-02-02T00:00:00Z"), values: { create: [{ indicatorId: jelantah.id, value: "120" }] } },
    });
    staff.say("/capaian 2026");
    const reply = await staff.expectReply(/Mariojela/);
    expect(reply.text).toContain("• Jelantah terkumpul: 120 liter — 10% dari target 1.200,5 liter");
  });

  it("a member can neither use /target nor import a file", async () => {
    member.say("/target");
    const reply = await member.expectReply();
    expect(reply.text).not.toMatch(/Mau mengatur apa/);
    expect(await app.db.prisma.target.count({ where: { setById: { not: staffId } } })).toBe(0);
  });
});
