import type { AppDeps } from "../../app-deps.js";
import { featureJobs } from "../../jobs/features.js";
import type { JobData } from "../../jobs/outgoing.types.js";
import { collectFeatureJobs, processorsByQueue } from "../../jobs/feature-jobs.js";
import { scheduleJobByRef, WEEKLY_REMINDER_JOB, WEEKLY_SUMMARY_JOB, type JobRef } from "../../jobs/schedules.js";
import { shiftWeeks, weekOf } from "../../lib/week.js";

/**
 * The operator's "run now" buttons: the weekly jobs of src/jobs/schedules.ts, added to their
 * queue for the workers to run at once — what `npm run cli -- jobs run <job>` does. The week
 * is the one of the playground's clock (the schedule would take it from its fire time, which
 * BullMQ keeps in real time). A job whose processor the bot does not register is shown disabled.
 */
export type OperatorJobId = "weekly-reminder" | "weekly-summary";

export type OperatorJob = {
  id: OperatorJobId;
  available: boolean;
  run(): Promise<void>;
};

const JOBS: ReadonlyArray<{ id: OperatorJobId; ref: JobRef; data: (deps: Pick<AppDeps, "clock" | "config">) => JobData }> = [
  { id: "weekly-reminder", ref: WEEKLY_REMINDER_JOB, data: (d) => ({ slot: "first", week: weekOf(d.clock(), d.config.timeZone).key }) },
  {
    id: "weekly-summary",
    ref: WEEKLY_SUMMARY_JOB,
    // The Monday summary is about the week before.
    data: (d) => ({ week: shiftWeeks(weekOf(d.clock(), d.config.timeZone), -1, d.config.timeZone).key }),
  },
];

export function operatorJobs(deps: Pick<AppDeps, "clock" | "config" | "outbox">): OperatorJob[] {
  const { processors } = collectFeatureJobs(featureJobs);
  return JOBS.map(({ id, ref, data }) => ({
    id,
    available: processorsByQueue(processors)[ref.queue]?.[ref.name] !== undefined,
    async run() {
      await scheduleJobByRef(deps.outbox, ref, data(deps), { jobId: `playground-${id}-${Date.now()}` });
    },
  }));
}
