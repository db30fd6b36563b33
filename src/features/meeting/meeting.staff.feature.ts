import { startConversation } from "../../bot/conversation-start.js";
import { Composer, InputFile, type InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { attendanceFileBase, attendanceHeaders, attendanceRecap, attendanceRows } from "./meeting.attendance.js";
import { attendanceCsv, attendanceXlsx } from "./meeting.attendance.export.js";
import { createCheckInRepository } from "./meeting.checkin.repository.js";
import { checkInComposer } from "./meeting.checkin.feature.js";
import { meetingDeps } from "./meeting.deps.js";
import { cancelMeeting, nextResendRound, resendToUnanswered } from "./meeting.manage.js";
import { MOVE_CONVERSATION, moveConversation } from "./meeting.staff.conversation.js";
import {
  backToMeetingKeyboard,
  cancelConfirmKeyboard,
  meetingListKeyboard,
  meetingViewKeyboard,
  pickerKeyboard,
  resendConfirmKeyboard,
  STAFF_PATTERNS,
} from "./meeting.staff.keyboards.js";
import { createStaffRepository } from "./meeting.staff.repository.js";
import { attendanceData, listStaffMeetings, presentPicker, staffMarkPresent, staffMeetingView, type StaffDeps } from "./meeting.staff.service.js";
import { markText, meetingActions, meetingListText, meetingViewText, pickerName, pickerText, recapText, shortWhen, when } from "./meeting.staff.texts.js";
import { refuseNotStaff, staffPersonId } from "../../bot/filters/is-staff.filter.js";
import { editIfPossible } from "../../bot/edit-message.js";
import { bestEffort } from "../../lib/best-effort.js";

export { MOVE_CONVERSATION } from "./meeting.staff.conversation.js";

export function staffDeps(deps: FeatureDeps): StaffDeps {
  return {
    meetings: meetingDeps(deps),
    staff: createStaffRepository(deps.prisma),
    checkIn: {
      checkIns: createCheckInRepository(deps.prisma),
      clock: deps.clock,
      window: { beforeMinutes: deps.config.meetingCheckInBeforeMinutes, afterMinutes: deps.config.meetingCheckInAfterMinutes },
    },
  };
}

/**
 * The staff side of meetings — /rapat: the list, one meeting's view with its tally and
 * buttons (re-send, reschedule, cancel, daftar hadir, mark present, refresh) — and check-in
 * by invitees (/hadir). Every press checks staff rights (here from the actor, and again in
 * the service from the database) and the meeting id.
 */
export function meetingStaffFeature(deps: FeatureDeps): Feature {
  const svc = staffDeps(deps);
  const zone = deps.config.timeZone;
  const composer = new Composer<BotContext>();
  composer.use(checkInComposer({ ...svc.checkIn, timeZone: zone }));
  const privateChat = composer.chatType("private");

  const lang = (ctx: BotContext) => ctx.actor?.language ?? "id";

  /** A staff button: only staff get past (the service checks again); `match` is the pattern's. */
  function onStaffButton(pattern: RegExp, handler: (ctx: BotContext, by: number, match: RegExpMatchArray) => Promise<unknown>): void {
    privateChat.callbackQuery(pattern, async (ctx) => {
      const by = staffPersonId(ctx);
      if (by !== null) await handler(ctx, by, ctx.match as RegExpMatchArray);
      else await refuseNotStaff(ctx);
    });
  }

  /** Shows a screen: edits the pressed message in place, or sends a new one for a command. */
  async function show(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
    const extra = keyboard ? { reply_markup: keyboard } : {};
    if (ctx.callbackQuery?.message) {
      const outcome = await editIfPossible(() => ctx.editMessageText(text, extra), ctx.log);
      if (outcome === "edited" || outcome === "unchanged") return;
    }
    await ctx.reply(text, extra);
  }

  /** Answers a refusal by the service (rights taken away meanwhile, a meeting id that does not exist). */
  async function refused(ctx: BotContext, kind: "not-allowed" | "not-found"): Promise<void> {
    const text = ctx.t(kind === "not-allowed" ? "common-not-allowed" : "meeting-staff-not-found");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else await ctx.reply(text);
  }

  async function showList(ctx: BotContext, by: number): Promise<void> {
    const list = await listStaffMeetings(svc, by);
    if (list.kind !== "ok") return refused(ctx, list.kind);
    const l = lang(ctx);
    const keyboard = meetingListKeyboard(ctx.t, [...list.upcoming, ...list.recent], (iso) => shortWhen(l, zone, iso));
    await show(ctx, meetingListText(ctx.t, l, zone, list.upcoming, list.recent), keyboard);
  }

  async function showMeeting(ctx: BotContext, by: number, meetingId: number): Promise<void> {
    const view = await staffMeetingView(svc, meetingId, by);
    if (view.kind !== "ok") return refused(ctx, view.kind);
    await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
    const keyboard = meetingViewKeyboard(ctx.t, meetingId, meetingActions(view, deps.clock()));
    await show(ctx, meetingViewText(ctx.t, lang(ctx), zone, view), keyboard);
  }

  privateChat.command(["rapat", "meetings"], async (ctx) => {
    const by = staffPersonId(ctx);
    if (by !== null) await showList(ctx, by);
    else await refuseNotStaff(ctx);
  });

  onStaffButton(STAFF_PATTERNS.list, async (ctx, by) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, by);
  });

  onStaffButton(STAFF_PATTERNS.view, (ctx, by, match) => showMeeting(ctx, by, Number(match[1])));

  onStaffButton(STAFF_PATTERNS.resendAsk, async (ctx, by, match) => {
    const meetingId = Number(match[1]);
    const view = await staffMeetingView(svc, meetingId, by);
    if (view.kind !== "ok") return refused(ctx, view.kind);
    await ctx.answerCallbackQuery();
    const text = ctx.t("meeting-staff-resend-ask", { title: view.tally.meeting.title, count: view.tally.unanswered.filter((p) => p.reachable).length });
    await show(ctx, text, resendConfirmKeyboard(ctx.t, meetingId, await nextResendRound(svc.meetings, meetingId)));
  });

  onStaffButton(STAFF_PATTERNS.resendYes, async (ctx, by, match) => {
    const meetingId = Number(match[1]);
    const result = await resendToUnanswered(svc.meetings, meetingId, by, Number(match[2]));
    if (result.kind === "not-allowed" || result.kind === "not-found") return refused(ctx, result.kind);
    if (result.kind === "stale") return void (await ctx.answerCallbackQuery({ text: ctx.t("common-stale-button"), show_alert: true }));
    await ctx.answerCallbackQuery();
    const text =
      result.kind === "resent"
        ? ctx.t(result.count > 0 ? "meeting-staff-resend-done" : "meeting-staff-resend-none", { count: result.count })
        : ctx.t(`meeting-staff-resend-${result.kind}`);
    await show(ctx, text, backToMeetingKeyboard(ctx.t, meetingId));
  });

  onStaffButton(STAFF_PATTERNS.move, async (ctx, _by, match) => {
    await ctx.answerCallbackQuery();
    await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
    // The conversation checks rights and the meeting again, from the database.
    await startConversation(ctx, MOVE_CONVERSATION, Number(match[1]));
  });

  onStaffButton(STAFF_PATTERNS.cancelAsk, async (ctx, by, match) => {
    const meetingId = Number(match[1]);
    const view = await staffMeetingView(svc, meetingId, by);
    if (view.kind !== "ok") return refused(ctx, view.kind);
    await ctx.answerCallbackQuery();
    if (view.phase === "cancelled") return show(ctx, ctx.t("meeting-staff-cancel-already"), backToMeetingKeyboard(ctx.t, meetingId));
    const m = view.tally.meeting;
    const text = ctx.t("meeting-staff-cancel-ask", { title: m.title, when: when(lang(ctx), zone, m.startsAt), count: view.tally.counts.total });
    await show(ctx, text, cancelConfirmKeyboard(ctx.t, meetingId));
  });

  onStaffButton(STAFF_PATTERNS.cancelYes, async (ctx, by, match) => {
    const meetingId = Number(match[1]);
    const result = await cancelMeeting(svc.meetings, meetingId, by);
    if (result.kind === "not-allowed" || result.kind === "not-found") return refused(ctx, result.kind);
    await ctx.answerCallbackQuery();
    const text = result.kind === "cancelled" ? ctx.t("meeting-staff-cancel-done", { count: result.notified }) : ctx.t("meeting-staff-cancel-already");
    await show(ctx, text, backToMeetingKeyboard(ctx.t, meetingId));
  });

  onStaffButton(STAFF_PATTERNS.picker, async (ctx, by, match) => {
    const picker = await presentPicker(svc, Number(match[1]), by, Number(match[2]));
    if (picker.kind !== "ok") return refused(ctx, picker.kind);
    await ctx.answerCallbackQuery();
    await show(ctx, pickerText(ctx.t, picker), pickerKeyboard(ctx.t, picker, (p) => pickerName(ctx.t, p)));
  });

  onStaffButton(STAFF_PATTERNS.present, async (ctx, by, match) => {
    const [meetingId, personId, page] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const result = await staffMarkPresent(svc, meetingId, personId, by);
    if (result.kind === "not-allowed") return refused(ctx, "not-allowed");
    ctx.log.info({ meetingId, personId, checkIn: result.kind }, "marked present by staff");
    const who = await svc.staff.invitee(meetingId, personId);
    await ctx.answerCallbackQuery({ text: markText(ctx.t, lang(ctx), zone, result, who ? pickerName(ctx.t, who) : "") });
    const picker = await presentPicker(svc, meetingId, by, page);
    if (picker.kind === "ok") await show(ctx, pickerText(ctx.t, picker), pickerKeyboard(ctx.t, picker, (p) => pickerName(ctx.t, p)));
  });

  onStaffButton(STAFF_PATTERNS.attendance, async (ctx, by, match) => {
    const meetingId = Number(match[1]);
    const data = await attendanceData(svc, meetingId, by);
    if (data.kind !== "ok") return refused(ctx, data.kind);
    await ctx.answerCallbackQuery({ text: ctx.t("meeting-staff-att-preparing") });
    const l = lang(ctx);
    const m = data.meeting;
    const rows = attendanceRows(ctx.t, data.invitees);
    const headers = attendanceHeaders(ctx.t);
    const xlsx = await attendanceXlsx({
      sheetName: ctx.t("meeting-staff-att-sheet"),
      titleRows: [
        ctx.t("meeting-staff-att-title", { title: m.title }),
        ctx.t("meeting-staff-att-when", { when: when(l, zone, m.startsAt), place: m.place }),
        ctx.t("meeting-staff-att-made", { when: when(l, zone, deps.clock()) }),
      ],
      headers,
      rows,
      zone,
    });
    const csv = attendanceCsv({ headers, rows, zone });
    ctx.log.info({ meetingId, rows: rows.length }, "attendance list sent");
    const fileBase = attendanceFileBase(ctx.t, { title: m.title, startsAt: new Date(m.startsAt) }, zone);
    await ctx.replyWithDocument(new InputFile(xlsx, `${fileBase}.xlsx`), { caption: ctx.t("meeting-staff-att-caption-xlsx", { title: m.title }) });
    await ctx.replyWithDocument(new InputFile(csv, `${fileBase}.csv`), { caption: ctx.t("meeting-staff-att-caption-csv") });
    await ctx.reply(recapText(ctx.t, m.title, attendanceRecap(ctx.t, data.invitees)), { reply_markup: backToMeetingKeyboard(ctx.t, meetingId) });
  });

  return {
    name: "meeting-staff",
    conversations: [{ id: MOVE_CONVERSATION, builder: moveConversation(svc) }],
    composer,
  };
}
