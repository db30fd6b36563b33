import { InputFile } from "grammy";
import type { Clock } from "../../app-deps.js";
import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, MAX_ROUNDS, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import type { PrismaClient } from "../../db/client.js";
import { formatNumber } from "../../lib/number.js";
import { actionKeyboard, pickKeyboard, yearKeyboard } from "./target.keyboards.js";
import { activeProgrammes, findYearly, type PlanProgramme, type YearlyKind } from "./target.repository.js";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, readYearlyValue, setOneYearly } from "./target.service.js";
import { templateFileName, templateFor } from "./target.template.js";

export const TARGET_CONVERSATION = "target";

export type TargetConversationDeps = { prisma: PrismaClient; clock: Clock; timeZone: string };

/** The calendar year of `now` in the deployment's zone. */
export function yearIn(now: Date, zone: string): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric" }).format(now));
}

/**
 * /target (staff): set one target (programme → group → indicator → year → figure), or get
 * the XLSX template of a programme-year for targets or an earlier year's totals, to fill in
 * and send back (the import is in target.feature.ts). Rights are checked again by the service.
 */
export function createTargetConversation(deps: TargetConversationDeps) {
  return async function targetConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const personId = await conversation.external((outer) => (outer.actor?.isStaff ? outer.actor.personId : null));
    if (personId === null) {
      await ctx.reply(ctx.t("common-not-allowed"));
      return;
    }
    const nonce = await newNonce(conversation);
    const thisYear = yearIn(new Date(await conversation.external(() => deps.clock().toISOString())), deps.timeZone);

    await ctx.reply(ctx.t("target-ask-action"), { reply_markup: actionKeyboard(ctx.t, nonce) });
    const action = await waitForButton(conversation, nonce, { key: "target-action-hint" }, (a) => a[0] === "action");
    await closeKeyboard(action.ctx);
    const what = action.action[1] === "one" ? "one" : action.action[1] === "baseline" ? "baseline" : "target";

    const programmes = await conversation.external(() => activeProgrammes(deps.prisma));
    const name = (p: PlanProgramme) => (ctx.locale === "en" ? p.nameEn : p.name);
    const programme = await pick(conversation, ctx, nonce, "programme", ctx.t("target-ask-programme"), programmes.map((p) => ({ ...p, name: name(p) })));
    if (!programme) return;

    if (what !== "one") {
      const years = what === "target" ? [thisYear, thisYear + 1] : [thisYear - 1, thisYear - 2, thisYear - 3];
      const year = await askYear(conversation, ctx, nonce, years);
      if (year === null) return;
      await sendTemplate(conversation, ctx, deps, what, programme, year);
      return;
    }

    const group = await pick(conversation, ctx, nonce, "group", ctx.t("target-ask-group", { programme: name(programme) }), programme.groups);
    if (!group) return;
    const indicators = programme.indicators.map((i) => ({ ...i, name: ctx.locale === "en" ? i.labelEn : i.labelId }));
    const indicator = await pick(conversation, ctx, nonce, "indicator", ctx.t("target-ask-indicator", { group: group.name }), indicators);
    if (!indicator) return;
    const year = await askYear(conversation, ctx, nonce, [thisYear, thisYear + 1]);
    if (year === null) return;

    const unit = ctx.t(`unit-${indicator.unit}`);
    const current = await conversation.external(async () => (await findYearly(deps.prisma, "target", { groupId: group.id, indicatorId: indicator.id, year }))?.value ?? null);
    const ask = ctx.t("target-ask-value", { indicator: indicator.name, group: group.name, year: String(year), unit });
    await ctx.reply(current === null ? ask : `${ask}\n${ctx.t("target-current", { value: formatNumber(current), unit })}`);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const answer = await waitForAnswer(conversation, nonce, { key: "target-value-hint" });
      const reading = answer.kind === "text" ? readYearlyValue(answer.text, indicator) : { kind: "unreadable" as const };
      if (reading.kind === "ok") {
        const result = await conversation.external(() =>
          setOneYearly(deps, "target", { programme, groupId: group.id, indicatorId: indicator.id, year, value: reading.value }, { actorId: personId, source: "bot" }),
        );
        if (result.kind === "saved") {
          const vars = { indicator: indicator.name, group: group.name, year: String(year), value: formatNumber(result.after), unit };
          await ctx.reply(ctx.t(result.changed ? "target-saved" : "target-unchanged", vars));
        } else await ctx.reply(ctx.t(result.kind === "not-allowed" ? "common-not-allowed" : "target-not-found"));
        return;
      }
      if (reading.kind === "ambiguous") {
        const [first, second] = reading.readings.map((r) => formatNumber(r));
        await ctx.reply(ctx.t("target-value-ambiguous", { text: answer.kind === "text" ? answer.text : "", first: first ?? "", second: second ?? "" }));
      } else if (reading.kind === "invalid") {
        await ctx.reply(reading.issue === "negative" ? ctx.t("target-value-negative") : ctx.t("target-value-decimals", { decimals: String(indicator.decimals) }));
      } else await ctx.reply(ctx.t("target-value-hint"));
    }
    await ctx.reply(ctx.t("target-gave-up"));
  };
}

async function pick<C extends { id: number; name: string }>(conversation: BotConversation, ctx: ConversationContext, nonce: string, step: string, question: string, choices: C[]): Promise<C | null> {
  if (choices.length === 1) return choices[0]!;
  await ctx.reply(question, { reply_markup: pickKeyboard(nonce, step, choices) });
  const pressed = await waitForButton(conversation, nonce, { key: "target-pick-hint" }, (a) => a[0] === step);
  await closeKeyboard(pressed.ctx);
  const chosen = choices.find((c) => c.id === Number(pressed.action[1]));
  if (!chosen) await ctx.reply(ctx.t("target-not-found"));
  return chosen ?? null;
}

async function askYear(conversation: BotConversation, ctx: ConversationContext, nonce: string, years: number[]): Promise<number | null> {
  const vars = { min: String(MIN_PLAN_YEAR), max: String(MAX_PLAN_YEAR) };
  await ctx.reply(ctx.t("target-ask-year"), { reply_markup: yearKeyboard(nonce, years) });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const answer = await waitForAnswer(conversation, nonce, { key: "target-year-hint", vars });
    if (answer.kind === "button" && answer.action[0] === "year") {
      await closeKeyboard(answer.ctx);
      return Number(answer.action[1]);
    }
    const typed = answer.kind === "text" ? answer.text.trim() : "";
    if (/^\d{4}$/.test(typed) && Number(typed) >= MIN_PLAN_YEAR && Number(typed) <= MAX_PLAN_YEAR) return Number(typed);
    await ctx.reply(ctx.t("target-year-hint", vars));
  }
  await ctx.reply(ctx.t("target-gave-up"));
  return null;
}

async function sendTemplate(conversation: BotConversation, ctx: ConversationContext, deps: TargetConversationDeps, kind: YearlyKind, programme: PlanProgramme, year: number): Promise<void> {
  const language = ctx.locale;
  const programmeName = language === "en" ? programme.nameEn : programme.name;
  // Built and sent in one step: a replay neither builds nor sends it again.
  await conversation.external(async () => {
    const bytes = await templateFor(deps.prisma, { kind, programme, year, t: ctx.t, language });
    const caption = ctx.t(kind === "target" ? "target-template-caption" : "target-baseline-caption", { programme: programmeName, year: String(year) });
    await ctx.replyWithDocument(new InputFile(bytes, templateFileName(ctx.t, kind, programme.code, year)), { caption });
  });
}
