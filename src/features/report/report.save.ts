import { checkValue } from "../../lib/number.js";
import { weekFromKey } from "../../lib/week.js";
import type { IndicatorRow, SavedGroupVersion } from "./report.repository.js";
import { authorizeReport, NOTE_MAX_LENGTH, openWeek, type RefusalReason, type ReportDeps, type ReportTarget } from "./report.service.js";

/**
 * Saving a report and the group's totals shown after it. Saving re-checks everything the
 * conversation already checked (rights, week, bounds): the conversation's state came from the
 * user's chat and is not trusted.
 */

export type SaveInput = ReportTarget & {
  weekKey: string;
  /** one entry per answered or skipped indicator; values are canonical decimal strings */
  answers: Array<{ indicatorId: number; value: string | null }>;
  photoFileId: string | null;
  note: string | null;
  /** "Ada kendala minggu ini?" (only when the programme asks it) */
  obstacle?: string | null;
  /** the group's figures were asked (ReportPlan.groupAsked): `answers` then holds them too */
  groupAsked?: boolean;
  /**
   * Identifies the press of Simpan (the conversation's step tag and the update id): the same
   * press handled again after a crash finds the version it saved instead of saving another.
   */
  saveKey?: string | null;
};

export type SaveResult =
  | { kind: "saved"; reportId: number; version: number; replaced: boolean; group: SavedGroupVersion | null }
  | { kind: "refused"; reason: RefusalReason }
  | { kind: "week-closed" }
  | { kind: "invalid"; indicatorId: number | null }
  /** two other submissions raced this one twice in a row: nothing was saved, pressing again will */
  | { kind: "conflict" }
  /** the database could not be reached (or failed): nothing was saved */
  | { kind: "unavailable" };

const PHOTO_FILE_ID_MAX_LENGTH = 255;

/** Saves a new version of the member's report for the week in one transaction; never throws. */
export async function saveReport(deps: ReportDeps, input: SaveInput): Promise<SaveResult> {
  const ids = { groupId: input.groupId, memberId: input.memberId, submittedById: input.actorPersonId, weekKey: input.weekKey };
  try {
    const week = openWeek(deps, input.weekKey);
    if (!week) return { kind: "week-closed" };
    const allowed = await authorizeReport(deps, input);
    if (allowed.kind === "refused") return allowed;
    const all = await deps.repo.activeIndicators(allowed.group.programmeId);
    const asked = all.filter((i) => i.reportedBy === "member" || input.groupAsked === true);
    const checked = checkAnswers(asked, input);
    if (checked.kind === "invalid") return checked;
    const obstacle = input.obstacle?.trim() ? input.obstacle.trim() : null;
    if (obstacle !== null && (!allowed.group.asksObstacles || [...obstacle].length > NOTE_MAX_LENGTH)) return { kind: "invalid", indicatorId: null };
    const isGroup = new Set(asked.filter((i) => i.reportedBy === "group").map((i) => i.id));
    const groupValues = checked.values.filter((v) => isGroup.has(v.indicatorId));
    const version = {
      groupId: input.groupId,
      memberId: input.memberId,
      weekStartDate: week.startDate,
      submittedById: input.actorPersonId,
      now: deps.clock(),
      values: checked.values.filter((v) => !isGroup.has(v.indicatorId)),
      photoFileId: input.photoFileId,
      note: checked.note,
      obstacle,
      // all group figures skipped: the group's stored figures stay as they are
      group: groupValues.length > 0 ? { values: groupValues } : null,
      saveKey: input.saveKey ?? null,
    };
    // A lost race becomes a replacement on the second try: the winner's row is then current.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const result = await deps.repo.saveVersion(version);
      if (result.kind === "saved") return result;
      deps.logger.warn({ ...ids, attempt }, "report save raced another submission");
    }
    return { kind: "conflict" };
  } catch (error) {
    deps.logger.error({ err: error, ...ids }, "report could not be saved");
    return { kind: "unavailable" };
  }
}

type CheckedAnswers =
  | { kind: "ok"; values: Array<{ indicatorId: number; value: string }>; note: string | null }
  | { kind: "invalid"; indicatorId: number | null };

/** Every required indicator answered, every value within its bounds, nothing unknown. */
export function checkAnswers(
  indicators: IndicatorRow[],
  input: Pick<SaveInput, "answers" | "note" | "photoFileId">,
): CheckedAnswers {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const answers = new Map<number, string | null>();
  for (const answer of input.answers) {
    if (!byId.has(answer.indicatorId) || answers.has(answer.indicatorId)) return { kind: "invalid", indicatorId: answer.indicatorId };
    answers.set(answer.indicatorId, answer.value);
  }
  const values: Array<{ indicatorId: number; value: string }> = [];
  for (const indicator of indicators) {
    const value = answers.get(indicator.id) ?? null;
    if (value === null) {
      if (indicator.required) return { kind: "invalid", indicatorId: indicator.id };
      continue;
    }
    const bounds = { decimals: indicator.decimals, min: indicator.min, max: indicator.max };
    let issue;
    try {
      issue = checkValue(value, bounds, null);
    } catch {
      return { kind: "invalid", indicatorId: indicator.id };
    }
    if (issue) return { kind: "invalid", indicatorId: indicator.id };
    values.push({ indicatorId: indicator.id, value });
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  if (note !== null && [...note].length > NOTE_MAX_LENGTH) return { kind: "invalid", indicatorId: null };
  if (input.photoFileId !== null && (input.photoFileId.length === 0 || input.photoFileId.length > PHOTO_FILE_ID_MAX_LENGTH)) {
    return { kind: "invalid", indicatorId: null };
  }
  return { kind: "ok", values, note };
}

/** total: null when nobody reported the indicator in the period */
export type TotalLine = { indicatorId: number; labelId: string; labelEn: string; unit: string; total: string | null };
/** isoYear: the calendar year the week counts in (the year of its Thursday) */
export type GroupTotals = { weekKey: string; isoYear: number; week: TotalLine[]; year: TotalLine[] };

/**
 * The group's figures per indicator for one week and for its year up to and including that
 * week, from the figures module: members' figures and the group's own, each added up by its
 * aggregation (a head count is the latest, not a sum of weeks).
 */
export async function groupTotals(
  deps: Pick<ReportDeps, "repo" | "timeZone">,
  input: { groupId: number; weekKey: string; indicators: IndicatorRow[] },
): Promise<GroupTotals | null> {
  const week = weekFromKey(input.weekKey, deps.timeZone);
  if (!week) return null;
  const figures = await deps.repo.weekAndYear(input.groupId, input.indicators.map((i) => i.id), week.startDate);
  const lines = (pick: (f: (typeof figures)[number]) => string | null): TotalLine[] =>
    input.indicators.map((i) => {
      const found = figures.find((f) => f.indicatorId === i.id);
      return { indicatorId: i.id, labelId: i.labelId, labelEn: i.labelEn, unit: i.unit, total: found ? pick(found) : null };
    });
  return { weekKey: week.key, isoYear: week.isoYear, week: lines((f) => f.week), year: lines((f) => f.year) };
}
