import { describe, expect, it } from "vitest";
import {
  checkValue,
  formatNumber,
  formatRupiah,
  median,
  readNumber,
  type IndicatorBounds,
  type NumberReading,
} from "../../src/lib/number.js";

const num = (value: string): NumberReading => ({ kind: "number", value });
const amb = (a: string, b: string): NumberReading => ({ kind: "ambiguous", readings: [a, b] });
const mismatch = (value: string, unitWritten: string): NumberReading => ({ kind: "unit-mismatch", value, unitWritten });
const INVALID: NumberReading = { kind: "invalid" };
const SKIP: NumberReading = { kind: "skip" };

describe("readNumber: figures", () => {
  it.each<[string, NumberReading]>([
    ["789,5", num("789.5")],
    ["0,5", num("0.5")],
    ["1.250", num("1250")],
    ["1.250.000", num("1250000")],
    ["1.250,75", num("1250.75")],
    ["1.5", num("1.5")],
    ["12.50", num("12.5")],
    ["1250.500", num("1250.5")],
    ["1,250", amb("1.25", "1250")],
    ["1,000", amb("1", "1000")],
    ["1,250,000", num("1250000")],
    ["1,250.75", num("1250.75")],
    ["1 250", num("1250")],
    ["1 250 000", num("1250000")],
    ["1 250,75", num("1250.75")],
    ["0.500", amb("0.5", "500")],
    ["0,500", num("0.5")],
    ["1250,500", num("1250.5")],
    ["12", num("12")],
    ["007", num("7")],
    ["12,50", num("12.5")],
    [",5", num("0.5")],
    ["  42  ", num("42")],
    ["12.", num("12")],
    ["12!", num("12")],
    ["12 liter.", num("12")],
    ["１２,５", num("12.5")],
    ["-5", num("-5")],
    ["−5", num("-5")],
    ["min 5", num("-5")],
    ["-1,250", amb("-1250", "-1.25")],
    ["+7", num("7")],
    ["-0", num("0")],
    ["12345678901234567890,123", num("12345678901234567890.123")],
  ])("%j → %j", (text, expected) => {
    expect(readNumber(text, "liter")).toEqual(expected);
  });
});

describe("readNumber: money", () => {
  it.each<[string, NumberReading]>([
    ["Rp 1.500.000", num("1500000")],
    ["Rp1.500.000", num("1500000")],
    ["rp. 1.500.000", num("1500000")],
    ["RP.1.500.000", num("1500000")],
    ["IDR 1500000", num("1500000")],
    ["1.500.000 rupiah", num("1500000")],
    ["1.500.000 rp", num("1500000")],
    ["Rp1,5 juta", num("1500000")],
    ["500 ribu", num("500000")],
    ["1,5 jt", num("1500000")],
    ["1,5jt", num("1500000")],
    ["2 rb", num("2000")],
    ["2rb", num("2000")],
    ["25k", num("25000")],
    ["Rp 25k", num("25000")],
    ["2 miliar", num("2000000000")],
    ["1,25 milyar", num("1250000000")],
    ["500 ribu rupiah", num("500000")],
    ["1,500 jt", amb("1500000", "1500000000")],
    ["Rp -5.000", num("-5000")],
    ["Rp 15.000,-", num("15000")],
    ["15.000,- rupiah", num("15000")],
    ["Rp 15.000,00", num("15000")],
    ["2 M", INVALID], // "m" may be metres: only miliar/milyar
    ["Rp", INVALID],
    ["Rp 12 liter", INVALID],
  ])("%j (rupiah) → %j", (text, expected) => {
    expect(readNumber(text, "rupiah")).toEqual(expected);
  });
});

describe("readNumber: units", () => {
  it.each<[string, string, NumberReading]>([
    ["12 liter", "liter", num("12")],
    ["12 L", "liter", num("12")],
    ["12l", "liter", num("12")],
    ["12 ltr", "liter", num("12")],
    ["12 lt", "liter", num("12")],
    ["12,5 Liter", "liter", num("12.5")],
    ["12kg", "kg", num("12")],
    ["12 kilo", "kg", num("12")],
    ["12 kilogram", "kg", num("12")],
    ["12.5 kg", "kg", num("12.5")],
    ["12 KG", "kg", num("12")],
    ["3 buah", "buah", num("3")],
    ["3 bh", "buah", num("3")],
    ["3 pcs", "buah", num("3")],
    ["3 biji", "buah", num("3")],
    ["3 kali", "kali", num("3")],
    ["3x", "kali", num("3")],
    ["3 X", "kali", num("3")],
    ["15 orang", "orang", num("15")],
    ["15 org", "orang", num("15")],
    ["40 batang", "batang", num("40")],
    ["40 btg", "batang", num("40")],
    ["40 pohon", "batang", num("40")],
    ["30 butir", "butir", num("30")],
    ["30 btr", "butir", num("30")],
    ["2 ribu butir", "butir", num("2000")],
    ["12 paket", "paket", num("12")], // an indicator unit we have no table entry for
    ["12 kg", "liter", mismatch("12", "kg")],
    ["12 liter", "kg", mismatch("12", "liter")],
    ["500 gram", "kg", mismatch("500", "gram")],
    ["500g", "kg", mismatch("500", "gram")],
    ["3 orang", "kali", mismatch("3", "orang")],
    ["Rp 5.000", "liter", mismatch("5000", "rupiah")],
    ["5.000 rupiah", "kg", mismatch("5000", "rupiah")],
    ["Rp 2k", "liter", mismatch("2000", "rupiah")],
    ["12 k", "kg", INVALID], // bare "k" only for money: 12 k on a kg indicator may mean 12 kg
    ["12 abc", "liter", INVALID],
    ["12 liter susu", "liter", INVALID],
    ["12 paket", "liter", INVALID],
  ])("%j on %s → %j", (text, unit, expected) => {
    expect(readNumber(text, unit)).toEqual(expected);
  });

  it.each<[string, string, string, NumberReading]>([
    ["12 liter jelantah", "liter", "Jelantah terkumpul", num("12")],
    ["12 Liter Jelantah.", "liter", "Jelantah terkumpul", num("12")],
    ["12 jelantah", "liter", "Jelantah terkumpul", num("12")],
    ["12 liter jelantah terkumpul", "liter", "Jelantah terkumpul", num("12")],
    ["174 kg kasgot", "kg", "Kasgot", num("174")],
    ["1.250 kg kasgot", "kg", "Kasgot", num("1250")],
    ["30 buah lilin", "buah", "Lilin terjual", num("30")],
    ["12 kg jelantah", "liter", "Jelantah terkumpul", mismatch("12", "kg")],
    ["12 liter minyak", "liter", "Jelantah terkumpul", INVALID], // "minyak" is not in this indicator's label
    ["12 liter jelantah", "liter", "Kasgot", INVALID],
    ["jelantah 12 liter", "liter", "Jelantah terkumpul", INVALID],
  ])("%j on %s labelled %j → %j", (text, unit, label, expected) => {
    expect(readNumber(text, unit, [label])).toEqual(expected);
  });

  it("keeps both readings when the figure is ambiguous and the unit is wrong", () => {
    expect(readNumber("1,250 kg", "liter")).toEqual({
      kind: "unit-mismatch",
      value: "1.25",
      unitWritten: "kg",
      readings: ["1.25", "1250"],
    });
  });
});

describe("readNumber: zero and skip", () => {
  it.each(["0", "nol", "Nol", "tidak ada", "tdk ada", "gak ada", "nggak ada", "ga ada", "kosong", "-", "belum ada", "Tidak  ada.", "0 liter", "0,0"])(
    "%j → 0",
    (text) => {
      expect(readNumber(text, "liter")).toEqual(num("0"));
    },
  );

  it.each(["lewati", "Lewati", "skip", "lewat", "/lewati", "/lewati@LaporKelompokBot", "/skip"])("%j → skip", (text) => {
    expect(readNumber(text, "liter")).toEqual(SKIP);
  });
});

describe("readNumber: rejections", () => {
  it.each([
    "",
    "   ",
    "👍",
    "12 👍",
    "dua belas",
    "12abc",
    "1e5",
    "Infinity",
    "NaN",
    "0x10",
    "1..2",
    "1,2,3",
    "1.25.0",
    "01.250",
    "12 5",
    "2 5000",
    "1 250.000",
    "12..",
    "12,",
    "12,-5",
    "12?",
    "1.2.3,4",
    "1,25.000,5",
    "+",
    "Rp",
    "1".repeat(41),
    `1${".000".repeat(13)}`, // over 40 characters
  ])("%j → invalid", (text) => {
    expect(readNumber(text, "liter")).toEqual(INVALID);
  });
});

describe("checkValue", () => {
  const bounds: IndicatorBounds = { decimals: 1, min: "0", max: "1000" };

  it.each<[string, IndicatorBounds, string | null | undefined, ReturnType<typeof checkValue>]>([
    ["-5", bounds, null, { kind: "negative" }],
    ["-0.1", { decimals: 2, min: "0", max: "10" }, null, { kind: "negative" }],
    ["-5", { decimals: 0, min: "-10", max: "10" }, null, null], // a negative min allows negatives
    ["-11", { decimals: 0, min: "-10", max: "10" }, null, { kind: "below-min", min: "-10" }],
    ["4", { decimals: 0, min: "5", max: "10" }, null, { kind: "below-min", min: "5" }],
    ["1000.1", bounds, null, { kind: "above-max", max: "1000" }],
    ["1000", bounds, null, null],
    ["0.30000000000000000001", { decimals: 20, min: "0", max: "0.3" }, null, { kind: "above-max", max: "0.3" }],
    ["0.3", { decimals: 1, min: "0", max: "0.3" }, null, null],
    ["12.25", bounds, null, { kind: "too-many-decimals", decimals: 1, rounded: "12.3" }],
    ["12.24", bounds, null, { kind: "too-many-decimals", decimals: 1, rounded: "12.2" }],
    ["12.5", { decimals: 0, min: "0", max: "100" }, null, { kind: "too-many-decimals", decimals: 0, rounded: "13" }],
    ["12.50", { decimals: 1, min: "0", max: "100" }, null, null], // trailing zero is not a decimal
    ["101", bounds, "10", { kind: "unusual", median: "10" }],
    ["100", bounds, "10", null], // exactly 10× is fine
    ["100.1", bounds, "10.01", null],
    ["100.2", bounds, "10.01", { kind: "unusual", median: "10" }], // the median shown with the indicator's decimals
    ["5000", { decimals: 1, min: "0", max: "9999" }, "460.25", { kind: "unusual", median: "460.3" }],
    ["5000", { decimals: 0, min: "0", max: "9999" }, "2.5", { kind: "unusual", median: "3" }],
    ["500", bounds, "0", null], // median 0: no basis for "unusual"
    ["500", bounds, undefined, null],
    ["-5", bounds, "0.1", { kind: "negative" }], // order: negative before unusual
    ["2000", bounds, "1", { kind: "above-max", max: "1000" }], // above-max before unusual
    ["999.99", bounds, "1", { kind: "too-many-decimals", decimals: 1, rounded: "1000" }], // decimals before unusual
  ])("checkValue(%j, %j, median %j) → %j", (value, b, med, expected) => {
    expect(checkValue(value, b, med)).toEqual(expected);
  });

  // A count or money with decimals is more likely a slip ("2.55" buah: 255?) than a rounding: ask, never offer one.
  it.each<[string, string, ReturnType<typeof checkValue>]>([
    ["2.55", "buah", { kind: "not-whole" }],
    ["2.5", "orang", { kind: "not-whole" }],
    ["1500.5", "rupiah", { kind: "not-whole" }],
    ["3.4", "kali", { kind: "not-whole" }],
    ["12.5", "kg", { kind: "too-many-decimals", decimals: 0, rounded: "13" }], // a measure may be rounded
    ["2", "buah", null],
  ])("checkValue(%j) on a whole %s", (value, unit, expected) => {
    expect(checkValue(value, { decimals: 0, min: "0", max: "100000", unit }, null)).toEqual(expected);
  });
});

describe("median", () => {
  it.each<[string[], string | null]>([
    [[], null],
    [["5"], "5"],
    [["3", "1", "2"], "2"],
    [["1", "2", "3", "4"], "2.5"],
    [["0.1", "0.2"], "0.15"],
    [["10", "0.1", "0.2", "1000"], "5.1"],
    [["-1", "1"], "0"],
    [["1250.75", "1250.75"], "1250.75"],
  ])("median(%j) = %j", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("formatNumber / formatRupiah", () => {
  it.each<[string | number, number | undefined, string]>([
    ["1250.75", undefined, "1.250,75"],
    ["789.5", undefined, "789,5"],
    ["1500000", undefined, "1.500.000"],
    ["0", undefined, "0"],
    ["-1250", undefined, "-1.250"],
    ["999", undefined, "999"],
    ["1000", undefined, "1.000"],
    ["12.50", undefined, "12,5"],
    ["0.125", undefined, "0,125"],
    ["12", 2, "12,00"],
    ["12.345", 2, "12,35"],
    ["12.344", 2, "12,34"],
    ["-12.345", 2, "-12,35"],
    ["-0.001", 2, "0,00"],
    ["1999.5", 0, "2.000"],
    [0.1 + 0.2, undefined, "0,30000000000000004"], // a float is shown as the float it is
    [1234567, undefined, "1.234.567"],
  ])("formatNumber(%j, %j) = %j", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it("formats rupiah", () => {
    expect(formatRupiah("1500000")).toBe("Rp 1.500.000");
    expect(formatRupiah("0")).toBe("Rp 0");
    expect(formatRupiah("-2500")).toBe("-Rp 2.500");
    expect(formatRupiah({ toString: () => "1500.5" })).toBe("Rp 1.500,5");
  });

  it("rejects what is not a decimal", () => {
    expect(() => formatNumber("abc")).toThrow(RangeError);
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe("round trips", () => {
  it.each([
    "0", "1", "12", "789.5", "1250", "1250.75", "1500000", "0.5", "0.05", "0.125", "1000.001",
    "-5", "-1250.75", "999999999", "1234567.891", "20", "100.1",
  ])("readNumber(formatNumber(%j)) gives it back", (value) => {
    expect(readNumber(formatNumber(value), "kg")).toEqual(num(value));
    expect(readNumber(formatRupiah(value), "rupiah")).toEqual(num(value));
  });

  it("reads back 2,000 random formatted decimals exactly", () => {
    let seed = 20261123;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31; // deterministic LCG: a failure can be replayed
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i++) {
      const digits = Math.floor(random() * 10) + 1;
      const intPart = String(Math.floor(random() * 10 ** digits));
      const decimals = Math.floor(random() * 4);
      const frac = Array.from({ length: decimals }, () => Math.floor(random() * 10)).join("");
      const sign = random() < 0.1 ? "-" : "";
      const raw = `${sign}${intPart}${frac ? `.${frac}` : ""}`;
      const value = canonicalOf(raw);
      const reading = readNumber(formatNumber(value), "liter");
      if (isAmbiguousShape(value)) {
        // "1,125": 1–999 with exactly three decimals is ambiguous by design; the Indonesian
        // reading must be one of the two offered.
        expect(reading.kind, value).toBe("ambiguous");
        expect(reading.kind === "ambiguous" && reading.readings.includes(value), value).toBe(true);
      } else {
        expect(reading, value).toEqual(num(value));
      }
    }
  });
});

/** What readNumber returns for a value: no leading zeros, no trailing fractional zeros, no "-0". */
function canonicalOf(raw: string): string {
  const negative = raw.startsWith("-");
  const [i = "0", f = ""] = raw.replace("-", "").split(".");
  const intPart = i.replace(/^0+(?=\d)/, "");
  const frac = f.replace(/0+$/, "");
  const body = frac ? `${intPart}.${frac}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
}

function isAmbiguousShape(value: string): boolean {
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(value);
}
