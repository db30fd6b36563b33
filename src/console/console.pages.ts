import type { FastifyInstance } from "fastify";
import { html, type Html } from "./console.html.js";
import { layout } from "./console.layout.js";
import type { PageContext, PageKit } from "./console.server.js";
import { registerHome } from "./pages/home.page.js";
import { registerGroup } from "./pages/group.page.js";
import { registerReports } from "./pages/reports.page.js";
import { registerMeetings } from "./pages/meetings.page.js";
import { registerSettings } from "./pages/settings.page.js";

/** Every page of the console; each module registers its routes. */
export function registerPages(app: FastifyInstance, kit: PageKit): void {
  registerHome(app, kit);
  registerGroup(app, kit);
  registerReports(app, kit);
  registerMeetings(app, kit);
  registerSettings(app, kit);
}

/** A page in the console's frame. */
export function page(ctx: PageContext, title: string, path: string, body: Html): Html {
  return layout({ t: ctx.t, lang: ctx.lang, title, viewer: ctx.viewer, csrf: ctx.csrf(), path, body });
}

/** A refusal inside the frame (a coordinator opening another group, a non-admin opening settings, an unknown id). */
export function refused(ctx: PageContext, path: string): Html {
  return page(ctx, ctx.t("console-refused-title"), path, html`<p class="message">${ctx.t("console-refused-body")}</p>`);
}
