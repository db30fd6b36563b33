import { Composer } from "grammy";
import { startConversation } from "../../bot/conversation-start.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { isStaff, refuseNotStaff } from "../../bot/filters/is-staff.filter.js";
import { createTargetConversation, TARGET_CONVERSATION } from "./target.conversation.js";
import { checkImportFile, confirmImport, type ImportDeps } from "./target.import.js";
import { IMPORT_DATA, importKeyboard } from "./target.keyboards.js";
import { importErrorsText, importPreviewText } from "./target.texts.js";

/** Telegram lets bots download files of at most 20 MB; a template is a few kilobytes. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** /target, and a filled-in template sent back as a document: preview, then import on Simpan. */
export function targetFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType("private");
  const importDeps: ImportDeps = { prisma: deps.prisma, clock: deps.clock, redis: deps.redis };

  pm.command("target", async (ctx) => {
    if (!isStaff(ctx)) return refuseNotStaff(ctx);
    await startConversation(ctx, TARGET_CONVERSATION);
  });

  pm.on("message:document", async (ctx, next) => {
    const doc = ctx.message.document;
    const personId = isStaff(ctx) ? (ctx.actor?.personId ?? null) : null;
    if (personId === null || !doc.file_name?.toLowerCase().endsWith(".xlsx")) return next();
    const bytes = doc.file_size !== undefined && doc.file_size > MAX_FILE_BYTES ? null : await download(ctx, deps).catch(() => null);
    if (!bytes) {
      await ctx.reply(ctx.t("target-import-download-failed"));
      return;
    }
    const check = await checkImportFile(importDeps, personId, bytes);
    if (check.kind === "not-template") return void (await ctx.reply(ctx.t("target-import-not-template")));
    if (check.kind === "unknown-programme") return void (await ctx.reply(ctx.t("target-import-unknown-programme")));
    if (check.kind === "bad-year") return void (await ctx.reply(ctx.t("target-import-bad-year")));
    if (check.errors.length > 0) return void (await ctx.reply(importErrorsText(ctx.t, check.errors)));
    if (!check.pendingId) return void (await ctx.reply(ctx.t("target-import-nothing")));
    ctx.log.info({ personId, changes: check.changes.length }, "target import previewed");
    await ctx.reply(importPreviewText(ctx.t, ctx.actor?.language ?? "id", check), { reply_markup: importKeyboard(ctx.t, check.pendingId) });
  });

  pm.callbackQuery(IMPORT_DATA, async (ctx) => {
    const personId = isStaff(ctx) ? (ctx.actor?.personId ?? null) : null;
    if (personId === null) return refuseNotStaff(ctx);
    const [, pendingId = "", choice] = ctx.match;
    const result = await confirmImport(importDeps, personId, pendingId, choice === "ok");
    await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    if (result.kind === "imported") ctx.log.info({ personId, changed: result.changed }, "target import saved");
    const text =
      result.kind === "imported"
        ? ctx.t("target-import-done", { count: String(result.changed) })
        : result.kind === "cancelled"
          ? ctx.t("target-import-cancelled")
          : result.kind === "expired"
            ? ctx.t("target-import-expired")
            : ctx.t("common-not-allowed");
    await ctx.reply(text);
  });

  return {
    name: "target",
    conversations: [{ id: TARGET_CONVERSATION, builder: createTargetConversation({ prisma: deps.prisma, clock: deps.clock, timeZone: deps.config.timeZone }) }],
    composer,
  };
}

async function download(ctx: BotContext, deps: FeatureDeps): Promise<Buffer | null> {
  const file = await ctx.getFile();
  if (!file.file_path || !deps.config.botToken) return null;
  const response = await fetch(`${deps.config.telegramApiRoot}/file/bot${deps.config.botToken}/${file.file_path}`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) return null;
  return Buffer.from(await response.arrayBuffer());
}
