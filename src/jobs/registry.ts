import { z } from "zod";

/**
 * The app's queues, their jobs and what each job carries: one map, queue → job name → zod
 * schema of the payload. A job is checked against it when it is added (deps.outbox,
 * the schedules) and again when a worker takes it (src/jobs/workers.ts): the producer cannot
 * enqueue what the processor cannot read, and a payload left in Redis by an older release
 * fails at once instead of being guessed at. Payloads carry ids, never names or texts.
 *
 * - `outgoing`: one job per message to one person (`send`, the OutgoingMessage row's id), made
 *   by `deps.outbox.enqueue`, run by src/outgoing/outbox.worker.ts with the features' renderers.
 * - the other queues: a feature's own jobs, made by `deps.outbox.scheduleJob(queue, name, data,
 *   { jobId, runAt })` or by a schedule (src/jobs/schedules.ts), run by the processor the
 *   feature registers for that name (src/jobs/features.ts).
 *
 * A new job is one more entry here; a new queue one more key.
 */

const id = z.number().int().positive();
/** an ISO reporting week, e.g. "2026-W48" */
const weekKey = z.string().regex(/^\d{4}-W\d{2}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const JOB_REGISTRY = {
  outgoing: {
    send: z.object({ outgoingId: id }),
  },
  meeting: {
    /** fans a meeting reminder out to the invitees who have not declined */
    "reminder-fanout": z.object({ meetingId: id, kind: z.enum(["day", "2h"]), startsAtEpoch: z.number().int() }),
  },
  reminder: {
    /** without `week`: the week of the scheduled time */
    "weekly-reminder": z.object({ slot: z.enum(["first", "second"]), week: weekKey.optional() }),
  },
  summary: {
    /** without `week`: the week before the scheduled time's */
    "weekly-summary": z.object({ week: weekKey.optional() }),
  },
  export: {
    build: z.object({
      personId: id,
      scopeKind: z.enum(["all", "my-groups", "group", "programme"]),
      scopeId: id.nullable(),
      firstWeekStartDate: isoDate,
      lastWeekStartDate: isoDate,
      periodSlug: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
      format: z.enum(["xlsx", "csv", "both"]),
    }),
  },
  fgd: {
    /** sends the FGD briefing (XLSX) of a meeting to staff, the day before it starts */
    briefing: z.object({ meetingId: id, startsAtEpoch: z.number().int() }),
  },
  announcement: {
    /** counts an announcement's deliveries and reports them to its author when done */
    "delivery-check": z.object({ announcementId: id, round: z.number().int().min(0) }),
  },
} as const satisfies Record<string, Record<string, z.ZodType<Record<string, unknown>>>>;

type Registry = typeof JOB_REGISTRY;
export type QueueName = keyof Registry;
export const OUTGOING_QUEUE = "outgoing" satisfies QueueName;
export const SEND_JOB = "send" satisfies JobName<typeof OUTGOING_QUEUE>;
export const QUEUE_NAMES = Object.keys(JOB_REGISTRY) as QueueName[];
export type FeatureQueueName = Exclude<QueueName, typeof OUTGOING_QUEUE>;

export type JobName<Q extends QueueName> = keyof Registry[Q] & string;
/** The payload of job `N` on queue `Q`, as the processor receives it. */
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = z.output<Registry[Q][N] & z.ZodType>;

/** Every (queue, job) pair, e.g. `{ queue: "reminder"; name: "weekly-reminder" }`. */
export type JobRef = { [Q in FeatureQueueName]: { [N in JobName<Q>]: { queue: Q; name: N } }[JobName<Q>] }[FeatureQueueName];

/** The messages the outgoing queue sends, by purpose: each has exactly one renderer (src/jobs/features.ts checks it). */
export const OUTGOING_PURPOSES = [
  "meeting-invite",
  "meeting-reminder-day",
  "meeting-reminder-2h",
  "meeting-rescheduled",
  "meeting-cancelled",
  "weekly-reminder",
  "weekly-summary",
  "announcement",
  "announcement-report",
  "meeting-input-request",
  "meeting-notes",
] as const;
export type OutgoingPurpose = (typeof OUTGOING_PURPOSES)[number];

export function isOutgoingPurpose(value: string): value is OutgoingPurpose {
  return (OUTGOING_PURPOSES as readonly string[]).includes(value);
}

export class InvalidJobError extends Error {
  override name = "InvalidJobError";
}

/** The schema of a job, or an InvalidJobError for a queue or job name the registry does not know. */
function schemaOf(queue: string, name: string): z.ZodType {
  const byName: Record<string, z.ZodType> | undefined = (JOB_REGISTRY as Record<string, Record<string, z.ZodType>>)[queue];
  const schema = byName?.[name];
  if (!schema) throw new InvalidJobError(`Unknown job ${queue}/${name}: add it to JOB_REGISTRY in src/jobs/registry.ts`);
  return schema;
}

/**
 * Checks a job's payload against the registry; throws InvalidJobError naming the fields that
 * do not fit (their values are not repeated: they may be anything).
 */
export function parseJob<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: unknown): JobPayload<Q, N>;
export function parseJob(queue: string, name: string, data: unknown): Record<string, unknown>;
export function parseJob(queue: string, name: string, data: unknown): Record<string, unknown> {
  const result = schemaOf(queue, name).safeParse(data);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.code}`).join(", ");
    throw new InvalidJobError(`Job ${queue}/${name} has an invalid payload (${fields})`);
  }
  return result.data as Record<string, unknown>;
}
