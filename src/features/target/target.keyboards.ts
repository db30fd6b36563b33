import { InlineKeyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Buttons of the /target conversation: `<nonce>:<step>:<choice>`. */
export function actionKeyboard(t: T, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("target-action-one"), buttonData(nonce, "action", "one"))
    .row()
    .text(t("target-action-template"), buttonData(nonce, "action", "target"))
    .row()
    .text(t("target-action-baseline"), buttonData(nonce, "action", "baseline"));
}

/** One button per choice, one a row: programmes, groups, indicators. */
export function pickKeyboard(nonce: string, step: string, choices: ReadonlyArray<{ id: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const c of choices) keyboard.text(c.name, buttonData(nonce, step, c.id)).row();
  return keyboard;
}

export function yearKeyboard(nonce: string, years: readonly number[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const y of years) keyboard.text(String(y), buttonData(nonce, "year", y));
  return keyboard;
}

/** The preview of an import: Simpan / Batal, carrying the pending import's id. */
export const IMPORT_DATA = /^tgimp:([0-9a-f]{16}):(ok|no)$/;
export function importKeyboard(t: T, id: string): InlineKeyboard {
  return new InlineKeyboard().text(t("target-import-button-ok"), `tgimp:${id}:ok`).text(t("target-import-button-cancel"), `tgimp:${id}:no`);
}
