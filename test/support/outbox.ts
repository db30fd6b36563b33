// An Outbox for tests that build AppDeps without Redis: it records what features asked for.
import type { EnqueueResult, JobData, Outbox, OutgoingRequest, ScheduleOptions } from "../../src/jobs/outgoing.types.js";
import { parseJob, type FeatureQueueName } from "../../src/jobs/registry.js";

export type RecordingOutbox = Outbox & {
  requests: OutgoingRequest[];
  cancelled: string[];
  scheduled: Array<{ queue: FeatureQueueName; jobName: string; data: JobData; opts: ScheduleOptions }>;
  cancelledJobs: Array<{ queue: FeatureQueueName; jobId: string }>;
};

/** Records enqueue/cancel/scheduleJob calls (deduplicated by key like the real one); sends nothing. */
export function recordingOutbox(): RecordingOutbox {
  const outbox: RecordingOutbox = {
    requests: [],
    cancelled: [],
    scheduled: [],
    cancelledJobs: [],
    async enqueue(requests) {
      const result: EnqueueResult = { queued: 0, alreadyQueued: 0, alreadySent: 0, requeued: 0 };
      for (const request of requests) {
        if (outbox.requests.some((r) => r.key === request.key)) result.alreadyQueued++;
        else {
          outbox.requests.push(request);
          result.queued++;
        }
      }
      return result;
    },
    async cancel(keys) {
      const known = keys.filter((key) => outbox.requests.some((r) => r.key === key) && !outbox.cancelled.includes(key));
      outbox.cancelled.push(...known);
      return known.length;
    },
    async scheduleJob(queue, jobName, data, opts) {
      outbox.scheduled = outbox.scheduled.filter((s) => !(s.queue === queue && s.opts.jobId === opts.jobId));
      // Checked like the real outbox does, so a test with this fake proves the payload fits the registry.
      outbox.scheduled.push({ queue, jobName, data: parseJob(queue, jobName, data) as JobData, opts });
    },
    async cancelJob(queue, jobId) {
      const before = outbox.scheduled.length;
      outbox.scheduled = outbox.scheduled.filter((s) => !(s.queue === queue && s.opts.jobId === jobId));
      outbox.cancelledJobs.push({ queue, jobId });
      return outbox.scheduled.length < before;
    },
  };
  return outbox;
}
