import type { PrismaClient } from "../../db/client.js";
import { startDateFromDb } from "../../lib/week.js";
import { planErasure, type ErasurePlan } from "./privacy.plan.js";
import type { GroupRole, MembershipStatus, PersonStatus } from "../../generated/prisma/enums.js";

/** The Prisma queries of /dataku and /hapusdata. */

export type PersonFacts = {
  name: string | null;
  phone: string | null;
  telegramUsername: string | null;
  language: string;
  status: PersonStatus;
  staffRole: "staff" | "admin" | null;
  institution: string | null;
  createdAt: Date;
  consentAt: Date | null;
  consentVersion: string | null;
  remindersOff: boolean;
  memberships: Array<{ groupName: string; programmeName: string; programmeNameEn: string; role: GroupRole; status: MembershipStatus; joinedAt: Date; leftAt: Date | null }>;
  /** current reports about the person (one per group and week; earlier versions not counted) */
  reports: { count: number; latestWeekStart: string | null };
  /** current reports the person sent for other members (a coordinator) */
  reportsForOthers: number;
  invitations: { total: number; yes: number; no: number; maybe: number; unanswered: number };
};

export function createPrivacyRepository(prisma: PrismaClient) {
  return {
    async facts(personId: number): Promise<PersonFacts | null> {
      const person = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          name: true,
          phone: true,
          telegramUsername: true,
          language: true,
          status: true,
          staffRole: true,
          createdAt: true,
          consentAt: true,
          consentVersion: true,
          remindersOff: true,
          stakeholder: { select: { institution: true } },
          memberships: {
            select: { role: true, status: true, joinedAt: true, leftAt: true, group: { select: { name: true, programme: { select: { name: true, nameEn: true } } } } },
            orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
          },
        },
      });
      if (!person) return null;
      const [reports, latest, forOthers, answers] = await Promise.all([
        prisma.report.count({ where: { memberId: personId, current: true } }),
        prisma.report.findFirst({ where: { memberId: personId, current: true }, orderBy: { weekStart: "desc" }, select: { weekStart: true } }),
        prisma.report.count({ where: { submittedById: personId, current: true, NOT: { memberId: personId } } }),
        prisma.invitation.groupBy({ by: ["answer"], where: { personId }, _count: { _all: true } }),
      ]);
      const invitations = { total: 0, yes: 0, no: 0, maybe: 0, unanswered: 0 };
      for (const a of answers) {
        invitations.total += a._count._all;
        invitations[a.answer ?? "unanswered"] += a._count._all;
      }
      return {
        name: person.name,
        phone: person.phone,
        telegramUsername: person.telegramUsername,
        language: person.language,
        status: person.status,
        staffRole: person.staffRole,
        institution: person.stakeholder?.institution ?? null,
        createdAt: person.createdAt,
        consentAt: person.consentAt,
        consentVersion: person.consentVersion,
        remindersOff: person.remindersOff,
        memberships: person.memberships.map((m) => ({
          groupName: m.group.name,
          programmeName: m.group.programme.name,
          programmeNameEn: m.group.programme.nameEn,
          role: m.role,
          status: m.status,
          joinedAt: m.joinedAt,
          leftAt: m.leftAt,
        })),
        reports: { count: reports, latestWeekStart: latest ? startDateFromDb(latest.weekStart) : null },
        reportsForOthers: forOthers,
        invitations,
      };
    },

    /**
     * Applies the erasure plan in one transaction, the person's row locked so that two presses
     * cannot both run it. Returns the plan (with the keys of the messages still to cancel), or
     * null when there is no such person.
     */
    async erase(personId: number, now: Date): Promise<ErasurePlan | null> {
      return prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM person WHERE id = ${personId} FOR UPDATE`;
        if (locked.length === 0) return null;
        const snapshot = await tx.person.findUniqueOrThrow({
          where: { id: personId },
          select: {
            status: true,
            memberships: { select: { id: true, status: true } },
            outgoing: { where: { status: "queued" }, select: { key: true, status: true } },
          },
        });
        const plan = planErasure({ personId, ...snapshot }, now);
        if (plan.kind !== "erase") return plan;
        await tx.person.update({ where: { id: personId }, data: plan.person });
        await tx.membership.updateMany({ where: { id: { in: plan.endMembershipIds } }, data: { status: "left", leftAt: now } });
        await tx.report.updateMany({ where: { memberId: personId }, data: { note: null, photoFileId: null } });
        await tx.invitation.updateMany({ where: { personId }, data: { reason: null } });
        await tx.privacyEvent.createMany({ data: plan.events.map((kind) => ({ personId, kind, at: now })) });
        return plan;
      });
    },

    /** Whatever of the person's messages is still queued becomes skipped (when the queue could not be reached). */
    async skipQueued(personId: number): Promise<number> {
      const { count } = await prisma.outgoingMessage.updateMany({ where: { personId, status: "queued" }, data: { status: "skipped", error: "recipient erased" } });
      return count;
    },
  };
}

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
