import { Composer, InputFile } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { formatWeekRange, recentWeeks, weekFromKey } from "../../lib/week.js";
import { composeSummary, type SummaryMessage } from "./summary.compose.js";
import { groupKeyboard, PROGRAMME_PATTERN, programmeKeyboard, SCOPE_PATTERN, scopeOf, WEEK_PATTERN, weekKeyboard } from "./summary.keyboards.js";
import { createSummaryRepository } from "./summary.repository.js";
import { allowedScope, viewerOf, type SummaryDeps, type Viewer } from "./summary.service.js";
import { editMessage } from "../../bot/edit-message.js";
import { bestEffort } from "../../lib/best-effort.js";

/** Telegram allows 1024 characters in a photo's caption. */
const CAPTION_LIMIT = 1024;
/** Weeks offered by /ringkasan: this week, last week and this many earlier ones. */
const EARLIER_WEEKS = 4;

export function summaryDeps(deps: FeatureDeps): SummaryDeps {
  return { repo: createSummaryRepository(deps.prisma), clock: deps.clock, timeZone: deps.config.timeZone, logger: deps.logger };
}

/**
 * /ringkasan: coordinators for their groups, staff for a group, a programme or everything; then
 * this week, last week or an earlier one. Each step is a button whose data carries the choice;
 * every press is checked against the presser's rights read from the database.
 */
export function summaryFeature(deps: FeatureDeps): Feature {
  const svc = summaryDeps(deps);
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  async function viewer(ctx: BotContext): Promise<Viewer | null> {
    const personId = ctx.actor?.personId;
    if (!personId) return null;
    const v = await viewerOf(svc, personId);
    return v.isStaff || v.coordinatorGroupIds.length > 0 ? v : null;
  }

  async function askWeek(ctx: BotContext, scopeToken: string, edit: boolean): Promise<void> {
    const lang = ctx.actor?.language ?? "id";
    const weeks = recentWeeks(svc.clock(), svc.timeZone, EARLIER_WEEKS + 1).map((week) => ({ week, range: formatWeekRange(week, lang, svc.timeZone) }));
    const markup = { reply_markup: weekKeyboard(ctx.t, scopeToken, weeks) };
    if (edit) await editMessage(() => ctx.editMessageText(ctx.t("summary-choose-week"), markup));
    else await ctx.reply(ctx.t("summary-choose-week"), markup);
  }

  privateChat.command(["ringkasan", "summary"], async (ctx) => {
    if (!ctx.actor?.personId) return void (await ctx.reply(ctx.t("common-not-joined")));
    const v = await viewer(ctx);
    if (!v) return void (await ctx.reply(ctx.t("summary-not-allowed")));
    if (v.isStaff) {
      const lang = ctx.actor.language;
      const programmes = (await svc.repo.programmes()).map((p) => ({ programmeId: p.programmeId, name: lang === "en" ? p.nameEn : p.name }));
      return void (await ctx.reply(ctx.t("summary-choose-programme"), { reply_markup: programmeKeyboard(ctx.t, programmes) }));
    }
    if (v.coordinatorGroupIds.length === 1) return askWeek(ctx, `g${v.coordinatorGroupIds[0]}`, false);
    const groups = await svc.repo.groups({ groupIds: v.coordinatorGroupIds });
    await ctx.reply(ctx.t("summary-choose-my-group"), { reply_markup: groupKeyboard({ label: ctx.t("summary-my-groups"), token: "m" }, groups) });
  });

  privateChat.callbackQuery(PROGRAMME_PATTERN, async (ctx) => {
    const v = await viewer(ctx);
    if (!v?.isStaff) return void (await ctx.answerCallbackQuery({ text: ctx.t("summary-refused"), show_alert: true }));
    await ctx.answerCallbackQuery();
    const programmeId = Number(ctx.match[1]);
    const programme = (await svc.repo.programmes()).find((p) => p.programmeId === programmeId);
    if (!programme) return void (await editMessage(() => ctx.editMessageText(ctx.t("summary-bad-choice"))));
    const groups = await svc.repo.groups({ programmeId });
    const name = ctx.actor?.language === "en" ? programme.nameEn : programme.name;
    const markup = { reply_markup: groupKeyboard({ label: ctx.t("summary-whole-programme"), token: `p${programmeId}` }, groups) };
    await editMessage(() => ctx.editMessageText(ctx.t("summary-choose-group", { programme: name }), markup));
  });

  privateChat.callbackQuery(SCOPE_PATTERN, async (ctx) => {
    const v = await viewer(ctx);
    const token = ctx.match[1]!;
    if (!v || !allowedScope(v, scopeOf(token, v.coordinatorGroupIds))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("summary-refused"), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await askWeek(ctx, token, true);
  });

  privateChat.callbackQuery(WEEK_PATTERN, async (ctx) => {
    const v = await viewer(ctx);
    const token = ctx.match[1]!;
    const scope = v && allowedScope(v, scopeOf(token, v.coordinatorGroupIds));
    if (!scope) return void (await ctx.answerCallbackQuery({ text: ctx.t("summary-refused"), show_alert: true }));
    const week = weekFromKey(ctx.match[2]!, svc.timeZone);
    if (!week) {
      await ctx.answerCallbackQuery();
      return void (await editMessage(() => ctx.editMessageText(ctx.t("summary-bad-choice"))));
    }
    // A second press of a week (a double tap) finds the message already gone: stale, not a second summary.
    if ((await editMessage(() => ctx.editMessageText(ctx.t("summary-preparing")))) === "gone") {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("common-stale-button") }));
    }
    await ctx.answerCallbackQuery();
    const messages = await composeSummary(svc, { t: ctx.t, lang: ctx.actor?.language ?? "id", scope, week });
    for (const message of messages) await sendSummary(ctx, message);
    ctx.log.info({ personId: v.personId, scope: token, week: week.key, messages: messages.length }, "summary shown");
    await bestEffort(ctx.deleteMessage(), ctx.log, "delete the menu message");
  });

  return { name: "summary", composer };
}

/** The text, and the chart: as its caption when the text fits in one, else right after it. */
async function sendSummary(ctx: BotContext, message: SummaryMessage): Promise<void> {
  if (!message.chart) {
    await ctx.reply(message.text);
    return;
  }
  const photo = new InputFile(message.chart.png, message.chart.fileName);
  if (message.text.length <= CAPTION_LIMIT) {
    await ctx.replyWithPhoto(photo, { caption: message.text });
    return;
  }
  await ctx.reply(message.text);
  await ctx.replyWithPhoto(photo, { caption: message.chart.caption });
}
