import { publishCommandsFor } from "../../bot/commands.js";
import type { ConversationContext } from "../../bot/context.js";
import {
  closeKeyboard,
  newNonce,
  waitFor,
  waitForAnswer,
  waitForButton,
  type BotConversation,
} from "../../bot/conversation-kit.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { mainRole, resolveActor } from "../people/people.service.js";
import { greetingText, problemText, summaryText } from "./onboarding.format.js";
import { confirmJoinKeyboard, consentKeyboard, institutionKeyboard, phoneKeyboard, telegramNameKeyboard } from "./onboarding.keyboards.js";
import {
  joinWithCode,
  listLinkTargets,
  normalisePhone,
  telegramName,
  validateJoinCode,
  validateName,
  type JoinOffer,
} from "./onboarding.service.js";
import { editIfPossible } from "../../bot/edit-message.js";

export const JOIN_CONVERSATION = "onboarding-join";

/** How often a step may be answered wrongly before the conversation gives up kindly. */
const MAX_TRIES = 5;

/**
 * /start <code>: greeting → consent (UU 27/2022) → name → phone (optional) → institution
 * (stakeholder codes not bound to one) → summary → Gabung. Nothing is stored before Gabung;
 * a person who already joined and consented only confirms.
 */
export function joinConversation(deps: FeatureDeps) {
  const service = { prisma: deps.prisma, clock: deps.clock };
  const zone = deps.config.timeZone;

  return async function join(conversation: BotConversation, ctx: ConversationContext, code: string): Promise<void> {
    const from = ctx.from;
    if (!from) return;
    const telegramId = String(from.id);
    const nonce = await newNonce(conversation);

    const start = await conversation.external(() => validateJoinCode(service, code, BigInt(telegramId)));
    if (start.kind !== "ok") {
      await ctx.reply(problemText(ctx.t, start, ctx.locale, zone));
      return;
    }
    const { offer, joiner } = start;
    await ctx.reply(greetingText(ctx.t, offer));

    let profile: { name: string; phone: string | null } | null = null;
    if (joiner.needsConsent) {
      if (!(await askConsent(conversation, ctx, nonce, offer))) return;
      const name = await askName(conversation, ctx, nonce, telegramName(from.first_name, from.last_name));
      if (name === null) return;
      const phone = await askPhone(conversation, ctx, from.id);
      if (phone === undefined) return;
      profile = { name, phone };
    } else {
      await ctx.reply(ctx.t("onboarding-join-greeting-known", { name: joiner.name ?? "" }));
    }

    let institution = offer.institution;
    let stakeholderId: number | null = offer.stakeholderId;
    if (offer.role === "stakeholder" && stakeholderId === null) {
      const chosen = await askInstitution(conversation, ctx, nonce);
      if (!chosen) return;
      ({ id: stakeholderId, institution } = chosen);
    }

    const summary = summaryText(ctx.t, offer, {
      name: profile?.name ?? joiner.name ?? "",
      phone: profile?.phone ?? null,
      askedPhone: profile !== null,
      institution,
    });
    await ctx.reply(summary, { reply_markup: confirmJoinKeyboard(ctx.t, nonce) });
    const confirm = await waitForButton(conversation, nonce, { key: "onboarding-summary-hint" }, (a) => a[0] === "confirm");
    await closeKeyboard(confirm.ctx);
    if (confirm.action[1] !== "join") {
      await confirm.ctx.reply(ctx.t("onboarding-join-cancelled"));
      return;
    }

    const result = await conversation.external(() => joinWithCode(service, { code, telegramId: BigInt(telegramId), profile, stakeholderId }));
    switch (result.kind) {
      case "joined":
        await conversation.external(async (outer) => {
          outer.log.info({ personId: result.personId, joinCodeId: offer.joinCodeId, groupId: offer.groupId, role: offer.role }, "person joined");
          try {
            const actor = await resolveActor(deps.prisma, BigInt(telegramId), deps.config.adminTelegramIds);
            outer.actor = actor;
            if (outer.chat) await publishCommandsFor(outer.api, deps.i18n, outer.chat.id, mainRole(actor), actor.language);
          } catch (error) {
            outer.log.warn({ err: error }, "could not update the command menu");
          }
        });
        await confirm.ctx.reply(welcomeText(ctx, offer, result.institution));
        return;
      case "consent-needed":
        await confirm.ctx.reply(ctx.t("onboarding-join-consent-needed"));
        return;
      case "institution-needed":
        await confirm.ctx.reply(ctx.t("onboarding-join-institution-gone"));
        return;
      default:
        await confirm.ctx.reply(`${ctx.t("onboarding-join-failed")}\n${problemText(ctx.t, result, ctx.locale, zone)}`);
    }
  };

  async function askInstitution(conversation: BotConversation, ctx: ConversationContext, nonce: string) {
    const { stakeholders } = await conversation.external(() => listLinkTargets(service));
    if (stakeholders.length === 0) {
      await ctx.reply(ctx.t("onboarding-institution-none"));
      return null;
    }
    await ctx.reply(ctx.t("onboarding-institution-ask"), { reply_markup: institutionKeyboard(nonce, stakeholders) });
    const pressed = await waitForButton(conversation, nonce, { key: "onboarding-institution-hint" }, (a) =>
      a[0] === "inst" && stakeholders.some((s) => String(s.id) === a[1]),
    );
    await closeKeyboard(pressed.ctx);
    const chosen = stakeholders.find((s) => String(s.id) === pressed.action[1]);
    return chosen ? { id: chosen.id, institution: chosen.institution } : null;
  }
}

function welcomeText(ctx: ConversationContext, offer: JoinOffer, institution: string | null): string {
  if (offer.role === "stakeholder") return ctx.t("onboarding-welcome-stakeholder", { institution: institution ?? "" });
  return ctx.t(`onboarding-welcome-${offer.role}`, { group: offer.groupName ?? "" });
}

async function askConsent(conversation: BotConversation, ctx: ConversationContext, nonce: string, offer: JoinOffer): Promise<boolean> {
  const kind = offer.role === "stakeholder" ? "stakeholder" : "member";
  await ctx.reply(ctx.t("onboarding-consent", { kind }), { reply_markup: consentKeyboard(ctx.t, nonce) });
  const pressed = await waitForButton(conversation, nonce, { key: "onboarding-consent-hint" }, (a) => a[0] === "consent");
  await closeKeyboard(pressed.ctx);
  if (pressed.action[1] === "yes") return true;
  await pressed.ctx.reply(ctx.t("onboarding-consent-declined"));
  return false;
}

/** The name typed, or the Telegram name by one tap; null after too many tries. */
async function askName(conversation: BotConversation, ctx: ConversationContext, nonce: string, suggestion: string | null): Promise<string | null> {
  const question = suggestion
    ? await ctx.reply(ctx.t("onboarding-name-ask-with-telegram"), { reply_markup: telegramNameKeyboard(ctx.t, nonce, suggestion) })
    : await ctx.reply(ctx.t("onboarding-name-ask"));
  const dropSuggestion = async (c: ConversationContext) => {
    if (suggestion) await editIfPossible(() => c.api.editMessageReplyMarkup(question.chat.id, question.message_id, { reply_markup: { inline_keyboard: [] } }));
  };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await waitForAnswer(conversation, nonce, { key: "onboarding-name-hint" });
    if (answer.kind === "button") {
      if (answer.action[0] === "name" && suggestion) {
        await closeKeyboard(answer.ctx);
        return suggestion;
      }
      await answer.ctx.reply(ctx.t("onboarding-name-hint"));
      continue;
    }
    const check = validateName(answer.text);
    if (check.kind === "ok") {
      await dropSuggestion(answer.ctx);
      return check.name;
    }
    await answer.ctx.reply(ctx.t(`onboarding-name-${check.kind}`));
  }
  await dropSuggestion(ctx);
  await ctx.reply(ctx.t("onboarding-too-many-tries"));
  return null;
}

/**
 * The user's own phone number through Telegram's share-contact button, or null for «Lewati»;
 * undefined after too many tries. The reply keyboard is removed whatever the outcome.
 */
async function askPhone(conversation: BotConversation, ctx: ConversationContext, userId: number): Promise<string | null | undefined> {
  const skip = ctx.t("onboarding-phone-skip").toLocaleLowerCase();
  const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
  await ctx.reply(ctx.t("onboarding-phone-ask"), { reply_markup: phoneKeyboard(ctx.t) });
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const reply = await waitFor(conversation, (c) => c.message?.contact !== undefined || (c.message?.text !== undefined && !c.message.text.startsWith("/")), { key: "onboarding-phone-hint" });
    const contact = reply.message?.contact;
    if (contact) {
      if (contact.user_id === userId) {
        await reply.reply(ctx.t("onboarding-phone-thanks"), removeKeyboard);
        return normalisePhone(contact.phone_number);
      }
      await reply.reply(ctx.t("onboarding-phone-not-own"), { reply_markup: phoneKeyboard(ctx.t) });
      continue;
    }
    if (reply.message?.text?.trim().toLocaleLowerCase() === skip) {
      await reply.reply(ctx.t("onboarding-phone-skipped"), removeKeyboard);
      return null;
    }
    await reply.reply(ctx.t("onboarding-phone-hint"), { reply_markup: phoneKeyboard(ctx.t) });
  }
  await ctx.reply(ctx.t("onboarding-too-many-tries"), removeKeyboard);
  return undefined;
}
