import type { Clock } from "../../app-deps.js";
import type { PrismaClient } from "../../db/client.js";
import type { OutgoingRequest } from "../../jobs/outgoing.types.js";
import { recordAudit } from "../audit/audit.service.js";
import { staffById } from "../people/people.rights.js";

/** The outgoing purpose of the notulen sent to the attendees (rendered in meeting.input.jobs.ts). */
export const NOTES_PURPOSE = "meeting-notes";
export const MAX_NOTES_LENGTH = 3500;

export type NotesDeps = { prisma: PrismaClient; clock: Clock; enqueue(requests: OutgoingRequest[]): Promise<void> };

export type NotesResult = { kind: "saved"; notesAt: Date } | { kind: "not-allowed" } | { kind: "not-found" } | { kind: "not-yet" } | { kind: "empty" };

/** Staff record the decisions (notulen) once the meeting has started; a change is audited. */
export async function saveNotes(deps: NotesDeps, meetingId: number, staffId: number, text: string): Promise<NotesResult> {
  if (!(await staffById(deps.prisma, staffId))) return { kind: "not-allowed" };
  const clean = text.trim().slice(0, MAX_NOTES_LENGTH);
  if (clean === "") return { kind: "empty" };
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId }, select: { status: true, startsAt: true, notes: true } });
  if (!meeting || meeting.status !== "scheduled") return { kind: "not-found" };
  const now = deps.clock();
  if (meeting.startsAt.getTime() > now.getTime()) return { kind: "not-yet" };
  await deps.prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meetingId }, data: { notes: clean, notesAt: now, notesById: staffId } });
    await recordAudit(tx, { actorId: staffId, source: "bot", entity: "meeting", entityId: meetingId, action: "notes", before: { notes: meeting.notes }, after: { notes: clean } });
  });
  return { kind: "saved", notesAt: now };
}

/**
 * Who gets the notulen: those who checked in; when nobody did (check-in not used), those who
 * said they would come.
 */
export async function sendNotes(deps: NotesDeps, meetingId: number, staffId: number): Promise<{ kind: "sent"; count: number } | { kind: "not-allowed" } | { kind: "no-notes" }> {
  if (!(await staffById(deps.prisma, staffId))) return { kind: "not-allowed" };
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId }, select: { notes: true, notesAt: true } });
  if (!meeting?.notes || !meeting.notesAt) return { kind: "no-notes" };
  const present = await deps.prisma.invitation.findMany({ where: { meetingId, checkedInAt: { not: null } }, select: { personId: true } });
  const people = present.length > 0 ? present : await deps.prisma.invitation.findMany({ where: { meetingId, answer: "yes" }, select: { personId: true } });
  const version = meeting.notesAt.getTime();
  await deps.enqueue(people.map((p) => ({ key: `notes-${meetingId}-${p.personId}-${version}`, purpose: NOTES_PURPOSE, personId: p.personId, meetingId })));
  return { kind: "sent", count: people.length };
}
