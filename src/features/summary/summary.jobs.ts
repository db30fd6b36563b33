import type { JobData, OutgoingRenderer, RenderedMessage } from "../../jobs/outgoing.types.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import { weekForJob } from "../../jobs/schedules.js";
import { weekFromKey } from "../../lib/week.js";
import { composeSummary } from "./summary.compose.js";
import { createSummaryRepository } from "./summary.repository.js";
import { fanOutWeeklySummary, parseSummaryKey, SUMMARY_PURPOSE, SUMMARY_QUEUE, WEEKLY_SUMMARY_JOB } from "./summary.send.js";
import { viewerOf, type SummaryDeps, type SummaryScope } from "./summary.service.js";

/**
 * The Monday summary: the `weekly-summary` job (queue `summary`, data `{ week?: "2026-W48" }`;
 * without a week it is the week before the one the job was scheduled in) fans out one message
 * per coordinator and per staff member and programme; the renderer builds each at send time,
 * in the recipient's language, from the person's rights at that moment.
 */

const weeklySummary: JobProcessor = async (data: JobData, { deps, log, scheduledAt }) => {
  const zone = deps.config.timeZone;
  // The Monday run is about the week before its fire time (not "now": a late run keeps its week).
  const week = weekForJob(data, scheduledAt, zone, -1);
  if (!week) {
    log.warn({ week: data.week }, "weekly-summary job with an unknown week ignored");
    return;
  }
  const repo = createSummaryRepository(deps.prisma);
  const result = await fanOutWeeklySummary({ repo, outbox: deps.outbox }, week);
  log.info({ week: week.key, ...result }, "weekly summary fanned out");
};

const render: OutgoingRenderer = {
  async render(ctx): Promise<RenderedMessage | null> {
    const key = parseSummaryKey(ctx.outgoing.key);
    const week = key && weekFromKey(key.weekKey, ctx.timeZone);
    if (!key || !week) return null;
    const deps: SummaryDeps = { repo: createSummaryRepository(ctx.prisma), clock: ctx.clock, timeZone: ctx.timeZone };
    // Rights as they are now: someone who stopped coordinating since the fan-out gets nothing.
    const viewer = await viewerOf(deps, ctx.outgoing.personId);
    let scope: SummaryScope;
    if (key.programmeId !== null) {
      if (!viewer.isStaff) return null;
      scope = { kind: "programme", programmeId: key.programmeId };
    } else {
      if (viewer.coordinatorGroupIds.length === 0) return null;
      scope = { kind: "groups", groupIds: viewer.coordinatorGroupIds };
    }
    const t = (k: string, vars?: Record<string, string | number>) => ctx.i18n.t(ctx.recipient.language, k, vars);
    const [message] = await composeSummary(deps, { t, lang: ctx.recipient.language, scope, week });
    if (!message) return null;
    if (!message.chart) return { text: message.text };
    return { text: message.text, photo: { bytes: message.chart.png, fileName: message.chart.fileName, caption: message.chart.caption } };
  },
};

export const summaryJobs: FeatureJobs = {
  name: "summary",
  renderers: { [SUMMARY_PURPOSE]: render },
  processors: { [SUMMARY_QUEUE]: { [WEEKLY_SUMMARY_JOB]: weeklySummary } },
};
