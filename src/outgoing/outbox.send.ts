import { InputFile, type Api } from "grammy";
import type { RenderedMessage } from "../jobs/outgoing.types.js";
import type { Logger } from "../logger.js";

/** Telegram allows 1024 characters in a photo's caption (4096 in a message). */
export const CAPTION_LIMIT = 1024;

/** The picture after its text goes to the same chat: keep Telegram's one message a second per chat. */
export const SAME_CHAT_GAP_MS = 1_100;

/**
 * Sends one rendered message and returns the message that counts as "the" message (its id is
 * recorded). A picture made at render time (`photo`, e.g. a summary chart) goes with sendPhoto:
 * with the text as its caption when the text fits in one; otherwise the text goes first, as
 * the message itself, and the picture follows with its short caption. If only that second
 * send fails, the failure is logged and the message still counts as sent: retrying would send
 * the text twice, and the picture only illustrates it. `onAccepted` hears the id of the message
 * that counts as soon as Telegram accepted it (before the picture that may follow).
 */
export async function sendRendered(
  api: Api,
  chatId: number,
  message: RenderedMessage,
  log: Logger,
  onAccepted: (messageId: number) => void = () => undefined,
): Promise<{ message_id: number }> {
  const accepted = <T extends { message_id: number }>(sent: T): T => {
    onAccepted(sent.message_id);
    return sent;
  };
  const options = {
    ...(message.parseMode && { parse_mode: message.parseMode }),
    ...(message.replyMarkup && { reply_markup: message.replyMarkup }),
  };
  if (message.photo) {
    const file = new InputFile(message.photo.bytes, message.photo.fileName);
    if (message.text.length <= CAPTION_LIMIT) return accepted(await api.sendPhoto(chatId, file, { ...options, caption: message.text }));
    const sent = accepted(await api.sendMessage(chatId, message.text, options));
    await new Promise((resolve) => setTimeout(resolve, SAME_CHAT_GAP_MS));
    try {
      await api.sendPhoto(chatId, file, message.photo.caption ? { caption: message.photo.caption.slice(0, CAPTION_LIMIT) } : {});
    } catch (err) {
      log.warn({ err }, "the text was sent, its picture could not be; not retried");
    }
    return sent;
  }
  if (message.photoFileId) return accepted(await api.sendPhoto(chatId, message.photoFileId, { ...options, caption: message.text }));
  return accepted(await api.sendMessage(chatId, message.text, options));
}
