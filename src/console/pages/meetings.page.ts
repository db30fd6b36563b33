import type { FastifyInstance } from "fastify";
import { html } from "../console.html.js";
import { day, intParam, when } from "../console.format.js";
import { meetingDetail, meetingsList } from "../console.repository.js";
import { page, refused, type PageKit } from "../console.kit.js";

const ANSWERS = ["yes", "no", "maybe", null] as const;
const answerKey = (a: (typeof ANSWERS)[number]) => `console-answer-${a ?? "none"}`;

/** Meetings: the list, and one meeting's tally by group and institution, reasons, attendance, input and notulen. */
export function registerMeetings(app: FastifyInstance, kit: PageKit): void {
  app.get("/rapat", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps } = ctx;
    const meetings = await meetingsList(deps.prisma, ctx.viewer.isStaff ? null : ctx.viewer.coordinatorGroupIds);
    const body = html`<div class="table-wrap"><table id="meetings">
<thead><tr><th>${t("console-col-when")}</th><th>${t("console-col-title")}</th><th>${t("console-col-place")}</th><th class="num">${t("console-col-invited")}</th><th>${t("console-col-status")}</th></tr></thead>
<tbody>${meetings.map((m) => html`<tr><td>${when(m.startsAt, lang, deps.config.timeZone)}</td><td><a href="/rapat/${m.id}">${m.title}</a></td><td>${m.place}</td><td class="num">${m._count.invitations}</td><td>${t(`console-meeting-${m.status}`)}</td></tr>`)}</tbody>
</table></div>`;
    return kit.send(reply, page(ctx, t("console-meetings-title"), request.url, body));
  });

  app.get<{ Params: { id: string } }>("/rapat/:id", async (request, reply) => {
    const ctx = kit.context(request, reply);
    const { t, lang, deps } = ctx;
    const id = intParam(request.params.id);
    const meeting = id === null ? null : await meetingDetail(deps.prisma, id);
    const visible = meeting && (ctx.viewer.isStaff || meeting.invitations.some((i) => i.group && ctx.viewer.coordinatorGroupIds.includes(i.group.id)));
    if (!meeting || !visible) return kit.send(reply, refused(ctx, "/rapat"), 404);
    // By group, or by institution for stakeholders.
    const buckets = new Map<string, { name: string; counts: Map<string, number> }>();
    for (const inv of meeting.invitations) {
      const key = inv.group ? `g${inv.group.id}` : inv.stakeholder ? `s${inv.stakeholder.id}` : "other";
      const name = inv.group?.name ?? inv.stakeholder?.institution ?? t("console-other");
      const bucket = buckets.get(key) ?? { name, counts: new Map<string, number>() };
      bucket.counts.set(String(inv.answer), (bucket.counts.get(String(inv.answer)) ?? 0) + 1);
      buckets.set(key, bucket);
    }
    const present = meeting.invitations.filter((i) => i.checkedInAt !== null);
    const reasons = meeting.invitations.filter((i) => i.reason);
    const body = html`
<p>${when(meeting.startsAt, lang, deps.config.timeZone)} · ${meeting.place} · ${t(`console-meeting-${meeting.status}`)}</p>
${meeting.agenda ? html`<p class="muted">${meeting.agenda}</p>` : ""}
<h2>${t("console-tally")}</h2>
<div class="table-wrap"><table id="tally"><thead><tr><th>${t("console-col-group-or-institution")}</th>${ANSWERS.map((a) => html`<th class="num">${t(answerKey(a))}</th>`)}</tr></thead>
<tbody>${[...buckets.values()].map((b) => html`<tr><td>${b.name}</td>${ANSWERS.map((a) => html`<td class="num">${b.counts.get(String(a)) ?? 0}</td>`)}</tr>`)}</tbody></table></div>
<h2>${t("console-reasons")}</h2>
${reasons.length === 0 ? html`<p class="muted">—</p>` : html`<ul>${reasons.map((i) => html`<li>${i.person.name ?? t("console-erased")} (${i.group?.name ?? i.stakeholder?.institution ?? ""}): ${i.reason}</li>`)}</ul>`}
<h2>${t("console-attendance", { count: present.length })}</h2>
${present.length === 0 ? html`<p class="muted">—</p>` : html`<ol>${present.map((i) => html`<li>${i.person.name ?? t("console-erased")} — ${i.group?.name ?? i.stakeholder?.institution ?? ""}</li>`)}</ol>`}
<h2>${t("console-input")}</h2>
${meeting.inputs.length === 0 ? html`<p class="muted">—</p>` : html`<ul>${meeting.inputs.map((i) => html`<li><strong>${t(`console-input-${i.topic}`)}</strong> — ${i.person.name ?? t("console-erased")}: ${i.text}</li>`)}</ul>`}
<h2>${t("console-notes")}</h2>
${meeting.notes ? html`<p class="muted">${meeting.notesAt ? day(meeting.notesAt, lang, deps.config.timeZone) : ""}</p><pre class="notes">${meeting.notes}</pre>` : html`<p class="muted">${t("console-notes-none")}</p>`}`;
    return kit.send(reply, page(ctx, meeting.title, request.url, body));
  });
}
