import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import {
  assessCheckIn,
  checkInWindow,
  codesMatch,
  DEFAULT_CHECKIN_WINDOW,
  normaliseCheckInCode,
  openWindowStarts,
  pickCandidate,
  windowState,
  type CheckInCandidate,
} from "../../src/features/meeting/meeting.checkin.js";

/** A time in WITA (UTC+8), written as people read it. */
const wita = (local: string) => new Date(`${local}+08:00`);
/** Selasa, 25 Januari 2022 pukul 09.00 WITA. */
const START = wita("2022-01-25T09:00:00");
const W = DEFAULT_CHECKIN_WINDOW;

describe("the check-in window (default: 60 minutes before to 180 minutes after the start)", () => {
  it("opens one hour before the start and closes three hours after it", () => {
    const window = checkInWindow(START, W);
    expect(window.opensAt).toEqual(wita("2022-01-25T08:00:00"));
    expect(window.closesAt).toEqual(wita("2022-01-25T12:00:00"));
  });

  it.each([
    ["2022-01-24T09:00:00", "not-yet"],
    ["2022-01-25T07:59:59", "not-yet"],
    ["2022-01-25T07:59:59.999", "not-yet"],
    ["2022-01-25T08:00:00", "open"],
    ["2022-01-25T08:00:00.001", "open"],
    ["2022-01-25T09:00:00", "open"],
    ["2022-01-25T11:59:59.999", "open"],
    ["2022-01-25T12:00:00", "closed"],
    ["2022-01-25T12:00:01", "closed"],
    ["2022-01-26T09:00:00", "closed"],
  ] as const)("at %s WITA it is %s", (local, state) => {
    expect(windowState(wita(local), START, W)).toBe(state);
  });

  it("takes its edges from the settings (MEETING_CHECKIN_BEFORE/AFTER_MINUTES)", () => {
    const settings = { beforeMinutes: 30, afterMinutes: 60 };
    expect(windowState(wita("2022-01-25T08:29:59"), START, settings)).toBe("not-yet");
    expect(windowState(wita("2022-01-25T08:30:00"), START, settings)).toBe("open");
    expect(windowState(wita("2022-01-25T09:59:59"), START, settings)).toBe("open");
    expect(windowState(wita("2022-01-25T10:00:00"), START, settings)).toBe("closed");
    const none = { beforeMinutes: 0, afterMinutes: 1 };
    expect(windowState(wita("2022-01-25T08:59:59"), START, none)).toBe("not-yet");
    expect(windowState(START, START, none)).toBe("open");
  });

  it("is configured by MEETING_CHECKIN_BEFORE_MINUTES and MEETING_CHECKIN_AFTER_MINUTES (default 60 and 180)", () => {
    const base = { DATABASE_URL: "postgresql://localhost/x" };
    expect(loadConfig(base)).toMatchObject({ meetingCheckInBeforeMinutes: 60, meetingCheckInAfterMinutes: 180 });
    const set = loadConfig({ ...base, MEETING_CHECKIN_BEFORE_MINUTES: "30", MEETING_CHECKIN_AFTER_MINUTES: "240" });
    expect(set).toMatchObject({ meetingCheckInBeforeMinutes: 30, meetingCheckInAfterMinutes: 240 });
    expect(() => loadConfig({ ...base, MEETING_CHECKIN_AFTER_MINUTES: "0" })).toThrow(/MEETING_CHECKIN_AFTER_MINUTES/);
  });

  it("spans midnight and the year's end in WITA (a meeting at 23.30 on 31 December)", () => {
    const start = wita("2026-12-31T23:30:00");
    expect(windowState(wita("2026-12-31T22:29:59"), start, W)).toBe("not-yet");
    expect(windowState(wita("2027-01-01T02:29:59"), start, W)).toBe("open");
    expect(windowState(wita("2027-01-01T02:30:00"), start, W)).toBe("closed");
  });

  it("gives the range of starts whose window is open now, matching windowState at the edges", () => {
    const now = wita("2022-01-25T08:00:00");
    const range = openWindowStarts(now, W);
    expect(range.startsAtOrBefore).toEqual(START); // a meeting at 09.00 has just opened
    expect(range.startsAfter).toEqual(wita("2022-01-25T05:00:00")); // one at 05.00 has just closed
    expect(windowState(now, range.startsAtOrBefore, W)).toBe("open");
    expect(windowState(now, range.startsAfter, W)).toBe("closed");
  });
});

describe("check-in codes", () => {
  it("ignore case, spaces and dashes", () => {
    expect(normaliseCheckInCode(" k7q 2mx ")).toBe("K7Q2MX");
    expect(normaliseCheckInCode("k7q-2mx")).toBe("K7Q2MX");
    expect(normaliseCheckInCode("Ｋ７Ｑ２ＭＸ")).toBe("K7Q2MX"); // full-width, from some keyboards
    expect(codesMatch("k7q2mx", "K7Q2MX")).toBe(true);
    expect(codesMatch("K7Q2MY", "K7Q2MX")).toBe(false);
    expect(codesMatch("", "")).toBe(false);
  });
});

describe("who may check in", () => {
  const candidate = (over: Partial<CheckInCandidate> = {}): CheckInCandidate => ({
    meetingId: 1,
    title: "FGD",
    startsAt: START,
    status: "scheduled",
    invitation: { invitationId: 10, checkedInAt: null },
    ...over,
  });
  const during = wita("2022-01-25T09:15:00");

  it("an invitee during the window", () => {
    expect(assessCheckIn(candidate(), during, W)).toEqual({ kind: "ready", invitationId: 10 });
  });

  it("refuses, each with its reason: cancelled, not invited, too early, too late; twice is 'already'", () => {
    expect(assessCheckIn(candidate({ status: "cancelled" }), during, W).kind).toBe("cancelled");
    expect(assessCheckIn(candidate({ invitation: null }), during, W).kind).toBe("not-invited");
    expect(assessCheckIn(candidate(), wita("2022-01-25T07:00:00"), W)).toEqual({ kind: "not-yet", opensAt: wita("2022-01-25T08:00:00") });
    expect(assessCheckIn(candidate(), wita("2022-01-25T12:00:00"), W).kind).toBe("closed");
    const at = wita("2022-01-25T08:40:00");
    expect(assessCheckIn(candidate({ invitation: { invitationId: 10, checkedInAt: at } }), during, W)).toEqual({ kind: "already", checkedInAt: at });
  });

  it("with a code that two meetings share, picks the one the person can check in at, then the nearest", () => {
    const old = candidate({ meetingId: 1, startsAt: wita("2022-01-10T09:00:00") });
    const today = candidate({ meetingId: 2 });
    const notInvited = candidate({ meetingId: 3, invitation: null, startsAt: wita("2022-01-25T09:30:00") });
    expect(pickCandidate([old, notInvited, today], during, W)?.candidate.meetingId).toBe(2);
    expect(pickCandidate([old, notInvited], during, W)?.candidate.meetingId).toBe(1); // closed beats not invited
    const later = candidate({ meetingId: 4, startsAt: wita("2022-02-25T09:00:00") });
    expect(pickCandidate([later, old], during, W)?.candidate.meetingId).toBe(4); // not yet beats closed
    expect(pickCandidate([], during, W)).toBeNull();
  });
});
