// Programmes that change (issue 9, item 7): every change through programme.service, with its
// audit entry in the same transaction; rights from the database; inactive rows leave the
// questions and the reminders, their history stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import { loadSeedData, seed } from "../../src/db/seed.js";
import { auditTrail } from "../../src/features/audit/audit.service.js";
import {
  addGroup,
  removeMember,
  renameGroup,
  setActive,
  setMemberRole,
  updateIndicator,
  type ChangeActor,
  type ProgrammeDeps,
} from "../../src/features/programme/programme.service.js";
import { createReminderRepository } from "../../src/features/reminder/reminder.repository.js";
import { createReportRepository } from "../../src/features/report/report.repository.js";
import { prepareReport, type ReportDeps } from "../../src/features/report/report.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const WITA = "Asia/Makassar";
const NOW = new Date("2026-01-07T02:00:00Z");
const WEEK = { key: "2026-W02", startDate: "2026-01-05" };

describe("programme changes", () => {
  let db: TestDatabase;
  let deps: ProgrammeDeps;
  let report: ReportDeps;
  let mariojela: { id: number; programmeId: number };
  let ind: Record<string, number>;
  let member: number;
  let coordinator: number;
  const STAFF: ChangeActor = { source: "bot", telegramId: 9101n };
  const ADMIN: ChangeActor = { source: "bot", telegramId: 9102n };
  const CONFIGURED_ADMIN: ChangeActor = { source: "bot", telegramId: 9109n };
  const MEMBER: ChangeActor = { source: "bot", telegramId: 9103n };
  const LEFT_STAFF: ChangeActor = { source: "bot", telegramId: 9104n };
  const CLI: ChangeActor = { source: "cli" };

  const trail = (entity: Parameters<typeof auditTrail>[1], id: number) => auditTrail(db.prisma, entity, id);

  beforeAll(async () => {
    db = await freshDatabase({ seed: true });
    deps = { prisma: db.prisma, clock: () => NOW, adminTelegramIds: [9109n] };
    report = { repo: createReportRepository(db.prisma), clock: () => NOW, timeZone: WITA, backfillWeeks: 4, logger: { error() {}, warn() {} } };
    const g = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
    mariojela = { id: g.id, programmeId: g.programmeId };
    ind = Object.fromEntries((await db.prisma.indicator.findMany({ where: { programmeId: g.programmeId } })).map((i) => [i.code, i.id]));
    await db.prisma.person.create({ data: { telegramId: 9101n, name: "Staf", staffRole: "staff" } });
    await db.prisma.person.create({ data: { telegramId: 9102n, name: "Admin", staffRole: "admin" } });
    await db.prisma.person.create({ data: { telegramId: 9104n, name: "Mantan Staf", staffRole: "admin", status: "left" } });
    member = (await db.prisma.person.create({ data: { telegramId: 9103n, name: "Ani", memberships: { create: { groupId: g.id } } } })).id;
    coordinator = (await db.prisma.person.create({ data: { telegramId: 9105n, name: "Budi", memberships: { create: { groupId: g.id } } } })).id;
  });
  afterAll(() => db?.drop());

  it("staff add a group and rename it; each change is in the audit trail with who, before and after", async () => {
    const staff = await db.prisma.person.findUniqueOrThrow({ where: { telegramId: 9101n } });
    const added = await addGroup(deps, STAFF, { programmeId: mariojela.programmeId, name: "Mariojela  Karang Rejo", kelurahan: "Karang Rejo" });
    expect(added).toMatchObject({ kind: "changed", code: "mariojela-mariojela-karang-rejo-karang-rejo" });
    if (added.kind !== "changed") throw new Error(added.kind);
    expect(await renameGroup(deps, STAFF, added.groupId, "Mariojela Karang Rejo")).toEqual({ kind: "unchanged" });
    expect(await renameGroup(deps, STAFF, added.groupId, "Olah Jelantah Karang Rejo")).toEqual({ kind: "changed" });
    expect(await renameGroup(deps, STAFF, added.groupId, " ")).toEqual({ kind: "invalid", issue: "name" });
    const entries = await trail("group", added.groupId);
    expect(entries.map((e) => [e.action, e.actorId, e.source, e.before, e.after])).toEqual([
      ["create", staff.id, "bot", null, { code: added.code, name: "Mariojela Karang Rejo", kelurahan: "Karang Rejo", programmeId: mariojela.programmeId, active: true }],
      ["rename", staff.id, "bot", { name: "Mariojela Karang Rejo" }, { name: "Olah Jelantah Karang Rejo" }],
    ]);
    expect(await addGroup(deps, STAFF, { programmeId: mariojela.programmeId, name: "Mariojela Karang Rejo", kelurahan: "Karang Rejo" })).toEqual({ kind: "invalid", issue: "code-taken" });
  });

  it("rights come from the database: members and people who left may not; indicators and programmes are for admins", async () => {
    expect(await renameGroup(deps, MEMBER, mariojela.id, "Nama Baru")).toEqual({ kind: "forbidden" });
    expect(await setActive(deps, LEFT_STAFF, "group", mariojela.id, false)).toEqual({ kind: "forbidden" });
    expect(await updateIndicator(deps, STAFF, ind["lilin-terjual"]!, { required: false })).toEqual({ kind: "forbidden" });
    expect(await setActive(deps, STAFF, "programme", mariojela.programmeId, false)).toEqual({ kind: "forbidden" });
    expect(await updateIndicator(deps, CONFIGURED_ADMIN, ind["lilin-terjual"]!, { required: true })).toEqual({ kind: "unchanged" });
    expect(await db.prisma.auditEntry.count({ where: { entityId: mariojela.id, entity: "group" } })).toBe(0);
  });

  it("changes an indicator's labels, bounds, order, required flag and kind, with only what changed in the audit", async () => {
    const id = ind["lilin-terjual"]!;
    const orig = await db.prisma.indicator.findUniqueOrThrow({ where: { id } });
    expect(await updateIndicator(deps, ADMIN, id, { minValue: "10", maxValue: "5" })).toEqual({ kind: "invalid", issue: "bounds" });
    expect(await updateIndicator(deps, ADMIN, id, { labelId: "Lilin aromaterapi terjual", maxValue: "2.000", required: false, position: 5 })).toEqual({ kind: "changed" });
    expect(await updateIndicator(deps, CLI, id, { reportedBy: "group", aggregation: "latest" })).toEqual({ kind: "changed" });
    const row = await db.prisma.indicator.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ labelId: "Lilin aromaterapi terjual", required: false, position: 5, reportedBy: "group", aggregation: "latest" });
    expect(row.maxValue.toFixed()).toBe("2000");
    const entries = await trail("indicator", id);
    expect(entries.map((e) => [e.action, e.source, e.before, e.after])).toEqual([
      ["update", "bot", { labelId: orig.labelId, maxValue: orig.maxValue.toFixed(), required: true, position: orig.position }, { labelId: "Lilin aromaterapi terjual", maxValue: "2000", required: false, position: 5 }],
      ["update", "cli", { reportedBy: "member", aggregation: "sum" }, { reportedBy: "group", aggregation: "latest" }],
    ]);
    await updateIndicator(deps, CLI, id, { labelId: orig.labelId, maxValue: orig.maxValue.toFixed(), required: true, position: orig.position, reportedBy: "member", aggregation: "sum" });
  });

  it("a deactivated indicator is not asked; reactivated, it is asked again", async () => {
    const asked = async () => {
      const prepared = await prepareReport(report, { actorPersonId: member, groupId: mariojela.id, memberId: member, weekKey: WEEK.key });
      if (prepared.kind !== "ok") throw new Error(prepared.kind);
      return prepared.plan.indicators.map((i) => i.code);
    };
    expect(await setActive(deps, ADMIN, "indicator", ind["lilin-terjual"]!, false)).toEqual({ kind: "changed" });
    expect(await asked()).toEqual(["jelantah-terkumpul", "pendapatan"]);
    expect(await setActive(deps, ADMIN, "indicator", ind["lilin-terjual"]!, false)).toEqual({ kind: "unchanged" });
    expect(await setActive(deps, ADMIN, "indicator", ind["lilin-terjual"]!, true)).toEqual({ kind: "changed" });
    expect(await asked()).toEqual(["jelantah-terkumpul", "lilin-terjual", "pendapatan"]);
    expect((await trail("indicator", ind["lilin-terjual"]!)).slice(-2).map((e) => e.action)).toEqual(["deactivate", "reactivate"]);
  });

  it("a deactivated group is not reminded nor offered in /lapor; its reports stay", async () => {
    const reminders = createReminderRepository(db.prisma);
    const remindedHere = async () => (await reminders.candidates(WEEK.startDate)).filter((c) => c.groupId === mariojela.id).length;
    expect(await remindedHere()).toBeGreaterThan(0);
    expect(await setActive(deps, STAFF, "group", mariojela.id, false)).toEqual({ kind: "changed" });
    expect(await remindedHere()).toBe(0);
    expect(await prepareReport(report, { actorPersonId: member, groupId: mariojela.id, memberId: member, weekKey: WEEK.key })).toEqual({ kind: "refused", reason: "not-member" });
    expect(await setActive(deps, STAFF, "group", mariojela.id, true)).toEqual({ kind: "changed" });
    expect(await remindedHere()).toBeGreaterThan(0);
  });

  it("a deactivated programme takes its groups out, and its reactivation brings back exactly those", async () => {
    const ksb = await db.prisma.programme.findUniqueOrThrow({ where: { code: "ksb" }, include: { groups: { orderBy: { id: "asc" } } } });
    const [first, second] = ksb.groups;
    await setActive(deps, STAFF, "group", second!.id, false); // already out before the programme
    expect(await setActive(deps, ADMIN, "programme", ksb.id, false)).toEqual({ kind: "changed" });
    expect((await db.prisma.group.findMany({ where: { programmeId: ksb.id }, orderBy: { id: "asc" } })).map((g) => g.active)).toEqual([false, false]);
    expect(await setActive(deps, ADMIN, "programme", ksb.id, true)).toEqual({ kind: "changed" });
    expect((await db.prisma.group.findMany({ where: { programmeId: ksb.id }, orderBy: { id: "asc" } })).map((g) => g.active)).toEqual([true, false]);
    expect((await trail("group", first!.id)).map((e) => [e.action, e.after])).toEqual([
      ["deactivate", { active: false, withProgramme: ksb.id }],
      ["reactivate", { active: true, withProgramme: ksb.id }],
    ]);
  });

  it("makes a member coordinator and removes a member; the membership is kept as left", async () => {
    expect(await setMemberRole(deps, STAFF, mariojela.id, coordinator, "coordinator")).toEqual({ kind: "changed" });
    expect(await removeMember(deps, STAFF, mariojela.id, member)).toEqual({ kind: "changed" });
    expect(await removeMember(deps, STAFF, mariojela.id, member)).toEqual({ kind: "unchanged" });
    expect(await setMemberRole(deps, STAFF, mariojela.id, member, "coordinator")).toEqual({ kind: "invalid", issue: "not-member" });
    const rows = await db.prisma.membership.findMany({ where: { groupId: mariojela.id, personId: { in: [member, coordinator] } }, orderBy: { personId: "asc" } });
    expect(rows.map((r) => [r.personId, r.role, r.status, r.leftAt?.toISOString() ?? null])).toEqual([
      [member, "member", "left", NOW.toISOString()],
      [coordinator, "coordinator", "active", null],
    ]);
    const entries = await db.prisma.auditEntry.findMany({ where: { entity: "membership", entityId: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["make-coordinator", "remove"]);
  });

  it("deactivates and reactivates a stakeholder institution", async () => {
    const bpbd = await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: "bpbd-balikpapan" } });
    expect(await setActive(deps, STAFF, "stakeholder", bpbd.id, false)).toEqual({ kind: "changed" });
    expect(await setActive(deps, STAFF, "stakeholder", bpbd.id, true)).toEqual({ kind: "changed" });
    expect((await trail("stakeholder", bpbd.id)).map((e) => e.action)).toEqual(["deactivate", "reactivate"]);
  });

  it("the CLI does the same through the service, audited as 'cli'", async () => {
    const config = loadConfig({ DATABASE_URL: db.url });
    const cli = async (...argv: string[]) => {
      let out = "";
      let err = "";
      const code = await runCli(argv, { prisma: db.prisma, config, clock: () => NOW, out: (t) => void (out += t), err: (t) => void (err += t) });
      return { code, out, err };
    };
    expect(await cli("group", "add", "--programme", "proklim", "--name", "ProKlim Gunung Samarinda", "--kelurahan", "Gunung Samarinda", "--code", "proklim-gunung-samarinda")).toMatchObject({ code: 0, out: "group proklim-gunung-samarinda added\n" });
    expect(await cli("group", "rename", "proklim-gunung-samarinda", "--name", "Kampung Iklim Gunung Samarinda")).toMatchObject({ code: 0 });
    expect(await cli("indicator", "set", "proklim/pohon-ditanam", "--max", "20.000", "--required", "no")).toMatchObject({ code: 0, out: "indicator proklim/pohon-ditanam changed: done\n" });
    expect(await cli("indicator", "set", "proklim/pohon-ditanam", "--aggregation", "average")).toMatchObject({ code: 1 });
    expect(await cli("stakeholder", "deactivate", "lpm-baru-tengah")).toMatchObject({ code: 0 });
    expect(await cli("stakeholder", "deactivate", "lpm-baru-tengah")).toMatchObject({ code: 0, out: "stakeholder lpm-baru-tengah deactivated: nothing to change\n" });
    expect(await cli("group", "deactivate", "no-such-group")).toMatchObject({ code: 1 });
    const listed = await cli("programme", "list");
    expect(listed.out).toContain("  group proklim-gunung-samarinda  Kampung Iklim Gunung Samarinda (Gunung Samarinda)\n");
    expect(listed.out).toContain("  lpm-baru-tengah  Ketua LPM Baru Tengah  [inactive]");
    const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "proklim-gunung-samarinda" } });
    expect((await trail("group", group.id)).map((e) => [e.action, e.source, e.actorId])).toEqual([
      ["create", "cli", null],
      ["rename", "cli", null],
    ]);
  });

  it("db:seed never undoes a change staff made; the row's other fields still follow the file", async () => {
    const proklim = await db.prisma.programme.findUniqueOrThrow({ where: { code: "proklim" }, include: { indicators: true, groups: true } });
    const pohon = proklim.indicators.find((i) => i.code === "pohon-ditanam")!;
    const group = proklim.groups.find((g) => g.code === "proklim-muara-rapak")!;
    expect(await updateIndicator(deps, ADMIN, pohon.id, { labelId: "Bibit pohon ditanam", required: false })).toEqual({ kind: "changed" });
    expect(await renameGroup(deps, STAFF, group.id, "Kampung Iklim Muara Rapak")).toEqual({ kind: "changed" });
    expect(await setActive(deps, STAFF, "group", group.id, false)).toEqual({ kind: "changed" });

    const file = loadSeedData();
    expect(await seed(db.prisma, file)).toMatchObject({ created: 0, updated: 0 });
    // the file changes the indicator's English label and, again, the fields staff changed
    const edited = structuredClone(file);
    const entry = edited.programmes.find((p) => p.code === "proklim")!.indicators.find((i) => i.code === "pohon-ditanam")!;
    entry.labelEn = "Saplings planted";
    entry.labelId = "Pohon ditanam (dari file)";
    expect(await seed(db.prisma, edited)).toMatchObject({ created: 0, updated: 1 });

    const after = await db.prisma.indicator.findUniqueOrThrow({ where: { id: pohon.id } });
    expect(after).toMatchObject({ labelId: "Bibit pohon ditanam", labelEn: "Saplings planted", required: false });
    expect(await db.prisma.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: "Kampung Iklim Muara Rapak", active: false });
  });
});
