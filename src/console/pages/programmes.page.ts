import type { FastifyInstance, FastifyReply } from "fastify";
import {
  addGroup,
  listProgrammes,
  listStakeholders,
  renameGroup,
  setActive,
  updateIndicator,
  type ChangeActor,
  type ChangeResult,
  type ProgrammeDeps,
  type Switchable,
} from "../../features/programme/programme.service.js";
import { html, type Html } from "../console.html.js";
import { intParam, programmeName } from "../console.format.js";
import { page, refused, type PageContext, type PageKit } from "../console.kit.js";

const REPORTERS = ["member", "group"] as const;
const AGGREGATIONS = ["sum", "latest", "max"] as const;
const SWITCHABLE: readonly Switchable[] = ["group", "programme", "indicator", "stakeholder"];

type Form = Record<string, string | undefined>;

/**
 * Pengaturan for programmes: programmes and their groups (add, rename, deactivate, reactivate),
 * indicators (labels, bounds, order, required, who reports it and how it adds up; deactivate)
 * and stakeholders. Every change goes through the programme service the bot's /kelola and the
 * CLI use, which checks the person's rights again and writes the audit entry.
 */
export function registerProgrammeSettings(app: FastifyInstance, kit: PageKit): void {
  const deps = (ctx: PageContext): ProgrammeDeps => ({ prisma: ctx.deps.prisma, clock: ctx.deps.clock, adminTelegramIds: ctx.deps.config.adminTelegramIds });
  const actor = (ctx: PageContext): ChangeActor => ({ source: "console", personId: ctx.viewer.personId });
  const hidden = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf()}">`;

  const render = async (ctx: PageContext, path: string, notice: Html | null = null, status = 200) => {
    const { t, lang } = ctx;
    const [programmes, stakeholders] = await Promise.all([listProgrammes(deps(ctx)), listStakeholders(deps(ctx))]);
    const toggle = (entity: Switchable, id: number, active: boolean) =>
      html`<form class="inline" method="post" action="/pengaturan/program/aktif">${hidden(ctx)}<input type="hidden" name="entity" value="${entity}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="active" value="${active ? "0" : "1"}"><button type="submit">${t(active ? "console-deactivate" : "console-reactivate")}</button></form>`;
    const body = html`${notice ?? ""}
${programmes.map((p) => html`<section class="card" data-programme="${p.code}">
<h2>${programmeName(lang, p)} ${p.active ? "" : html`<span class="pill">${t("console-inactive")}</span>`} ${ctx.viewer.isAdmin ? toggle("programme", p.id, p.active) : ""}</h2>
<h3>${t("console-groups")}</h3>
<div class="table-wrap"><table><thead><tr><th>${t("console-col-group")}</th><th>${t("console-kelurahan")}</th><th>${t("console-col-status")}</th><th></th></tr></thead><tbody>
${p.groups.map((g) => html`<tr data-group="${g.code}"><td><form class="inline" method="post" action="/pengaturan/kelompok/${g.id}/nama">${hidden(ctx)}<input name="name" value="${g.name}" aria-label="${t("console-group-name")}"><button type="submit">${t("console-rename")}</button></form></td><td>${g.kelurahan}</td><td>${t(g.active ? "console-status-active" : "console-inactive")}</td><td>${toggle("group", g.id, g.active)}</td></tr>`)}
</tbody></table></div>
${p.active ? html`<form class="filters" method="post" action="/pengaturan/kelompok">${hidden(ctx)}<input type="hidden" name="programme" value="${p.id}"><label>${t("console-group-name")}<input name="name" required></label><label>${t("console-kelurahan")}<input name="kelurahan" required></label><button type="submit">${t("console-group-add")}</button></form>` : ""}
<h3>${t("console-settings-indicators")}</h3>
<div class="table-wrap"><table class="indicators"><thead><tr><th>${t("console-ind-label-id")}</th><th>${t("console-ind-label-en")}</th><th>${t("console-ind-min")}</th><th>${t("console-ind-max")}</th><th>${t("console-ind-order")}</th><th>${t("console-ind-required")}</th><th>${t("console-ind-reported-by")}</th><th>${t("console-ind-aggregation")}</th><th></th><th></th></tr></thead><tbody>
${p.indicators.map((i) => {
  const form = `ind-${i.id}`;
  return html`<tr data-indicator="${i.code}">
<td><input form="${form}" name="labelId" value="${i.labelId}" size="22" ${ctx.viewer.isAdmin ? "" : html`disabled`}></td>
<td><input form="${form}" name="labelEn" value="${i.labelEn}" size="22" ${ctx.viewer.isAdmin ? "" : html`disabled`}></td>
<td><input form="${form}" name="minValue" value="${i.minValue.toFixed()}" size="6" inputmode="decimal"></td>
<td><input form="${form}" name="maxValue" value="${i.maxValue.toFixed()}" size="8" inputmode="decimal"></td>
<td><input form="${form}" name="position" value="${i.position}" size="3" inputmode="numeric"></td>
<td><input form="${form}" type="checkbox" name="required" value="1" ${i.required ? html`checked` : ""}></td>
<td><select form="${form}" name="reportedBy">${REPORTERS.map((r) => html`<option value="${r}" ${i.reportedBy === r ? html`selected` : ""}>${t(`console-reporter-${r}`)}</option>`)}</select></td>
<td><select form="${form}" name="aggregation">${AGGREGATIONS.map((a) => html`<option value="${a}" ${i.aggregation === a ? html`selected` : ""}>${t(`console-aggregation-${a}`)}</option>`)}</select></td>
<td><form id="${form}" method="post" action="/pengaturan/indikator/${i.id}">${hidden(ctx)}<button type="submit">${t("console-save")}</button></form></td>
<td>${i.active ? "" : html`<span class="pill">${t("console-inactive")}</span> `}${toggle("indicator", i.id, i.active)}</td></tr>`;
})}
</tbody></table></div>
<p class="muted">${t("console-ind-help")}</p>
</section>`)}
<h2>${t("console-stakeholders")}</h2>
<div class="table-wrap"><table><tbody>${stakeholders.map((s) => html`<tr><td>${s.institution}</td><td>${t(s.active ? "console-status-active" : "console-inactive")}</td><td>${toggle("stakeholder", s.id, s.active)}</td></tr>`)}</tbody></table></div>`;
    return page(ctx, t("console-settings-programmes"), path, body);
  };

  /** Shows the page again with what the change did. */
  const after = async (ctx: PageContext, reply: FastifyReply, result: ChangeResult<object>) => {
    if (result.kind === "forbidden") return kit.send(reply, refused(ctx, "/pengaturan/program"), 403);
    const key = result.kind === "invalid" ? `console-change-invalid-${result.issue}` : `console-change-${result.kind}`;
    const notice = html`<p class="message" id="notice" data-result="${result.kind}">${ctx.t(key)}</p>`;
    return kit.send(reply, await render(ctx, "/pengaturan/program", notice), result.kind === "invalid" || result.kind === "not-found" ? 400 : 200);
  };

  const staffGuard = (ctx: PageContext, reply: FastifyReply) => (ctx.viewer.isStaff ? null : kit.send(reply, refused(ctx, "/pengaturan/program"), 403));

  app.get("/pengaturan/program", async (request, reply) => {
    const ctx = kit.context(request, reply);
    return staffGuard(ctx, reply) ?? kit.send(reply, await render(ctx, request.url));
  });

  app.post<{ Body: Form }>("/pengaturan/program/aktif", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const entity = SWITCHABLE.find((e) => e === request.body.entity);
    const id = intParam(request.body.id);
    if (!entity || id === null) return kit.send(reply, refused(ctx, "/pengaturan/program"), 400);
    return after(ctx, reply, await setActive(deps(ctx), actor(ctx), entity, id, request.body.active === "1"));
  });

  app.post<{ Body: Form }>("/pengaturan/kelompok", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const programmeId = intParam(request.body.programme);
    if (programmeId === null) return kit.send(reply, refused(ctx, "/pengaturan/program"), 400);
    return after(ctx, reply, await addGroup(deps(ctx), actor(ctx), { programmeId, name: request.body.name ?? "", kelurahan: request.body.kelurahan ?? "" }));
  });

  app.post<{ Params: { id: string }; Body: Form }>("/pengaturan/kelompok/:id/nama", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const id = intParam(request.params.id);
    if (id === null) return kit.send(reply, refused(ctx, "/pengaturan/program"), 400);
    return after(ctx, reply, await renameGroup(deps(ctx), actor(ctx), id, request.body.name ?? ""));
  });

  app.post<{ Params: { id: string }; Body: Form }>("/pengaturan/indikator/:id", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const id = intParam(request.params.id);
    if (id === null) return kit.send(reply, refused(ctx, "/pengaturan/program"), 400);
    const b = request.body;
    const reportedBy = REPORTERS.find((r) => r === b.reportedBy);
    const aggregation = AGGREGATIONS.find((a) => a === b.aggregation);
    const position = b.position !== undefined && /^-?\d{1,6}$/.test(b.position.trim()) ? Number(b.position.trim()) : undefined;
    const result = await updateIndicator(deps(ctx), actor(ctx), id, {
      ...(b.labelId !== undefined && { labelId: b.labelId }),
      ...(b.labelEn !== undefined && { labelEn: b.labelEn }),
      ...(b.minValue !== undefined && { minValue: b.minValue.trim().replace(",", ".") }),
      ...(b.maxValue !== undefined && { maxValue: b.maxValue.trim().replace(",", ".") }),
      ...(position !== undefined && { position }),
      required: b.required === "1",
      ...(reportedBy && { reportedBy }),
      ...(aggregation && { aggregation }),
    });
    return after(ctx, reply, result);
  });
}

