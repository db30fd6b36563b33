// The weekly rhythm end to end: the built bot (bot + queue workers in one process) against the
// local Bot API server; the test plays members, coordinators and a staff member, and an
// operator who runs the weekly jobs by hand with the CLI (`npm run cli -- jobs run …`, built:
// `node dist/cli.js`) against the bot's database and Redis. Weeks are relative to now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/lib/number.js";
import { dbDate, formatWeekRange, shiftWeeks, weekOf, type ReportingWeek } from "../../src/lib/week.js";
import {
  buttons,
  failTestsOnBotErrors,
  forgeCallback,
  groupByCode,
  indicatorIds,
  memberUser,
  reportsOf,
  runCli,
  skipPhotoAndNote,
  staffUser,
  startE2E,
  startReport,
  weekStartOf,
  type E2E,
} from "../support/e2e.js";
import { seedReports2021, STAFF_TG } from "../support/reports-2021.js";
import type { TelegramUser } from "../support/telegram-user.js";

const ZONE = "Asia/Makassar";
const MARIOJELA = "mariojela-margasari"; // jelantah (liter), lilin (buah), pendapatan (rupiah, optional)
const PETRATONIK = "petratonik-karang-joang"; // maggot BSF (kg), kasgot (kg), telur (butir), sayuran (kg)
/** Waiting on the queue (and on a CLI process starting) on a loaded machine. */
const QUEUE_MS = 45_000;

let e2e: E2E;
type Person = { user: TelegramUser; personId: number };
let ratna: Person, ani: Person, budi: Person, citra: Person, dodi: Person, eka: Person, dedi: Person, eko: Person, fitri: Person, sari: Person;
let everyone: Record<string, Person>;
let thisWeek: ReportingWeek;

beforeAll(async () => {
  e2e = await startE2E({
    label: "weekly",
    firstUserId: 8_500_100_000,
    // The schedules stay off so that a real Friday 16:00 or Monday 08:00 cannot fire during the run:
    // the jobs run only when the test runs them.
    env: { REMINDER_CRON_FIRST: "off", REMINDER_CRON_SECOND: "off", SUMMARY_CRON: "off" },
  });
  thisWeek = weekOf(new Date(), ZONE);
  const known = { knownChat: true };
  ratna = await memberUser(e2e, MARIOJELA, { name: "Ratna Sari", role: "coordinator", ...known });
  ani = await memberUser(e2e, MARIOJELA, { name: "Ani Lestari", ...known });
  budi = await memberUser(e2e, MARIOJELA, { name: "Budi Hartono", ...known });
  citra = await memberUser(e2e, MARIOJELA, { name: "Citra Ayu", ...known });
  dodi = await memberUser(e2e, MARIOJELA, { name: "Dodi Saputra", ...known });
  eka = await memberUser(e2e, MARIOJELA, { name: "Eka Wulandari", ...known });
  dedi = await memberUser(e2e, PETRATONIK, { name: "Dedi Kurniawan", role: "coordinator", ...known });
  eko = await memberUser(e2e, PETRATONIK, { name: "Eko Prasetyo", ...known });
  fitri = await memberUser(e2e, PETRATONIK, { name: "Fitri Handayani", ...known });
  sari = await staffUser(e2e, "Sari Indah");
  everyone = { ratna, ani, budi, citra, dodi, eka, dedi, eko, fitri, sari };
  // Eka left the group: no reminder, not counted
  await e2e.db.prisma.membership.updateMany({ where: { personId: eka.personId }, data: { status: "left", leftAt: new Date() } });
  // Fitri has blocked the bot: Telegram answers 403, and the queue marks her unreachable
  e2e.server.blockUser(fitri.user.id);
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

const textOf = (m: { text?: string; caption?: string }) => m.text ?? m.caption ?? "";
/** The names on a summary's «Belum lapor:» line, sorted. */
const notReported = (text: string) => (/^Belum lapor: (.+)$/m.exec(text)?.[1] ?? "").split(", ").sort();
const week = (n: number) => shiftWeeks(thisWeek, n, ZONE);

/** A current report straight into the database (as the report service stores it), values by indicator code. */
async function report(groupCode: string, member: Person, w: ReportingWeek, values: Record<string, string>): Promise<void> {
  const group = await groupByCode(e2e.db, groupCode);
  const ids = await indicatorIds(e2e.db, groupCode);
  await e2e.db.prisma.report.create({
    data: {
      groupId: group.id,
      memberId: member.personId,
      submittedById: member.personId,
      weekStart: dbDate(w.startDate),
      values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: ids[code]!, value })) },
    },
  });
}

/** Mariojela's figures by week offset (0 = this week), in tenths of a litre and whole candles and rupiah. */
const MARIOJELA_WEEKS: Array<{ offset: number; jelantah: number; lilin: number; pendapatan: number }> = [
  { offset: -3, jelantah: 50, lilin: 0, pendapatan: 0 }, // Budi 5 l
  { offset: -2, jelantah: 100, lilin: 0, pendapatan: 0 }, // Ani 10 l
  { offset: -1, jelantah: 200, lilin: 25, pendapatan: 0 }, // Budi 20 l, 25 lilin
  { offset: 0, jelantah: 245, lilin: 40, pendapatan: 50_000 }, // Ani 12,5 + Budi 8 + Ratna 4; 30 + 10 + 0; Rp 50.000
];

describe.sequential("the weekly rhythm end to end", () => {
  it("a week of reports: one through /lapor, the others stored directly; one member opts out of reminders", async () => {
    await report(MARIOJELA, budi, week(-3), { "jelantah-terkumpul": "5" });
    await report(MARIOJELA, ani, week(-2), { "jelantah-terkumpul": "10" });
    await report(MARIOJELA, budi, week(-1), { "jelantah-terkumpul": "20", "lilin-terjual": "25" });
    await report(MARIOJELA, budi, thisWeek, { "jelantah-terkumpul": "8", "lilin-terjual": "10" });
    await report(MARIOJELA, ratna, thisWeek, { "jelantah-terkumpul": "4", "lilin-terjual": "0" });
    await report(PETRATONIK, dedi, thisWeek, { "maggot-bsf": "7.5", kasgot: "3", telur: "120" });

    const key = await startReport(ani.user);
    expect(key).toBe(thisWeek.key);
    await ani.user.expectReply("(1/3) Jelantah terkumpul — berapa liter?");
    ani.user.say("12,5");
    await ani.user.expectReply("(2/3) Lilin terjual — berapa buah?");
    ani.user.say("30");
    await ani.user.expectReply("(3/3) Pendapatan — berapa rupiah?");
    ani.user.say("Rp 50.000");
    await skipPhotoAndNote(ani.user);
    await ani.user.expectReply("Periksa dulu laporannya:");
    ani.user.press("Simpan");
    await ani.user.expectReply("Tersimpan! Terima kasih atas laporannya.");
    const stored = await reportsOf(e2e.db, ani.personId);
    expect(stored.map((r) => [r.weekStart, r.current, r.values])).toEqual([
      [week(-2).startDate, true, { "jelantah-terkumpul": "10" }],
      [weekStartOf(thisWeek.key), true, { "jelantah-terkumpul": "12.5", "lilin-terjual": "30", pendapatan: "50000" }],
    ]);

    dodi.user.say("/berhenti");
    await dodi.user.expectReply("Baik, Anda tidak akan menerima pengingat laporan mingguan lagi.");
    expect((await e2e.db.prisma.person.findUniqueOrThrow({ where: { id: dodi.personId } })).remindersOff).toBe(true);
  });

  it("the reminder job, run by hand, reminds only those who have not reported, with a Lapor sekarang button", async () => {
    const before = Object.fromEntries(Object.entries(everyone).map(([k, p]) => [k, p.user.messages().length]));
    const run = await runCli(e2e, ["jobs", "run", "weekly-reminder", "--week", thisWeek.key], QUEUE_MS);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Added job manual-weekly-reminder-${thisWeek.key}-first-\\d+ to queue reminder`));

    const range = formatWeekRange(thisWeek, "id", ZONE);
    const toCitra = await citra.user.expectReply("Halo, Citra Ayu! 👋", QUEUE_MS);
    expect(toCitra.text).toContain(`Laporan Anda untuk kelompok Mariojela minggu ini (${range}) belum kami terima.`);
    expect(toCitra.text).toContain("Tidak ingin diingatkan lagi? Kirim /berhenti.");
    expect(buttons(toCitra).map((b) => b.text)).toEqual(["📝 Lapor sekarang"]);
    const toEko = await eko.user.expectReply("Halo, Eko Prasetyo! 👋", QUEUE_MS);
    expect(toEko.text).toContain(`Laporan Anda untuk kelompok Petratonik Karang Joang minggu ini (${range}) belum kami terima.`);

    // Citra and Eko sent; Fitri's Telegram refused (403): her row and she herself are unreachable, no retry
    const statuses = async () =>
      Object.fromEntries((await e2e.db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-reminder" } })).map((r) => [r.personId, r.status]));
    await expect
      .poll(statuses, { timeout: QUEUE_MS })
      .toEqual({ [citra.personId]: "sent", [eko.personId]: "sent", [fitri.personId]: "unreachable" });
    const rows = await e2e.db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-reminder" } });
    const [mariojela, petratonik] = [await groupByCode(e2e.db, MARIOJELA), await groupByCode(e2e.db, PETRATONIK)];
    expect(rows.map((r) => r.key).sort()).toEqual(
      [
        `remind-${thisWeek.key}-first-${mariojela.id}-${citra.personId}`,
        `remind-${thisWeek.key}-first-${petratonik.id}-${eko.personId}`,
        `remind-${thisWeek.key}-first-${petratonik.id}-${fitri.personId}`,
      ].sort(),
    );
    expect(rows.find((r) => r.personId === fitri.personId)).toMatchObject({ attempts: 1, telegramMessageId: null });
    expect(await e2e.db.prisma.person.findUniqueOrThrow({ where: { id: fitri.personId } })).toMatchObject({ status: "unreachable" });
    // reported (Ani, Budi, Ratna, Dedi), opted out (Dodi), left (Eka), staff (Sari): nothing
    for (const key of ["ratna", "ani", "budi", "dodi", "eka", "dedi", "sari"]) expect(everyone[key]!.user.messages(), key).toHaveLength(before[key]!);
    expect(citra.user.messages()).toHaveLength(1);
    expect(eko.user.messages()).toHaveLength(1);
    expect(fitri.user.messages()).toEqual([]);

    // the button opens /lapor for the reminder's group and week, without asking which
    citra.user.press("📝 Lapor sekarang", toCitra);
    await citra.user.expectReply("(1/3) Jelantah terkumpul — berapa liter?");
    citra.user.say("/batal");
    await citra.user.expectReply("Baik, dibatalkan.");
    expect(await reportsOf(e2e.db, citra.personId)).toEqual([]);
    // the same data naming another group opens only the presser's own group
    const forged = forgeCallback(e2e.server, eko.user, toEko, `report:now:${mariojela.id}:${thisWeek.key}`, "forged-report-now");
    await eko.user.callbackAnswer(forged);
    await eko.user.expectReply("(1/4) Maggot BSF dipanen — berapa kg?");
    eko.user.say("/batal");
    await eko.user.expectReply("Baik, dibatalkan.");
    expect(await reportsOf(e2e.db, eko.personId)).toEqual([]);
  });

  it("the summary job, run by hand, gives the coordinators and staff the week's numbers and a PNG chart", async () => {
    const run = await runCli(e2e, ["jobs", "run", "weekly-summary", "--week", thisWeek.key], QUEUE_MS);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Added job manual-weekly-summary-${thisWeek.key}-\\d+ to queue summary`));

    // a coordinator's summary, one per staff member and programme (5): 7 messages
    await expect
      .poll(async () => (await e2e.db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-summary" } })).map((r) => r.status), {
        timeout: QUEUE_MS,
        interval: 250,
      })
      .toEqual(Array.from({ length: 7 }, () => "sent"));
    const rows = await e2e.db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-summary" } });
    expect(rows.filter((r) => r.personId === ratna.personId).map((r) => r.key)).toEqual([`summary-${thisWeek.key}-${ratna.personId}`]);
    expect(rows.filter((r) => r.personId === dedi.personId).map((r) => r.key)).toEqual([`summary-${thisWeek.key}-${dedi.personId}`]);
    expect(rows.filter((r) => r.personId === sari.personId)).toHaveLength(5);

    // the numbers, written the Indonesian way
    const year = (pick: (w: (typeof MARIOJELA_WEEKS)[number]) => number) =>
      MARIOJELA_WEEKS.filter((w) => week(w.offset).isoYear === thisWeek.isoYear).reduce((sum, w) => sum + pick(w), 0);
    const range = formatWeekRange(thisWeek, "id", ZONE);
    const mariojelaLines = [
      "Sudah lapor: 3 dari 5 anggota (60%)",
      "• Jelantah terkumpul: 24,5 liter (naik 4,5 liter, +22,5%)",
      `   Sejak awal ${thisWeek.isoYear}: ${formatNumber(String(year((w) => w.jelantah) / 10))} liter`,
      "• Lilin terjual: 40 buah (naik 15 buah, +60%)",
      `   Sejak awal ${thisWeek.isoYear}: ${formatNumber(String(year((w) => w.lilin)))} buah`,
      "• Pendapatan: Rp 50.000 (baru, minggu lalu belum ada)",
      `   Sejak awal ${thisWeek.isoYear}: Rp 50.000`,
    ];
    const petratonikLines = [
      // Fitri (unreachable) is still a member who has not reported
      "Sudah lapor: 1 dari 3 anggota (33%)",
      "• Maggot BSF dipanen: 7,5 kg (baru, minggu lalu belum ada)",
      "• Kasgot: 3 kg (baru, minggu lalu belum ada)",
      "• Telur: 120 butir (baru, minggu lalu belum ada)",
      // the one report of the week skipped this optional figure: not filled in, neither 0 nor "no report"
      "• Sayuran organik dipanen: —, tidak diisi",
    ];

    const toRatna = ratna.user.messages();
    const ratnaSummary = toRatna.find((m) => textOf(m).startsWith(`📊 Ringkasan minggu ${range}`));
    expect(ratnaSummary, toRatna.map(textOf).join("\n---\n")).toBeDefined();
    const ratnaText = textOf(ratnaSummary!);
    expect(ratnaText).toContain("👥 Kelompok Mariojela");
    for (const line of mariojelaLines) expect(ratnaText).toContain(line);
    expect(notReported(ratnaText)).toEqual(["Citra Ayu", "Dodi Saputra"]);
    expect(ratnaText).not.toContain("Eka Wulandari");
    expect(ratnaText).not.toContain("Petratonik");
    expect(ratnaText).toContain("📅 Tidak ada rapat dalam 14 hari ke depan.");

    const toDedi = dedi.user.messages();
    expect(toDedi).toHaveLength(1);
    const dediText = textOf(toDedi[0]!);
    expect(dediText).toContain(`📊 Ringkasan minggu ${range}`);
    expect(dediText).toContain("👥 Kelompok Petratonik Karang Joang");
    for (const line of petratonikLines) expect(dediText).toContain(line);
    expect(notReported(dediText)).toEqual(["Eko Prasetyo", "Fitri Handayani"]);
    expect(dediText).not.toContain("Mariojela");

    const toSari = sari.user.messages();
    const sariSummaries = toSari.filter((m) => textOf(m).startsWith("📊 Ringkasan minggu"));
    expect(sariSummaries).toHaveLength(5);
    const programme = sariSummaries.find((m) => textOf(m).includes("Program: Margasari Olah Jelantah (Mariojela)"));
    for (const line of mariojelaLines) expect(textOf(programme!)).toContain(line);
    const petratonikProgramme = sariSummaries.find((m) => textOf(m).includes("Program: Peternakan Ayam Terintegrasi BSF"));
    for (const line of petratonikLines) expect(textOf(petratonikProgramme!)).toContain(line);

    // the chart: a PNG, to whoever sees Mariojela (four weeks with reports); Petratonik has one week: no chart
    const isPng = (fileId: string) => {
      const png = e2e.server.file(fileId);
      return png.length > 5_000 && png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    };
    for (const [who, messages] of [["Ratna", toRatna], ["Sari", toSari]] as const) {
      const photos = messages.filter((m) => m.photo);
      expect(photos, who).toHaveLength(1);
      expect(isPng(photos[0]!.photo!.at(-1)!.file_id), who).toBe(true);
      expect(photos.map(textOf).join(""), who).toMatch(/Mariojela/);
    }
    expect(toDedi.filter((m) => m.photo)).toEqual([]);
    // members get no summary
    for (const p of [ani, budi, citra, dodi, eka, eko, fitri]) expect(p.user.messages().some((m) => textOf(m).startsWith("📊"))).toBe(false);
  });

  it("/capaian 2021 on the seeded 2021 reports answers with the seed's own figures", async () => {
    await seedReports2021(e2e.db.prisma);
    const staff = e2e.userWithId(STAFF_TG, { firstName: "Petugas" });
    staff.say("/capaian 2021");
    const reply = await staff.expectReply("🏆 Capaian tahun 2021");
    const text = reply.text ?? "";
    expect(text).toContain("(4 Januari 2021 – 2 Januari 2022)\n");
    expect(text).toContain(
      "📌 Margasari Olah Jelantah (Mariojela)\nKelompok Mariojela mengumpulkan 789,5 liter jelantah, menjual 255 produk lilin dan memperoleh pendapatan Rp 1.815.000.",
    );
    expect(text).toContain("Kelompok Petratonik Karang Joang menghasilkan 434 kg maggot Black Soldier Fly (BSF) dan memperoleh kasgot sebanyak 174 kg.");
    expect(text).toContain("Kelompok KSB Margasari: belum ada laporan untuk tahun ini.");
    // this year's reports of the same group are another year's
    expect(text).not.toContain("24,5");
  });

  it("/hapusdata erases a member at once, keeps the figures anonymous; /dataku then has nothing to show", async () => {
    ani.user.say("/dataku");
    const shown = await ani.user.expectReply("📋 Data Anda yang tersimpan di bot ini");
    expect(shown.text).toContain("Nama: Ani Lestari");
    expect(shown.text).toContain("• Mariojela (program Margasari Olah Jelantah (Mariojela)): anggota, sejak");
    expect(shown.text).toContain("2 laporan mingguan tersimpan atas nama Anda.");
    expect(shown.text).toContain("Pengingat laporan mingguan: menyala.");

    ani.user.say("/hapusdata");
    const confirm = await ani.user.expectReply("Anda yakin ingin menghapus data pribadi Anda?");
    expect(buttons(confirm).map((b) => b.text)).toEqual(["Ya, hapus data saya", "Tidak, batalkan"]);
    const asked = Date.now();
    ani.user.press("Ya, hapus data saya", confirm);
    await ani.user.expectReply("Data pribadi Anda sudah dihapus dan persetujuan Anda sudah ditarik.");

    const person = await e2e.db.prisma.person.findUniqueOrThrow({ where: { id: ani.personId } });
    expect(person).toMatchObject({ name: null, phone: null, telegramId: null, telegramUsername: null, status: "erased" });
    expect(Math.abs(person.erasedAt!.getTime() - asked)).toBeLessThan(60_000);
    expect(await e2e.db.prisma.membership.count({ where: { personId: ani.personId, status: "active" } })).toBe(0);
    expect(await e2e.db.prisma.privacyEvent.count({ where: { personId: ani.personId, kind: "erased" } })).toBe(1);
    // the figures stay, under the anonymous member
    expect((await reportsOf(e2e.db, ani.personId)).map((r) => r.values["jelantah-terkumpul"])).toEqual(["10", "12.5"]);

    ani.user.say("/dataku");
    await ani.user.expectReply("Tidak ada data pribadi Anda yang tersimpan di bot ini.");
    expect(JSON.stringify(e2e.bot.allLogs)).not.toContain("Ani Lestari");
  });
});
