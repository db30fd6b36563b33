import type { ConversationContext } from "../../bot/context.js";
import { closeKeyboard, markUnsaved, MAX_ROUNDS, newNonce, waitFor, waitForButton, type BotConversation } from "../../bot/conversation-kit.js";
import type { PrismaClient } from "../../db/client.js";
import { addMemberWithoutTelegram } from "../people/people.service.js";
import { askIndicator, askNote, askObstacle, askPhoto, type Io } from "./report.ask.js";
import { editKeyboard, groupKeyboard, memberKeyboard, pageCount, replaceKeyboard, summaryKeyboard, weekKeyboard, whoKeyboard } from "./report.keyboards.js";
import { groupTotals, saveReport } from "./report.save.js";
import {
  prepareReport,
  reportableMembers,
  reportingGroups,
  weekChoices,
  type RefusalReason,
  type ReportDeps,
  type ReportingGroup,
  type ReportPlan,
} from "./report.service.js";
import { existingText, indicatorLabel, savedText, storedValue, summaryText, weekRange, type Draft } from "./report.texts.js";

/**
 * /lapor: group → (coordinator: for whom) → week → (replace?) → one question per indicator
 * (the group's own figures too, see asksGroupFigures) → photo → note → (obstacle) → summary.
 */
export const REPORT_CONVERSATION = "report";

const MAX_SUMMARY_ROUNDS = 30;

type Target = { memberId: number };

export function createReportConversation(svc: ReportDeps, prisma: PrismaClient) {
  return async function reportConversation(
    conversation: BotConversation,
    ctx: ConversationContext,
    groupIdArg?: number | null,
    weekKeyArg?: string | null,
  ): Promise<void> {
    const nonce = await newNonce(conversation);
    let step = 0;
    const io: Io = { conversation, ctx, tag: () => `${nonce}.${++step}`, lang: () => io.ctx.locale };

    const personId = await conversation.external((outer) => outer.actor?.personId ?? null);
    if (personId === null) return say(io, "common-not-joined");
    const start = await conversation.external(() => reportingGroups(svc, personId));
    if (start.kind === "not-member") return say(io, "report-not-member");

    const group = await chooseGroup(io, start.groups, groupIdArg ?? null);
    const target = group.isCoordinator ? await chooseMember(io, svc, prisma, personId, group) : { memberId: personId };
    if (target === "refused") return say(io, "report-refused-other");
    if (target === "gave-up") return say(io, "report-too-many-tries");
    const weekKey = await chooseWeek(io, svc, weekKeyArg ?? null);

    const prepared = await conversation.external(() =>
      prepareReport(svc, { actorPersonId: personId, groupId: group.groupId, memberId: target.memberId, weekKey }),
    );
    if (prepared.kind === "refused") return say(io, refusalKey(prepared.reason));
    if (prepared.kind === "week-closed") return say(io, "report-week-closed");
    if (prepared.kind === "no-indicators") return say(io, "report-no-indicators");
    const plan = prepared.plan;

    if (plan.existing || plan.existingGroup) {
      const tag = io.tag();
      await io.ctx.reply(existingText(io.ctx.t, io.lang(), svc.timeZone, plan), { reply_markup: replaceKeyboard(tag, io.ctx.t) });
      const pressed = await waitForButton(conversation, tag, { key: "report-existing-hint" }, (a) => a[0] === "replace" || a[0] === "cancel");
      io.ctx = pressed.ctx;
      await closeKeyboard(pressed.ctx);
      if (pressed.action[0] === "cancel") return say(io, "report-kept");
    }

    const draft: Draft = { values: [], photoFileId: null, note: null, obstacle: null };
    for (const [index, indicator] of plan.indicators.entries()) {
      const previous = storedValue(plan, indicator);
      const asked = await askQuestion(io, plan, index, previous);
      if (asked.kind === "gave-up") return say(io, "report-too-many-tries");
      draft.values[index] = asked.value;
      markUnsaved(conversation);
    }
    const photo = await askPhoto(io);
    if (photo.kind === "gave-up") return say(io, "report-too-many-tries");
    draft.photoFileId = photo.value;
    const note = await askNote(io);
    if (note.kind === "gave-up") return say(io, "report-too-many-tries");
    draft.note = note.value;
    if (plan.asksObstacles) {
      const obstacle = await askObstacle(io);
      if (obstacle.kind === "gave-up") return say(io, "report-too-many-tries");
      draft.obstacle = obstacle.value;
    }

    await summaryAndSave(io, svc, personId, plan, draft);
  };
}

async function say(io: Io, key: string): Promise<void> {
  await io.ctx.reply(io.ctx.t(key));
}

function refusalKey(reason: RefusalReason): string {
  return reason === "not-member" ? "report-refused-not-member" : "report-refused-other";
}

function askQuestion(io: Io, plan: ReportPlan, index: number, previous: string | null) {
  const indicator = plan.indicators[index]!;
  const position = { number: index + 1, total: plan.indicators.length };
  return askIndicator(io, indicator, position, plan.medians[String(indicator.id)] ?? null, previous);
}

async function chooseGroup(io: Io, groups: ReportingGroup[], groupIdArg: number | null): Promise<ReportingGroup> {
  const given = groups.find((g) => g.groupId === groupIdArg);
  if (given) return given;
  if (groups.length === 1) return groups[0]!;
  const tag = io.tag();
  await io.ctx.reply(io.ctx.t("report-choose-group"), { reply_markup: groupKeyboard(tag, groups) });
  const pressed = await waitForButton(io.conversation, tag, { key: "report-choose-group-hint" }, (a) =>
    a[0] === "g" && groups.some((g) => String(g.groupId) === a[1]),
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  return groups.find((g) => String(g.groupId) === pressed.action[1])!;
}

/** A coordinator reports for themselves or for a member of this group (rights re-checked in the service). */
async function chooseMember(
  io: Io,
  svc: ReportDeps,
  prisma: PrismaClient,
  personId: number,
  group: ReportingGroup,
): Promise<Target | "refused" | "gave-up"> {
  const whoTag = io.tag();
  await io.ctx.reply(io.ctx.t("report-choose-who", { group: group.groupName }), { reply_markup: whoKeyboard(whoTag, io.ctx.t) });
  const who = await waitForButton(io.conversation, whoTag, { key: "report-choose-who-hint" }, (a) => a[0] === "self" || a[0] === "other");
  io.ctx = who.ctx;
  await closeKeyboard(who.ctx);
  if (who.action[0] === "self") return { memberId: personId };

  const listing = await io.conversation.external(() => reportableMembers(svc, personId, group.groupId));
  if (listing.kind === "not-coordinator") return "refused";
  const members = listing.members;
  const pages = pageCount(members.length);
  let page = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tag = io.tag();
    const text = members.length > 0 ? io.ctx.t("report-choose-member", { page: String(page + 1), pages: String(pages) }) : io.ctx.t("report-choose-member-none");
    await io.ctx.reply(text, { reply_markup: memberKeyboard(tag, io.ctx.t, members, page) });
    const pressed = await waitForButton(io.conversation, tag, { key: "report-choose-member-hint" }, (a) =>
      (a[0] === "m" && members.some((m) => String(m.personId) === a[1])) ||
      a[0] === "add" ||
      (a[0] === "page" && Number(a[1]) >= 0 && Number(a[1]) < pages),
    );
    io.ctx = pressed.ctx;
    await closeKeyboard(pressed.ctx);
    const [action, arg] = pressed.action;
    if (action === "m") return { memberId: Number(arg) };
    if (action === "page") {
      page = Number(arg);
      continue;
    }
    return addMember(io, prisma, personId, group);
  }
  return "gave-up";
}

async function addMember(io: Io, prisma: PrismaClient, personId: number, group: ReportingGroup): Promise<Target | "refused" | "gave-up"> {
  let key = "report-ask-member-name";
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await io.ctx.reply(io.ctx.t(key));
    const answer = await waitFor(io.conversation, (c) => c.message?.text !== undefined && !c.message.text.startsWith("/"), { key: "report-ask-member-name-hint" });
    io.ctx = answer;
    const name = answer.message?.text ?? "";
    const added = await io.conversation.external(() =>
      addMemberWithoutTelegram(prisma, { coordinatorPersonId: personId, groupId: group.groupId, name }),
    );
    if (added.kind === "not-coordinator") return "refused";
    if (added.kind === "added") {
      await io.ctx.reply(io.ctx.t("report-member-added", { name: added.name, group: group.groupName }));
      return { memberId: added.personId };
    }
    key = "report-member-name-invalid";
  }
  return "gave-up";
}

async function chooseWeek(io: Io, svc: ReportDeps, weekKeyArg: string | null): Promise<string> {
  const choices = await io.conversation.external(() => weekChoices(svc));
  if (weekKeyArg && choices.some((c) => c.key === weekKeyArg)) return weekKeyArg;
  const tag = io.tag();
  const weeks = choices.map((c, i) => {
    const range = weekRange(c.key, io.lang(), svc.timeZone);
    const label = i === 0 ? io.ctx.t("report-week-this", { range }) : i === 1 ? io.ctx.t("report-week-last", { range }) : range;
    return { key: c.key, label };
  });
  await io.ctx.reply(io.ctx.t("report-choose-week"), { reply_markup: weekKeyboard(tag, weeks) });
  const pressed = await waitForButton(io.conversation, tag, { key: "report-choose-week-hint" }, (a) =>
    a[0] === "w" && choices.some((c) => c.key === a[1]),
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  return pressed.action[1]!;
}

/** The summary with Simpan / Ubah / Batal, until saved, cancelled or given up. */
async function summaryAndSave(io: Io, svc: ReportDeps, personId: number, plan: ReportPlan, draft: Draft): Promise<void> {
  let prompt = summaryText(io.ctx.t, io.lang(), svc.timeZone, plan, draft);
  for (let round = 0; round < MAX_SUMMARY_ROUNDS; round++) {
    const tag = io.tag();
    await io.ctx.reply(prompt, { reply_markup: summaryKeyboard(tag, io.ctx.t) });
    const pressed = await waitForButton(io.conversation, tag, { key: "report-summary-hint" }, (a) => ["save", "edit", "cancel"].includes(a[0] ?? ""));
    io.ctx = pressed.ctx;
    await closeKeyboard(pressed.ctx);
    const action = pressed.action[0];
    if (action === "cancel") return say(io, "report-cancelled");
    if (action === "edit") {
      const edited = await editOne(io, plan, draft);
      if (edited === "gave-up") return say(io, "report-too-many-tries");
      prompt = summaryText(io.ctx.t, io.lang(), svc.timeZone, plan, draft);
      continue;
    }
    // this press, however often it is handled: a re-delivered press finds its version
    const saveKey = `${tag}:u${pressed.ctx.update.update_id}`;
    const outcome = await io.conversation.external(async (outer) => {
      const saved = await saveReport(svc, {
        actorPersonId: personId,
        groupId: plan.groupId,
        memberId: plan.memberId,
        weekKey: plan.weekKey,
        answers: plan.indicators.map((indicator, i) => ({ indicatorId: indicator.id, value: draft.values[i] ?? null })),
        photoFileId: draft.photoFileId,
        note: draft.note,
        obstacle: plan.asksObstacles ? draft.obstacle : null,
        groupAsked: plan.groupAsked,
        saveKey,
      });
      if (saved.kind !== "saved") return { saved, totals: null };
      outer.log.info({ reportId: saved.reportId, version: saved.version, groupId: plan.groupId, memberId: plan.memberId }, "report saved");
      // The report is saved; totals are a courtesy, so a failure here must not look like a failed save.
      const totals = await groupTotals(svc, { groupId: plan.groupId, weekKey: plan.weekKey, indicators: plan.indicators }).catch((error: unknown) => {
        outer.log.warn({ err: error, groupId: plan.groupId }, "group totals unavailable after saving");
        return null;
      });
      return { saved, totals };
    });
    const saved = outcome.saved;
    switch (saved.kind) {
      case "saved":
        await io.ctx.reply(savedText(io.ctx.t, io.lang(), svc.timeZone, plan, saved, outcome.totals));
        return;
      case "unavailable":
      case "conflict":
        prompt = io.ctx.t("report-save-failed");
        continue;
      case "refused":
        return say(io, refusalKey(saved.reason));
      case "week-closed":
        return say(io, "report-week-closed");
      case "invalid":
        return say(io, "report-save-invalid");
    }
  }
  return say(io, "report-too-many-tries");
}

/** Ubah: one button per indicator, photo and note; re-asks only the one chosen. */
async function editOne(io: Io, plan: ReportPlan, draft: Draft): Promise<"done" | "gave-up"> {
  const tag = io.tag();
  const labels = plan.indicators.map((i) => indicatorLabel(i, io.lang()));
  await io.ctx.reply(io.ctx.t("report-edit-choose"), { reply_markup: editKeyboard(tag, io.ctx.t, labels, plan.asksObstacles) });
  const pressed = await waitForButton(io.conversation, tag, { key: "report-edit-hint" }, (a) =>
    (a[0] === "i" && Number(a[1]) >= 0 && Number(a[1]) < labels.length) ||
    a[0] === "photo" ||
    a[0] === "note" ||
    (a[0] === "obstacle" && plan.asksObstacles) ||
    a[0] === "back",
  );
  io.ctx = pressed.ctx;
  await closeKeyboard(pressed.ctx);
  const [action, arg] = pressed.action;
  if (action === "i") {
    const index = Number(arg);
    const asked = await askQuestion(io, plan, index, null);
    if (asked.kind === "gave-up") return "gave-up";
    draft.values[index] = asked.value;
  } else if (action === "photo") {
    const asked = await askPhoto(io);
    if (asked.kind === "gave-up") return "gave-up";
    draft.photoFileId = asked.value;
  } else if (action === "note") {
    const asked = await askNote(io);
    if (asked.kind === "gave-up") return "gave-up";
    draft.note = asked.value;
  } else if (action === "obstacle") {
    const asked = await askObstacle(io);
    if (asked.kind === "gave-up") return "gave-up";
    draft.obstacle = asked.value;
  }
  return "done";
}
