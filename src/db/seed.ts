import { Prisma, type PrismaClient } from "./client.js";
import type { SeedData } from "./seed-data.js";

export { loadSeedData, SEED_DATA_PATH, SeedDataError, UNITS, type SeedData, type Unit } from "./seed-data.js";

export type SeedResult = { created: number; updated: number; unchanged: number };

// Two instances starting on an empty database may both decide to seed; the second waits
// for the first and then finds everything unchanged.
const SEED_LOCK_KEY = 72707370;

/**
 * Upserts the seed data by code in one transaction: missing rows are created, rows that
 * differ from the file are updated, and nothing is ever deleted (a row removed from the
 * file stays; staff deactivate it in the bot). `active` is not in the file and is left alone.
 *
 * The live data wins over the file: a field that staff changed through the bot or the CLI
 * (an update or rename in the audit table, from any source but the seed) is never set back
 * from the file on that row; the row's other fields still follow the file.
 */
export async function seed(prisma: PrismaClient, data: SeedData): Promise<SeedResult> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      const existing = await loadExisting(tx, data);
      const edited = await staffEditedFields(tx);
      const result: SeedResult = { created: 0, updated: 0, unchanged: 0 };
      const tally = <T>(plan: Plan<T>) => {
        result.created += plan.create.length;
        result.updated += plan.update.length;
        result.unchanged += plan.unchanged;
      };

      const programmes = plan(
        data.programmes.map(({ indicators: _, ...programme }) => programme),
        (programme) => existing.programmes.get(programme.code),
        (row, programme) => row.name === programme.name && row.nameEn === programme.nameEn && row.asksObstacles === programme.asksObstacles,
        edited("programme"),
      );
      tally(programmes);
      const created = await tx.programme.createManyAndReturn({ data: programmes.create, select: { id: true, code: true } });
      for (const { id, entry } of programmes.update) await tx.programme.update({ where: { id }, data: entry });
      const programmeIds = new Map([...existing.programmes.values(), ...created].map((row) => [row.code, row.id]));
      const programmeId = (code: string) => {
        const id = programmeIds.get(code);
        // loadSeedData checks this; a hand-built SeedData may not have.
        if (id === undefined) throw new Error(`seed: unknown programme ${code}`);
        return id;
      };

      const indicators = plan(
        data.programmes.flatMap((programme) =>
          programme.indicators.map((indicator) => ({
            ...indicator,
            programmeId: programmeId(programme.code),
            minValue: new Prisma.Decimal(indicator.minValue),
            maxValue: new Prisma.Decimal(indicator.maxValue),
          })),
        ),
        (indicator) => existing.indicators.get(`${indicator.programmeId}/${indicator.code}`),
        (row, indicator) =>
          row.labelId === indicator.labelId &&
          row.labelEn === indicator.labelEn &&
          row.unit === indicator.unit &&
          row.decimals === indicator.decimals &&
          row.minValue.equals(indicator.minValue) &&
          row.maxValue.equals(indicator.maxValue) &&
          row.required === indicator.required &&
          row.position === indicator.position &&
          row.achievementId === indicator.achievementId &&
          row.achievementEn === indicator.achievementEn &&
          row.reportedBy === indicator.reportedBy &&
          row.aggregation === indicator.aggregation,
        edited("indicator"),
      );
      tally(indicators);
      await tx.indicator.createMany({ data: indicators.create });
      for (const { id, entry } of indicators.update) await tx.indicator.update({ where: { id }, data: entry });

      const groups = plan(
        data.groups.map(({ programmeCode, ...group }) => ({ ...group, programmeId: programmeId(programmeCode) })),
        (group) => existing.groups.get(group.code),
        (row, group) => row.name === group.name && row.programmeId === group.programmeId && row.kelurahan === group.kelurahan,
        edited("group"),
      );
      tally(groups);
      await tx.group.createMany({ data: groups.create });
      for (const { id, entry } of groups.update) await tx.group.update({ where: { id }, data: entry });

      const stakeholders = plan(
        data.stakeholders,
        (stakeholder) => existing.stakeholders.get(stakeholder.code),
        (row, stakeholder) => row.institution === stakeholder.institution,
        edited("stakeholder"),
      );
      tally(stakeholders);
      await tx.stakeholder.createMany({ data: stakeholders.create });
      for (const { id, entry } of stakeholders.update) await tx.stakeholder.update({ where: { id }, data: entry });

      const baselines = await createMissingBaselines(tx, data);
      result.created += baselines.created;
      result.unchanged += baselines.unchanged;

      return result;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/** True when no programme exists yet: the sign of a database that was never seeded. */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.programme.findFirst({ select: { id: true } })) === null;
}

type Tx = Prisma.TransactionClient;

/**
 * The file's yearly figures of earlier years, created only where none exists: staff may
 * have corrected one since (from the bot's XLSX import), and the live figure wins.
 */
async function createMissingBaselines(tx: Tx, data: SeedData): Promise<{ created: number; unchanged: number }> {
  if (data.baselines.length === 0) return { created: 0, unchanged: 0 };
  const groups = await tx.group.findMany({
    where: { code: { in: data.baselines.map((b) => b.groupCode) } },
    select: { id: true, code: true, programme: { select: { indicators: { select: { id: true, code: true } } } } },
  });
  const rows = data.baselines.flatMap((baseline) => {
    const group = groups.find((g) => g.code === baseline.groupCode);
    const indicator = group?.programme.indicators.find((i) => i.code === baseline.indicatorCode);
    // loadSeedData checks both; a hand-built SeedData may not have.
    if (!group || !indicator) throw new Error(`seed: unknown baseline ${baseline.groupCode}/${baseline.indicatorCode}`);
    return [{ groupId: group.id, indicatorId: indicator.id, year: baseline.year, value: new Prisma.Decimal(baseline.value), source: "seed" }];
  });
  const { count } = await tx.baseline.createMany({ data: rows, skipDuplicates: true });
  return { created: count, unchanged: rows.length - count };
}

/** What to do with each entry of the file: create it, update a row that differs, or nothing. */
type Plan<T> = { create: T[]; update: { id: number; entry: T }[]; unchanged: number };

function plan<T extends object, R extends { id: number }>(
  entries: T[],
  find: (entry: T) => R | undefined,
  same: (row: R, entry: T) => boolean,
  locked: (rowId: number) => ReadonlySet<string> = () => NONE,
): Plan<T> {
  const result: Plan<T> = { create: [], update: [], unchanged: 0 };
  for (const fileEntry of entries) {
    const row = find(fileEntry);
    if (!row) {
      result.create.push(fileEntry);
      continue;
    }
    // fields staff changed keep the row's value: the file does not undo them
    const entry = { ...fileEntry };
    for (const field of locked(row.id)) if (field in entry && field in row) (entry as Record<string, unknown>)[field] = (row as Record<string, unknown>)[field];
    if (same(row, entry)) result.unchanged += 1;
    else result.update.push({ id: row.id, entry });
  }
  return result;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Per entity and row, the fields staff changed (audited updates and renames not made by the
 * seed): `edited("indicator")(id)` is the set of that indicator's field names.
 */
async function staffEditedFields(tx: Tx): Promise<(entity: string) => (rowId: number) => ReadonlySet<string>> {
  const entries = await tx.auditEntry.findMany({
    where: { entity: { in: ["programme", "indicator", "group", "stakeholder"] }, action: { in: ["update", "rename"] }, NOT: { source: "seed" } },
    select: { entity: true, entityId: true, after: true },
  });
  const fields = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.after === null || typeof e.after !== "object" || Array.isArray(e.after)) continue;
    const key = `${e.entity}:${e.entityId}`;
    const set = fields.get(key) ?? new Set<string>();
    for (const field of Object.keys(e.after)) set.add(field);
    fields.set(key, set);
  }
  return (entity) => (rowId) => fields.get(`${entity}:${rowId}`) ?? NONE;
}

/** The rows the file names, read in four queries rather than one per entry. */
async function loadExisting(tx: Tx, data: SeedData) {
  const programmes = await tx.programme.findMany({ where: { code: { in: data.programmes.map((p) => p.code) } } });
  const indicators = await tx.indicator.findMany({ where: { programmeId: { in: programmes.map((p) => p.id) } } });
  const groups = await tx.group.findMany({ where: { code: { in: data.groups.map((g) => g.code) } } });
  const stakeholders = await tx.stakeholder.findMany({ where: { code: { in: data.stakeholders.map((s) => s.code) } } });
  return {
    programmes: new Map(programmes.map((row) => [row.code, row])),
    indicators: new Map(indicators.map((row) => [`${row.programmeId}/${row.code}`, row])),
    groups: new Map(groups.map((row) => [row.code, row])),
    stakeholders: new Map(stakeholders.map((row) => [row.code, row])),
  };
}
