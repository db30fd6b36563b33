import { I18n } from "@grammyjs/i18n";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BotContext, Language } from "./context.js";

/** locales/ at the project root, from src/bot (tsx) or dist/bot (compiled) alike. */
export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: "id",
    directory: LOCALES_DIR,
    // Without this, Fluent wraps every variable in U+2068/U+2069 isolation marks.
    fluentBundleOptions: { useIsolating: false },
    // Indonesian unless the person chose otherwise with /bahasa.
    localeNegotiator: (ctx) => ctx.actor?.language ?? "id",
  });
  return i18n;
}

export function asLanguage(value: string | null | undefined): Language {
  return value === "en" ? "en" : "id";
}
