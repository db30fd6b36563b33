import type { AppDeps } from "../../app-deps.js";
import { createMeetingRepository } from "./meeting.repository.js";
import type { MeetingDeps, MeetingOutbox } from "./meeting.service.js";

/** The meeting queue's job that fans a reminder out to the invitees. */
export const MEETING_QUEUE = "meeting" as const;
export const REMINDER_JOB = "reminder-fanout";

/** The outgoing-message queue and the meeting queue, as the meeting services use them. */
export function meetingOutbox(outbox: AppDeps["outbox"]): MeetingOutbox {
  return {
    async enqueue(requests) {
      if (requests.length > 0) await outbox.enqueue(requests);
    },
    async cancel(keys) {
      if (keys.length > 0) await outbox.cancel(keys);
    },
    async scheduleReminder(job, runAt) {
      const { jobId, ...data } = job;
      await outbox.scheduleJob(MEETING_QUEUE, REMINDER_JOB, data, { jobId, runAt });
    },
    async unscheduleReminders(jobIds) {
      for (const jobId of jobIds) await outbox.cancelJob(MEETING_QUEUE, jobId);
    },
  };
}

export function meetingDeps(app: Pick<AppDeps, "prisma" | "clock" | "config" | "logger" | "outbox">): MeetingDeps {
  return {
    repo: createMeetingRepository(app.prisma),
    clock: app.clock,
    timeZone: app.config.timeZone,
    outbox: meetingOutbox(app.outbox),
    logger: app.logger,
  };
}
