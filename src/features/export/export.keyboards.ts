import { InlineKeyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";
import type { Translate } from "./export.texts.js";

/** Buttons of the /ekspor conversation: `<nonce>:<step>:<choice>[:<id>]`. */

export function periodKeyboard(t: Translate, nonce: string, thisYear: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("export-period-this-year", { year: String(thisYear) }), buttonData(nonce, "period", "this-year"))
    .text(t("export-period-last-year", { year: String(thisYear - 1) }), buttonData(nonce, "period", "last-year"))
    .row()
    .text(t("export-period-last-4-weeks"), buttonData(nonce, "period", "last-4-weeks"))
    .text(t("export-period-other-year"), buttonData(nonce, "period", "year"));
}

export function staffScopeKeyboard(t: Translate, nonce: string, programmes: ReadonlyArray<{ id: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("export-scope-all-button"), buttonData(nonce, "scope", "all")).row();
  for (const programme of programmes) keyboard.text(programme.name, buttonData(nonce, "scope", "programme", programme.id)).row();
  return keyboard;
}

export function programmeScopeKeyboard(t: Translate, nonce: string, programmeId: number, groups: ReadonlyArray<{ id: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("export-scope-whole-programme"), buttonData(nonce, "scope", "programme-all", programmeId)).row();
  for (const group of groups) keyboard.text(group.name, buttonData(nonce, "scope", "group", group.id)).row();
  return keyboard;
}

export function coordinatorScopeKeyboard(t: Translate, nonce: string, groups: ReadonlyArray<{ id: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const group of groups) keyboard.text(group.name, buttonData(nonce, "scope", "group", group.id)).row();
  return keyboard.text(t("export-scope-my-groups"), buttonData(nonce, "scope", "my-groups"));
}

export function formatKeyboard(t: Translate, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("export-format-xlsx"), buttonData(nonce, "format", "xlsx"))
    .text(t("export-format-csv"), buttonData(nonce, "format", "csv"))
    .row()
    .text(t("export-format-both"), buttonData(nonce, "format", "both"));
}
