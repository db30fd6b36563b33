import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { createAchievementRepository } from "./achievement.repository.js";
import { readYear, yearAchievements, type AchievementDeps, MAX_YEAR, MIN_YEAR } from "./achievement.service.js";
import { achievementMessages } from "./achievement.texts.js";

export function achievementDeps(deps: Pick<FeatureDeps, "prisma" | "clock" | "config">): AchievementDeps {
  return { repo: createAchievementRepository(deps.prisma), clock: deps.clock, timeZone: deps.config.timeZone };
}

/**
 * /capaian [tahun]: the year's totals per group in the programme's own phrasing. Staff see
 * every group, grouped by programme; coordinators and members the groups they belong to
 * (ctx.actor is read from the database on every update).
 */
export function achievementFeature(deps: FeatureDeps): Feature {
  const svc = achievementDeps(deps);
  const composer = new Composer<BotContext>();

  composer.chatType("private").command(["capaian", "achievements"], async (ctx) => {
    const actor = ctx.actor;
    if (!actor?.personId && !actor?.isStaff) {
      await ctx.reply(ctx.t("common-not-joined"));
      return;
    }
    const reading = readYear(ctx.match, svc.clock(), svc.timeZone);
    if (reading.kind === "invalid") {
      await ctx.reply(ctx.t("achievement-bad-year", { min: String(MIN_YEAR), max: String(MAX_YEAR) }));
      return;
    }
    const result = await yearAchievements(svc, { isStaff: actor.isStaff, memberGroupIds: actor.memberGroupIds }, reading.year);
    if (result.kind === "no-groups") {
      await ctx.reply(ctx.t("achievement-no-groups"));
      return;
    }
    for (const text of achievementMessages((key, vars) => ctx.t(key, vars), actor.language, svc.timeZone, result)) await ctx.reply(text);
    ctx.log.info({ year: reading.year, groups: result.programmes.reduce((n, p) => n + p.groups.length, 0) }, "achievements shown");
  });

  return { name: "achievement", composer };
}
