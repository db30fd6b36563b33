import {
  epochOf,
  keys,
  PURPOSE,
  reminderTimes,
  resendRound,
  scheduleReminders,
  type MeetingDeps,
  type ReminderKind,
} from "./meeting.service.js";
import { isReachable } from "../people/people.audience.js";
import type { MeetingRow, RsvpAnswer } from "./meeting.repository.js";

/**
 * What staff do with a meeting once it is sent: the tally, re-sending to those who have not
 * answered, moving it and cancelling it. Each function checks staff rights from the database.
 * Results are JSON-safe (dates as ISO strings) so conversations can keep them.
 */

export type MeetingView = {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  agenda: string | null;
  status: "scheduled" | "cancelled";
  checkInCode: string;
};

export function meetingView(m: MeetingRow): MeetingView {
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    place: m.place,
    agenda: m.agenda,
    status: m.status,
    checkInCode: m.checkInCode,
  };
}

type Refused = { kind: "not-allowed" } | { kind: "not-found" };

export type AnswerCounts = { yes: number; no: number; maybe: number; none: number; total: number; checkedIn: number };

/** One line of the tally: a group, an institution, or (for people invited otherwise) none. */
export type TallyUnit = { kind: "group" | "stakeholder" | "other"; id: number | null; name: string | null } & AnswerCounts;

export type TallyPerson = {
  personId: number;
  name: string | null;
  unitName: string | null;
  answer: RsvpAnswer | null;
  answeredAt: string | null;
  reason: string | null;
  /** false when the bot can no longer write to them (blocked, left, erased) */
  reachable: boolean;
};

export type Tally = {
  kind: "ok";
  meeting: MeetingView;
  counts: AnswerCounts;
  units: TallyUnit[];
  /** who has not answered, in group/institution order */
  unanswered: TallyPerson[];
  /** who said "Tidak hadir", with their reason if they gave one */
  declined: TallyPerson[];
  /** what became of the invitation messages (first sends and re-sends) */
  delivery: { queued: number; sent: number; failed: number; unreachable: number; skipped: number };
};

const zeroCounts = (): AnswerCounts => ({ yes: 0, no: 0, maybe: 0, none: 0, total: 0, checkedIn: 0 });

function count(c: AnswerCounts, answer: RsvpAnswer | null, checkedIn: boolean): void {
  c[answer ?? "none"] += 1;
  c.total += 1;
  if (checkedIn) c.checkedIn += 1;
}

/** Counts by answer and by group/institution, who has not answered, and the delivery of the invitations. */
export async function meetingTally(deps: MeetingDeps, meetingId: number, by: number): Promise<Tally | Refused> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  const meeting = await deps.repo.meeting(meetingId);
  if (!meeting) return { kind: "not-found" };
  const rows = await deps.repo.tallyRows(meetingId);
  const counts = zeroCounts();
  const units = new Map<string, TallyUnit>();
  const unanswered: TallyPerson[] = [];
  const declined: TallyPerson[] = [];
  for (const r of rows) {
    const kind = r.groupId !== null ? "group" : r.stakeholderId !== null ? "stakeholder" : "other";
    const id = r.groupId ?? r.stakeholderId;
    const name = r.group?.name ?? r.stakeholder?.institution ?? null;
    const unitKey = `${kind}:${id ?? ""}`;
    const unit = units.get(unitKey) ?? { kind, id, name, ...zeroCounts() };
    units.set(unitKey, unit);
    count(counts, r.answer, r.checkedInAt !== null);
    count(unit, r.answer, r.checkedInAt !== null);
    const person: TallyPerson = {
      personId: r.personId,
      name: r.person.name,
      unitName: name,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      reason: r.reason,
      reachable: isReachable(r.person),
    };
    if (r.answer === null) unanswered.push(person);
    if (r.answer === "no") declined.push(person);
  }
  const d = await deps.repo.deliveryCounts(meetingId, PURPOSE.invite);
  return {
    kind: "ok",
    meeting: meetingView(meeting),
    counts,
    units: [...units.values()],
    unanswered,
    declined,
    delivery: { queued: d.queued ?? 0, sent: d.sent ?? 0, failed: d.failed ?? 0, unreachable: d.unreachable ?? 0, skipped: d.skipped ?? 0 },
  };
}

export type ResendResult = Refused | { kind: "cancelled" } | { kind: "started" } | { kind: "stale" } | { kind: "resent"; count: number; round: number };

/** The latest re-send round of a meeting's invitations (0: none yet). */
async function latestResendRound(deps: MeetingDeps, meetingId: number): Promise<number> {
  return Math.max(0, ...(await deps.repo.outgoingKeys(meetingId, PURPOSE.invite)).map(resendRound));
}

/** The round a «Kirim ulang» confirmation offers (its button carries it): the one after the latest. */
export async function nextResendRound(deps: MeetingDeps, meetingId: number): Promise<number> {
  return (await latestResendRound(deps, meetingId)) + 1;
}

/**
 * The invitation again to everyone reachable who has not answered, as round `round` — the one
 * the pressed button offered — with a key per person and round (`invite-<m>-<p>-r<n>`). The
 * same button pressed again (a double tap, an update delivered twice) is the same round with
 * the same keys: the outbox sends each key once, queued or already sent. A button of an older
 * round, or of one never offered, is stale. People whose invitation is still waiting in the
 * queue are left out.
 */
export async function resendToUnanswered(deps: MeetingDeps, meetingId: number, by: number, round: number): Promise<ResendResult> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  const meeting = await deps.repo.meeting(meetingId);
  if (!meeting) return { kind: "not-found" };
  if (meeting.status === "cancelled") return { kind: "cancelled" };
  if (meeting.startsAt.getTime() <= deps.clock().getTime()) return { kind: "started" };
  const latest = await latestResendRound(deps, meetingId);
  if (round !== latest && round !== latest + 1) return { kind: "stale" };
  const [invitees, waiting] = await Promise.all([deps.repo.invitees(meetingId), deps.repo.queuedKeys(meetingId, PURPOSE.invite)]);
  const pending = new Set(waiting.map((w) => w.personId));
  const targets = invitees.filter((i) => i.answer === null && i.reachable && !pending.has(i.personId));
  await deps.outbox.enqueue(targets.map((i) => ({ key: keys.resend(meetingId, i.personId, round), purpose: PURPOSE.invite, personId: i.personId, meetingId })));
  // Reminders are scheduled again in case they were lost with the first send (same ids: no doubles).
  await scheduleReminders(deps, meetingId, meeting.startsAt);
  deps.logger.info({ meetingId, round, count: targets.length, by }, "invitations re-sent");
  return { kind: "resent", count: targets.length, round };
}

/** The reminder jobs and messages of one start time (to drop them when the meeting moves or is cancelled). */
async function dropReminders(deps: MeetingDeps, meeting: MeetingRow, personIds: number[]): Promise<void> {
  const epoch = epochOf(meeting.startsAt);
  const kinds: ReminderKind[] = ["day", "2h"];
  await deps.outbox.unscheduleReminders(kinds.map((k) => keys.reminderJob(meeting.id, k, epoch)));
  await deps.outbox.cancel(kinds.flatMap((k) => personIds.map((p) => keys.reminder(k, meeting.id, p, epoch))));
}

export type RescheduleResult =
  | Refused
  | { kind: "cancelled" }
  | { kind: "past" }
  | { kind: "same-time" }
  | { kind: "rescheduled"; notified: number; reminders: number };

/**
 * Moves a meeting: every reachable invitee is told through the queue (`moved-<m>-<p>-<start>`),
 * the old reminders are dropped and new ones scheduled. Answers stay; invitees may change
 * them until the new start.
 */
export async function rescheduleMeeting(deps: MeetingDeps, meetingId: number, newStartsAt: Date, by: number): Promise<RescheduleResult> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  const meeting = await deps.repo.meeting(meetingId);
  if (!meeting) return { kind: "not-found" };
  if (meeting.status === "cancelled") return { kind: "cancelled" };
  if (newStartsAt.getTime() <= deps.clock().getTime()) return { kind: "past" };
  if (epochOf(newStartsAt) === epochOf(meeting.startsAt)) return { kind: "same-time" };
  await deps.repo.reschedule(meetingId, newStartsAt);
  const invitees = await deps.repo.invitees(meetingId);
  await dropReminders(deps, meeting, invitees.map((i) => i.personId));
  const epoch = epochOf(newStartsAt);
  const targets = invitees.filter((i) => i.reachable);
  await deps.outbox.enqueue(targets.map((i) => ({ key: keys.moved(meetingId, i.personId, epoch), purpose: PURPOSE.rescheduled, personId: i.personId, meetingId })));
  const reminders = await scheduleReminders(deps, meetingId, newStartsAt);
  deps.logger.info({ meetingId, notified: targets.length, by }, "meeting rescheduled");
  return { kind: "rescheduled", notified: targets.length, reminders };
}

export type CancelResult = Refused | { kind: "already-cancelled" } | { kind: "cancelled"; notified: number };

/**
 * Cancels a meeting: invitations and notices not sent yet are dropped, the reminders too,
 * and every reachable invitee is told (`cancelled-<m>-<p>`; the notice skips anyone who
 * never received the invitation).
 */
export async function cancelMeeting(deps: MeetingDeps, meetingId: number, by: number): Promise<CancelResult> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  const meeting = await deps.repo.meeting(meetingId);
  if (!meeting) return { kind: "not-found" };
  if (meeting.status === "cancelled") return { kind: "already-cancelled" };
  await deps.repo.cancel(meetingId, deps.clock());
  const invitees = await deps.repo.invitees(meetingId);
  await dropReminders(deps, meeting, invitees.map((i) => i.personId));
  const waiting = (await Promise.all([PURPOSE.invite, PURPOSE.rescheduled].map((p) => deps.repo.queuedKeys(meetingId, p)))).flat();
  await deps.outbox.cancel(waiting.map((w) => w.key));
  const targets = invitees.filter((i) => i.reachable);
  await deps.outbox.enqueue(targets.map((i) => ({ key: keys.cancelled(meetingId, i.personId), purpose: PURPOSE.cancelled, personId: i.personId, meetingId })));
  deps.logger.info({ meetingId, notified: targets.length, by }, "meeting cancelled");
  return { kind: "cancelled", notified: targets.length };
}

/** Reminder times still ahead for a meeting (for staff views). */
export function upcomingReminders(deps: Pick<MeetingDeps, "clock" | "timeZone">, meeting: { startsAt: string }) {
  return reminderTimes(new Date(meeting.startsAt), deps.clock(), deps.timeZone).map((r) => ({ kind: r.kind, at: r.at.toISOString() }));
}
