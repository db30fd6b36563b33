import { TZDate } from "@date-fns/tz";
import { randomInt } from "node:crypto";
import type { Clock } from "../../app-deps.js";
import type { OutgoingRequest } from "../../jobs/outgoing.types.js";
import { isEmptyAudience, resolveAudience, type Audience, type Candidate } from "../people/people.audience.js";
import type { AudienceOptions, MeetingRepository } from "./meeting.repository.js";
import type { InvitationHead } from "./meeting.texts.js";

/**
 * The rules of meetings: creating one (with its invitations and reminders), what the
 * outgoing messages are called, and when reminders go out. Plain functions; the queue is
 * reached through `MeetingOutbox`, which the feature wires to the outgoing-message queue.
 * Staff-side services (tally, re-send, reschedule, cancel) live in meeting.manage.ts.
 */

/** The queue as meetings need it: outgoing messages and the one-off reminder fan-out jobs. */
export type MeetingOutbox = {
  enqueue(requests: OutgoingRequest[]): Promise<void>;
  /** drops messages not sent yet (their rows become "skipped") */
  cancel(keys: string[]): Promise<void>;
  scheduleReminder(job: ReminderJob, runAt: Date): Promise<void>;
  unscheduleReminders(jobIds: string[]): Promise<void>;
};

export type MeetingDeps = {
  repo: Pick<MeetingRepository, keyof MeetingRepository>;
  clock: Clock;
  timeZone: string;
  outbox: MeetingOutbox;
  /** the check-in code generator (tests pin it) */
  newCheckInCode?: () => string;
  logger: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
};

export const PURPOSE = {
  invite: "meeting-invite",
  reminderDay: "meeting-reminder-day",
  reminder2h: "meeting-reminder-2h",
  rescheduled: "meeting-rescheduled",
  cancelled: "meeting-cancelled",
} as const;

/** The first line of each message that carries the answer buttons, by its purpose. */
export const HEAD_OF_PURPOSE = {
  [PURPOSE.invite]: "invite",
  [PURPOSE.reminderDay]: "reminder-day",
  [PURPOSE.reminder2h]: "reminder-2h",
  [PURPOSE.rescheduled]: "rescheduled",
} as const satisfies Record<string, InvitationHead>;

/** The head of a sent message with answer buttons (an invitation when the purpose has none). */
export function headOfPurpose(purpose: string): InvitationHead {
  return (HEAD_OF_PURPOSE as Record<string, InvitationHead>)[purpose] ?? "invite";
}

export type ReminderKind = "day" | "2h";
/** The payload of a reminder fan-out job: ids only, plus the start it was scheduled for. */
export type ReminderJob = { jobId: string; meetingId: number; kind: ReminderKind; startsAtEpoch: number };

export const TITLE_MAX = 120;
export const PLACE_MAX = 200;
export const AGENDA_MAX = 1000;
export const REASON_MAX = 500;

/** Seconds since 1970: what the keys of time-bound messages carry, so a moved meeting gets new ones. */
export function epochOf(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

export const keys = {
  invite: (meetingId: number, personId: number) => `invite-${meetingId}-${personId}`,
  resend: (meetingId: number, personId: number, round: number) => `invite-${meetingId}-${personId}-r${round}`,
  reminder: (kind: ReminderKind, meetingId: number, personId: number, startsAtEpoch: number) => `remind-${kind}-${meetingId}-${personId}-${startsAtEpoch}`,
  moved: (meetingId: number, personId: number, startsAtEpoch: number) => `moved-${meetingId}-${personId}-${startsAtEpoch}`,
  cancelled: (meetingId: number, personId: number) => `cancelled-${meetingId}-${personId}`,
  reminderJob: (meetingId: number, kind: ReminderKind, startsAtEpoch: number) => `meeting-reminder-${meetingId}-${kind}-${startsAtEpoch}`,
};

/** The start epoch a time-bound key was made for (the last dash-separated number), or null. */
export function keyEpoch(key: string): number | null {
  const m = /-(\d+)$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The re-send round of an invitation key (`invite-1-2-r3` → 3; the first invitation → 0). */
export function resendRound(key: string): number {
  const m = /-r(\d+)$/.exec(key);
  return m ? Number(m[1]) : 0;
}

/**
 * When a meeting's reminders go out: the day before at 09:00 and two hours before the start,
 * in the deployment's zone. A reminder whose time has already come at `now` is left out
 * (a meeting made less than a day, or two hours, ahead).
 */
export function reminderTimes(startsAt: Date, now: Date, zone: string): Array<{ kind: ReminderKind; at: Date }> {
  const local = new TZDate(startsAt.getTime(), zone);
  const dayBefore = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, 9, 0, 0, 0, zone);
  const times: Array<{ kind: ReminderKind; at: Date }> = [
    { kind: "day", at: new Date(dayBefore.getTime()) },
    { kind: "2h", at: new Date(startsAt.getTime() - 2 * 60 * 60 * 1000) },
  ];
  return times.filter((r) => r.at.getTime() > now.getTime());
}

/** Schedules a meeting's reminder jobs for its current start (ids carry the start: a moved meeting's jobs differ). */
export async function scheduleReminders(deps: Pick<MeetingDeps, "outbox" | "clock" | "timeZone">, meetingId: number, startsAt: Date): Promise<number> {
  const epoch = epochOf(startsAt);
  const times = reminderTimes(startsAt, deps.clock(), deps.timeZone);
  for (const r of times) {
    const jobId = keys.reminderJob(meetingId, r.kind, epoch);
    await deps.outbox.scheduleReminder({ jobId, meetingId, kind: r.kind, startsAtEpoch: epoch }, r.at);
  }
  return times.length;
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): read aloud in a room and typed on a phone. */
export const CHECK_IN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CHECK_IN_LENGTH = 6;

export function randomCheckInCode(): string {
  let code = "";
  for (let i = 0; i < CHECK_IN_LENGTH; i++) code += CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)];
  return code;
}

export type MeetingDraft = {
  title: string;
  /** ISO instant */
  startsAt: string;
  place: string;
  agenda: string | null;
  audience: Audience;
};

export type CreateResult =
  | { kind: "created"; meetingId: number; invited: number; checkInCode: string; queued: boolean }
  | { kind: "not-allowed" }
  | { kind: "past" }
  | { kind: "invalid" }
  | { kind: "no-invitees" };

/** Normalises a line typed by staff (title, place): single spaces, trimmed. */
export function cleanLine(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

export function isValidDraft(d: MeetingDraft): boolean {
  const title = cleanLine(d.title);
  const place = cleanLine(d.place);
  return (
    title.length >= 2 &&
    title.length <= TITLE_MAX &&
    place.length >= 2 &&
    place.length <= PLACE_MAX &&
    (d.agenda === null || d.agenda.length <= AGENDA_MAX) &&
    !Number.isNaN(new Date(d.startsAt).getTime()) &&
    !isEmptyAudience(d.audience)
  );
}

/**
 * Kirim: the meeting, one invitation per reachable person of the audience, one queued
 * invitation message each, and the reminders. Staff rights and the start time are checked
 * again here, whatever the conversation showed.
 */
export async function createMeeting(deps: MeetingDeps, by: number, draft: MeetingDraft): Promise<CreateResult> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  if (!isValidDraft(draft)) return { kind: "invalid" };
  const startsAt = new Date(draft.startsAt);
  if (startsAt.getTime() <= deps.clock().getTime()) return { kind: "past" };
  const invitees = resolveAudience(draft.audience, await deps.repo.candidates());
  if (invitees.length === 0) return { kind: "no-invitees" };

  const checkInCode = (deps.newCheckInCode ?? randomCheckInCode)();
  const meetingId = await deps.repo.createMeeting({
    title: cleanLine(draft.title),
    startsAt,
    place: cleanLine(draft.place),
    agenda: draft.agenda?.trim() || null,
    audience: draft.audience,
    checkInCode,
    createdById: by,
    invitees,
  });
  deps.logger.info({ meetingId, invited: invitees.length, by }, "meeting created");
  try {
    await deps.outbox.enqueue(invitees.map((i) => ({ key: keys.invite(meetingId, i.personId), purpose: PURPOSE.invite, personId: i.personId, meetingId })));
    await scheduleReminders(deps, meetingId, startsAt);
    return { kind: "created", meetingId, invited: invitees.length, checkInCode, queued: true };
  } catch (error) {
    // The meeting is saved; staff can send again from /rapat (the keys keep it to one message each).
    deps.logger.error({ err: error, meetingId }, "meeting invitations could not be queued");
    return { kind: "created", meetingId, invited: invitees.length, checkInCode, queued: false };
  }
}

/** What /undang offers as audience, with everyone who could be invited (for the head-counts). */
export async function audienceSetup(deps: Pick<MeetingDeps, "repo">): Promise<{ options: AudienceOptions; candidates: Candidate[] }> {
  const [options, candidates] = await Promise.all([deps.repo.audienceOptions(), deps.repo.candidates()]);
  return { options, candidates };
}

/** Staff rights, from the database. */
export function isStaff(deps: Pick<MeetingDeps, "repo">, personId: number | null): Promise<boolean> {
  return personId === null ? Promise.resolve(false) : deps.repo.isStaff(personId);
}

export type FanOutResult = { kind: "stale" } | { kind: "sent"; count: number };

/**
 * A reminder job's run: one reminder per reachable invitee who said Hadir or Mungkin or has
 * not answered. A job left over from a cancelled or moved meeting does nothing (its start no
 * longer matches), and the keys make a second run harmless.
 */
export async function fanOutReminder(deps: MeetingDeps, job: Omit<ReminderJob, "jobId">): Promise<FanOutResult> {
  const meeting = await deps.repo.meeting(job.meetingId);
  if (!meeting || meeting.status === "cancelled" || epochOf(meeting.startsAt) !== job.startsAtEpoch) return { kind: "stale" };
  if (meeting.startsAt.getTime() <= deps.clock().getTime()) return { kind: "stale" };
  const invitees = await deps.repo.invitees(job.meetingId);
  const targets = invitees.filter((i) => i.reachable && i.answer !== "no");
  const purpose = job.kind === "day" ? PURPOSE.reminderDay : PURPOSE.reminder2h;
  await deps.outbox.enqueue(
    targets.map((i) => ({ key: keys.reminder(job.kind, job.meetingId, i.personId, job.startsAtEpoch), purpose, personId: i.personId, meetingId: job.meetingId })),
  );
  deps.logger.info({ meetingId: job.meetingId, reminder: job.kind, count: targets.length }, "meeting reminders queued");
  return { kind: "sent", count: targets.length };
}
