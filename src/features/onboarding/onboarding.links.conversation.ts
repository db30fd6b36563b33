import { InputFile } from "grammy";
import { joinLinkQrPng } from "./onboarding.qr.js";
import type { InlineKeyboard } from "grammy";
import type { BotContext, ConversationContext } from "../../bot/context.js";
import { closeKeyboard, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { formatDateTime, linkTargetText, type Translate } from "./onboarding.format.js";
import { daysKeyboard, institutionKeyboard, linksMenuKeyboard, revokeKeyboard, roleKeyboard, targetKeyboard, usesKeyboard } from "./onboarding.keyboards.js";
import {
  createJoinCode,
  joinLink,
  listActiveJoinCodes,
  listLinkTargets,
  MAX_USES_RANGE,
  readWholeNumber,
  revokeJoinCode,
  VALIDITY_DAYS_RANGE,
  type JoinCodeInfo,
  type JoinCodeTarget,
  type LinkTargets,
  type Rights,
} from "./onboarding.service.js";
import { editIfPossible } from "../../bot/edit-message.js";

export const LINKS_CONVERSATION = "onboarding-links";

const MAX_TRIES = 5;
/** The newest links shown by «Lihat & cabut tautan» (two revoke buttons a row). */
const LIST_LIMIT = 10;

/** The rights of whoever sent the current update, read fresh: a button press is not trusted. */
function rightsOf(outer: BotContext): Rights {
  return { isStaff: outer.actor?.isStaff ?? false, personId: outer.actor?.personId ?? null };
}

type Group = LinkTargets["programmes"][number]["groups"][number];

/**
 * /tautan (staff): «Buat tautan baru» → group or «Pemangku kepentingan» → role or
 * institution → validity → use limit → the link; or «Lihat & cabut tautan» → group or
 * stakeholders → the active links with «Cabut no. n» buttons.
 */
export function linksConversation(deps: FeatureDeps) {
  const service = { prisma: deps.prisma, clock: deps.clock };
  const zone = deps.config.timeZone;

  return async function links(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const nonce = await newNonce(conversation);
    await ctx.reply(ctx.t("onboarding-links-menu"), { reply_markup: linksMenuKeyboard(ctx.t, nonce) });
    const menu = await waitForButton(conversation, nonce, { key: "onboarding-links-menu-hint" }, (a) => a[0] === "menu");
    await closeKeyboard(menu.ctx);

    const targets = await conversation.external(() => listLinkTargets(service));
    if (targets.programmes.length === 0 && targets.stakeholders.length === 0) {
      await ctx.reply(ctx.t("onboarding-links-no-groups"));
      return;
    }
    await ctx.reply(targetListText(ctx.t, targets), { reply_markup: targetKeyboard(ctx.t, nonce, targets) });
    const groups = targets.programmes.flatMap((p) => p.groups);
    const picked = await waitForButton(conversation, nonce, { key: "onboarding-links-target-hint" }, (a) =>
      a[0] === "target" && (a[1] === "s" || groups.some((g) => String(g.id) === a[2])),
    );
    await closeKeyboard(picked.ctx);
    const group = picked.action[1] === "g" ? (groups.find((g) => String(g.id) === picked.action[2]) ?? null) : null;

    if (menu.action[1] === "manage") await manageLinks(conversation, ctx, nonce, group);
    else await createLink(conversation, ctx, nonce, group, targets);
  };

  async function createLink(conversation: BotConversation, ctx: ConversationContext, nonce: string, group: Group | null, targets: LinkTargets) {
    let target: JoinCodeTarget;
    if (group) {
      await ctx.reply(ctx.t("onboarding-links-role-ask", { group: group.name }), { reply_markup: roleKeyboard(ctx.t, nonce) });
      const role = await waitForButton(conversation, nonce, { key: "onboarding-links-role-hint" }, (a) =>
        a[0] === "role" && (a[1] === "member" || a[1] === "coordinator"),
      );
      await closeKeyboard(role.ctx);
      target = { kind: "group", groupId: group.id, role: role.action[1] === "coordinator" ? "coordinator" : "member" };
    } else {
      const keyboard = institutionKeyboard(nonce, targets.stakeholders, ctx.t("onboarding-links-institution-any"));
      await ctx.reply(ctx.t("onboarding-links-institution-ask"), { reply_markup: keyboard });
      const inst = await waitForButton(conversation, nonce, { key: "onboarding-links-institution-hint" }, (a) =>
        a[0] === "inst" && (a[1] === "any" || targets.stakeholders.some((s) => String(s.id) === a[1])),
      );
      await closeKeyboard(inst.ctx);
      target = { kind: "stakeholder", stakeholderId: inst.action[1] === "any" ? null : Number(inst.action[1]) };
    }

    const days = await askWholeNumber(conversation, ctx, nonce, {
      action: "days",
      question: "onboarding-links-days-ask",
      hint: "onboarding-links-days-hint",
      keyboard: daysKeyboard(ctx.t, nonce),
      range: VALIDITY_DAYS_RANGE,
    });
    if (days === null) return;
    const maxUses = await askWholeNumber(conversation, ctx, nonce, {
      action: "uses",
      question: "onboarding-links-uses-ask",
      hint: "onboarding-links-uses-hint",
      keyboard: usesKeyboard(ctx.t, nonce),
      range: MAX_USES_RANGE,
    });
    if (maxUses === null) return;

    const result = await conversation.external(async (outer) => {
      const created = await createJoinCode(service, { target, days, maxUses, rights: rightsOf(outer) });
      if (created.kind === "created") outer.log.info({ joinCodeId: created.joinCode.joinCodeId }, "join code created");
      return created;
    });
    if (result.kind === "not-allowed") {
      await ctx.reply(ctx.t("common-not-allowed"));
    } else if (result.kind !== "created") {
      await ctx.reply(ctx.t("onboarding-links-gone"));
    } else {
      const joinCode = result.joinCode;
      await ctx.reply(
        ctx.t("onboarding-links-created", {
          link: joinLink(ctx.me.username, joinCode.code),
          target: linkTargetText(ctx.t, joinCode),
          expires: formatDateTime(ctx.t, joinCode.expiresAt, ctx.locale, zone),
          uses: joinCode.maxUses,
        }),
        { link_preview_options: { is_disabled: true } },
      );
      // The same QR image as the console's printable sheet, to show on a phone or print.
      const png = await joinLinkQrPng(ctx.me.username, joinCode.code);
      await ctx.replyWithPhoto(new InputFile(png, "qr-tautan.png"), { caption: ctx.t("onboarding-links-qr-caption", { target: linkTargetText(ctx.t, joinCode) }) });
    }
  }

  async function manageLinks(conversation: BotConversation, ctx: ConversationContext, nonce: string, group: Group | null) {
    const targetName = group ? group.name : ctx.t("onboarding-links-for-stakeholders");
    const codes = await conversation.external(() => listActiveJoinCodes(service, group ? { groupId: group.id } : { stakeholders: true }));
    if (codes.length === 0) {
      await ctx.reply(ctx.t("onboarding-links-list-empty", { target: targetName }));
      return;
    }
    const shown = codes.slice(0, LIST_LIMIT);
    const lines = [ctx.t("onboarding-links-list-header", { target: targetName }), ""];
    shown.forEach((code, index) => lines.push(listItemText(ctx, code, index + 1, zone), ""));
    if (codes.length > shown.length) lines.push(ctx.t("onboarding-links-list-more", { shown: shown.length, total: codes.length }), "");
    lines.push(ctx.t("onboarding-links-list-ask"));
    await ctx.reply(lines.join("\n"), { reply_markup: revokeKeyboard(ctx.t, nonce, shown), link_preview_options: { is_disabled: true } });

    const pressed = await waitForButton(conversation, nonce, { key: "onboarding-links-revoke-hint" }, (a) =>
      a[0] === "done" || (a[0] === "revoke" && shown.some((c) => String(c.joinCodeId) === a[1])),
    );
    await closeKeyboard(pressed.ctx);
    if (pressed.action[0] === "done") {
      await pressed.ctx.reply(ctx.t("onboarding-links-done"));
      return;
    }
    const joinCodeId = Number(pressed.action[1]);
    const number = shown.findIndex((c) => c.joinCodeId === joinCodeId) + 1;
    const result = await conversation.external(async (outer) => {
      const revoked = await revokeJoinCode(service, { joinCodeId, rights: rightsOf(outer) });
      if (revoked.kind === "revoked") outer.log.info({ joinCodeId }, "join code revoked");
      return revoked;
    });
    const replies = {
      revoked: ctx.t("onboarding-links-revoked", { number }),
      "already-revoked": ctx.t("onboarding-links-already-revoked"),
      "not-allowed": ctx.t("common-not-allowed"),
      "not-found": ctx.t("onboarding-links-gone"),
    } as const;
    await pressed.ctx.reply(replies[result.kind]);
  }
}

function targetListText(t: Translate, targets: LinkTargets): string {
  const lines = [t("onboarding-links-target-ask")];
  for (const programme of targets.programmes) {
    lines.push("", t("onboarding-links-target-programme", { programme: programme.name }));
    for (const group of programme.groups) lines.push(t("onboarding-links-target-group", { group: group.name, kelurahan: group.kelurahan }));
  }
  return lines.join("\n");
}

function listItemText(ctx: ConversationContext, code: JoinCodeInfo, number: number, zone: string): string {
  const role =
    code.role === "stakeholder"
      ? code.institution
        ? ctx.t("onboarding-links-list-stakeholder-of", { institution: code.institution })
        : ctx.t("onboarding-links-list-stakeholder-any")
      : ctx.t(`onboarding-links-role-${code.role}`);
  return ctx.t("onboarding-links-list-item", {
    number,
    role,
    uses: code.uses,
    maxUses: code.maxUses,
    expires: formatDateTime(ctx.t, code.expiresAt, ctx.locale, zone),
    link: joinLink(ctx.me.username, code.code),
  });
}

/** A whole number by button or typed ("21"); null after too many tries. */
async function askWholeNumber(
  conversation: BotConversation,
  ctx: ConversationContext,
  nonce: string,
  step: { action: string; question: string; hint: string; keyboard: InlineKeyboard; range: { min: number; max: number } },
): Promise<number | null> {
  const question = await ctx.reply(ctx.t(step.question), { reply_markup: step.keyboard });
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await waitForAnswer(conversation, nonce, { key: step.hint });
    const value =
      answer.kind === "button"
        ? answer.action[0] === step.action
          ? readWholeNumber(answer.action[1] ?? "", step.range)
          : null
        : readWholeNumber(answer.text, step.range);
    if (value !== null) {
      await editIfPossible(() =>
        answer.ctx.api.editMessageReplyMarkup(question.chat.id, question.message_id, { reply_markup: { inline_keyboard: [] } }),
      );
      return value;
    }
    await answer.ctx.reply(ctx.t(step.hint));
  }
  await ctx.reply(ctx.t("common-cancelled"));
  return null;
}
