import type { FastifyInstance } from "fastify";
import { applyYearly, MAX_PLAN_YEAR, MIN_PLAN_YEAR, readYearlyValue, type YearlyChange } from "../../features/target/target.service.js";
import { activeProgrammes, listYearly, type PlanProgramme } from "../../features/target/target.repository.js";
import { formatNumber } from "../../lib/number-format.js";
import { html } from "../console.html.js";
import { intParam, label, programmeName } from "../console.format.js";
import { page, refused, type PageContext, type PageKit } from "../console.kit.js";

type GridQuery = { programme?: string; year?: string; kind?: string };
type CellError = { groupId: number; indicatorId: number; raw: string; problem: string };

const cellName = (groupId: number, indicatorId: number) => `v_${groupId}_${indicatorId}`;

/**
 * The targets grid of a programme-year (and, with kind=baseline, the figures of an earlier
 * year): one row per group, one column per indicator, editable cells. A block copied from
 * Excel can be pasted into the box under the grid (rows = groups, columns = indicators, in
 * the grid's order), or into a cell (console.js spreads it over the cells). Saving goes through
 * the same service as /target and the XLSX import, so every change lands in the audit table.
 */
export function registerTargetSettings(app: FastifyInstance, kit: PageKit): void {
  const load = async (ctx: PageContext, q: GridQuery) => {
    const programmes = await activeProgrammes(ctx.deps.prisma);
    const programme = programmes.find((p) => p.id === intParam(q.programme)) ?? programmes[0] ?? null;
    const thisYear = ctx.deps.clock().getUTCFullYear();
    const asked = intParam(q.year);
    const year = asked !== null && asked >= MIN_PLAN_YEAR && asked <= MAX_PLAN_YEAR ? asked : thisYear;
    const kind = q.kind === "baseline" ? ("baseline" as const) : ("target" as const);
    return { programmes, programme, year, kind };
  };

  const render = async (ctx: PageContext, path: string, q: GridQuery, errors: CellError[] = [], saved: number | null = null) => {
    const { t, lang } = ctx;
    const { programmes, programme, year, kind } = await load(ctx, q);
    if (!programme) return page(ctx, t("console-settings-targets"), path, html`<p class="message">${t("console-targets-no-programme")}</p>`);
    const stored = await listYearly(ctx.deps.prisma, kind, { groupIds: programme.groups.map((g) => g.id), years: [year] });
    const value = new Map(stored.map((r) => [cellName(r.groupId, r.indicatorId), r.value]));
    const failed = new Map(errors.map((e) => [cellName(e.groupId, e.indicatorId), e]));
    const decimalsOf = new Map(programme.indicators.map((i) => [i.id, i.decimals]));
    const shown = (groupId: number, indicatorId: number) => {
      const name = cellName(groupId, indicatorId);
      const error = failed.get(name);
      if (error) return error.raw;
      const v = value.get(name);
      return v === undefined ? "" : formatNumber(v, decimalsOf.get(indicatorId));
    };
    const body = html`
<form class="filters" method="get" action="/pengaturan/target">
  <label>${t("console-filter-programme")}<select name="programme">${programmes.map((p) => html`<option value="${p.id}" ${p.id === programme.id ? html`selected` : ""}>${programmeName(lang, p)}</option>`)}</select></label>
  <label>${t("console-filter-year")}<input type="number" name="year" min="${MIN_PLAN_YEAR}" max="${MAX_PLAN_YEAR}" value="${year}"></label>
  <label>${t("console-targets-kind")}<select name="kind"><option value="target" ${kind === "target" ? html`selected` : ""}>${t("console-targets-kind-target")}</option><option value="baseline" ${kind === "baseline" ? html`selected` : ""}>${t("console-targets-kind-baseline")}</option></select></label>
  <button type="submit">${t("console-filter-apply")}</button>
</form>
${saved !== null ? html`<p class="message" id="saved">${t("console-targets-saved", { changed: saved })}</p>` : ""}
${errors.length > 0 ? html`<div class="message" id="errors"><p>${t("console-targets-errors")}</p><ul>${errors.map((e) => html`<li>${e.problem}</li>`)}</ul></div>` : ""}
<form method="post" action="/pengaturan/target?programme=${programme.id}&year=${year}&kind=${kind}">
<input type="hidden" name="_csrf" value="${ctx.csrf()}">
<div class="table-wrap"><table id="targets" data-paste-grid>
<thead><tr><th>${t("console-col-group")}</th>${programme.indicators.map((i) => html`<th>${label(lang, i)} (${i.unit === "rupiah" ? "Rp" : t(`unit-${i.unit}`)})</th>`)}</tr></thead>
<tbody>${programme.groups.map((g) => html`<tr><th>${g.name}</th>${programme.indicators.map((i) => html`<td${failed.has(cellName(g.id, i.id)) ? html` class="cell none"` : ""}><input name="${cellName(g.id, i.id)}" value="${shown(g.id, i.id)}" inputmode="decimal" size="10" aria-label="${g.name} — ${label(lang, i)}"></td>`)}</tr>`)}</tbody>
</table></div>
<p><label>${t("console-targets-paste")}<br><textarea name="paste" rows="4" cols="60" placeholder="${t("console-targets-paste-hint")}"></textarea></label></p>
<p><button type="submit">${t("console-targets-save")}</button></p>
</form>
<script src="/static/console.js" defer></script>`;
    return page(ctx, t(kind === "target" ? "console-settings-targets" : "console-settings-baselines"), path, body);
  };

  app.get<{ Querystring: GridQuery }>("/pengaturan/target", async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!ctx.viewer.isAdmin) return kit.send(reply, refused(ctx, "/pengaturan/target"), 403);
    return kit.send(reply, await render(ctx, request.url, request.query));
  });

  app.post<{ Querystring: GridQuery; Body: Record<string, string | undefined> }>("/pengaturan/target", { preValidation: kit.csrf }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    if (!ctx.viewer.isAdmin) return kit.send(reply, refused(ctx, "/pengaturan/target"), 403);
    const { programme, year, kind } = await load(ctx, request.query);
    if (!programme) return kit.send(reply, refused(ctx, "/pengaturan/target"), 400);
    const cells = cellsOf(programme, request.body);
    const { changes, errors } = readCells(ctx, programme, year, cells);
    if (errors.length > 0) return kit.send(reply, await render(ctx, request.url, request.query, errors), 400);
    const applied = await applyYearly({ prisma: ctx.deps.prisma, clock: ctx.deps.clock }, kind, changes, { actorId: ctx.viewer.personId, source: "console" });
    return kit.send(reply, await render(ctx, request.url, request.query, [], applied.changed));
  });
}

/** The typed cells, with a pasted block (tab-separated rows) laid over them from the first group and indicator. */
export function cellsOf(programme: PlanProgramme, body: Record<string, string | undefined>): Map<string, { groupId: number; indicatorId: number; raw: string }> {
  const cells = new Map<string, { groupId: number; indicatorId: number; raw: string }>();
  // Only the cells of this programme's groups and indicators are read: ids of other programmes' rows in a forged form are ignored.
  for (const g of programme.groups) for (const i of programme.indicators) cells.set(cellName(g.id, i.id), { groupId: g.id, indicatorId: i.id, raw: (body[cellName(g.id, i.id)] ?? "").trim() });
  const paste = body.paste ?? "";
  if (paste.trim() !== "") {
    paste.replace(/\r/g, "").split("\n").filter((line) => line.trim() !== "").forEach((line, r) => {
      const group = programme.groups[r];
      line.split("\t").forEach((raw, c) => {
        const indicator = programme.indicators[c];
        if (group && indicator) cells.set(cellName(group.id, indicator.id), { groupId: group.id, indicatorId: indicator.id, raw: raw.trim() });
      });
    });
  }
  return cells;
}

function readCells(ctx: PageContext, programme: PlanProgramme, year: number, cells: ReturnType<typeof cellsOf>): { changes: YearlyChange[]; errors: CellError[] } {
  const changes: YearlyChange[] = [];
  const errors: CellError[] = [];
  const groups = new Map(programme.groups.map((g) => [g.id, g]));
  const indicators = new Map(programme.indicators.map((i) => [i.id, i]));
  for (const cell of cells.values()) {
    const indicator = indicators.get(cell.indicatorId)!;
    const reading = readYearlyValue(cell.raw, indicator);
    if (reading.kind === "empty") continue; // an empty cell leaves the stored figure as it is
    if (reading.kind === "ok") {
      changes.push({ groupId: cell.groupId, indicatorId: cell.indicatorId, year, value: reading.value });
      continue;
    }
    const where = { group: groups.get(cell.groupId)?.name ?? "", indicator: label(ctx.lang, indicator), value: cell.raw };
    const problem =
      reading.kind === "ambiguous"
        ? ctx.t("console-targets-ambiguous", { ...where, first: formatNumber(reading.readings[0]), second: formatNumber(reading.readings[1]) })
        : reading.kind === "invalid"
          ? ctx.t(`console-targets-${reading.issue}`, { ...where, decimals: indicator.decimals })
          : ctx.t("console-targets-unreadable", where);
    errors.push({ ...cell, problem });
  }
  return { changes, errors };
}
