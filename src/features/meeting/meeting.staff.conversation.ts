import { InlineKeyboard } from "grammy";
import type { ConversationContext } from "../../bot/context.js";
import { buttonData, closeKeyboard, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import { formatCalendarDate, formatWeekday, readDateTime, readTimeOnDate, type DateTimeReading } from "../../lib/datetime.js";
import { rescheduleMeeting } from "./meeting.manage.js";
import { backToMeetingKeyboard } from "./meeting.staff.keyboards.js";
import { staffMeeting, type StaffDeps } from "./meeting.staff.service.js";
import { when } from "./meeting.staff.texts.js";

export const MOVE_CONVERSATION = "meeting-staff-move";

/** Readings of the new time before the conversation gives up (no endless loops). */
const MAX_TRIES = 6;

type Step = { kind: "instant"; iso: string } | { kind: "retry" } | { kind: "date"; date: string };

/**
 * «Ubah jadwal»: asks the new date and time (read with readDateTime, echoed in full), asks
 * to confirm, then rescheduleMeeting — which checks staff rights again and tells every
 * invitee through the queue.
 */
export function moveConversation(deps: StaffDeps) {
  const zone = deps.meetings.timeZone;

  return async function move(conversation: BotConversation, ctx: ConversationContext, meetingId: number): Promise<void> {
    const by = await conversation.external((outer) => outer.actor?.personId ?? null);
    if (by === null) {
      await ctx.reply(ctx.t("common-not-allowed"));
      return;
    }
    const found = await conversation.external(() => staffMeeting(deps, meetingId, by));
    if (found.kind !== "ok") {
      await ctx.reply(ctx.t(found.kind === "not-allowed" ? "common-not-allowed" : "meeting-staff-not-found"));
      return;
    }
    const meeting = found.meeting;
    if (meeting.status === "cancelled") {
      await ctx.reply(ctx.t("meeting-staff-move-cancelled"));
      return;
    }
    const nonce = await newNonce(conversation);
    const old = when(ctx.locale, zone, meeting.startsAt);
    await ctx.reply(ctx.t("meeting-staff-move-ask", { title: meeting.title, when: old }));

    let pendingDate: string | null = null;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const hint = pendingDate ? "meeting-staff-move-time-hint" : "meeting-staff-move-hint";
      const answer = await waitForAnswer(conversation, nonce, { key: hint });
      if (answer.kind === "button") {
        // a button of an earlier step of this run: say what is expected now
        await answer.ctx.reply(ctx.t(hint));
        continue;
      }
      // The injected clock, through external: the same value when the conversation is replayed.
      const now = new Date(await conversation.external(() => deps.meetings.clock().toISOString()));
      const reading = pendingDate ? readTimeOnDate(pendingDate, answer.text, now, zone) : readDateTime(answer.text, now, zone);
      const step = await explain(conversation, answer.ctx, nonce, reading);
      if (step.kind === "date") {
        pendingDate = step.date;
        continue;
      }
      if (step.kind === "retry") continue;
      pendingDate = null;

      await answer.ctx.reply(ctx.t("meeting-staff-move-confirm", { when: when(ctx.locale, zone, step.iso), old }), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("meeting-staff-btn-move-yes"), buttonData(nonce, "yes"))
          .text(ctx.t("meeting-staff-btn-move-retype"), buttonData(nonce, "retype"))
          .row()
          .text(ctx.t("meeting-staff-btn-move-no"), buttonData(nonce, "no")),
      });
      const pressed = await waitForButton(conversation, nonce, { key: "meeting-staff-move-confirm-hint" }, (a) => ["yes", "retype", "no"].includes(a[0] ?? ""));
      await closeKeyboard(pressed.ctx);
      if (pressed.action[0] === "retype") {
        await pressed.ctx.reply(ctx.t("meeting-staff-move-retype"));
        continue;
      }
      if (pressed.action[0] === "no") {
        await pressed.ctx.reply(ctx.t("meeting-staff-move-kept"), { reply_markup: backToMeetingKeyboard(ctx.t, meetingId) });
        return;
      }
      const result = await conversation.external(async (outer) => {
        const moved = await rescheduleMeeting(deps.meetings, meetingId, new Date(step.iso), by);
        if (moved.kind === "rescheduled") outer.log.info({ meetingId }, "meeting rescheduled by staff");
        return moved;
      });
      const back = { reply_markup: backToMeetingKeyboard(ctx.t, meetingId) };
      switch (result.kind) {
        case "rescheduled":
          await pressed.ctx.reply(ctx.t("meeting-staff-move-done", { title: meeting.title, when: when(ctx.locale, zone, step.iso), count: result.notified }), back);
          return;
        case "past":
          await pressed.ctx.reply(ctx.t("meeting-staff-move-past", { when: when(ctx.locale, zone, step.iso) }));
          continue;
        case "same-time":
          await pressed.ctx.reply(ctx.t("meeting-staff-move-same"), back);
          return;
        case "cancelled":
          await pressed.ctx.reply(ctx.t("meeting-staff-move-cancelled"));
          return;
        case "not-allowed":
          await pressed.ctx.reply(ctx.t("common-not-allowed"));
          return;
        default:
          await pressed.ctx.reply(ctx.t("meeting-staff-not-found"));
          return;
      }
    }
    await ctx.reply(ctx.t("meeting-staff-move-too-many"), { reply_markup: backToMeetingKeyboard(ctx.t, meetingId) });
  };

  /** Turns a reading into the next step, telling the user what was read or what is wrong. */
  async function explain(conversation: BotConversation, ctx: ConversationContext, nonce: string, reading: DateTimeReading): Promise<Step> {
    switch (reading.kind) {
      case "ok":
        return { kind: "instant", iso: reading.instant.toISOString() };
      case "date-only":
        await ctx.reply(ctx.t("meeting-staff-move-date-only", { date: formatCalendarDate(reading.date, ctx.locale) }));
        return { kind: "date", date: reading.date };
      case "past":
        await ctx.reply(
          ctx.t("meeting-staff-move-past", {
            when: reading.date ? formatCalendarDate(reading.date, ctx.locale) : when(ctx.locale, zone, reading.instant),
          }),
        );
        return { kind: "retry" };
      case "weekday-mismatch":
        await ctx.reply(
          ctx.t("meeting-staff-move-weekday", {
            date: formatCalendarDate(reading.date, ctx.locale),
            written: formatWeekday(reading.weekdayWritten, ctx.locale),
          }),
        );
        return { kind: "retry" };
      case "ambiguous": {
        const candidates = reading.candidates.slice(0, 4).map((c) => c.toISOString());
        const keyboard = new InlineKeyboard();
        candidates.forEach((iso, i) => keyboard.text(when(ctx.locale, zone, iso), buttonData(nonce, "pick", i)).row());
        await ctx.reply(ctx.t("meeting-staff-move-ambiguous"), { reply_markup: keyboard });
        const picked = await waitForButton(conversation, nonce, { key: "meeting-staff-move-ambiguous-hint" }, (a) =>
          a[0] === "pick" && Number(a[1]) >= 0 && Number(a[1]) < candidates.length,
        );
        await closeKeyboard(picked.ctx);
        return { kind: "instant", iso: candidates[Number(picked.action[1])]! };
      }
      default:
        await ctx.reply(ctx.t("meeting-staff-move-invalid"));
        return { kind: "retry" };
    }
  }
}
