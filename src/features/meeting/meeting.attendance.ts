import { calendarDateOf } from "../../lib/datetime.js";

/**
 * The daftar hadir (attendance list) of a meeting as rows, and the short recap by group, as
 * pure functions. The rows feed both the XLSX and the CSV (meeting.attendance.export.ts).
 */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** One invitation as the attendance list needs it (from meeting.staff.repository.ts). */
export type AttendanceInvitee = {
  personId: number;
  name: string | null;
  erased: boolean;
  /** the group or institution the person was invited through */
  affiliation: { kind: "group" | "stakeholder"; id: number; name: string } | null;
  role: "member" | "coordinator" | "stakeholder" | null;
  answer: "yes" | "no" | "maybe" | null;
  answeredAt: Date | null;
  checkedInAt: Date | null;
  checkInMethod: "code" | "button" | "staff" | null;
  /** why they will not come (given with «Tidak hadir») */
  reason: string | null;
};

/** One row of the list; the times stay instants (the export shows them in the configured zone). */
export type AttendanceRow = {
  no: number;
  name: string;
  affiliation: string;
  role: string;
  answer: string;
  /** the reason given with «Tidak hadir»; empty otherwise */
  reason: string;
  answeredAt: Date | null;
  present: string;
  checkedInAt: Date | null;
  method: string;
};

/** The column headers, in the order of AttendanceRow's fields, from locales/. */
export const ATTENDANCE_COLUMNS = ["no", "name", "affiliation", "role", "answer", "reason", "answered-at", "present", "checked-in-at", "method"] as const;

export function attendanceHeaders(t: Translate): string[] {
  return ATTENDANCE_COLUMNS.map((c) => t(`meeting-staff-col-${c}`));
}

export function inviteeName(t: Translate, invitee: Pick<AttendanceInvitee, "name" | "erased">): string {
  if (invitee.erased) return t("meeting-staff-name-erased");
  return invitee.name ?? t("meeting-staff-name-none");
}

function affiliationName(t: Translate, invitee: AttendanceInvitee): string {
  return invitee.affiliation?.name ?? t("meeting-staff-affiliation-none");
}

const collator = new Intl.Collator("id", { sensitivity: "base", numeric: true });

/**
 * Sorted as staff read a printed list: groups first, then institutions, each by name, and
 * inside each by the person's name; numbered from 1.
 */
export function sortInvitees(t: Translate, invitees: readonly AttendanceInvitee[]): AttendanceInvitee[] {
  const kindOrder = (i: AttendanceInvitee) => (i.affiliation?.kind === "group" ? 0 : i.affiliation?.kind === "stakeholder" ? 1 : 2);
  return [...invitees].sort(
    (a, b) =>
      kindOrder(a) - kindOrder(b) ||
      collator.compare(affiliationName(t, a), affiliationName(t, b)) ||
      collator.compare(inviteeName(t, a), inviteeName(t, b)) ||
      a.personId - b.personId,
  );
}

export function attendanceRows(t: Translate, invitees: readonly AttendanceInvitee[]): AttendanceRow[] {
  return sortInvitees(t, invitees).map((i, index) => ({
    no: index + 1,
    name: inviteeName(t, i),
    affiliation: affiliationName(t, i),
    role: t(`meeting-staff-role-${i.role ?? "none"}`),
    answer: t(`meeting-staff-answer-${i.answer ?? "none"}`),
    reason: i.answer === "no" ? (i.reason ?? "") : "",
    answeredAt: i.answer ? i.answeredAt : null,
    present: t(i.checkedInAt ? "meeting-staff-present-yes" : "meeting-staff-present-no"),
    checkedInAt: i.checkedInAt,
    method: i.checkedInAt && i.checkInMethod ? t(`meeting-staff-method-${i.checkInMethod}`) : "",
  }));
}

/**
 * "daftar-hadir-2022-01-25-fgd-evaluasi-program-tjsl": the meeting's date in the zone and its
 * title, only [a-z0-9-] (safe on every phone and computer, and in a download folder's order).
 */
export function attendanceFileBase(t: Translate, meeting: { title: string; startsAt: Date }, zone: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const base = [slug(t("meeting-staff-att-file")), calendarDateOf(meeting.startsAt, zone), slug(meeting.title)].filter((part) => part !== "").join("-");
  return base.slice(0, 80).replace(/-+$/, "");
}

export type RecapLine = { name: string; invited: number; yes: number; attended: number };
export type AttendanceRecap = { total: RecapLine; byAffiliation: RecapLine[] };

/** Invited / answered yes / attended, overall and by group or institution (in the list's order). */
export function attendanceRecap(t: Translate, invitees: readonly AttendanceInvitee[]): AttendanceRecap {
  const total: RecapLine = { name: "", invited: 0, yes: 0, attended: 0 };
  const lines = new Map<string, RecapLine>();
  for (const invitee of sortInvitees(t, invitees)) {
    const key = invitee.affiliation ? `${invitee.affiliation.kind}:${invitee.affiliation.id}` : "none";
    const line = lines.get(key) ?? { name: affiliationName(t, invitee), invited: 0, yes: 0, attended: 0 };
    lines.set(key, line);
    for (const l of [line, total]) {
      l.invited += 1;
      if (invitee.answer === "yes") l.yes += 1;
      if (invitee.checkedInAt) l.attended += 1;
    }
  }
  return { total, byAffiliation: [...lines.values()] };
}
