import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, BotError, GrammyError, HttpError, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppDeps } from "../app-deps.js";
import { helpFeature } from "../features/help/help.feature.js";
import { languageFeature } from "../features/language/language.feature.js";
import { featureList } from "./features.js";
import type { BotContext } from "./context.js";
import { CONVERSATION_STATE_VERSION, conversationPlugins } from "./conversation-kit.js";
import { conversationStorage } from "./conversation-storage.js";
import type { Feature, FeatureDeps } from "./feature.js";
import { bestEffort } from "../lib/best-effort.js";
import { createI18n } from "./i18n.js";
import { dropEmptyKeyboardRows } from "./keyboard-rows.js";
import { attachActor } from "./middleware/actor.js";
import { dedupeUpdates } from "./middleware/dedupe.js";

export type CreateBotOptions = {
  /** skips getMe at start (tests and benchmarks) */
  botInfo?: UserFromGetMe;
};

/** Updates of one chat (and one user's button presses) are handled one after another, never in parallel. */
function sequenceKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

/**
 * Builds the bot: middleware order matters and is the whole point of this function.
 * sequentialize → actor & logger → duplicate filter → i18n → conversations (+ /batal
 * before them) → features → fallbacks; errors end in one boundary.
 */
export function createBot(deps: AppDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const { config } = deps;
  if (!config.botToken) throw new Error("createBot needs a bot token");
  const bot = new Bot<BotContext>(config.botToken, {
    client: { apiRoot: config.telegramApiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use(dropEmptyKeyboardRows);
  // Telegram's limits: ~30 messages/s overall, 20/min per group chat. In a private chat the
  // bot answers a person who is waiting: short bursts are allowed there, so replies are only
  // spaced, not held to one a second (broadcasts keep 1/s per chat in the outgoing queue).
  bot.api.config.use(apiThrottler({ out: { maxConcurrent: 1, minTime: 100 } }));

  const i18n = createI18n();
  const featureDeps: FeatureDeps = { ...deps, i18n };
  const features: Feature[] = [...featureList(featureDeps), languageFeature(featureDeps), helpFeature()];

  bot.use(sequentialize(sequenceKey));
  bot.use(attachActor(deps));
  bot.use(dedupeUpdates(deps.redis));
  bot.use(i18n);

  bot.use(
    conversations<BotContext, BotContext>({
      storage: {
        type: "context",
        version: CONVERSATION_STATE_VERSION,
        adapter: conversationStorage(deps.redis, config.conversationTtlSeconds),
      },
    }),
  );

  // /batal leaves whatever conversation is open, at any step.
  bot.command(["batal", "cancel"], async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active.length > 0 ? "common-cancelled" : "common-nothing-to-cancel"), {
      reply_markup: { remove_keyboard: true },
    });
  });

  const plugins = conversationPlugins(i18n, deps.logger);
  for (const feature of features) {
    for (const { id, builder } of feature.conversations ?? []) {
      bot.use(createConversation(builder, { id, plugins }));
    }
  }
  for (const feature of features) bot.use(feature.composer);

  // Fallbacks: a button nobody handles is stale; text nobody handles gets a pointer to /bantuan.
  bot.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("common-stale-button") });
  });
  bot.on("message", async (ctx) => {
    if (ctx.chat.type !== "private") return;
    await ctx.reply(ctx.t(ctx.actor?.personId ? "common-unknown-input" : "common-not-joined"));
  });

  bot.catch(async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    const cause = error.error;
    const log = ctx.log ?? deps.logger;
    if (cause instanceof GrammyError) log.error({ err: cause, method: cause.method, updateId: ctx.update.update_id }, "Telegram refused a request");
    else if (cause instanceof HttpError) log.error({ err: cause, updateId: ctx.update.update_id }, "Telegram could not be reached");
    else log.error({ err: cause, updateId: ctx.update.update_id }, "update failed");
    try {
      if (ctx.callbackQuery) await bestEffort(ctx.answerCallbackQuery(), log, "answer the press that failed");
      const text = typeof ctx.t === "function" ? ctx.t("common-error") : i18n.t("id", "common-error");
      if (ctx.chat?.type === "private") await ctx.reply(text);
    } catch (replyError) {
      log.warn({ err: replyError }, "could not tell the user about the error");
    }
  });

  return bot;
}
