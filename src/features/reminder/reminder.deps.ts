import type { AppDeps } from "../../app-deps.js";
import { createReminderRepository } from "./reminder.repository.js";
import type { ReminderDeps } from "./reminder.service.js";

export function reminderDeps(app: Pick<AppDeps, "prisma" | "clock" | "config" | "logger" | "outbox">): ReminderDeps {
  return {
    repo: createReminderRepository(app.prisma),
    outbox: app.outbox,
    clock: app.clock,
    timeZone: app.config.timeZone,
    backfillWeeks: app.config.reportBackfillWeeks,
    logger: app.logger,
  };
}
