import type { PrismaClient } from "../../db/client.js";
import { dbDate } from "../../lib/week.js";
import type { ReminderCandidate } from "./reminder.rules.js";
import type { MembershipStatus } from "../../generated/prisma/enums.js";

/** The Prisma queries of reminders. */

const CANDIDATE = {
  personId: true,
  groupId: true,
  status: true,
  joinedAt: true,
  group: { select: { active: true, name: true } },
  person: { select: { status: true, telegramId: true, remindersOff: true, name: true } },
} as const;

type CandidateRow = {
  personId: number;
  groupId: number;
  status: MembershipStatus;
  joinedAt: Date;
  group: { active: boolean; name: string };
  person: { status: ReminderCandidate["personStatus"]; telegramId: bigint | null; remindersOff: boolean; name: string | null };
};

function toCandidate(row: CandidateRow, reported: boolean): ReminderCandidate {
  return {
    personId: row.personId,
    groupId: row.groupId,
    membershipStatus: row.status,
    groupActive: row.group.active,
    personStatus: row.person.status,
    hasTelegram: row.person.telegramId !== null,
    remindersOff: row.person.remindersOff,
    joinedAt: row.joinedAt,
    reported,
  };
}

export function createReminderRepository(prisma: PrismaClient) {
  return {
    /**
     * Every active membership of an active group whose person has Telegram (the cheap part of
     * the rule in SQL), with whether that person has a current report for that group and week.
     */
    async candidates(weekStartDate: string): Promise<ReminderCandidate[]> {
      const weekStart = dbDate(weekStartDate);
      const [rows, reports] = await Promise.all([
        prisma.membership.findMany({
          where: { status: "active", group: { active: true }, person: { telegramId: { not: null } } },
          select: CANDIDATE,
          orderBy: [{ groupId: "asc" }, { personId: "asc" }],
        }),
        prisma.report.findMany({ where: { weekStart, current: true }, select: { groupId: true, memberId: true } }),
      ]);
      const reported = new Set(reports.map((r) => `${r.groupId}:${r.memberId}`));
      return rows.map((row) => toCandidate(row, reported.has(`${row.groupId}:${row.personId}`)));
    },

    /** One membership for the renderer, with the names the message shows; null when there is none. */
    async candidate(
      groupId: number,
      personId: number,
      weekStartDate: string,
    ): Promise<{ candidate: ReminderCandidate; groupName: string; personName: string | null } | null> {
      const row = await prisma.membership.findUnique({ where: { personId_groupId: { personId, groupId } }, select: CANDIDATE });
      if (!row) return null;
      const report = await prisma.report.findFirst({
        where: { groupId, memberId: personId, weekStart: dbDate(weekStartDate), current: true },
        select: { id: true },
      });
      return { candidate: toCandidate(row, report !== null), groupName: row.group.name, personName: row.person.name };
    },

    /** Sets the person's reminder choice and records the change (only when it is one); true when it changed. */
    async setRemindersOff(personId: number, off: boolean, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.person.updateMany({ where: { id: personId, remindersOff: !off }, data: { remindersOff: off } });
        if (count === 0) return false;
        await tx.privacyEvent.create({ data: { personId, kind: off ? "reminders_off" : "reminders_on", at } });
        return true;
      });
    },
  };
}

export type ReminderRepository = ReturnType<typeof createReminderRepository>;
