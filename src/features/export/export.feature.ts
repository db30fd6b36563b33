import { startConversation } from "../../bot/conversation-start.js";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { createExportConversation, EXPORT_CONVERSATION, type ExportConversationDeps } from "./export.conversation.js";
import { BUILD_JOB, EXPORT_QUEUE } from "./export.jobs.js";
import { createExportRepository } from "./export.repository.js";

export function exportDeps(deps: Pick<FeatureDeps, "prisma" | "clock" | "config" | "outbox">): ExportConversationDeps {
  return {
    repo: createExportRepository(deps.prisma),
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    async schedule(data, jobId) {
      await deps.outbox.scheduleJob(EXPORT_QUEUE, BUILD_JOB, data, { jobId });
    },
  };
}

/** /ekspor: staff (any group or programme) and coordinators (their own groups) get the reports as XLSX and CSV. */
export function exportFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();

  composer.chatType("private").command(["ekspor", "export"], async (ctx) => {
    const actor = ctx.actor;
    if (!actor?.personId || (!actor.isStaff && actor.coordinatorGroupIds.length === 0)) {
      await ctx.reply(ctx.t("export-not-allowed"));
      return;
    }
    await startConversation(ctx, EXPORT_CONVERSATION);
  });

  return { name: "export", conversations: [{ id: EXPORT_CONVERSATION, builder: createExportConversation(exportDeps(deps)) }], composer };
}
