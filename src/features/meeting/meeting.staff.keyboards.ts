import { InlineKeyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";
import { addFgdButtons } from "./meeting.input.feature.js";
import type { Translate } from "./meeting.attendance.js";
import type { PickerPage, StaffMeetingItem } from "./meeting.staff.service.js";

/**
 * The buttons of /rapat and of check-in. They are not part of a conversation, so their data
 * carries the meeting id (and a person id or page): `mst:<action>:<meetingId>[:<arg>…]` for
 * staff, `mci:<meetingId>` for «Saya hadir». Whatever the data says is checked again — staff
 * rights, the meeting, the invitation — before anything happens; data that does not match
 * these patterns falls through to the bot's "button no longer valid" answer.
 */

const ID = "(\\d{1,9})";
export const STAFF_PATTERNS = {
  list: /^mst:list$/,
  view: new RegExp(`^mst:view:${ID}$`),
  resendAsk: new RegExp(`^mst:resend:${ID}$`),
  /** the round the confirmation offered: pressed twice, it is the same round */
  resendYes: new RegExp(`^mst:resend-ok:${ID}:(\\d{1,4})$`),
  move: new RegExp(`^mst:move:${ID}$`),
  cancelAsk: new RegExp(`^mst:cancel:${ID}$`),
  cancelYes: new RegExp(`^mst:cancel-ok:${ID}$`),
  attendance: new RegExp(`^mst:att:${ID}$`),
  picker: new RegExp(`^mst:mark:${ID}:(\\d{1,4})$`),
  present: new RegExp(`^mst:present:${ID}:${ID}:(\\d{1,4})$`),
} as const;
export const CHECK_IN_PATTERN = /^mci:(\d{1,9})$/;

const data = (...parts: Array<string | number>) => buttonData("mst", ...parts);
export const checkInData = (meetingId: number) => `mci:${meetingId}`;

/** "25/01 09.00" on a list button, in the zone. */
export type ShortTime = (iso: string) => string;

export function meetingListKeyboard(t: Translate, items: StaffMeetingItem[], short: ShortTime): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const m of items) {
    const label = t("meeting-staff-list-button", { when: short(m.startsAt), title: m.title, mark: t(`meeting-staff-phase-mark-${m.phase}`) });
    keyboard.text(label.length > 60 ? `${label.slice(0, 59)}…` : label, data("view", m.id)).row();
  }
  return keyboard;
}

/** What staff can still do with a meeting (decided by meetingActions in meeting.staff.texts.ts). */
export type MeetingActions = { resend: boolean; change: boolean; mark: boolean };

/** The buttons under one meeting's view; what cannot be done any more is left out. */
export function meetingViewKeyboard(t: Translate, meetingId: number, can: MeetingActions): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (can.resend) keyboard.text(t("meeting-staff-btn-resend"), data("resend", meetingId)).row();
  if (can.change) keyboard.text(t("meeting-staff-btn-move"), data("move", meetingId)).text(t("meeting-staff-btn-cancel"), data("cancel", meetingId)).row();
  keyboard.text(t("meeting-staff-btn-attendance"), data("att", meetingId));
  if (can.mark) keyboard.text(t("meeting-staff-btn-mark"), data("mark", meetingId, 0));
  addFgdButtons(keyboard, t, meetingId);
  return keyboard
    .row()
    .text(t("meeting-staff-btn-refresh"), data("view", meetingId))
    .text(t("meeting-staff-btn-list"), data("list"));
}

export function resendConfirmKeyboard(t: Translate, meetingId: number, round: number): InlineKeyboard {
  return new InlineKeyboard().text(t("meeting-staff-btn-resend-yes"), data("resend-ok", meetingId, round)).text(t("common-back"), data("view", meetingId));
}

export function cancelConfirmKeyboard(t: Translate, meetingId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("meeting-staff-btn-cancel-yes"), data("cancel-ok", meetingId)).row().text(t("meeting-staff-btn-cancel-no"), data("view", meetingId));
}

export function backToMeetingKeyboard(t: Translate, meetingId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("meeting-staff-btn-back-to-meeting"), data("view", meetingId));
}

export function pickerKeyboard(t: Translate, picker: PickerPage, nameOf: (p: PickerPage["people"][number]) => string): InlineKeyboard {
  const id = picker.meeting.id;
  const keyboard = new InlineKeyboard();
  for (const p of picker.people) keyboard.text(nameOf(p), data("present", id, p.personId, picker.page)).row();
  if (picker.page > 0) keyboard.text(t("meeting-staff-page-prev"), data("mark", id, picker.page - 1));
  if (picker.page < picker.pages - 1) keyboard.text(t("meeting-staff-page-next"), data("mark", id, picker.page + 1));
  if (picker.pages > 1) keyboard.row();
  return keyboard.text(t("meeting-staff-btn-back-to-meeting"), data("view", id));
}

/** «Saya hadir» per meeting whose check-in is open for this person. */
export function checkInKeyboard(t: Translate, meetings: Array<{ meetingId: number; title: string }>, many: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const m of meetings) {
    const label = many ? t("meeting-staff-checkin-button-of", { title: m.title }) : t("meeting-staff-checkin-button");
    keyboard.text(label.length > 60 ? `${label.slice(0, 59)}…` : label, checkInData(m.meetingId)).row();
  }
  return keyboard;
}
