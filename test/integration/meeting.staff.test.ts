// The staff side of meetings and check-in against PostgreSQL (a fresh seeded database):
// the tally, marking present, check-in by code and button in and out of the window with a
// fixed clock, the daftar hadir data, and rights.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCheckInRepository } from "../../src/features/meeting/meeting.checkin.repository.js";
import { checkInByButton, checkInByCode, openCheckIns } from "../../src/features/meeting/meeting.checkin.service.js";
import { cancelMeeting } from "../../src/features/meeting/meeting.manage.js";
import { createMeetingRepository } from "../../src/features/meeting/meeting.repository.js";
import type { MeetingOutbox } from "../../src/features/meeting/meeting.service.js";
import { createStaffRepository } from "../../src/features/meeting/meeting.staff.repository.js";
import {
  attendanceData,
  listStaffMeetings,
  presentPicker,
  staffMarkPresent,
  staffMeetingView,
  type StaffDeps,
} from "../../src/features/meeting/meeting.staff.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const wita = (local: string) => new Date(`${local}+08:00`);
/** Selasa, 25 Januari 2022 pukul 09.00 WITA; check-in from 08.00 to 12.00. */
const START = wita("2022-01-25T09:00:00");
const CODE = "K7Q2MX";

let db: TestDatabase;
let now = wita("2022-01-20T10:00:00");
let deps: StaffDeps;
const sent: string[] = [];

const outbox: MeetingOutbox = {
  async enqueue(requests) {
    sent.push(...requests.map((r) => r.key));
  },
  async cancel() {},
  async scheduleReminder() {},
  async unscheduleReminders() {},
};

let staff: number;
let member: number;
const people: Record<string, number> = {};
let meetingId: number;
let otherMeetingId: number;
let groups: { mariojela: number; ksb: number };
let lurah: number;

async function person(name: string, data: { groupId?: number; role?: "member" | "coordinator"; stakeholderId?: number; telegramId?: number } = {}) {
  const p = await db.prisma.person.create({
    data: {
      name,
      telegramId: data.telegramId === undefined ? null : BigInt(data.telegramId),
      stakeholderId: data.stakeholderId ?? null,
      ...(data.groupId !== undefined && { memberships: { create: { groupId: data.groupId, role: data.role ?? "member" } } }),
    },
  });
  return p.id;
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  deps = {
    meetings: { repo: createMeetingRepository(db.prisma), clock: () => now, timeZone: "Asia/Makassar", outbox, logger: { info() {}, error() {} } },
    staff: createStaffRepository(db.prisma),
    checkIn: { checkIns: createCheckInRepository(db.prisma), clock: () => now, window: { beforeMinutes: 60, afterMinutes: 180 } },
  };
  groups = {
    mariojela: (await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } })).id,
    ksb: (await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } })).id,
  };
  lurah = (await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: "lurah-margasari" } })).id;

  staff = (await db.prisma.person.create({ data: { name: "Petugas CSR", telegramId: 7_000_001n, staffRole: "staff" } })).id;
  member = await person("Ani", { groupId: groups.mariojela, telegramId: 7_000_002 });
  people.siti = await person("Siti", { groupId: groups.mariojela, role: "coordinator", telegramId: 7_000_003 });
  people.budi = await person("Budi", { groupId: groups.mariojela, telegramId: 7_000_004 });
  people.mbah = await person("Mbah Darmo", { groupId: groups.mariojela }); // no Telegram
  people.dewi = await person("Dewi", { groupId: groups.ksb, telegramId: 7_000_005 });
  people.eko = await person("Eko", { groupId: groups.ksb, telegramId: 7_000_006 });
  people.lurah = await person("Pak Lurah", { stakeholderId: lurah, telegramId: 7_000_007 });
  people.outsider = await person("Tamu", { groupId: groups.ksb, telegramId: 7_000_008 });

  const meeting = await db.prisma.meeting.create({
    data: {
      title: "FGD Evaluasi Program TJSL",
      startsAt: START,
      place: "Aula Kelurahan Margasari",
      audience: { everyone: false, programmeIds: [], groupIds: [groups.mariojela, groups.ksb], allStakeholders: false, stakeholderIds: [lurah] },
      checkInCode: CODE,
      createdById: staff,
      invitations: {
        create: [
          { personId: member, groupId: groups.mariojela, answer: "yes", answeredAt: wita("2022-01-20T08:00:00") },
          { personId: people.siti, groupId: groups.mariojela, answer: "yes", answeredAt: wita("2022-01-20T09:00:00") },
          { personId: people.budi, groupId: groups.mariojela, answer: "no", answeredAt: wita("2022-01-20T09:10:00"), reason: "Sakit" },
          { personId: people.mbah, groupId: groups.mariojela },
          { personId: people.dewi, groupId: groups.ksb, answer: "maybe", answeredAt: wita("2022-01-20T09:30:00") },
          { personId: people.eko, groupId: groups.ksb },
          { personId: people.lurah, stakeholderId: lurah, answer: "yes", answeredAt: wita("2022-01-20T09:40:00") },
        ],
      },
    },
  });
  meetingId = meeting.id;
  // Another meeting a month later, sharing nothing but the table.
  otherMeetingId = (
    await db.prisma.meeting.create({
      data: {
        title: "Rapat lain",
        startsAt: wita("2022-02-25T09:00:00"),
        place: "Kantor",
        audience: {},
        checkInCode: "ZZZ999",
        createdById: staff,
        invitations: { create: [{ personId: people.dewi, groupId: groups.ksb }] },
      },
    })
  ).id;
});

afterAll(() => db?.drop());

beforeEach(() => {
  now = wita("2022-01-20T10:00:00");
});

describe("/rapat: the tally for staff", () => {
  it("counts by answer and by group/institution, and names who has not answered", async () => {
    const view = await staffMeetingView(deps, meetingId, staff);
    if (view.kind !== "ok") throw new Error(view.kind);
    expect(view.phase).toBe("upcoming");
    expect(view.opensAt).toBe(wita("2022-01-25T08:00:00").toISOString());
    expect(view.tally.counts).toEqual({ yes: 3, no: 1, maybe: 1, none: 2, total: 7, checkedIn: 0 });
    const units = Object.fromEntries(view.tally.units.map((u) => [u.name, { total: u.total, yes: u.yes, no: u.no, maybe: u.maybe, none: u.none }]));
    expect(units).toEqual({
      "Mariojela": { total: 4, yes: 2, no: 1, maybe: 0, none: 1 },
      "KSB Margasari": { total: 2, yes: 0, no: 0, maybe: 1, none: 1 },
      "Lurah Margasari": { total: 1, yes: 1, no: 0, maybe: 0, none: 0 },
    });
    expect(view.tally.unanswered.map((p) => [p.name, p.reachable])).toEqual([
      ["Mbah Darmo", false],
      ["Eko", true],
    ]);
    expect(view.tally.declined.map((p) => [p.name, p.reason])).toEqual([["Budi", "Sakit"]]);
  });

  it("lists upcoming meetings soonest first and the last 30 days' latest first", async () => {
    now = wita("2022-02-10T10:00:00");
    const list = await listStaffMeetings(deps, staff);
    if (list.kind !== "ok") throw new Error(list.kind);
    expect(list.upcoming.map((m) => [m.id, m.phase])).toEqual([[otherMeetingId, "upcoming"]]);
    expect(list.recent.map((m) => [m.id, m.phase, m.invited])).toEqual([[meetingId, "past", 7]]);
    now = wita("2022-03-20T10:00:00"); // the FGD is more than 30 days ago now
    const later = await listStaffMeetings(deps, staff);
    expect(later.kind === "ok" && later.recent.map((m) => m.id)).toEqual([otherMeetingId]);
  });

  it("refuses a member everywhere, and answers an unknown meeting id with not-found", async () => {
    expect((await listStaffMeetings(deps, member)).kind).toBe("not-allowed");
    expect((await staffMeetingView(deps, meetingId, member)).kind).toBe("not-allowed");
    expect((await presentPicker(deps, meetingId, member, 0)).kind).toBe("not-allowed");
    expect((await staffMarkPresent(deps, meetingId, member, member)).kind).toBe("not-allowed");
    expect((await attendanceData(deps, meetingId, member)).kind).toBe("not-allowed");
    expect((await staffMeetingView(deps, 999_999, staff)).kind).toBe("not-found");
    expect((await presentPicker(deps, 999_999, staff, 0)).kind).toBe("not-found");
    expect((await staffMarkPresent(deps, 999_999, member, staff)).kind).toBe("not-found");
    expect(await db.prisma.invitation.count({ where: { meetingId, checkedInAt: { not: null } } })).toBe(0);
  });

  it("stops trusting a staff member whose role was taken away or who was erased", async () => {
    const former = (await db.prisma.person.create({ data: { name: "Mantan petugas", staffRole: "staff", status: "erased" } })).id;
    expect((await staffMeetingView(deps, meetingId, former)).kind).toBe("not-allowed");
  });
});

describe("check-in with a fixed clock", () => {
  it("refuses before the window, says when it opens, and records nothing", async () => {
    now = wita("2022-01-25T07:59:59");
    const result = await checkInByCode(deps.checkIn, { personId: member, code: CODE });
    expect(result).toMatchObject({ kind: "not-yet", meetingId, opensAt: wita("2022-01-25T08:00:00") });
    expect(await openCheckIns(deps.checkIn, member)).toEqual([]);
    expect((await staffMarkPresent(deps, meetingId, people.mbah!, staff)).kind).toBe("not-yet");
  });

  it("records by code (any case) inside the window, once", async () => {
    now = wita("2022-01-25T08:00:00");
    const first = await checkInByCode(deps.checkIn, { personId: member, code: " k7q2mx " });
    expect(first).toMatchObject({ kind: "checked-in", meetingId, title: "FGD Evaluasi Program TJSL", at: now });
    now = wita("2022-01-25T08:05:00");
    const again = await checkInByCode(deps.checkIn, { personId: member, code: CODE });
    expect(again).toMatchObject({ kind: "already", at: wita("2022-01-25T08:00:00") });
    const row = await db.prisma.invitation.findUniqueOrThrow({ where: { meetingId_personId: { meetingId, personId: member } } });
    expect(row).toMatchObject({ checkedInAt: wita("2022-01-25T08:00:00"), checkInMethod: "code", checkedInById: null });
  });

  it("answers a wrong code, a person not invited, and refuses both", async () => {
    now = wita("2022-01-25T09:10:00");
    expect(await checkInByCode(deps.checkIn, { personId: people.dewi!, code: "K7Q2MY" })).toEqual({ kind: "wrong-code" });
    expect(await checkInByCode(deps.checkIn, { personId: people.dewi!, code: "!!" })).toEqual({ kind: "wrong-code" });
    expect(await checkInByCode(deps.checkIn, { personId: people.outsider!, code: CODE })).toMatchObject({ kind: "not-invited", meetingId });
    expect(await db.prisma.invitation.count({ where: { personId: people.outsider! } })).toBe(0);
  });

  it("offers «Saya hadir» during the window and records the button press; a forged meeting id is refused", async () => {
    now = wita("2022-01-25T10:00:00");
    const open = await openCheckIns(deps.checkIn, people.siti!);
    expect(open.map((m) => [m.meetingId, m.checkedInAt])).toEqual([[meetingId, null]]);
    expect(await checkInByButton(deps.checkIn, { personId: people.siti!, meetingId })).toMatchObject({ kind: "checked-in", meetingId });
    expect((await openCheckIns(deps.checkIn, people.siti!))[0]?.checkedInAt).toEqual(now);
    expect(await checkInByButton(deps.checkIn, { personId: people.siti!, meetingId: 999_999 })).toEqual({ kind: "not-found" });
    // Dewi is invited to the other meeting, whose window is not open: the button says so.
    expect((await checkInByButton(deps.checkIn, { personId: people.dewi!, meetingId: otherMeetingId })).kind).toBe("not-yet");
    expect((await checkInByButton(deps.checkIn, { personId: people.outsider!, meetingId })).kind).toBe("not-invited");
  });

  it("lets staff mark present by hand from a paged picker of those not checked in", async () => {
    now = wita("2022-01-25T09:30:00");
    const picker = await presentPicker(deps, meetingId, staff, 0);
    if (picker.kind !== "ok") throw new Error(picker.kind);
    expect(picker.people.map((p) => p.name)).toEqual(["Budi", "Dewi", "Eko", "Mbah Darmo", "Pak Lurah"]);
    expect([picker.page, picker.pages, picker.checkedIn, picker.notCheckedIn]).toEqual([0, 1, 2, 5]);
    expect((await presentPicker(deps, meetingId, staff, 7)).kind === "ok").toBe(true); // a page beyond the end is clamped

    expect(await staffMarkPresent(deps, meetingId, people.mbah!, staff)).toMatchObject({ kind: "checked-in", meetingId });
    expect(await staffMarkPresent(deps, meetingId, people.mbah!, staff)).toMatchObject({ kind: "already" });
    expect((await staffMarkPresent(deps, meetingId, people.outsider!, staff)).kind).toBe("not-invited");
    const row = await db.prisma.invitation.findUniqueOrThrow({ where: { meetingId_personId: { meetingId, personId: people.mbah! } } });
    expect(row).toMatchObject({ checkInMethod: "staff", checkedInById: staff, checkedInAt: now });

    const view = await staffMeetingView(deps, meetingId, staff);
    expect(view.kind === "ok" && [view.phase, view.tally.counts.checkedIn]).toEqual(["open", 3]);
  });

  it("closes three hours after the start for invitees; staff can still catch up", async () => {
    now = wita("2022-01-25T12:00:00");
    expect(await checkInByCode(deps.checkIn, { personId: people.eko!, code: CODE })).toMatchObject({ kind: "closed" });
    expect(await openCheckIns(deps.checkIn, people.eko!)).toEqual([]);
    expect(await staffMarkPresent(deps, meetingId, people.lurah!, staff)).toMatchObject({ kind: "checked-in" });
  });

  it("gives the daftar hadir data with group, role, answer and check-in", async () => {
    now = wita("2022-01-25T13:00:00");
    const data = await attendanceData(deps, meetingId, staff);
    if (data.kind !== "ok") throw new Error(data.kind);
    const byName = Object.fromEntries(data.invitees.map((i) => [i.name, i]));
    expect(data.invitees).toHaveLength(7);
    expect(byName.Siti).toMatchObject({ role: "coordinator", answer: "yes", checkInMethod: "button", affiliation: { kind: "group", name: "Mariojela" } });
    expect(byName["Pak Lurah"]).toMatchObject({ role: "stakeholder", checkInMethod: "staff", affiliation: { kind: "stakeholder", name: "Lurah Margasari" } });
    expect(byName.Eko).toMatchObject({ role: "member", answer: null, checkedInAt: null });
  });
});

describe("a cancelled meeting", () => {
  it("has no check-in, neither by code nor by staff, and shows as cancelled", async () => {
    now = wita("2022-02-24T09:00:00");
    const cancelled = await cancelMeeting(deps.meetings, otherMeetingId, staff);
    expect(cancelled.kind).toBe("cancelled");
    now = wita("2022-02-25T09:00:00");
    expect(await checkInByCode(deps.checkIn, { personId: people.dewi!, code: "zzz999" })).toMatchObject({ kind: "cancelled", meetingId: otherMeetingId });
    expect((await staffMarkPresent(deps, otherMeetingId, people.dewi!, staff)).kind).toBe("cancelled");
    const view = await staffMeetingView(deps, otherMeetingId, staff);
    expect(view.kind === "ok" && view.phase).toBe("cancelled");
  });
});
