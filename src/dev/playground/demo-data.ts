import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { addHours } from "date-fns/addHours";
import type { AppDeps } from "../../app-deps.js";
import { Prisma, type PrismaClient } from "../../db/client.js";
import { meetingDeps } from "../../features/meeting/meeting.deps.js";
import { createMeeting } from "../../features/meeting/meeting.service.js";
import { CONSENT_TEXT_VERSION } from "../../features/onboarding/onboarding.rules.js";
import { createJoinCode, OPERATOR, type JoinCodeTarget } from "../../features/onboarding/onboarding.service.js";
import { dbDate, shiftWeeks, weekOf } from "../../lib/week.js";

/**
 * The people of the playground, on top of the seed's programmes, groups and institutions:
 * members of every group (with Telegram, and one without), a coordinator, two staff, three
 * stakeholders; several weeks of reports; join links for every group; one upcoming meeting.
 * Names and phone numbers are made up.
 */

/** Telegram ids of demo people start here; people added on the page come after them. */
export const DEMO_TELEGRAM_ID_BASE = 7_100_000_000;
export const NEW_PERSON_TELEGRAM_ID_BASE = 7_200_000_000;

type DemoPerson = {
  name: string;
  phone: string;
  /** null: a member without Telegram (the coordinator reports for them) */
  telegram: boolean;
  staffRole?: "staff" | "admin";
  group?: { code: string; role: "member" | "coordinator" };
  stakeholder?: string;
};

const member = (name: string, phone: string, group: string, role: "member" | "coordinator" = "member", telegram = true): DemoPerson => ({
  name,
  phone,
  telegram,
  group: { code: group, role },
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: "Andi Pratama", phone: "+6281200010001", telegram: true, staffRole: "admin" },
  { name: "Rina Wulandari", phone: "+6281200010002", telegram: true, staffRole: "staff" },
  member("Sri Wahyuni", "+6281200020001", "sampah-margasari", "coordinator"),
  member("Siti Aminah", "+6281200020002", "sampah-margasari"),
  member("Rahmat Hidayat", "+6281200020003", "sampah-margasari"),
  member("Mbah Darmo", "", "sampah-margasari", "member", false),
  member("Ani Suryani", "+6281200030001", "mariojela-margasari"),
  member("Budi Santoso", "+6281200030002", "mariojela-margasari"),
  member("Yuliani", "+6281200030003", "mariojela-margasari"),
  member("Dodi Saputra", "+6281200040001", "ksb-margasari"),
  member("Lestari Handayani", "+6281200040002", "ksb-margasari"),
  member("Eko Prasetyo", "+6281200050001", "ksb-baru-tengah"),
  member("Fitri Ramadhani", "+6281200050002", "ksb-baru-tengah"),
  member("Hendra Gunawan", "+6281200060001", "proklim-muara-rapak"),
  member("Nurhayati", "+6281200060002", "proklim-muara-rapak"),
  member("Joko Susilo", "+6281200070001", "petratonik-karang-joang"),
  member("Wati Rahayu", "+6281200070002", "petratonik-karang-joang"),
  { name: "Ratna Dewi", phone: "+6281200080001", telegram: true, stakeholder: "lurah-margasari" },
  { name: "Agus Salim", phone: "+6281200080002", telegram: true, stakeholder: "bpbd-balikpapan" },
  { name: "Maria Ulfa", phone: "+6281200080003", telegram: true, stakeholder: "dinsos-balikpapan" },
];

/** The demo meeting: groups and institution invited, days from today, local hour. */
const DEMO_MEETING = {
  title: "FGD Evaluasi Program TJSL",
  place: "Aula Kantor Kelurahan Margasari",
  groups: ["sampah-margasari", "mariojela-margasari"],
  stakeholders: ["lurah-margasari"],
  inDays: 3,
  hour: 9,
};

/** Weeks of reports before this one; this week only some members have reported yet. */
const REPORT_WEEKS = 8;

/** A small deterministic generator, so every reset shows the same figures. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible weekly figure for a unit, as a decimal string. */
const TYPICAL: Record<string, [number, number]> = {
  liter: [8, 45],
  kg: [15, 180],
  rupiah: [50_000, 900_000],
  buah: [10, 90],
  kali: [1, 3],
  orang: [10, 45],
  batang: [5, 40],
  butir: [60, 420],
};

function figure(unit: string, decimals: number, max: number, random: () => number): string {
  const [low, high] = TYPICAL[unit] ?? [1, 20];
  const raw = low + random() * (high - low);
  if (unit === "rupiah") return String(Math.min(max, Math.round(raw / 5000) * 5000));
  const step = 10 ** Math.min(decimals, 1);
  return new Prisma.Decimal(Math.min(max, Math.round(raw * step) / step)).toFixed();
}

export type DemoSummary = { people: number; reports: number; meetingId: number | null };

/** People, memberships and reports: straight into the database (bulk data, no rules to run). */
export async function loadDemoPeople(prisma: PrismaClient, now: Date, zone: string): Promise<{ people: number; reports: number }> {
  const groups = new Map((await prisma.group.findMany({ include: { programme: { include: { indicators: true } } } })).map((g) => [g.code, g]));
  const institutions = new Map((await prisma.stakeholder.findMany()).map((s) => [s.code, s]));
  const random = randomSource(20_211_103);
  const thisWeek = weekOf(now, zone);
  let reports = 0;
  let telegramIndex = 0;
  const coordinators = new Map<number, number>();
  const people: Array<{ id: number; groupId: number | null; telegram: boolean }> = [];

  for (const demo of DEMO_PEOPLE) {
    const group = demo.group ? groups.get(demo.group.code) : undefined;
    const stakeholder = demo.stakeholder ? institutions.get(demo.stakeholder) : undefined;
    if ((demo.group && !group) || (demo.stakeholder && !stakeholder)) throw new Error(`The seed has no ${demo.group?.code ?? demo.stakeholder}`);
    const joinedAt = shiftWeeks(thisWeek, -(REPORT_WEEKS + 2), zone).start;
    const person = await prisma.person.create({
      data: {
        telegramId: demo.telegram ? BigInt(DEMO_TELEGRAM_ID_BASE + ++telegramIndex) : null,
        name: demo.name,
        phone: demo.phone || null,
        staffRole: demo.staffRole ?? null,
        stakeholderId: stakeholder?.id ?? null,
        consentAt: demo.telegram ? joinedAt : null,
        consentVersion: demo.telegram ? CONSENT_TEXT_VERSION : null,
        createdAt: joinedAt,
        ...(group && demo.group && { memberships: { create: { groupId: group.id, role: demo.group.role, joinedAt } } }),
      },
      select: { id: true },
    });
    people.push({ id: person.id, groupId: group?.id ?? null, telegram: demo.telegram });
    if (group && demo.group?.role === "coordinator") coordinators.set(group.id, person.id);
  }

  for (const person of people) {
    if (person.groupId === null) continue;
    const group = [...groups.values()].find((g) => g.id === person.groupId)!;
    const indicators = group.programme.indicators.filter((i) => i.active).sort((a, b) => a.position - b.position || a.id - b.id);
    for (let back = REPORT_WEEKS; back >= 0; back--) {
      // Most report every week; this week, only about half have so far.
      if (random() < (back === 0 ? 0.5 : 0.12)) continue;
      const week = shiftWeeks(thisWeek, -back, zone);
      const submittedAt = back === 0 ? addHours(now, -2 - Math.floor(random() * 20)) : addHours(week.start, 24 * 5 + 9 + Math.floor(random() * 10));
      // A member without Telegram is reported for by the coordinator.
      const submitter = person.telegram ? person.id : (coordinators.get(group.id) ?? person.id);
      const values = indicators
        .filter((i) => i.required || random() < 0.7)
        .map((i) => ({ indicatorId: i.id, value: figure(i.unit, i.decimals, i.maxValue.toNumber(), random) }));
      await prisma.report.create({
        data: {
          groupId: group.id,
          memberId: person.id,
          weekStart: dbDate(week.startDate),
          submittedById: submitter,
          submittedAt: submittedAt < week.start ? week.start : submittedAt,
          values: { create: values },
        },
      });
      reports++;
    }
  }
  return { people: people.length, reports };
}

/** Join links for every group (members) and for stakeholders, as staff would make with /tautan. */
export async function createDemoJoinCodes(deps: Pick<AppDeps, "prisma" | "clock">): Promise<number> {
  const targets: JoinCodeTarget[] = (await deps.prisma.group.findMany({ where: { active: true }, orderBy: { id: "asc" } })).map((g) => ({
    kind: "group",
    groupId: g.id,
    role: "member",
  }));
  targets.push({ kind: "stakeholder", stakeholderId: null });
  for (const target of targets) {
    const result = await createJoinCode(deps, { target, days: 60, maxUses: 500, rights: OPERATOR });
    if (result.kind !== "created") throw new Error(`Demo join link not created: ${result.kind}`);
  }
  return targets.length;
}

/** The upcoming meeting, made by the first staff member through the meeting service: invitations go out through the queue. */
export async function createDemoMeeting(deps: AppDeps): Promise<number | null> {
  const { prisma, clock, config } = deps;
  const staff = await prisma.person.findFirst({ where: { staffRole: "staff" }, orderBy: { id: "asc" } });
  if (!staff) return null;
  const groupIds = (await prisma.group.findMany({ where: { code: { in: DEMO_MEETING.groups } } })).map((g) => g.id);
  const stakeholderIds = (await prisma.stakeholder.findMany({ where: { code: { in: DEMO_MEETING.stakeholders } } })).map((s) => s.id);
  const local = new TZDate(clock().getTime(), config.timeZone);
  const day = addDays(local, DEMO_MEETING.inDays);
  const startsAt = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), DEMO_MEETING.hour, 0, 0, config.timeZone);
  const result = await createMeeting(meetingDeps(deps), staff.id, {
    title: DEMO_MEETING.title,
    startsAt: new Date(startsAt.getTime()).toISOString(),
    place: DEMO_MEETING.place,
    agenda: null,
    audience: { everyone: false, programmeIds: [], groupIds, allStakeholders: false, stakeholderIds },
  });
  return result.kind === "created" ? result.meetingId : null;
}

/** Empties every table but the migrations' bookkeeping (the playground's own database only). */
export async function emptyDatabase(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename.replace(/"/g, '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
