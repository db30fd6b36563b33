import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../logger.js";
import type { PersonStatus } from "../generated/prisma/enums.js";

export type Language = "id" | "en";
export const LANGUAGES: readonly Language[] = ["id", "en"];

/** Who sent the update, as far as the bot is concerned. Ids only: never names here. */
export type Actor = {
  telegramId: bigint;
  /** null until the person has joined (or for an admin from configuration who never joined) */
  personId: number | null;
  status: PersonStatus | null;
  language: Language;
  isStaff: boolean;
  isAdmin: boolean;
  /** groups in which the person is an active coordinator */
  coordinatorGroupIds: number[];
  /** groups in which the person is an active member (coordinators included) */
  memberGroupIds: number[];
  isStakeholder: boolean;
};

type BaseContext = Context &
  I18nFlavor & {
    actor: Actor | null;
    log: Logger;
  };

/** The context of every update outside conversations. */
export type BotContext = ConversationFlavor<BaseContext>;

/** The context inside conversations: a fresh object per update, with translation installed by the conversation's plugins. */
export type ConversationContext = Context & {
  t: I18nFlavor["t"];
  locale: Language;
  /** this update's logger (the conversation's plugins install it) */
  log: Logger;
};
