import type { BotContext } from "./context.js";

/**
 * Starts a conversation from a button or command handler. A button that starts one (a
 * reminder's "Lapor sekarang", an invitation's "Tulis alasan") can be pressed while another
 * conversation is open; the open one is left first, as if the person had sent /batal.
 */
export async function startConversation(ctx: BotContext, id: string, ...args: unknown[]): Promise<void> {
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(id, ...args);
}
