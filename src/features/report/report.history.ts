import { weekFromStartDate, weekOf } from "../../lib/week.js";
import { HISTORY_LENGTH, type ReportDeps } from "./report.service.js";

/** /riwayat: a member's recent reports; for a coordinator also who has reported this week. */

export type HistoryItem = {
  weekKey: string;
  groupName: string;
  /** submitted by someone else than the member: their coordinator */
  byCoordinator: boolean;
  /** a report the person (a coordinator) submitted for another member, whose name is memberName */
  forOther: boolean;
  /** null when erased */
  memberName: string | null;
  /** replaced at least once */
  updated: boolean;
  /** "Ada kendala minggu ini?" as answered */
  obstacle: string | null;
  values: Array<{ labelId: string; labelEn: string; unit: string; value: string }>;
};

export type GroupWeekStatus = {
  groupId: number;
  groupName: string;
  weekKey: string;
  reported: Array<string | null>;
  notReported: Array<string | null>;
};

export type HistoryResult = { kind: "not-member" } | { kind: "ok"; reports: HistoryItem[]; status: GroupWeekStatus[] };

export async function reportHistory(
  deps: Pick<ReportDeps, "repo" | "clock" | "timeZone">,
  personId: number,
): Promise<HistoryResult> {
  const memberships = await deps.repo.activeMemberships(personId);
  if (memberships.length === 0) return { kind: "not-member" };
  const rows = await deps.repo.recentReports(personId, HISTORY_LENGTH);
  const reports = rows.map((r) => ({
    weekKey: weekFromStartDate(r.weekStartDate, deps.timeZone).key,
    groupName: r.groupName,
    byCoordinator: r.memberId === personId && r.submittedById !== personId,
    forOther: r.memberId !== personId,
    memberName: r.memberName,
    updated: r.version > 1,
    obstacle: r.obstacle,
    values: [...r.values]
      .sort((a, b) => a.position - b.position || a.indicatorId - b.indicatorId)
      .map((v) => ({ labelId: v.labelId, labelEn: v.labelEn, unit: v.unit, value: v.value })),
  }));

  const thisWeek = weekOf(deps.clock(), deps.timeZone);
  const status: GroupWeekStatus[] = [];
  for (const m of memberships.filter((x) => x.role === "coordinator")) {
    const [members, reportedIds] = await Promise.all([
      deps.repo.groupMembers(m.groupId),
      deps.repo.reportedMemberIds(m.groupId, thisWeek.startDate),
    ]);
    const reported = new Set(reportedIds);
    status.push({
      groupId: m.groupId,
      groupName: m.groupName,
      weekKey: thisWeek.key,
      reported: members.filter((p) => reported.has(p.personId)).map((p) => p.name),
      notReported: members.filter((p) => !reported.has(p.personId)).map((p) => p.name),
    });
  }
  return { kind: "ok", reports, status };
}
