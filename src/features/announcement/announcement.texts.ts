import type { Language } from "../../bot/context.js";
import type { AnnouncementAudience, ProgrammeOption } from "./announcement.repository.js";
import type { DeliveryReport } from "./announcement.service.js";

/** The messages of announcements, built from locales/ (no sentence lives here). */

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The announcement as every recipient sees it (and staff in the preview): a header, then the text as written. */
export function announcementText(t: Translate, text: string): string {
  return t("announcement-message", { text });
}

export function programmeName(lang: Language, p: Pick<ProgrammeOption, "name" | "nameEn">): string {
  return lang === "en" ? p.nameEn : p.name;
}

/** What staff chose, in words: «Program Margasari Olah Jelantah (Mariojela), KSB Baru Tengah». */
export function audienceSummary(t: Translate, lang: Language, programmes: readonly ProgrammeOption[], a: AnnouncementAudience): string {
  const parts: string[] = [];
  for (const p of programmes) {
    if (a.programmeIds.includes(p.id)) parts.push(t("announcement-audience-programme", { name: programmeName(lang, p) }));
  }
  for (const p of programmes) {
    if (a.programmeIds.includes(p.id)) continue;
    for (const g of p.groups) if (a.groupIds.includes(g.id)) parts.push(t("announcement-audience-group", { name: g.name }));
  }
  return parts.join(", ");
}

/** «Pengumuman terkirim ke N dari M orang (K tidak bisa dihubungi)». */
export function deliveryReportText(t: Translate, excerpt: string, report: DeliveryReport): string {
  const vars = { excerpt, delivered: report.delivered, total: report.total, unreachable: report.notReached, pending: report.pending };
  return t(report.pending > 0 ? "announcement-delivery-report-pending" : "announcement-delivery-report", vars);
}

/** The start of the text, to remind the sender which announcement the count is about. */
export function excerptOf(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : line;
}
