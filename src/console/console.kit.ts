import type { I18n } from "@grammyjs/i18n";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { Clock } from "../app-deps.js";
import type { BotContext, Language } from "../bot/context.js";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/client.js";
import type { Logger } from "../logger.js";
import { html, type Html } from "./console.html.js";
import { layout } from "./console.layout.js";
import type { Viewer } from "./console.viewer.js";

/** What the console is built from (the app's dependencies, a translator, the bot's username). */
export type ConsoleDeps = {
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  logger: Logger;
  clock: Clock;
  i18n: I18n<BotContext>;
  /** for join links (t.me/<bot>?start=…) and their QR codes */
  botUsername: string;
};

/** What every page handler gets: the viewer (never null behind the guard), a translator, the CSRF token for forms. */
export type PageContext = {
  viewer: Viewer;
  lang: Language;
  t: (key: string, vars?: Record<string, string | number>) => string;
  csrf: () => string;
  deps: ConsoleDeps;
};

/** What the server hands the page modules. */
export type PageKit = {
  context(request: FastifyRequest, reply: FastifyReply): PageContext;
  send(reply: FastifyReply, page: Html, status?: number): FastifyReply;
  csrf: FastifyInstance["csrfProtection"];
};

/** A page in the console's frame. */
export function page(ctx: PageContext, title: string, path: string, body: Html): Html {
  return layout({ t: ctx.t, lang: ctx.lang, title, viewer: ctx.viewer, csrf: ctx.csrf(), path, body });
}

/** A refusal inside the frame (a coordinator opening another group, a non-admin opening settings, an unknown id). */
export function refused(ctx: PageContext, path: string): Html {
  return page(ctx, ctx.t("console-refused-title"), path, html`<p class="message">${ctx.t("console-refused-body")}</p>`);
}
