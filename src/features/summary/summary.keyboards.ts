import { InlineKeyboard } from "grammy";
import type { ReportingWeek } from "../../lib/week.js";
import type { SummaryScope } from "./summary.service.js";
import type { Translate } from "./summary.texts.js";

/**
 * The buttons of /ringkasan. They carry the choice so far and nothing else; every press is
 * checked against the presser's rights from the database, so an old or forged button shows
 * nothing it should not.
 *
 *   sum:p:<programmeId>          staff chose a programme → whole programme or one group
 *   sum:s:<scope>                a scope chosen → which week
 *   sum:w:<scope>:<2026-W48>     the week chosen → the summary
 *
 * scope: `a` every group, `p<id>` a programme, `g<id>` a group, `m` the coordinator's groups.
 */
export const PROGRAMME_PATTERN = /^sum:p:(\d{1,9})$/;
export const SCOPE_PATTERN = /^sum:s:(a|m|[pg]\d{1,9})$/;
export const WEEK_PATTERN = /^sum:w:(a|m|[pg]\d{1,9}):(\d{4}-W\d{2})$/;

/** The scope a token names; `m` needs the coordinator's groups. */
export function scopeOf(token: string, myGroupIds: number[]): SummaryScope {
  if (token === "a") return { kind: "all" };
  if (token === "m") return { kind: "groups", groupIds: myGroupIds };
  const id = Number(token.slice(1));
  return token.startsWith("p") ? { kind: "programme", programmeId: id } : { kind: "groups", groupIds: [id] };
}

export function programmeKeyboard(t: Translate, programmes: Array<{ programmeId: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("summary-all-programmes"), "sum:s:a").row();
  for (const p of programmes) keyboard.text(p.name, `sum:p:${p.programmeId}`).row();
  return keyboard;
}

export function groupKeyboard(whole: { label: string; token: string }, groups: Array<{ groupId: number; name: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(whole.label, `sum:s:${whole.token}`).row();
  for (const g of groups) keyboard.text(g.name, `sum:s:g${g.groupId}`).row();
  return keyboard;
}

/** This week, last week, then earlier weeks by their dates (`weeks`: newest first). */
export function weekKeyboard(t: Translate, scopeToken: string, weeks: Array<{ week: ReportingWeek; range: string }>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  weeks.forEach(({ week, range }, i) => {
    const label = i === 0 ? t("summary-week-this", { range }) : i === 1 ? t("summary-week-last", { range }) : range;
    keyboard.text(label, `sum:w:${scopeToken}:${week.key}`).row();
  });
  return keyboard;
}
