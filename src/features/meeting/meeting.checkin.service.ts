import type { Clock } from "../../app-deps.js";
import {
  assessCheckIn,
  checkInWindow,
  normaliseCheckInCode,
  openWindowStarts,
  pickCandidate,
  type Assessment,
  type CheckInCandidate,
  type CheckInWindowSettings,
} from "./meeting.checkin.js";
import type { CheckInMethodName, CheckInRepository } from "./meeting.checkin.repository.js";

/**
 * Checking in at a meeting: by `/hadir <code>`, by the «Saya hadir» button that `/hadir`
 * shows during the window, and by staff for someone without a phone. Expected refusals are
 * values; nothing here throws for a person's mistake.
 */

export type CheckInDeps = {
  checkIns: CheckInRepository;
  clock: Clock;
  window: CheckInWindowSettings;
};

/** How far from now a typed code is looked for: older or later meetings do not match it. */
const CODE_LOOKBACK_DAYS = 30;
const CODE_LOOKAHEAD_DAYS = 120;
/** Codes are 4–12 letters and digits; anything else is not a code. */
const CODE_PATTERN = /^[A-Z0-9]{4,12}$/;

type MeetingRef = { meetingId: number; title: string; startsAt: Date };

export type CheckInResult =
  | ({ kind: "checked-in"; at: Date } & MeetingRef)
  | ({ kind: "already"; at: Date } & MeetingRef)
  | ({ kind: "not-yet"; opensAt: Date } & MeetingRef)
  | ({ kind: "closed" } & MeetingRef)
  | ({ kind: "cancelled" } & MeetingRef)
  | ({ kind: "not-invited" } & MeetingRef)
  | { kind: "wrong-code" }
  | { kind: "not-found" };

async function complete(
  deps: CheckInDeps,
  candidate: CheckInCandidate,
  assessment: Assessment,
  method: CheckInMethodName,
  byPersonId: number | null,
  now: Date,
): Promise<CheckInResult> {
  const ref: MeetingRef = { meetingId: candidate.meetingId, title: candidate.title, startsAt: candidate.startsAt };
  switch (assessment.kind) {
    case "ready": {
      if (await deps.checkIns.recordCheckIn(assessment.invitationId, now, method, byPersonId)) return { kind: "checked-in", at: now, ...ref };
      // Someone (a double press, staff) recorded it a moment ago.
      const at = await deps.checkIns.checkedInAt(assessment.invitationId);
      return { kind: "already", at: at ?? now, ...ref };
    }
    case "already":
      return { kind: "already", at: assessment.checkedInAt, ...ref };
    case "not-yet":
      return { kind: "not-yet", opensAt: assessment.opensAt, ...ref };
    default:
      return { kind: assessment.kind, ...ref };
  }
}

/** `/hadir <code>`: the code shown in the room, typed by an invitee. */
export async function checkInByCode(deps: CheckInDeps, input: { personId: number; code: string }): Promise<CheckInResult> {
  const code = normaliseCheckInCode(input.code);
  if (!CODE_PATTERN.test(code)) return { kind: "wrong-code" };
  const now = deps.clock();
  const candidates = await deps.checkIns.meetingsByCode(code, input.personId, {
    since: new Date(now.getTime() - CODE_LOOKBACK_DAYS * 86_400_000),
    until: new Date(now.getTime() + CODE_LOOKAHEAD_DAYS * 86_400_000),
  });
  const picked = pickCandidate(candidates, now, deps.window);
  if (!picked) return { kind: "wrong-code" };
  return complete(deps, picked.candidate, picked.assessment, "code", null, now);
}

/** The «Saya hadir» button: the meeting id comes from the button and is checked like anything a user sends. */
export async function checkInByButton(deps: CheckInDeps, input: { personId: number; meetingId: number }): Promise<CheckInResult> {
  const now = deps.clock();
  const candidate = await deps.checkIns.meetingFor(input.meetingId, input.personId);
  if (!candidate) return { kind: "not-found" };
  return complete(deps, candidate, assessCheckIn(candidate, now, deps.window), "button", null, now);
}

/**
 * Staff mark an invitee present by hand (someone without a phone). Staff rights are checked
 * by the caller (the staff service); here only the meeting and the invitation count. Allowed
 * from the opening of the window on, also after it closed (staff catch up afterwards).
 */
export async function markPresent(
  deps: CheckInDeps,
  input: { staffPersonId: number; meetingId: number; personId: number },
): Promise<CheckInResult> {
  const now = deps.clock();
  const candidate = await deps.checkIns.meetingFor(input.meetingId, input.personId);
  if (!candidate) return { kind: "not-found" };
  const assessment = assessCheckIn(candidate, now, deps.window);
  const effective: Assessment =
    assessment.kind === "closed" && candidate.invitation ? { kind: "ready", invitationId: candidate.invitation.invitationId } : assessment;
  return complete(deps, candidate, effective, "staff", input.staffPersonId, now);
}

export type OpenCheckIn = MeetingRef & { checkedInAt: Date | null; closesAt: Date };

/** `/hadir` without a code: the meetings this person is invited to whose window is open now. */
export async function openCheckIns(deps: CheckInDeps, personId: number): Promise<OpenCheckIn[]> {
  const now = deps.clock();
  const rows = await deps.checkIns.invitedMeetingsStarting(personId, openWindowStarts(now, deps.window));
  return rows.map((m) => ({
    meetingId: m.meetingId,
    title: m.title,
    startsAt: m.startsAt,
    checkedInAt: m.invitation?.checkedInAt ?? null,
    closesAt: checkInWindow(m.startsAt, deps.window).closesAt,
  }));
}
