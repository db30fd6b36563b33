// The data set of the benches at scale (bench/summary.bench.ts, bench/console.bench.ts): groups ×
// members × weeks of reports of one year (one member in ten skips each week, so reporting is
// partial), every report with a value per member indicator of its programme, one group report a
// week for the groups of programmes with group indicators (KSB; one week in ten left out), and a
// target per group × indicator, generated in SQL with generate_series on a seeded database.
import type { PrismaClient } from "../src/db/client.js";
import { isoYearRange, weekFromKey } from "../src/lib/week.js";

export type DatasetSize = { groups: number; members: number; weeks: number; year: number; timeZone: string };
export type Generated = { reports: number; values: number; groupReports: number };

/** Groups are coded bench-1 … bench-N; people have telegram ids 8000000001 …; the first member of each group coordinates. */
export async function generate(prisma: PrismaClient, size: DatasetSize): Promise<Generated> {
  const { groups: GROUPS, members: MEMBERS, weeks: WEEKS, year: YEAR } = size;
  const firstMonday = isoYearRange(YEAR, size.timeZone).firstWeekStartDate;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "group" (code, name, programme_id, kelurahan)
    SELECT 'bench-' || g, 'Kelompok Bench ' || g, p.id, 'Kelurahan ' || (g % 34)
    FROM generate_series(1, ${GROUPS}) g
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM programme) p ON p.n = g % p.total`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO person (name, telegram_id, updated_at)
    SELECT 'Anggota ' || i, 8000000000 + i, now() FROM generate_series(1, ${GROUPS * MEMBERS}) i`);
  // member i of group g: the first of each group coordinates
  await prisma.$executeRawUnsafe(`
    INSERT INTO membership (person_id, group_id, role, joined_at)
    SELECT p.id, g.id, CASE WHEN (p.telegram_id - 8000000001) % ${MEMBERS} = 0 THEN 'coordinator'::"GroupRole" ELSE 'member'::"GroupRole" END, '2025-01-01'
    FROM person p
    JOIN "group" g ON g.code = 'bench-' || ((p.telegram_id - 8000000001) / ${MEMBERS} + 1)
    WHERE p.telegram_id > 8000000000`);
  const reports = await prisma.$executeRawUnsafe(`
    INSERT INTO report (group_id, member_id, week_start, version, current, submitted_by_id, submitted_at)
    SELECT m.group_id, m.person_id, '${firstMonday}'::date + 7 * w, 1, true, m.person_id, now()
    FROM membership m JOIN "group" g ON g.id = m.group_id AND g.code LIKE 'bench-%'
    CROSS JOIN generate_series(0, ${WEEKS - 1}) w
    WHERE (m.person_id + w) % 10 <> 0`);
  const values = await prisma.$executeRawUnsafe(`
    INSERT INTO report_value (report_id, indicator_id, value)
    SELECT r.id, i.id, round((random() * 100)::numeric, i.decimals)
    FROM report r JOIN "group" g ON g.id = r.group_id
    JOIN indicator i ON i.programme_id = g.programme_id AND i.active AND i.reported_by = 'member'
    WHERE g.code LIKE 'bench-%'`);
  const groupReports = await prisma.$executeRawUnsafe(`
    INSERT INTO group_report (group_id, week_start, version, current, submitted_by_id, submitted_at)
    SELECT g.id, '${firstMonday}'::date + 7 * w, 1, true, (SELECT MIN(person_id) FROM membership WHERE group_id = g.id), now()
    FROM "group" g CROSS JOIN generate_series(0, ${WEEKS - 1}) w
    WHERE g.code LIKE 'bench-%' AND (g.id + w) % 10 <> 3
      AND EXISTS (SELECT 1 FROM indicator i WHERE i.programme_id = g.programme_id AND i.reported_by = 'group')`);
  const groupValues = await prisma.$executeRawUnsafe(`
    INSERT INTO group_report_value (group_report_id, indicator_id, value)
    SELECT r.id, i.id, round((random() * 40)::numeric, i.decimals)
    FROM group_report r JOIN "group" g ON g.id = r.group_id
    JOIN indicator i ON i.programme_id = g.programme_id AND i.active AND i.reported_by = 'group'
    WHERE g.code LIKE 'bench-%'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO target (group_id, indicator_id, year, value, source)
    SELECT g.id, i.id, ${YEAR}, round((random() * 2000 * 52 + 100)::numeric, i.decimals), 'cli'
    FROM "group" g JOIN indicator i ON i.programme_id = g.programme_id AND i.active
    WHERE g.code LIKE 'bench-%'`);
  // What autovacuum does soon after a bulk load (hint bits, visibility map, statistics):
  // without it the first reads of freshly inserted rows pay for writing them.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  return { reports, values: values + groupValues, groupReports };
}

/** Throws unless `value` is a whole number ≥ 1. */
export function whole(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return n;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Median of `runs` timings after `warmup` untimed runs. */
export async function median(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
}

export async function pgVersion(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<Array<{ v: string }>>("SELECT current_setting('server_version') AS v");
  return rows[0]?.v ?? "?";
}

/** The command-line options of a bench on the generated data set (spread into parseArgs' options). */
export const DATASET_OPTIONS = {
  groups: { type: "string", default: "1000" },
  members: { type: "string", default: "20" },
  weeks: { type: "string", default: "52" },
  runs: { type: "string", default: "15" },
} as const;

/**
 * The data set those options describe: weeks of ISO year 2026 in WITA; `lastWeek` is the last
 * generated one and `now` Monday 08:00 after it (when the weekly summary of it runs).
 */
export function datasetShape(args: { groups?: string; members?: string; weeks?: string; runs?: string }) {
  const zone = "Asia/Makassar";
  const year = 2026;
  const weeks = Math.min(52, whole(args.weeks, "--weeks"));
  const lastWeek = weekFromKey(`${year}-W${String(weeks).padStart(2, "0")}`, zone)!;
  return {
    groups: whole(args.groups, "--groups"),
    members: whole(args.members, "--members"),
    weeks,
    runs: whole(args.runs, "--runs"),
    zone,
    year,
    lastWeek,
    now: new Date(lastWeek.end.getTime() + 8 * 3600_000),
  };
}

/** What a bench undoes at its end (or on Ctrl+C): scratch databases, clients; last added, first undone. */
export function cleanupStack(): { cleanups: Array<() => Promise<unknown>>; cleanUp(): Promise<void> } {
  const cleanups: Array<() => Promise<unknown>> = [];
  const cleanUp = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error("cleanup:", err));
    cleanups.length = 0;
  };
  process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));
  return { cleanups, cleanUp };
}
