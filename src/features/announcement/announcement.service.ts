import type { Clock } from "../../app-deps.js";
import type { Outbox } from "../../jobs/outgoing.types.js";
import type { Logger } from "../../logger.js";
import { audienceCounts, resolveAudience, toggleAudience, type Audience, type AudienceCounts, type Candidate } from "../people/people.audience.js";
import type { AnnouncementAudience, AnnouncementRepository, DeliveryCounts, ProgrammeOption } from "./announcement.repository.js";

/**
 * /umumkan: staff send a text (and optionally a photo) to chosen programmes and groups. Each
 * reachable member gets it once, through the outgoing queue; a check job follows the delivery
 * and, once every message has settled, tells the sender how many arrived — once.
 */

export const PURPOSE = { announcement: "announcement", report: "announcement-report" } as const;
export const ANNOUNCEMENT_QUEUE = "announcement" as const;
export const CHECK_JOB = "delivery-check";

/** Telegram allows 4096 characters in a message and 1024 in a photo's caption; the header takes a few. */
export const TEXT_MAX = 3500;
export const CAPTION_TEXT_MAX = 1000;

export type AnnouncementDeps = {
  repo: AnnouncementRepository;
  clock: Clock;
  outbox: Outbox;
  logger: Logger;
};

export type AnnouncementDraft = { text: string; photoFileId: string | null; audience: AnnouncementAudience };

export const EMPTY_ANNOUNCEMENT_AUDIENCE: AnnouncementAudience = { programmeIds: [], groupIds: [] };

export const announcementKey = (announcementId: number, personId: number) => `announce-${announcementId}-${personId}`;
export const reportKey = (announcementId: number) => `announce-report-${announcementId}`;
export const checkJobId = (announcementId: number, round: number) => `announce-check-${announcementId}-${round}`;

/** The announcement a message key belongs to: `announce-<id>-<personId>` or `announce-report-<id>`. */
export function announcementIdOfKey(key: string): number | null {
  const match = /^announce-(?:report-(\d+)|(\d+)-\d+)$/.exec(key);
  const id = Number(match?.[1] ?? match?.[2]);
  return Number.isInteger(id) && id > 0 ? id : null;
}

// ── the draft ───────────────────────────────────────────────────────────────────────

export type TextCheck = { kind: "ok"; text: string } | { kind: "empty" } | { kind: "too-long"; length: number; max: number };

/** The announcement's text: trimmed, not empty, short enough for a message (or a photo's caption). */
export function checkText(raw: string, withPhoto: boolean): TextCheck {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) return { kind: "empty" };
  const length = [...text].length;
  const max = withPhoto ? CAPTION_TEXT_MAX : TEXT_MAX;
  return length > max ? { kind: "too-long", length, max } : { kind: "ok", text };
}

/** As the meeting audience helpers see it: programmes and groups, never everyone or institutions. */
function asAudience(a: AnnouncementAudience): Audience {
  return { everyone: false, programmeIds: a.programmeIds, groupIds: a.groupIds, allStakeholders: false, stakeholderIds: [] };
}

export function isEmptyAnnouncementAudience(a: AnnouncementAudience): boolean {
  return a.programmeIds.length === 0 && a.groupIds.length === 0;
}

/** The people an audience reaches: reachable members of the chosen programmes and groups, each once. */
export function recipientsOf(audience: AnnouncementAudience, candidates: readonly Candidate[]): number[] {
  return resolveAudience(asAudience(audience), candidates).map((i) => i.personId);
}

export function toggleProgramme(a: AnnouncementAudience, id: number): AnnouncementAudience {
  const next = toggleAudience(asAudience(a), { kind: "programme", id });
  return { programmeIds: next.programmeIds, groupIds: next.groupIds };
}

export function toggleGroup(a: AnnouncementAudience, id: number): AnnouncementAudience {
  const next = toggleAudience(asAudience(a), { kind: "group", id });
  return { programmeIds: next.programmeIds, groupIds: next.groupIds };
}

/**
 * What the audience step needs: the choices and their head-counts. JSON-safe and small (no
 * list of people), because a conversation keeps it in its stored state.
 */
export type AnnouncementSetup = { programmes: ProgrammeOption[]; counts: AudienceCounts };

export async function announcementSetup(deps: Pick<AnnouncementDeps, "repo">): Promise<AnnouncementSetup> {
  const [programmes, candidates] = await Promise.all([deps.repo.programmes(), deps.repo.candidates()]);
  return { programmes, counts: audienceCounts(candidates) };
}

/** How many people the audience reaches now (shown on «Lanjut» and in the preview). */
export function recipientCount(deps: Pick<AnnouncementDeps, "repo">, audience: AnnouncementAudience): Promise<number> {
  return deps.repo.countRecipients(cleanAudience(audience));
}

export function isStaff(deps: Pick<AnnouncementDeps, "repo">, personId: number | null): Promise<boolean> {
  return personId === null ? Promise.resolve(false) : deps.repo.isStaff(personId);
}

// ── sending ─────────────────────────────────────────────────────────────────────────

export type SendResult =
  | { kind: "sent"; announcementId: number; recipients: number }
  | { kind: "not-allowed" }
  | { kind: "invalid" }
  | { kind: "no-recipients" };

/**
 * Kirim: staff rights again from the database, the draft checked again, the recipients from
 * fresh data; then the Announcement row, one message per recipient, and the first delivery check.
 */
export async function sendAnnouncement(deps: AnnouncementDeps, by: number, draft: AnnouncementDraft): Promise<SendResult> {
  if (!(await deps.repo.isStaff(by))) return { kind: "not-allowed" };
  const text = checkText(draft.text, draft.photoFileId !== null);
  if (text.kind !== "ok" || (draft.photoFileId !== null && (draft.photoFileId.length === 0 || draft.photoFileId.length > 200))) return { kind: "invalid" };
  const audience = cleanAudience(draft.audience);
  if (isEmptyAnnouncementAudience(audience)) return { kind: "invalid" };
  const recipients = recipientsOf(audience, await deps.repo.candidates());
  if (recipients.length === 0) return { kind: "no-recipients" };

  const announcementId = await deps.repo.create({ text: text.text, photoFileId: draft.photoFileId, audience, createdById: by, at: deps.clock() });
  await deps.outbox.enqueue(
    recipients.map((personId) => ({ key: announcementKey(announcementId, personId), purpose: PURPOSE.announcement, personId, announcementId })),
  );
  await scheduleCheck(deps, announcementId, 0);
  deps.logger.info({ announcementId, by, recipients: recipients.length }, "announcement queued");
  return { kind: "sent", announcementId, recipients: recipients.length };
}

function cleanAudience(a: AnnouncementAudience): AnnouncementAudience {
  const ids = (list: unknown) => (Array.isArray(list) ? [...new Set(list.filter((n): n is number => Number.isInteger(n) && n > 0))].sort((x, y) => x - y) : []);
  return { programmeIds: ids(a.programmeIds), groupIds: ids(a.groupIds) };
}

// ── the delivery count ──────────────────────────────────────────────────────────────

/** Every 5 s for the first five minutes, then every minute; after a day the sender is told anyway. */
export function nextCheckDelayMs(round: number): number {
  return round === 0 ? 3_000 : round <= 60 ? 5_000 : 60_000;
}
export const LAST_CHECK_ROUND = 60 + 24 * 60;

async function scheduleCheck(deps: Pick<AnnouncementDeps, "outbox">, announcementId: number, round: number): Promise<void> {
  await deps.outbox.scheduleJob(ANNOUNCEMENT_QUEUE, CHECK_JOB, { announcementId, round }, { jobId: checkJobId(announcementId, round), delayMs: nextCheckDelayMs(round) });
}

/** What the sender is told: delivered to N of M people, K could not be reached (every message not delivered). */
export type DeliveryReport = { delivered: number; total: number; notReached: number; pending: number };

export function deliveryReport(counts: DeliveryCounts): DeliveryReport {
  return { delivered: counts.sent, total: counts.total, notReached: counts.total - counts.sent - counts.queued, pending: counts.queued };
}

export type CheckResult = { kind: "missing" } | { kind: "reported-already" } | { kind: "pending"; queued: number } | { kind: "reported"; report: DeliveryReport };

/**
 * One run of the check job: while messages are still queued, look again later (the next round
 * has its own job id); once all have settled (or after a day), queue the report to the sender
 * and mark the announcement reported. The report's key makes a second run send nothing twice.
 */
export async function checkDelivery(deps: AnnouncementDeps, announcementId: number, round: number): Promise<CheckResult> {
  const announcement = await deps.repo.find(announcementId);
  if (!announcement) return { kind: "missing" };
  if (announcement.reportedAt) return { kind: "reported-already" };
  const counts = await deps.repo.deliveryCounts(announcementId);
  if (counts.queued > 0 && round < LAST_CHECK_ROUND) {
    await scheduleCheck(deps, announcementId, round + 1);
    return { kind: "pending", queued: counts.queued };
  }
  await deps.outbox.enqueue([{ key: reportKey(announcementId), purpose: PURPOSE.report, personId: announcement.createdById }]);
  await deps.repo.markReported(announcementId, deps.clock());
  return { kind: "reported", report: deliveryReport(counts) };
}
