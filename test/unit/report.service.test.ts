import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { reportHistory } from "../../src/features/report/report.history.js";
import type { GroupMemberRow, IndicatorRow, MembershipRow, ReportRepository, SaveVersionResult } from "../../src/features/report/report.repository.js";
import { checkAnswers, groupTotals, saveReport } from "../../src/features/report/report.save.js";
import {
  authorizeReport,
  exampleFor,
  formatFigure,
  judgeAnswer,
  judgeValue,
  mediansByIndicator,
  openWeek,
  prepareReport,
  reportableMembers,
  reportingGroups,
  weekChoices,
  type ReportDeps,
  type ReportPlan,
  asksGroupFigures,
} from "../../src/features/report/report.service.js";
import { historyText, savedText, summaryText, type Translate } from "../../src/features/report/report.texts.js";

const WITA = "Asia/Makassar";
/** Wednesday 25 November 2026, 12:00 WITA: reporting week 2026-W48 (23–29 November). */
const NOW = new Date("2026-11-25T04:00:00Z");

const jelantah: IndicatorRow = {
  id: 11, code: "jelantah-terkumpul", labelId: "Jelantah terkumpul", labelEn: "Used cooking oil collected",
  unit: "liter", decimals: 1, min: "0", max: "5000", required: true, position: 0, reportedBy: "member", aggregation: "sum",
};
const lilin: IndicatorRow = {
  id: 12, code: "lilin-terjual", labelId: "Lilin terjual", labelEn: "Candles sold",
  unit: "buah", decimals: 0, min: "0", max: "5000", required: true, position: 1, reportedBy: "member", aggregation: "sum",
};
const pendapatan: IndicatorRow = {
  id: 13, code: "pendapatan", labelId: "Pendapatan", labelEn: "Income",
  unit: "rupiah", decimals: 0, min: "0", max: "100000000", required: false, position: 2, reportedBy: "member", aggregation: "sum",
};
const INDICATORS = [jelantah, lilin, pendapatan];

// People: 1 coordinates group 10 (Mariojela) and is a plain member of group 20 (KSB);
// 2 and 3 (no Telegram) are members of group 10; 4 is a member of group 20 only.
const MEMBERSHIPS: Record<number, MembershipRow[]> = {
  1: [
    { groupId: 10, groupName: "Mariojela", programmeId: 100, role: "coordinator", asksObstacles: true },
    { groupId: 20, groupName: "KSB Margasari", programmeId: 200, role: "member", asksObstacles: true },
  ],
  2: [{ groupId: 10, groupName: "Mariojela", programmeId: 100, role: "member", asksObstacles: true }],
  3: [{ groupId: 10, groupName: "Mariojela", programmeId: 100, role: "member", asksObstacles: true }],
  4: [{ groupId: 20, groupName: "KSB Margasari", programmeId: 200, role: "member", asksObstacles: true }],
};
const MEMBERS: Record<number, GroupMemberRow[]> = {
  10: [
    { personId: 2, name: "Ani", hasTelegram: true, role: "member" },
    { personId: 1, name: "Budi", hasTelegram: true, role: "coordinator" },
    { personId: 3, name: "Sari", hasTelegram: false, role: "member" },
  ],
  20: [
    { personId: 1, name: "Budi", hasTelegram: true, role: "member" },
    { personId: 4, name: "Dewi", hasTelegram: true, role: "member" },
  ],
};

type Repo = ReportDeps["repo"];

function fakeRepo(overrides: Partial<Repo> = {}): Repo {
  const unused = () => {
    throw new Error("not expected in this test");
  };
  return {
    activeMemberships: async (personId) => MEMBERSHIPS[personId] ?? [],
    groupMembers: async (groupId) => MEMBERS[groupId] ?? [],
    activeIndicators: async (programmeId) => (programmeId === 100 ? INDICATORS : []),
    currentReport: async () => null,
    recentValues: async () => [],
    currentGroupReport: async () => null,
    recentGroupValues: async () => [],
    saveVersion: unused,
    weekAndYear: async () => [],
    recentReports: async () => [],
    reportedMemberIds: async () => [],
    ...overrides,
  } satisfies ReportRepository;
}

const silent = { error() {}, warn() {} };

function deps(overrides: Partial<ReportDeps> = {}): ReportDeps {
  return { repo: fakeRepo(), clock: () => NOW, timeZone: WITA, backfillWeeks: 4, logger: silent, ...overrides };
}

describe("week choices", () => {
  it("offers this week first, then the configured number of earlier weeks", () => {
    expect(weekChoices(deps())).toEqual([
      { key: "2026-W48", startDate: "2026-11-23" },
      { key: "2026-W47", startDate: "2026-11-16" },
      { key: "2026-W46", startDate: "2026-11-09" },
      { key: "2026-W45", startDate: "2026-11-02" },
      { key: "2026-W44", startDate: "2026-10-26" },
    ]);
    expect(weekChoices(deps({ backfillWeeks: 0 }))).toEqual([{ key: "2026-W48", startDate: "2026-11-23" }]);
  });

  it("keeps weeks outside the backfill window and future weeks closed", () => {
    const d = deps();
    expect(openWeek(d, "2026-W48")?.startDate).toBe("2026-11-23");
    expect(openWeek(d, "2026-W44")?.startDate).toBe("2026-10-26");
    expect(openWeek(d, "2026-W43")).toBeNull();
    expect(openWeek(d, "2026-W49")).toBeNull();
    expect(openWeek(d, "2026-48")).toBeNull();
    expect(openWeek(deps({ backfillWeeks: 1 }), "2026-W46")).toBeNull();
  });

  it("crosses the year boundary by ISO week", () => {
    // Thursday 1 January 2026, 09:00 WITA: week 2026-W01 began on Monday 29 December 2025.
    const d = deps({ clock: () => new Date("2026-01-01T01:00:00Z"), backfillWeeks: 2 });
    expect(weekChoices(d).map((w) => w.key)).toEqual(["2026-W01", "2025-W52", "2025-W51"]);
    // Sunday 23:59 WITA is still the old week; a minute later the window moves.
    expect(weekChoices(deps({ clock: () => new Date("2026-11-29T15:59:00Z") }))[0]!.key).toBe("2026-W48");
    expect(weekChoices(deps({ clock: () => new Date("2026-11-29T16:00:00Z") }))[0]!.key).toBe("2026-W49");
  });
});

describe("judging an answer", () => {
  it("takes the member's own median over their recent values, per indicator", () => {
    const medians = mediansByIndicator(INDICATORS, [
      { indicatorId: 11, value: "10" },
      { indicatorId: 11, value: "14" },
      { indicatorId: 11, value: "12.5" },
      { indicatorId: 12, value: "3" },
      { indicatorId: 12, value: "5" },
    ]);
    expect(medians).toEqual({ "11": "12.5", "12": "4", "13": null });
  });

  it("asks 'are you sure' above ten times the member's median, never without a history", () => {
    expect(judgeAnswer("126", jelantah, "12.5")).toEqual({ kind: "unusual", median: "12.5", value: "126" });
    expect(judgeAnswer("125", jelantah, "12.5")).toEqual({ kind: "accept", value: "125" });
    expect(judgeAnswer("4.000", jelantah, null)).toEqual({ kind: "accept", value: "4000" });
    expect(judgeAnswer("5", jelantah, "0")).toEqual({ kind: "accept", value: "5" });
  });

  it("reads Indonesian numbers and sends every doubt back as a question", () => {
    expect(judgeAnswer("789,5", jelantah, null)).toEqual({ kind: "accept", value: "789.5" });
    expect(judgeAnswer("12 liter", jelantah, null)).toEqual({ kind: "accept", value: "12" });
    expect(judgeAnswer("tidak ada", jelantah, null)).toEqual({ kind: "accept", value: "0" });
    expect(judgeAnswer("Rp 1.500.000", pendapatan, null)).toEqual({ kind: "accept", value: "1500000" });
    expect(judgeAnswer("1,250", jelantah, null)).toEqual({ kind: "ambiguous", readings: ["1.25", "1250"] });
    expect(judgeAnswer("500 gram", { ...jelantah, unit: "kg" }, null)).toMatchObject({ kind: "unit-mismatch", unitWritten: "gram" });
    expect(judgeAnswer("banyak 😊", jelantah, null)).toEqual({ kind: "invalid" });
    expect(judgeAnswer("-5", jelantah, null)).toEqual({ kind: "negative", value: "-5" });
    expect(judgeAnswer("6000", jelantah, null)).toEqual({ kind: "above-max", max: "5000", value: "6000" });
    expect(judgeAnswer("12,55", jelantah, null)).toEqual({ kind: "too-many-decimals", decimals: 1, rounded: "12.6", value: "12.55" });
    expect(judgeAnswer("2,5", lilin, null)).toEqual({ kind: "not-whole", value: "2.5" });
    expect(judgeAnswer("2.55", lilin, null)).toEqual({ kind: "not-whole", value: "2.55" }); // not "Pakai 3 buah?": 255 is likelier
    expect(judgeValue("30", lilin, "2.5")).toEqual({ kind: "unusual", median: "3", value: "30" });
    expect(judgeValue("5000", jelantah, "460.25")).toEqual({ kind: "unusual", median: "460.3", value: "5000" });
    expect(judgeAnswer("12 liter jelantah", jelantah, null)).toEqual({ kind: "accept", value: "12" });
    expect(judgeAnswer("30 buah lilin", lilin, null)).toEqual({ kind: "accept", value: "30" });
  });

  it("lets only optional indicators be skipped", () => {
    expect(judgeAnswer("lewati", pendapatan, null)).toEqual({ kind: "skip" });
    expect(judgeAnswer("lewati", jelantah, null)).toEqual({ kind: "required" });
  });
});

describe("who may report for whom", () => {
  it("lists the groups of active memberships, and nothing for a person without one", async () => {
    const d = deps();
    expect(await reportingGroups(d, 1)).toEqual({
      kind: "ok",
      groups: [
        { groupId: 10, groupName: "Mariojela", programmeId: 100, isCoordinator: true, asksObstacles: true },
        { groupId: 20, groupName: "KSB Margasari", programmeId: 200, isCoordinator: false, asksObstacles: true },
      ],
    });
    expect(await reportingGroups(d, 99)).toEqual({ kind: "not-member" });
  });

  it("offers a coordinator the other members of the group they coordinate, with and without Telegram", async () => {
    const d = deps();
    expect(await reportableMembers(d, 1, 10)).toEqual({
      kind: "ok",
      members: [
        { personId: 2, name: "Ani", hasTelegram: true },
        { personId: 3, name: "Sari", hasTelegram: false },
      ],
    });
    expect(await reportableMembers(d, 1, 20)).toEqual({ kind: "not-coordinator" });
    expect(await reportableMembers(d, 2, 10)).toEqual({ kind: "not-coordinator" });
  });

  it("checks every target against the database, whatever the buttons said", async () => {
    const d = deps();
    expect(await authorizeReport(d, { actorPersonId: 2, groupId: 10, memberId: 2 })).toMatchObject({ kind: "ok", memberName: null });
    expect(await authorizeReport(d, { actorPersonId: 1, groupId: 10, memberId: 3 })).toMatchObject({ kind: "ok", memberName: "Sari" });
    expect(await authorizeReport(d, { actorPersonId: 2, groupId: 20, memberId: 2 })).toEqual({ kind: "refused", reason: "not-member" });
    expect(await authorizeReport(d, { actorPersonId: 2, groupId: 10, memberId: 3 })).toEqual({ kind: "refused", reason: "not-coordinator" });
    expect(await authorizeReport(d, { actorPersonId: 1, groupId: 10, memberId: 4 })).toEqual({ kind: "refused", reason: "member-not-in-group" });
    expect(await authorizeReport(d, { actorPersonId: 1, groupId: 20, memberId: 4 })).toEqual({ kind: "refused", reason: "not-coordinator" });
  });

  it("prepares the questions in order with the member's medians and the stored report", async () => {
    const stored = { id: 5, version: 1, values: [{ indicatorId: 11, value: "3" }], photoFileId: null, note: null, obstacle: null };
    const d = deps({
      repo: fakeRepo({
        currentReport: async (groupId, memberId, week) => (groupId === 10 && memberId === 3 && week === "2026-11-16" ? stored : null),
        recentValues: async () => [{ indicatorId: 11, value: "4" }],
      }),
    });
    const prepared = await prepareReport(d, { actorPersonId: 1, groupId: 10, memberId: 3, weekKey: "2026-W47" });
    expect(prepared).toMatchObject({
      kind: "ok",
      plan: { memberName: "Sari", forOther: true, weekStartDate: "2026-11-16", existing: stored, medians: { "11": "4", "12": null } },
    });
    expect(await prepareReport(d, { actorPersonId: 1, groupId: 10, memberId: 3, weekKey: "2026-W40" })).toEqual({ kind: "week-closed" });
    expect(await prepareReport(d, { actorPersonId: 4, groupId: 20, memberId: 4, weekKey: "2026-W48" })).toEqual({ kind: "no-indicators" });
  });
});

describe("saving", () => {
  const input = {
    actorPersonId: 2,
    groupId: 10,
    memberId: 2,
    weekKey: "2026-W48",
    answers: [
      { indicatorId: 11, value: "789.5" },
      { indicatorId: 12, value: "255" },
      { indicatorId: 13, value: null },
    ],
    photoFileId: null,
    note: "  ",
  };

  it("retries once when another submission won the race, then refuses cleanly", async () => {
    const results: SaveVersionResult[] = [{ kind: "conflict" }, { kind: "saved", reportId: 9, version: 2, replaced: true, group: null }];
    const calls: unknown[] = [];
    const d = deps({ repo: fakeRepo({ saveVersion: async (v) => (calls.push(v), results.shift() ?? { kind: "conflict" }) }) });
    expect(await saveReport(d, input)).toEqual({ kind: "saved", reportId: 9, version: 2, replaced: true, group: null });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ weekStartDate: "2026-11-23", submittedById: 2, now: NOW, note: null, values: [{ indicatorId: 11, value: "789.5" }, { indicatorId: 12, value: "255" }] });
    expect(await saveReport(d, input)).toEqual({ kind: "conflict" });
  });

  it("answers 'unavailable' instead of throwing when the database fails", async () => {
    const d = deps({ repo: fakeRepo({ activeMemberships: async () => Promise.reject(new Error("connect ECONNREFUSED")) }) });
    expect(await saveReport(d, input)).toEqual({ kind: "unavailable" });
  });

  it("refuses what the conversation should never have let through", async () => {
    const d = deps();
    expect(await saveReport(d, { ...input, weekKey: "2026-W49" })).toEqual({ kind: "week-closed" });
    expect(await saveReport(d, { ...input, memberId: 3 })).toEqual({ kind: "refused", reason: "not-coordinator" });
    expect(checkAnswers(INDICATORS, { ...input, answers: [{ indicatorId: 11, value: "1" }] })).toEqual({ kind: "invalid", indicatorId: 12 });
    expect(checkAnswers(INDICATORS, { ...input, answers: [...input.answers, { indicatorId: 99, value: "1" }] })).toEqual({ kind: "invalid", indicatorId: 99 });
    expect(checkAnswers(INDICATORS, { ...input, answers: [{ indicatorId: 11, value: "6000" }, { indicatorId: 12, value: "1" }] })).toEqual({ kind: "invalid", indicatorId: 11 });
    expect(checkAnswers(INDICATORS, { ...input, answers: [{ indicatorId: 11, value: "1" }, { indicatorId: 12, value: "1.5" }] })).toEqual({ kind: "invalid", indicatorId: 12 });
    expect(checkAnswers(INDICATORS, { ...input, note: "x".repeat(501) })).toEqual({ kind: "invalid", indicatorId: null });
    expect(checkAnswers(INDICATORS, { ...input, note: "x".repeat(500) })).toMatchObject({ kind: "ok" });
  });
});

describe("totals and their formatting", () => {
  const t: Translate = (key, vars) => createI18n().t("id", key, vars);
  const plan: ReportPlan = {
    groupId: 10, groupName: "Mariojela", memberId: 3, memberName: "Sari", forOther: true,
    weekKey: "2026-W02", weekStartDate: "2026-01-05", indicators: INDICATORS, medians: {}, existing: null,
    groupAsked: false, existingGroup: null, asksObstacles: true,
  };

  it("shows the figures module's week and year figures, and what nobody reported as not reported (not 0)", async () => {
    const asked: unknown[] = [];
    const d = deps({
      repo: fakeRepo({
        weekAndYear: async (groupId, ids, week) => (
          asked.push([groupId, ids, week]),
          [
            { indicatorId: 11, week: "789.75", year: "799.75" },
            { indicatorId: 13, week: null, year: "1500000" },
          ]
        ),
      }),
    });
    const totals = await groupTotals(d, { groupId: 10, weekKey: "2026-W02", indicators: INDICATORS });
    expect(asked).toEqual([[10, [11, 12, 13], "2026-01-05"]]);
    expect(totals).toMatchObject({ isoYear: 2026, week: [{ total: "789.75" }, { total: null }, { total: null }], year: [{ total: "799.75" }, { total: null }, { total: "1500000" }] });

    const text = savedText(t, "id", WITA, plan, { replaced: false }, totals);
    expect(text).toBe(
      [
        "Laporan untuk Sari tersimpan. Terima kasih!",
        "",
        "Jumlah kelompok Mariojela minggu 5–11 Januari 2026:",
        "• Jelantah terkumpul: 789,75 liter",
        "• Lilin terjual: —, tidak diisi",
        "• Pendapatan: —, tidak diisi",
        "",
        "Jumlah kelompok Mariojela sepanjang tahun 2026 sampai minggu itu:",
        "• Jelantah terkumpul: 799,75 liter",
        "• Lilin terjual: —, tidak diisi",
        "• Pendapatan: Rp 1.500.000",
      ].join("\n"),
    );
    expect(savedText(t, "id", WITA, { ...plan, forOther: false }, { replaced: true, group: { replaced: true } }, null)).toBe(
      "Tersimpan! Laporan lama untuk minggu ini sudah diganti (yang lama tetap diarsipkan).\nAngka kelompok Mariojela sudah diganti (yang lama tetap diarsipkan).",
    );
  });

  it("formats figures the Indonesian way", () => {
    expect(formatFigure("1500000", "rupiah", "rupiah")).toBe("Rp 1.500.000");
    expect(formatFigure("1250.75", "kg", "kg")).toBe("1.250,75 kg");
    expect(formatFigure("0.25", "liter", "liter")).toBe("0,25 liter");
    expect(exampleFor(jelantah)).toBe("12,5");
    expect(exampleFor(lilin)).toBe("12");
    expect(exampleFor(pendapatan)).toBe("Rp 150.000");
  });

  it("summarises a draft with every value, the member, the photo and the note", () => {
    const text = summaryText(t, "id", WITA, plan, { values: ["789.5", "255", null], photoFileId: "AgAD", note: "Hujan", obstacle: "Hujan deras, bank sampah tutup" });
    expect(text).toContain("Anggota: Sari");
    expect(text).toContain("Minggu: 5–11 Januari 2026");
    expect(text).toContain("• Jelantah terkumpul: 789,5 liter\n• Lilin terjual: 255 buah\n• Pendapatan: dilewati");
    expect(text).toContain("Foto: ada\nCatatan: Hujan\nKendala: Hujan deras, bank sampah tutup");
  });
});

describe("who is asked a group's own figures", () => {
  const rule = (o: Partial<Parameters<typeof asksGroupFigures>[0]>) =>
    asksGroupFigures({ groupIndicators: 2, memberIndicators: 3, groupReported: false, coordinatorForSelf: false, ...o });

  it("asks the first reporter of the week, whoever it is", () => {
    expect(rule({})).toBe(true);
  });
  it("does not ask the other members once the figures are in", () => {
    expect(rule({ groupReported: true })).toBe(false);
  });
  it("always asks the coordinator reporting for themselves (they may correct the figures)", () => {
    expect(rule({ groupReported: true, coordinatorForSelf: true })).toBe(true);
  });
  it("asks everyone when the programme has only group figures, and nobody when it has none", () => {
    expect(rule({ groupReported: true, memberIndicators: 0 })).toBe(true);
    expect(rule({ groupIndicators: 0, coordinatorForSelf: true })).toBe(false);
  });
});

describe("history", () => {
  it("marks reports sent by the coordinator and replaced ones, and shows a coordinator who has not reported", async () => {
    const d = deps({
      repo: fakeRepo({
        recentReports: async () => [
          {
            reportId: 1, groupId: 10, groupName: "Mariojela", weekStartDate: "2026-11-16", version: 2, submittedById: 2, memberId: 1, memberName: "Budi", obstacle: null,
            values: [
              { indicatorId: 12, labelId: "Lilin terjual", labelEn: "Candles sold", unit: "buah", position: 1, value: "255" },
              { indicatorId: 11, labelId: "Jelantah terkumpul", labelEn: "Used cooking oil collected", unit: "liter", position: 0, value: "789.5" },
            ],
          },
        ],
        reportedMemberIds: async (groupId, week) => (groupId === 10 && week === "2026-11-23" ? [2] : []),
      }),
    });
    const history = await reportHistory(d, 1);
    expect(history).toMatchObject({
      kind: "ok",
      reports: [{ weekKey: "2026-W47", byCoordinator: true, updated: true, values: [{ value: "789.5" }, { value: "255" }] }],
      status: [{ groupId: 10, weekKey: "2026-W48", reported: ["Ani"], notReported: ["Budi", "Sari"] }],
    });
    const t: Translate = (key, vars) => createI18n().t("id", key, vars);
    const text = historyText(t, "id", WITA, history as Extract<typeof history, { kind: "ok" }>);
    expect(text).toContain("16–22 November 2026 — Mariojela (dikirim oleh ketua) (diperbarui)\n• Jelantah terkumpul: 789,5 liter");
    expect(text).toContain("Minggu ini (23–29 November 2026) di kelompok Mariojela:\nSudah lapor (1): Ani\nBelum lapor (2): Budi, Sari");
    expect(await reportHistory(d, 99)).toEqual({ kind: "not-member" });
  });

  it("lists the reports a coordinator submitted for other members, for whom", async () => {
    const d = deps({
      repo: fakeRepo({
        recentReports: async () => [
          {
            reportId: 2, groupId: 10, groupName: "Mariojela", weekStartDate: "2026-11-23", version: 1, submittedById: 1, memberId: 3, memberName: "Sari", obstacle: "Hujan",
            values: [{ indicatorId: 11, labelId: "Jelantah terkumpul", labelEn: "Used cooking oil collected", unit: "liter", position: 0, value: "12" }],
          },
        ],
      }),
    });
    const history = await reportHistory(d, 1);
    expect(history).toMatchObject({ kind: "ok", reports: [{ forOther: true, memberName: "Sari", byCoordinator: false }] });
    const t: Translate = (key, vars) => createI18n().t("id", key, vars);
    const text = historyText(t, "id", WITA, history as Extract<typeof history, { kind: "ok" }>);
    expect(text).not.toContain("belum pernah");
    expect(text).toContain("23–29 November 2026 — Mariojela (untuk Sari)\n• Jelantah terkumpul: 12 liter\nKendala: Hujan");
  });
});
