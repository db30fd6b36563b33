// `npm run db:migrate` (tsx) or `node dist/db/migrate.cli.js`: applies pending migrations to DATABASE_URL.
import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { MIGRATIONS_DIR, migrate, MigrationError } from "./migrate.js";

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await migrate({ databaseUrl: config.databaseUrl, migrationsDir: MIGRATIONS_DIR, logger });
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof MigrationError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
