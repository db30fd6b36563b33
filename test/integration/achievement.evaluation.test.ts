// /capaian against plan and last year, on the seeded database: 2021 from the seed's yearly
// baselines (no weekly reports), 2022 compared with it, and the running year against a target.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app-deps.js";
import { createI18n } from "../../src/bot/i18n.js";
import { achievementDeps } from "../../src/features/achievement/achievement.feature.js";
import { yearAchievements } from "../../src/features/achievement/achievement.service.js";
import { achievementMessages, groupSentence } from "../../src/features/achievement/achievement.texts.js";
import { dbDate } from "../../src/lib/week.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const ZONE = "Asia/Makassar";
const i18n = createI18n();
const tId = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
const tEn = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);
const NOW = new Date("2026-03-11T02:00:00Z"); // Wednesday of the week of Mon 9 March 2026 (week 11)

let db: TestDatabase;
let mariojela: number;
let ids: Record<string, number>;

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" }, include: { programme: { include: { indicators: true } } } });
  mariojela = group.id;
  ids = Object.fromEntries(group.programme.indicators.map((i) => [i.code, i.id]));
  const ani = await db.prisma.person.create({ data: { name: "Ani" } });
  const report = (weekStart: string, values: Record<string, number>) =>
    db.prisma.report.create({
      data: {
        groupId: mariojela,
        memberId: ani.id,
        submittedById: ani.id,
        weekStart: dbDate(weekStart),
        values: { create: Object.entries(values).map(([code, value]) => ({ indicatorId: ids[code]!, value })) },
      },
    });
  // 2025: weeks 1 and 10 (and week 30, after the same period); 2026: weeks 1 and 11. Income never given.
  await report("2024-12-30", { "jelantah-terkumpul": 20, "lilin-terjual": 5 });
  await report("2025-03-03", { "jelantah-terkumpul": 30, "lilin-terjual": 5 });
  await report("2025-07-21", { "jelantah-terkumpul": 500, "lilin-terjual": 50 });
  await report("2025-12-29", { "jelantah-terkumpul": 40.5, "lilin-terjual": 10 });
  await report("2026-03-09", { "jelantah-terkumpul": 60, "lilin-terjual": 0 });
  await db.prisma.target.create({ data: { groupId: mariojela, indicatorId: ids["jelantah-terkumpul"]!, year: 2026, value: 1000, source: "cli" } });
});

afterAll(async () => {
  await db?.drop();
});

const svc = () => achievementDeps({ prisma: db.prisma, clock: () => NOW, config: { timeZone: ZONE } as AppDeps["config"] });
const viewer = () => ({ isStaff: false, memberGroupIds: [mariojela] });

describe("/capaian: the year against plan and last year", () => {
  it("says 2021 from the seed's yearly baselines, the sentence of the programme's own report", async () => {
    const result = await yearAchievements(svc(), viewer(), 2021);
    if (result.kind !== "ok") throw new Error(result.kind);
    const group = result.programmes[0]!.groups[0]!;
    expect(groupSentence(tId, "id", group)).toBe("Kelompok Mariojela mengumpulkan 789,5 liter jelantah dan menjual 255 produk lilin.");
    expect(group.totals.map((t) => [t.total, t.source])).toEqual([["789.5", "baseline"], ["255", "baseline"], [null, null]]);
    // nothing to weigh 2021 against: the sentence alone
    expect(achievementMessages(tId, "id", ZONE, result)[0]).toBe(
      "🏆 Capaian tahun 2021\n(4 Januari 2021 – 2 Januari 2022)\n\nKelompok Mariojela mengumpulkan 789,5 liter jelantah dan menjual 255 produk lilin.\n\n" +
        tId("achievement-footer"),
    );
  });

  it("compares 2022 (no reports) with the whole of 2021, and shows not reported as such, not as 0", async () => {
    const result = await yearAchievements(svc(), viewer(), 2022);
    if (result.kind !== "ok") throw new Error(result.kind);
    const [text] = achievementMessages(tId, "id", ZONE, result);
    expect(text).toContain(
      [
        "Kelompok Mariojela: belum ada laporan untuk tahun ini.",
        "• Jelantah terkumpul: —, tidak diisi · setahun 2021: 789,5 liter",
        "• Lilin terjual: —, tidak diisi · setahun 2021: 255 buah",
        "• Pendapatan: —, tidak diisi",
      ].join("\n"),
    );
    expect(text).not.toContain("Rp 0");
  });

  it("gives the running year so far against its target and the same weeks of last year", async () => {
    const result = await yearAchievements(svc(), viewer(), 2026);
    if (result.kind !== "ok") throw new Error(result.kind);
    expect(result).toMatchObject({ soFar: true, firstWeekStartDate: "2025-12-29", lastWeekStartDate: "2026-03-09" });
    const [text] = achievementMessages(tId, "id", ZONE, result);
    expect(text).toContain("🏆 Capaian tahun 2026 sejauh ini\n(29 Desember 2025 – 15 Maret 2026)");
    expect(text).toContain(
      [
        "Kelompok Mariojela mengumpulkan 100,5 liter jelantah dan menjual 10 produk lilin.",
        "• Jelantah terkumpul: 100,5 liter — 10,1% dari target 1.000 liter · 2025 pada periode yang sama: 50 liter",
        "• Lilin terjual: 10 buah · 2025 pada periode yang sama: 10 buah",
        "• Pendapatan: —, tidak diisi",
      ].join("\n"),
    );
    const [en] = achievementMessages(tEn, "en", ZONE, result);
    expect(en).toContain("• Used cooking oil collected: 100,5 litres — 10,1% of the target 1.000 litres · 2025 same period: 50 litres");
  });

  it("counts the week that straddles New Year in the year of its Thursday", async () => {
    const result = await yearAchievements(svc(), viewer(), 2025);
    if (result.kind !== "ok") throw new Error(result.kind);
    // 30 Dec 2024 – 5 Jan 2025 counts in 2025; 29 Dec 2025 – 4 Jan 2026 does not
    expect(result.programmes[0]!.groups[0]!.totals[0]!.total).toBe("550");
    expect(result.soFar).toBe(false);
  });
});
