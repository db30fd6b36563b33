import { InputFile, type Api } from "grammy";
import type { Redis } from "ioredis";
import { asLanguage } from "../../bot/i18n.js";
import type { Language } from "../../bot/context.js";
import type { PrismaClient } from "../../db/client.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import type { Logger } from "../../logger.js";
import { buildReportsCsv, buildReportsXlsx } from "./export.files.js";
import { createExportRepository } from "./export.repository.js";
import { authorizeExport, parseExportJob } from "./export.service.js";
import { exportTexts, fileBaseName, periodText, scopeText, type Translate } from "./export.texts.js";
import { bestEffort } from "../../lib/best-effort.js";

export const EXPORT_QUEUE = "export" as const;
export const BUILD_JOB = "build";
/** BullMQ tries a feature job three times (src/jobs/registry.ts): the last try tells the person it failed. */
const MAX_TRIES = 3;
const SENT_MARK_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Telegram's Bot API takes documents of at most 50 MB. */
export const TELEGRAM_DOCUMENT_LIMIT = 50 * 1024 * 1024;

/** How the job reaches Telegram: the worker's Api in production, a fake in tests. */
export type ExportSender = {
  sendDocument(chatId: number, file: { bytes: Buffer; fileName: string }, caption: string): Promise<void>;
  sendMessage(chatId: number, text: string): Promise<void>;
};

/** Remembers which files of a job went out, so a retried job does not send them again. */
export type SentMarks = { has(key: string): Promise<boolean>; mark(key: string): Promise<void> };

export type ExportJobDeps = {
  prisma: PrismaClient;
  timeZone: string;
  translate(language: Language, key: string, vars?: Record<string, string | number>): string;
  sender: ExportSender;
  marks: SentMarks;
  log: Logger;
  /** the largest file to send (Telegram's limit unless a test says otherwise) */
  maxDocumentBytes?: number;
};

export type ExportJobResult = "sent" | "empty" | "not-allowed" | "no-recipient" | "bad-data" | "too-large";

export function apiSender(api: Api): ExportSender {
  return {
    async sendDocument(chatId, file, caption) {
      await api.sendDocument(chatId, new InputFile(file.bytes, file.fileName), { caption });
    },
    async sendMessage(chatId, text) {
      await api.sendMessage(chatId, text);
    },
  };
}

export function redisMarks(redis: Redis): SentMarks {
  return {
    async has(key) {
      return (await redis.exists(`export-sent:${key}`)) === 1;
    },
    async mark(key) {
      await redis.set(`export-sent:${key}`, "1", "EX", SENT_MARK_TTL_SECONDS);
    },
  };
}

/**
 * Builds the export the person asked for and sends the files as documents. The rights are
 * checked again (they may have changed since the request); nothing in scope gets a message
 * instead of empty files. Each file is marked as sent in Redis, so a retry sends only what
 * is missing.
 */
export async function runExportJob(deps: ExportJobDeps, data: Record<string, unknown>, jobId: string): Promise<ExportJobResult> {
  const job = parseExportJob(data);
  if (!job) {
    deps.log.warn({ jobId }, "export job with bad data ignored");
    return "bad-data";
  }
  const repo = createExportRepository(deps.prisma);
  const recipient = await repo.recipient(job.personId);
  if (!recipient?.telegramId || recipient.status === "erased" || recipient.status === "left") return "no-recipient";
  const chatId = Number(recipient.telegramId);
  const language = asLanguage(recipient.language);
  const t: Translate = (key, vars) => deps.translate(language, key, vars);

  const authorized = await authorizeExport(repo, job.personId, job.scope, job);
  if (authorized.kind !== "ok") {
    await deps.sender.sendMessage(chatId, t("export-not-allowed"));
    return "not-allowed";
  }
  const mine = job.scope.kind === "my-groups";
  const scope = scopeText(t, language, authorized, mine);
  const period = periodText(language, deps.timeZone, job.firstWeekStartDate, job.lastWeekStartDate);
  const reports = await repo.countReports(authorized.filter);
  if (reports === 0) {
    await deps.sender.sendMessage(chatId, t("export-empty", { scope, period }));
    return "empty";
  }

  const texts = exportTexts(t, language);
  const base = fileBaseName(t, authorized, mine, job.periodSlug);
  const limit = deps.maxDocumentBytes ?? TELEGRAM_DOCUMENT_LIMIT;
  let index = 0;
  let tooLarge = false;
  const send = async (bytes: Buffer, fileName: string, caption: string) => {
    const mark = `${jobId}:${index++}`;
    if (bytes.length > limit) {
      tooLarge = true;
      return;
    }
    if (await deps.marks.has(mark)) return;
    await deps.sender.sendDocument(chatId, { bytes, fileName }, caption);
    await deps.marks.mark(mark);
  };
  if (job.format === "xlsx" || job.format === "both") {
    const xlsx = await buildReportsXlsx(deps.prisma, authorized.filter, deps.timeZone, texts);
    if (xlsx.bytes.length <= limit || xlsx.programmes.length <= 1) {
      await send(xlsx.bytes, `${base}.xlsx`, t("export-caption-xlsx", { scope, period, rows: String(reports) }));
    } else {
      // Too big for one Telegram document: one workbook per programme instead.
      for (const programme of xlsx.programmes) {
        const one = await buildReportsXlsx(deps.prisma, { ...authorized.filter, programmeIds: [programme.programmeId] }, deps.timeZone, texts);
        await send(one.bytes, `${base}-${programme.code}.xlsx`, t("export-caption-xlsx-programme", { scope, period, rows: String(programme.rows), programme: programme.name }));
      }
    }
  }
  if (job.format === "csv" || job.format === "both") {
    const files = await buildReportsCsv(deps.prisma, authorized.filter, deps.timeZone, texts);
    for (const file of files) {
      const name = files.length > 1 ? `${base}-${file.programme.code}.csv` : `${base}.csv`;
      await send(file.bytes, name, t("export-caption-csv", { scope, period, rows: String(file.programme.rows), programme: file.programme.name }));
    }
  }
  if (tooLarge) {
    await deps.sender.sendMessage(chatId, t("export-too-large"));
    deps.log.warn({ jobId, personId: job.personId, reports }, "export file over Telegram's size limit left out");
    return "too-large";
  }
  deps.log.info({ jobId, personId: job.personId, reports, format: job.format }, "export sent");
  return "sent";
}

const build: JobProcessor = async (data, { deps, log, jobId, attempt, api }) => {
  const jobDeps: ExportJobDeps = {
    prisma: deps.prisma,
    timeZone: deps.config.timeZone,
    translate: (language, key, vars) => deps.i18n.t(language, key, vars),
    sender: apiSender(api),
    marks: redisMarks(deps.redis),
    log,
  };
  try {
    await runExportJob(jobDeps, data, jobId);
  } catch (err) {
    if (attempt >= MAX_TRIES) {
      const personId = Number(data.personId);
      const recipient = Number.isInteger(personId) ? await createExportRepository(deps.prisma).recipient(personId).catch(() => null) : null;
      if (recipient?.telegramId) {
        const text = deps.i18n.t(asLanguage(recipient.language), "export-failed");
        await bestEffort(api.sendMessage(Number(recipient.telegramId), text), log, "tell the requester the export failed");
      }
    }
    throw err;
  }
};

export const exportJobs: FeatureJobs = {
  name: "export",
  processors: { [EXPORT_QUEUE]: { [BUILD_JOB]: build } },
};
