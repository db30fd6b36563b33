import type { I18n } from "@grammyjs/i18n";
import type { Api, RawApi } from "grammy";
import type { Role } from "../features/people/people.service.js";
import { LANGUAGES, type BotContext, type Language } from "./context.js";

/**
 * Every command, with who may see it in the menu and in /bantuan. Its description is the
 * locale key `cmd-<command>`. Rights are checked again in each handler: hiding a command
 * is a courtesy, not a permission.
 */
export const COMMANDS: ReadonlyArray<{ command: string; roles: readonly Role[] }> = [
  { command: "lapor", roles: ["member", "coordinator"] },
  { command: "riwayat", roles: ["member", "coordinator"] },
  { command: "berhenti", roles: ["member", "coordinator"] },
  { command: "mulai", roles: ["member", "coordinator"] },
  { command: "ringkasan", roles: ["coordinator", "staff", "admin"] },
  { command: "capaian", roles: ["member", "coordinator", "staff", "admin"] },
  { command: "ekspor", roles: ["coordinator", "staff", "admin"] },
  { command: "tautan", roles: ["staff", "admin"] },
  { command: "undang", roles: ["staff", "admin"] },
  { command: "rapat", roles: ["staff", "admin"] },
  { command: "hadir", roles: ["member", "coordinator", "stakeholder", "staff", "admin"] },
  { command: "umumkan", roles: ["staff", "admin"] },
  { command: "target", roles: ["staff", "admin"] },
  { command: "kelola", roles: ["staff", "admin"] },
  { command: "konsol", roles: ["coordinator", "staff", "admin"] },
  { command: "dataku", roles: ["member", "coordinator", "stakeholder", "staff", "admin"] },
  { command: "hapusdata", roles: ["member", "coordinator", "stakeholder", "staff", "admin"] },
  { command: "bahasa", roles: ["guest", "member", "coordinator", "stakeholder", "staff", "admin"] },
  { command: "bantuan", roles: ["guest", "member", "coordinator", "stakeholder", "staff", "admin"] },
  { command: "batal", roles: ["member", "coordinator", "stakeholder", "staff", "admin"] },
];

export function commandsFor(role: Role): string[] {
  return COMMANDS.filter((c) => c.roles.includes(role)).map((c) => c.command);
}

function menu(i18n: I18n<BotContext>, role: Role, language: Language) {
  return commandsFor(role).map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
}

/** The menu everyone sees before a chat-specific one is set: Indonesian by default, English for English clients. */
export async function publishDefaultCommands(api: Api<RawApi>, i18n: I18n<BotContext>): Promise<void> {
  await api.setMyCommands(menu(i18n, "guest", "id"));
  for (const language of LANGUAGES) {
    await api.setMyCommands(menu(i18n, "guest", language), { language_code: language });
  }
}

/** The menu of one person's chat, after joining, a role change or /bahasa. */
export async function publishCommandsFor(
  api: Api<RawApi>,
  i18n: I18n<BotContext>,
  chatId: number,
  role: Role,
  language: Language,
): Promise<void> {
  await api.setMyCommands(menu(i18n, role, language), { scope: { type: "chat", chat_id: chatId } });
}
