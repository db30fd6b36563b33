// npx tsx bench/console.bench.ts [-- --groups 1000 --members 20 --weeks 52 --runs 15]
//
// The staff console at scale: a scratch PostgreSQL database and Redis key prefix (dropped at the
// end) with the data set of bench/dataset.ts (1,000 groups × 20 members × 52 weeks of 2026,
// targets), an admin signed in through a one-time link, then the pages through Fastify's inject
// (server time: routing, queries, rendering; no network), as medians of several runs after a
// warm-up. The clock is the Monday after the last generated week. Prints a Markdown table.
import os from "node:os";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import pino from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { loadConfig } from "../src/config.js";
import { createConsoleServer, SESSION_COOKIE } from "../src/console/console.server.js";
import { createLoginToken } from "../src/features/console/console.auth.js";
import { cleanupStack, DATASET_OPTIONS, datasetShape, generate, median, pgVersion, timed } from "./dataset.js";
import { scratchStore } from "./harness.js";

const { values: args } = parseArgs({
  options: {
    ...DATASET_OPTIONS,
  },
});
const { groups: GROUPS, members: MEMBERS, weeks: WEEKS, runs: RUNS, zone: ZONE, year: YEAR, lastWeek: LAST_WEEK, now: NOW } = datasetShape(args);

const { cleanups, cleanUp } = cleanupStack();

async function main(): Promise<void> {
  const store = await scratchStore(cleanups);
  const { prisma } = store;
  console.error(`generating ${GROUPS} groups × ${MEMBERS} members × ${WEEKS} weeks …`);
  const generated = await timed(() => generate(prisma, { groups: GROUPS, members: MEMBERS, weeks: WEEKS, year: YEAR, timeZone: ZONE }));
  console.error(`  ${generated.value.reports} reports, ${generated.value.values} values in ${(generated.ms / 1000).toFixed(1)} s`);

  const config = loadConfig({ DATABASE_URL: store.url, REDIS_URL: store.redisUrl, REDIS_KEY_PREFIX: store.redisPrefix, CONSOLE_URL: "http://konsol.bench", TELEGRAM_API_ROOT: "http://127.0.0.1:9", APP_TIME_ZONE: ZONE });
  const redis = new Redis(store.redisUrl, { keyPrefix: store.redisPrefix, maxRetriesPerRequest: 3 });
  cleanups.push(() => redis.quit());
  const logger = pino({ level: "warn" });
  const web = await createConsoleServer({ config, prisma, redis, logger, clock: () => NOW, i18n: createI18n(), botUsername: "lapor_bench_bot" }, { secureCookies: false });
  cleanups.push(() => web.close());

  const admin = await prisma.person.create({ data: { name: "Admin Bench", telegramId: 7999999999n, staffRole: "admin" } });
  const signIn = await web.inject({ method: "GET", url: `/masuk/${await createLoginToken(redis, admin.id)}` });
  const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!cookie) throw new Error(`no session (${signIn.statusCode})`);

  const groups = await prisma.group.findMany({ where: { code: { startsWith: "bench-" } }, select: { id: true, programmeId: true }, orderBy: { id: "asc" } });
  const programmes = [...new Set(groups.map((g) => g.programmeId))];
  const pick = (i: number) => groups[(i * 7919) % groups.length]!.id;
  let n = 0;
  let bytes = 0;
  const get = (url: () => string) => async () => {
    const path = url();
    const res = await web.inject({ method: "GET", url: path, cookies: { [SESSION_COOKIE]: cookie } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} for ${path}`);
    bytes = res.rawPayload.length;
  };
  const pages: Array<[string, () => string, string]> = [
    ["home page, all programmes (GET /)", () => "/", "≤ 300 ms"],
    ["home page, one programme (GET /?programme=…)", () => `/?programme=${programmes[n++ % programmes.length]}`, "—"],
    ["reports table, first page (GET /laporan)", () => "/laporan", "≤ 100 ms"],
    ["group page (GET /kelompok/…)", () => `/kelompok/${pick(n++)}`, "—"],
  ];
  const rows: string[] = [];
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  for (const [what, url, goal] of pages) {
    const r = await median(RUNS, 3, get(url));
    rows.push(`| ${what} | ${fmt(r.median)} | ${fmt(r.min)} – ${fmt(r.max)} | ${RUNS} | ${(bytes / 1024).toFixed(0)} KB | ${goal} |`);
  }

  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`\n### Staff console at scale\n`);
  console.log(
    `${GROUPS} groups × ${MEMBERS} members × ${WEEKS} weeks of ${YEAR}: ${generated.value.reports.toLocaleString("en")} reports, ` +
      `${generated.value.values.toLocaleString("en")} values, a target per group × indicator; an admin's session; server time through Fastify's inject. ` +
      `PostgreSQL ${await pgVersion(prisma)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, load average ${load} (1/5/15 min) at the end.\n`,
  );
  console.log("| page | median | min – max | runs | size | goal |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
}

try {
  await main();
} finally {
  await cleanUp();
}
