import type { Language } from "../../bot/context.js";
import type { JobData, OutgoingRenderer, RenderedMessage } from "../../jobs/outgoing.types.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import { weekForJob, WEEKLY_REMINDER_JOB } from "../../jobs/schedules.js";
import { formatWeekRange } from "../../lib/week.js";
import { reminderDeps } from "./reminder.deps.js";
import { reportNowKeyboard, type Translate } from "./reminder.keyboards.js";
import { createReminderRepository } from "./reminder.repository.js";
import { asSlot, REMINDER_PURPOSE } from "./reminder.rules.js";
import { fanOutReminders, reminderToSend, type ReminderToSend } from "./reminder.service.js";

/**
 * The weekly reminder: the fan-out job (run by the schedulers in src/jobs/schedules.ts, or by
 * hand with `npm run cli -- jobs run weekly-reminder`) and the message's renderer, which checks
 * again at send time and sends nothing to someone who reported or opted out meanwhile.
 */

/** data: `{ slot: "first" | "second", week?: "2026-W48" }`; without `week`, the week of the scheduled time. */
export const weeklyReminderFanOut: JobProcessor = async (data: JobData, { deps, log, scheduledAt }) => {
  const slot = asSlot(data.slot);
  const week = weekForJob(data, scheduledAt, deps.config.timeZone);
  if (!slot || !week) {
    log.warn({ slot: data.slot, week: data.week }, "weekly reminder job with bad data ignored");
    return;
  }
  const result = await fanOutReminders(reminderDeps(deps), { week, slot });
  if (result.kind === "stale") log.info({ week: week.key, slot }, "weekly reminder for a week that can no longer be reported: nothing sent");
  else log.info({ week: week.key, slot, memberships: result.memberships, reminded: result.reminded, ...result.enqueue }, "weekly reminders asked for");
};

export function reminderMessage(t: Translate, language: Language, timeZone: string, reminder: ReminderToSend): RenderedMessage {
  const text = t(`reminder-${reminder.slot}`, {
    named: reminder.personName ? "yes" : "no",
    name: reminder.personName ?? "",
    group: reminder.groupName,
    week: formatWeekRange(reminder.week, language, timeZone),
    over: reminder.weekOver ? "yes" : "no",
  });
  return { text, replyMarkup: reportNowKeyboard(t, reminder.groupId, reminder.week.key) };
}

const reminderRenderer: OutgoingRenderer = {
  async render(ctx) {
    const deps = { repo: createReminderRepository(ctx.prisma), clock: ctx.clock, timeZone: ctx.timeZone };
    const reminder = await reminderToSend(deps, ctx.outgoing.key, ctx.outgoing.personId);
    if (!reminder) return null;
    const t: Translate = (key, vars) => ctx.i18n.t(ctx.recipient.language, key, vars);
    return reminderMessage(t, ctx.recipient.language, ctx.timeZone, reminder);
  },
};

export const reminderJobs: FeatureJobs = {
  name: "reminder",
  renderers: { [REMINDER_PURPOSE]: reminderRenderer },
  processors: { [WEEKLY_REMINDER_JOB.queue]: { [WEEKLY_REMINDER_JOB.name]: weeklyReminderFanOut } },
};
