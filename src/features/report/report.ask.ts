import type { PhotoSize } from "grammy/types";
import { buttonData, closeKeyboard, MAX_ROUNDS, waitFor, waitForAnswer, type Asked, type ConversationIo } from "../../bot/conversation-kit.js";
import type { IndicatorRow } from "./report.repository.js";
import { ambiguousKeyboard, roundedKeyboard, skipKeyboard, unusualKeyboard } from "./report.keyboards.js";
import { exampleFor, judgeAnswer, judgeValue, NOTE_MAX_LENGTH, type Judgement } from "./report.service.js";
import { figure, indicatorLabel, questionText, shownReadings, unitLabel } from "./report.texts.js";
import { bestEffort } from "../../lib/best-effort.js";

/**
 * The questions of /lapor that may need several rounds: one indicator, the photo, the note.
 * Each round sends a prompt whose buttons carry a fresh step tag, so a button of an earlier
 * prompt is stale. Rounds are bounded: a member stuck after MAX_ROUNDS answers is let go.
 */

export type Io = ConversationIo;

type Pending =
  | { kind: "question" }
  | { kind: "ambiguous"; readings: [string, string] }
  | { kind: "too-many-decimals"; rounded: string }
  | { kind: "unusual"; value: string };

/** Asks one indicator until the member gives a value they have seen confirmed, or skips (optional only). */
export async function askIndicator(
  io: Io,
  indicator: IndicatorRow,
  position: { number: number; total: number },
  memberMedian: string | null,
  previous: string | null,
): Promise<Asked<string | null>> {
  const example = exampleFor(indicator);
  // a photo or sticker instead of a number: the hint says which question is still open
  const hintVars = { example, label: indicatorLabel(indicator, io.lang()), unit: unitLabel(io.ctx.t, indicator.unit) };
  let text = questionText(io.ctx.t, io.lang(), indicator, position, previous);
  let pending: Pending = { kind: "question" };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    const t = io.ctx.t;
    await io.ctx.reply(text, { reply_markup: keyboardFor(io, tag, indicator, pending) });
    const answer = await waitForAnswer(io.conversation, tag, { key: "report-answer-hint", vars: hintVars });
    io.ctx = answer.ctx;
    let judgement: Judgement;
    if (answer.kind === "button") {
      await closeKeyboard(answer.ctx);
      const [action, arg] = answer.action;
      if (action === "skip") judgement = indicator.required ? { kind: "required" } : { kind: "skip" };
      else if (action === "pick" && pending.kind === "ambiguous") judgement = judgeValue(pending.readings[arg === "1" ? 1 : 0], indicator, memberMedian);
      else if (action === "round" && pending.kind === "too-many-decimals") judgement = judgeValue(pending.rounded, indicator, memberMedian);
      else if (action === "keep" && pending.kind === "unusual") return { kind: "answer", value: pending.value };
      else {
        text = t("report-retype");
        pending = { kind: "question" };
        continue;
      }
    } else {
      judgement = judgeAnswer(answer.text, indicator, memberMedian);
    }
    if (judgement.kind === "accept") return { kind: "answer", value: judgement.value };
    if (judgement.kind === "skip") return { kind: "answer", value: null };
    ({ text, pending } = describe(io, indicator, judgement, example));
  }
  return { kind: "gave-up" };
}

function keyboardFor(io: Io, tag: string, indicator: IndicatorRow, pending: Pending) {
  const t = io.ctx.t;
  switch (pending.kind) {
    case "question":
      return indicator.required ? undefined : skipKeyboard(tag, t);
    case "ambiguous":
      return ambiguousKeyboard(tag, shownReadings(pending.readings));
    case "too-many-decimals":
      return roundedKeyboard(tag, t, figure(t, indicator.unit, pending.rounded));
    case "unusual":
      return unusualKeyboard(tag, t, figure(t, indicator.unit, pending.value));
  }
}

/** The question back for an answer that cannot be taken as it is. */
function describe(io: Io, indicator: IndicatorRow, judgement: Exclude<Judgement, { kind: "accept" | "skip" }>, example: string) {
  const t = io.ctx.t;
  const show = (value: string) => figure(t, indicator.unit, value);
  const again = { kind: "question" } as const;
  switch (judgement.kind) {
    case "required":
      return { text: t("report-required"), pending: again };
    case "ambiguous": {
      const [first, second] = shownReadings(judgement.readings);
      return { text: t("report-ambiguous", { first, second }), pending: { kind: "ambiguous", readings: judgement.readings } as Pending };
    }
    case "unit-mismatch":
      return {
        text: t("report-unit-mismatch", { unit: unitLabel(t, indicator.unit), written: unitLabel(t, judgement.unitWritten), example }),
        pending: again,
      };
    case "invalid":
      return { text: t("report-invalid", { example }), pending: again };
    case "negative":
      return { text: t("report-negative", { example }), pending: again };
    case "below-min":
      return { text: t("report-below-min", { min: show(judgement.min) }), pending: again };
    case "above-max":
      return { text: t("report-above-max", { value: show(judgement.value), max: show(judgement.max) }), pending: again };
    case "too-many-decimals": {
      const vars = { label: indicatorLabel(indicator, io.lang()), rounded: show(judgement.rounded), decimals: String(judgement.decimals) };
      return {
        text: t(judgement.decimals === 0 ? "report-too-many-decimals-whole" : "report-too-many-decimals", vars),
        pending: { kind: "too-many-decimals", rounded: judgement.rounded } as Pending,
      };
    }
    case "not-whole":
      return { text: t("report-not-whole", { label: indicatorLabel(indicator, io.lang()), example }), pending: again };
    case "unusual":
      return {
        text: t("report-unusual", { value: show(judgement.value), median: show(judgement.median) }),
        pending: { kind: "unusual", value: judgement.value } as Pending,
      };
  }
}

const SKIP_WORDS = /^\/?(lewati|lewat|skip|tidak ada|tdk ada|gak ada|ga ada|nggak ada|belum ada|-)$/i;

function isSkipText(text: string): boolean {
  return SKIP_WORDS.test(text.trim());
}

/** The largest size Telegram offers of a photo. */
export function largestPhoto(sizes: PhotoSize[]): PhotoSize | undefined {
  return sizes.reduce<PhotoSize | undefined>((best, size) => (!best || size.width * size.height > best.width * best.height ? size : best), undefined);
}

/** An optional photo: a photo message (its largest size's file_id) or Lewati. */
export async function askPhoto(io: Io): Promise<Asked<string | null>> {
  let text = io.ctx.t("report-ask-photo");
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    const skip = buttonData(tag, "skip");
    await io.ctx.reply(text, { reply_markup: skipKeyboard(tag, io.ctx.t) });
    const ctx = await waitFor(io.conversation, (c) => c.message?.photo !== undefined || c.callbackQuery?.data === skip || (c.message?.text !== undefined && !c.message.text.startsWith("/")), { key: "report-photo-hint" });
    io.ctx = ctx;
    if (ctx.callbackQuery) {
      await bestEffort(ctx.answerCallbackQuery(), ctx.log, "answer a press");
      await closeKeyboard(ctx);
      return { kind: "answer", value: null };
    }
    const photo = ctx.message?.photo ? largestPhoto(ctx.message.photo) : undefined;
    if (photo) return { kind: "answer", value: photo.file_id };
    if (isSkipText(ctx.message?.text ?? "")) return { kind: "answer", value: null };
    text = ctx.t("report-photo-hint");
  }
  return { kind: "gave-up" };
}

/** An optional note of at most NOTE_MAX_LENGTH characters, or Lewati. */
export function askNote(io: Io): Promise<Asked<string | null>> {
  return askFreeText(io, { ask: "report-ask-note", hint: "report-note-hint", tooLong: "report-note-too-long" });
}

/** "Ada kendala minggu ini?": optional free text of at most NOTE_MAX_LENGTH characters, or Lewati. */
export function askObstacle(io: Io): Promise<Asked<string | null>> {
  return askFreeText(io, { ask: "report-ask-obstacle", hint: "report-obstacle-hint", tooLong: "report-note-too-long" });
}

async function askFreeText(io: Io, keys: { ask: string; hint: string; tooLong: string }): Promise<Asked<string | null>> {
  const max = String(NOTE_MAX_LENGTH);
  let text = io.ctx.t(keys.ask, { max });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    await io.ctx.reply(text, { reply_markup: skipKeyboard(tag, io.ctx.t) });
    const answer = await waitForAnswer(io.conversation, tag, { key: keys.hint });
    io.ctx = answer.ctx;
    if (answer.kind === "button") {
      await closeKeyboard(answer.ctx);
      return { kind: "answer", value: null };
    }
    const value = answer.text.trim();
    if (isSkipText(value)) return { kind: "answer", value: null };
    const length = [...value].length;
    if (length <= NOTE_MAX_LENGTH) return { kind: "answer", value };
    text = io.ctx.t(keys.tooLong, { length: String(length), max });
  }
  return { kind: "gave-up" };
}
