import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import type { Language } from "../../bot/context.js";
import { formatDateTime, formatTime } from "../../lib/datetime.js";
import { inviteeName, type AttendanceRecap, type Translate } from "./meeting.attendance.js";
import type { CheckInResult, OpenCheckIn } from "./meeting.checkin.service.js";
import type { MeetingView, TallyPerson } from "./meeting.manage.js";
import type { MeetingActions } from "./meeting.staff.keyboards.js";
import type { StaffMeetingItem, StaffMeetingView } from "./meeting.staff.service.js";

/** The messages of /rapat and /hadir, built from locales/ (no sentence lives here). */

/** Names listed under «Belum menjawab» and «Tidak hadir» before "… dan n orang lagi" (a message holds 4,096 characters). */
const NAMES_SHOWN = 40;
const REASON_SHOWN = 80;

export function when(lang: Language, zone: string, instant: Date | string): string {
  return formatDateTime(new Date(instant), lang, zone);
}

/** "Sel 25 Jan 09.00" for a list button. */
export function shortWhen(lang: Language, zone: string, instant: Date | string): string {
  return format(new Date(instant), lang === "id" ? "EEE d MMM HH.mm" : "EEE d MMM HH:mm", { in: tz(zone), locale: lang === "id" ? id : enUS });
}

export function meetingListText(t: Translate, lang: Language, zone: string, upcoming: StaffMeetingItem[], recent: StaffMeetingItem[]): string {
  if (upcoming.length === 0 && recent.length === 0) return t("meeting-staff-list-empty");
  const item = (m: StaffMeetingItem) =>
    t("meeting-staff-list-item", { mark: t(`meeting-staff-phase-mark-${m.phase}`), when: shortWhen(lang, zone, m.startsAt), title: m.title, invited: m.invited });
  const lines = [t("meeting-staff-list-title")];
  if (upcoming.length > 0) lines.push("", t("meeting-staff-list-upcoming"), ...upcoming.map(item));
  if (recent.length > 0) lines.push("", t("meeting-staff-list-recent"), ...recent.map(item));
  lines.push("", t("meeting-staff-list-choose"));
  return lines.join("\n");
}

function names(t: Translate, people: TallyPerson[], describe: (p: TallyPerson, name: string) => string): string {
  const shown = people.slice(0, NAMES_SHOWN).map((p) => describe(p, p.name ?? t("meeting-staff-name-none")));
  const more = people.length - shown.length;
  return more > 0 ? `${shown.join(", ")} ${t("meeting-staff-view-more", { count: more })}` : shown.join(", ");
}

/** What staff can still do: re-send until the start, move or cancel until check-in closes, mark present once check-in opened. */
export function meetingActions(view: StaffMeetingView, now: Date): MeetingActions {
  const scheduled = view.phase !== "cancelled";
  return {
    resend: scheduled && new Date(view.tally.meeting.startsAt).getTime() > now.getTime() && view.tally.counts.none > 0,
    change: view.phase === "upcoming" || view.phase === "open",
    mark: view.phase === "open" || view.phase === "past",
  };
}

export function meetingViewText(t: Translate, lang: Language, zone: string, view: StaffMeetingView): string {
  const { meeting, counts, units, unanswered, declined, delivery } = view.tally;
  const status =
    view.phase === "open" ? t("meeting-staff-status-open", { until: formatTime(new Date(view.closesAt), lang, zone) }) : t(`meeting-staff-status-${view.phase}`);
  const lines = [
    t("meeting-staff-view-title", { title: meeting.title }),
    t("meeting-staff-view-when", { when: when(lang, zone, meeting.startsAt) }),
    t("meeting-staff-view-place", { place: meeting.place }),
    t("meeting-staff-view-status", { status }),
  ];
  if (view.phase !== "cancelled") {
    lines.push(t("meeting-staff-view-code", { code: meeting.checkInCode, opens: when(lang, zone, view.opensAt) }));
  }
  lines.push(
    "",
    t("meeting-staff-view-answers", { total: counts.total }),
    t("meeting-staff-view-yes", { count: counts.yes }),
    t("meeting-staff-view-no", { count: counts.no }),
    t("meeting-staff-view-maybe", { count: counts.maybe }),
    t("meeting-staff-view-none", { count: counts.none }),
    t("meeting-staff-view-checked-in", { count: counts.checkedIn }),
  );
  if (units.length > 0) {
    lines.push("", t("meeting-staff-view-by-unit"));
    for (const u of units) {
      lines.push(
        t("meeting-staff-view-unit", {
          name: u.name ?? t("meeting-staff-affiliation-none"),
          total: u.total,
          yes: u.yes,
          no: u.no,
          maybe: u.maybe,
          none: u.none,
          checkedIn: u.checkedIn,
        }),
      );
    }
  }
  if (unanswered.length > 0) {
    const list = names(t, unanswered, (p, name) => (p.reachable ? name : t("meeting-staff-view-unreachable", { name })));
    lines.push("", t("meeting-staff-view-unanswered", { count: unanswered.length, names: list }));
  }
  if (declined.length > 0) {
    const list = names(t, declined, (p, name) =>
      p.reason ? t("meeting-staff-view-declined-reason", { name, reason: p.reason.length > REASON_SHOWN ? `${p.reason.slice(0, REASON_SHOWN)}…` : p.reason }) : name,
    );
    lines.push("", t("meeting-staff-view-declined", { count: declined.length, names: list }));
  }
  lines.push("", t("meeting-staff-view-delivery", { ...delivery }));
  return lines.join("\n");
}

export function pickerText(t: Translate, picker: { meeting: MeetingView; page: number; pages: number; checkedIn: number; notCheckedIn: number }): string {
  if (picker.notCheckedIn === 0) return t("meeting-staff-picker-empty", { title: picker.meeting.title });
  return t("meeting-staff-picker", {
    title: picker.meeting.title,
    page: picker.page + 1,
    pages: picker.pages,
    checkedIn: picker.checkedIn,
    notCheckedIn: picker.notCheckedIn,
  });
}

export function pickerName(t: Translate, p: { name: string | null; erased: boolean }): string {
  return inviteeName(t, p);
}

/** The answer to a check-in, by code or by button (the invitee's own words). */
export function checkInText(t: Translate, lang: Language, zone: string, result: CheckInResult, typedCode = ""): string {
  switch (result.kind) {
    case "checked-in":
      return t("meeting-staff-checkin-ok", { title: result.title, time: formatTime(result.at, lang, zone) });
    case "already":
      return t("meeting-staff-checkin-already", { title: result.title, time: formatTime(result.at, lang, zone) });
    case "not-yet":
      return t("meeting-staff-checkin-not-yet", { title: result.title, opens: when(lang, zone, result.opensAt) });
    case "closed":
      return t("meeting-staff-checkin-closed", { title: result.title });
    case "cancelled":
      return t("meeting-staff-checkin-cancelled", { title: result.title });
    case "not-invited":
      return t("meeting-staff-checkin-not-invited", { title: result.title });
    case "wrong-code":
      return t("meeting-staff-checkin-wrong-code", { code: typedCode.slice(0, 20) });
    case "not-found":
      return t("meeting-staff-not-found");
  }
}

/** The short answer to staff pressing a name in «Tandai hadir» (a callback answer: ≤ 200 characters). */
export function markText(t: Translate, lang: Language, zone: string, result: CheckInResult | { kind: "not-allowed" }, name: string): string {
  switch (result.kind) {
    case "checked-in":
      return t("meeting-staff-mark-done", { name });
    case "already":
      return t("meeting-staff-mark-already", { name, time: formatTime(result.at, lang, zone) });
    case "not-yet":
      return t("meeting-staff-mark-not-yet", { opens: when(lang, zone, result.opensAt) });
    case "cancelled":
      return t("meeting-staff-mark-cancelled");
    case "not-invited":
      return t("meeting-staff-mark-not-invited");
    case "not-allowed":
      return t("common-not-allowed");
    default:
      return t("meeting-staff-not-found");
  }
}

/** `/hadir` without a code during an open window: the meetings with their state. */
export function openCheckInsText(t: Translate, lang: Language, zone: string, open: OpenCheckIn[], beforeMinutes: number): string {
  if (open.length === 0) return t("meeting-staff-checkin-none-open", { minutes: beforeMinutes });
  const lines = [t("meeting-staff-checkin-open-list")];
  for (const m of open) {
    lines.push(t("meeting-staff-checkin-open-item", { title: m.title, when: when(lang, zone, m.startsAt) }));
    if (m.checkedInAt) lines.push(t("meeting-staff-checkin-open-done", { time: formatTime(m.checkedInAt, lang, zone) }));
  }
  if (open.some((m) => !m.checkedInAt)) lines.push("", t("meeting-staff-checkin-open-ask"));
  return lines.join("\n");
}

export function recapText(t: Translate, title: string, recap: AttendanceRecap): string {
  return [
    t("meeting-staff-recap-title", { title }),
    t("meeting-staff-recap-total", { ...recap.total }),
    "",
    ...recap.byAffiliation.map((l) => t("meeting-staff-recap-line", { ...l })),
  ].join("\n");
}
