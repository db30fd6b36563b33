// `npm run db:seed [file]` (also `prisma db seed`): loads prisma/seed-data.yaml, or the
// given file, into DATABASE_URL. Safe to run again: it only creates and updates, by code.
import { ConfigError, loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/client.js";
import { loadSeedData, seed, SeedDataError } from "../src/db/seed.js";
import { createLogger } from "../src/logger.js";

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const data = loadSeedData(process.argv[2]);
  const prisma = createPrisma(config.databaseUrl);
  try {
    const result = await seed(prisma, data);
    logger.info(result, "seed data loaded");
  } finally {
    await prisma.$disconnect();
  }
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof SeedDataError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
