import { InlineKeyboard } from "grammy";
import { reportNowData } from "../report/report.keyboards.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "Lapor sekarang": opens /lapor for this group and week (handled by the report feature, which checks the presser's rights). */
export function reportNowKeyboard(t: Translate, groupId: number, weekKey: string): InlineKeyboard {
  return new InlineKeyboard().text(t("reminder-report-now"), reportNowData(groupId, weekKey));
}
