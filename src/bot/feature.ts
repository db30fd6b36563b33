import type { ConversationBuilder } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import type { Composer } from "grammy";
import type { AppDeps } from "../app-deps.js";
import type { BotContext, ConversationContext } from "./context.js";

export type FeatureDeps = AppDeps & { i18n: I18n<BotContext> };

/** One capability of the bot: its conversations (registered first) and its handlers. */
export type Feature = {
  name: string;
  conversations?: Array<{ id: string; builder: ConversationBuilder<BotContext, ConversationContext> }>;
  composer: Composer<BotContext>;
};
