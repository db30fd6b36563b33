// /lapor and /riwayat end to end: the built bot as a child process, the test as its members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftWeeks, weekOf } from "../../src/lib/week.js";
import {
  buttons,
  buttonStartingWith,
  failTestsOnBotErrors,
  indicatorIds,
  memberUser,
  reportsOf,
  skipPhotoAndNote,
  startE2E,
  startReport,
  weekKeyOf,
  weekStartOf,
  type E2E,
} from "../support/e2e.js";

const ZONE = "Asia/Makassar";
const SAMPAH = "sampah-margasari"; // 4 indicators: kg (required), kg, kg, rupiah (optional)
const MARIOJELA = "mariojela-margasari"; // liter (required), buah (required), rupiah (optional)

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ label: "report", firstUserId: 8_100_000_000 });
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

describe.sequential("/lapor end to end", () => {
  it("takes a full report written the Indonesian way and stores the exact values", async () => {
    const { user, personId } = await memberUser(e2e, SAMPAH, { name: "Siti Aminah" });
    const week = await startReport(user);
    await user.expectReply("(1/4) Sampah terkelola — berapa kg?");
    user.say("789,5");
    await user.expectReply("(2/4) Sampah organik jadi kompos — berapa kg?");
    user.say("tidak ada");
    await user.expectReply("(3/4) Sampah anorganik terjual — berapa kg?");
    user.say("1.250");
    await user.expectReply("(4/4) Pendapatan — berapa rupiah?");
    user.say("Rp 1.500.000");
    await skipPhotoAndNote(user);
    const summary = await user.expectReply("Periksa dulu laporannya:");
    expect(summary.text).toContain("Kelompok: Pengelolaan Sampah Terpadu Margasari");
    expect(summary.text).toContain(
      [
        "• Sampah terkelola: 789,5 kg",
        "• Sampah organik jadi kompos: 0 kg",
        "• Sampah anorganik terjual: 1.250 kg",
        "• Pendapatan: Rp 1.500.000",
        "",
        "Foto: tidak ada",
        "Catatan: -",
      ].join("\n"),
    );
    expect(buttons(summary).map((b) => b.text)).toEqual(["Simpan", "Ubah", "Batal"]);
    user.press("Simpan");
    const saved = await user.expectReply("Tersimpan! Terima kasih atas laporannya.");
    expect(saved.text).toContain("Jumlah kelompok Pengelolaan Sampah Terpadu Margasari minggu");
    expect(saved.text).toContain("• Sampah terkelola: 789,5 kg");
    expect(saved.text).toContain("• Pendapatan: Rp 1.500.000");

    const reports = await reportsOf(e2e.db, personId);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      weekStart: weekStartOf(week),
      version: 1,
      current: true,
      submittedById: personId,
      photoFileId: null,
      note: null,
      values: { "sampah-terkelola": "789.5", "sampah-kompos": "0", "sampah-anorganik-terjual": "1250", pendapatan: "1500000" },
    });
  });

  it("Ubah changes one answer without starting over", async () => {
    const { user, personId } = await memberUser(e2e, SAMPAH, { name: "Rahmat Hidayat" });
    await startReport(user);
    await user.expectReply("(1/4)");
    user.say("20");
    await user.expectReply("(2/4)");
    user.press("Lewati");
    await user.expectReply("(3/4)");
    user.say("4,5");
    await user.expectReply("(4/4)");
    user.say("Rp 75.000");
    await user.expectReply("Ada foto kegiatan?");
    user.press("Lewati");
    await user.expectReply("Ada catatan");
    user.say("Dipilah bersama warga RT 05");
    await user.expectReply("Ada kendala minggu ini?");
    user.say("Truk pengangkut terlambat");
    const first = await user.expectReply("Periksa dulu laporannya:");
    expect(first.text).toContain("• Sampah organik jadi kompos: dilewati\n• Sampah anorganik terjual: 4,5 kg");

    user.press("Ubah");
    const choose = await user.expectReply("Mana yang mau diubah?");
    expect(buttons(choose).map((b) => b.text)).toEqual([
      "Sampah terkelola",
      "Sampah organik jadi kompos",
      "Sampah anorganik terjual",
      "Pendapatan",
      "Foto",
      "Catatan",
      "Kendala",
      "Kembali",
    ]);
    user.press("Sampah anorganik terjual");
    await user.expectReply("(3/4) Sampah anorganik terjual — berapa kg?");
    user.say("5,25");
    // one decimal allowed: the bot offers the rounded value rather than guessing
    const rounded = await user.expectReply("cukup 1 angka di belakang koma");
    user.press(buttonStartingWith(rounded, "Pakai").data, rounded);
    const second = await user.expectReply("Periksa dulu laporannya:");
    expect(second.text).toContain("• Sampah terkelola: 20 kg");
    expect(second.text).toContain("• Sampah anorganik terjual: 5,3 kg");
    expect(second.text).toContain("• Pendapatan: Rp 75.000");
    expect(second.text).toContain("Catatan: Dipilah bersama warga RT 05\nKendala: Truk pengangkut terlambat");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");

    const reports = await reportsOf(e2e.db, personId);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.values).toEqual({ "sampah-terkelola": "20", "sampah-anorganik-terjual": "5.3", pendapatan: "75000" });
    expect(reports[0]?.note).toBe("Dipilah bersama warga RT 05");
  });

  it("reporting a week already reported replaces it and keeps the old version", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Dewi Lestari" });
    const ids = await indicatorIds(e2e.db, MARIOJELA);
    const group = await e2e.db.prisma.group.findUniqueOrThrow({ where: { code: MARIOJELA } });
    user.say("/lapor");
    const weeks = await user.expectReply("Laporan ini untuk minggu yang mana?");
    const lastWeek = buttonStartingWith(weeks, "Minggu lalu");
    const weekStart = weekStartOf(weekKeyOf(lastWeek.data));
    await e2e.db.prisma.report.create({
      data: {
        groupId: group.id,
        memberId: personId,
        weekStart: new Date(`${weekStart}T00:00:00Z`),
        submittedById: personId,
        note: "laporan pertama",
        values: { create: [{ indicatorId: ids["jelantah-terkumpul"]!, value: "10.5" }, { indicatorId: ids["lilin-terjual"]!, value: "12" }] },
      },
    });

    user.press(lastWeek.data, weeks);
    const existing = await user.expectReply("Anda sudah mengirim laporan untuk minggu");
    expect(existing.text).toContain("• Jelantah terkumpul: 10,5 liter\n• Lilin terjual: 12 buah\n• Pendapatan: dilewati");
    expect(existing.text).toContain("Catatan: laporan pertama");
    user.press("Ganti");
    const q1 = await user.expectReply("(1/3) Jelantah terkumpul — berapa liter?");
    expect(q1.text).toContain("Laporan sebelumnya: 10,5 liter");
    user.say("11");
    await user.expectReply("(2/3) Lilin terjual");
    user.say("14 buah");
    await user.expectReply("(3/3) Pendapatan");
    user.say("Rp 250.000");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");
    user.press("Simpan");
    await user.expectReply("Tersimpan! Laporan lama untuk minggu ini sudah diganti (yang lama tetap diarsipkan).");

    const reports = await reportsOf(e2e.db, personId);
    expect(reports).toHaveLength(2);
    const [old, replacement] = reports;
    expect(old).toMatchObject({ weekStart, version: 1, current: null, note: "laporan pertama", values: { "jelantah-terkumpul": "10.5", "lilin-terjual": "12" } });
    expect(old?.supersededAt).toBeInstanceOf(Date);
    expect(replacement).toMatchObject({
      weekStart,
      version: 2,
      current: true,
      supersededAt: null,
      note: null,
      values: { "jelantah-terkumpul": "11", "lilin-terjual": "14", pendapatan: "250000" },
    });
  });

  it("/batal in the middle leaves the conversation and stores nothing", async () => {
    const { user, personId } = await memberUser(e2e, SAMPAH, { name: "Joko Susilo" });
    await startReport(user);
    await user.expectReply("(1/4)");
    user.say("15");
    const q2 = await user.expectReply("(2/4)");
    user.say("/batal");
    await user.expectReply("Baik, dibatalkan. Tidak ada yang disimpan dari percakapan tadi.");
    // the question's Lewati button is dead now
    const press = user.press("Lewati", q2);
    expect((await user.callbackAnswer(press)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    user.say("3");
    await user.expectReply("Maaf, saya tidak mengerti pesan itu.");
    user.say("/batal");
    await user.expectReply("Tidak ada yang sedang berjalan.");
    expect(await reportsOf(e2e.db, personId)).toEqual([]);
  });

  it("a coordinator reports for a member of their group, with a photo and a note", async () => {
    const coordinator = await memberUser(e2e, MARIOJELA, { name: "Hendra Wijaya", role: "coordinator" });
    const member = await memberUser(e2e, MARIOJELA, { name: "Yuliana Putri" });
    const c = coordinator.user;
    c.say("/lapor");
    await c.expectReply("Anda ketua kelompok Mariojela. Laporan ini untuk siapa?");
    c.press("Untuk anggota lain");
    const list = await c.expectReply("Pilih anggota yang mau Anda laporkan");
    expect(buttons(list).map((b) => b.text)).toContain("Yuliana Putri");
    c.press("Yuliana Putri");
    const weeks = await c.expectReply("Laporan ini untuk minggu yang mana?");
    const thisWeek = buttonStartingWith(weeks, "Minggu ini");
    c.press(thisWeek.data, weeks);
    await c.expectReply("(1/3) Jelantah terkumpul");
    c.say("12,5 liter");
    await c.expectReply("(2/3) Lilin terjual");
    c.say("30");
    await c.expectReply("(3/3) Pendapatan");
    c.press("Lewati");
    await c.expectReply("Ada foto kegiatan?");
    const photo = c.sendPhoto();
    await c.expectReply("Ada catatan");
    c.say("Dilaporkan oleh ketua");
    await c.expectReply("Ada kendala minggu ini?");
    c.press("Lewati");
    const summary = await c.expectReply("Periksa dulu laporannya:");
    expect(summary.text).toContain("Anggota: Yuliana Putri");
    expect(summary.text).toContain("Foto: ada");
    c.press("Simpan");
    await c.expectReply("Laporan untuk Yuliana Putri tersimpan. Terima kasih!");

    const largest = photo.message?.photo?.at(-1)?.file_id;
    const reports = await reportsOf(e2e.db, member.personId);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      weekStart: weekStartOf(weekKeyOf(thisWeek.data)),
      submittedById: coordinator.personId,
      photoFileId: largest,
      note: "Dilaporkan oleh ketua",
      values: { "jelantah-terkumpul": "12.5", "lilin-terjual": "30" },
    });
    expect(await reportsOf(e2e.db, coordinator.personId)).toEqual([]);

    member.user.say("/riwayat");
    const history = await member.user.expectReply("Laporan terakhir Anda:");
    expect(history.text).toContain("— Mariojela (dikirim oleh ketua)");
    expect(history.text).toContain("• Jelantah terkumpul: 12,5 liter\n• Lilin terjual: 30 buah");
  });

  it("/riwayat lists a member's reports and shows a coordinator who has reported this week", async () => {
    const group = await e2e.db.prisma.group.findUniqueOrThrow({ where: { code: "proklim-muara-rapak" } });
    const ids = await indicatorIds(e2e.db, "proklim-muara-rapak");
    const coordinator = await memberUser(e2e, "proklim-muara-rapak", { name: "Bambang Kusuma", role: "coordinator" });
    const reporter = await memberUser(e2e, "proklim-muara-rapak", { name: "Nur Aisyah" });
    const silent = await memberUser(e2e, "proklim-muara-rapak", { name: "Eko Prasetyo" });
    const thisWeek = weekOf(new Date(), ZONE);
    const lastWeek = shiftWeeks(thisWeek, -1, ZONE);
    for (const [week, trees, by] of [
      [lastWeek, "40", coordinator.personId],
      [thisWeek, "1250", reporter.personId],
    ] as const) {
      await e2e.db.prisma.report.create({
        data: {
          groupId: group.id,
          memberId: reporter.personId,
          weekStart: new Date(`${week.startDate}T00:00:00Z`),
          submittedById: by,
          values: { create: [{ indicatorId: ids["pohon-ditanam"]!, value: trees }, { indicatorId: ids["lubang-biopori"]!, value: "6" }] },
        },
      });
    }

    reporter.user.say("/riwayat");
    const mine = await reporter.user.expectReply("Laporan terakhir Anda:");
    const thisIndex = mine.text!.indexOf("• Pohon ditanam: 1.250 batang");
    const lastIndex = mine.text!.indexOf("• Pohon ditanam: 40 batang");
    expect(thisIndex).toBeGreaterThan(0);
    expect(lastIndex).toBeGreaterThan(thisIndex); // newest first
    expect(mine.text).toContain("— ProKlim Muara Rapak (dikirim oleh ketua)");
    expect(mine.text).not.toContain("Sudah lapor");

    coordinator.user.say("/riwayat");
    const status = await coordinator.user.expectReply("Minggu ini");
    // The report the coordinator sent for Nur Aisyah is in their own history too.
    expect(status.text).not.toContain("belum pernah");
    expect(status.text).toContain("— ProKlim Muara Rapak (untuk Nur Aisyah)\n• Pohon ditanam: 40 batang");
    expect(status.text).toContain("di kelompok ProKlim Muara Rapak:");
    expect(status.text).toContain("Sudah lapor (1): Nur Aisyah");
    expect(status.text).toMatch(/Belum lapor \(2\): (Bambang Kusuma, Eko Prasetyo|Eko Prasetyo, Bambang Kusuma)/);

    silent.user.say("/riwayat");
    await silent.user.expectReply("Anda belum pernah mengirim laporan. Ketik /lapor untuk mulai.");
  });
});
