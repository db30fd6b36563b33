import { describe, expect, it } from "vitest";
import { csvField, csvLine, csvNumber } from "../../src/features/export/export.csv.js";
import { exportColumns, numberFormat, personCell, PLAIN_TEXTS, sheetNames, wallTime, weekKeys } from "../../src/features/export/export.columns.js";
import { columnLetter, csvTime } from "../../src/features/export/export.files.js";
import { readExportYear, resolvePeriod } from "../../src/features/export/export.period.js";
import { parseExportJob } from "../../src/features/export/export.service.js";

const zone = "Asia/Makassar";

describe("CSV", () => {
  it.each([
    ["Mariojela", "Mariojela"],
    ["Ani; Budi", '"Ani; Budi"'],
    ['kata "bagus"', '"kata ""bagus"""'],
    ["baris\nbaru", '"baris\nbaru"'],
    [" spasi", '" spasi"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-5 kg", "'-5 kg"],
    ["@halo", "'@halo"],
    ["1,5", '"1,5"'],
    ["", ""],
  ])("escapes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes numbers with a decimal comma, exactly, without thousands separators", () => {
    expect(csvNumber("789.5000")).toBe("789,5");
    expect(csvNumber("1500000.0000")).toBe("1500000");
    expect(csvNumber("0.0000")).toBe("0");
    expect(csvNumber("0.0125")).toBe("0,0125");
    expect(csvNumber(null)).toBe("");
  });

  it("joins a line with ; and ends it with CRLF", () => {
    expect(csvLine([{ text: "2021-01-04" }, { text: "Ani; Budi" }, { number: "12.5" }, { number: null }, { text: "" }])).toBe('2021-01-04;"Ani; Budi";12,5;;\r\n');
  });

  it("writes times as the zone's wall time", () => {
    expect(csvTime(new Date("2021-01-05T01:30:00Z"), zone)).toBe("2021-01-05 09:30");
    expect(csvTime(new Date("2021-12-31T16:30:00Z"), zone)).toBe("2022-01-01 00:30");
  });
});

describe("columns", () => {
  const indicators = [
    { id: 1, code: "jelantah-terkumpul", labelId: "Jelantah terkumpul", labelEn: "Used cooking oil collected", unit: "liter", decimals: 1 },
    { id: 2, code: "lilin-terjual", labelId: "Lilin terjual", labelEn: "Candles sold", unit: "buah", decimals: 0 },
    { id: 3, code: "pendapatan", labelId: "Pendapatan", labelEn: "Income", unit: "rupiah", decimals: 0 },
  ].map((i) => ({ ...i, reportedBy: "member" as const, aggregation: "sum" as const }));

  it("has the week, group, people and time columns, one per indicator with its unit, then the note", () => {
    const texts = { ...PLAIN_TEXTS, units: { liter: "liter", buah: "buah", rupiah: "rupiah" } };
    const columns = exportColumns(indicators, texts);
    expect(columns.map((c) => c.header)).toEqual([
      "week_start",
      "week",
      "group",
      "kelurahan",
      "member",
      "reported_by",
      "reported_at",
      "Jelantah terkumpul (liter)",
      "Lilin terjual (buah)",
      "Pendapatan (rupiah)",
      "note",
    ]);
    expect(columns.map((c) => c.kind)).toEqual(["date", "text", "text", "text", "text", "text", "datetime", "number", "number", "number", "text"]);
    expect(exportColumns(indicators, { ...texts, language: "en" })[7]?.header).toBe("Used cooking oil collected (liter)");
  });

  it("formats each indicator with its decimals, money as Rupiah", () => {
    expect(indicators.map(numberFormat)).toEqual(["#,##0.0", "#,##0", '"Rp "#,##0']);
    expect(numberFormat({ unit: "kg", decimals: 2 })).toBe("#,##0.00");
  });

  it("shows an erased person as erased and a nameless one by id", () => {
    const texts = { ...PLAIN_TEXTS, erased: "(dihapus)" };
    expect(personCell("Ani", false, 4, texts)).toBe("Ani");
    expect(personCell(null, true, 4, texts)).toBe("(dihapus)");
    expect(personCell(null, false, 4, texts)).toBe("#4");
  });

  it("names sheets by the programme's short name, within Excel's rules", () => {
    expect(
      sheetNames([
        "Margasari Olah Jelantah (Mariojela)",
        "Peternakan Ayam Terintegrasi BSF dan Sayuran Organik (Petratonik)",
        "Pengelolaan Sampah Terpadu",
        "Sampah: organik/anorganik [baru] dan lain-lain sekali",
        "Lain (Mariojela)",
      ]),
    ).toEqual(["Mariojela", "Petratonik", "Pengelolaan Sampah Terpadu", "Sampah organik anorganik baru d", "Mariojela 2"]);
  });

  it("gives Excel letters and week codes", () => {
    expect([1, 8, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "H", "Z", "AA", "AZ", "AAA"]);
    const key = weekKeys(zone);
    expect(key("2021-01-04")).toBe("2021-W01");
    expect(key("2026-12-28")).toBe("2026-W53");
  });

  it("turns an instant into the zone's wall time for Excel", () => {
    expect(wallTime(new Date("2021-03-01T23:15:42.789Z"), zone).toISOString()).toBe("2021-03-02T07:15:42.000Z");
    // A zone with summer time: the offset changes at 01:00 UTC on 28 March 2021.
    expect(wallTime(new Date("2021-03-28T00:59:59Z"), "Europe/Berlin").toISOString()).toBe("2021-03-28T01:59:59.000Z");
    expect(wallTime(new Date("2021-03-28T01:00:00Z"), "Europe/Berlin").toISOString()).toBe("2021-03-28T03:00:00.000Z");
    expect(wallTime(new Date("2021-06-01T10:00:00Z"), "Asia/Kolkata").toISOString()).toBe("2021-06-01T15:30:00.000Z");
  });
});

describe("periods", () => {
  const now = new Date("2026-12-02T03:00:00Z"); // Wednesday of 2026-W49, WITA
  it("resolves this year, last year, a typed year and the last four weeks to whole weeks", () => {
    expect(resolvePeriod({ kind: "this-year" }, now, zone)).toEqual({ firstWeekStartDate: "2025-12-29", lastWeekStartDate: "2026-12-28", slug: "2026" });
    expect(resolvePeriod({ kind: "last-year" }, now, zone)).toEqual({ firstWeekStartDate: "2024-12-30", lastWeekStartDate: "2025-12-22", slug: "2025" });
    expect(resolvePeriod({ kind: "year", year: 2021 }, now, zone)).toEqual({ firstWeekStartDate: "2021-01-04", lastWeekStartDate: "2021-12-27", slug: "2021" });
    expect(resolvePeriod({ kind: "last-4-weeks" }, now, zone)).toEqual({ firstWeekStartDate: "2026-11-09", lastWeekStartDate: "2026-11-30", slug: "2026-W46_2026-W49" });
  });
  it("reads a typed year", () => {
    expect(readExportYear(" 2021 ")).toBe(2021);
    expect(readExportYear("1999")).toBeNull();
    expect(readExportYear("tahun lalu")).toBeNull();
  });
});

describe("export job data", () => {
  const good = { personId: 4, scopeKind: "group", scopeId: 2, firstWeekStartDate: "2021-01-04", lastWeekStartDate: "2021-12-27", periodSlug: "2021", format: "both" };
  it("reads good data back", () => {
    expect(parseExportJob(good)).toMatchObject({ personId: 4, scope: { kind: "group", groupId: 2 }, format: "both" });
    expect(parseExportJob({ ...good, scopeKind: "all", scopeId: null })?.scope).toEqual({ kind: "all" });
  });
  it.each([
    ["no person", { ...good, personId: null }],
    ["a bad scope", { ...good, scopeKind: "everything" }],
    ["a group without id", { ...good, scopeId: null }],
    ["a bad format", { ...good, format: "pdf" }],
    ["a bad date", { ...good, firstWeekStartDate: "2021-1-4" }],
    ["a reversed period", { ...good, firstWeekStartDate: "2022-01-03" }],
  ])("refuses %s", (_what, data) => {
    expect(parseExportJob(data)).toBeNull();
  });
});
