import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/client.js";
import { isDatabaseEmpty, loadSeedData, seed, SEED_DATA_PATH, SeedDataError } from "../../src/db/seed.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const SEEDED_TABLES = ["programme", "indicator", "group", "stakeholder", "baseline"] as const;

/** Every seeded row, as PostgreSQL renders it: any change at all shows up in the text. */
async function dump(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const parts: string[] = [];
    for (const table of SEEDED_TABLES) {
      const { rows } = await client.query<{ rows: string | null }>(
        `SELECT json_agg(t ORDER BY t.id)::text AS rows FROM "${table}" t`,
      );
      parts.push(`${table}: ${rows[0]?.rows ?? "[]"}`);
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

describe("seed", () => {
  let db: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    db = await freshDatabase();
    tmp = await mkdtemp(path.join(tmpdir(), "lapor-seed-"));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  async function seedFile(text: string): Promise<string> {
    const file = path.join(tmp, `seed-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, text);
    return file;
  }

  it("loads the programmes, indicators, groups and stakeholders of the first deployment, once", async () => {
    const data = loadSeedData();
    const indicatorCount = data.programmes.reduce((sum, p) => sum + p.indicators.length, 0);
    expect(await isDatabaseEmpty(db.prisma)).toBe(true);

    const first = await seed(db.prisma, data);

    expect(first).toEqual({ created: 5 + indicatorCount + 6 + 9 + 4, updated: 0, unchanged: 0 });
    expect(await db.prisma.programme.count()).toBe(5);
    expect(await db.prisma.indicator.count()).toBe(indicatorCount);
    expect(indicatorCount).toBe(18);
    expect(await db.prisma.group.count()).toBe(6);
    expect(await db.prisma.stakeholder.count()).toBe(9);
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);

    const before = await dump(db.url);
    const second = await seed(db.prisma, loadSeedData());
    expect(second).toEqual({ created: 0, updated: 0, unchanged: first.created });
    expect(await dump(db.url)).toBe(before);
  });

  it("gives Mariojela its jelantah in liters with decimals, candles and an optional income", async () => {
    const mariojela = await db.prisma.programme.findUniqueOrThrow({
      where: { code: "mariojela" },
      include: { indicators: { orderBy: { position: "asc" } }, groups: true },
    });

    const [jelantah, lilin, pendapatan] = mariojela.indicators;
    expect(jelantah).toMatchObject({ code: "jelantah-terkumpul", unit: "liter", required: true, position: 1 });
    expect(jelantah!.decimals).toBeGreaterThanOrEqual(1);
    expect(jelantah!.maxValue.toNumber()).toBeGreaterThanOrEqual(789.5);
    expect(lilin).toMatchObject({ code: "lilin-terjual", unit: "buah", decimals: 0 });
    expect(pendapatan).toMatchObject({ code: "pendapatan", unit: "rupiah", decimals: 0, required: false });
    expect(mariojela.groups.map((g) => [g.name, g.kelurahan])).toEqual([["Mariojela", "Margasari"]]);
  });

  it("gives every indicator the programme's own phrasing of a year's total, in both languages", async () => {
    const indicators = await db.prisma.indicator.findMany({ select: { code: true, achievementId: true, achievementEn: true } });
    for (const indicator of indicators) {
      expect(indicator.achievementId, indicator.code).toContain("{jumlah}");
      expect(indicator.achievementEn, indicator.code).toContain("{jumlah}");
    }
    const jelantah = indicators.find((i) => i.code === "jelantah-terkumpul");
    expect(jelantah?.achievementId).toBe("mengumpulkan {jumlah} liter jelantah");
  });

  it("updates a changed phrase and clears one removed from the file", async () => {
    const data = loadSeedData();
    const lilin = data.programmes.find((p) => p.code === "mariojela")!.indicators[1]!;
    lilin.achievementId = "berhasil menjual {jumlah} lilin";
    lilin.achievementEn = null;

    expect(await seed(db.prisma, data)).toMatchObject({ created: 0, updated: 1 });
    const row = await db.prisma.indicator.findFirstOrThrow({ where: { code: "lilin-terjual" } });
    expect([row.achievementId, row.achievementEn]).toEqual(["berhasil menjual {jumlah} lilin", null]);

    expect(await seed(db.prisma, loadSeedData())).toMatchObject({ created: 0, updated: 1 });
    expect(await seed(db.prisma, loadSeedData())).toMatchObject({ created: 0, updated: 0 });
  });

  it("says who reports each indicator and how it adds up: KSB's figures are the group's, volunteers a head count", async () => {
    const rows = await db.prisma.indicator.findMany({ select: { code: true, reportedBy: true, aggregation: true, programme: { select: { code: true } } } });
    const kinds = Object.fromEntries(rows.map((r) => [`${r.programme.code}/${r.code}`, `${r.reportedBy}+${r.aggregation}`]));
    expect(kinds).toMatchObject({
      "ksb/kegiatan-sosialisasi": "group+sum",
      "ksb/peserta": "group+sum",
      "ksb/simulasi-bencana": "group+sum",
      "ksb/relawan-aktif": "group+latest",
      "mariojela/jelantah-terkumpul": "member+sum",
      "petratonik/telur": "member+sum",
    });
    expect(rows.filter((r) => r.programme.code !== "ksb").every((r) => r.reportedBy === "member" && r.aggregation === "sum")).toBe(true);
    expect(await db.prisma.programme.count({ where: { asksObstacles: false } })).toBe(0);
  });

  it("loads the 2021 figures as yearly baselines and never overwrites one staff changed since", async () => {
    const baselines = await db.prisma.baseline.findMany({
      select: { year: true, value: true, source: true, group: { select: { code: true } }, indicator: { select: { code: true } } },
      orderBy: { id: "asc" },
    });
    expect(baselines.map((b) => [b.group.code, b.indicator.code, b.year, b.value.toString(), b.source])).toEqual([
      ["mariojela-margasari", "jelantah-terkumpul", 2021, "789.5", "seed"],
      ["mariojela-margasari", "lilin-terjual", 2021, "255", "seed"],
      ["petratonik-karang-joang", "maggot-bsf", 2021, "434", "seed"],
      ["petratonik-karang-joang", "kasgot", 2021, "174", "seed"],
    ]);

    await db.prisma.baseline.updateMany({ where: { indicator: { code: "lilin-terjual" } }, data: { value: 260, source: "xlsx" } });
    expect(await seed(db.prisma, loadSeedData())).toMatchObject({ created: 0, updated: 0 });
    const lilin = await db.prisma.baseline.findFirstOrThrow({ where: { indicator: { code: "lilin-terjual" } } });
    expect([lilin.value.toString(), lilin.source]).toEqual(["260", "xlsx"]);
  });

  it("updates an indicator whose kind changed in the file and a programme that stops asking for obstacles", async () => {
    const data = loadSeedData();
    const proklim = data.programmes.find((p) => p.code === "proklim")!;
    proklim.asksObstacles = false;
    proklim.indicators[0]!.aggregation = "max";

    expect(await seed(db.prisma, data)).toMatchObject({ created: 0, updated: 2 });
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { code: "proklim" } })).asksObstacles).toBe(false);
    expect((await db.prisma.indicator.findFirstOrThrow({ where: { code: "pohon-ditanam" } })).aggregation).toBe("max");

    expect(await seed(db.prisma, loadSeedData())).toMatchObject({ created: 0, updated: 2 });
  });

  it("puts both KSB groups under one programme, each in its kelurahan", async () => {
    const groups = await db.prisma.group.findMany({ where: { programme: { code: "ksb" } }, orderBy: { name: "asc" } });
    expect(groups.map((g) => [g.name, g.kelurahan])).toEqual([
      ["KSB Baru Tengah", "Baru Tengah"],
      ["KSB Margasari", "Margasari"],
    ]);
  });

  it("updates what changed in the file and never deletes what was removed from it", async () => {
    const data = loadSeedData();
    const mariojela = data.programmes.find((p) => p.code === "mariojela")!;
    mariojela.indicators[1]!.labelId = "Lilin aromaterapi terjual";
    mariojela.indicators[0]!.maxValue = 6000.5;
    data.stakeholders = data.stakeholders.slice(1);

    const result = await seed(db.prisma, data);

    expect(result).toMatchObject({ created: 0, updated: 2 });
    const lilin = await db.prisma.indicator.findFirstOrThrow({ where: { code: "lilin-terjual" } });
    expect(lilin.labelId).toBe("Lilin aromaterapi terjual");
    const jelantah = await db.prisma.indicator.findFirstOrThrow({ where: { code: "jelantah-terkumpul" } });
    expect(jelantah.maxValue.toString()).toBe("6000.5");
    expect(await db.prisma.stakeholder.count()).toBe(9);

    expect(await seed(db.prisma, loadSeedData())).toMatchObject({ created: 0, updated: 2 });
  });

  it("rejects a malformed file with an error that names the file, the line and the entry", async () => {
    const good = await readFile(SEED_DATA_PATH, "utf8");
    const badUnit = await seedFile(good.replace("unit: liter", "unit: liters"));

    expect(() => loadSeedData(badUnit)).toThrow(SeedDataError);
    expect(() => loadSeedData(badUnit)).toThrow(
      /seed-.*\.yaml[\s\S]*line \d+: programmes\[1\] \(mariojela\) > indicators\[0\] \(jelantah-terkumpul\) > unit/,
    );
  });

  it.each([
    ["a count with decimals", (s: string) => s.replace(/unit: buah\n(\s+)decimals: 0/, "unit: buah\n$1decimals: 1"), /lilin-terjual\) > decimals: must be 0 for unit buah/],
    ["a thousands separator", (s: string) => s.replace("max: 5000\n", "max: 5.000\n"), /line \d+: 5\.000 reads as 5; write numbers without thousands separators \(5000\)/],
    ["a group of an unknown programme", (s: string) => s.replace("programme: ksb\n", "programme: ksb-lama\n"), /groups\[2\] \(ksb-margasari\) > programme: names programme "ksb-lama"/],
    ["a duplicated code", (s: string) => s.replace("code: lurah-baru-tengah", "code: lurah-margasari"), /stakeholders\[2\] \(lurah-margasari\) > code: stakeholder code "lurah-margasari" is used twice/],
    ["a phrase without its {jumlah}", (s: string) => s.replace('achievement_id: "mengumpulkan {jumlah} liter jelantah"', 'achievement_id: "mengumpulkan liter jelantah"'), /jelantah-terkumpul\) > achievement_id: must contain \{jumlah\} exactly once/],
    ["a misspelt key", (s: string) => s.replace("label_en: Eggs", "lable_en: Eggs"), /indicators\[2\] \(telur\)/],
    ["an unknown reporter", (s: string) => s.replace("reported_by: group", "reported_by: koordinator"), /kegiatan-sosialisasi\) > reported_by/],
    ["a baseline of an indicator the group's programme lacks", (s: string) => s.replace("      kasgot: 174", "      lilin-terjual: 174"), /baselines\[1\] > values > lilin-terjual: names indicator "lilin-terjual", which programme "petratonik" does not have/],
    ["broken YAML", (s: string) => `${s}\n  - code: [unclosed\n`, /is not valid YAML/],
  ])("rejects %s", async (_what, edit, message) => {
    const file = await seedFile(edit(await readFile(SEED_DATA_PATH, "utf8")));
    expect(() => loadSeedData(file)).toThrow(message);
  });

  it("lets two processes seed an empty database at once: one creates, the other finds it done", async () => {
    const empty = await freshDatabase();
    const other = createPrisma(empty.url);
    try {
      const results = await Promise.all([seed(empty.prisma, loadSeedData()), seed(other, loadSeedData())]);

      expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, 42]);
      expect(await empty.prisma.indicator.count()).toBe(18);
    } finally {
      await other.$disconnect();
      await empty.drop();
    }
  });

  it("seeds a fresh database on request", async () => {
    const seeded = await freshDatabase({ seed: true });
    try {
      expect(await seeded.prisma.group.count()).toBe(6);
    } finally {
      await seeded.drop();
    }
  });
});
