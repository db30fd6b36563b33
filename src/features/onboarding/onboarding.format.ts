import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import type { Language } from "../../bot/context.js";
import type { JoinOffer } from "./onboarding.rules.js";

/** The translator of a context: `ctx.t`. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "14 Desember 2026" in the deployment's zone. */
export function formatDate(iso: string, language: Language, zone: string): string {
  return format(new Date(iso), "d MMMM yyyy", { in: tz(zone), locale: language === "id" ? id : enUS });
}

/** "14 Desember 2026 pukul 10.30" (id) / "14 December 2026 at 10:30" (en). */
export function formatDateTime(t: Translate, iso: string, language: Language, zone: string): string {
  const time = format(new Date(iso), language === "id" ? "HH.mm" : "HH:mm", { in: tz(zone) });
  return t("onboarding-datetime", { date: formatDate(iso, language, zone), time });
}

export function roleLabel(t: Translate, role: JoinOffer["role"]): string {
  return t(`onboarding-role-${role}`);
}

/** Whom a link is for, as staff read it after creating one. */
export function linkTargetText(t: Translate, offer: JoinOffer): string {
  if (offer.role !== "stakeholder") {
    return t("onboarding-links-for-group", { group: offer.groupName ?? "", programme: offer.programmeName ?? "", role: roleLabel(t, offer.role) });
  }
  return offer.institution ? t("onboarding-links-for-stakeholder-of", { institution: offer.institution }) : t("onboarding-links-for-stakeholder-any");
}

/** The greeting that opens the join conversation. */
export function greetingText(t: Translate, offer: JoinOffer): string {
  if (offer.role !== "stakeholder") {
    return t("onboarding-join-greeting-group", { group: offer.groupName ?? "", programme: offer.programmeName ?? "", role: roleLabel(t, offer.role) });
  }
  return offer.institution
    ? t("onboarding-join-greeting-stakeholder-of", { institution: offer.institution })
    : t("onboarding-join-greeting-stakeholder");
}

/** The kind message for a code that cannot be used. */
export function problemText(
  t: Translate,
  problem: { kind: string; expiredAt?: string; role?: string; groupName?: string | null },
  language: Language,
  zone: string,
): string {
  switch (problem.kind) {
    case "malformed":
      return t("onboarding-code-malformed");
    case "expired":
      return t("onboarding-code-expired", { date: formatDate(problem.expiredAt ?? new Date(0).toISOString(), language, zone) });
    case "revoked":
      return t("onboarding-code-revoked");
    case "used-up":
      return t("onboarding-code-used-up");
    case "already-member":
      return problem.role === "stakeholder"
        ? t("onboarding-code-already-stakeholder")
        : t("onboarding-code-already-member", { group: problem.groupName ?? "" });
    default:
      return t("onboarding-code-unknown");
  }
}

/** The summary shown before «Gabung». */
export function summaryText(
  t: Translate,
  offer: JoinOffer,
  answers: { name: string; phone: string | null; askedPhone: boolean; institution: string | null },
): string {
  const lines = [t("onboarding-summary-intro"), "", t("onboarding-summary-name", { name: answers.name })];
  if (answers.askedPhone) {
    lines.push(answers.phone ? t("onboarding-summary-phone", { phone: answers.phone }) : t("onboarding-summary-phone-none"));
  }
  if (offer.role === "stakeholder") {
    lines.push(t("onboarding-summary-stakeholder", { institution: answers.institution ?? "" }));
  } else {
    lines.push(t("onboarding-summary-group", { group: offer.groupName ?? "", programme: offer.programmeName ?? "" }));
    lines.push(t("onboarding-summary-role", { role: roleLabel(t, offer.role) }));
  }
  lines.push("", t("onboarding-summary-ask"));
  return lines.join("\n");
}
