// Generates the Prisma client. `prisma generate` needs no engine binary in Prisma 7 with a
// driver adapter, but its CLI insists that PRISMA_SCHEMA_ENGINE_BINARY names some file when
// the engine cannot be downloaded; any existing file will do, so point it at node itself.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
