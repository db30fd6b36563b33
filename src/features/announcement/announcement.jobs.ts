import type { JobData, OutgoingRenderer, RenderContext } from "../../jobs/outgoing.types.js";
import type { FeatureJobs, JobProcessor } from "../../jobs/feature-jobs.js";
import { announcementDeps } from "./announcement.deps.js";
import { createAnnouncementRepository } from "./announcement.repository.js";
import { ANNOUNCEMENT_QUEUE, announcementIdOfKey, CHECK_JOB, checkDelivery, deliveryReport, PURPOSE } from "./announcement.service.js";
import { announcementText, deliveryReportText, excerptOf, type Translate } from "./announcement.texts.js";

/**
 * What announcements send through the outgoing queue — the announcement itself (with its photo
 * by Telegram file id) and the delivery count for the sender — and the job that follows the
 * delivery. Both renderers read the announcement from the database at send time.
 */

function translate(ctx: RenderContext): Translate {
  return (key, vars) => ctx.i18n.t(ctx.recipient.language, key, vars);
}

async function announcementOf(ctx: RenderContext) {
  const id = announcementIdOfKey(ctx.outgoing.key);
  return id === null ? null : createAnnouncementRepository(ctx.prisma).find(id);
}

const announcement: OutgoingRenderer = {
  async render(ctx) {
    const found = await announcementOf(ctx);
    if (!found) return null;
    const text = announcementText(translate(ctx), found.text);
    return found.photoFileId ? { text, photoFileId: found.photoFileId } : { text };
  },
};

const report: OutgoingRenderer = {
  async render(ctx) {
    const found = await announcementOf(ctx);
    if (!found) return null;
    const counts = await createAnnouncementRepository(ctx.prisma).deliveryCounts(found.id);
    return { text: deliveryReportText(translate(ctx), excerptOf(found.text), deliveryReport(counts)) };
  },
};

const deliveryCheck: JobProcessor = async (data: JobData, { deps, log }) => {
  const announcementId = Number(data.announcementId);
  const round = Number(data.round);
  if (!Number.isInteger(announcementId) || !Number.isInteger(round)) {
    log.warn({ announcementId: data.announcementId }, "delivery check with bad data ignored");
    return;
  }
  const result = await checkDelivery(announcementDeps(deps), announcementId, round);
  if (result.kind === "reported") log.info({ announcementId, ...result.report }, "announcement delivery reported to the sender");
};

export const announcementJobs: FeatureJobs = {
  name: "announcement",
  renderers: { [PURPOSE.announcement]: announcement, [PURPOSE.report]: report },
  processors: { [ANNOUNCEMENT_QUEUE]: { [CHECK_JOB]: deliveryCheck } },
};
