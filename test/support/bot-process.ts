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
  /** The script to run (default dist/main.js, the built bot); `nodeArgs` go before it (e.g. ["--import", "tsx"]). */
  script?: string;
  nodeArgs?: string[];
  /** The log line that says the bot is taking updates. */
  readyMessage?: string;
};

export type LogEntry = Record<string, unknown>;

/** Every child still running, killed when the test process exits however it exits. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * The built bot (dist/main.js) as a child process, as it runs in production. Its pino logs
 * (JSON lines) are kept so tests can wait for "bot running" and read what happened.
 * `logs` holds the lines of the current run; `allLogs` those of every run since construction.
 */
export class BotProcess {
  private child: ChildProcess | null = null;
  readonly logs: LogEntry[] = [];
  readonly allLogs: LogEntry[] = [];
  private stderr = "";
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;

  constructor(private readonly options: BotProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 20_000): Promise<void> {
    if (this.isRunning) throw new Error("bot process already running");
    const o = this.options;
    this.stderr = "";
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), path.resolve(ROOT, o.script ?? "dist/main.js")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        BOT_TOKEN: o.botToken,
        TELEGRAM_API_ROOT: o.apiRoot,
        DATABASE_URL: o.databaseUrl,
        REDIS_URL: o.redisUrl ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
        REDIS_KEY_PREFIX: o.redisKeyPrefix,
        ADMIN_TELEGRAM_IDS: o.adminTelegramIds ?? "",
        LOG_LEVEL: "debug",
        // Any free port (its "health and metrics listening" line says which): files run in parallel.
        HEALTH_PORT: "0",
        ...o.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    running.add(child);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      }),
    );
    let buffered = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim() === "") continue;
        let entry: LogEntry;
        try {
          entry = JSON.parse(line) as LogEntry;
        } catch {
          entry = { msg: line };
        }
        this.logs.push(entry);
        this.allLogs.push(entry);
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    const ready = o.readyMessage ?? "bot running (long polling)";
    await this.waitForLog((entry) => entry.msg === ready, timeoutMs);
  }

  async waitForLog(match: (entry: LogEntry) => boolean, timeoutMs = 10_000): Promise<LogEntry> {
    const deadline = Date.now() + timeoutMs;
    const child = this.child;
    for (;;) {
      const found = this.logs.find(match);
      if (found) return found;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        throw new Error(`bot exited with ${child.exitCode ?? child.signalCode}: ${this.stderr}\n${this.tail()}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for a log line\n${this.tail()}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Log entries of level error or fatal, of every run. */
  errors(): LogEntry[] {
    return this.allLogs.filter((entry) => typeof entry.level === "number" && entry.level >= 50);
  }

  /** What the process wrote to stderr in this run. */
  get stderrText(): string {
    return this.stderr;
  }

  tail(lines = 15): string {
    return this.logs
      .slice(-lines)
      .map((entry) => JSON.stringify(entry))
      .join("\n");
  }

  /**
   * Sends a signal and resolves with the exit code (null when killed by the signal), the
   * signal that ended it, and how long the exit took from the signal.
   */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const child = this.child;
    if (!child || !this.exited) return { code: null, signal: null, ms: 0 };
    if (child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return { code: child.exitCode, signal: child.signalCode, ms: 0 };
    }
    const started = performance.now();
    child.kill(signal);
    const result = await this.exited;
    this.child = null;
    return { ...result, ms: Math.round(performance.now() - started) };
  }

  /** kill -9: no chance to drain, close connections or confirm anything. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    return this.stop("SIGKILL");
  }

  /** Starts again (after stop or kill); `logs` then holds the new run's lines only. */
  async restart(timeoutMs?: number): Promise<void> {
    if (this.isRunning) await this.stop();
    this.logs.length = 0;
    await this.start(timeoutMs);
  }
}
