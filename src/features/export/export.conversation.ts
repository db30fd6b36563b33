import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import { weekOf } from "../../lib/week.js";
import { coordinatorScopeKeyboard, formatKeyboard, periodKeyboard, programmeScopeKeyboard, staffScopeKeyboard } from "./export.keyboards.js";
import { MAX_EXPORT_YEAR, MIN_EXPORT_YEAR, readExportYear, resolvePeriod, type PeriodChoice } from "./export.period.js";
import type { ExportRepository } from "./export.repository.js";
import { requestExport, type ExportFormat, type ExportRequestDeps, type ExportScope } from "./export.service.js";

export const EXPORT_CONVERSATION = "export";
/** Typed years before the conversation gives up (no endless loops). */
const MAX_YEAR_TRIES = 4;

export type ExportConversationDeps = ExportRequestDeps & {
  repo: ExportRequestDeps["repo"] & Pick<ExportRepository, "activeProgrammes" | "groups">;
  timeZone: string;
};

type Who = { personId: number; isStaff: boolean; coordinatorGroupIds: number[] };

/**
 * /ekspor: the period (this year, last year, the last four weeks, a typed year), the scope
 * (staff: everything, a programme or one of its groups; a coordinator: one of their groups
 * or all of them), the format (XLSX, CSV, both). Then the export queue builds the files and
 * sends them; the rights are checked by the service, not by which buttons were shown.
 */
export function createExportConversation(deps: ExportConversationDeps) {
  return async function exportConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const who = await conversation.external((outer): Who | null =>
      outer.actor?.personId ? { personId: outer.actor.personId, isStaff: outer.actor.isStaff, coordinatorGroupIds: outer.actor.coordinatorGroupIds } : null,
    );
    if (!who || (!who.isStaff && who.coordinatorGroupIds.length === 0)) {
      await ctx.reply(ctx.t("export-not-allowed"));
      return;
    }
    const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
    const nonce = await newNonce(conversation);
    const nowIso = await conversation.external(() => deps.clock().toISOString());
    const now = new Date(nowIso);

    // 1. The period.
    await ctx.reply(t("export-ask-period"), { reply_markup: periodKeyboard(t, nonce, weekOf(now, deps.timeZone).isoYear) });
    const period = await waitForButton(conversation, nonce, { key: "export-period-hint" }, (a) => a[0] === "period");
    await closeKeyboard(period.ctx);
    let choice: PeriodChoice;
    if (period.action[1] === "year") {
      const year = await askYear(conversation, ctx, nonce);
      if (year === null) return;
      choice = { kind: "year", year };
    } else choice = { kind: period.action[1] === "last-year" ? "last-year" : period.action[1] === "last-4-weeks" ? "last-4-weeks" : "this-year" };

    // 2. The scope.
    const scope = who.isStaff ? await askStaffScope(conversation, ctx, nonce, deps) : await askCoordinatorScope(conversation, ctx, nonce, deps, who);
    if (!scope) return;

    // 3. The format.
    await ctx.reply(t("export-ask-format"), { reply_markup: formatKeyboard(t, nonce) });
    const format = await waitForButton(conversation, nonce, { key: "export-format-hint" }, (a) => a[0] === "format");
    await closeKeyboard(format.ctx);
    const chosenFormat: ExportFormat = format.action[1] === "csv" ? "csv" : format.action[1] === "both" ? "both" : "xlsx";

    const result = await conversation.external(() =>
      requestExport(deps, { personId: who.personId, nonce, scope, period: resolvePeriod(choice, now, deps.timeZone), format: chosenFormat }),
    );
    if (result.kind === "queued") await ctx.reply(t("export-preparing"));
    else await ctx.reply(t(result.kind === "not-found" ? "export-not-found" : "export-not-allowed"));
  };
}

async function askYear(conversation: BotConversation, ctx: ConversationContext, nonce: string): Promise<number | null> {
  const vars = { min: String(MIN_EXPORT_YEAR), max: String(MAX_EXPORT_YEAR) };
  await ctx.reply(ctx.t("export-ask-year", vars));
  for (let tries = 0; tries < MAX_YEAR_TRIES; tries++) {
    const answer = await waitForAnswer(conversation, nonce, { key: "export-year-hint", vars });
    if (answer.kind === "text") {
      const year = readExportYear(answer.text);
      if (year !== null) return year;
    }
    await answer.ctx.reply(ctx.t("export-year-hint", vars));
  }
  await ctx.reply(ctx.t("export-gave-up"));
  return null;
}

async function askStaffScope(conversation: BotConversation, ctx: ConversationContext, nonce: string, deps: ExportConversationDeps): Promise<ExportScope | null> {
  const programmes = await conversation.external(async () =>
    (await deps.repo.activeProgrammes()).map((p) => ({ id: p.id, name: ctx.locale === "en" ? p.nameEn : p.name, groups: p.groups.map((g) => ({ id: g.id, name: g.name })) })),
  );
  await ctx.reply(ctx.t("export-ask-scope"), { reply_markup: staffScopeKeyboard(ctx.t, nonce, programmes) });
  const first = await waitForButton(conversation, nonce, { key: "export-scope-hint" }, (a) => a[0] === "scope" && (a[1] === "all" || a[1] === "programme"));
  await closeKeyboard(first.ctx);
  if (first.action[1] === "all") return { kind: "all" };
  const programme = programmes.find((p) => p.id === Number(first.action[2]));
  if (!programme) {
    await ctx.reply(ctx.t("export-not-found"));
    return null;
  }
  await ctx.reply(ctx.t("export-ask-group", { programme: programme.name }), { reply_markup: programmeScopeKeyboard(ctx.t, nonce, programme.id, programme.groups) });
  const second = await waitForButton(conversation, nonce, { key: "export-scope-hint" }, (a) => a[0] === "scope" && (a[1] === "programme-all" || a[1] === "group"));
  await closeKeyboard(second.ctx);
  return second.action[1] === "group" ? { kind: "group", groupId: Number(second.action[2]) } : { kind: "programme", programmeId: programme.id };
}

async function askCoordinatorScope(conversation: BotConversation, ctx: ConversationContext, nonce: string, deps: ExportConversationDeps, who: Who): Promise<ExportScope | null> {
  if (who.coordinatorGroupIds.length === 1) return { kind: "group", groupId: who.coordinatorGroupIds[0]! };
  const groups = await conversation.external(() => deps.repo.groups(who.coordinatorGroupIds));
  await ctx.reply(ctx.t("export-ask-scope"), { reply_markup: coordinatorScopeKeyboard(ctx.t, nonce, groups) });
  const chosen = await waitForButton(conversation, nonce, { key: "export-scope-hint" }, (a) => a[0] === "scope" && (a[1] === "group" || a[1] === "my-groups"));
  await closeKeyboard(chosen.ctx);
  return chosen.action[1] === "group" ? { kind: "group", groupId: Number(chosen.action[2]) } : { kind: "my-groups" };
}
