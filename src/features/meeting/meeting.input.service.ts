import type { Clock } from "../../app-deps.js";
import type { PrismaClient } from "../../db/client.js";
import { MeetingInputTopic } from "../../generated/prisma/enums.js";
import type { OutgoingRequest } from "../../jobs/outgoing.types.js";
import { staffById } from "../people/people.rights.js";
import { createMeetingInputRepository, type MeetingInputRepository } from "./meeting.input.repository.js";

/** The outgoing purpose of the question round's message (rendered in meeting.input.jobs.ts). */
export const INPUT_REQUEST_PURPOSE = "meeting-input-request";
/** The longest answer kept (a Telegram message is at most 4,096 characters). */
export const MAX_INPUT_LENGTH = 2000;

export type MeetingInputDeps = {
  prisma: PrismaClient;
  repo: MeetingInputRepository;
  clock: Clock;
  enqueue(requests: OutgoingRequest[]): Promise<void>;
};

export function meetingInputDeps(app: { prisma: PrismaClient; clock: Clock; outbox: { enqueue(r: OutgoingRequest[]): Promise<unknown> } }): MeetingInputDeps {
  return {
    prisma: app.prisma,
    repo: createMeetingInputRepository(app.prisma),
    clock: app.clock,
    async enqueue(requests) {
      if (requests.length > 0) await app.outbox.enqueue(requests);
    },
  };
}

/** What an invitee is asked: a group's people three things, a stakeholder one. */
export function topicsFor(invitation: { groupId: number | null; stakeholderId: number | null }): MeetingInputTopic[] {
  return invitation.groupId !== null
    ? [MeetingInputTopic.achievements, MeetingInputTopic.obstacles, MeetingInputTopic.proposals]
    : [MeetingInputTopic.stakeholder_input];
}

const isOpen = (m: { status: string; startsAt: Date }, now: Date) => m.status === "scheduled" && m.startsAt.getTime() > now.getTime();

export type RequestResult = { kind: "requested"; count: number } | { kind: "not-allowed" } | { kind: "not-found" } | { kind: "closed" };

/**
 * Staff ask every invitee for their input before the meeting: one message each through the
 * outgoing queue (key `input-<meeting>-<person>`, so asking twice asks once).
 */
export async function requestInput(deps: MeetingInputDeps, meetingId: number, staffId: number): Promise<RequestResult> {
  if (!(await staffById(deps.prisma, staffId))) return { kind: "not-allowed" };
  const meeting = await deps.repo.meeting(meetingId);
  if (!meeting) return { kind: "not-found" };
  if (!isOpen(meeting, deps.clock())) return { kind: "closed" };
  await deps.repo.markRequested(meetingId, deps.clock());
  const people = await deps.repo.inviteeIds(meetingId);
  await deps.enqueue(people.map((personId) => ({ key: `input-${meetingId}-${personId}`, purpose: INPUT_REQUEST_PURPOSE, personId, meetingId })));
  return { kind: "requested", count: people.length };
}

export type InputRound =
  | { kind: "open"; title: string; topics: MeetingInputTopic[]; answers: Partial<Record<MeetingInputTopic, string>> }
  | { kind: "not-invited" }
  | { kind: "closed" };

/** What an invitee may answer now, with what they answered before. */
export async function inputRound(deps: MeetingInputDeps, meetingId: number, personId: number): Promise<InputRound> {
  const invitation = await deps.repo.invitation(meetingId, personId);
  if (!invitation) return { kind: "not-invited" };
  if (!isOpen(invitation.meeting, deps.clock())) return { kind: "closed" };
  const answers: Partial<Record<MeetingInputTopic, string>> = {};
  for (const a of await deps.repo.inputsOf(meetingId, personId)) answers[a.topic] = a.text;
  return { kind: "open", title: invitation.meeting.title, topics: topicsFor(invitation), answers };
}

export type SaveResult = { kind: "saved" } | { kind: "not-invited" } | { kind: "closed" } | { kind: "empty" };

/** Stores (or replaces) one answer, until the meeting starts. */
export async function saveInput(deps: MeetingInputDeps, meetingId: number, personId: number, topic: MeetingInputTopic, text: string): Promise<SaveResult> {
  const clean = text.trim().slice(0, MAX_INPUT_LENGTH);
  if (clean === "") return { kind: "empty" };
  const invitation = await deps.repo.invitation(meetingId, personId);
  if (!invitation || !topicsFor(invitation).includes(topic)) return { kind: "not-invited" };
  if (!isOpen(invitation.meeting, deps.clock())) return { kind: "closed" };
  await deps.repo.saveInput(meetingId, personId, topic, clean);
  return { kind: "saved" };
}
