import type { ConversationContext } from "../../bot/context.js";
import { buttonData, closeKeyboard, MAX_ROUNDS, newNonce, waitFor, waitForButton, type Asked, type BotConversation } from "../../bot/conversation-kit.js";
import { askAgenda, askPlace, askTitle, askWhen, type Io } from "./meeting.ask.js";
import { audienceCounts, EMPTY_AUDIENCE, isEmptyAudience, resolveAudience, toggleAudience, type Audience, type AudienceToggle, type Candidate } from "../people/people.audience.js";
import { audienceKeyboard, editFieldKeyboard, institutionsKeyboard, rsvpButtons, sendKeyboard, type DraftField, DRAFT_FIELDS } from "./meeting.keyboards.js";
import type { AudienceOptions } from "./meeting.repository.js";
import { audienceSetup, createMeeting, isStaff, type MeetingDeps, type MeetingDraft } from "./meeting.service.js";
import { audienceSummary, invitationText } from "./meeting.texts.js";
import { editIfPossible } from "../../bot/edit-message.js";
import { bestEffort } from "../../lib/best-effort.js";

/**
 * /undang (staff): title → date and time (echoed back, confirmed) → place → agenda (Lewati) →
 * audience (toggles with head-counts) → the invitation exactly as invitees will see it →
 * Kirim / Ubah / Batal. Staff rights are checked at the start and again by the service on Kirim.
 */
export const MEETING_CREATE_CONVERSATION = "meeting-create";

const MAX_PREVIEW_ROUNDS = 30;
const MAX_AUDIENCE_PRESSES = 80;

type Setup = { options: AudienceOptions; candidates: Candidate[] };

export function createMeetingConversation(svc: MeetingDeps) {
  return async function meetingCreate(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const nonce = await newNonce(conversation);
    let step = 0;
    const io: Io = {
      conversation,
      ctx,
      tag: () => `${nonce}.${++step}`,
      lang: () => io.ctx.locale,
      zone: svc.timeZone,
      now: async () => new Date(await conversation.external(() => svc.clock().toISOString())),
    };
    const by = await conversation.external((outer) => outer.actor?.personId ?? null);
    if (by === null || !(await conversation.external(() => isStaff(svc, by)))) return say(io, "common-not-allowed");
    const setup: Setup = await conversation.external(() => audienceSetup(svc));
    if (setup.options.programmes.length === 0 && setup.options.stakeholders.length === 0) return say(io, "meeting-no-audience");

    await say(io, "meeting-start");
    const title = await askTitle(io);
    if (title.kind === "gave-up") return say(io, "meeting-too-many-tries");
    const startsAt = await askWhen(io);
    if (startsAt.kind === "gave-up") return say(io, "meeting-too-many-tries");
    const place = await askPlace(io);
    if (place.kind === "gave-up") return say(io, "meeting-too-many-tries");
    const agenda = await askAgenda(io);
    if (agenda.kind === "gave-up") return say(io, "meeting-too-many-tries");
    const audience = await askAudience(io, setup, EMPTY_AUDIENCE);
    if (audience.kind === "gave-up") return say(io, "meeting-too-many-tries");

    const draft: MeetingDraft = { title: title.value, startsAt: startsAt.value, place: place.value, agenda: agenda.value, audience: audience.value };
    await previewAndSend(io, svc, by, setup, draft);
  };
}

async function say(io: Io, key: string, vars?: Record<string, string | number>): Promise<void> {
  await io.ctx.reply(io.ctx.t(key, vars));
}

function toggleOf(action: string[]): AudienceToggle | null {
  const id = Number(action[2]);
  switch (action[1]) {
    case "all":
      return { kind: "everyone" };
    case "sa":
      return { kind: "all-stakeholders" };
    case "p":
      return Number.isInteger(id) ? { kind: "programme", id } : null;
    case "g":
      return Number.isInteger(id) ? { kind: "group", id } : null;
    case "s":
      return Number.isInteger(id) ? { kind: "stakeholder", id } : null;
    default:
      return null;
  }
}

/** Toggles on one message whose keyboard is redrawn after each press; «Lanjut» with at least one reachable person. */
async function askAudience(io: Io, setup: Setup, start: Audience): Promise<Asked<Audience>> {
  const counts = audienceCounts(setup.candidates);
  let chosen = start;
  let showingInstitutions = false;
  const tag = io.tag();
  const keyboard = () => {
    const t = io.ctx.t;
    return showingInstitutions
      ? institutionsKeyboard(tag, t, setup.options, counts, chosen)
      : audienceKeyboard(tag, t, io.lang(), setup.options, counts, chosen, resolveAudience(chosen, setup.candidates).length);
  };
  await io.ctx.reply(io.ctx.t("meeting-ask-audience"), { reply_markup: keyboard() });
  for (let press = 0; press < MAX_AUDIENCE_PRESSES; press++) {
    const pressed = await waitForButton(io.conversation, tag, { key: "meeting-ask-audience-hint" }, (a) => ["t", "inst", "back", "done"].includes(a[0] ?? ""));
    io.ctx = pressed.ctx;
    const [action] = pressed.action;
    if (action === "done") {
      const invited = resolveAudience(chosen, setup.candidates).length;
      if (!isEmptyAudience(chosen) && invited > 0) {
        await closeKeyboard(pressed.ctx);
        return { kind: "answer", value: chosen };
      }
      await say(io, isEmptyAudience(chosen) ? "meeting-audience-empty" : "meeting-audience-nobody");
      continue;
    }
    if (action === "inst") showingInstitutions = true;
    else if (action === "back") showingInstitutions = false;
    else {
      const toggle = toggleOf(pressed.action);
      if (toggle) chosen = toggleAudience(chosen, toggle);
    }
    await editIfPossible(() => pressed.ctx.editMessageReplyMarkup({ reply_markup: keyboard() }));
  }
  return { kind: "gave-up" };
}

/** The preview (the invitation as invitees see it), then Kirim / Ubah / Batal until sent, cancelled or given up. */
async function previewAndSend(io: Io, svc: MeetingDeps, by: number, setup: Setup, draft: MeetingDraft): Promise<void> {
  for (let round = 0; round < MAX_PREVIEW_ROUNDS; round++) {
    const tag = io.tag();
    const t = io.ctx.t;
    const count = resolveAudience(draft.audience, setup.candidates).length;
    await io.ctx.reply(t("meeting-preview-intro"));
    await io.ctx.reply(invitationText(t, io.lang(), io.zone, draft, "invite", null), {
      reply_markup: rsvpButtons(t, null, (a) => buttonData(tag, "pv", a)),
    });
    await io.ctx.reply(t("meeting-preview-question", { count, audience: audienceSummary(t, io.lang(), setup.options, draft.audience) }), {
      reply_markup: sendKeyboard(tag, t),
    });
    const pressed = await waitForChoice(io, tag);
    if (pressed === "gave-up") return say(io, "meeting-too-many-tries");
    if (pressed === "cancel") return say(io, "meeting-cancelled-draft");
    if (pressed === "edit") {
      const edited = await editField(io, setup, draft);
      if (edited === "gave-up") return say(io, "meeting-too-many-tries");
      continue;
    }
    const created = await io.conversation.external(async (outer) => {
      const result = await createMeeting(svc, by, draft);
      if (result.kind === "created") outer.log.info({ meetingId: result.meetingId, invited: result.invited }, "meeting invitations sent");
      return result;
    });
    switch (created.kind) {
      case "created":
        return say(io, created.queued ? "meeting-created" : "meeting-created-not-queued", {
          count: created.invited,
          code: created.checkInCode,
          title: draft.title,
        });
      case "not-allowed":
        return say(io, "common-not-allowed");
      case "invalid":
        return say(io, "meeting-invalid");
      case "past": {
        await say(io, "meeting-send-past");
        const again = await askWhen(io);
        if (again.kind === "gave-up") return say(io, "meeting-too-many-tries");
        draft.startsAt = again.value;
        continue;
      }
      case "no-invitees": {
        await say(io, "meeting-audience-nobody");
        const again = await askAudience(io, setup, draft.audience);
        if (again.kind === "gave-up") return say(io, "meeting-too-many-tries");
        draft.audience = again.value;
        continue;
      }
    }
  }
  return say(io, "meeting-too-many-tries");
}

/** Kirim / Ubah / Batal; a press on the preview's answer buttons is only told that it is a preview. */
async function waitForChoice(io: Io, tag: string): Promise<"send" | "edit" | "cancel" | "gave-up"> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ctx = await waitFor(io.conversation, (c) => c.callbackQuery?.data?.startsWith(`${tag}:`) === true, { key: "meeting-preview-hint" });
    io.ctx = ctx;
    const action = ctx.callbackQuery?.data?.slice(tag.length + 1).split(":")[0];
    if (action === "send" || action === "edit" || action === "cancel") {
      await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
      await closeKeyboard(ctx);
      return action;
    }
    await bestEffort(ctx.answerCallbackQuery({ text: ctx.t("meeting-preview-only") }), ctx.log, "answer a press on the preview");
  }
  return "gave-up";
}

/** Ubah: which part, then that question again. */
async function editField(io: Io, setup: Setup, draft: MeetingDraft): Promise<"done" | "gave-up"> {
  const tag = io.tag();
  await io.ctx.reply(io.ctx.t("meeting-edit-choose"), { reply_markup: editFieldKeyboard(tag, io.ctx.t) });
  const pressed = await waitForButton(io.conversation, tag, { key: "meeting-edit-hint" }, (a) =>
    a[0] === "back" || (a[0] === "f" && DRAFT_FIELDS.includes(a[1] as DraftField)),
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  if (pressed.action[0] === "back") return "done";
  switch (pressed.action[1] as DraftField) {
    case "title": {
      const asked = await askTitle(io);
      if (asked.kind === "gave-up") return "gave-up";
      draft.title = asked.value;
      break;
    }
    case "when": {
      const asked = await askWhen(io);
      if (asked.kind === "gave-up") return "gave-up";
      draft.startsAt = asked.value;
      break;
    }
    case "place": {
      const asked = await askPlace(io);
      if (asked.kind === "gave-up") return "gave-up";
      draft.place = asked.value;
      break;
    }
    case "agenda": {
      const asked = await askAgenda(io);
      if (asked.kind === "gave-up") return "gave-up";
      draft.agenda = asked.value;
      break;
    }
    case "audience": {
      const asked = await askAudience(io, setup, draft.audience);
      if (asked.kind === "gave-up") return "gave-up";
      draft.audience = asked.value;
      break;
    }
  }
  return "done";
}
