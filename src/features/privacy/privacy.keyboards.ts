import { InlineKeyboard } from "grammy";
import type { Translate } from "./privacy.texts.js";

/**
 * The /hapusdata confirmation. The data carries only when it was asked (an old message does
 * not erase anything); whose data is erased is always the presser's, never taken from the data.
 */
export const ERASE_PATTERN = /^privacy:erase:(\d{1,12})$/;
export const KEEP_DATA = "privacy:keep";

export function confirmEraseKeyboard(t: Translate, askedAtEpochSeconds: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("privacy-erase-yes"), `privacy:erase:${askedAtEpochSeconds}`)
    .row()
    .text(t("privacy-erase-no"), KEEP_DATA);
}
