import type { FastifyInstance } from "fastify";
import { buildReportsCsv, buildReportsXlsx } from "../../features/export/export.files.js";
import { html } from "../console.html.js";
import { figure, intParam, label, lastWeeks, programmeName, weekParam, weekShort, when } from "../console.format.js";
import { membersOf, programmesInView, reportsPage, reportVersions, type ReportQuery } from "../console.repository.js";
import { page, refused, type PageContext, type PageKit } from "../console.kit.js";
import { canSeeGroup } from "../console.viewer.js";

const PAGE_SIZE = 50;

type Filters = { programme?: string; group?: string; member?: string; from?: string; to?: string; page?: string };

/** The filter of the reports table, limited to what the viewer may see (a coordinator: their groups only). */
function readFilters(ctx: PageContext, q: Filters) {
  const zone = ctx.deps.config.timeZone;
  const recent = lastWeeks(ctx.deps.clock(), zone, 12);
  const from = weekParam(q.from, zone, recent[0]!);
  const to = weekParam(q.to, zone, recent[recent.length - 1]!);
  const groupId = intParam(q.group);
  const own = ctx.viewer.isStaff ? null : ctx.viewer.coordinatorGroupIds;
  const groupIds = groupId !== null ? [groupId] : own;
  const allowed = groupId === null || canSeeGroup(ctx.viewer, groupId);
  const query: ReportQuery = {
    programmeId: intParam(q.programme),
    groupIds,
    memberId: intParam(q.member),
    firstWeekStartDate: from.startDate <= to.startDate ? from.startDate : to.startDate,
    lastWeekStartDate: from.startDate <= to.startDate ? to.startDate : from.startDate,
    page: Math.max(1, intParam(q.page) ?? 1),
    pageSize: PAGE_SIZE,
  };
  return { query, from, to, allowed };
}

function queryString(q: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (typeof v === "string" && v !== "") params.set(k, v);
  return params.toString();
}

export function registerReports(app: FastifyInstance, kit: PageKit): void {
  app.get<{ Querystring: Filters }>("/laporan", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps } = ctx;
    const { query, from, to, allowed } = readFilters(ctx, request.query);
    if (!allowed) return kit.send(reply, refused(ctx, "/laporan"), 403);
    const own = ctx.viewer.isStaff ? null : ctx.viewer.coordinatorGroupIds;
    const [programmes, members, { total, rows }] = await Promise.all([programmesInView(deps.prisma, own), membersOf(deps.prisma, query.groupIds), reportsPage(deps.prisma, query)]);
    const indicators = new Map(programmes.flatMap((p) => p.indicators.map((i) => [i.id, i] as const)));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const q = request.query;
    const body = html`
<form class="filters" method="get" action="/laporan">
  <label>${t("console-filter-programme")}<select name="programme"><option value="">${t("console-filter-all")}</option>${programmes.map((p) => html`<option value="${p.id}" ${query.programmeId === p.id ? html`selected` : ""}>${programmeName(lang, p)}</option>`)}</select></label>
  <label>${t("console-filter-group")}<select name="group"><option value="">${t("console-filter-all")}</option>${programmes.flatMap((p) => p.groups).map((g) => html`<option value="${g.id}" ${q.group === String(g.id) ? html`selected` : ""}>${g.name}</option>`)}</select></label>
  <label>${t("console-filter-member")}<select name="member"><option value="">${t("console-filter-all")}</option>${members.map((m) => html`<option value="${m.id}" ${query.memberId === m.id ? html`selected` : ""}>${m.name ?? `#${m.id}`}</option>`)}</select></label>
  <label>${t("console-filter-from")}<input type="week" name="from" value="${from.key}"></label>
  <label>${t("console-filter-to")}<input type="week" name="to" value="${to.key}"></label>
  <button type="submit">${t("console-filter-apply")}</button>
  <a href="/laporan.xlsx?${queryString(q)}">${t("console-download-xlsx")}</a>
  <a href="/laporan.csv?${queryString(q)}">${t("console-download-csv")}</a>
</form>
<p class="muted">${t("console-reports-count", { total, page: query.page, pages })}</p>
<div class="table-wrap"><table id="reports">
<thead><tr><th>${t("console-col-week")}</th><th>${t("console-col-group")}</th><th>${t("console-col-member")}</th><th>${t("console-col-values")}</th><th>${t("console-col-submitted")}</th><th>${t("console-col-versions")}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr>
  <td>${weekShort(r.weekStart, lang)}</td><td><a href="/kelompok/${r.group.id}">${r.group.name}</a></td><td>${r.member.name ?? t("console-erased")}</td>
  <td>${r.values.map((v) => {
    const indicator = indicators.get(v.indicatorId);
    return indicator ? html`<div>${label(lang, indicator)}: ${figure(t, v.value.toString(), indicator.unit, indicator.decimals)}</div>` : "";
  })}${r.obstacle ? html`<div class="muted">${t("console-obstacle")}: ${r.obstacle}</div>` : ""}</td>
  <td>${when(r.submittedAt, lang, deps.config.timeZone)}${r.submittedBy.id !== r.member.id ? html`<br><span class="muted">${t("console-submitted-by", { name: r.submittedBy.name ?? "—" })}</span>` : ""}</td>
  <td class="num">${r.version > 1 ? html`<a href="/laporan/${r.id}">${r.version}</a>` : "1"}</td>
</tr>`)}</tbody></table></div>
<p>${query.page > 1 ? html`<a href="/laporan?${queryString(q, { page: String(query.page - 1) })}">← ${t("console-prev")}</a> ` : ""}${query.page < pages ? html`<a href="/laporan?${queryString(q, { page: String(query.page + 1) })}">${t("console-next")} →</a>` : ""}</p>`;
    return kit.send(reply, page(ctx, t("console-reports-title"), request.url, body));
  });

  app.get<{ Params: { id: string } }>("/laporan/:id", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps } = ctx;
    const id = intParam(request.params.id);
    const data = id === null ? null : await reportVersions(deps.prisma, id);
    if (!data || !canSeeGroup(ctx.viewer, data.groupId)) return kit.send(reply, refused(ctx, "/laporan"), 404);
    const body = html`${data.versions.map((v) => html`<div class="card">
  <h3>${t("console-version", { version: v.version })} ${v.current ? html`<span class="pill">${t("console-current")}</span>` : ""}</h3>
  <p class="muted">${v.group.name} · ${v.member.name ?? t("console-erased")} · ${weekShort(data.weekStart, lang)} · ${when(v.submittedAt, lang, deps.config.timeZone)} · ${t("console-submitted-by", { name: v.submittedBy.name ?? "—" })}</p>
  <ul>${v.values.map((x) => html`<li>${label(lang, x.indicator)}: ${figure(t, x.value.toString(), x.indicator.unit, x.indicator.decimals)}</li>`)}</ul>
  ${v.note ? html`<p>${t("console-note")}: ${v.note}</p>` : ""}${v.obstacle ? html`<p>${t("console-obstacle")}: ${v.obstacle}</p>` : ""}
</div>`)}`;
    return kit.send(reply, page(ctx, t("console-versions-title"), request.url, body));
  });

  // Downloads: exactly the filtered view, in the formats of /ekspor.
  for (const format of ["xlsx", "csv"] as const) {
    app.get<{ Querystring: Filters }>(`/laporan.${format}`, async (request, reply) => {
      const ctx = kit.context(request, reply);
      const { query, allowed } = readFilters(ctx, request.query);
      if (!allowed) return kit.send(reply, refused(ctx, "/laporan"), 403);
      const filter = {
        firstWeekStartDate: query.firstWeekStartDate,
        lastWeekStartDate: query.lastWeekStartDate,
        programmeIds: query.programmeId !== null ? [query.programmeId] : null,
        groupIds: query.groupIds,
        memberIds: query.memberId !== null ? [query.memberId] : null,
      };
      const name = `laporan-${query.firstWeekStartDate}-${query.lastWeekStartDate}`;
      if (format === "xlsx") {
        const { bytes } = await buildReportsXlsx(ctx.deps.prisma, filter, ctx.deps.config.timeZone);
        return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", `attachment; filename="${name}.xlsx"`).send(bytes);
      }
      const files = await buildReportsCsv(ctx.deps.prisma, filter, ctx.deps.config.timeZone);
      // A CSV holds one programme (each has its own indicator columns): with several in view, ask for one.
      const [file, ...more] = files;
      if (!file || more.length > 0) return kit.send(reply, page(ctx, ctx.t("console-reports-title"), request.url, html`<p class="message">${ctx.t("console-csv-one-programme")}</p>`), 400);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}-${file.programme.code}.csv"`).send(file.bytes);
    });
  }
}
