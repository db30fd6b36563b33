import type { Language } from "../../bot/context.js";
import { formatWeekRange, weekFromStartDate } from "../../lib/week.js";
import { formatNumber } from "../../lib/number.js";
import { achievementPhrases, formatTotal, joinList } from "./achievement.phrasing.js";
import type { Achievements, GroupAchievement } from "./achievement.service.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Telegram allows 4096 characters a message; longer answers go out in several messages. */
export const MESSAGE_LIMIT = 4000;

/** "Kelompok Mariojela mengumpulkan 789,5 liter jelantah dan menjual 255 produk lilin." */
export function groupSentence(t: Translate, language: Language, group: GroupAchievement): string {
  const phrases = achievementPhrases(
    group.totals.map((total) => ({
      phrase: language === "en" ? total.achievementEn : total.achievementId,
      label: language === "en" ? total.labelEn : total.labelId,
      unit: total.unit,
      decimals: total.decimals,
      total: total.total,
    })),
    (label, amount) => t("achievement-fallback", { label, amount }),
    (unit) => t(`unit-${unit}`),
  );
  if (phrases.length === 0) return t("achievement-none", { group: group.groupName });
  const achievements = joinList(phrases, { separator: t("achievement-list-separator"), lastSeparator: t("achievement-list-and") });
  return t("achievement-sentence", { group: group.groupName, achievements });
}

type IndicatorResult = GroupAchievement["totals"][number];

/**
 * The evaluation under a group's sentence, one line per indicator, when there is anything to
 * weigh the year against (a target, or last year's figure): "• Jelantah terkumpul: 325,5 liter —
 * 32,6% dari target 1.000 liter · 2025 (periode yang sama): 300 liter". Nothing otherwise.
 */
export function evaluationLines(t: Translate, language: Language, year: number, group: GroupAchievement): string[] {
  if (!group.totals.some((i) => i.target !== null || i.lastYear !== null)) return [];
  const amount = (i: IndicatorResult, value: string) => {
    const number = formatTotal(value, i.unit, i.decimals);
    return i.unit === "rupiah" ? number : `${number} ${t(`unit-${i.unit}`)}`;
  };
  return group.totals.map((i) => {
    let line = t("achievement-line", { label: language === "en" ? i.labelEn : i.labelId, amount: i.total === null ? t("achievement-not-filled") : amount(i, i.total) });
    if (i.target !== null) {
      line = i.percent === null
        ? t("achievement-line-target", { line, target: amount(i, i.target) })
        : t("achievement-line-percent", { line, target: amount(i, i.target), percent: formatNumber(i.percent) });
    }
    if (i.lastYear !== null) {
      const key = i.lastYearSource === "baseline" ? "achievement-line-last-year-whole" : "achievement-line-last-year";
      line = t(key, { line, year: String(year - 1), amount: amount(i, i.lastYear) });
    }
    return line;
  });
}

/** The whole answer to /capaian, split into messages of at most MESSAGE_LIMIT characters. */
export function achievementMessages(t: Translate, language: Language, zone: string, result: Extract<Achievements, { kind: "ok" }>): string[] {
  const first = weekFromStartDate(result.firstWeekStartDate, zone);
  const last = weekFromStartDate(result.lastWeekStartDate, zone);
  const blocks: string[] = [
    t(result.soFar ? "achievement-title-so-far" : "achievement-title", {
      year: String(result.year),
      range: formatWeekRange({ ...first, end: last.end }, language, zone),
    }),
  ];
  for (const programme of result.programmes) {
    const sentences = programme.groups.map((group) => [groupSentence(t, language, group), ...evaluationLines(t, language, result.year, group)].join("\n"));
    if (result.byProgramme) blocks.push(`${t("achievement-programme", { programme: language === "en" ? programme.nameEn : programme.name })}\n${sentences.join("\n")}`);
    else blocks.push(...sentences);
  }
  blocks.push(t("achievement-footer"));
  return chunk(blocks, MESSAGE_LIMIT);
}

/** Packs blocks (separated by a blank line) into messages; a block longer than the limit is cut at line ends. */
export function chunk(blocks: readonly string[], limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  const push = (piece: string, glue: string) => {
    if (current && current.length + glue.length + piece.length > limit) {
      messages.push(current);
      current = piece;
    } else current = current ? `${current}${glue}${piece}` : piece;
  };
  for (const block of blocks) {
    if (block.length <= limit) push(block, "\n\n");
    else {
      let glue = "\n\n";
      for (const line of block.split("\n")) {
        push(line.slice(0, limit), glue);
        glue = "\n";
      }
    }
  }
  if (current) messages.push(current);
  return messages;
}
