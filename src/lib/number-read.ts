import { Dec, canonical } from "./number-format.js";

export type UnitCode = string; // "liter" | "kg" | "rupiah" | "buah" | "kali" | "orang" | "batang" | "butir" | others

export type NumberReading =
  | { kind: "number"; value: string } // exact canonical decimal string
  | { kind: "skip" }
  | { kind: "ambiguous"; readings: [string, string] } // smaller first
  | {
      kind: "unit-mismatch";
      value: string;
      unitWritten: UnitCode;
      /** Set when the figure itself was ambiguous too ("1,250 kg"); `value` is then readings[0]. */
      readings?: [string, string];
    }
  | { kind: "invalid" };

/** Written unit word → unit code. Units we recognise but never convert (gram, ton, ml…) are here
 * so that "500 gram" on a kg indicator is a mismatch the member can fix, not a silent ×0.001. */
export const UNIT_WORDS: Readonly<Record<string, UnitCode>> = {
  liter: "liter", litre: "liter", ltr: "liter", lt: "liter", l: "liter",
  kg: "kg", kilo: "kg", kilogram: "kg", kgs: "kg",
  gram: "gram", gr: "gram", g: "gram",
  ons: "ons", ton: "ton", kuintal: "kuintal", kwintal: "kuintal",
  ml: "ml", mililiter: "ml",
  rupiah: "rupiah", rp: "rupiah", idr: "rupiah",
  buah: "buah", bh: "buah", pcs: "buah", pc: "buah", biji: "buah",
  kali: "kali", x: "kali",
  orang: "orang", org: "orang",
  batang: "batang", btg: "batang", pohon: "batang",
  butir: "butir", btr: "butir",
};

const MAX_INPUT_LENGTH = 40;

/** The words of an indicator's labels ("Jelantah terkumpul" → jelantah, terkumpul), as typed answers hold them. */
function labelWords(labels: readonly string[]): Set<string> {
  return new Set(labels.flatMap((label) => normalise(label).split(/[^\p{L}]+/u)).filter((word) => word.length >= 2));
}

const SKIP = /^(?:\/?(?:lewati|lewat|skip)(?:@\w+)?)$/;
const ZERO_WORDS = new Set([
  "nol", "-", "kosong", "nihil",
  "tidak ada", "tdk ada", "tak ada", "gak ada", "ga ada", "gk ada", "nggak ada", "ngga ada",
  "enggak ada", "belum ada", "blm ada",
]);

const MULTIPLIERS: Readonly<Record<string, string>> = {
  ribu: "1000", rb: "1000", k: "1000",
  juta: "1000000", jt: "1000000",
  miliar: "1000000000", milyar: "1000000000",
};

type Figure = { kind: "exact"; value: string } | { kind: "ambiguous"; readings: [string, string] };

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2212\u2013\u2014]/g, "-") // minus sign, en and em dash (phone autocorrect)
    .replace(/\s+/g, " ")
    .trim();
}

/** "1.250.000" with sep "." → true: a first group of 1–3 digits (no leading zero) then groups of 3. */
function isGrouped(text: string, sep: string): boolean {
  const groups = text.split(sep);
  const [first, ...rest] = groups;
  return (
    first !== undefined && /^[1-9]\d{0,2}$/.test(first) && rest.length > 0 && rest.every((g) => /^\d{3}$/.test(g))
  );
}

const exact = (value: string): Figure => ({ kind: "exact", value: canonical(new Dec(value)) });

/** The bare figure, without sign, currency or unit. Indonesian first (`.` thousands, `,` decimal). */
function readFigure(token: string): Figure | null {
  if (/^\d+$/.test(token)) return exact(token);
  // ",5" / ".5": only a lone leading separator with digits after it.
  if (/^[.,]\d+$/.test(token)) return exact(`0.${token.slice(1)}`);

  if (token.includes(" ")) {
    // "1 250 000" and "1 250,75": space-grouped thousands; a 3-digit fraction would be a guess.
    const m = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(token);
    if (!m?.[1] || m[1].startsWith("0") || m[2]?.length === 3) return null;
    return exact(`${m[1].replace(/ /g, "")}.${m[2] ?? "0"}`);
  }
  if (!/^\d[\d.,]*\d$/.test(token)) return null;

  const dots = token.split(".").length - 1;
  const commas = token.split(",").length - 1;

  if (dots > 0 && commas > 0) {
    // Both used: the last one is the decimal separator and occurs once; the other groups thousands.
    const decimalSep = token.lastIndexOf(".") > token.lastIndexOf(",") ? "." : ",";
    const thousandsSep = decimalSep === "." ? "," : ".";
    const at = token.lastIndexOf(decimalSep);
    const intPart = token.slice(0, at);
    const fracPart = token.slice(at + 1);
    if (intPart.includes(decimalSep) || !/^\d+$/.test(fracPart) || !isGrouped(intPart, thousandsSep)) return null;
    return exact(`${intPart.split(thousandsSep).join("")}.${fracPart}`);
  }

  const sep = dots > 0 ? "." : ",";
  if (dots + commas > 1) return isGrouped(token, sep) ? exact(token.split(sep).join("")) : null;

  const [intPart = "", fracPart = ""] = token.split(sep);
  const asDecimal = `${intPart}.${fracPart}`;
  if (fracPart.length !== 3 || intPart.length > 3) return exact(asDecimal);
  if (/^0+$/.test(intPart)) {
    // "0,500" is plainly 0.5 in Indonesian; "0.500" may be 0.5 (English) or a sloppy 500.
    return sep === "," ? exact(asDecimal) : ambiguous(asDecimal, fracPart);
  }
  if (intPart.startsWith("0")) return null; // "01.250"
  // "1.250" is 1250 (Indonesian grouping); "1,250" is 1.25 in Indonesian but 1250 in English.
  return sep === "." ? exact(`${intPart}${fracPart}`) : ambiguous(asDecimal, `${intPart}${fracPart}`);
}

function ambiguous(a: string, b: string): Figure {
  const [x, y] = [new Dec(a), new Dec(b)].sort((p, q) => p.comparedTo(q));
  return { kind: "ambiguous", readings: [canonical(x!), canonical(y!)] };
}

function mapFigure(figure: Figure, f: (value: string) => string): Figure {
  return figure.kind === "exact"
    ? { kind: "exact", value: f(figure.value) }
    : ambiguous(f(figure.readings[0]), f(figure.readings[1])); // re-sorted: negation flips the order
}

/**
 * Reads a figure a member typed for an indicator measured in `unit`. After the figure may come
 * the unit and words of the indicator's own `labels` ("12 liter jelantah", "174 kg kasgot");
 * any other word makes it invalid.
 * Never guesses: anything that could mean two values is "ambiguous", anything unclear is "invalid".
 */
export function readNumber(text: string, unit: UnitCode, labels: readonly string[] = []): NumberReading {
  let s = normalise(text);
  if (s.length === 0 || s.length > MAX_INPUT_LENGTH) return { kind: "invalid" };
  if (SKIP.test(s)) return { kind: "skip" };
  // A sentence-ending "." or "!" after the figure: "12." → 12, "12 liter!" → 12. Not "12.." nor "1,".
  s = s.replace(/!+$/, "").replace(/(?<=[^.])\.$/, "").trim();
  s = s.replace(/(?<=\d),-(?= ?[a-z]*$)/, ""); // the price style "Rp 15.000,-" (no cents)
  if (ZERO_WORDS.has(s) || /^[-+]?0$/.test(s)) return { kind: "number", value: "0" };

  const indicatorUnit = unit.toLowerCase();
  let negative = false;
  let currency = false;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s);
    if (m) s = s.slice(m[0].length);
    return m;
  };
  const sign = take(/^(?:[+-] ?|min(?:us)? (?=[\d.,]))/);
  if (sign) negative = sign[0].trim() !== "+";
  if (take(/^(?:rp\.?|idr) ?/)) currency = true;
  if (!sign && currency) {
    const late = take(/^[+-] ?/);
    if (late) negative = late[0].trim() === "-";
  }

  const token = take(/^[\d.,]+(?: [\d.,]+)*/);
  if (!token) return { kind: "invalid" };
  let figure = readFigure(token[0]);
  if (!figure) return { kind: "invalid" };

  const multiplierWord = take(/^ ?(ribu|rb|k|juta|jt|miliar|milyar)(?![a-z])/)?.[1];
  const words = s.trim() === "" ? [] : s.trim().split(" ");
  if (!words.every((word) => /^[a-z]+$/.test(word))) return { kind: "invalid" };
  const ownWords = labelWords(labels);
  // The unit comes first ("12 liter jelantah"); the rest are words of the indicator's label.
  const unitWord = words.length > 0 && !(ownWords.has(words[0]!) && UNIT_WORDS[words[0]!] === undefined) ? words.shift() : undefined;
  if (!words.every((word) => ownWords.has(word))) return { kind: "invalid" };

  let writtenUnit: UnitCode | null = null;
  if (unitWord !== undefined) {
    writtenUnit = UNIT_WORDS[unitWord] ?? (unitWord === indicatorUnit ? indicatorUnit : null);
    if (writtenUnit === null) return { kind: "invalid" };
  }
  if (currency) {
    if (writtenUnit !== null && writtenUnit !== "rupiah") return { kind: "invalid" }; // "Rp 12 liter"
    writtenUnit = "rupiah";
  }
  if (multiplierWord !== undefined) {
    // "12 k" on a kg or liter indicator may well mean 12 kg: only money takes the bare "k".
    if (multiplierWord === "k" && writtenUnit !== "rupiah" && indicatorUnit !== "rupiah") return { kind: "invalid" };
    const factor = MULTIPLIERS[multiplierWord]!;
    figure = mapFigure(figure, (v) => canonical(new Dec(v).mul(factor)));
  }
  if (negative) figure = mapFigure(figure, (v) => canonical(new Dec(v).neg()));

  if (writtenUnit !== null && writtenUnit !== indicatorUnit) {
    return figure.kind === "exact"
      ? { kind: "unit-mismatch", value: figure.value, unitWritten: writtenUnit }
      : { kind: "unit-mismatch", value: figure.readings[0], unitWritten: writtenUnit, readings: figure.readings };
  }
  return figure.kind === "exact" ? { kind: "number", value: figure.value } : figure;
}
