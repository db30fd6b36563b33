import type { PrismaClient } from "../../db/client.js";
import type { MeetingInputTopic } from "../../generated/prisma/enums.js";
import { weekOf } from "../../lib/week.js";
import { evaluate, evaluationOf, indicatorsOf, weeksBetween, yearSeries, yearToDate, type Figure, type FigureIndicator } from "../figures/figures.service.js";

/**
 * What staff need on the table at an FGD, per invited group: the year so far against the
 * target and the same weeks last year, the weekly series (for the chart), how many of the
 * year's weeks the group reported, the obstacles reported since the group's previous meeting,
 * and the input given for this meeting; and the stakeholders' input.
 */

export type BriefingFigure = { indicator: FigureIndicator; value: Figure; target: Figure; lastYear: Figure };
export type BriefingInput = { name: string; topic: MeetingInputTopic; text: string };
export type BriefingGroup = {
  groupId: number;
  name: string;
  programme: { name: string; nameEn: string };
  figures: BriefingFigure[];
  /** weekly running figures from the year's first week through the meeting's week */
  series: { weekStartDates: string[]; weeksInYear: number; year: number; running: Array<{ indicator: FigureIndicator; running: Figure[]; target: Figure }> };
  weeksReported: number;
  weeksExpected: number;
  obstaclesSince: Date | null;
  obstacles: Array<{ weekStartDate: string; name: string; text: string }>;
  inputs: BriefingInput[];
};
export type Briefing = {
  meeting: { id: number; title: string; startsAt: Date; place: string };
  year: number;
  groups: BriefingGroup[];
  stakeholders: Array<BriefingInput & { institution: string }>;
};

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export async function briefingData(prisma: PrismaClient, meetingId: number, zone: string): Promise<Briefing | null> {
  const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true, startsAt: true, place: true } });
  if (!meeting) return null;
  const week = weekOf(meeting.startsAt, zone);
  const period = yearToDate(week.startDate);
  const invitations = await prisma.invitation.findMany({
    where: { meetingId },
    select: { personId: true, groupId: true, stakeholderId: true, person: { select: { name: true } }, stakeholder: { select: { institution: true } } },
  });
  const inputs = await prisma.meetingInput.findMany({ where: { meetingId }, orderBy: [{ personId: "asc" }, { topic: "asc" }], select: { personId: true, topic: true, text: true } });
  const inviteOf = new Map(invitations.map((i) => [i.personId, i]));
  const groupIds = [...new Set(invitations.flatMap((i) => (i.groupId === null ? [] : [i.groupId])))].sort((a, b) => a - b);
  const groups = await prisma.group.findMany({ where: { id: { in: groupIds } }, orderBy: { id: "asc" }, select: { id: true, name: true, programmeId: true, programme: { select: { name: true, nameEn: true } } } });

  const out: BriefingGroup[] = [];
  for (const group of groups) {
    const indicators = await indicatorsOf(prisma, [group.programmeId], { activeOnly: true });
    const { programme } = group;
    // The figures module's year so far (through the meeting's week), last year's same weeks, the target, and the series.
    const [evaluations, series] = await Promise.all([evaluate(prisma, { groupIds: [group.id] }, indicators, week.startDate), yearSeries(prisma, [group.id], indicators, week.startDate)]);
    const weekStartDates = series.weekStartDates;
    const running = series.indicators.map(({ indicator, running, target }) => ({ indicator, running, target }));
    const reportedWeeks = new Set(weekStartDates.filter((_, i) => series.indicators.some((s) => s.weekly[i] !== null)));
    // The weeks before the meeting's week (that one is not over yet).
    const firstWeek = period.thisYear.from;
    const previous = await prisma.meeting.findFirst({
      where: { status: "scheduled", startsAt: { lt: meeting.startsAt }, invitations: { some: { groupId: group.id } } },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true },
    });
    const since = previous?.startsAt ?? null;
    const obstacles = await prisma.report.findMany({
      where: { groupId: group.id, current: true, obstacle: { not: null }, ...(since ? { submittedAt: { gt: since } } : { weekStart: { gte: new Date(`${period.thisYear.from}T00:00:00Z`) } }) },
      orderBy: [{ weekStart: "asc" }, { id: "asc" }],
      select: { weekStart: true, obstacle: true, member: { select: { name: true } } },
    });
    out.push({
      groupId: group.id,
      name: group.name,
      programme,
      figures: indicators.map((indicator) => {
        const e = evaluationOf(evaluations, group.id, indicator.id);
        return { indicator, value: e.year, target: e.target, lastYear: e.lastYear };
      }),
      series: { weekStartDates, weeksInYear: period.weeksInYear, year: period.year, running },
      weeksReported: [...reportedWeeks].filter((d) => d >= firstWeek && d < week.startDate).length,
      weeksExpected: Math.max(0, weeksBetween(firstWeek, week.startDate)),
      obstaclesSince: since,
      obstacles: obstacles.map((o) => ({ weekStartDate: dateOf(o.weekStart), name: o.member.name ?? "", text: o.obstacle ?? "" })),
      inputs: inputs.filter((i) => inviteOf.get(i.personId)?.groupId === group.id).map((i) => ({ name: inviteOf.get(i.personId)?.person.name ?? "", topic: i.topic, text: i.text })),
    });
  }
  const stakeholders = inputs
    .filter((i) => inviteOf.get(i.personId)?.groupId === null)
    .map((i) => {
      const inv = inviteOf.get(i.personId);
      return { name: inv?.person.name ?? "", institution: inv?.stakeholder?.institution ?? "", topic: i.topic, text: i.text };
    });
  return { meeting, year: period.year, groups: out, stakeholders };
}
