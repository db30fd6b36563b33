import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import { z } from "zod";
import { IndicatorAggregation, IndicatorReporter } from "../generated/prisma/enums.js";

/** The seed file CSR staff edit: programmes with their indicators, groups, stakeholders. */
export const SEED_DATA_PATH = fileURLToPath(new URL("../../prisma/seed-data.yaml", import.meta.url));

export const UNITS = ["liter", "kg", "rupiah", "buah", "kali", "orang", "batang", "butir"] as const;
export type Unit = (typeof UNITS)[number];
/** Units that are counted (and money): whole numbers only. */
const WHOLE_UNITS: ReadonlySet<Unit> = new Set(["rupiah", "buah", "kali", "orang", "batang", "butir"]);

// Decimal(20, 4) columns hold at most 16 digits before the point.
const MAX_AMOUNT = 1e15;

const code = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and dashes, e.g. jelantah-terkumpul");
const text = z.string().trim().min(1, "must not be empty");
const amount = z
  .number({ error: "must be a number, written without thousands separators and with a dot for decimals (5000, 2.5)" })
  .min(0, "must not be negative")
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`);

/** The placeholder of an achievement phrase: where the year's total goes. */
export const ACHIEVEMENT_PLACEHOLDER = "{jumlah}";

/** How the programme phrases a year's total, e.g. "mengumpulkan {jumlah} liter jelantah" (optional). */
const achievementPhrase = text
  .refine((phrase) => phrase.split(ACHIEVEMENT_PLACEHOLDER).length === 2, `must contain ${ACHIEVEMENT_PLACEHOLDER} exactly once, where the total goes`)
  .optional();

const indicatorSchema = z
  .strictObject({
    code,
    label_id: text,
    label_en: text,
    unit: z.enum(UNITS),
    decimals: z.number().int().min(0).max(4),
    min: amount.default(0),
    max: amount,
    required: z.boolean().default(true),
    achievement_id: achievementPhrase,
    achievement_en: achievementPhrase,
    reported_by: z.enum(IndicatorReporter).default(IndicatorReporter.member),
    aggregation: z.enum(IndicatorAggregation).default(IndicatorAggregation.sum),
  })
  .superRefine((indicator, ctx) => {
    if (WHOLE_UNITS.has(indicator.unit) && indicator.decimals !== 0) {
      ctx.addIssue({ code: "custom", path: ["decimals"], message: `must be 0 for unit ${indicator.unit}` });
    }
    if (indicator.max <= indicator.min) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `must be greater than min (${indicator.min})` });
    }
  });

const programmeSchema = z.strictObject({
  code,
  name: text,
  name_en: text,
  asks_obstacles: z.boolean().default(true),
  indicators: z.array(indicatorSchema).min(1, "a programme needs at least one indicator"),
});

const groupSchema = z.strictObject({ code, name: text, programme: code, kelurahan: text });

const stakeholderSchema = z.strictObject({ code, institution: text });

/** A year's total from before the bot, per indicator code of the group's programme. */
const baselineSchema = z.strictObject({
  group: code,
  year: z.number().int().min(2000).max(2100),
  values: z.record(code, amount),
});

const fileSchema = z
  .strictObject({
    programmes: z.array(programmeSchema).min(1, "the file needs at least one programme"),
    groups: z.array(groupSchema).default([]),
    stakeholders: z.array(stakeholderSchema).default([]),
    baselines: z.array(baselineSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const duplicates = (list: { code: string }[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      list.forEach((entry, index) => {
        if (seen.has(entry.code)) {
          ctx.addIssue({ code: "custom", path: [...path, index, "code"], message: `${what} code "${entry.code}" is used twice` });
        }
        seen.add(entry.code);
      });
    };
    duplicates(file.programmes, ["programmes"], "programme");
    file.programmes.forEach((programme, index) =>
      duplicates(programme.indicators, ["programmes", index, "indicators"], "indicator"),
    );
    duplicates(file.groups, ["groups"], "group");
    duplicates(file.stakeholders, ["stakeholders"], "stakeholder");
    const programmes = new Set(file.programmes.map((programme) => programme.code));
    file.groups.forEach((group, index) => {
      if (!programmes.has(group.programme)) {
        ctx.addIssue({
          code: "custom",
          path: ["groups", index, "programme"],
          message: `names programme "${group.programme}", which is not in the programmes list`,
        });
      }
    });
    const groupProgramme = new Map(file.groups.map((group) => [group.code, group.programme]));
    file.baselines.forEach((baseline, index) => {
      const programmeCode = groupProgramme.get(baseline.group);
      if (programmeCode === undefined) {
        ctx.addIssue({ code: "custom", path: ["baselines", index, "group"], message: `names group "${baseline.group}", which is not in the groups list` });
        return;
      }
      const indicators = new Set(file.programmes.find((p) => p.code === programmeCode)?.indicators.map((i) => i.code));
      for (const indicatorCode of Object.keys(baseline.values)) {
        if (!indicators.has(indicatorCode)) {
          ctx.addIssue({
            code: "custom",
            path: ["baselines", index, "values", indicatorCode],
            message: `names indicator "${indicatorCode}", which programme "${programmeCode}" does not have`,
          });
        }
      }
    });
    const years = new Set<string>();
    file.baselines.forEach((baseline, index) => {
      const key = `${baseline.group}/${baseline.year}`;
      if (years.has(key)) ctx.addIssue({ code: "custom", path: ["baselines", index, "year"], message: `group "${baseline.group}" has ${baseline.year} twice` });
      years.add(key);
    });
  })
  .transform((file) => ({
    programmes: file.programmes.map((programme) => ({
      code: programme.code,
      name: programme.name,
      nameEn: programme.name_en,
      asksObstacles: programme.asks_obstacles,
      indicators: programme.indicators.map((indicator, index) => ({
        code: indicator.code,
        labelId: indicator.label_id,
        labelEn: indicator.label_en,
        unit: indicator.unit,
        decimals: indicator.decimals,
        minValue: indicator.min,
        maxValue: indicator.max,
        required: indicator.required,
        // A phrase left out of the file is cleared in the database: the file is the source.
        achievementId: indicator.achievement_id ?? null,
        achievementEn: indicator.achievement_en ?? null,
        reportedBy: indicator.reported_by,
        aggregation: indicator.aggregation,
        // The order in the file is the order of the questions.
        position: index + 1,
      })),
    })),
    groups: file.groups.map((group) => ({
      code: group.code,
      name: group.name,
      programmeCode: group.programme,
      kelurahan: group.kelurahan,
    })),
    stakeholders: file.stakeholders,
    baselines: file.baselines.flatMap((baseline) =>
      Object.entries(baseline.values).map(([indicatorCode, value]) => ({
        groupCode: baseline.group,
        indicatorCode,
        year: baseline.year,
        value,
      })),
    ),
  }));

export type SeedData = z.output<typeof fileSchema>;

export class SeedDataError extends Error {
  override name = "SeedDataError";
}

/** Reads and checks the seed file; a bad file throws a SeedDataError naming the line and the entry. */
export function loadSeedData(path: string = SEED_DATA_PATH): SeedData {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (err) {
    throw new SeedDataError(`Cannot read the seed file ${path}: ${(err as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SeedDataError(`${path} is not valid YAML:\n${doc.errors.map((e) => `  ${e.message}`).join("\n")}`);
  }
  const problems = thousandsSeparatorProblems(doc, lineCounter);
  const raw: unknown = doc.toJS();
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = lineOf(doc, lineCounter, issue.path);
      problems.push(`${where}${describePath(raw, issue.path)}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new SeedDataError(`${path} has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return parsed.data;
}

/** YAML reads `5.000` as 5: staff who write Indonesian thousands separators must hear about it. */
function thousandsSeparatorProblems(doc: Document, lineCounter: LineCounter): string[] {
  const problems: string[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "number" && node.type === "PLAIN" && /^-?\d{1,3}(?:\.\d{3})+$/.test(node.source ?? "")) {
        const line = node.range ? `line ${lineCounter.linePos(node.range[0]).line}: ` : "";
        const digits = (node.source ?? "").replaceAll(".", "");
        problems.push(`${line}${node.source} reads as ${node.value}; write numbers without thousands separators (${digits})`);
      }
    },
  });
  return problems;
}

/** The nearest line of the file to a path (the entry itself when the key is missing). */
function lineOf(doc: Document, lineCounter: LineCounter, path: PropertyKey[]): string {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      return `line ${lineCounter.linePos(node.range[0] as number).line}: `;
    }
  }
  return "";
}

/** `programmes[1] (mariojela) > indicators[0] (jelantah-terkumpul) > unit` */
function describePath(raw: unknown, path: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const entryCode = node && typeof node === "object" ? (node as { code?: unknown }).code : undefined;
      const last = parts.pop() ?? "";
      parts.push(typeof entryCode === "string" ? `${last}[${key}] (${entryCode})` : `${last}[${key}]`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.length > 0 ? parts.join(" > ") : "the file";
}
