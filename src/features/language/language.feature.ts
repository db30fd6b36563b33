import { Composer, InlineKeyboard } from "grammy";
import { publishCommandsFor } from "../../bot/commands.js";
import { LANGUAGES, type BotContext, type Language } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { chooseLanguage, mainRole } from "../people/people.service.js";
import { editMessage } from "../../bot/edit-message.js";

/** /bahasa: Indonesian or English. Stored on the person; people who have not joined keep Indonesian. */
export function languageFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();

  composer.command(["bahasa", "language"], async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const language of LANGUAGES) keyboard.text(ctx.t(`language-name-${language}`), `lang:${language}`);
    await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
  });

  composer.callbackQuery(/^lang:(id|en)$/, async (ctx) => {
    const language = ctx.match[1] as Language;
    const actor = ctx.actor;
    if (!actor?.personId) {
      await ctx.answerCallbackQuery({ text: ctx.t("language-join-first"), show_alert: true });
      return;
    }
    await chooseLanguage(deps.prisma, actor.personId, language);
    actor.language = language;
    ctx.i18n.useLocale(language);
    await ctx.answerCallbackQuery();
    // A double tap edits to the same text ("not modified"); a deleted message needs no edit.
    await editMessage(() => ctx.editMessageText(ctx.t("language-changed")));
    if (ctx.chat) await publishCommandsFor(ctx.api, deps.i18n, ctx.chat.id, mainRole(actor), language).catch((error) => ctx.log.warn({ err: error }, "could not update the command menu"));
  });

  return { name: "language", composer };
}
