import { autoRetry } from "@grammyjs/auto-retry";
import type { Conversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard, type MiddlewareFn } from "grammy";
import { randomBytes } from "node:crypto";
import type { Logger } from "../logger.js";
import { bestEffort } from "../lib/best-effort.js";
import type { BotContext, ConversationContext, Language } from "./context.js";
import { dropEmptyKeyboardRows } from "./keyboard-rows.js";
import { editIfPossible } from "./edit-message.js";

/**
 * Shared steps for every conversation. Raise CONVERSATION_STATE_VERSION whenever the steps
 * of a conversation change: stored conversations of an older version are then dropped
 * instead of being replayed against code they no longer match.
 */
export const CONVERSATION_STATE_VERSION = 2;

export type BotConversation = Conversation<BotContext, ConversationContext>;

/** How often one question is asked again before the conversation lets the user go. */
export const MAX_ROUNDS = 12;

/**
 * What a conversation's question helpers work with: the conversation, the latest context
 * (replies go through it), a fresh step tag per prompt (older buttons go stale), the language.
 */
export type ConversationIo = { conversation: BotConversation; ctx: ConversationContext; tag: () => string; lang: () => Language };

/** A question's outcome: the answer, or the user gave up after MAX_ROUNDS tries. */
export type Asked<T> = { kind: "answer"; value: T } | { kind: "gave-up" };

/**
 * Inside a conversation every update gets a fresh context and a fresh Api, so translation,
 * a logger for this update and auto-retry are installed again here. The locale is read from the outside context once
 * per wait through `external`, so that replays do not hit the database again.
 */
export function conversationPlugins(i18n: I18n<BotContext>, logger: Logger) {
  return async (conversation: BotConversation): Promise<MiddlewareFn<ConversationContext>[]> => {
    const locale = await conversation.external((outer): Language => outer.actor?.language ?? "id");
    return [
      async (ctx, next) => {
        ctx.locale = locale;
        ctx.t = (key, variables) => i18n.t(locale, key, variables);
        ctx.log = logger.child({ updateId: ctx.update.update_id });
        ctx.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
        ctx.api.config.use(dropEmptyKeyboardRows);
        await next();
      },
    ];
  };
}

/**
 * A random tag for this run of a conversation. Every button the conversation shows carries
 * it, so a button from an earlier or another conversation is recognised as stale.
 */
export async function newNonce(conversation: BotConversation): Promise<string> {
  return conversation.external(() => randomBytes(4).toString("hex"));
}

/** Callback data for a conversation's button: `<nonce>:<action>[:<arg>…]` (Telegram allows 64 bytes). */
export function buttonData(nonce: string, ...parts: Array<string | number>): string {
  const data = [nonce, ...parts].join(":");
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data too long: ${data.length}`);
  return data;
}

export type Hint = { key: string; vars?: Record<string, string | number> };

/**
 * What to answer when an update does not fit the current step: a stale button is told so,
 * a command is told that a conversation is open (and how to leave it), anything else gets
 * the step's hint.
 */
export function otherwise(hint: Hint) {
  return async (ctx: ConversationContext) => {
    if (ctx.callbackQuery) {
      await bestEffort(ctx.answerCallbackQuery({ text: ctx.t("common-stale-button") }), ctx.log, "answer a stale press");
      return;
    }
    const text = ctx.message?.text;
    if (text?.startsWith("/")) {
      await ctx.reply(ctx.t("common-in-conversation", { hint: ctx.t(hint.key, hint.vars) }));
      return;
    }
    await ctx.reply(`${ctx.t(hint.key, hint.vars)}\n${ctx.t("common-cancel-hint")}`);
  };
}

/**
 * Whether the conversation holds answers that are not saved yet (a report with figures
 * given). Set during the replay like any other local state, so it is right at every wait.
 */
const unsaved = new WeakMap<BotConversation, true>();

/** Marks the conversation as holding unsaved answers: a command typed now asks before leaving it. */
export function markUnsaved(conversation: BotConversation): void {
  unsaved.set(conversation, true);
}

/** The buttons of "leave this conversation for /command?"; not tagged by a conversation, as any open one is meant. */
const LEAVE_DATA = /^flow:(leave|stay)(?::([a-z0-9_]{1,32}))?$/;

/** "/ekspor" from "/ekspor@bot 2021", or null when the text is not a command. */
function commandOf(ctx: ConversationContext): string | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/.exec(ctx.message?.text ?? "");
  return match ? `/${match[1]!.toLowerCase()}` : null;
}

/**
 * A command typed during a conversation: the conversation is left and the command runs (one
 * line says the conversation was left) — unless it holds unsaved answers: then the bot asks
 * first, and «Ya, tinggalkan» leaves it (the command is typed again; its update is gone).
 * Returns only when the update is not such a command or press.
 */
export async function leaveForCommand(conversation: BotConversation, ctx: ConversationContext, hint: Hint): Promise<void> {
  const leave = LEAVE_DATA.exec(ctx.callbackQuery?.data ?? "");
  if (leave) {
    await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
    await closeKeyboard(ctx);
    if (leave[1] === "stay") {
      await ctx.reply(ctx.t(hint.key, hint.vars));
      await conversation.skip();
    }
    await ctx.reply(ctx.t("common-flow-left-retype", { command: `/${leave[2] ?? ""}` }));
    await conversation.halt();
  }
  const command = commandOf(ctx);
  if (command === null) return;
  if (!unsaved.has(conversation)) {
    await ctx.reply(ctx.t("common-flow-left"));
    await conversation.halt({ next: true });
  }
  const keyboard = new InlineKeyboard().text(ctx.t("common-flow-leave"), `flow:leave:${command.slice(1)}`).text(ctx.t("common-flow-stay"), "flow:stay");
  await ctx.reply(ctx.t("common-flow-unsaved", { command }), { reply_markup: keyboard });
  await conversation.skip();
}

function actionOf(ctx: ConversationContext, nonce: string): string[] | null {
  const data = ctx.callbackQuery?.data;
  if (!data?.startsWith(`${nonce}:`)) return null;
  return data.slice(nonce.length + 1).split(":");
}

const NONCE_DATA = /^[0-9a-f]{8}:/;

/**
 * Waits for an update that `accept` takes. Anything else gets the step's hint — except a
 * press on a button that belongs to no conversation (an invitation's Hadir, a language
 * choice…): that one goes on to the bot's normal handlers, so it works in the middle of a
 * conversation too.
 */
export async function waitFor(
  conversation: BotConversation,
  accept: (ctx: ConversationContext) => boolean,
  hint: Hint,
): Promise<ConversationContext> {
  const ctx = await conversation.wait();
  if (accept(ctx)) return ctx;
  await leaveForCommand(conversation, ctx, hint);
  const data = ctx.callbackQuery?.data;
  if (data !== undefined && !NONCE_DATA.test(data)) await conversation.skip({ next: true });
  await otherwise(hint)(ctx);
  return conversation.skip();
}

/** Waits for a press on one of this conversation's buttons; answers the callback query. */
export async function waitForButton(
  conversation: BotConversation,
  nonce: string,
  hint: Hint,
  accept: (action: string[]) => boolean = () => true,
): Promise<{ ctx: ConversationContext; action: string[] }> {
  const ctx = await waitFor(
    conversation,
    (c) => {
      const action = actionOf(c, nonce);
      return action !== null && accept(action);
    },
    hint,
  );
  await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
  return { ctx, action: actionOf(ctx, nonce) ?? [] };
}

export type Answer =
  | { kind: "text"; ctx: ConversationContext; text: string }
  | { kind: "button"; ctx: ConversationContext; action: string[] };

/** Waits for a typed answer (not a command) or a press on one of this conversation's buttons. */
export async function waitForAnswer(conversation: BotConversation, nonce: string, hint: Hint): Promise<Answer> {
  const ctx = await waitFor(
    conversation,
    (c) => actionOf(c, nonce) !== null || (c.message?.text !== undefined && !c.message.text.startsWith("/")),
    hint,
  );
  const action = actionOf(ctx, nonce);
  if (action) {
    await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
    return { kind: "button", ctx, action };
  }
  return { kind: "text", ctx, text: ctx.message?.text ?? "" };
}

/** Removes the inline keyboard of the message a button was pressed on, so it cannot be pressed again. */
export async function closeKeyboard(ctx: ConversationContext): Promise<void> {
  if (!ctx.callbackQuery?.message) return;
  await editIfPossible(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
}
