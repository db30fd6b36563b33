import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, newNonce, waitForButton, type Asked, type BotConversation } from "../../bot/conversation-kit.js";
import { askContent, askPhoto, askText, type Io } from "./announcement.ask.js";
import { audienceKeyboard, DRAFT_PARTS, editKeyboard, sendKeyboard, type DraftPart } from "./announcement.keyboards.js";
import type { AnnouncementAudience } from "./announcement.repository.js";
import {
  announcementSetup,
  CAPTION_TEXT_MAX,
  EMPTY_ANNOUNCEMENT_AUDIENCE,
  isEmptyAnnouncementAudience,
  isStaff,
  recipientCount,
  sendAnnouncement,
  toggleGroup,
  toggleProgramme,
  type AnnouncementDeps,
  type AnnouncementDraft,
  type AnnouncementSetup,
} from "./announcement.service.js";
import { announcementText, audienceSummary } from "./announcement.texts.js";
import { editIfPossible } from "../../bot/edit-message.js";

/**
 * /umumkan (staff): the text (a photo's caption is the text; after a text, «Tambahkan foto?»)
 * → the audience (programmes and groups as toggles with head-counts) → the announcement exactly
 * as recipients will see it → Kirim / Ubah / Batal. Staff rights are checked at the start and
 * again by the service on Kirim.
 */
export const ANNOUNCEMENT_CONVERSATION = "announcement-create";

const MAX_PREVIEW_ROUNDS = 30;
const MAX_AUDIENCE_PRESSES = 80;

export function announcementConversation(svc: AnnouncementDeps) {
  return async function announcementCreate(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const nonce = await newNonce(conversation);
    let step = 0;
    const io: Io = { conversation, ctx, tag: () => `${nonce}.${++step}`, lang: () => io.ctx.locale };
    const by = await conversation.external((outer) => outer.actor?.personId ?? null);
    if (by === null || !(await conversation.external(() => isStaff(svc, by)))) return say(io, "common-not-allowed");
    const setup: AnnouncementSetup = await conversation.external(() => announcementSetup(svc));
    if (setup.programmes.length === 0) return say(io, "announcement-no-audience");

    await say(io, "announcement-start");
    const content = await askContent(io);
    if (content.kind === "gave-up") return say(io, "announcement-too-many-tries");
    const audience = await askAudience(io, svc, setup, EMPTY_ANNOUNCEMENT_AUDIENCE);
    if (audience.kind === "gave-up") return say(io, "announcement-too-many-tries");
    await previewAndSend(io, svc, by, setup, { ...content.value, audience: audience.value });
  };
}

async function say(io: Io, key: string, vars?: Record<string, string | number>): Promise<void> {
  await io.ctx.reply(io.ctx.t(key, vars));
}

/** Toggles on one message whose keyboard is redrawn after each press; «Lanjut» with at least one reachable person. */
async function askAudience(io: Io, svc: AnnouncementDeps, setup: AnnouncementSetup, start: AnnouncementAudience): Promise<Asked<AnnouncementAudience>> {
  let chosen = start;
  let total = await count(io, svc, chosen);
  const tag = io.tag();
  const keyboard = () => audienceKeyboard(tag, io.ctx.t, io.lang(), setup.programmes, setup.counts, chosen, total);
  await io.ctx.reply(io.ctx.t("announcement-ask-audience"), { reply_markup: keyboard() });
  for (let press = 0; press < MAX_AUDIENCE_PRESSES; press++) {
    const pressed = await waitForButton(io.conversation, tag, { key: "announcement-ask-audience-hint" }, (a) => ["p", "g", "done"].includes(a[0] ?? ""));
    io.ctx = pressed.ctx;
    const [action, arg] = pressed.action;
    if (action === "done") {
      if (!isEmptyAnnouncementAudience(chosen) && total > 0) {
        await closeKeyboard(pressed.ctx);
        return { kind: "answer", value: chosen };
      }
      await say(io, isEmptyAnnouncementAudience(chosen) ? "announcement-audience-empty" : "announcement-audience-nobody");
      continue;
    }
    const id = Number(arg);
    if (!Number.isInteger(id)) continue;
    chosen = action === "p" ? toggleProgramme(chosen, id) : toggleGroup(chosen, id);
    total = await count(io, svc, chosen);
    await editIfPossible(() => pressed.ctx.editMessageReplyMarkup({ reply_markup: keyboard() }));
  }
  return { kind: "gave-up" };
}

/** Through `external`: the database is asked once, and the answer replayed afterwards. */
function count(io: Io, svc: AnnouncementDeps, audience: AnnouncementAudience): Promise<number> {
  return io.conversation.external(() => recipientCount(svc, audience));
}

/** The announcement exactly as a recipient gets it: the photo with the text as caption, or the text. */
async function showPreview(io: Io, draft: AnnouncementDraft): Promise<void> {
  const text = announcementText(io.ctx.t, draft.text);
  if (draft.photoFileId) await io.ctx.replyWithPhoto(draft.photoFileId, { caption: text });
  else await io.ctx.reply(text);
}

async function previewAndSend(io: Io, svc: AnnouncementDeps, by: number, setup: AnnouncementSetup, draft: AnnouncementDraft): Promise<void> {
  for (let round = 0; round < MAX_PREVIEW_ROUNDS; round++) {
    const tag = io.tag();
    const recipients = await count(io, svc, draft.audience);
    await say(io, "announcement-preview-intro");
    await showPreview(io, draft);
    await io.ctx.reply(
      io.ctx.t("announcement-preview-question", { count: recipients, audience: audienceSummary(io.ctx.t, io.lang(), setup.programmes, draft.audience) }),
      { reply_markup: sendKeyboard(tag, io.ctx.t) },
    );
    const pressed = await waitForButton(io.conversation, tag, { key: "announcement-preview-hint" }, (a) => ["send", "edit", "cancel"].includes(a[0] ?? ""));
    io.ctx = pressed.ctx;
    await closeKeyboard(pressed.ctx);
    const [action] = pressed.action;
    if (action === "cancel") return say(io, "announcement-cancelled-draft");
    if (action === "edit") {
      if ((await editPart(io, svc, setup, draft)) === "gave-up") return say(io, "announcement-too-many-tries");
      continue;
    }
    const result = await io.conversation.external(() => sendAnnouncement(svc, by, draft));
    switch (result.kind) {
      case "sent":
        return say(io, "announcement-sent", { count: result.recipients });
      case "not-allowed":
        return say(io, "common-not-allowed");
      case "invalid":
        return say(io, "announcement-invalid");
      case "no-recipients": {
        await say(io, "announcement-audience-nobody");
        const again = await askAudience(io, svc, setup, draft.audience);
        if (again.kind === "gave-up") return say(io, "announcement-too-many-tries");
        draft.audience = again.value;
        continue;
      }
    }
  }
  return say(io, "announcement-too-many-tries");
}

/** Ubah: which part (Teks / Foto / Penerima), then that question again. */
async function editPart(io: Io, svc: AnnouncementDeps, setup: AnnouncementSetup, draft: AnnouncementDraft): Promise<"done" | "gave-up"> {
  const tag = io.tag();
  await io.ctx.reply(io.ctx.t("announcement-edit-choose"), { reply_markup: editKeyboard(tag, io.ctx.t) });
  const pressed = await waitForButton(io.conversation, tag, { key: "announcement-edit-hint" }, (a) =>
    a[0] === "back" || (a[0] === "part" && DRAFT_PARTS.includes(a[1] as DraftPart)),
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  if (pressed.action[0] === "back") return "done";
  switch (pressed.action[1] as DraftPart) {
    case "text": {
      const asked = await askText(io, draft.photoFileId !== null);
      if (asked.kind === "gave-up") return "gave-up";
      draft.text = asked.value;
      return "done";
    }
    case "photo": {
      if ([...draft.text].length > CAPTION_TEXT_MAX) {
        await say(io, "announcement-photo-text-too-long", { max: CAPTION_TEXT_MAX });
        return "done";
      }
      const asked = await askPhoto(io, "edit");
      if (asked.kind === "gave-up") return "gave-up";
      if (asked.kind === "answer") draft.photoFileId = asked.value;
      return "done";
    }
    case "audience": {
      const asked = await askAudience(io, svc, setup, draft.audience);
      if (asked.kind === "gave-up") return "gave-up";
      draft.audience = asked.value;
      return "done";
    }
  }
  return "done";
}
