import { meetingJobs } from "../features/meeting/meeting.jobs.js";
import { reminderJobs } from "../features/reminder/reminder.jobs.js";
import { announcementJobs } from "../features/announcement/announcement.jobs.js";
import { exportJobs } from "../features/export/export.jobs.js";
import { summaryJobs } from "../features/summary/summary.jobs.js";
import { meetingInputJobs } from "../features/meeting/meeting.input.jobs.js";
import type { FeatureJobs } from "./feature-jobs.js";

/**
 * The features that send through the outgoing queue or run jobs of their own.
 *
 * Each such feature has a `src/features/<name>/<name>.jobs.ts` exporting a FeatureJobs:
 *
 *     export const meetingJobs: FeatureJobs = {
 *       name: "meeting",
 *       renderers: { "meeting-invite": { render: async (ctx) => ({ text: ctx.i18n.t(ctx.recipient.language, "meeting-invite", {...}) }) } },
 *       processors: { meeting: { "reminder-fanout": async (data, { deps }) => { ... deps.outbox.enqueue([...]) } } },
 *     };
 *
 * and is listed here (import it at the top, add it to the array). main.ts merges them with
 * collectFeatureJobs() and hands them to startWorkers().
 */
export const featureJobs: readonly FeatureJobs[] = [meetingJobs, reminderJobs, announcementJobs, exportJobs, summaryJobs, meetingInputJobs];
