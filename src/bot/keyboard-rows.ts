import type { InlineKeyboardButton } from "grammy/types";
import type { Transformer } from "grammy";

/**
 * grammY's InlineKeyboard adds a row with `.row()`, so a builder that ends every button with
 * `.row()` (lists of groups, weeks, meetings …) leaves an empty last row, which Telegram
 * clients draw as a gap. Rather than remembering it in every builder, every Api the app sends
 * with drops empty rows on the way out (install it with `api.config.use(dropEmptyKeyboardRows)`).
 */

type InlineMarkup = { inline_keyboard: InlineKeyboardButton[][] };

function inlineMarkup(markup: unknown): InlineMarkup | null {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return null;
  const rows = (markup as { inline_keyboard: unknown }).inline_keyboard;
  return Array.isArray(rows) ? (markup as InlineMarkup) : null;
}

/** How many empty rows a reply markup has (0 for anything but an inline keyboard). */
export function emptyKeyboardRows(markup: unknown): number {
  return inlineMarkup(markup)?.inline_keyboard.filter((row) => row.length === 0).length ?? 0;
}

export const dropEmptyKeyboardRows: Transformer = (prev, method, payload, signal) => {
  const markup = inlineMarkup((payload as { reply_markup?: unknown }).reply_markup);
  if (!markup || emptyKeyboardRows(markup) === 0) return prev(method, payload, signal);
  // A copy: the caller's keyboard may be sent again.
  const cleaned = { ...payload, reply_markup: { ...markup, inline_keyboard: markup.inline_keyboard.filter((row) => row.length > 0) } };
  return prev(method, cleaned, signal);
};
