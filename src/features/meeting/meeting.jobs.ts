import type { JobData, OutgoingRenderer, RenderContext, RenderedMessage } from "../../jobs/outgoing.types.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import { MEETING_QUEUE, meetingDeps, REMINDER_JOB } from "./meeting.deps.js";
import { BRIEFING_JOB, FGD_QUEUE } from "./meeting.input.jobs.js";
import { rsvpKeyboard } from "./meeting.keyboards.js";
import { createMeetingRepository, type RsvpAnswer } from "./meeting.repository.js";
import { epochOf, fanOutReminder, HEAD_OF_PURPOSE, keyEpoch, PURPOSE, resendRound, type ReminderKind } from "./meeting.service.js";
import { cancelledText, invitationText, type InvitationHead, type Translate } from "./meeting.texts.js";

/**
 * What meetings send through the outgoing queue, rendered at send time in the invitee's
 * language from the database (so a message waiting in the queue never shows stale details),
 * and the reminder fan-out job. A renderer returns null when the message has no point any
 * more: the meeting was cancelled, moved or has started, or the invitee already answered.
 */

function translate(ctx: RenderContext): Translate {
  return (key, vars) => ctx.i18n.t(ctx.recipient.language, key, vars);
}

async function loadInvitation(ctx: RenderContext) {
  if (ctx.outgoing.meetingId === null) return null;
  return createMeetingRepository(ctx.prisma).invitationOf(ctx.outgoing.meetingId, ctx.outgoing.personId);
}

/** The invitation with the answer buttons, under one of the heads; null when it should not go out. */
type StillWanted = (ctx: RenderContext, answer: RsvpAnswer | null, startsAt: Date) => boolean;

function invitationRenderer(head: InvitationHead, stillWanted: StillWanted): OutgoingRenderer {
  return {
    async render(ctx): Promise<RenderedMessage | null> {
      const invitation = await loadInvitation(ctx);
      if (!invitation) return null;
      const { meeting } = invitation;
      if (meeting.status === "cancelled" || meeting.startsAt.getTime() <= ctx.clock().getTime()) return null;
      if (!stillWanted(ctx, invitation.answer, meeting.startsAt)) return null;
      const t = translate(ctx);
      return {
        text: invitationText(t, ctx.recipient.language, ctx.timeZone, meeting, head, invitation.answer, invitation.reason),
        replyMarkup: rsvpKeyboard(t, invitation.id, invitation.answer),
      };
    },
  };
}

/** Messages bound to a start time (reminders, the moved notice) go only while the meeting still starts then. */
const forCurrentStart: StillWanted = (ctx, _answer, startsAt) => keyEpoch(ctx.outgoing.key) === epochOf(startsAt);
/** Reminders also skip anyone who has said «Tidak hadir» since the fan-out. */
const forReminder: StillWanted = (ctx, answer, startsAt) => answer !== "no" && forCurrentStart(ctx, answer, startsAt);

const invite: OutgoingRenderer = {
  // A re-send is pointless once the invitee has answered.
  ...invitationRenderer(HEAD_OF_PURPOSE[PURPOSE.invite], (ctx, answer) => answer === null || resendRound(ctx.outgoing.key) === 0),
  async afterSend(ctx, sent) {
    if (ctx.outgoing.meetingId === null) return;
    await createMeetingRepository(ctx.prisma).setMessageId(ctx.outgoing.meetingId, ctx.outgoing.personId, sent.messageId);
  },
};

const cancelled: OutgoingRenderer = {
  async render(ctx) {
    const invitation = await loadInvitation(ctx);
    if (!invitation || invitation.meeting.status !== "cancelled") return null;
    // Someone whose invitation never left the queue has nothing to be told.
    const sent = await createMeetingRepository(ctx.prisma).sentMessages(invitation.meetingId, ctx.outgoing.personId);
    if (sent.length === 0 && invitation.messageId === null) return null;
    return { text: cancelledText(translate(ctx), ctx.recipient.language, ctx.timeZone, invitation.meeting) };
  },
};

const reminderFanOut: JobProcessor = async (data: JobData, { deps, log }) => {
  const meetingId = Number(data.meetingId);
  const startsAtEpoch = Number(data.startsAtEpoch);
  const kind: ReminderKind = data.kind === "2h" ? "2h" : "day";
  if (!Number.isInteger(meetingId) || !Number.isInteger(startsAtEpoch)) {
    log.warn({ meetingId: data.meetingId }, "reminder job with bad data ignored");
    return;
  }
  const result = await fanOutReminder(meetingDeps(deps), { meetingId, kind, startsAtEpoch });
  if (result.kind === "stale") log.info({ meetingId, reminder: kind }, "reminder for a cancelled or moved meeting skipped");
  // With the day-before reminders, staff get the FGD briefing (meeting.input.jobs.ts).
  else if (kind === "day") await deps.outbox.scheduleJob(FGD_QUEUE, BRIEFING_JOB, { meetingId, startsAtEpoch }, { jobId: `briefing-${meetingId}-${startsAtEpoch}` });
};

export const meetingJobs: FeatureJobs = {
  name: "meeting",
  renderers: {
    [PURPOSE.invite]: invite,
    [PURPOSE.reminderDay]: invitationRenderer(HEAD_OF_PURPOSE[PURPOSE.reminderDay], forReminder),
    [PURPOSE.reminder2h]: invitationRenderer(HEAD_OF_PURPOSE[PURPOSE.reminder2h], forReminder),
    [PURPOSE.rescheduled]: invitationRenderer(HEAD_OF_PURPOSE[PURPOSE.rescheduled], forCurrentStart),
    [PURPOSE.cancelled]: cancelled,
  },
  processors: { [MEETING_QUEUE]: { [REMINDER_JOB]: reminderFanOut } },
};
