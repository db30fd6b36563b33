import type { MiddlewareFn } from "grammy";
import type { AppDeps } from "../../app-deps.js";
import { resolveActor } from "../../features/people/people.service.js";
import type { BotContext } from "../context.js";

/** Attaches the sender (ctx.actor) and a child logger carrying the update and person ids. */
export function attachActor(deps: Pick<AppDeps, "prisma" | "config" | "logger">): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.log = deps.logger.child({ updateId: ctx.update.update_id });
    const from = ctx.from;
    ctx.actor = from && !from.is_bot ? await resolveActor(deps.prisma, BigInt(from.id), deps.config.adminTelegramIds) : null;
    if (ctx.actor?.personId) ctx.log = ctx.log.child({ personId: ctx.actor.personId });
    await next();
  };
}
