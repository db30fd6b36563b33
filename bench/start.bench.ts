// npx tsx bench/start.bench.ts [-- --starts 7 --bot dist/main.js --node-arg=--cpu-prof]
//
// How long the production entry (node dist/main.js, APP_ROLE=all, long polling) takes from the
// process's start until it takes updates ("bot running"), with PostgreSQL, Redis and a local
// Bot API server up, on a scratch database already migrated and seeded (as at any start but the
// first; migrations and the seed are still checked, as in production). Prints each start, the
// median, the RSS of the process once started and the load average.
import os from "node:os";
import { parseArgs } from "node:util";
import { startBotApiServer } from "../src/dev/bot-api-server.js";
import { BotProcess } from "../test/support/bot-process.js";
import { median, ms, processMemoryMb, scratchStore } from "./harness.js";

const { values: args } = parseArgs({
  options: {
    starts: { type: "string", default: "7" },
    bot: { type: "string", default: "dist/main.js" },
    "node-arg": { type: "string", multiple: true, default: [] },
  },
});
const STARTS = Number(args.starts);
if (!Number.isInteger(STARTS) || STARTS < 1) throw new Error("--starts must be a whole number ≥ 1");

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error("cleanup:", err));
  cleanups.length = 0;
}
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

async function main(): Promise<void> {
  const { url, redisUrl, redisPrefix } = await scratchStore(cleanups);
  const server = await startBotApiServer();
  cleanups.push(() => server.close());

  console.log(`start of ${args.bot}: ${STARTS} starts; Node ${process.version}, ${os.cpus().length} CPUs\n`);
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 1; i <= STARTS; i++) {
    const bot = new BotProcess({ apiRoot: server.apiRoot, botToken: server.token, databaseUrl: url, redisUrl, redisKeyPrefix: redisPrefix, script: args.bot, nodeArgs: args["node-arg"], env: { LOG_LEVEL: "info" } });
    const started = performance.now();
    await bot.start(60_000);
    const elapsed = performance.now() - started;
    const memory = bot.pid === undefined ? Number.NaN : processMemoryMb(bot.pid).rss;
    times.push(elapsed);
    rss.push(memory);
    console.log(`start ${i}: ready after ${ms(elapsed)} · RSS ${Math.round(memory)} MB · load ${os.loadavg()[0]!.toFixed(2)}`);
    const stopped = await bot.stop("SIGTERM");
    if (stopped.code !== 0) await bot.kill();
  }
  console.log(`\nmedian of ${STARTS}: ready after ${ms(median(times))} (goal ≤ 1 s) · RSS at ready ${Math.round(median(rss))} MB · load ${os.loadavg()[0]!.toFixed(2)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
