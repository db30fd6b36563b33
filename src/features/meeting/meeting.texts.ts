import type { Language } from "../../bot/context.js";
import { formatDateTime } from "../../lib/datetime.js";
import type { Audience } from "../people/people.audience.js";
import type { AudienceOptions, RsvpAnswer } from "./meeting.repository.js";

/** The messages invitees see, built from locales/ (no sentence lives here). */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type MeetingDetails = { title: string; startsAt: Date | string; place: string; agenda: string | null };

/** Which message it is: the invitation, a reminder, or the notice that the meeting moved. */
export type InvitationHead = "invite" | "reminder-day" | "reminder-2h" | "rescheduled";

export function when(lang: Language, zone: string, startsAt: Date | string): string {
  return formatDateTime(new Date(startsAt), lang, zone);
}

export function answerLabel(t: Translate, answer: RsvpAnswer): string {
  return t(`meeting-answer-${answer}`);
}

/**
 * The invitation as the invitee sees it — the same text in the staff preview, the first send,
 * re-sends, reminders and after each answer (only the first line and the last lines differ).
 */
export function invitationText(
  t: Translate,
  lang: Language,
  zone: string,
  meeting: MeetingDetails,
  head: InvitationHead,
  answer: RsvpAnswer | null,
  reason: string | null = null,
): string {
  const lines = [
    t(`meeting-head-${head}`),
    "",
    t("meeting-invite-title", { title: meeting.title }),
    t("meeting-invite-when", { when: when(lang, zone, meeting.startsAt) }),
    t("meeting-invite-place", { place: meeting.place }),
  ];
  if (meeting.agenda) lines.push(t("meeting-invite-agenda", { agenda: meeting.agenda }));
  lines.push("");
  if (answer === null) lines.push(t("meeting-invite-question"));
  else {
    lines.push(t("meeting-invite-your-answer", { answer: answerLabel(t, answer) }));
    if (answer === "no" && reason) lines.push(t("meeting-invite-your-reason", { reason }));
    lines.push(t("meeting-invite-can-change"));
  }
  return lines.join("\n");
}

export function cancelledText(t: Translate, lang: Language, zone: string, meeting: MeetingDetails): string {
  return t("meeting-cancelled-notice", { title: meeting.title, when: when(lang, zone, meeting.startsAt), place: meeting.place });
}

/** What staff chose, in words: «Semua orang», «Program Mariojela», «KSB Margasari», «BPBD Kota Balikpapan»… */
export function audienceSummary(t: Translate, lang: Language, options: AudienceOptions, a: Audience): string {
  if (a.everyone) return t("meeting-audience-everyone");
  const parts: string[] = [];
  for (const p of options.programmes) {
    if (a.programmeIds.includes(p.id)) parts.push(t("meeting-audience-programme", { name: lang === "en" ? p.nameEn : p.name }));
  }
  for (const p of options.programmes) {
    for (const g of p.groups) if (a.groupIds.includes(g.id) && !a.programmeIds.includes(p.id)) parts.push(g.name);
  }
  if (a.allStakeholders) parts.push(t("meeting-audience-stakeholders-all"));
  else for (const s of options.stakeholders) if (a.stakeholderIds.includes(s.id)) parts.push(s.institution);
  return parts.join(", ");
}
