import type { Api } from "grammy";
import type { FeatureDeps } from "../bot/feature.js";
import type { Logger } from "../logger.js";
import type { JobData, OutgoingRenderer, OutgoingRenderers } from "./outgoing.types.js";
import { JOB_REGISTRY, OUTGOING_PURPOSES, QUEUE_NAMES, type FeatureQueueName, type JobName, type JobPayload, type OutgoingPurpose } from "./registry.js";

/** What a feature's job processor is given: the app's deps (with i18n), and about the job. */
export type JobContext = {
  deps: FeatureDeps;
  log: Logger;
  jobId: string;
  jobName: string;
  /** from 1; a processor that throws is tried again (3 tries, exponential backoff from 5 s) */
  attempt: number;
  /**
   * When the job was meant to run: a scheduler's fire time (BullMQ's `opts.prevMillis`), or a
   * one-off job's creation time plus its delay. A job that runs late (no worker was up) uses
   * this, not the clock, to know which week it is about: see src/jobs/schedules.ts.
   */
  scheduledAt: Date;
  /** the worker's grammY Api, for a job that sends something other than a queued message (e.g. the export's files) */
  api: Api;
};

/**
 * Runs one job. `data` has been checked against the job's schema in src/jobs/registry.ts.
 * Must be idempotent: a job may run again after a crash.
 */
export type JobProcessor<Data = JobData> = (data: Data, context: JobContext) => Promise<void>;

/** By queue, then by job name: only the jobs the registry declares, each with its payload's type. */
export type FeatureProcessors = {
  [Q in FeatureQueueName]?: { [N in JobName<Q>]?: JobProcessor<JobPayload<Q, N>> };
};

/** What a feature's `<name>.jobs.ts` exports. */
export type FeatureJobs = {
  /** for logs and error messages */
  name: string;
  /** by OutgoingRequest.purpose */
  renderers?: Partial<OutgoingRenderers>;
  /** by queue, then by job name */
  processors?: FeatureProcessors;
};

/** A processor as the worker calls it, after the payload was checked. */
export type AnyJobProcessor = (data: Record<string, unknown>, context: JobContext) => Promise<void>;
export type ProcessorsByQueue = Partial<Record<FeatureQueueName, Record<string, AnyJobProcessor>>>;

/**
 * The processors by plain names, as the worker looks them up. Widening a processor's payload
 * type is safe only because the worker checks every payload against the registry before it
 * calls the processor (src/jobs/workers.ts).
 */
export function processorsByQueue(processors: FeatureProcessors): ProcessorsByQueue {
  return processors as unknown as ProcessorsByQueue;
}

/**
 * Merges the features' registrations. Caught at start: a purpose or job registered twice, a job
 * the registry does not declare, and (with `complete`) a purpose without a renderer.
 */
export function collectFeatureJobs(
  list: readonly FeatureJobs[],
  { complete = false }: { complete?: boolean } = {},
): { renderers: Partial<OutgoingRenderers>; processors: FeatureProcessors } {
  const renderers: Partial<Record<OutgoingPurpose, OutgoingRenderer>> = {};
  const processors: ProcessorsByQueue = {};
  for (const feature of list) {
    for (const [purpose, renderer] of Object.entries(feature.renderers ?? {}) as Array<[OutgoingPurpose, OutgoingRenderer]>) {
      if (!OUTGOING_PURPOSES.includes(purpose)) throw new Error(`${feature.name} registers a renderer for undeclared purpose "${purpose}" (src/jobs/registry.ts)`);
      if (renderers[purpose]) throw new Error(`Outgoing purpose "${purpose}" is registered twice (again by ${feature.name})`);
      renderers[purpose] = renderer;
    }
    for (const [queue, byName] of Object.entries(feature.processors ?? {}) as Array<[FeatureQueueName, Record<string, AnyJobProcessor>]>) {
      if (!QUEUE_NAMES.includes(queue)) throw new Error(`${feature.name} registers jobs on unknown queue ${queue}`);
      const target = (processors[queue] ??= {});
      for (const [jobName, processor] of Object.entries(byName)) {
        if (!(jobName in JOB_REGISTRY[queue])) throw new Error(`${feature.name} registers job "${queue}/${jobName}", which src/jobs/registry.ts does not declare`);
        if (target[jobName]) throw new Error(`Job "${queue}/${jobName}" is registered twice (again by ${feature.name})`);
        target[jobName] = processor;
      }
    }
  }
  if (complete) {
    const missing = OUTGOING_PURPOSES.filter((purpose) => !renderers[purpose]);
    if (missing.length > 0) throw new Error(`No renderer for outgoing purpose(s) ${missing.join(", ")}`);
  }
  return { renderers, processors: processors as FeatureProcessors };
}
