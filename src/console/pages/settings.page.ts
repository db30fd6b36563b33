import type { FastifyInstance } from "fastify";
import { createJoinCode, revokeJoinCode, type JoinCodeTarget } from "../../features/onboarding/onboarding.service.js";
import { joinLinkQrSvg } from "../../features/onboarding/onboarding.qr.js";
import { html, trusted } from "../console.html.js";
import { day, intParam, programmeName, when } from "../console.format.js";
import { activeJoinLinks, auditEntries, programmesInView } from "../console.repository.js";
import { page, refused, type PageContext, type PageKit } from "../console.kit.js";
import { registerProgrammeSettings } from "./programmes.page.js";
import { registerTargetSettings } from "./targets.page.js";

const ROLES = ["coordinator", "member"] as const;

/** Settings: join links (create, revoke, the printable QR sheet), the audit trail; indicators and targets in their own modules. */
export function registerSettings(app: FastifyInstance, kit: PageKit): void {
  const staffOnly = (ctx: PageContext) => ctx.viewer.isStaff;

  app.get("/pengaturan", async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!ctx.viewer.isStaff) return kit.send(reply, refused(ctx, "/pengaturan"), 403);
    const { t } = ctx;
    const body = html`<ul class="settings">
<li><a href="/pengaturan/program">${t("console-settings-programmes")}</a></li>
${ctx.viewer.isAdmin ? html`<li><a href="/pengaturan/target">${t("console-settings-targets")}</a></li>
<li><a href="/pengaturan/target?kind=baseline">${t("console-settings-baselines")}</a></li>` : ""}
<li><a href="/pengaturan/tautan">${t("console-settings-links")}</a></li>
<li><a href="/audit">${t("console-nav-audit")}</a></li>
</ul>`;
    return kit.send(reply, page(ctx, t("console-settings-title"), request.url, body));
  });

  app.get<{ Querystring: { group?: string } }>("/pengaturan/tautan", async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!staffOnly(ctx)) return kit.send(reply, refused(ctx, "/pengaturan/tautan"), 403);
    const { t, lang, deps } = ctx;
    const [programmes, links] = await Promise.all([programmesInView(deps.prisma, null), activeJoinLinks(deps.prisma, deps.clock())]);
    const body = html`
<form class="filters" method="post" action="/pengaturan/tautan">
  <input type="hidden" name="_csrf" value="${ctx.csrf()}">
  <label>${t("console-filter-group")}<select name="group">${programmes.map((p) => html`<optgroup label="${programmeName(lang, p)}">${p.groups.map((g) => html`<option value="${g.id}" ${request.query.group === String(g.id) ? html`selected` : ""}>${g.name}</option>`)}</optgroup>`)}</select></label>
  <label>${t("console-col-role")}<select name="role">${ROLES.map((r) => html`<option value="${r}">${t(`console-role-${r}`)}</option>`)}</select></label>
  <label>${t("console-link-days")}<input type="number" name="days" value="14" min="1" max="365"></label>
  <label>${t("console-link-max-uses")}<input type="number" name="uses" value="30" min="1" max="1000"></label>
  <button type="submit">${t("console-link-create")}</button>
</form>
<p><a href="/pengaturan/tautan/qr">${t("console-links-print")}</a></p>
<div class="table-wrap"><table id="links"><thead><tr><th>${t("console-col-group")}</th><th>${t("console-col-role")}</th><th>${t("console-link-valid")}</th><th class="num">${t("console-link-used")}</th><th></th></tr></thead>
<tbody>${links.map((l) => html`<tr><td>${l.group?.name ?? l.stakeholder?.institution ?? t("console-any-stakeholder")}</td><td>${t(`console-role-${l.role}`)}</td><td>${day(l.expiresAt, lang, deps.config.timeZone)}</td><td class="num">${l.uses}/${l.maxUses}</td>
<td><form method="post" action="/pengaturan/tautan/${l.id}/cabut"><input type="hidden" name="_csrf" value="${ctx.csrf()}"><button type="submit">${t("console-link-revoke")}</button></form></td></tr>`)}</tbody></table></div>`;
    return kit.send(reply, page(ctx, t("console-settings-links"), request.url, body));
  });

  app.post<{ Body: { group?: string; role?: string; days?: string; uses?: string } }>("/pengaturan/tautan", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!staffOnly(ctx)) return kit.send(reply, refused(ctx, "/pengaturan/tautan"), 403);
    const groupId = intParam(request.body.group);
    const role = request.body.role === "coordinator" ? "coordinator" : "member";
    if (groupId === null) return kit.send(reply, refused(ctx, "/pengaturan/tautan"), 400);
    const target: JoinCodeTarget = { kind: "group", groupId, role };
    const result = await createJoinCode(
      { prisma: ctx.deps.prisma, clock: ctx.deps.clock },
      { target, days: intParam(request.body.days) ?? undefined, maxUses: intParam(request.body.uses) ?? undefined, rights: { isStaff: true, personId: ctx.viewer.personId } },
    );
    if (result.kind !== "created") return kit.send(reply, page(ctx, ctx.t("console-settings-links"), request.url, html`<p class="message">${ctx.t(`console-link-${result.kind}`, "min" in result ? { min: result.min, max: result.max } : {})}</p>`), 400);
    return reply.redirect("/pengaturan/tautan", 303);
  });

  app.post<{ Params: { id: string } }>("/pengaturan/tautan/:id/cabut", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!staffOnly(ctx)) return kit.send(reply, refused(ctx, "/pengaturan/tautan"), 403);
    const id = intParam(request.params.id);
    if (id !== null) await revokeJoinCode({ prisma: ctx.deps.prisma, clock: ctx.deps.clock }, { joinCodeId: id, rights: { isStaff: true, personId: ctx.viewer.personId } });
    return reply.redirect("/pengaturan/tautan", 303);
  });

  // The printable A4 sheet: one QR per active group and role, with the group's name under it.
  app.get("/pengaturan/tautan/qr", async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!staffOnly(ctx)) return kit.send(reply, refused(ctx, "/pengaturan/tautan/qr"), 403);
    const { t, deps } = ctx;
    const links = (await activeJoinLinks(deps.prisma, deps.clock())).filter((l) => l.group !== null);
    // The newest usable link per group and role.
    const chosen = new Map<string, (typeof links)[number]>();
    for (const l of links) if (!chosen.has(`${l.group?.id}:${l.role}`)) chosen.set(`${l.group?.id}:${l.role}`, l);
    const cells = await Promise.all(
      [...chosen.values()].map(async (l) => html`<figure class="qr">${trusted(await joinLinkQrSvg(deps.botUsername, l.code))}<figcaption><strong>${l.group?.name ?? ""}</strong><br>${t(`console-role-${l.role}`)}</figcaption></figure>`),
    );
    const body = html`<p class="no-print">${t("console-qr-hint")}</p>${cells.length === 0 ? html`<p class="message">${t("console-links-none")}</p>` : html`<div class="qr-sheet">${cells}</div>`}`;
    return kit.send(reply, page(ctx, t("console-qr-title"), request.url, body));
  });

  app.get("/audit", async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!staffOnly(ctx)) return kit.send(reply, refused(ctx, "/audit"), 403);
    const { t, lang, deps } = ctx;
    const entries = await auditEntries(deps.prisma);
    const body = html`<div class="table-wrap"><table id="audit"><thead><tr><th>${t("console-col-when")}</th><th>${t("console-col-who")}</th><th>${t("console-col-what")}</th><th>${t("console-col-before")}</th><th>${t("console-col-after")}</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td>${when(e.at, lang, deps.config.timeZone)}</td><td>${e.actor?.name ?? e.source}</td><td>${e.entity} #${e.entityId} · ${e.action}</td><td><code>${e.before === null ? "—" : JSON.stringify(e.before)}</code></td><td><code>${e.after === null ? "—" : JSON.stringify(e.after)}</code></td></tr>`)}</tbody></table></div>`;
    return kit.send(reply, page(ctx, t("console-nav-audit"), request.url, body));
  });

  registerTargetSettings(app, kit);
  registerProgrammeSettings(app, kit);
}
