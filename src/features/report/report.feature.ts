import { startConversation } from "../../bot/conversation-start.js";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { reportHistory } from "./report.history.js";
import { createReportConversation, REPORT_CONVERSATION } from "./report.conversation.js";
import { REPORT_NOW_PATTERN } from "./report.keyboards.js";
import { createReportRepository } from "./report.repository.js";
import type { ReportDeps } from "./report.service.js";
import { historyText } from "./report.texts.js";

export { REPORT_CONVERSATION } from "./report.conversation.js";

export function reportDeps(deps: FeatureDeps): ReportDeps {
  return {
    repo: createReportRepository(deps.prisma),
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    backfillWeeks: deps.config.reportBackfillWeeks,
    logger: deps.logger,
  };
}

/** /lapor (the report conversation), the "Lapor sekarang" button of reminders, and /riwayat. */
export function reportFeature(deps: FeatureDeps): Feature {
  const svc = reportDeps(deps);
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  /** The actor's groups are checked again inside the conversation, from the database. */
  async function enter(ctx: BotContext, groupId?: number, weekKey?: string): Promise<void> {
    const actor = ctx.actor;
    if (!actor?.personId) {
      await ctx.reply(ctx.t("common-not-joined"));
      return;
    }
    if (actor.memberGroupIds.length === 0) {
      await ctx.reply(ctx.t("report-not-member"));
      return;
    }
    await startConversation(ctx, REPORT_CONVERSATION, groupId ?? null, weekKey ?? null);
  }

  privateChat.command(["lapor", "report"], (ctx) => enter(ctx));
  privateChat.callbackQuery(REPORT_NOW_PATTERN, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enter(ctx, Number(ctx.match[1]), ctx.match[2]);
  });

  privateChat.command(["riwayat", "history"], async (ctx) => {
    const personId = ctx.actor?.personId;
    if (!personId) {
      await ctx.reply(ctx.t("common-not-joined"));
      return;
    }
    const history = await reportHistory(svc, personId);
    if (history.kind === "not-member") {
      await ctx.reply(ctx.t("report-not-member"));
      return;
    }
    await ctx.reply(historyText(ctx.t, ctx.actor?.language ?? "id", svc.timeZone, history));
  });

  return {
    name: "report",
    conversations: [{ id: REPORT_CONVERSATION, builder: createReportConversation(svc, deps.prisma) }],
    composer,
  };
}
