import { InlineKeyboard } from "grammy";
import type { ConversationContext } from "../../bot/context.js";
import { buttonData, closeKeyboard, MAX_ROUNDS, newNonce, waitForAnswer, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import { IndicatorAggregation, IndicatorReporter } from "../../generated/prisma/enums.js";
import {
  addGroup,
  groupMembers,
  listProgrammes,
  listStakeholders,
  removeMember,
  renameGroup,
  setActive,
  setMemberRole,
  updateIndicator,
  type ChangeActor,
  type ChangeResult,
  type ProgrammeDeps,
} from "./programme.service.js";
import type { IndicatorPatch } from "./programme.rules.js";

/**
 * /kelola (staff): groups, members, stakeholders; for admins also programmes and indicators.
 * A menu of buttons; every change goes through programme.service, which checks the presser's
 * rights in the database again and audits it. Lists show inactive rows too (to reactivate).
 */
export const PROGRAMME_CONVERSATION = "programme-manage";

type Io = { conversation: BotConversation; ctx: ConversationContext; tag: () => string };
type Button = { label: string; action: Array<string | number> };

const AGGREGATIONS = Object.values(IndicatorAggregation);

export function createProgrammeConversation(deps: ProgrammeDeps) {
  return async function manage(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const nonce = await newNonce(conversation);
    let step = 0;
    const io: Io = { conversation, ctx, tag: () => `${nonce}.${++step}` };
    const who = await conversation.external((outer) => ({ telegramId: String(outer.from?.id ?? 0), isAdmin: outer.actor?.isAdmin ?? false }));
    const actor: ChangeActor = { source: "bot", telegramId: BigInt(who.telegramId) };

    for (let round = 0; round < MAX_ROUNDS; round++) {
      const top: Button[] = [
        { label: io.ctx.t("kelola-groups"), action: ["groups"] },
        { label: io.ctx.t("kelola-stakeholders"), action: ["stakeholders"] },
        ...(who.isAdmin
          ? [
              { label: io.ctx.t("kelola-programmes"), action: ["programmes"] },
              { label: io.ctx.t("kelola-indicators"), action: ["indicators"] },
            ]
          : []),
        { label: io.ctx.t("kelola-finish"), action: ["finish"] },
      ];
      const [choice] = await choose(io, io.ctx.t("kelola-menu"), top);
      if (choice === "finish") break;
      const message =
        choice === "groups" ? await manageGroups(io, deps, actor)
        : choice === "stakeholders" ? await manageStakeholders(io, deps, actor)
        : choice === "programmes" ? await manageProgrammes(io, deps, actor)
        : await manageIndicators(io, deps, actor);
      if (message) await io.ctx.reply(message);
    }
    await io.ctx.reply(io.ctx.t("kelola-bye"));
  };
}

/** Shows buttons (one per row, then Kembali) and waits for one of them; returns its action. */
async function choose(io: Io, text: string, buttons: Button[], back = false): Promise<string[]> {
  const tag = io.tag();
  const keyboard = new InlineKeyboard();
  for (const b of buttons) keyboard.text(b.label, buttonData(tag, ...b.action)).row();
  if (back) keyboard.text(io.ctx.t("common-back"), buttonData(tag, "back"));
  await io.ctx.reply(text, { reply_markup: keyboard });
  const pressed = await waitForButton(io.conversation, tag, { key: "kelola-hint" });
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  return pressed.action;
}

/** A typed answer, or null when Kembali was pressed. */
async function ask(io: Io, text: string): Promise<string | null> {
  const tag = io.tag();
  await io.ctx.reply(text, { reply_markup: new InlineKeyboard().text(io.ctx.t("common-back"), buttonData(tag, "back")) });
  const answer = await waitForAnswer(io.conversation, tag, { key: "kelola-type-hint" });
  io.ctx = answer.ctx;
  if (answer.kind === "button") {
    await closeKeyboard(answer.ctx);
    return null;
  }
  return answer.text;
}

function outcome(io: Io, result: ChangeResult): string {
  if (result.kind === "invalid") return io.ctx.t(`kelola-invalid-${result.issue}`);
  return io.ctx.t(`kelola-result-${result.kind}`);
}

const mark = (io: Io, name: string, active: boolean) => (active ? name : io.ctx.t("kelola-inactive", { name }));
const run = <T>(io: Io, work: () => Promise<T>) => io.conversation.external(work);

async function manageGroups(io: Io, deps: ProgrammeDeps, actor: ChangeActor): Promise<string | null> {
  const programmes = await run(io, () => listProgrammes(deps).then((ps) => ps.map((p) => ({ id: p.id, name: p.name, active: p.active, groups: p.groups }))));
  const groups = programmes.flatMap((p) => p.groups);
  const [action, arg] = await choose(
    io,
    io.ctx.t("kelola-choose-group"),
    [...groups.map((g) => ({ label: mark(io, g.name, g.active), action: ["g", g.id] })), { label: io.ctx.t("kelola-add-group"), action: ["add"] }],
    true,
  );
  if (action === "back") return null;
  if (action === "add") {
    const [pAction, pArg] = await choose(io, io.ctx.t("kelola-choose-programme"), programmes.filter((p) => p.active).map((p) => ({ label: p.name, action: ["p", p.id] })), true);
    if (pAction === "back") return null;
    const name = await ask(io, io.ctx.t("kelola-ask-group-name"));
    if (name === null) return null;
    const kelurahan = await ask(io, io.ctx.t("kelola-ask-kelurahan"));
    if (kelurahan === null) return null;
    const added = await run(io, () => addGroup(deps, actor, { programmeId: Number(pArg), name, kelurahan }));
    return added.kind === "changed" ? io.ctx.t("kelola-group-added", { code: added.code }) : outcome(io, added);
  }
  const group = groups.find((g) => g.id === Number(arg));
  if (!group) return null;
  const [gAction] = await choose(
    io,
    io.ctx.t("kelola-group", { name: group.name, kelurahan: group.kelurahan, code: group.code, state: io.ctx.t(group.active ? "kelola-state-active" : "kelola-state-inactive") }),
    [
      { label: io.ctx.t("kelola-rename"), action: ["rename"] },
      { label: io.ctx.t(group.active ? "kelola-deactivate" : "kelola-reactivate"), action: ["toggle"] },
      { label: io.ctx.t("kelola-members"), action: ["members"] },
    ],
    true,
  );
  if (gAction === "rename") {
    const name = await ask(io, io.ctx.t("kelola-ask-group-name"));
    return name === null ? null : outcome(io, await run(io, () => renameGroup(deps, actor, group.id, name)));
  }
  if (gAction === "toggle") return outcome(io, await run(io, () => setActive(deps, actor, "group", group.id, !group.active)));
  if (gAction === "members") return manageMembers(io, deps, actor, group.id);
  return null;
}

async function manageMembers(io: Io, deps: ProgrammeDeps, actor: ChangeActor, groupId: number): Promise<string | null> {
  const members = await run(io, () => groupMembers(deps, groupId));
  const label = (m: (typeof members)[number]) => {
    const name = m.name ?? io.ctx.t("kelola-no-name");
    return m.role === "coordinator" ? io.ctx.t("kelola-coordinator", { name }) : name;
  };
  const [action, arg] = await choose(io, io.ctx.t(members.length ? "kelola-choose-member" : "kelola-no-members"), members.map((m) => ({ label: label(m), action: ["m", m.personId] })), true);
  const member = members.find((m) => action === "m" && m.personId === Number(arg));
  if (!member) return null;
  const [mAction] = await choose(
    io,
    label(member),
    [
      { label: io.ctx.t(member.role === "coordinator" ? "kelola-make-member" : "kelola-make-coordinator"), action: ["role"] },
      { label: io.ctx.t("kelola-remove-member"), action: ["remove"] },
    ],
    true,
  );
  if (mAction === "role") return outcome(io, await run(io, () => setMemberRole(deps, actor, groupId, member.personId, member.role === "coordinator" ? "member" : "coordinator")));
  if (mAction === "remove") return outcome(io, await run(io, () => removeMember(deps, actor, groupId, member.personId)));
  return null;
}

async function manageStakeholders(io: Io, deps: ProgrammeDeps, actor: ChangeActor): Promise<string | null> {
  const rows = await run(io, () => listStakeholders(deps));
  const [action, arg] = await choose(io, io.ctx.t("kelola-choose-stakeholder"), rows.map((s) => ({ label: mark(io, s.institution, s.active), action: ["s", s.id] })), true);
  const row = rows.find((s) => action === "s" && s.id === Number(arg));
  return row ? outcome(io, await run(io, () => setActive(deps, actor, "stakeholder", row.id, !row.active))) : null;
}

async function manageProgrammes(io: Io, deps: ProgrammeDeps, actor: ChangeActor): Promise<string | null> {
  const rows = await run(io, () => listProgrammes(deps).then((ps) => ps.map((p) => ({ id: p.id, name: p.name, active: p.active }))));
  const [action, arg] = await choose(io, io.ctx.t("kelola-choose-programme-toggle"), rows.map((p) => ({ label: mark(io, p.name, p.active), action: ["p", p.id] })), true);
  const row = rows.find((p) => action === "p" && p.id === Number(arg));
  return row ? outcome(io, await run(io, () => setActive(deps, actor, "programme", row.id, !row.active))) : null;
}

async function manageIndicators(io: Io, deps: ProgrammeDeps, actor: ChangeActor): Promise<string | null> {
  const programmes = await run(io, () =>
    listProgrammes(deps).then((ps) =>
      ps.map((p) => ({ id: p.id, name: p.name, indicators: p.indicators.map((i) => ({ ...i, minValue: i.minValue.toFixed(), maxValue: i.maxValue.toFixed() })) })),
    ),
  );
  const [pAction, pArg] = await choose(io, io.ctx.t("kelola-choose-programme"), programmes.map((p) => ({ label: p.name, action: ["p", p.id] })), true);
  const programme = programmes.find((p) => pAction === "p" && p.id === Number(pArg));
  if (!programme) return null;
  const [iAction, iArg] = await choose(io, io.ctx.t("kelola-choose-indicator"), programme.indicators.map((i) => ({ label: mark(io, i.labelId, i.active), action: ["i", i.id] })), true);
  const indicator = programme.indicators.find((i) => iAction === "i" && i.id === Number(iArg));
  if (!indicator) return null;
  const nextAggregation = AGGREGATIONS[(AGGREGATIONS.indexOf(indicator.aggregation) + 1) % AGGREGATIONS.length]!;
  const [action] = await choose(
    io,
    io.ctx.t("kelola-indicator", {
      label: indicator.labelId,
      labelEn: indicator.labelEn,
      unit: indicator.unit,
      min: indicator.minValue,
      max: indicator.maxValue,
      position: indicator.position,
      required: io.ctx.t(indicator.required ? "kelola-yes" : "kelola-no"),
      reportedBy: io.ctx.t(`kelola-reported-by-${indicator.reportedBy}`),
      aggregation: io.ctx.t(`kelola-aggregation-${indicator.aggregation}`),
      state: io.ctx.t(indicator.active ? "kelola-state-active" : "kelola-state-inactive"),
    }),
    [
      { label: io.ctx.t(indicator.active ? "kelola-deactivate" : "kelola-reactivate"), action: ["toggle"] },
      { label: io.ctx.t(indicator.required ? "kelola-make-optional" : "kelola-make-required"), action: ["required"] },
      { label: io.ctx.t("kelola-set-reported-by", { to: io.ctx.t(`kelola-reported-by-${indicator.reportedBy === IndicatorReporter.member ? "group" : "member"}`) }), action: ["reporter"] },
      { label: io.ctx.t("kelola-set-aggregation", { to: io.ctx.t(`kelola-aggregation-${nextAggregation}`) }), action: ["aggregation"] },
      { label: io.ctx.t("kelola-edit-label-id"), action: ["labelId"] },
      { label: io.ctx.t("kelola-edit-label-en"), action: ["labelEn"] },
      { label: io.ctx.t("kelola-edit-min"), action: ["minValue"] },
      { label: io.ctx.t("kelola-edit-max"), action: ["maxValue"] },
      { label: io.ctx.t("kelola-edit-position"), action: ["position"] },
    ],
    true,
  );
  if (action === "back" || action === undefined) return null;
  if (action === "toggle") return outcome(io, await run(io, () => setActive(deps, actor, "indicator", indicator.id, !indicator.active)));
  let patch: IndicatorPatch;
  if (action === "required") patch = { required: !indicator.required };
  else if (action === "reporter") patch = { reportedBy: indicator.reportedBy === IndicatorReporter.member ? IndicatorReporter.group : IndicatorReporter.member };
  else if (action === "aggregation") patch = { aggregation: nextAggregation };
  else {
    const typed = await ask(io, io.ctx.t(`kelola-ask-${action}`));
    if (typed === null) return null;
    if (action === "position") patch = { position: /^\d{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : -1 };
    else if (action === "labelId" || action === "labelEn" || action === "minValue" || action === "maxValue") patch = { [action]: typed };
    else return null;
  }
  return outcome(io, await run(io, () => updateIndicator(deps, actor, indicator.id, patch)));
}
