import { InlineKeyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";
import type { Audience, AudienceCounts } from "../people/people.audience.js";
import type { AudienceOptions, RsvpAnswer } from "./meeting.repository.js";
import type { Translate } from "./meeting.texts.js";

/**
 * The buttons of meetings. The invitee's buttons carry only the invitation id
 * (`rsvp:<invitationId>:<yes|no|maybe|reason>`): who pressed is checked against the
 * invitation in the database, never taken from the data. The /undang conversation's
 * buttons carry its step tag, like every conversation.
 */

export const RSVP_PATTERN = /^rsvp:(\d{1,9}):(yes|no|maybe)$/;
export const RSVP_REASON_PATTERN = /^rsvp:(\d{1,9}):reason$/;
const ANSWERS: readonly RsvpAnswer[] = ["yes", "no", "maybe"];

export function rsvpData(invitationId: number, action: RsvpAnswer | "reason"): string {
  return `rsvp:${invitationId}:${action}`;
}

/** Hadir / Tidak hadir / Mungkin (✓ on the current answer), and «Tulis alasan» after Tidak hadir. */
export function rsvpButtons(t: Translate, answer: RsvpAnswer | null, data: (action: RsvpAnswer | "reason") => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const a of ANSWERS) {
    const label = t(`meeting-answer-${a}`);
    keyboard.text(a === answer ? t("meeting-chosen", { label }) : label, data(a));
  }
  if (answer === "no") keyboard.row().text(t("meeting-reason-button"), data("reason"));
  return keyboard;
}

export function rsvpKeyboard(t: Translate, invitationId: number, answer: RsvpAnswer | null): InlineKeyboard {
  return rsvpButtons(t, answer, (action) => rsvpData(invitationId, action));
}

// The /undang conversation

export function skipKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("common-skip"), buttonData(tag, "skip"));
}

export function confirmTimeKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("meeting-time-ok"), buttonData(tag, "ok")).text(t("meeting-time-retype"), buttonData(tag, "retype"));
}

export function readingsKeyboard(tag: string, t: Translate, labels: string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  labels.forEach((label, i) => keyboard.text(label, buttonData(tag, "pick", i)).row());
  return keyboard.text(t("meeting-time-retype"), buttonData(tag, "retype"));
}

const mark = (t: Translate, on: boolean, label: string) => (on ? t("meeting-chosen", { label }) : label);
const counted = (t: Translate, label: string, count: number | undefined) => t("meeting-audience-count", { label, count: count ?? 0 });

/** The multi-select of the audience: toggles with ✓ and head-counts; «Pilih lembaga…» opens the institutions. */
export function audienceKeyboard(
  tag: string,
  t: Translate,
  lang: "id" | "en",
  options: AudienceOptions,
  counts: AudienceCounts,
  chosen: Audience,
  total: number,
): InlineKeyboard {
  const k = new InlineKeyboard();
  k.text(mark(t, chosen.everyone, counted(t, t("meeting-audience-everyone"), counts.everyone)), buttonData(tag, "t", "all")).row();
  for (const p of options.programmes) {
    const name = lang === "en" ? p.nameEn : p.name;
    k.text(mark(t, chosen.programmeIds.includes(p.id), counted(t, t("meeting-audience-programme", { name }), counts.programmes[p.id])), buttonData(tag, "t", "p", p.id)).row();
  }
  for (const p of options.programmes) {
    for (const g of p.groups) {
      k.text(mark(t, chosen.groupIds.includes(g.id), counted(t, g.name, counts.groups[g.id])), buttonData(tag, "t", "g", g.id)).row();
    }
  }
  if (options.stakeholders.length > 0) {
    k.text(mark(t, chosen.allStakeholders, counted(t, t("meeting-audience-stakeholders-all"), counts.allStakeholders)), buttonData(tag, "t", "sa")).row();
    const some = chosen.stakeholderIds.length;
    k.text(some > 0 ? t("meeting-audience-stakeholders-some", { count: some }) : t("meeting-audience-stakeholders-choose"), buttonData(tag, "inst")).row();
  }
  return k.text(t("meeting-audience-done", { count: total }), buttonData(tag, "done"));
}

export function institutionsKeyboard(tag: string, t: Translate, options: AudienceOptions, counts: AudienceCounts, chosen: Audience): InlineKeyboard {
  const k = new InlineKeyboard();
  for (const s of options.stakeholders) {
    k.text(mark(t, chosen.stakeholderIds.includes(s.id), counted(t, s.institution, counts.stakeholders[s.id])), buttonData(tag, "t", "s", s.id)).row();
  }
  return k.text(t("common-back"), buttonData(tag, "back"));
}

export function sendKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("meeting-send"), buttonData(tag, "send"))
    .text(t("meeting-edit"), buttonData(tag, "edit"))
    .text(t("meeting-cancel"), buttonData(tag, "cancel"));
}

export type DraftField = "title" | "when" | "place" | "agenda" | "audience";
export const DRAFT_FIELDS: readonly DraftField[] = ["title", "when", "place", "agenda", "audience"];

export function editFieldKeyboard(tag: string, t: Translate): InlineKeyboard {
  const k = new InlineKeyboard();
  DRAFT_FIELDS.forEach((f, i) => {
    k.text(t(`meeting-edit-${f}`), buttonData(tag, "f", f));
    if (i % 2 === 1) k.row();
  });
  return k.row().text(t("common-back"), buttonData(tag, "back"));
}
