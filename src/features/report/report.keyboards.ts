import { InlineKeyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";
import type { ReportableMember, ReportingGroup } from "./report.service.js";
import type { Translate } from "./report.texts.js";

/**
 * The buttons of /lapor. Callback data is `<tag>:<action>[:<arg>]` where the tag is the
 * conversation's nonce plus a step counter, so only the buttons of the question being asked
 * are accepted; everything else is answered "sudah tidak berlaku".
 */

export const MEMBERS_PER_PAGE = 8;

/** The "Lapor sekarang" button of a reminder: opens /lapor for that group and week. */
export const REPORT_NOW_PATTERN = /^report:now:(\d{1,9}):(\d{4}-W\d{2})$/;
export function reportNowData(groupId: number, weekKey: string): string {
  return `report:now:${groupId}:${weekKey}`;
}

export function groupKeyboard(tag: string, groups: ReportingGroup[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const g of groups) keyboard.text(g.groupName, buttonData(tag, "g", g.groupId)).row();
  return keyboard;
}

export function whoKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-who-self"), buttonData(tag, "self"))
    .row()
    .text(t("report-who-other"), buttonData(tag, "other"));
}

export function memberKeyboard(tag: string, t: Translate, members: ReportableMember[], page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const pages = pageCount(members.length);
  for (const m of members.slice(page * MEMBERS_PER_PAGE, (page + 1) * MEMBERS_PER_PAGE)) {
    const name = m.name ?? t("report-no-name");
    keyboard.text(m.hasTelegram ? name : t("report-member-no-telegram", { name }), buttonData(tag, "m", m.personId)).row();
  }
  if (page > 0) keyboard.text(t("report-page-prev"), buttonData(tag, "page", page - 1));
  if (page < pages - 1) keyboard.text(t("report-page-next"), buttonData(tag, "page", page + 1));
  if (pages > 1) keyboard.row();
  return keyboard.text(t("report-member-add"), buttonData(tag, "add"));
}

export function pageCount(memberCount: number): number {
  return Math.max(1, Math.ceil(memberCount / MEMBERS_PER_PAGE));
}

export function weekKeyboard(tag: string, weeks: Array<{ key: string; label: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const w of weeks) keyboard.text(w.label, buttonData(tag, "w", w.key)).row();
  return keyboard;
}

export function replaceKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("report-replace"), buttonData(tag, "replace")).text(t("report-cancel"), buttonData(tag, "cancel"));
}

export function skipKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("report-skip"), buttonData(tag, "skip"));
}

export function ambiguousKeyboard(tag: string, shown: [string, string]): InlineKeyboard {
  return new InlineKeyboard().text(shown[0], buttonData(tag, "pick", 0)).text(shown[1], buttonData(tag, "pick", 1));
}

export function roundedKeyboard(tag: string, t: Translate, rounded: string): InlineKeyboard {
  return new InlineKeyboard().text(t("report-use-rounded", { rounded }), buttonData(tag, "round"));
}

export function unusualKeyboard(tag: string, t: Translate, value: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-unusual-keep", { value }), buttonData(tag, "keep"))
    .row()
    .text(t("report-retype-button"), buttonData(tag, "retype"));
}

export function summaryKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-save"), buttonData(tag, "save"))
    .text(t("report-edit"), buttonData(tag, "edit"))
    .text(t("report-cancel"), buttonData(tag, "cancel"));
}

export function editKeyboard(tag: string, t: Translate, labels: string[], obstacle = false): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  labels.forEach((label, index) => keyboard.text(label, buttonData(tag, "i", index)).row());
  keyboard.text(t("report-edit-photo"), buttonData(tag, "photo")).text(t("report-edit-note"), buttonData(tag, "note"));
  if (obstacle) keyboard.text(t("report-edit-obstacle"), buttonData(tag, "obstacle"));
  return keyboard.row().text(t("common-back"), buttonData(tag, "back"));
}
