import { startConversation } from "../../bot/conversation-start.js";
import { Composer } from "grammy";
import type { Actor, BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { mainRole } from "../people/people.service.js";
import { JOIN_CONVERSATION, joinConversation } from "./onboarding.conversation.js";
import { problemText } from "./onboarding.format.js";
import { LINKS_CONVERSATION, linksConversation } from "./onboarding.links.conversation.js";
import { validateJoinCode } from "./onboarding.service.js";
import { staffOnly } from "../../bot/filters/is-staff.filter.js";

/** /start without a code: what this person can do, or how to get an invitation link. */
function greetingKey(actor: Actor | null): string {
  if (!actor || actor.status === "erased" || actor.status === "left") return "onboarding-start-stranger";
  switch (mainRole(actor)) {
    case "admin":
    case "staff":
      return "onboarding-start-staff";
    case "coordinator":
    case "member":
      return "onboarding-start-member";
    case "stakeholder":
      return "onboarding-start-stakeholder";
    default:
      return "onboarding-start-stranger";
  }
}

/** Joining (/start <code>) and join links (/tautan, staff only). */
export function onboardingFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();
  const service = { prisma: deps.prisma, clock: deps.clock };

  composer.chatType("private").command("start", async (ctx) => {
    const code = ctx.match.trim();
    if (code === "") {
      await ctx.reply(ctx.t(greetingKey(ctx.actor)));
      return;
    }
    const check = await validateJoinCode(service, code, BigInt(ctx.from.id));
    if (check.kind !== "ok") {
      ctx.log.info({ joinCheck: check.kind }, "join code refused");
      await ctx.reply(problemText(ctx.t, check, ctx.actor?.language ?? "id", deps.config.timeZone));
      return;
    }
    await startConversation(ctx, JOIN_CONVERSATION, code);
  });

  composer.chatType("private").command(["tautan", "links"], staffOnly, (ctx) => startConversation(ctx, LINKS_CONVERSATION));

  return {
    name: "onboarding",
    conversations: [
      { id: JOIN_CONVERSATION, builder: joinConversation(deps) },
      { id: LINKS_CONVERSATION, builder: linksConversation(deps) },
    ],
    composer,
  };
}
