import { startConversation } from "../../bot/conversation-start.js";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { ANNOUNCEMENT_CONVERSATION, announcementConversation } from "./announcement.conversation.js";
import { announcementDeps } from "./announcement.deps.js";
import { staffOnly } from "../../bot/filters/is-staff.filter.js";

/** /umumkan (staff): a message to chosen programmes and groups, through the outgoing queue. */
export function announcementFeature(deps: FeatureDeps): Feature {
  const svc = announcementDeps(deps);
  const composer = new Composer<BotContext>();

  // Checked again from the database inside the conversation and by the service on Kirim.
  composer.chatType("private").command(["umumkan", "announce"], staffOnly, (ctx) => startConversation(ctx, ANNOUNCEMENT_CONVERSATION));

  return {
    name: "announcement",
    conversations: [{ id: ANNOUNCEMENT_CONVERSATION, builder: announcementConversation(svc) }],
    composer,
  };
}
