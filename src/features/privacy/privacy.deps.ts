import type { AppDeps } from "../../app-deps.js";
import { createPrivacyRepository } from "./privacy.repository.js";
import type { PrivacyDeps } from "./privacy.service.js";

export function privacyDeps(app: Pick<AppDeps, "prisma" | "clock" | "logger" | "outbox">): PrivacyDeps {
  return { repo: createPrivacyRepository(app.prisma), clock: app.clock, outbox: app.outbox, logger: app.logger };
}
