/**
 * The rules of checking in at a meeting, as pure functions: when the check-in window is open,
 * how a typed code is compared, and which of several meetings sharing a code a person means.
 */

export type CheckInWindowSettings = {
  /** minutes before the start when check-in opens (MEETING_CHECKIN_BEFORE_MINUTES, default 60) */
  beforeMinutes: number;
  /** minutes after the start when check-in closes (MEETING_CHECKIN_AFTER_MINUTES, default 180) */
  afterMinutes: number;
};

export const DEFAULT_CHECKIN_WINDOW: CheckInWindowSettings = { beforeMinutes: 60, afterMinutes: 180 };

export type CheckInWindow = { opensAt: Date; closesAt: Date };

/** The window of a meeting: open from `opensAt` (included) until `closesAt` (excluded). */
export function checkInWindow(startsAt: Date, settings: CheckInWindowSettings): CheckInWindow {
  return {
    opensAt: new Date(startsAt.getTime() - settings.beforeMinutes * 60_000),
    closesAt: new Date(startsAt.getTime() + settings.afterMinutes * 60_000),
  };
}

export type WindowState = "not-yet" | "open" | "closed";

export function windowState(now: Date, startsAt: Date, settings: CheckInWindowSettings): WindowState {
  const { opensAt, closesAt } = checkInWindow(startsAt, settings);
  if (now.getTime() < opensAt.getTime()) return "not-yet";
  if (now.getTime() >= closesAt.getTime()) return "closed";
  return "open";
}

/**
 * The starts of meetings whose window is open at `now`: opensAt ≤ now < closesAt, i.e.
 * now − after < startsAt ≤ now + before. Used to query the database.
 */
export function openWindowStarts(now: Date, settings: CheckInWindowSettings): { startsAfter: Date; startsAtOrBefore: Date } {
  return {
    startsAfter: new Date(now.getTime() - settings.afterMinutes * 60_000),
    startsAtOrBefore: new Date(now.getTime() + settings.beforeMinutes * 60_000),
  };
}

/** A code as typed ("k7q 2mx", "K7Q-2MX") compared as written on the screen in the room: case, spaces and dashes ignored. */
export function normaliseCheckInCode(text: string): string {
  return text.normalize("NFKC").replace(/[\s\-–—_.]/g, "").toUpperCase();
}

export function codesMatch(typed: string, stored: string): boolean {
  const a = normaliseCheckInCode(typed);
  return a.length > 0 && a === normaliseCheckInCode(stored);
}

/** One meeting as check-in sees it, with the presser's invitation to it (if any). */
export type CheckInCandidate = {
  meetingId: number;
  title: string;
  startsAt: Date;
  status: "scheduled" | "cancelled";
  invitation: { invitationId: number; checkedInAt: Date | null } | null;
};

export type Assessment =
  | { kind: "ready"; invitationId: number }
  | { kind: "already"; checkedInAt: Date }
  | { kind: "not-yet"; opensAt: Date }
  | { kind: "closed" }
  | { kind: "cancelled" }
  | { kind: "not-invited" };

/**
 * Whether this person can check in at this meeting now. A person who was not invited is
 * refused (not recorded as a walk-in): staff can still mark them present by hand only if they
 * are on the invitation list, so the list stays the one staff sent out.
 */
export function assessCheckIn(candidate: CheckInCandidate, now: Date, settings: CheckInWindowSettings): Assessment {
  if (candidate.status === "cancelled") return { kind: "cancelled" };
  if (!candidate.invitation) return { kind: "not-invited" };
  if (candidate.invitation.checkedInAt) return { kind: "already", checkedInAt: candidate.invitation.checkedInAt };
  const state = windowState(now, candidate.startsAt, settings);
  if (state === "not-yet") return { kind: "not-yet", opensAt: checkInWindow(candidate.startsAt, settings).opensAt };
  if (state === "closed") return { kind: "closed" };
  return { kind: "ready", invitationId: candidate.invitation.invitationId };
}

const PRIORITY: Record<Assessment["kind"], number> = { ready: 0, already: 1, "not-yet": 2, closed: 3, cancelled: 4, "not-invited": 5 };

/**
 * Codes are short, so two meetings may share one. The person most likely means the one they
 * can check in at; then the one they already checked in at; then the nearest in time.
 */
export function pickCandidate(
  candidates: CheckInCandidate[],
  now: Date,
  settings: CheckInWindowSettings,
): { candidate: CheckInCandidate; assessment: Assessment } | null {
  let best: { candidate: CheckInCandidate; assessment: Assessment } | null = null;
  for (const candidate of candidates) {
    const assessment = assessCheckIn(candidate, now, settings);
    if (!best) {
      best = { candidate, assessment };
      continue;
    }
    const byKind = PRIORITY[assessment.kind] - PRIORITY[best.assessment.kind];
    const byDistance =
      Math.abs(candidate.startsAt.getTime() - now.getTime()) - Math.abs(best.candidate.startsAt.getTime() - now.getTime());
    if (byKind < 0 || (byKind === 0 && byDistance < 0)) best = { candidate, assessment };
  }
  return best;
}
