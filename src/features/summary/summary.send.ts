import type { EnqueueResult, OutgoingRequest, Outbox } from "../../jobs/outgoing.types.js";
import type { ReportingWeek } from "../../lib/week.js";
import type { SummaryRepository } from "./summary.repository.js";

export const SUMMARY_QUEUE = "summary" as const;
export const WEEKLY_SUMMARY_JOB = "weekly-summary";
export const SUMMARY_PURPOSE = "weekly-summary" as const;

/**
 * Keys: `summary-<week>-<personId>` for a coordinator (their groups, one message) and
 * `summary-<week>-<personId>-p<programmeId>` for staff (one message per programme, so that each
 * stays within Telegram's 4096 characters and carries its programme's chart). The week and
 * programme are read back from the key at send time.
 */
export function summaryKey(weekKey: string, personId: number, programmeId?: number): string {
  return `summary-${weekKey}-${personId}${programmeId === undefined ? "" : `-p${programmeId}`}`;
}

const KEY_RE = /^summary-(\d{4}-W\d{2})-(\d+)(?:-p(\d+))?$/;

export function parseSummaryKey(key: string): { weekKey: string; personId: number; programmeId: number | null } | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  return { weekKey: m[1]!, personId: Number(m[2]), programmeId: m[3] === undefined ? null : Number(m[3]) };
}

export type FanOutResult = EnqueueResult & { coordinators: number; staff: number; programmes: number };

/**
 * One outgoing message per coordinator and per (staff member, programme). Idempotent: the keys
 * are deterministic, so a second run (a retry, a double trigger) queues nothing new and a
 * message already sent is never sent again.
 */
export async function fanOutWeeklySummary(deps: { repo: SummaryRepository; outbox: Pick<Outbox, "enqueue"> }, week: ReportingWeek): Promise<FanOutResult> {
  const [coordinators, staff, programmes] = await Promise.all([
    deps.repo.coordinatorRecipients(),
    deps.repo.staffRecipients(),
    deps.repo.programmes(),
  ]);
  const requests: OutgoingRequest[] = [
    ...coordinators.map((c) => ({ key: summaryKey(week.key, c.personId), purpose: SUMMARY_PURPOSE, personId: c.personId })),
    ...staff.flatMap((personId) =>
      programmes.map((p) => ({ key: summaryKey(week.key, personId, p.programmeId), purpose: SUMMARY_PURPOSE, personId })),
    ),
  ];
  const result = requests.length > 0 ? await deps.outbox.enqueue(requests) : { queued: 0, alreadyQueued: 0, alreadySent: 0, requeued: 0 };
  return { ...result, coordinators: coordinators.length, staff: staff.length, programmes: programmes.length };
}
