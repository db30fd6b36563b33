// `npm start` runs this before the bot: it builds (Prisma client, then tsc) only when the build
// is missing or older than what it is built from, so an up-to-date start costs a few
// milliseconds instead of a rebuild. A fresh clone has no build and gets one.
//
// The build's time is kept in dist/.build-stamp (its modification time is when the build began,
// so a file saved during a build is newer and triggers the next one). A build made otherwise
// (`npm run build`) has no newer stamp and is redone once at the next start.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (p) => path.join(ROOT, p);
const STAMP = at("dist/.build-stamp");
const SCHEMA = at("prisma/schema.prisma");
const GENERATED = at("src/generated/prisma/client.ts");

/** Modification time in ms, or null when the file is missing. */
function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest modification time of the TypeScript sources under `dir` (the generated client apart). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== at("src/generated")) newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith(".ts")) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = Date.now();
const generated = mtime(GENERATED);
const needsClient = generated === null || (mtime(SCHEMA) ?? 0) > generated;
const stamp = mtime(STAMP);
const inputs = [newestSource(at("src")), SCHEMA, at("tsconfig.json"), at("tsconfig.build.json"), at("package-lock.json")].map((x) =>
  typeof x === "number" ? x : (mtime(x) ?? 0),
);
const needsBuild = needsClient || stamp === null || mtime(at("dist/main.js")) === null || Math.max(...inputs) > stamp;

if (needsBuild) {
  console.error(needsClient ? "Building (Prisma client, then TypeScript)…" : "Building (TypeScript)…");
  if (needsClient) run([at("scripts/prisma-generate.mjs")]);
  run([at("node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"]);
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, started / 1000, started / 1000);
}
