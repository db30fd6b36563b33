import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, MAX_ROUNDS, waitFor, type Asked, type ConversationIo, type Hint } from "../../bot/conversation-kit.js";
import { removePhotoKeyboard, skipPhotoKeyboard } from "./announcement.keyboards.js";
import { CAPTION_TEXT_MAX, checkText, type TextCheck } from "./announcement.service.js";
import { bestEffort } from "../../lib/best-effort.js";

/**
 * The questions of /umumkan that take what staff type or send: the text and the photo. A photo
 * sent with a caption gives both at once. Rounds are bounded; after MAX_ROUNDS the conversation
 * lets go.
 */

export type Io = ConversationIo;
export type Content = { text: string; photoFileId: string | null };

const isText = (c: ConversationContext) => c.message?.text !== undefined && !c.message.text.startsWith("/");
const isPhoto = (c: ConversationContext) => (c.message?.photo?.length ?? 0) > 0;
const pressedOn = (c: ConversationContext, tag: string) => c.callbackQuery?.data?.startsWith(`${tag}:`) === true;

/** The largest size of the photo in the message. */
function photoOf(c: ConversationContext): string | null {
  const sizes = c.message?.photo ?? [];
  return sizes[sizes.length - 1]?.file_id ?? null;
}

function retryPrompt(io: Io, check: Exclude<TextCheck, { kind: "ok" }>, hint: string): string {
  return check.kind === "too-long" ? io.ctx.t("announcement-text-too-long", { length: check.length, max: check.max }) : io.ctx.t(hint);
}

async function wait(io: Io, accept: (c: ConversationContext) => boolean, hint: Hint): Promise<ConversationContext> {
  const ctx = await waitFor(io.conversation, accept, hint);
  io.ctx = ctx;
  return ctx;
}

/** The first question: a text, or a photo (its caption becomes the text); then «Tambahkan foto?» after a text. */
export async function askContent(io: Io): Promise<Asked<Content>> {
  let photoFileId: string | null = null;
  let prompt = io.ctx.t("announcement-ask-text", { max: CAPTION_TEXT_MAX });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await io.ctx.reply(prompt);
    const hint = photoFileId ? "announcement-ask-text-for-photo" : "announcement-ask-text-hint";
    const ctx = await wait(io, (c) => isPhoto(c) || isText(c), { key: hint, vars: { max: CAPTION_TEXT_MAX } });
    if (isPhoto(ctx)) {
      photoFileId = photoOf(ctx);
      const caption = ctx.message?.caption ?? "";
      const check = checkText(caption, true);
      if (check.kind === "ok") return { kind: "answer", value: { text: check.text, photoFileId } };
      prompt = check.kind === "empty" ? io.ctx.t("announcement-photo-received", { max: CAPTION_TEXT_MAX }) : retryPrompt(io, check, hint);
      continue;
    }
    const check = checkText(ctx.message?.text ?? "", photoFileId !== null);
    if (check.kind !== "ok") {
      prompt = retryPrompt(io, check, hint);
      continue;
    }
    if (photoFileId !== null) return { kind: "answer", value: { text: check.text, photoFileId } };
    // A photo goes with the text as its caption, which Telegram keeps short: a long text goes alone.
    if ([...check.text].length > CAPTION_TEXT_MAX) return { kind: "answer", value: { text: check.text, photoFileId: null } };
    const photo = await askPhoto(io, "add");
    if (photo.kind === "gave-up") return photo;
    return { kind: "answer", value: { text: check.text, photoFileId: photo.kind === "answer" ? photo.value : null } };
  }
  return { kind: "gave-up" };
}

/** Ubah → Teks: a new text; the photo, if any, stays (so the text must fit its caption). */
export async function askText(io: Io, withPhoto: boolean): Promise<Asked<string>> {
  const max = withPhoto ? CAPTION_TEXT_MAX : undefined;
  let prompt = io.ctx.t(withPhoto ? "announcement-ask-text-again-photo" : "announcement-ask-text-again", { max: max ?? 0 });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await io.ctx.reply(prompt);
    const ctx = await wait(io, isText, { key: "announcement-ask-text-hint" });
    const check = checkText(ctx.message?.text ?? "", withPhoto);
    if (check.kind === "ok") return { kind: "answer", value: check.text };
    prompt = retryPrompt(io, check, "announcement-ask-text-hint");
  }
  return { kind: "gave-up" };
}

export type PhotoAnswer = { kind: "answer"; value: string | null } | { kind: "back" } | { kind: "gave-up" };

/**
 * «Tambahkan foto?» (Lewati) after the text, or Ubah → Foto (a new photo, «Tanpa foto», or
 * Kembali). A caption sent with the photo is not used here: the text is already written.
 */
export async function askPhoto(io: Io, mode: "add" | "edit"): Promise<PhotoAnswer> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    const keyboard = mode === "add" ? skipPhotoKeyboard(tag, io.ctx.t) : removePhotoKeyboard(tag, io.ctx.t);
    await io.ctx.reply(io.ctx.t(mode === "add" ? "announcement-ask-photo" : "announcement-ask-photo-edit"), { reply_markup: keyboard });
    const ctx = await wait(io, (c) => isPhoto(c) || pressedOn(c, tag), { key: "announcement-ask-photo-hint" });
    if (isPhoto(ctx)) {
      const photo = photoOf(ctx);
      if (photo) return { kind: "answer", value: photo };
      continue;
    }
    await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
    await closeKeyboard(ctx);
    const action = ctx.callbackQuery?.data?.slice(tag.length + 1);
    if (action === "back") return { kind: "back" };
    return { kind: "answer", value: null };
  }
  return { kind: "gave-up" };
}
