import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * Long polling with a standby: Telegram allows one getUpdates client per bot, so of all the
 * bot processes only the holder of a lease in Redis polls. The leader renews the lease every
 * few seconds; when it dies (even by SIGKILL) the lease runs out and a standby, which tries
 * every second, takes it and polls. Nothing is lost or handled twice in between: the polling
 * confirms an update only once it has been handled (polling.ts), so the new leader is sent
 * again what the old one had not finished, and the duplicate filter skips what it had.
 */
export const LEASE_KEY = "bot:polling-leader";
export const LEASE_TTL_MS = 10_000;
export const RENEW_EVERY_MS = 3_000;
export const STANDBY_TRY_EVERY_MS = 1_000;

// Renew or release only a lease that is still ours.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export type LeaderPolling = {
  /** leader: this process polls; standby: another one does */
  role(): "leader" | "standby";
  /** updates being handled now */
  inFlight(): number;
  /** stops polling (drains what is in flight) and hands the lease over at once */
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls while this process holds the lease; `start` begins the polling (deleteWebhook, startPolling). */
export async function pollWhileLeader(options: { redis: Redis; logger: Logger; start: () => Promise<RunnerHandle> }): Promise<LeaderPolling> {
  const { redis, logger } = options;
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let runner: RunnerHandle | null = null;
  let renewedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> = Promise.resolve();

  const drain = async (handle: RunnerHandle) => {
    const stopping = handle.isRunning() ? handle.stop() : Promise.resolve();
    // The runner's stop does not wait for the updates in flight: drain them here.
    while (handle.size() > 0) await sleep(25);
    await stopping.catch(() => undefined);
  };

  const stepDown = async (reason: string) => {
    const handle = runner;
    runner = null;
    logger.warn({ lease: id, reason }, "polling stopped: this process is standby now");
    if (handle) await drain(handle);
  };

  const once = async () => {
    try {
      if (!runner) {
        if ((await redis.set(LEASE_KEY, id, "PX", LEASE_TTL_MS, "NX")) !== "OK" || stopped) return;
        renewedAt = Date.now();
        runner = await options.start();
        logger.info({ lease: id }, "bot running (long polling)");
      } else if (Number(await redis.eval(RENEW, 1, LEASE_KEY, id, LEASE_TTL_MS)) === 1) {
        renewedAt = Date.now();
      } else {
        await stepDown("another process holds the lease");
      }
    } catch (err) {
      // Redis away: poll on while the lease would still hold; past it another may have taken over.
      if (runner && Date.now() - renewedAt >= LEASE_TTL_MS) await stepDown(`the lease could not be renewed (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        tick = once().finally(loop);
      },
      runner ? RENEW_EVERY_MS : STANDBY_TRY_EVERY_MS,
    );
  };

  await once();
  if (!runner) logger.info({ lease: id }, "bot standby (long polling): another process polls; this one takes over when its lease ends");
  loop();

  return {
    role: () => (runner ? "leader" : "standby"),
    inFlight: () => runner?.size() ?? 0,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await tick;
      const handle = runner;
      runner = null;
      if (handle) await drain(handle);
      await redis.eval(RELEASE, 1, LEASE_KEY, id).catch(() => undefined);
    },
  };
}
