import { GrammyError } from "grammy";
import type { Logger } from "../logger.js";

/**
 * What became of an edit of a message the bot sent:
 * - `edited`: it shows the new content;
 * - `unchanged`: it already showed exactly that (Telegram's 400 "message is not modified" —
 *   what a double tap produces): as good as edited;
 * - `gone`: the message no longer exists or can no longer be edited ("message to edit not
 *   found", "message can't be edited"): the press that led here was on a stale message.
 */
export type EditOutcome = "edited" | "unchanged" | "gone";

const UNCHANGED = /message is not modified/i;
const GONE = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;

/** How an edit's failure reads, or null for a failure that is a real error. */
export function editFailure(error: unknown): Exclude<EditOutcome, "edited"> | null {
  if (!(error instanceof GrammyError) || error.error_code !== 400) return null;
  if (UNCHANGED.test(error.description)) return "unchanged";
  if (GONE.test(error.description)) return "gone";
  return null;
}

/**
 * Edits a message (editMessageText, editMessageReplyMarkup …): "not modified" is success and a
 * message that is gone is stale, never an error; any other failure is thrown.
 */
export async function editMessage(edit: () => Promise<unknown>): Promise<EditOutcome> {
  try {
    await edit();
    return "edited";
  } catch (error) {
    const outcome = editFailure(error);
    if (outcome === null) throw error;
    return outcome;
  }
}

/**
 * An edit that is only a nicety (taking a keyboard away, refreshing a view): like `editMessage`,
 * but any other failure is logged at debug and read as `failed` instead of thrown.
 */
export async function editIfPossible(edit: () => Promise<unknown>, log?: Pick<Logger, "debug">): Promise<EditOutcome | "failed"> {
  try {
    return await editMessage(edit);
  } catch (error) {
    log?.debug({ err: error }, "message not edited");
    return "failed";
  }
}
