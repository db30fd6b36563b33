import type { Clock } from "../../app-deps.js";
import type { InvitationRow, MeetingRepository, MeetingRow, RsvpAnswer } from "./meeting.repository.js";
import { headOfPurpose, REASON_MAX } from "./meeting.service.js";
import type { InvitationHead } from "./meeting.texts.js";

/**
 * An invitee's answer (Hadir / Tidak hadir / Mungkin) and their reason for not coming.
 * The button says only which invitation; whether the presser may answer it is decided here,
 * from the database: the invitation must be theirs and the pressed message one the bot sent
 * them about that meeting. Answers can change until the meeting starts. The pressed message
 * keeps its own first line when it shows the new answer (a reminder stays a reminder).
 */

export type RsvpDeps = {
  repo: Pick<MeetingRepository, "invitation" | "setAnswer" | "setReason" | "sentMessages">;
  clock: Clock;
};

export type RsvpRefusal = { kind: "invalid" } | { kind: "cancelled" } | { kind: "started" };

export type Answered = {
  kind: "answered";
  changed: boolean;
  answer: RsvpAnswer;
  reason: string | null;
  invitationId: number;
  /** what the pressed message was (an invitation, a reminder, the moved notice) */
  head: InvitationHead;
  meeting: { id: number; title: string; startsAt: string; place: string; agenda: string | null };
};

type Loaded = { kind: "ok"; invitation: InvitationRow; meeting: MeetingRow; head: InvitationHead } | RsvpRefusal;

/** The invitation if `personId` may answer it now (and, with `messageId`, from that message). */
async function loadOwn(deps: RsvpDeps, invitationId: number, personId: number | null, messageId?: number): Promise<Loaded> {
  if (personId === null) return { kind: "invalid" };
  const found = await deps.repo.invitation(invitationId);
  if (!found || found.personId !== personId) return { kind: "invalid" };
  const { meeting, ...invitation } = found;
  let head: InvitationHead = "invite";
  if (messageId !== undefined && invitation.messageId !== messageId) {
    const sent = (await deps.repo.sentMessages(meeting.id, personId)).find((m) => m.messageId === messageId);
    if (!sent) return { kind: "invalid" };
    head = headOfPurpose(sent.purpose);
  }
  if (meeting.status === "cancelled") return { kind: "cancelled" };
  if (meeting.startsAt.getTime() <= deps.clock().getTime()) return { kind: "started" };
  return { kind: "ok", invitation, meeting, head };
}

function answered(loaded: Extract<Loaded, { kind: "ok" }>, answer: RsvpAnswer, reason: string | null, changed: boolean): Answered {
  const { invitation, meeting, head } = loaded;
  return {
    kind: "answered",
    changed,
    answer,
    reason,
    invitationId: invitation.id,
    head,
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place, agenda: meeting.agenda },
  };
}

/** Records (or changes) the answer with its time; pressing the same answer again changes nothing. */
export async function answerInvitation(
  deps: RsvpDeps,
  input: { invitationId: number; personId: number | null; answer: RsvpAnswer; messageId?: number },
): Promise<Answered | RsvpRefusal> {
  const loaded = await loadOwn(deps, input.invitationId, input.personId, input.messageId);
  if (loaded.kind !== "ok") return loaded;
  const { invitation } = loaded;
  if (invitation.answer === input.answer) return answered(loaded, input.answer, invitation.reason, false);
  await deps.repo.setAnswer(invitation.id, input.answer, deps.clock());
  return answered(loaded, input.answer, input.answer === "no" ? invitation.reason : null, true);
}

/** Whether the presser may give a reason now: their own invitation, answered «Tidak hadir», before the start. */
export async function reasonAllowed(
  deps: RsvpDeps,
  input: { invitationId: number; personId: number | null; messageId?: number },
): Promise<{ kind: "ok" } | RsvpRefusal | { kind: "not-declined" }> {
  const loaded = await loadOwn(deps, input.invitationId, input.personId, input.messageId);
  if (loaded.kind !== "ok") return loaded;
  return loaded.invitation.answer === "no" ? { kind: "ok" } : { kind: "not-declined" };
}

export type ReasonResult = Answered | RsvpRefusal | { kind: "not-declined" } | { kind: "too-long"; length: number };

/**
 * Stores the reason (null: none given), checked again against the presser and the answer;
 * `messageId`: the message whose «Tulis alasan» was pressed (it is shown again with the reason).
 */
export async function saveReason(
  deps: RsvpDeps,
  input: { invitationId: number; personId: number | null; reason: string | null; messageId?: number },
): Promise<ReasonResult> {
  const reason = input.reason?.normalize("NFKC").trim() || null;
  const length = reason ? [...reason].length : 0;
  if (length > REASON_MAX) return { kind: "too-long", length };
  const loaded = await loadOwn(deps, input.invitationId, input.personId, input.messageId);
  if (loaded.kind !== "ok") return loaded;
  if (loaded.invitation.answer !== "no") return { kind: "not-declined" };
  await deps.repo.setReason(loaded.invitation.id, reason);
  return answered(loaded, "no", reason, true);
}
