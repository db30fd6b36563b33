import { Composer } from "grammy";
import { publishCommandsFor } from "../../bot/commands.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { confirmEraseKeyboard, ERASE_PATTERN, KEEP_DATA } from "./privacy.keyboards.js";
import { privacyDeps } from "./privacy.deps.js";
import { confirmationValid } from "./privacy.plan.js";
import { eraseMe, myData } from "./privacy.service.js";
import { myDataText } from "./privacy.texts.js";
import { editIfPossible } from "../../bot/edit-message.js";

/** /dataku (what is stored about me) and /hapusdata (erase it; this is also how consent is withdrawn). */
export function privacyFeature(deps: FeatureDeps): Feature {
  const svc = privacyDeps(deps);
  const zone = deps.config.timeZone;
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  /** Someone the bot knows and has not erased (an erased person has no Telegram id any more, so is unknown). */
  const knownPerson = (ctx: BotContext): number | null => (ctx.actor?.personId && ctx.actor.status !== "erased" ? ctx.actor.personId : null);

  privateChat.command(["dataku", "mydata"], async (ctx) => {
    const facts = await myData(svc, knownPerson(ctx));
    if (!facts) {
      await ctx.reply(ctx.t("privacy-no-data"));
      return;
    }
    await ctx.reply(myDataText(ctx.t, ctx.actor?.language ?? "id", zone, facts));
  });

  privateChat.command(["hapusdata", "deletedata"], async (ctx) => {
    if (knownPerson(ctx) === null) {
      await ctx.reply(ctx.t("privacy-no-data"));
      return;
    }
    const askedAt = Math.floor(svc.clock().getTime() / 1000);
    await ctx.reply(ctx.t("privacy-erase-confirm"), { reply_markup: confirmEraseKeyboard(ctx.t, askedAt) });
  });

  composer.callbackQuery(ERASE_PATTERN, async (ctx) => {
    const personId = knownPerson(ctx);
    if (personId === null) {
      await ctx.answerCallbackQuery({ text: ctx.t("common-stale-button") });
      await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
      return;
    }
    if (!confirmationValid(Number(ctx.match[1]), svc.clock())) {
      await ctx.answerCallbackQuery();
      await editIfPossible(() => ctx.editMessageText(ctx.t("privacy-erase-expired")));
      return;
    }
    const result = await eraseMe(svc, personId);
    await ctx.answerCallbackQuery();
    // The person is gone: nothing of theirs may carry on (a half-filled /lapor, for one).
    await ctx.conversation.exitAll();
    await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
    await ctx.reply(ctx.t(result.kind === "not-found" ? "privacy-no-data" : "privacy-erased"), { reply_markup: { remove_keyboard: true } });
    if (ctx.chat) {
      await publishCommandsFor(ctx.api, deps.i18n, ctx.chat.id, "guest", "id").catch((err) => ctx.log.warn({ err }, "could not reset the command menu"));
    }
  });

  composer.callbackQuery(KEEP_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await editIfPossible(() => ctx.editMessageText(ctx.t("privacy-erase-kept")));
  });

  return { name: "privacy", composer };
}
