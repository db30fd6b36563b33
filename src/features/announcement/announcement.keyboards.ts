import { InlineKeyboard } from "grammy";
import type { Language } from "../../bot/context.js";
import { buttonData } from "../../bot/conversation-kit.js";
import type { AudienceCounts } from "../people/people.audience.js";
import type { AnnouncementAudience, ProgrammeOption } from "./announcement.repository.js";
import { programmeName, type Translate } from "./announcement.texts.js";

/** The buttons of /umumkan; every one carries the conversation's step tag. */

export function skipPhotoKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("announcement-photo-skip"), buttonData(tag, "skip"));
}

export function removePhotoKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("announcement-photo-remove"), buttonData(tag, "skip")).text(t("common-back"), buttonData(tag, "back"));
}

const mark = (t: Translate, on: boolean, label: string) => (on ? t("announcement-chosen", { label }) : label);
const counted = (t: Translate, label: string, count: number | undefined) => t("announcement-audience-count", { label, count: count ?? 0 });

/** Programmes, then their groups, as toggles with ✓ and head-counts of reachable members; «Lanjut» with the total. */
export function audienceKeyboard(
  tag: string,
  t: Translate,
  lang: Language,
  programmes: readonly ProgrammeOption[],
  counts: AudienceCounts,
  chosen: AnnouncementAudience,
  total: number,
): InlineKeyboard {
  const k = new InlineKeyboard();
  for (const p of programmes) {
    const label = counted(t, t("announcement-audience-programme", { name: programmeName(lang, p) }), counts.programmes[p.id]);
    k.text(mark(t, chosen.programmeIds.includes(p.id), label), buttonData(tag, "p", p.id)).row();
  }
  for (const p of programmes) {
    for (const g of p.groups) {
      const label = counted(t, t("announcement-audience-group", { name: g.name }), counts.groups[g.id]);
      k.text(mark(t, chosen.groupIds.includes(g.id), label), buttonData(tag, "g", g.id)).row();
    }
  }
  return k.text(t("announcement-audience-done", { count: total }), buttonData(tag, "done"));
}

export function sendKeyboard(tag: string, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("announcement-send"), buttonData(tag, "send"))
    .text(t("announcement-edit"), buttonData(tag, "edit"))
    .text(t("announcement-cancel"), buttonData(tag, "cancel"));
}

export type DraftPart = "text" | "photo" | "audience";
export const DRAFT_PARTS: readonly DraftPart[] = ["text", "photo", "audience"];

export function editKeyboard(tag: string, t: Translate): InlineKeyboard {
  const k = new InlineKeyboard();
  for (const part of DRAFT_PARTS) k.text(t(`announcement-edit-${part}`), buttonData(tag, "part", part));
  return k.row().text(t("common-back"), buttonData(tag, "back"));
}
