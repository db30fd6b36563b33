import { Composer } from "grammy";
import { startConversation } from "../../bot/conversation-start.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { staffOnly } from "../../bot/filters/is-staff.filter.js";
import { createProgrammeConversation, PROGRAMME_CONVERSATION } from "./programme.conversation.js";

/** /kelola (staff; programmes and indicators for admins): programmes that change. */
export function programmeFeature(deps: FeatureDeps): Feature {
  const composer = new Composer<BotContext>();
  // Rights are checked again from the database by programme.service at every change.
  composer.chatType("private").command(["kelola", "manage"], staffOnly, (ctx) => startConversation(ctx, PROGRAMME_CONVERSATION));
  const svc = { prisma: deps.prisma, clock: deps.clock, adminTelegramIds: deps.config.adminTelegramIds };
  return {
    name: "programme",
    conversations: [{ id: PROGRAMME_CONVERSATION, builder: createProgrammeConversation(svc) }],
    composer,
  };
}
