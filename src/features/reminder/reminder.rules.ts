import { recentWeeks, type ReportingWeek } from "../../lib/week.js";
import type { MembershipStatus, PersonStatus } from "../../generated/prisma/enums.js";

/**
 * Who gets the weekly reminder, as pure functions: the repository loads the candidates (one per
 * membership) with what the rule needs, these decide. The same rule runs twice: at the fan-out
 * (who is asked for) and again when the message is about to be sent (someone may have reported
 * or sent /berhenti in between).
 */

export const REMINDER_PURPOSE = "weekly-reminder";
export const REMINDER_SLOTS = ["first", "second"] as const;
/** first: Friday afternoon; second: Sunday evening (times from the configuration) */
export type ReminderSlot = (typeof REMINDER_SLOTS)[number];

export function asSlot(value: unknown): ReminderSlot | null {
  return REMINDER_SLOTS.find((slot) => slot === value) ?? null;
}

/** One person's membership in one group, as the rule sees it for one week. */
export type ReminderCandidate = {
  personId: number;
  groupId: number;
  membershipStatus: MembershipStatus;
  groupActive: boolean;
  personStatus: PersonStatus;
  hasTelegram: boolean;
  remindersOff: boolean;
  joinedAt: Date;
  /** has a current report for (group, person, week) */
  reported: boolean;
};

export type ReminderVerdict =
  | "remind"
  | "reported"
  | "left-group"
  | "group-inactive"
  /** the person left, was erased, or Telegram refused the last message (blocked the bot) */
  | "person-not-active"
  | "no-telegram"
  | "opted-out"
  /** joined after the week ended: that week was never theirs to report */
  | "joined-later";

export function reminderVerdict(candidate: ReminderCandidate, week: Pick<ReportingWeek, "end">): ReminderVerdict {
  if (candidate.membershipStatus !== "active") return "left-group";
  if (!candidate.groupActive) return "group-inactive";
  if (candidate.personStatus !== "active") return "person-not-active";
  if (!candidate.hasTelegram) return "no-telegram";
  if (candidate.remindersOff) return "opted-out";
  if (candidate.joinedAt.getTime() >= week.end.getTime()) return "joined-later";
  if (candidate.reported) return "reported";
  return "remind";
}

export function shouldRemind(candidate: ReminderCandidate, week: Pick<ReportingWeek, "end">): boolean {
  return reminderVerdict(candidate, week) === "remind";
}

/**
 * The outgoing message's key: one per week, slot, group and person, so a fan-out that runs
 * twice (a retry, a second worker, a run by hand) asks for the same messages and the queue
 * sends each once. Also how the renderer knows the group and week (the row has no columns for them).
 */
export function reminderKey(weekKey: string, slot: ReminderSlot, groupId: number, personId: number): string {
  return `remind-${weekKey}-${slot}-${groupId}-${personId}`;
}

const KEY_RE = /^remind-(\d{4}-W\d{2})-(first|second)-(\d{1,9})-(\d{1,9})$/;

export type ReminderKey = { weekKey: string; slot: ReminderSlot; groupId: number; personId: number };

export function parseReminderKey(key: string): ReminderKey | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  return { weekKey: m[1]!, slot: m[2] as ReminderSlot, groupId: Number(m[3]), personId: Number(m[4]) };
}

/**
 * A week is worth a reminder while /lapor still offers it: this week or one of the
 * `backfillWeeks` before it. A run days late still reminds about its own week; one for a
 * week that can no longer be reported, or that has not begun, sends nothing.
 */
export function weekStillReportable(week: Pick<ReportingWeek, "key">, now: Date, timeZone: string, backfillWeeks: number): boolean {
  return recentWeeks(now, timeZone, backfillWeeks).some((w) => w.key === week.key);
}

/** Whether the message should be worded for a week that has ended already (the job ran late). */
export function weekIsOver(week: Pick<ReportingWeek, "end">, now: Date): boolean {
  return now.getTime() >= week.end.getTime();
}
