import type { Worker } from "bullmq";
import type { Api, Bot, Context, Transformer } from "grammy";
import type { Update } from "grammy/types";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { PrismaClient } from "../db/client.js";
import { QUEUE_NAMES } from "../jobs/registry.js";
import type { Queues } from "../jobs/queues.js";
import { WEEKLY_REMINDER_JOB, WEEKLY_SUMMARY_JOB } from "../jobs/schedules.js";

/**
 * The Prometheus metrics (prom-client), served at /metrics by the health listener. Counters
 * are bumped where things happen (updates, Telegram calls, jobs); queue depths and outgoing
 * messages by purpose and result are read from Redis and PostgreSQL when scraped.
 */
export type Metrics = {
  registry: Registry;
  updates: Counter<"kind" | "result">;
  updateSeconds: Histogram<"kind">;
  telegramCalls: Counter<"method" | "result">;
  telegramFloodWaits: Counter<"method">;
  jobSeconds: Histogram<"queue" | "job" | "result">;
  lastRun: Gauge<"job">;
};

/** The jobs whose last run is shown as a time (the weekly rhythm). */
const TIMED_JOBS = new Set<string>([WEEKLY_REMINDER_JOB.name, WEEKLY_SUMMARY_JOB.name]);

export function createMetrics(sources: { queues?: Queues; prisma?: PrismaClient } = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "lapor-kelompok" });
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    updates: new Counter({ name: "lapor_updates_total", help: "Telegram updates handled, by kind (message, callback_query …) and result (ok, error)", labelNames: ["kind", "result"], registers: [registry] }),
    updateSeconds: new Histogram({
      name: "lapor_update_handling_seconds",
      help: "Time to handle one update, from its arrival to its last reply",
      labelNames: ["kind"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    telegramCalls: new Counter({ name: "lapor_telegram_calls_total", help: "Calls to the Bot API, by method and result (ok, error code)", labelNames: ["method", "result"], registers: [registry] }),
    telegramFloodWaits: new Counter({ name: "lapor_telegram_429_total", help: "Bot API answers 429 (too many requests), by method", labelNames: ["method"], registers: [registry] }),
    jobSeconds: new Histogram({
      name: "lapor_job_seconds",
      help: "Queue job run time, by queue, job name and result (completed, failed)",
      labelNames: ["queue", "job", "result"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    lastRun: new Gauge({ name: "lapor_job_last_run_timestamp_seconds", help: "When the weekly reminder and the weekly summary last ran to completion (Unix time)", labelNames: ["job"], registers: [registry] }),
  };
  const { queues, prisma } = sources;
  if (queues) {
    new Gauge({
      name: "lapor_queue_jobs",
      help: "Jobs in each queue by state (waiting, active, delayed, failed)",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        this.reset();
        // Without Redis the counts would wait for it: the scrape answers without them instead.
        const counts = Promise.all(QUEUE_NAMES.map(async (name) => [name, await queues.get(name).getJobCounts("waiting", "active", "delayed", "failed")] as const));
        const timeout = new Promise<null>((resolve) => setTimeout(resolve, 2_000, null).unref());
        for (const [name, byState] of (await Promise.race([counts, timeout])) ?? []) {
          for (const [state, count] of Object.entries(byState)) this.set({ queue: name, state }, count);
        }
      },
    });
  }
  if (prisma) {
    new Gauge({
      name: "lapor_outgoing_messages",
      help: "Messages of the outgoing queue (outgoing_message rows) by purpose and result (queued, sent, failed, unreachable …)",
      labelNames: ["purpose", "result"],
      registers: [registry],
      async collect() {
        const rows = await prisma.outgoingMessage.groupBy({ by: ["purpose", "status"], _count: { _all: true } });
        this.reset();
        for (const row of rows) this.set({ purpose: row.purpose, result: row.status }, row._count._all);
      },
    });
  }
  return metrics;
}

/** message, callback_query, my_chat_member … */
export function updateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/** Counts and times every update the bot handles (polling and webhook alike go through handleUpdate). */
export function instrumentBot<C extends Context>(bot: Bot<C>, metrics: Metrics): void {
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    const kind = updateKind(update);
    const end = metrics.updateSeconds.startTimer({ kind });
    try {
      await handle(update, webhookReplyEnvelope);
      metrics.updates.inc({ kind, result: "ok" });
    } catch (error) {
      metrics.updates.inc({ kind, result: "error" });
      throw error;
    } finally {
      end();
    }
  };
}

/** Counts Bot API calls by method and result, and 429s; `onResult` sees each (the readiness uses getUpdates). */
export function telegramCallCounter(metrics: Metrics | null, onResult?: (method: string, ok: boolean) => void): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      const code = result.ok ? "ok" : String(result.error_code);
      metrics?.telegramCalls.inc({ method, result: code });
      if (!result.ok && result.error_code === 429) metrics?.telegramFloodWaits.inc({ method });
      onResult?.(method, result.ok);
      return result;
    } catch (error) {
      metrics?.telegramCalls.inc({ method, result: "network" });
      onResult?.(method, false);
      throw error;
    }
  };
}

export function instrumentApi(api: Api, metrics: Metrics): void {
  api.config.use(telegramCallCounter(metrics));
}

/** Job run times, and the time of the last weekly reminder and summary. */
export function instrumentWorkers(workers: Worker[], metrics: Metrics): void {
  for (const worker of workers) {
    const observe = (job: { name: string; processedOn?: number; finishedOn?: number } | undefined, result: "completed" | "failed") => {
      if (!job?.processedOn) return;
      const seconds = ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
      metrics.jobSeconds.observe({ queue: worker.name, job: job.name, result }, seconds);
      if (result === "completed" && TIMED_JOBS.has(job.name)) metrics.lastRun.set({ job: job.name }, Math.round((job.finishedOn ?? Date.now()) / 1000));
    };
    worker.on("completed", (job) => observe(job, "completed"));
    worker.on("failed", (job) => observe(job, "failed"));
  }
}
