import type { Clock } from "../../app-deps.js";
import type { EnqueueResult, Outbox } from "../../jobs/outgoing.types.js";
import { weekFromKey, type ReportingWeek } from "../../lib/week.js";
import type { Logger } from "../../logger.js";
import type { ReminderRepository } from "./reminder.repository.js";
import {
  parseReminderKey,
  reminderKey,
  REMINDER_PURPOSE,
  shouldRemind,
  weekIsOver,
  weekStillReportable,
  type ReminderSlot,
} from "./reminder.rules.js";

/** The weekly reminders: the fan-out (who is asked for), the check at send time, /berhenti and /mulai. */

export type ReminderDeps = {
  repo: ReminderRepository;
  outbox: Pick<Outbox, "enqueue">;
  clock: Clock;
  timeZone: string;
  backfillWeeks: number;
  logger: Logger;
};

export type FanOutResult =
  /** the week is no longer (or not yet) one /lapor offers: nothing asked for */
  | { kind: "stale"; weekKey: string }
  | { kind: "done"; weekKey: string; memberships: number; reminded: number; enqueue: EnqueueResult };

/**
 * One outgoing message per (person, group) that should be reminded about `week`, keyed by
 * week, slot, group and person: running it again asks for the same keys, and the queue sends
 * each key once.
 */
export async function fanOutReminders(deps: ReminderDeps, input: { week: ReportingWeek; slot: ReminderSlot }): Promise<FanOutResult> {
  const { week, slot } = input;
  if (!weekStillReportable(week, deps.clock(), deps.timeZone, deps.backfillWeeks)) return { kind: "stale", weekKey: week.key };
  const candidates = await deps.repo.candidates(week.startDate);
  const recipients = candidates.filter((c) => shouldRemind(c, week));
  const enqueue =
    recipients.length === 0
      ? { queued: 0, alreadyQueued: 0, alreadySent: 0, requeued: 0 }
      : await deps.outbox.enqueue(
          recipients.map((c) => ({ key: reminderKey(week.key, slot, c.groupId, c.personId), purpose: REMINDER_PURPOSE, personId: c.personId })),
        );
  return { kind: "done", weekKey: week.key, memberships: candidates.length, reminded: recipients.length, enqueue };
}

export type ReminderToSend = {
  slot: ReminderSlot;
  week: ReportingWeek;
  groupId: number;
  groupName: string;
  personName: string | null;
  /** the week has ended (the job ran late): worded for a past week */
  weekOver: boolean;
};

/**
 * At send time: the reminder this key stands for, or null when it has no point any more (the
 * person reported, opted out, left…). The week's age was checked by the fan-out moments before.
 */
export async function reminderToSend(deps: Pick<ReminderDeps, "repo" | "clock" | "timeZone">, key: string, personId: number): Promise<ReminderToSend | null> {
  const parsed = parseReminderKey(key);
  if (!parsed || parsed.personId !== personId) return null;
  const week = weekFromKey(parsed.weekKey, deps.timeZone);
  const now = deps.clock();
  if (!week || now.getTime() < week.start.getTime()) return null;
  const found = await deps.repo.candidate(parsed.groupId, personId, week.startDate);
  if (!found || !shouldRemind(found.candidate, week)) return null;
  return { slot: parsed.slot, week, groupId: parsed.groupId, groupName: found.groupName, personName: found.personName, weekOver: weekIsOver(week, now) };
}

/** /berhenti (off) and /mulai (on); the change is recorded as a privacy event. */
export async function setReminders(
  deps: Pick<ReminderDeps, "repo" | "clock">,
  personId: number,
  on: boolean,
): Promise<{ kind: "changed" | "unchanged" }> {
  const changed = await deps.repo.setRemindersOff(personId, !on, deps.clock());
  return { kind: changed ? "changed" : "unchanged" };
}
