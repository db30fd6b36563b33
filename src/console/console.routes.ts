import type { FastifyInstance } from "fastify";
import type { PageKit } from "./console.kit.js";
import { registerGroup } from "./pages/group.page.js";
import { registerHome } from "./pages/home.page.js";
import { registerMeetings } from "./pages/meetings.page.js";
import { registerReports } from "./pages/reports.page.js";
import { registerSettings } from "./pages/settings.page.js";

/** Every page of the console; each module registers its routes. */
export function registerPages(app: FastifyInstance, kit: PageKit): void {
  registerHome(app, kit);
  registerGroup(app, kit);
  registerReports(app, kit);
  registerMeetings(app, kit);
  registerSettings(app, kit);
}
