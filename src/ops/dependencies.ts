import { Redis } from "ioredis";
import pg from "pg";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/**
 * The services the bot cannot run without — PostgreSQL, Redis, Telegram — each with a probe
 * (one try, a few seconds at most) and what to tell the operator: where it was looked for
 * (host:port only, never a password) and which variable says so.
 */
export type Dependency = {
  name: "PostgreSQL" | "Redis" | "Telegram";
  /** host:port */
  where: string;
  /** the variable to check */
  variable: string;
  /** what else to check, after the variable */
  hint: string;
  /** resolves when the service answers; throws a DependencyRefusal for what waiting will not fix */
  probe(): Promise<void>;
};

/** The service answered, and its answer is final: a missing database, a wrong password, a rejected token. */
export class DependencyRefusal extends Error {
  override name = "DependencyRefusal";
}

/** The one line that says why the start was given up. */
export class StartupError extends Error {
  override name = "StartupError";
  constructor(
    message: string,
    readonly dependency: Dependency["name"],
  ) {
    super(message);
  }
}

const PROBE_TIMEOUT_MS = 3_000;

function hostPort(raw: string, defaultPort: number): string {
  const url = new URL(raw);
  return `${url.hostname}:${url.port || defaultPort}`;
}

/** PostgreSQL at DATABASE_URL; a missing database or rejected login is final (the bot never creates a database). */
export function postgresDependency(databaseUrl: string, options: { databaseMayBeMissing?: boolean } = {}): Dependency {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  const where = hostPort(databaseUrl, 5432);
  return {
    name: "PostgreSQL",
    where,
    variable: "DATABASE_URL",
    hint: "and that PostgreSQL is running and reachable from here",
    async probe() {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
      client.on("error", () => undefined);
      try {
        await client.connect();
        await client.query("SELECT 1");
      } catch (err) {
        const code = err instanceof pg.DatabaseError ? err.code : undefined;
        if (code === "3D000" && options.databaseMayBeMissing) return;
        if (code === "3D000") {
          throw new DependencyRefusal(`PostgreSQL at ${where} has no database "${database}": create it (createdb ${database}) or correct the name in DATABASE_URL`);
        }
        if (code === "28P01" || code === "28000") throw new DependencyRefusal(`PostgreSQL at ${where} refused the user or password of DATABASE_URL`);
        throw err;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

/** Redis at REDIS_URL: one connection per try, no retries of its own. */
export function redisDependency(redisUrl: string): Dependency {
  const where = hostPort(redisUrl, 6379);
  return {
    name: "Redis",
    where,
    variable: "REDIS_URL",
    hint: "and that Redis is running and reachable from here",
    async probe() {
      const client = new Redis(redisUrl, {
        lazyConnect: true,
        connectTimeout: PROBE_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      let cause: unknown = null;
      client.on("error", (err) => (cause ??= err));
      try {
        await client.connect();
        await client.ping();
      } catch (err) {
        // connect() rejects with "Connection is closed"; the reason came through the error event.
        const message = reasonOf(cause ?? err);
        if (/NOAUTH|WRONGPASS|invalid password/i.test(message)) throw new DependencyRefusal(`Redis at ${where} refused the password of REDIS_URL`);
        throw new Error(message);
      } finally {
        client.disconnect();
      }
    },
  };
}

/** Telegram's getMe with BOT_TOKEN at TELEGRAM_API_ROOT; a rejected token is final. */
export function telegramDependency(apiRoot: string, botToken: string): Dependency {
  const where = hostPort(apiRoot, apiRoot.startsWith("https:") ? 443 : 80);
  return {
    name: "Telegram",
    where,
    variable: "TELEGRAM_API_ROOT",
    hint: "and that this machine reaches it (DNS, firewall, proxy)",
    async probe() {
      const response = await fetch(`${apiRoot}/bot${botToken}/getMe`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS * 2) });
      if (response.status === 401 || response.status === 404) {
        throw new DependencyRefusal(`Telegram at ${where} rejected BOT_TOKEN (HTTP ${response.status}): copy the token from @BotFather again`);
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.body?.cancel();
    },
  };
}

/** What this process needs: PostgreSQL and Redis always, Telegram when it takes updates or sends. */
export function dependenciesOf(config: Config): Dependency[] {
  const list = [postgresDependency(config.databaseUrl), redisDependency(config.redisUrl)];
  if (config.botToken && config.appRole !== "web") list.push(telegramDependency(config.telegramApiRoot, config.botToken));
  return list;
}

/** The reason of a failed probe, short: "connect ECONNREFUSED 127.0.0.1:6999", "timeout". */
export function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return reasonOf(err.errors[0]);
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    if (err.name === "TimeoutError" || err.name === "AbortError") return "no answer in time";
    if (err.message === "fetch failed" && cause) return reasonOf(cause);
    return err.message;
  }
  return String(err);
}

export type WaitOptions = {
  logger: Logger;
  timeoutMs: number;
  /** one "waiting for …" line per dependency this often (default 5 s) */
  logEveryMs?: number;
  /** between tries (default 1 s) */
  retryMs?: number;
};

/**
 * Waits until every dependency answers, trying each again every second: while one does not,
 * one line every few seconds says which and where; after `timeoutMs`, or at once when the
 * answer is final, a StartupError says which service and which variable to check.
 */
export async function waitForDependencies(list: Dependency[], options: WaitOptions): Promise<void> {
  const logEveryMs = options.logEveryMs ?? 5_000;
  const retryMs = options.retryMs ?? 1_000;
  const deadline = Date.now() + options.timeoutMs;
  await Promise.all(
    list.map(async (dependency) => {
      let lastLogged = -Infinity;
      for (;;) {
        try {
          await dependency.probe();
          if (lastLogged > -Infinity) options.logger.info({ dependency: dependency.name, at: dependency.where }, `${dependency.name} at ${dependency.where} answers`);
          return;
        } catch (err) {
          if (err instanceof DependencyRefusal) throw new StartupError(err.message, dependency.name);
          const reason = reasonOf(err);
          if (Date.now() >= deadline) {
            throw new StartupError(
              `${dependency.name} at ${dependency.where} did not answer within ${Math.round(options.timeoutMs / 1000)} s (${reason}): check ${dependency.variable} ${dependency.hint}`,
              dependency.name,
            );
          }
          if (Date.now() - lastLogged >= logEveryMs) {
            lastLogged = Date.now();
            options.logger.warn({ dependency: dependency.name, at: dependency.where, reason }, `waiting for ${dependency.name} at ${dependency.where} …`);
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(retryMs, Math.max(0, deadline - Date.now()))));
        }
      }
    }),
  );
}

export type DependencyState = { up: boolean; since: Date; losses: number };

export type DependencyWatch = {
  /** the last known state of each dependency, by name */
  state(name: Dependency["name"]): DependencyState | undefined;
  stop(): void;
};

/**
 * While running: each dependency probed every `intervalMs`; a loss is logged once when it
 * happens and once when the service is back (with how long it was away and how many losses
 * since the start) — never a line per failed try.
 */
export function watchDependencies(list: Dependency[], options: { logger: Logger; intervalMs?: number }): DependencyWatch {
  const states = new Map<Dependency["name"], DependencyState>(list.map((d) => [d.name, { up: true, since: new Date(), losses: 0 }]));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    await Promise.all(
      list.map(async (dependency) => {
        const state = states.get(dependency.name);
        if (!state) return;
        let reason: string | null = null;
        try {
          await dependency.probe();
        } catch (err) {
          reason = reasonOf(err);
        }
        if (stopped) return;
        const at = dependency.where;
        if (reason !== null && state.up) {
          state.up = false;
          state.since = new Date();
          state.losses++;
          options.logger.error({ dependency: dependency.name, at, reason, losses: state.losses }, `${dependency.name} at ${at} lost (${reason})`);
        } else if (reason === null && !state.up) {
          const awayMs = Date.now() - state.since.getTime();
          state.up = true;
          state.since = new Date();
          options.logger.info({ dependency: dependency.name, at, awayMs, losses: state.losses }, `${dependency.name} at ${at} back after ${Math.round(awayMs / 1000)} s`);
        }
      }),
    );
    if (!stopped) timer = setTimeout(() => void round(), options.intervalMs ?? 5_000);
  };
  timer = setTimeout(() => void round(), options.intervalMs ?? 5_000);
  return {
    state: (name) => states.get(name),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** A connection error (refused, reset, closed) rather than a fault: the watch reports those once. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"].includes(code)) return true;
  return /Connection is closed|connect ECONNREFUSED|getaddrinfo|Stream isn't writeable|ECONNRESET/i.test(err.message);
}
