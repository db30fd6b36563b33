// npx tsx bench/summary.bench.ts [-- --groups 1000 --members 20 --weeks 52 --runs 15]
//
// The weekly summary at scale: a scratch PostgreSQL database (created here, dropped at the end)
// with 1,000 groups × 20 members × 52 weeks of reports of 2026 (bench/dataset.ts). Then, as medians of several runs:
//   - the summary of one group (what the Monday job renders for a coordinator), numbers only
//     and with the year's chart drawn;
//   - the summary of every group (the numbers behind the staff messages), and its texts;
//   - the XLSX export of a whole programme-year (src/features/export).
// Prints a Markdown table.
import os from "node:os";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createI18n } from "../src/bot/i18n.js";
import { createPrisma, type PrismaClient } from "../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../src/db/migrate.js";
import { loadSeedData, seed } from "../src/db/seed.js";
import { writeReportsXlsx } from "../src/features/export/export.files.js";
import { composeSummary } from "../src/features/summary/summary.compose.js";
import { periodFiguresSql } from "../src/features/figures/figures.repository.js";
import { createSummaryRepository } from "../src/features/summary/summary.repository.js";
import { buildSummary, type SummaryDeps } from "../src/features/summary/summary.service.js";
import { staffSummaryTexts } from "../src/features/summary/summary.texts.js";
import { yearToDate } from "../src/features/figures/figures.rules.js";
import { isoYearRange, shiftWeeks } from "../src/lib/week.js";
import { createDatabase, databaseUrl, dropDatabase, testServerUrl, uniqueDatabaseName } from "../test/support/server.js";
import { cleanupStack, DATASET_OPTIONS, datasetShape, generate, median, pgVersion, timed } from "./dataset.js";

const { values: args } = parseArgs({
  options: {
    ...DATASET_OPTIONS,
    explain: { type: "boolean", default: false },
    /** leave the scratch database for a look with psql (its URL is printed); drop it yourself */
    keep: { type: "boolean", default: false },
  },
});
const { groups: GROUPS, members: MEMBERS, weeks: WEEKS, runs: RUNS, zone: ZONE, year: YEAR, lastWeek: WEEK, now: NOW } = datasetShape(args);

const { cleanups, cleanUp } = cleanupStack();




async function main(): Promise<void> {
  const serverUrl = testServerUrl();
  const dbName = uniqueDatabaseName(String(process.pid)); // a killed bench is dropped by the next test run
  await createDatabase(serverUrl, dbName);
  const url = databaseUrl(serverUrl, dbName);
  if (args.keep) console.error(`keeping the scratch database: ${url}`);
  else cleanups.push(() => dropDatabase(serverUrl, dbName));
  await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
  const prisma = createPrisma(url);
  cleanups.push(() => prisma.$disconnect());
  await seed(prisma, loadSeedData());

  console.error(`generating ${GROUPS} groups × ${MEMBERS} members × ${WEEKS} weeks …`);
  const generated = await timed(() => generate(prisma, { groups: GROUPS, members: MEMBERS, weeks: WEEKS, year: YEAR, timeZone: ZONE }));
  console.error(`  ${generated.value.reports} reports, ${generated.value.values} values in ${(generated.ms / 1000).toFixed(1)} s`);

  const deps: SummaryDeps = { repo: createSummaryRepository(prisma), clock: () => NOW, timeZone: ZONE };
  const i18n = createI18n();
  const t = (k: string, v?: Record<string, string | number>) => i18n.t("id", k, v);
  const groups = await prisma.group.findMany({ where: { code: { startsWith: "bench-" } }, select: { id: true, programmeId: true }, orderBy: { id: "asc" } });
  const pick = (i: number) => groups[(i * 7919) % groups.length]!.id; // a different group each run

  const year = isoYearRange(YEAR, ZONE);
  const previous = shiftWeeks(WEEK, -1, ZONE).startDate;
  const ytd = yearToDate(WEEK.startDate);
  const periods = [ytd.thisYear, ytd.lastYear, { from: WEEK.startDate, to: WEEK.startDate }, { from: previous, to: previous }];
  const indicators = await deps.repo.indicators(null);
  if (args.explain) {
    for (const groupIds of [[pick(1)], null]) {
      const plan = await prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN (ANALYZE, BUFFERS) ${periodFiguresSql(groupIds && { groupIds }, periods)}`;
      console.error(`\n-- totals, ${groupIds ? "one group" : "every group"}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }

  let n = 0;
  // Where one group's time goes: a bare round trip, then each query of the summary alone.
  const weekEndUtc = WEEK.end.toISOString().replace("T", " ").replace("Z", "");
  const parts: Array<[string, () => Promise<unknown>]> = [
    ["round trip (SELECT 1)", () => prisma.$queryRaw`SELECT 1`],
    ["figures (week, week before, year so far, last year, targets, baselines)", () => deps.repo.evaluate({ groupIds: [pick(n++)] }, indicators, WEEK.startDate, periods.slice(2))],
    ["members reported", () => deps.repo.reporting({ groupIds: [pick(n++)] }, WEEK.startDate, weekEndUtc)],
    ["who did not report", () => deps.repo.nonReporters({ groupIds: [pick(n++)] }, WEEK.startDate, weekEndUtc)],
    ["upcoming meetings", () => deps.repo.upcomingMeetings({ groupIds: [pick(n++)] }, NOW, new Date(NOW.getTime() + 14 * 86_400_000))],
  ];
  const breakdown: Array<[string, Awaited<ReturnType<typeof median>>]> = [];
  for (const [what, fn] of parts) breakdown.push([what, await median(RUNS, 3, fn)]);
  const oneGroup = await median(RUNS, 3, () => buildSummary(deps, { kind: "groups", groupIds: [pick(n++)] }, WEEK));
  const oneGroupChart = await median(Math.max(3, Math.ceil(RUNS / 3)), 2, () =>
    composeSummary(deps, { t, lang: "id", scope: { kind: "groups", groupIds: [pick(n++)] }, week: WEEK }),
  );
  const allRuns = Math.max(3, Math.ceil(RUNS / 3));
  const all = await median(allRuns, 1, () => buildSummary(deps, { kind: "all" }, WEEK));
  const allTexts = await median(allRuns, 1, async () => staffSummaryTexts({ t, lang: "id", timeZone: ZONE }, await buildSummary(deps, { kind: "all" }, WEEK)));

  const programmeId = groups[0]!.programmeId;
  let bytes = 0;
  const xlsx = await median(1, 0, async () => {
    bytes = 0;
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((bytes += chunk.length), done()) });
    const finished = new Promise((resolve, reject) => sink.on("finish", resolve).on("error", reject));
    await writeReportsXlsx(prisma, { firstWeekStartDate: year.firstWeekStartDate, lastWeekStartDate: year.lastWeekStartDate, programmeIds: [programmeId] }, ZONE, sink);
    await finished;
  });
  const xlsxRows = await prisma.report.count({ where: { current: true, group: { programmeId } } });

  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  const row = (what: string, r: { median: number; min: number; max: number }, runs: number, goal: string) =>
    `| ${what} | ${fmt(r.median)} | ${fmt(r.min)} – ${fmt(r.max)} | ${runs} | ${goal} |`;
  console.log(`\n### Weekly summary at scale\n`);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(
    `${GROUPS} groups × ${MEMBERS} members × ${WEEKS} weeks of ${YEAR}: ${generated.value.reports.toLocaleString("en")} reports, ` +
      `${generated.value.groupReports.toLocaleString("en")} group reports, ${generated.value.values.toLocaleString("en")} values, a target per group × indicator (generated in ${fmt(generated.ms)}); summary of ${WEEK.key}. ` +
      `PostgreSQL ${await pgVersion(prisma)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, load average ${load} (1/5/15 min) at the end.\n`,
  );
  console.log("| what | median | min – max | runs | goal |");
  console.log("|---|---|---|---|---|");
  console.log(row("summary numbers, one group", oneGroup, RUNS, "≤ 20 ms"));
  for (const [what, r] of breakdown) console.log(row(`… ${what}, one group`, r, RUNS, "—"));
  console.log(row("summary message with the year's chart (PNG), one group", oneGroupChart, Math.max(3, Math.ceil(RUNS / 3)), "—"));
  console.log(row(`summary numbers, all ${GROUPS} groups`, all, allRuns, "≤ 5 s"));
  console.log(row("summary numbers + staff texts, all groups", allTexts, allRuns, "—"));
  console.log(row(`XLSX export, one programme-year (${xlsxRows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB)`, xlsx, 1, "—"));
}


try {
  await main();
} finally {
  await cleanUp();
}
