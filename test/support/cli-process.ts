import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type CliRun = { code: number | null; stdout: string; stderr: string; ms: number };

/**
 * The operator CLI as a child process: by default the built one (`node dist/cli.js`, what
 * `npm run cli` runs from source through tsx, without the seconds tsx takes to start), with
 * exactly the environment given (plus PATH), e.g. the bot process's database and Redis prefix.
 */
export function runCliProcess(
  args: string[],
  env: Record<string, string>,
  opts: { script?: string; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.resolve(ROOT, opts.script ?? "dist/cli.js"), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`cli ${args.join(" ")} timed out after ${opts.timeoutMs ?? 60_000} ms\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}
