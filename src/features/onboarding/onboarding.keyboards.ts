import { InlineKeyboard, Keyboard } from "grammy";
import { buttonData } from "../../bot/conversation-kit.js";
import type { Translate } from "./onboarding.format.js";
import { MAX_USES_CHOICES, VALIDITY_DAY_CHOICES } from "./onboarding.rules.js";
import type { JoinCodeInfo, LinkTargets } from "./onboarding.service.js";

// Join conversation (/start <code>)

export function consentKeyboard(t: Translate, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("onboarding-consent-agree"), buttonData(nonce, "consent", "yes"))
    .text(t("onboarding-consent-decline"), buttonData(nonce, "consent", "no"));
}

/** The Telegram name as a one-tap answer; the name itself stays in the conversation, not in the callback data. */
export function telegramNameKeyboard(t: Translate, nonce: string, name: string): InlineKeyboard {
  return new InlineKeyboard().text(t("onboarding-name-use-telegram", { name }), buttonData(nonce, "name", "telegram"));
}

/** A reply keyboard: Telegram's share-contact button sends the user's own number; «Lewati» skips. */
export function phoneKeyboard(t: Translate): Keyboard {
  return new Keyboard().requestContact(t("onboarding-phone-share")).row().text(t("onboarding-phone-skip")).resized().oneTime();
}

export function institutionKeyboard(nonce: string, stakeholders: LinkTargets["stakeholders"], any?: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const s of stakeholders) keyboard.text(s.institution, buttonData(nonce, "inst", s.id)).row();
  if (any) keyboard.text(any, buttonData(nonce, "inst", "any"));
  return keyboard;
}

export function confirmJoinKeyboard(t: Translate, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("onboarding-join-button"), buttonData(nonce, "confirm", "join"))
    .text(t("onboarding-cancel-button"), buttonData(nonce, "confirm", "cancel"));
}

// Links conversation (/tautan)

export function linksMenuKeyboard(t: Translate, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("onboarding-links-new"), buttonData(nonce, "menu", "new"))
    .row()
    .text(t("onboarding-links-manage"), buttonData(nonce, "menu", "manage"));
}

/** One button per group, in programme order (the message lists them under their programme), then stakeholders. */
export function targetKeyboard(t: Translate, nonce: string, targets: LinkTargets): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const programme of targets.programmes) {
    for (const group of programme.groups) keyboard.text(group.name, buttonData(nonce, "target", "g", group.id)).row();
  }
  if (targets.stakeholders.length > 0) keyboard.text(t("onboarding-links-target-stakeholders"), buttonData(nonce, "target", "s"));
  return keyboard;
}

export function roleKeyboard(t: Translate, nonce: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("onboarding-links-role-member"), buttonData(nonce, "role", "member"))
    .text(t("onboarding-links-role-coordinator"), buttonData(nonce, "role", "coordinator"));
}

export function daysKeyboard(t: Translate, nonce: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const days of VALIDITY_DAY_CHOICES) keyboard.text(t("onboarding-links-days-button", { days }), buttonData(nonce, "days", days));
  return keyboard;
}

export function usesKeyboard(t: Translate, nonce: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const uses of MAX_USES_CHOICES) keyboard.text(t("onboarding-links-uses-button", { uses }), buttonData(nonce, "uses", uses));
  return keyboard;
}

export function revokeKeyboard(t: Translate, nonce: string, codes: JoinCodeInfo[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  codes.forEach((code, index) => {
    keyboard.text(t("onboarding-links-revoke-button", { number: index + 1 }), buttonData(nonce, "revoke", code.joinCodeId));
    if (index % 2 === 1) keyboard.row();
  });
  if (codes.length % 2 === 1) keyboard.row();
  return keyboard.text(t("onboarding-links-done-button"), buttonData(nonce, "done"));
}
