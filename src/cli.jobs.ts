// `npm run cli -- jobs …`: run a recurring job by hand, list the schedules. Output in English (operators).
import { Api } from "grammy";
import { dropEmptyKeyboardRows } from "./bot/keyboard-rows.js";
import { pino } from "pino";
import { createI18n } from "./bot/i18n.js";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/client.js";
import { createInfrastructure, type Infrastructure } from "./infrastructure.js";
import { featureJobs } from "./jobs/features.js";
import type { JobData } from "./jobs/outgoing.types.js";
import { collectFeatureJobs, processorsByQueue } from "./jobs/feature-jobs.js";
import { parseJob } from "./jobs/registry.js";
import { jobSchedules, scheduleJobByRef, WEEKLY_REMINDER_JOB, WEEKLY_SUMMARY_JOB, type JobRef } from "./jobs/schedules.js";
import { weekFromKey } from "./lib/week.js";
import { createLogger } from "./logger.js";

export const JOBS_USAGE = `  jobs run weekly-reminder [--slot first|second] [--week 2026-W48] [--now]
  jobs run weekly-summary [--week 2026-W48] [--now]
  jobs list

jobs run adds a one-off job for a worker to run and prints its id; with --now the CLI runs it
itself (the messages it asks for still go out through the outgoing queue's workers). Without
--week: the reminder covers this week, the summary the week before.
`;

/** The recurring jobs an operator may run by hand, by their CLI name. */
const RUNNABLE: Record<string, JobRef> = {
  [WEEKLY_REMINDER_JOB.name]: WEEKLY_REMINDER_JOB,
  [WEEKLY_SUMMARY_JOB.name]: WEEKLY_SUMMARY_JOB,
};

export class JobsUsageError extends Error {}

export type JobsCliDeps = {
  prisma: PrismaClient;
  config: Config;
  clock: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
};

export type JobsOptions = { week?: string; slot?: string; now?: boolean };

export async function runJobsCommand(sub: string | undefined, rest: string[], values: JobsOptions, deps: JobsCliDeps): Promise<number> {
  if (sub === "list") {
    if (rest.length > 0) throw new JobsUsageError(`unexpected argument: ${rest[0]}`);
    return withInfrastructure(deps, ({ queues }) => listSchedules(queues, deps));
  }
  if (sub !== "run") throw new JobsUsageError(`unknown command: jobs ${sub ?? ""}`.trim());
  const [name, ...extra] = rest;
  if (extra.length > 0) throw new JobsUsageError(`unexpected argument: ${extra[0]}`);
  const job = name ? RUNNABLE[name] : undefined;
  if (!job || !name) throw new JobsUsageError(`jobs run needs a job name: ${Object.keys(RUNNABLE).join(", ")}`);
  const data: JobData = {};
  if (values.week !== undefined) {
    if (!weekFromKey(values.week, deps.config.timeZone)) throw new JobsUsageError(`--week must be an ISO week such as 2026-W48 (got ${values.week})`);
    data.week = values.week;
  }
  if (job === WEEKLY_REMINDER_JOB) {
    const slot = values.slot ?? "first";
    if (slot !== "first" && slot !== "second") throw new JobsUsageError("--slot must be first or second");
    data.slot = slot;
  } else if (values.slot !== undefined) throw new JobsUsageError(`--slot is for weekly-reminder only`);

  return withInfrastructure(deps, async ({ deps: app }) => {
    const { outbox } = app;
    const what = `${name}${data.slot ? ` (slot ${String(data.slot)})` : ""} for ${data.week ? `week ${String(data.week)}` : "the default week"}`;
    if (!values.now) {
      const jobId = `manual-${name}-${String(data.week ?? "auto")}${data.slot ? `-${String(data.slot)}` : ""}-${deps.clock().getTime()}`;
      await scheduleJobByRef(outbox, job, data, { jobId });
      deps.out(`Added job ${jobId} to queue ${job.queue}: ${what}. A worker (APP_ROLE all or worker) runs it.\n`);
      return 0;
    }
    const processor = processorsByQueue(collectFeatureJobs(featureJobs).processors)[job.queue]?.[job.name];
    if (!processor) throw new Error(`no processor is registered for ${job.queue}/${job.name} (src/jobs/features.ts)`);
    const jobId = `cli-${name}-${deps.clock().getTime()}`;
    const api = new Api(deps.config.botToken ?? "", { apiRoot: deps.config.telegramApiRoot, timeoutSeconds: 30 });
    api.config.use(dropEmptyKeyboardRows);
    const log = app.logger.child({ job: job.name, jobId });
    await processor(parseJob(job.queue, job.name, data), { deps: { ...app, i18n: createI18n() }, log, jobId, jobName: job.name, attempt: 1, scheduledAt: deps.clock(), api });
    deps.out(`Ran ${what} in this process; the messages it asked for are in the outgoing queue.\n`);
    return 0;
  });
}

/** Redis and the queues for one command, on the CLI's own Prisma client; logs (ids and counts) go to stderr, stdout is for the answer. */
async function withInfrastructure(deps: JobsCliDeps, use: (infrastructure: Infrastructure) => Promise<number>): Promise<number> {
  const logger = createLogger(deps.config.logLevel, pino.destination(2));
  const infrastructure = createInfrastructure(deps.config, logger, { prisma: deps.prisma, clock: deps.clock });
  try {
    return await use(infrastructure);
  } finally {
    await infrastructure.close();
  }
}

async function listSchedules(queues: Infrastructure["queues"], deps: JobsCliDeps): Promise<number> {
  for (const schedule of jobSchedules(deps.config)) {
    const stored = await queues.get(schedule.job.queue).getJobScheduler(schedule.id);
    const declared = schedule.pattern ?? "off";
    const next = stored?.next ? new Date(stored.next).toISOString() : "—";
    const state = stored ? `in Redis: "${stored.pattern ?? ""}" ${stored.tz ?? ""}, next ${next}` : "not declared yet (a worker declares it at start)";
    deps.out(`${schedule.id}  ${schedule.job.queue}/${schedule.job.name}  configured "${declared}" ${deps.config.timeZone}; ${state}\n`);
  }
  return 0;
}
