import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type BotProcessOptions = {
  apiRoot: string;
  botToken: string;
  databaseUrl: string;
  redisUrl?: string;
  redisKeyPrefix: string;
  adminTelegramIds?: string;
  env?: Record<string, string>;
};

/**
 * The built bot (dist/main.js) as a child process, as it runs in production. Its pino logs
 * (JSON lines) are kept so tests can wait for "bot running" and read what happened.
 */
export class BotProcess {
  private child: ChildProcess | null = null;
  readonly logs: Array<Record<string, unknown>> = [];
  private stderr = "";

  constructor(private readonly options: BotProcessOptions) {}

  async start(timeoutMs = 20_000): Promise<void> {
    const o = this.options;
    const child = spawn(process.execPath, [path.join(ROOT, "dist/main.js")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        BOT_TOKEN: o.botToken,
        TELEGRAM_API_ROOT: o.apiRoot,
        DATABASE_URL: o.databaseUrl,
        REDIS_URL: o.redisUrl ?? "redis://127.0.0.1:6379",
        REDIS_KEY_PREFIX: o.redisKeyPrefix,
        ADMIN_TELEGRAM_IDS: o.adminTelegramIds ?? "",
        LOG_LEVEL: "debug",
        ...o.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    let buffered = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          this.logs.push({ msg: line });
        }
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    await this.waitForLog((entry) => entry.msg === "bot running (long polling)", timeoutMs);
  }

  async waitForLog(match: (entry: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(match);
      if (found) return found;
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(`bot exited with ${this.child.exitCode}: ${this.stderr}\n${this.tail()}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for a log line\n${this.tail()}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  errors(): Array<Record<string, unknown>> {
    return this.logs.filter((entry) => typeof entry.level === "number" && entry.level >= 50);
  }

  tail(lines = 15): string {
    return this.logs
      .slice(-lines)
      .map((entry) => JSON.stringify(entry))
      .join("\n");
  }

  /** Sends a signal and resolves with the exit code and how long the exit took. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<{ code: number | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null) return { code: child?.exitCode ?? null, ms: 0 };
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = null;
    return { code, ms: Date.now() - started };
  }

  async restart(): Promise<void> {
    this.logs.length = 0;
    await this.start();
  }
}
