import { describe, expect, it } from "vitest";
import { achievementPhrases, fillPhrase, formatTotal, joinList, type IndicatorTotal } from "../../src/features/achievement/achievement.phrasing.js";
import { chunk } from "../../src/features/achievement/achievement.texts.js";
import { readYear } from "../../src/features/achievement/achievement.service.js";

const ID_WORDS = { separator: ", ", lastSeparator: " dan " };
const fallback = (label: string, amount: string) => `${label} sebanyak ${amount}`;
const unitLabel = (unit: string) => unit;

function total(phrase: string | null, value: string, unit: string, decimals: number, label = "Label"): IndicatorTotal {
  return { phrase, label, unit, decimals, total: value };
}

describe("formatTotal", () => {
  it.each([
    ["789.5000", "liter", 1, "789,5"],
    ["255.0000", "buah", 0, "255"],
    ["434.0000", "kg", 1, "434"],
    ["1250.7500", "kg", 2, "1.250,75"],
    ["1500000.0000", "rupiah", 0, "Rp 1.500.000"],
    ["0", "kg", 1, "0"],
    ["12.3456", "kg", 1, "12,3"],
    ["12.35", "kg", 1, "12,4"],
  ])("%s %s (%i decimals) → %s", (value, unit, decimals, expected) => {
    expect(formatTotal(value, unit, decimals)).toBe(expected);
  });
});

describe("fillPhrase and joinList", () => {
  it("puts the amount where {jumlah} is", () => {
    expect(fillPhrase("mengumpulkan {jumlah} liter jelantah", "789,5")).toBe("mengumpulkan 789,5 liter jelantah");
    expect(fillPhrase("memperoleh kasgot sebanyak {jumlah} kg", "174")).toBe("memperoleh kasgot sebanyak 174 kg");
  });

  it("joins one, two and three phrases the Indonesian way", () => {
    expect(joinList([], ID_WORDS)).toBe("");
    expect(joinList(["a"], ID_WORDS)).toBe("a");
    expect(joinList(["a", "b"], ID_WORDS)).toBe("a dan b");
    expect(joinList(["a", "b", "c"], ID_WORDS)).toBe("a, b dan c");
    expect(joinList(["a", "b", "c"], { separator: ", ", lastSeparator: " and " })).toBe("a, b and c");
  });
});

describe("achievementPhrases", () => {
  it("phrases Mariojela's 2021 as the programme reports it", () => {
    const phrases = achievementPhrases(
      [
        total("mengumpulkan {jumlah} liter jelantah", "789.5000", "liter", 1),
        total("menjual {jumlah} produk lilin", "255.0000", "buah", 0),
        total("memperoleh pendapatan {jumlah}", "0", "rupiah", 0),
      ],
      fallback,
      unitLabel,
    );
    expect(`Kelompok Mariojela ${joinList(phrases, ID_WORDS)}.`).toBe("Kelompok Mariojela mengumpulkan 789,5 liter jelantah dan menjual 255 produk lilin.");
  });

  it("leaves out zero totals and formats money", () => {
    const phrases = achievementPhrases(
      [total("menjual {jumlah} produk lilin", "0.0000", "buah", 0), total("memperoleh pendapatan {jumlah}", "1500000", "rupiah", 0)],
      fallback,
      unitLabel,
    );
    expect(phrases).toEqual(["memperoleh pendapatan Rp 1.500.000"]);
  });

  it("gives nothing when every total is zero", () => {
    expect(achievementPhrases([total("x {jumlah}", "0", "kg", 1)], fallback, unitLabel)).toEqual([]);
  });

  it("falls back to the label, lower-cased, with the unit, for an indicator without a phrase", () => {
    expect(achievementPhrases([total(null, "300", "butir", 0, "Telur")], fallback, unitLabel)).toEqual(["telur sebanyak 300 butir"]);
    expect(achievementPhrases([total(null, "2", "kg", 1, "BSF kering")], fallback, unitLabel)).toEqual(["BSF kering sebanyak 2 kg"]);
    expect(achievementPhrases([total(null, "5000", "rupiah", 0, "Pendapatan")], fallback, unitLabel)).toEqual(["pendapatan sebanyak Rp 5.000"]);
  });
});

describe("readYear", () => {
  const zone = "Asia/Makassar";
  it("defaults to this week's ISO week-year", () => {
    expect(readYear("", new Date("2026-06-01T00:00:00Z"), zone)).toEqual({ kind: "year", year: 2026 });
    // Friday 1 January 2027 is in 2026-W53.
    expect(readYear(" ", new Date("2027-01-01T04:00:00Z"), zone)).toEqual({ kind: "year", year: 2026 });
  });
  it.each(["2021", " 2000 ", "2100"])("reads %j", (text) => {
    expect(readYear(text, new Date(), zone)).toEqual({ kind: "year", year: Number(text.trim()) });
  });
  it.each(["1999", "2101", "21", "dua ribu", "2021-01", "20 21"])("refuses %j", (text) => {
    expect(readYear(text, new Date(), zone)).toEqual({ kind: "invalid" });
  });
});

describe("chunk", () => {
  it("packs blocks into messages under the limit, splitting long blocks at line ends", () => {
    expect(chunk(["aaa", "bbb"], 10)).toEqual(["aaa\n\nbbb"]);
    expect(chunk(["aaaa", "bbbb", "cccc"], 10)).toEqual(["aaaa\n\nbbbb", "cccc"]);
    const long = Array.from({ length: 5 }, (_, i) => `line${i}`).join("\n");
    const messages = chunk([long], 12);
    expect(messages.every((m) => m.length <= 12)).toBe(true);
    expect(messages.join("\n")).toBe(long);
  });
});
