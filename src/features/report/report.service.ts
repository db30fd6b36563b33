import type { Clock } from "../../app-deps.js";
import { checkValue, formatNumber, formatRupiah, median, readNumber, type ValueIssue } from "../../lib/number.js";
import { recentWeeks, weekFromKey, type ReportingWeek } from "../../lib/week.js";
import type { IndicatorRow, MembershipRow, ReportRepository, StoredGroupReport, StoredReport } from "./report.repository.js";

/**
 * The rules of weekly reporting: who may report for whom, which weeks are open, how an answer
 * is judged, how a report is saved (a new version replacing the current one) and what the
 * group's totals are. Plain functions; every dependency comes in through `ReportDeps`.
 * Results are JSON-safe (strings and numbers) so that conversations can store them.
 */

export type ReportDeps = {
  repo: Pick<ReportRepository, keyof ReportRepository>;
  clock: Clock;
  timeZone: string;
  backfillWeeks: number;
  logger: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
};

export const MEDIAN_WINDOW = 12;
export const NOTE_MAX_LENGTH = 500;
export const HISTORY_LENGTH = 8;

export type ReportingGroup = { groupId: number; groupName: string; programmeId: number; isCoordinator: boolean; asksObstacles: boolean };

/** The groups a person may report in (active memberships of active groups), from the database. */
export async function reportingGroups(
  deps: Pick<ReportDeps, "repo">,
  personId: number,
): Promise<{ kind: "not-member" } | { kind: "ok"; groups: ReportingGroup[] }> {
  const memberships = await deps.repo.activeMemberships(personId);
  if (memberships.length === 0) return { kind: "not-member" };
  return { kind: "ok", groups: memberships.map(toReportingGroup) };
}

function toReportingGroup(m: MembershipRow): ReportingGroup {
  return { groupId: m.groupId, groupName: m.groupName, programmeId: m.programmeId, isCoordinator: m.role === "coordinator", asksObstacles: m.asksObstacles };
}

export type WeekChoice = { key: string; startDate: string };

/** This week first, then the earlier weeks still open for reporting (config.reportBackfillWeeks). */
export function weekChoices(deps: Pick<ReportDeps, "clock" | "timeZone" | "backfillWeeks">): WeekChoice[] {
  return recentWeeks(deps.clock(), deps.timeZone, deps.backfillWeeks).map((w) => ({ key: w.key, startDate: w.startDate }));
}

/** The week of `key` if it is open for reporting now; null for a future, too old or malformed week. */
export function openWeek(deps: Pick<ReportDeps, "clock" | "timeZone" | "backfillWeeks">, key: string): ReportingWeek | null {
  if (!weekChoices(deps).some((w) => w.key === key)) return null;
  return weekFromKey(key, deps.timeZone);
}

export type ReportableMember = { personId: number; name: string | null; hasTelegram: boolean };

/** The members a coordinator may report for in one group (not themselves: that is "for myself"). */
export async function reportableMembers(
  deps: Pick<ReportDeps, "repo">,
  coordinatorPersonId: number,
  groupId: number,
): Promise<{ kind: "not-coordinator" } | { kind: "ok"; members: ReportableMember[] }> {
  const memberships = await deps.repo.activeMemberships(coordinatorPersonId);
  if (!memberships.some((m) => m.groupId === groupId && m.role === "coordinator")) return { kind: "not-coordinator" };
  const members = await deps.repo.groupMembers(groupId);
  return {
    kind: "ok",
    members: members
      .filter((m) => m.personId !== coordinatorPersonId)
      .map((m) => ({ personId: m.personId, name: m.name, hasTelegram: m.hasTelegram })),
  };
}

export type ReportTarget = { actorPersonId: number; groupId: number; memberId: number };
export type RefusalReason = "not-member" | "not-coordinator" | "member-not-in-group";

/** May the actor report for this member in this group? Read from the database every time. */
export async function authorizeReport(
  deps: Pick<ReportDeps, "repo">,
  target: ReportTarget,
): Promise<{ kind: "ok"; group: ReportingGroup; memberName: string | null } | { kind: "refused"; reason: RefusalReason }> {
  const memberships = await deps.repo.activeMemberships(target.actorPersonId);
  const own = memberships.find((m) => m.groupId === target.groupId);
  if (!own) return { kind: "refused", reason: "not-member" };
  const group = toReportingGroup(own);
  if (target.memberId === target.actorPersonId) return { kind: "ok", group, memberName: null };
  if (!group.isCoordinator) return { kind: "refused", reason: "not-coordinator" };
  const member = (await deps.repo.groupMembers(target.groupId)).find((m) => m.personId === target.memberId);
  if (!member) return { kind: "refused", reason: "member-not-in-group" };
  return { kind: "ok", group, memberName: member.name };
}

export type ReportPlan = {
  groupId: number;
  groupName: string;
  memberId: number;
  /** null when the actor reports for themselves */
  memberName: string | null;
  forOther: boolean;
  weekKey: string;
  weekStartDate: string;
  /** the indicators asked, in order: the member's own, plus the group's when `groupAsked` */
  indicators: IndicatorRow[];
  /** the member's own median per indicator id over their last 12 current reports in this group (the group's for group figures) */
  medians: Record<string, string | null>;
  existing: StoredReport | null;
  /** the group's figures are asked in this report (see asksGroupFigures) */
  groupAsked: boolean;
  /** the group's stored figures for the week, when they are asked and someone reported them */
  existingGroup: StoredGroupReport | null;
  /** the report ends with "Ada kendala minggu ini?" */
  asksObstacles: boolean;
};

export type PrepareResult =
  | { kind: "ok"; plan: ReportPlan }
  | { kind: "refused"; reason: RefusalReason }
  | { kind: "week-closed" }
  | { kind: "no-indicators" };

/**
 * Whether a /lapor asks the group's own figures (indicators reported once per group and week).
 * Asked when nobody has reported them yet this week (the first member to report gives them);
 * always when the coordinator reports for themselves (they see the stored figures and may
 * replace them); and when the programme has no member figures at all (else nothing is asked).
 * Not asked again of the other members once given, nor when the coordinator reports on a
 * member's behalf after they were given: so a group's figure is never counted twice.
 */
export function asksGroupFigures(input: {
  groupIndicators: number;
  memberIndicators: number;
  groupReported: boolean;
  coordinatorForSelf: boolean;
}): boolean {
  if (input.groupIndicators === 0) return false;
  return !input.groupReported || input.coordinatorForSelf || input.memberIndicators === 0;
}

/** Everything the questions need: the indicators in order, the member's medians, the stored report. */
export async function prepareReport(deps: ReportDeps, target: ReportTarget & { weekKey: string }): Promise<PrepareResult> {
  const week = openWeek(deps, target.weekKey);
  if (!week) return { kind: "week-closed" };
  const allowed = await authorizeReport(deps, target);
  if (allowed.kind === "refused") return allowed;
  const all = await deps.repo.activeIndicators(allowed.group.programmeId);
  const memberCount = all.filter((i) => i.reportedBy === "member").length;
  const [existing, recent, storedGroup, recentGroup] = await Promise.all([
    deps.repo.currentReport(target.groupId, target.memberId, week.startDate),
    deps.repo.recentValues(target.groupId, target.memberId, MEDIAN_WINDOW),
    memberCount < all.length ? deps.repo.currentGroupReport(target.groupId, week.startDate) : null,
    memberCount < all.length ? deps.repo.recentGroupValues(target.groupId, MEDIAN_WINDOW) : [],
  ]);
  const groupAsked = asksGroupFigures({
    groupIndicators: all.length - memberCount,
    memberIndicators: memberCount,
    groupReported: storedGroup !== null,
    coordinatorForSelf: allowed.group.isCoordinator && target.memberId === target.actorPersonId,
  });
  const indicators = all.filter((i) => i.reportedBy === "member" || groupAsked);
  if (indicators.length === 0) return { kind: "no-indicators" };
  return {
    kind: "ok",
    plan: {
      groupId: target.groupId,
      groupName: allowed.group.groupName,
      memberId: target.memberId,
      memberName: allowed.memberName,
      forOther: target.memberId !== target.actorPersonId,
      weekKey: week.key,
      weekStartDate: week.startDate,
      indicators,
      medians: {
        ...mediansByIndicator(indicators.filter((i) => i.reportedBy === "member"), recent),
        ...mediansByIndicator(indicators.filter((i) => i.reportedBy === "group"), recentGroup),
      },
      existing,
      groupAsked,
      existingGroup: groupAsked ? storedGroup : null,
      asksObstacles: allowed.group.asksObstacles,
    },
  };
}

export function mediansByIndicator(
  indicators: Array<Pick<IndicatorRow, "id">>,
  values: Array<{ indicatorId: number; value: string }>,
): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const indicator of indicators) {
    result[String(indicator.id)] = median(values.filter((v) => v.indicatorId === indicator.id).map((v) => v.value));
  }
  return result;
}

export type Judgement =
  | { kind: "accept"; value: string }
  | { kind: "skip" }
  | { kind: "required" }
  | { kind: "ambiguous"; readings: [string, string] }
  | { kind: "unit-mismatch"; unitWritten: string }
  | { kind: "invalid" }
  | (ValueIssue & { value: string });

type Bounds = Pick<IndicatorRow, "unit" | "decimals" | "min" | "max" | "required" | "labelId" | "labelEn">;

/** What to do with a typed answer to one indicator's question. */
export function judgeAnswer(text: string, indicator: Bounds, memberMedian: string | null): Judgement {
  const reading = readNumber(text, indicator.unit, [indicator.labelId, indicator.labelEn]);
  switch (reading.kind) {
    case "skip":
      return indicator.required ? { kind: "required" } : { kind: "skip" };
    case "ambiguous":
      return { kind: "ambiguous", readings: reading.readings };
    case "unit-mismatch":
      return { kind: "unit-mismatch", unitWritten: reading.unitWritten };
    case "invalid":
      return { kind: "invalid" };
    case "number":
      return judgeValue(reading.value, indicator, memberMedian);
  }
}

/** A value the member chose (a reading, a rounded value) or typed, checked against the indicator. */
export function judgeValue(value: string, indicator: Bounds, memberMedian: string | null): Judgement {
  const issue = checkValue(value, { decimals: indicator.decimals, min: indicator.min, max: indicator.max, unit: indicator.unit }, memberMedian);
  return issue ? { ...issue, value } : { kind: "accept", value };
}

/** A figure the way Indonesians write it: "Rp 1.500.000" for money, "789,5 liter" otherwise. */
export function formatFigure(value: string, unit: string, unitLabel: string): string {
  return unit === "rupiah" ? formatRupiah(value) : `${formatNumber(value)} ${unitLabel}`;
}

/** The example shown under a question, in the Indonesian format. */
export function exampleFor(indicator: Pick<IndicatorRow, "unit" | "decimals">): string {
  if (indicator.unit === "rupiah") return formatRupiah("150000");
  return indicator.decimals > 0 ? formatNumber("12.5") : formatNumber("12");
}
