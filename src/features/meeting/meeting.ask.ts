import { closeKeyboard, MAX_ROUNDS, waitForAnswer, waitForButton, type Asked, type ConversationIo } from "../../bot/conversation-kit.js";
import { tz } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import { formatCalendarDate, formatDateTime, readDateTime, readTimeOnDate, formatWeekday, type DateTimeReading } from "../../lib/datetime.js";
import { confirmTimeKeyboard, readingsKeyboard, skipKeyboard } from "./meeting.keyboards.js";
import { AGENDA_MAX, cleanLine, PLACE_MAX, TITLE_MAX } from "./meeting.service.js";

/**
 * The questions of /undang that take typed answers: title, date and time, place, agenda.
 * Each round's buttons carry a fresh step tag; rounds are bounded, after MAX_ROUNDS the
 * conversation lets go.
 */

export type Io = ConversationIo & {
  zone: string;
  /** the injected clock, read through `external` (the same value on replay) */
  now: () => Promise<Date>;
};

/** A line of text (title, place) between 2 and `max` characters. */
async function askLine(io: Io, key: string, hintKey: string, max: number, vars: Record<string, string> = {}): Promise<Asked<string>> {
  let text = io.ctx.t(key, vars);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    await io.ctx.reply(text);
    const answer = await waitForAnswer(io.conversation, tag, { key: hintKey, vars });
    io.ctx = answer.ctx;
    const line = answer.kind === "text" ? cleanLine(answer.text) : "";
    const length = [...line].length;
    if (length >= 2 && length <= max) return { kind: "answer", value: line };
    text = length > max ? io.ctx.t("meeting-too-long", { length, max }) : io.ctx.t(hintKey, vars);
  }
  return { kind: "gave-up" };
}

export type WhenExamples = { year: string; date: string; day: string };

/**
 * The examples the questions show, near today rather than a fixed date that ages: this year,
 * and the same weekday a week from today at 09.00 ("11/12/2026 09.00", "Jumat 11 Des 09.00").
 */
export function whenExamples(now: Date, lang: "id" | "en", zone: string): WhenExamples {
  const options = { in: tz(zone), locale: lang === "id" ? id : enUS };
  const day = addDays(now, 7, { in: tz(zone) });
  const time = lang === "id" ? "09.00" : "09:00";
  return {
    year: format(now, "yyyy", options),
    date: `${format(day, "dd/MM/yyyy", options)} 09.00`,
    day: `${format(day, "EEEE d MMM", options)} ${time}`,
  };
}

export async function askTitle(io: Io): Promise<Asked<string>> {
  const { year } = whenExamples(await io.now(), io.lang(), io.zone);
  return askLine(io, "meeting-ask-title", "meeting-ask-title-hint", TITLE_MAX, { year });
}

export function askPlace(io: Io): Promise<Asked<string>> {
  return askLine(io, "meeting-ask-place", "meeting-ask-place-hint", PLACE_MAX);
}

const SKIP_WORDS = /^\/?(lewati|lewat|skip|tidak ada|tdk ada|gak ada|ga ada|-)$/i;

/** The agenda: free text (several lines allowed) or Lewati. */
export async function askAgenda(io: Io): Promise<Asked<string | null>> {
  let text = io.ctx.t("meeting-ask-agenda", { max: AGENDA_MAX });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    await io.ctx.reply(text, { reply_markup: skipKeyboard(tag, io.ctx.t) });
    const answer = await waitForAnswer(io.conversation, tag, { key: "meeting-ask-agenda-hint" });
    io.ctx = answer.ctx;
    if (answer.kind === "button") {
      await closeKeyboard(answer.ctx);
      return { kind: "answer", value: null };
    }
    const agenda = answer.text.normalize("NFKC").trim();
    if (SKIP_WORDS.test(agenda)) return { kind: "answer", value: null };
    const length = [...agenda].length;
    if (length <= AGENDA_MAX) return { kind: "answer", value: agenda };
    text = io.ctx.t("meeting-too-long", { length, max: AGENDA_MAX });
  }
  return { kind: "gave-up" };
}

/**
 * The start: typed as people write it, read with readDateTime in the deployment's zone, and
 * always echoed back in full («Selasa, 25 Januari 2022 pukul 09.00 WITA») to be confirmed.
 * A date without a time asks for the time; a time in the past is refused. Returns an ISO instant.
 */
export async function askWhen(io: Io): Promise<Asked<string>> {
  const examples = whenExamples(await io.now(), io.lang(), io.zone);
  let prompt = io.ctx.t("meeting-ask-when", examples);
  let dateOnly: string | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    await io.ctx.reply(prompt);
    const answer = await waitForAnswer(io.conversation, tag, dateOnly ? { key: "meeting-ask-time-hint" } : { key: "meeting-ask-when-hint", vars: examples });
    io.ctx = answer.ctx;
    const typed = answer.kind === "text" ? answer.text : "";
    const now = await io.now();
    const reading = dateOnly ? readTimeOnDate(dateOnly, typed, now, io.zone) : readDateTime(typed, now, io.zone);
    dateOnly = null;
    const outcome = await judge(io, reading, examples);
    if (outcome.kind === "instant") {
      const confirmed = await confirmInstant(io, outcome.instant);
      if (confirmed) return { kind: "answer", value: outcome.instant };
      prompt = io.ctx.t("meeting-ask-when-again", examples);
      continue;
    }
    if (outcome.kind === "date-only") dateOnly = outcome.date;
    prompt = outcome.prompt;
  }
  return { kind: "gave-up" };
}

type Judged = { kind: "instant"; instant: string } | { kind: "date-only"; date: string; prompt: string } | { kind: "again"; prompt: string };

async function judge(io: Io, reading: DateTimeReading, examples: WhenExamples): Promise<Judged> {
  const t = io.ctx.t;
  const lang = io.lang();
  switch (reading.kind) {
    case "ok":
      return { kind: "instant", instant: reading.instant.toISOString() };
    case "date-only":
      return { kind: "date-only", date: reading.date, prompt: t("meeting-ask-time", { date: formatCalendarDate(reading.date, lang) }) };
    case "past":
      return {
        kind: "again",
        prompt: t("meeting-when-past", { when: reading.date ? formatCalendarDate(reading.date, lang) : formatDateTime(reading.instant, lang, io.zone) }),
      };
    case "weekday-mismatch":
      return {
        kind: "again",
        prompt: t("meeting-when-weekday-mismatch", {
          date: formatCalendarDate(reading.date, lang),
          written: formatWeekday(reading.weekdayWritten, lang),
        }),
      };
    case "ambiguous": {
      const picked = await pickReading(io, reading.candidates);
      return picked ? { kind: "instant", instant: picked } : { kind: "again", prompt: t("meeting-ask-when-again", examples) };
    }
    case "invalid":
      return { kind: "again", prompt: t("meeting-when-invalid", examples) };
  }
}

/** "jam 2" — 02.00 or 14.00? One button per reading, or «type again». */
async function pickReading(io: Io, candidates: Date[]): Promise<string | null> {
  const tag = io.tag();
  const labels = candidates.map((c) => formatDateTime(c, io.lang(), io.zone));
  await io.ctx.reply(io.ctx.t("meeting-when-ambiguous"), { reply_markup: readingsKeyboard(tag, io.ctx.t, labels) });
  const pressed = await waitForButton(io.conversation, tag, { key: "meeting-when-ambiguous-hint" }, (a) =>
    a[0] === "retype" || (a[0] === "pick" && Number(a[1]) >= 0 && Number(a[1]) < candidates.length),
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  if (pressed.action[0] !== "pick") return null;
  return candidates[Number(pressed.action[1])]!.toISOString();
}

/** «Rapat pada Selasa, 25 Januari 2022 pukul 09.00 WITA. Sudah benar?» */
async function confirmInstant(io: Io, instant: string): Promise<boolean> {
  const tag = io.tag();
  const when = formatDateTime(new Date(instant), io.lang(), io.zone);
  await io.ctx.reply(io.ctx.t("meeting-when-confirm", { when }), { reply_markup: confirmTimeKeyboard(tag, io.ctx.t) });
  const pressed = await waitForButton(io.conversation, tag, { key: "meeting-when-confirm-hint" }, (a) => a[0] === "ok" || a[0] === "retype");
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  return pressed.action[0] === "ok";
}
