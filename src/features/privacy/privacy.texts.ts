import type { Language } from "../../bot/context.js";
import { formatDate, formatDateTime } from "../../lib/datetime.js";
import { formatWeekRange, weekFromStartDate } from "../../lib/week.js";
import type { PersonFacts } from "./privacy.repository.js";

/** The texts of /dataku and /hapusdata, built from locales/ (no sentence lives here). */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function profile(t: Translate, lang: Language, zone: string, f: PersonFacts): string[] {
  const lines = [
    t("privacy-data-profile"),
    t("privacy-data-name", { name: f.name ?? t("privacy-data-not-given") }),
    t("privacy-data-phone", { phone: f.phone ?? t("privacy-data-not-given") }),
    t("privacy-data-username", { username: f.telegramUsername ? `@${f.telegramUsername}` : t("privacy-data-not-stored") }),
    t("privacy-data-language", { language: t(`language-name-${f.language === "en" ? "en" : "id"}`) }),
    t("privacy-data-status", { status: t(`privacy-status-${f.status}`) }),
    t("privacy-data-since", { date: formatDate(f.createdAt, lang, zone) }),
  ];
  if (f.staffRole) lines.push(t("privacy-data-staff", { role: t(`privacy-staff-${f.staffRole}`) }));
  if (f.institution) lines.push(t("privacy-data-institution", { institution: f.institution }));
  return lines;
}

function memberships(t: Translate, lang: Language, zone: string, f: PersonFacts): string[] {
  if (f.memberships.length === 0) return [t("privacy-data-groups"), t("privacy-data-groups-none")];
  return [
    t("privacy-data-groups"),
    ...f.memberships.map((m) => {
      const vars = {
        group: m.groupName,
        programme: lang === "en" ? m.programmeNameEn : m.programmeName,
        role: t(`privacy-role-${m.role}`),
        since: formatDate(m.joinedAt, lang, zone),
      };
      return m.status === "active" || !m.leftAt
        ? t("privacy-data-group", vars)
        : t("privacy-data-group-left", { ...vars, until: formatDate(m.leftAt, lang, zone) });
    }),
  ];
}

function consent(t: Translate, lang: Language, zone: string, f: PersonFacts): string[] {
  if (!f.consentAt) return [t("privacy-data-consent"), t("privacy-data-consent-none")];
  return [t("privacy-data-consent"), t("privacy-data-consent-given", { when: formatDateTime(f.consentAt, lang, zone), version: f.consentVersion ?? "-" })];
}

function reports(t: Translate, lang: Language, zone: string, f: PersonFacts): string[] {
  const lines = [t("privacy-data-reports")];
  if (f.reports.count === 0 || !f.reports.latestWeekStart) lines.push(t("privacy-data-reports-none"));
  else lines.push(t("privacy-data-reports-count", { count: f.reports.count, week: formatWeekRange(weekFromStartDate(f.reports.latestWeekStart, zone), lang, zone) }));
  if (f.reportsForOthers > 0) lines.push(t("privacy-data-reports-for-others", { count: f.reportsForOthers }));
  return lines;
}

function invitations(t: Translate, f: PersonFacts): string[] {
  const i = f.invitations;
  if (i.total === 0) return [t("privacy-data-invitations"), t("privacy-data-invitations-none")];
  return [t("privacy-data-invitations"), t("privacy-data-invitations-count", { count: i.total, yes: i.yes, no: i.no, maybe: i.maybe, unanswered: i.unanswered })];
}

/** /dataku: everything stored about the person, in plain words, and how to erase it. */
export function myDataText(t: Translate, lang: Language, zone: string, f: PersonFacts): string {
  return [
    t("privacy-data-title"),
    profile(t, lang, zone, f).join("\n"),
    memberships(t, lang, zone, f).join("\n"),
    consent(t, lang, zone, f).join("\n"),
    reports(t, lang, zone, f).join("\n"),
    invitations(t, f).join("\n"),
    t(f.remindersOff ? "privacy-data-reminders-off" : "privacy-data-reminders-on"),
    t("privacy-data-footer"),
  ].join("\n\n");
}
