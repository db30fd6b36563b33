import type { Logger } from "../logger.js";

/** Refuses a missing or non-positive time bound at start, rather than timing every update out at once. */
export function checkUpdateTimeout(timeoutMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`the update time bound must be a positive number of milliseconds, got ${String(timeoutMs)}`);
}

/**
 * Handles one update within a bounded time. Past `timeoutMs` the update is logged (its id,
 * never its content) and given up on by the caller — confirmed to Telegram so that the
 * updates after it, of every other chat, go on — while its handler keeps running; whatever
 * it ends with later is logged too. (Its own chat stays behind it: updates of one chat are
 * handled in order.)
 */
export async function handleWithin(
  handle: () => Promise<unknown>,
  opts: { updateId: number; timeoutMs: number; logger: Pick<Logger, "warn" | "error" | "info"> },
): Promise<"handled" | "timed-out"> {
  const { updateId, timeoutMs, logger } = opts;
  const task = handle();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([task.then(() => "handled" as const), timedOut]);
    if (outcome === "timed-out") {
      logger.warn({ updateId, timeoutMs }, "update handling exceeded its time; the others go on");
      task.then(
        () => logger.info({ updateId }, "update handled after its time was up"),
        (err: unknown) => logger.error({ err, updateId }, "update failed after its time was up"),
      );
    }
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
