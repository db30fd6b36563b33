import type { Update } from "grammy/types";
import {
  describeMessage,
  matches,
  type BotApiServer,
  type BotMessage,
  type CallbackRecord,
  type Mark,
  type MessageMatch,
  type TestUser,
} from "../../src/dev/bot-api-server.js";

export interface TelegramUserProfile {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/**
 * A person using the bot in their private chat, for end-to-end tests: say things, press
 * buttons, and expect the bot's replies in order. Each action moves a cursor, so
 * `expectReply` only sees what the bot did after the user's last action (or after the
 * previous reply it returned).
 */
export class TelegramUser {
  readonly user: TestUser;
  private cursor: Mark;

  constructor(
    readonly server: BotApiServer,
    profile: TelegramUserProfile,
  ) {
    this.user = {
      id: profile.id,
      first_name: profile.firstName,
      ...(profile.lastName !== undefined && { last_name: profile.lastName }),
      ...(profile.username !== undefined && { username: profile.username }),
      language_code: profile.languageCode ?? "id",
    };
    this.cursor = server.mark(profile.id);
  }

  get id(): number {
    return this.user.id;
  }

  /** The bot's latest (not deleted) message in this chat. */
  get lastMessage(): BotMessage | undefined {
    return this.server.lastMessage(this.id);
  }

  /** Every bot message in this chat, current state. */
  messages(): BotMessage[] {
    return this.server.messages(this.id);
  }

  say(text: string): Update {
    return this.act(() => this.server.sendText(this.user, text));
  }

  /**
   * Presses an inline button by its text or callback_data: on `message`, or else on the
   * bot's latest message in this chat that has such a button.
   */
  press(buttonTextOrData: string, message?: BotMessage): Update {
    const target = message ?? this.messageWithButton(buttonTextOrData);
    return this.act(() => this.server.pressButton(this.user, target, buttonTextOrData));
  }

  /** Taps a button of the reply keyboard the bot shows. */
  pressReply(text: string): Update {
    return this.act(() => this.server.pressReplyButton(this.user, text));
  }

  shareContact(phone: string): Update {
    return this.act(() => this.server.shareContact(this.user, phone));
  }

  sendPhoto(opts: { caption?: string; bytes?: Buffer } = {}): Update {
    return this.act(() => this.server.sendPhoto(this.user, opts));
  }

  sendDocument(fileName: string, bytes: Buffer, caption?: string): Update {
    return this.act(() => this.server.sendDocument(this.user, { fileName, bytes, ...(caption !== undefined && { caption }) }));
  }

  sendSticker(): Update {
    return this.act(() => this.server.sendSticker(this.user));
  }

  /** The next bot message (new or edited) after the cursor that matches; moves the cursor past it. */
  async expectReply(match?: MessageMatch, timeoutMs?: number): Promise<BotMessage> {
    const event = await this.server.waitForEvent(this.id, {
      after: this.cursor,
      ...(match !== undefined && { match }),
      ...(timeoutMs !== undefined && { timeoutMs }),
    });
    this.cursor = { chatId: this.id, seq: event.seq };
    return event.message;
  }

  /** The next edit of `message` after the cursor (matching, when given). */
  async expectEdit(message: BotMessage, match?: MessageMatch, timeoutMs?: number): Promise<BotMessage> {
    const event = await this.server.waitForEvent(this.id, {
      after: this.cursor,
      events: "edit",
      match: (m) => m.message_id === message.message_id && (match === undefined || matches(m, match)),
      ...(timeoutMs !== undefined && { timeoutMs }),
    });
    this.cursor = { chatId: this.id, seq: event.seq };
    return event.message;
  }

  /** How the bot answered the callback query of a press (waits for it). */
  callbackAnswer(press: Update, timeoutMs?: number): Promise<CallbackRecord> {
    const id = press.callback_query?.id;
    if (!id) throw new Error("Not a button press: the update has no callback_query");
    return this.server.waitForCallbackAnswer(id, timeoutMs);
  }

  block(): void {
    this.server.blockUser(this.id);
  }

  private act(action: () => Update): Update {
    const mark = this.server.mark(this.id);
    const update = action();
    this.cursor = mark;
    return update;
  }

  private messageWithButton(buttonTextOrData: string): BotMessage {
    const found = this.messages()
      .filter((m) => !m.deleted && m.reply_markup && "inline_keyboard" in m.reply_markup)
      .reverse()
      .find((m) => {
        const buttons = m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup.inline_keyboard.flat() : [];
        return buttons.some((b) => b.text === buttonTextOrData || ("callback_data" in b && b.callback_data === buttonTextOrData));
      });
    if (!found) {
      const last = this.messages().slice(-3).map(describeMessage).join("; ") || "(none)";
      throw new Error(`User ${this.id}: no bot message has a button "${buttonTextOrData}". Last messages: ${last}`);
    }
    return found;
  }
}
