// Only the queue workers, with the test renderer, as a child process (run with tsx) that a
// test or the bench can SIGKILL and start again. Configured by the app's environment
// variables, plus OUTBOX_LOCK_MS / OUTBOX_STALLED_MS (how soon a killed worker's jobs return).
import { createPrisma } from "../../src/db/client.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { queueRig } from "./outbox-harness.js";

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const prisma = createPrisma(config.databaseUrl);
const rig = await queueRig({
  config,
  prisma,
  redisUrl: config.redisUrl,
  logger,
  workers: {
    settings: {
      ...(process.env.OUTBOX_LOCK_MS && { lockDurationMs: Number(process.env.OUTBOX_LOCK_MS) }),
      ...(process.env.OUTBOX_STALLED_MS && { stalledIntervalMs: Number(process.env.OUTBOX_STALLED_MS) }),
    },
  },
});
logger.info({ pid: process.pid }, "outbox worker ready");

process.once("SIGTERM", () => {
  void (async () => {
    await rig.close();
    await prisma.$disconnect();
    logger.info("stopped");
    process.exit(0);
  })();
});
