import type { AppDeps } from "../../app-deps.js";
import { createAnnouncementRepository } from "./announcement.repository.js";
import type { AnnouncementDeps } from "./announcement.service.js";

export function announcementDeps(app: Pick<AppDeps, "prisma" | "clock" | "logger" | "outbox">): AnnouncementDeps {
  return { repo: createAnnouncementRepository(app.prisma), clock: app.clock, outbox: app.outbox, logger: app.logger };
}
