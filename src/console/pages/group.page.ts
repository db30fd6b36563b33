import type { FastifyInstance } from "fastify";
import { html } from "../console.html.js";
import { day, intParam, programmeName, weekShort } from "../console.format.js";
import { groupPageData } from "../console.repository.js";
import { page, refused, type PageKit } from "../console.kit.js";
import { canSeeGroup } from "../console.viewer.js";
import { groupChart, groupFiguresSection } from "./progress.view.js";

/** A group: its members (role, status, last report, reachable), its weekly figures and chart, its targets, its join links. */
export function registerGroup(app: FastifyInstance, kit: PageKit): void {
  app.get<{ Params: { id: string }; Querystring: { year?: string } }>("/kelompok/:id", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps } = ctx;
    const id = intParam(request.params.id);
    if (id === null || !canSeeGroup(ctx.viewer, id)) return kit.send(reply, refused(ctx, "/"), 403);
    const group = await groupPageData(deps.prisma, id);
    if (!group) return kit.send(reply, refused(ctx, "/"), 404);
    const [figures, chart] = await Promise.all([groupFiguresSection(ctx, group.id, group.programmeId, intParam(request.query.year)), groupChart(ctx, group)]);
    const now = deps.clock();
    const links = group.joinCodes.filter((c) => c.revokedAt === null && c.expiresAt > now && c.uses < c.maxUses);
    const body = html`
<p>${programmeName(lang, group.programme)} · ${group.kelurahan}${group.active ? "" : html` · <span class="pill">${t("console-inactive")}</span>`}</p>
<h2>${t("console-members")}</h2>
<div class="table-wrap"><table id="members"><thead><tr><th>${t("console-col-member")}</th><th>${t("console-col-role")}</th><th>${t("console-col-status")}</th><th>${t("console-col-last-report")}</th><th>${t("console-col-reachable")}</th></tr></thead>
<tbody>${group.memberships.map((m) => {
  const last = m.person.reports[0]?.weekStart;
  const reachable = m.person.telegramId !== null && m.person.status === "active";
  return html`<tr><td>${m.person.name ?? t("console-erased")}</td><td>${t(`console-role-${m.role}`)}</td><td>${t(`console-status-${m.status === "left" ? "left" : m.person.status}`)}</td><td>${last ? weekShort(last, lang) : "—"}</td><td>${m.person.telegramId === null ? t("console-no-telegram") : reachable ? "✓" : "✗"}</td></tr>`;
})}</tbody></table></div>
${figures}
<h2>${t("console-chart")}</h2>
<div class="chart">${chart}</div>
${ctx.viewer.isStaff ? html`<h2>${t("console-links")}</h2>
${links.length === 0 ? html`<p class="muted">${t("console-links-none")}</p>` : html`<ul>${links.map((c) => html`<li>${t(`console-role-${c.role}`)} · ${t("console-link-valid-until", { date: day(c.expiresAt, lang, deps.config.timeZone) })} · ${t("console-link-uses", { uses: c.uses, max: c.maxUses })}</li>`)}</ul>`}
<p><a href="/pengaturan/tautan?group=${group.id}">${t("console-links-manage")}</a></p>` : ""}`;
    return kit.send(reply, page(ctx, group.name, request.url, body));
  });
}
