import type { AttendanceInvitee } from "./meeting.attendance.js";
import { checkInWindow, windowState } from "./meeting.checkin.js";
import { markPresent, type CheckInDeps, type CheckInResult } from "./meeting.checkin.service.js";
import { meetingTally, meetingView, type MeetingView, type Tally } from "./meeting.manage.js";
import type { MeetingDeps } from "./meeting.service.js";
import type { InviteeChoice, StaffRepository } from "./meeting.staff.repository.js";

/**
 * The staff side of meetings: the /rapat list, one meeting's view (built on meetingTally),
 * marking someone present by hand, and the data of the daftar hadir. Every function checks
 * staff rights from the database first: a button press is never trusted. Results are
 * JSON-safe (dates as ISO strings).
 */

export type StaffDeps = {
  meetings: MeetingDeps;
  staff: StaffRepository;
  checkIn: CheckInDeps;
};

type Refused = { kind: "not-allowed" } | { kind: "not-found" };

/** How far back /rapat looks. */
export const RECENT_DAYS = 30;
/** Buttons per section of the /rapat list. */
export const LIST_LIMIT = 10;
/** Names per page of the «Tandai hadir» picker. */
export const PICKER_PAGE_SIZE = 8;

/** Where a meeting stands for staff: still to come, check-in open, over, or cancelled. */
export type MeetingPhase = "upcoming" | "open" | "past" | "cancelled";

export type StaffMeetingItem = { id: number; title: string; startsAt: string; phase: MeetingPhase; invited: number };

export function meetingPhase(deps: Pick<StaffDeps, "checkIn">, meeting: { startsAt: Date; status: "scheduled" | "cancelled" }, now: Date): MeetingPhase {
  if (meeting.status === "cancelled") return "cancelled";
  const state = windowState(now, meeting.startsAt, deps.checkIn.window);
  return state === "not-yet" ? "upcoming" : state === "open" ? "open" : "past";
}

/** /rapat: meetings not over yet (soonest first) and those of the last 30 days (latest first). */
export async function listStaffMeetings(
  deps: StaffDeps,
  by: number,
): Promise<{ kind: "not-allowed" } | { kind: "ok"; upcoming: StaffMeetingItem[]; recent: StaffMeetingItem[] }> {
  if (!(await deps.meetings.repo.isStaff(by))) return { kind: "not-allowed" };
  const now = deps.meetings.clock();
  const rows = await deps.staff.meetingsSince(new Date(now.getTime() - RECENT_DAYS * 86_400_000), 200);
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    phase: meetingPhase(deps, r, now),
    invited: r.invited,
    over: checkInWindow(r.startsAt, deps.checkIn.window).closesAt.getTime() <= now.getTime(),
  }));
  const strip = ({ over: _over, ...item }: (typeof items)[number]): StaffMeetingItem => item;
  return {
    kind: "ok",
    upcoming: items.filter((i) => !i.over).slice(0, LIST_LIMIT).map(strip),
    recent: items.filter((i) => i.over).reverse().slice(0, LIST_LIMIT).map(strip),
  };
}

export type StaffMeetingView = {
  kind: "ok";
  tally: Tally;
  phase: MeetingPhase;
  /** check-in window, ISO */
  opensAt: string;
  closesAt: string;
};

/** One meeting for staff: the tally (by answer, by group/institution, who has not answered) and where it stands. */
export async function staffMeetingView(deps: StaffDeps, meetingId: number, by: number): Promise<StaffMeetingView | Refused> {
  const tally = await meetingTally(deps.meetings, meetingId, by);
  if (tally.kind !== "ok") return tally;
  const startsAt = new Date(tally.meeting.startsAt);
  const window = checkInWindow(startsAt, deps.checkIn.window);
  return {
    kind: "ok",
    tally,
    phase: meetingPhase(deps, { startsAt, status: tally.meeting.status }, deps.meetings.clock()),
    opensAt: window.opensAt.toISOString(),
    closesAt: window.closesAt.toISOString(),
  };
}

/** A meeting that staff may act on, or why not. */
export async function staffMeeting(deps: StaffDeps, meetingId: number, by: number): Promise<{ kind: "ok"; meeting: MeetingView } | Refused> {
  if (!(await deps.meetings.repo.isStaff(by))) return { kind: "not-allowed" };
  const meeting = await deps.meetings.repo.meeting(meetingId);
  return meeting ? { kind: "ok", meeting: meetingView(meeting) } : { kind: "not-found" };
}

export type PickerPage = {
  kind: "ok";
  meeting: MeetingView;
  /** invitees not checked in yet, on this page */
  people: Array<{ personId: number; name: string | null; erased: boolean }>;
  page: number;
  pages: number;
  notCheckedIn: number;
  checkedIn: number;
};

const collator = new Intl.Collator("id", { sensitivity: "base", numeric: true });

function byName(a: InviteeChoice, b: InviteeChoice): number {
  if (a.name === null || b.name === null) return a.name === b.name ? a.personId - b.personId : a.name === null ? 1 : -1;
  return collator.compare(a.name, b.name) || a.personId - b.personId;
}

/** «Tandai hadir»: the invitees not checked in yet, by name, one page (the page is clamped). */
export async function presentPicker(deps: StaffDeps, meetingId: number, by: number, page: number): Promise<PickerPage | Refused> {
  const found = await staffMeeting(deps, meetingId, by);
  if (found.kind !== "ok") return found;
  const choices = await deps.staff.inviteeChoices(meetingId);
  // Someone whose data was erased is not offered: nothing could be shown to recognise them.
  const open = choices.filter((c) => !c.checkedIn && !c.erased).sort(byName);
  const pages = Math.max(1, Math.ceil(open.length / PICKER_PAGE_SIZE));
  const current = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  return {
    kind: "ok",
    meeting: found.meeting,
    people: open.slice(current * PICKER_PAGE_SIZE, (current + 1) * PICKER_PAGE_SIZE).map(({ personId, name, erased }) => ({ personId, name, erased })),
    page: current,
    pages,
    notCheckedIn: open.length,
    checkedIn: choices.filter((c) => c.checkedIn).length,
  };
}

export type StaffMarkResult = { kind: "not-allowed" } | CheckInResult;

/** Staff mark an invitee present by hand (for someone without a phone). */
export async function staffMarkPresent(deps: StaffDeps, meetingId: number, personId: number, by: number): Promise<StaffMarkResult> {
  if (!(await deps.meetings.repo.isStaff(by))) return { kind: "not-allowed" };
  return markPresent(deps.checkIn, { staffPersonId: by, meetingId, personId });
}

/** The data of the daftar hadir. */
export async function attendanceData(
  deps: StaffDeps,
  meetingId: number,
  by: number,
): Promise<{ kind: "ok"; meeting: MeetingView; invitees: AttendanceInvitee[] } | Refused> {
  const found = await staffMeeting(deps, meetingId, by);
  if (found.kind !== "ok") return found;
  return { kind: "ok", meeting: found.meeting, invitees: await deps.staff.attendanceInvitees(meetingId) };
}
