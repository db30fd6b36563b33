import type { Logger } from "../logger.js";

/**
 * Awaits a step whose failure changes nothing that a user or the data depends on —
 * answering a button press, deleting an old message, closing a connection on the way out —
 * and lets it fail quietly: the failure is logged at debug (with `what` failed), never thrown.
 * Anything whose failure matters is awaited and handled where it happens instead.
 */
export async function bestEffort<T>(step: PromiseLike<T>, log: Pick<Logger, "debug">, what: string): Promise<T | undefined> {
  try {
    return await step;
  } catch (err) {
    log.debug({ err, what }, "best-effort step failed");
    return undefined;
  }
}
