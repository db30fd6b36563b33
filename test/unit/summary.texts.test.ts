import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { isBehind, percentOfTarget, proRata, yearToDate, type Figure } from "../../src/features/figures/figures.rules.js";
import { figureKey, type Evaluation, type Evaluations } from "../../src/features/figures/figures.service.js";
import type { SummaryRepository } from "../../src/features/summary/summary.repository.js";
import { buildSummary, type SummaryDeps } from "../../src/features/summary/summary.service.js";
import { coordinatorSummaryText, fitMessage, MESSAGE_LIMIT, staffSummaryTexts, type SummaryText } from "../../src/features/summary/summary.texts.js";
import { weekFromKey } from "../../src/lib/week.js";

const WITA = "Asia/Makassar";
const i18n = createI18n();
const NOW = new Date("2026-11-30T00:00:00Z"); // Monday 08:00 WITA
const W48 = weekFromKey("2026-W48", WITA)!;
const text = (lang: "id" | "en"): SummaryText => ({ t: (k, v) => i18n.t(lang, k, v), lang, timeZone: WITA });

const PERIOD = yearToDate(W48.startDate);

/** A group × indicator's figures as the figures module gives them: the week, the week before, and the year's evaluation. */
type FigureFixture = { groupId: number; indicatorId: number; week: Figure; previous: Figure; year: Figure; target?: Figure; lastYear?: Figure; lastYearSource?: Evaluation["lastYearSource"] };

function evaluations(rows: FigureFixture[]): Evaluations {
  const byKey = new Map<ReturnType<typeof figureKey>, Evaluation>();
  const extra = new Map<ReturnType<typeof figureKey>, Figure[]>();
  for (const r of rows) {
    const target = r.target ?? null;
    const line = proRata("sum", target, PERIOD.weeksElapsed, PERIOD.weeksInYear);
    byKey.set(figureKey(r.groupId, r.indicatorId), {
      year: r.year,
      yearSource: r.year === null ? null : "reports",
      lastYear: r.lastYear ?? null,
      lastYearSource: r.lastYear ? (r.lastYearSource ?? "reports") : null,
      target,
      percent: percentOfTarget(r.year, target),
      line,
      behind: isBehind(r.year, line),
    });
    extra.set(figureKey(r.groupId, r.indicatorId), [r.week, r.previous]);
  }
  return { period: PERIOD, byKey, extra };
}

/** A repository answering from fixtures, as PostgreSQL would (figures as decimal strings). */
function fakeRepo(): SummaryRepository {
  const groups = [
    { groupId: 2, name: "Mariojela", programmeId: 20, kelurahan: "Margasari" },
    { groupId: 3, name: "KSB Margasari", programmeId: 30, kelurahan: "Margasari" },
    { groupId: 4, name: "KSB Baru Tengah", programmeId: 30, kelurahan: "Baru Tengah" },
  ];
  return {
    programmes: async () => [
      { programmeId: 30, name: "Kampung Siaga Bencana (KSB)", nameEn: "Disaster-Ready Village (KSB)" },
      { programmeId: 20, name: "Margasari Olah Jelantah (Mariojela)", nameEn: "Margasari Used Cooking Oil (Mariojela)" },
    ],
    groups: async (f: { groupIds?: number[]; programmeId?: number }) =>
      groups.filter((g) => (!f.groupIds || f.groupIds.includes(g.groupId)) && (f.programmeId === undefined || g.programmeId === f.programmeId)),
    indicators: async (ids: number[] | null) =>
      [
        { indicatorId: 201, programmeId: 20, code: "jelantah-terkumpul", labelId: "Jelantah terkumpul", labelEn: "Used cooking oil collected", unit: "liter", decimals: 1, aggregation: "sum" as const },
        { indicatorId: 202, programmeId: 20, code: "lilin-terjual", labelId: "Lilin terjual", labelEn: "Candles sold", unit: "buah", decimals: 0, aggregation: "sum" as const },
        { indicatorId: 203, programmeId: 20, code: "pendapatan", labelId: "Pendapatan", labelEn: "Income", unit: "rupiah", decimals: 0, aggregation: "sum" as const },
        { indicatorId: 301, programmeId: 30, code: "peserta", labelId: "Peserta", labelEn: "Participants", unit: "orang", decimals: 0, aggregation: "sum" as const },
      ].filter((i) => ids === null || ids.includes(i.programmeId)),
    evaluate: async () =>
      evaluations([
        { groupId: 2, indicatorId: 201, week: "120.5", previous: "100", year: "1250.75", target: "1500", lastYear: "1100" },
        { groupId: 2, indicatorId: 202, week: "15", previous: "0", year: "255", lastYear: "240", lastYearSource: "baseline" },
        // every member who reported skipped the optional income this week
        { groupId: 2, indicatorId: 203, week: null, previous: "1750000", year: "12000000" },
        { groupId: 3, indicatorId: 301, week: "30", previous: "30", year: "400", target: "420" },
        { groupId: 4, indicatorId: 301, week: null, previous: "12", year: "80", target: "600" },
      ]),
    yearSeries: async () => ({ weekStartDates: [], indicators: [] }),
    reporting: async () => [
      { groupId: 2, active: 8, reported: 6 },
      { groupId: 3, active: 5, reported: 5 },
      { groupId: 4, active: 4, reported: 0 },
    ],
    nonReporters: async () => [
      { groupId: 2, personId: 21, name: "Ani" },
      { groupId: 2, personId: 22, name: null },
      ...["Dedi", "Eka", "Fitri", "Gita"].map((name, i) => ({ groupId: 4, personId: 40 + i, name })),
    ],
    upcomingMeetings: async () => [
      { meetingId: 7, title: "FGD Evaluasi TJSL", startsAt: new Date("2026-12-01T01:00:00Z"), place: "Aula Kelurahan Margasari", yes: 5, no: 2, maybe: 1, unanswered: 3 },
    ],
    coordinatorRecipients: async () => [],
    staffRecipients: async () => [],
    coordinatedGroupIds: async () => [],
    isStaff: async () => false,
  } as SummaryRepository;
}

const deps: SummaryDeps = { repo: fakeRepo(), clock: () => NOW, timeZone: WITA };

describe("a coordinator's summary", () => {
  it("shows each indicator's total, change and year so far, who reported, and the meetings (Indonesian)", async () => {
    const summary = await buildSummary(deps, { kind: "groups", groupIds: [2] }, W48);
    expect(coordinatorSummaryText(text("id"), summary)).toBe(
      [
        "📊 Ringkasan minggu 23–29 November 2026",
        "",
        "👥 Kelompok Mariojela (Margasari)",
        "🎯 Kemajuan menuju target 2026: 83,4% — ⚠️ tertinggal dari rencana",
        "Sudah lapor: 6 dari 8 anggota (75%)",
        "Belum lapor: Ani, (tanpa nama)",
        "• Jelantah terkumpul: 120,5 liter (naik 20,5 liter, +20,5%)",
        "   Sejak awal 2026: 1.250,75 liter — 83,4% dari target 1.500 liter",
        "   ⚠️ Di bawah garis rencana: seharusnya sekitar 1.358,5 liter saat ini",
        "   Periode yang sama 2025: 1.100 liter",
        "• Lilin terjual: 15 buah (baru, minggu lalu belum ada)",
        "   Sejak awal 2026: 255 buah",
        "   Setahun penuh 2025: 240 buah",
        "• Pendapatan: —, tidak diisi",
        "   Sejak awal 2026: Rp 12.000.000",
        "",
        "📅 Rapat dalam 14 hari ke depan:",
        "• FGD Evaluasi TJSL — Selasa, 1 Desember 2026 pukul 09.00 WITA, di Aula Kelurahan Margasari",
        "   Hadir 5 · Mungkin 1 · Tidak hadir 2 · Belum menjawab 3",
      ].join("\n"),
    );
  });

  it("speaks English to English speakers, with the same figures", async () => {
    const summary = await buildSummary(deps, { kind: "groups", groupIds: [2] }, W48);
    const en = coordinatorSummaryText(text("en"), summary);
    expect(en).toContain("• Used cooking oil collected: 120,5 litres (up 20,5 litres, +20,5%)");
    expect(en).toContain("Reported: 6 of 8 members (75%)");
    expect(en).toContain("   Since the start of 2026: 1.250,75 litres — 83,4% of the target 1.500 litres");
    expect(en).toContain("• Income: —, not filled in");
  });
});

describe("a staff summary", () => {
  it("is one message per programme, with the programme's totals over its groups, and the meetings once", async () => {
    const summary = await buildSummary(deps, { kind: "all" }, W48);
    const [ksb, mariojela] = staffSummaryTexts(text("id"), summary);
    expect(ksb).toContain("Program: Kampung Siaga Bencana (KSB)");
    expect(ksb).toContain(
      "Jumlah dari 2 kelompok:\nSudah lapor: 5 dari 9 anggota (56%)\n⚠️ Tertinggal dari rencana 2026: KSB Baru Tengah\n" +
        "• Peserta: 30 orang (turun 12 orang, −28,6%)\n   Sejak awal 2026: 480 orang — 47,1% dari target 1.020 orang",
    );
    expect(ksb).toContain(
      "👥 Kelompok KSB Margasari (Margasari)\n🎯 Kemajuan menuju target 2026: 95,2%\nSudah lapor: 5 dari 5 anggota (100%)\nSemua anggota sudah lapor. Terima kasih! 👏\n• Peserta: 30 orang (sama dengan minggu lalu)",
    );
    expect(ksb).toContain("Belum lapor: Dedi, Eka, Fitri, Gita\n• Peserta: belum ada laporan\n   Sejak awal 2026: 80 orang — 13,3% dari target 600 orang");
    // ranked by progress towards the targets: the group furthest ahead first
    expect(ksb!.indexOf("KSB Margasari (Margasari)")).toBeLessThan(ksb!.indexOf("KSB Baru Tengah (Baru Tengah)"));
    expect(ksb).not.toContain("📅");
    expect(mariojela).toContain("Program: Margasari Olah Jelantah (Mariojela)");
    expect(mariojela).not.toContain("Jumlah dari"); // one group: its figures are the programme's
    expect(mariojela).toContain("📅 Rapat dalam 14 hari ke depan:");
  });
});

describe("a programme without members yet", () => {
  it("says so for the programme as for its groups (not «0 dari 0 anggota (0%)»)", async () => {
    const reporting = async () => [
      { groupId: 2, active: 8, reported: 6 },
      { groupId: 3, active: 0, reported: 0 },
      { groupId: 4, active: 0, reported: 0 },
    ];
    const empty: SummaryDeps = { ...deps, repo: { ...fakeRepo(), reporting, nonReporters: async () => [] } as SummaryRepository };
    const summary = await buildSummary(empty, { kind: "all" }, W48);
    const [ksb] = staffSummaryTexts(text("id"), summary);
    expect(ksb).toContain("Jumlah dari 2 kelompok:\nBelum ada anggota yang terdaftar.\n");
    expect(ksb).toContain("👥 Kelompok KSB Margasari (Margasari)\n🎯 Kemajuan menuju target 2026: 95,2%\nBelum ada anggota yang terdaftar.\n");
    expect(ksb).not.toContain("dari 0 anggota");
  });
});

describe("fitting Telegram's 4096 characters", () => {
  it("keeps every group when they fit, else counts those left out", () => {
    const t = text("id").t;
    const block = "x".repeat(1000);
    expect(fitMessage(t, ["head"], [block, block], ["tail"])).toBe(`head\n\n${block}\n\n${block}\n\ntail`);
    const cut = fitMessage(t, ["head"], Array.from({ length: 10 }, () => block), ["tail"]);
    expect(cut.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(cut).toContain("… dan 7 kelompok lagi yang tidak muat di pesan ini.");
    expect(cut.endsWith("tail")).toBe(true);
  });

  it("shows ten names and counts the rest", async () => {
    const many = fakeRepo();
    many.nonReporters = async () => Array.from({ length: 14 }, (_, i) => ({ groupId: 2, personId: 100 + i, name: `Anggota ${i + 1}` }));
    const summary = await buildSummary({ ...deps, repo: many }, { kind: "groups", groupIds: [2] }, W48);
    expect(coordinatorSummaryText(text("id"), summary)).toContain("Anggota 9, Anggota 10, dan 4 orang lagi");
  });
});
