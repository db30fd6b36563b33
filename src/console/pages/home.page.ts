import type { FastifyInstance } from "fastify";
import { html } from "../console.html.js";
import { intParam, lastWeeks, programmeName, weekShort, when } from "../console.format.js";
import { completeness, latestObstacles, programmesInView, upcomingMeetings } from "../console.repository.js";
import { page, refused, type PageKit } from "../console.kit.js";
import { programmeProgressSection } from "./progress.view.js";

const GRID_WEEKS = 12;

/**
 * Beranda: per programme each indicator's year so far against its target (bar, percentage,
 * the pro-rata line) and its 12-week trend; the completeness grid (groups × weeks: how many
 * of their members reported); upcoming meetings with RSVP counts; the latest obstacles.
 * Filters: programme, group, year.
 */
export function registerHome(app: FastifyInstance, kit: PageKit): void {
  app.get<{ Querystring: { programme?: string; group?: string; year?: string } }>("/", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps, viewer } = ctx;
    const now = deps.clock();
    const own = viewer.isStaff ? null : viewer.coordinatorGroupIds;
    const all = await programmesInView(deps.prisma, own);
    const programmeId = intParam(request.query.programme);
    const groupId = intParam(request.query.group);
    const programmes = all
      .filter((p) => programmeId === null || p.id === programmeId)
      .map((p) => ({ ...p, groups: p.groups.filter((g) => groupId === null || g.id === groupId) }))
      .filter((p) => p.groups.length > 0);
    const groupIds = programmes.flatMap((p) => p.groups.map((g) => g.id));
    const weeks = lastWeeks(now, deps.config.timeZone, GRID_WEEKS);
    const [progress, grid, meetings, obstacles] = await Promise.all([
      programmeProgressSection(ctx, programmes, intParam(request.query.year)),
      completeness(deps.prisma, groupIds, weeks[0]!.startDate, weeks[weeks.length - 1]!.startDate),
      upcomingMeetings(deps.prisma, now, own),
      latestObstacles(deps.prisma, groupIds),
    ]);
    const body = html`
<form class="filters" method="get" action="/">
  <label>${t("console-filter-programme")}<select name="programme"><option value="">${t("console-filter-all")}</option>${all.map((p) => html`<option value="${p.id}" ${programmeId === p.id ? html`selected` : ""}>${programmeName(lang, p)}</option>`)}</select></label>
  <label>${t("console-filter-group")}<select name="group"><option value="">${t("console-filter-all")}</option>${all.flatMap((p) => p.groups).map((g) => html`<option value="${g.id}" ${groupId === g.id ? html`selected` : ""}>${g.name}</option>`)}</select></label>
  <label>${t("console-filter-year")}<input type="number" name="year" min="2000" max="2100" value="${progress.year}"></label>
  <button type="submit">${t("console-filter-apply")}</button>
</form>
${progress.html}
<h2>${t("console-completeness")}</h2>
<div class="table-wrap"><table class="grid" id="completeness"><thead><tr><th>${t("console-col-group")}</th>${weeks.map((w) => html`<th class="num">${weekShort(w.startDate, lang)}</th>`)}</tr></thead>
<tbody>${programmes.flatMap((p) => p.groups).map((g) => {
  const members = grid.members.get(g.id) ?? 0;
  return html`<tr><td><a href="/kelompok/${g.id}">${g.name}</a></td>${weeks.map((w) => {
    const n = grid.reported.get(`${g.id}:${w.startDate}`) ?? 0;
    const state = n === 0 ? "none" : n >= members ? "full" : "part";
    return html`<td class="cell ${state}" title="${t("console-completeness-cell", { reported: n, members })}">${n}/${members}</td>`;
  })}</tr>`;
})}</tbody></table></div>
<h2>${t("console-upcoming")}</h2>
${meetings.length === 0 ? html`<p class="muted">${t("console-upcoming-none")}</p>` : html`<ul id="upcoming">${meetings.map((m) => html`<li>${viewer.isStaff ? html`<a href="/rapat/${m.id}">${m.title}</a>` : m.title} — ${when(m.startsAt, lang, deps.config.timeZone)} · ${t("console-rsvp-counts", { yes: m.yes, no: m.no, maybe: m.maybe, none: m.none })}</li>`)}</ul>`}
<h2>${t("console-obstacles")}</h2>
${obstacles.length === 0 ? html`<p class="muted">${t("console-obstacles-none")}</p>` : html`<ul id="obstacles">${obstacles.map((o) => html`<li><strong>${o.group.name}</strong> (${weekShort(o.weekStart, lang)}): ${o.obstacle}</li>`)}</ul>`}`;
    return kit.send(reply, page(ctx, t("console-home-title"), request.url, body));
  });
}
