import { Prisma, type PrismaClient } from "../../db/client.js";
import type { IndicatorAggregation, IndicatorReporter } from "../../generated/prisma/enums.js";
import { dbDate, startDateFromDb } from "../../lib/week.js";
import { groupWeekAndYear, indicatorsOf } from "../figures/figures.service.js";

/**
 * The Prisma queries of reporting. Every figure leaves this file as an exact decimal string and
 * every week as its Monday "yyyy-MM-dd", so the service never sees a Prisma.Decimal or a Date
 * column value.
 */

export type MembershipRow = {
  groupId: number;
  groupName: string;
  programmeId: number;
  role: "member" | "coordinator";
  /** the programme ends its weekly report with "Ada kendala minggu ini?" */
  asksObstacles: boolean;
};
export type GroupMemberRow = { personId: number; name: string | null; hasTelegram: boolean; role: "member" | "coordinator" };
export type IndicatorRow = {
  id: number;
  code: string;
  labelId: string;
  labelEn: string;
  unit: string;
  decimals: number;
  min: string;
  max: string;
  required: boolean;
  position: number;
  /** member: each member's own figure; group: one figure per group and week */
  reportedBy: IndicatorReporter;
  aggregation: IndicatorAggregation;
};
export type StoredReport = {
  id: number;
  version: number;
  values: Array<{ indicatorId: number; value: string }>;
  photoFileId: string | null;
  note: string | null;
  obstacle: string | null;
};
/** The group's own figures for a week (indicators reported by the group), current version. */
export type StoredGroupReport = {
  id: number;
  version: number;
  submittedById: number;
  values: Array<{ indicatorId: number; value: string }>;
};
export type NewReportVersion = {
  groupId: number;
  memberId: number;
  weekStartDate: string;
  submittedById: number;
  now: Date;
  values: Array<{ indicatorId: number; value: string }>;
  photoFileId: string | null;
  note: string | null;
  obstacle: string | null;
  /** the group's figures answered with this report (a new group version), or null when they were not asked */
  group: { values: Array<{ indicatorId: number; value: string }> } | null;
  /** the press that saves this version (see Report.saveKey); a second save with it finds this version */
  saveKey: string | null;
};
export type SaveVersionResult =
  | { kind: "saved"; reportId: number; version: number; replaced: boolean; group: SavedGroupVersion | null }
  /** another submission for the same member, group and week won the race */
  | { kind: "conflict" };
export type HistoryRow = {
  reportId: number;
  groupId: number;
  groupName: string;
  weekStartDate: string;
  version: number;
  submittedById: number;
  memberId: number;
  /** null when erased */
  memberName: string | null;
  obstacle: string | null;
  values: Array<{ indicatorId: number; labelId: string; labelEn: string; unit: string; position: number; value: string }>;
};

export type SavedGroupVersion = { groupReportId: number; version: number; replaced: boolean };

/** Active people of a group: a person who left or was erased is no longer reported for. */
const reachablePerson: Prisma.PersonWhereInput = { status: { in: ["active", "unreachable"] } };

class ReportConflict extends Error {}

function isConflict(error: unknown): boolean {
  if (error instanceof ReportConflict) return true;
  // P2002: a unique index refused the row; P2034: a write conflict or deadlock between two savers.
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034");
}

/**
 * A new current version of the group's figures for the week, inside the report's transaction;
 * the earlier one is kept (current = NULL). The unique index on (group, week, current) refuses
 * a second current row, so of two members saving at once one retries (see saveVersion).
 */
async function saveGroupVersion(
  tx: Prisma.TransactionClient,
  input: Pick<NewReportVersion, "groupId" | "weekStartDate" | "submittedById" | "now" | "saveKey">,
  values: Array<{ indicatorId: number; value: string }>,
): Promise<SavedGroupVersion> {
  const key = { groupId: input.groupId, weekStart: dbDate(input.weekStartDate) };
  const current = await tx.groupReport.findFirst({ where: { ...key, current: true }, select: { id: true } });
  if (current) {
    const superseded = await tx.groupReport.updateMany({ where: { id: current.id, current: true }, data: { current: null, supersededAt: input.now } });
    if (superseded.count !== 1) throw new ReportConflict();
  }
  const latest = await tx.groupReport.aggregate({ where: key, _max: { version: true } });
  const created = await tx.groupReport.create({
    data: {
      ...key,
      version: (latest._max.version ?? 0) + 1,
      current: true,
      submittedById: input.submittedById,
      submittedAt: input.now,
      saveKey: input.saveKey,
      values: { create: values.map((v) => ({ indicatorId: v.indicatorId, value: new Prisma.Decimal(v.value) })) },
    },
    select: { id: true, version: true },
  });
  return { groupReportId: created.id, version: created.version, replaced: current !== null };
}

export function createReportRepository(prisma: PrismaClient) {
  return {
    async activeMemberships(personId: number): Promise<MembershipRow[]> {
      const rows = await prisma.membership.findMany({
        // an inactive group or programme is out of every question (history and reports stay)
        where: { personId, status: "active", group: { active: true, programme: { active: true } }, person: reachablePerson },
        select: { groupId: true, role: true, group: { select: { name: true, programmeId: true, programme: { select: { asksObstacles: true } } } } },
        orderBy: [{ group: { name: "asc" } }, { groupId: "asc" }],
      });
      return rows.map((r) => ({
        groupId: r.groupId,
        groupName: r.group.name,
        programmeId: r.group.programmeId,
        role: r.role,
        asksObstacles: r.group.programme.asksObstacles,
      }));
    },

    async groupMembers(groupId: number): Promise<GroupMemberRow[]> {
      const rows = await prisma.membership.findMany({
        where: { groupId, status: "active", person: reachablePerson },
        select: { role: true, person: { select: { id: true, name: true, telegramId: true } } },
        orderBy: [{ person: { name: "asc" } }, { personId: "asc" }],
      });
      return rows.map((r) => ({
        personId: r.person.id,
        name: r.person.name,
        hasTelegram: r.person.telegramId !== null,
        role: r.role,
      }));
    },

    async activeIndicators(programmeId: number): Promise<IndicatorRow[]> {
      const rows = await prisma.indicator.findMany({
        where: { programmeId, active: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        labelId: r.labelId,
        labelEn: r.labelEn,
        unit: r.unit,
        decimals: r.decimals,
        min: r.minValue.toFixed(),
        max: r.maxValue.toFixed(),
        required: r.required,
        position: r.position,
        reportedBy: r.reportedBy,
        aggregation: r.aggregation,
      }));
    },

    async currentReport(groupId: number, memberId: number, weekStartDate: string): Promise<StoredReport | null> {
      const row = await prisma.report.findFirst({
        where: { groupId, memberId, weekStart: dbDate(weekStartDate), current: true },
        select: { id: true, version: true, photoFileId: true, note: true, obstacle: true, values: { select: { indicatorId: true, value: true } } },
      });
      if (!row) return null;
      return { ...row, values: row.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toFixed() })) };
    },

    async currentGroupReport(groupId: number, weekStartDate: string): Promise<StoredGroupReport | null> {
      const row = await prisma.groupReport.findFirst({
        where: { groupId, weekStart: dbDate(weekStartDate), current: true },
        select: { id: true, version: true, submittedById: true, values: { select: { indicatorId: true, value: true } } },
      });
      if (!row) return null;
      return { ...row, values: row.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toFixed() })) };
    },

    /** The values of the group's last `limit` current group reports, newest week first. */
    async recentGroupValues(groupId: number, limit: number): Promise<Array<{ indicatorId: number; value: string }>> {
      const reports = await prisma.groupReport.findMany({
        where: { groupId, current: true },
        orderBy: { weekStart: "desc" },
        take: limit,
        select: { values: { select: { indicatorId: true, value: true } } },
      });
      return reports.flatMap((r) => r.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toFixed() })));
    },

    /** The values of the member's last `limit` current reports in this group, newest week first. */
    async recentValues(groupId: number, memberId: number, limit: number): Promise<Array<{ indicatorId: number; value: string }>> {
      const reports = await prisma.report.findMany({
        where: { groupId, memberId, current: true },
        orderBy: { weekStart: "desc" },
        take: limit,
        select: { values: { select: { indicatorId: true, value: true } } },
      });
      return reports.flatMap((r) => r.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toFixed() })));
    },

    /**
     * One transaction: the current version (if any) is superseded and the new one inserted with
     * the next version number. The unique index on (group, member, week, current) refuses a second
     * current row, so of two concurrent savers one gets "conflict" and may try again.
     */
    async saveVersion(input: NewReportVersion): Promise<SaveVersionResult> {
      const weekStart = dbDate(input.weekStartDate);
      const key = { groupId: input.groupId, memberId: input.memberId, weekStart };
      try {
        return await prisma.$transaction(async (tx) => {
          // The same press handled again (a crash before its update was marked handled): its version is already there.
          if (input.saveKey !== null) {
            const same = await tx.report.findUnique({ where: { saveKey: input.saveKey }, select: { id: true, version: true } });
            if (same) {
              const sameGroup = await tx.groupReport.findUnique({ where: { saveKey: input.saveKey }, select: { id: true, version: true } });
              const group = sameGroup && { groupReportId: sameGroup.id, version: sameGroup.version, replaced: sameGroup.version > 1 };
              return { kind: "saved" as const, reportId: same.id, version: same.version, replaced: same.version > 1, group };
            }
          }
          const current = await tx.report.findFirst({ where: { ...key, current: true }, select: { id: true } });
          if (current) {
            const superseded = await tx.report.updateMany({
              where: { id: current.id, current: true },
              data: { current: null, supersededAt: input.now },
            });
            // Someone else superseded it between our read and our write.
            if (superseded.count !== 1) throw new ReportConflict();
          }
          const latest = await tx.report.aggregate({ where: key, _max: { version: true } });
          const version = (latest._max.version ?? 0) + 1;
          const created = await tx.report.create({
            data: {
              ...key,
              version,
              current: true,
              submittedById: input.submittedById,
              submittedAt: input.now,
              photoFileId: input.photoFileId,
              note: input.note,
              obstacle: input.obstacle,
              saveKey: input.saveKey,
              values: { create: input.values.map((v) => ({ indicatorId: v.indicatorId, value: new Prisma.Decimal(v.value) })) },
            },
            select: { id: true, version: true },
          });
          const group = input.group && (await saveGroupVersion(tx, input, input.group.values));
          return { kind: "saved" as const, reportId: created.id, version: created.version, replaced: current !== null, group };
        });
      } catch (error) {
        if (isConflict(error)) return { kind: "conflict" };
        throw error;
      }
    },

    /**
     * The group's figure per indicator for the week and for its year so far, from the figures
     * module (members' reports and the group's own figures, each added up by its aggregation);
     * null: not reported.
     */
    async weekAndYear(
      groupId: number,
      indicatorIds: readonly number[],
      weekStartDate: string,
    ): Promise<Array<{ indicatorId: number; week: string | null; year: string | null }>> {
      const wanted = new Set(indicatorIds);
      const group = await prisma.group.findUniqueOrThrow({ where: { id: groupId }, select: { programmeId: true } });
      const indicators = (await indicatorsOf(prisma, [group.programmeId], { activeOnly: false })).filter((i) => wanted.has(i.id));
      const rows = await groupWeekAndYear(prisma, groupId, indicators, weekStartDate);
      return rows.map((r) => ({ indicatorId: r.indicator.id, week: r.week, year: r.year }));
    },

    /** A person's recent reports: their own and those they submitted for another member. */
    async recentReports(personId: number, limit: number): Promise<HistoryRow[]> {
      const rows = await prisma.report.findMany({
        where: { current: true, OR: [{ memberId: personId }, { submittedById: personId }] },
        orderBy: [{ weekStart: "desc" }, { groupId: "asc" }],
        take: limit,
        select: {
          id: true,
          groupId: true,
          weekStart: true,
          version: true,
          submittedById: true,
          memberId: true,
          obstacle: true,
          member: { select: { name: true } },
          group: { select: { name: true } },
          values: {
            select: {
              indicatorId: true,
              value: true,
              indicator: { select: { labelId: true, labelEn: true, unit: true, position: true } },
            },
          },
        },
      });
      return rows.map((r) => ({
        reportId: r.id,
        groupId: r.groupId,
        groupName: r.group.name,
        weekStartDate: startDateFromDb(r.weekStart),
        version: r.version,
        submittedById: r.submittedById,
        memberId: r.memberId,
        memberName: r.member.name,
        obstacle: r.obstacle,
        values: r.values.map((v) => ({ indicatorId: v.indicatorId, ...v.indicator, value: v.value.toFixed() })),
      }));
    },

    async reportedMemberIds(groupId: number, weekStartDate: string): Promise<number[]> {
      const rows = await prisma.report.findMany({
        where: { groupId, weekStart: dbDate(weekStartDate), current: true },
        select: { memberId: true },
      });
      return rows.map((r) => r.memberId);
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
