// A group's own figures end to end: the coordinator reports them once in /lapor, a member's
// report afterwards is not asked them and does not add to them (issue 9, item 1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonStartingWith, failTestsOnBotErrors, groupByCode, memberUser, reportsOf, skipPhotoAndNote, startE2E, startReport, type E2E } from "../support/e2e.js";

const MARIOJELA = "mariojela-margasari";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ label: "report-group", firstUserId: 8_400_000_000 });
  // Mariojela with both kinds of figures: its income becomes one figure for the whole group.
  const group = await groupByCode(e2e.db, MARIOJELA);
  await e2e.db.prisma.indicator.updateMany({ where: { programmeId: group.programmeId, code: "pendapatan" }, data: { reportedBy: "group" } });
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

describe("group figures in /lapor", () => {
  it("a coordinator reports a group indicator once and a member's report does not double it", async () => {
    const coordinator = await memberUser(e2e, MARIOJELA, { name: "Hendra Wijaya", role: "coordinator" });
    const member = await memberUser(e2e, MARIOJELA, { name: "Yuliana Putri" });
    const group = await groupByCode(e2e.db, MARIOJELA);

    const c = coordinator.user;
    c.say("/lapor");
    await c.expectReply("Anda ketua kelompok Mariojela. Laporan ini untuk siapa?");
    c.press("Untuk saya sendiri");
    const weeks = await c.expectReply("Laporan ini untuk minggu yang mana?");
    c.press(buttonStartingWith(weeks, "Minggu ini").data, weeks);
    await c.expectReply("(1/3) Jelantah terkumpul");
    c.say("10");
    await c.expectReply("(2/3) Lilin terjual");
    c.say("2");
    const income = await c.expectReply("(3/3) Pendapatan");
    expect(income.text).toContain("Ini angka seluruh kelompok untuk minggu ini, bukan angka pribadi.");
    c.say("Rp 300.000");
    await skipPhotoAndNote(c);
    const summary = await c.expectReply("Periksa dulu laporannya:");
    expect(summary.text).toContain("• Pendapatan: Rp 300.000");
    c.press("Simpan");
    const saved = await c.expectReply("Tersimpan!");
    expect(saved.text).toContain("Angka kelompok Mariojela juga tersimpan.");
    // the reply's totals come from the figures module: the group's own income counts once
    expect(saved.text).toContain("• Pendapatan: Rp 300.000");

    const m = member.user;
    await startReport(m);
    // two questions: the group's income is in already
    await m.expectReply("(1/2) Jelantah terkumpul");
    m.say("5");
    await m.expectReply("(2/2) Lilin terjual");
    m.say("1");
    await skipPhotoAndNote(m);
    const memberSummary = await m.expectReply("Periksa dulu laporannya:");
    expect(memberSummary.text).not.toContain("Pendapatan");
    m.press("Simpan");
    const memberSaved = await m.expectReply("Tersimpan!");
    expect(memberSaved.text).not.toContain("Angka kelompok");

    // one current version of the group's figures, the coordinator's; the member's report has none
    const groupReports = await e2e.db.prisma.groupReport.findMany({ where: { groupId: group.id }, include: { values: true } });
    expect(groupReports.map((r) => [r.version, r.current, r.submittedById])).toEqual([[1, true, coordinator.personId]]);
    expect(groupReports[0]!.values.map((v) => v.value.toFixed())).toEqual(["300000"]);
    expect((await reportsOf(e2e.db, member.personId)).map((r) => r.values)).toEqual([{ "jelantah-terkumpul": "5", "lilin-terjual": "1" }]);
    expect((await reportsOf(e2e.db, coordinator.personId)).map((r) => r.values)).toEqual([{ "jelantah-terkumpul": "10", "lilin-terjual": "2" }]);
    // the week's group income, over everything stored for it, is the coordinator's once
    const [row] = await e2e.db.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT (COALESCE((SELECT SUM(v.value) FROM report_value v JOIN report r ON r.id = v.report_id
                        WHERE r.group_id = ${group.id} AND r.current AND v.indicator_id = ${groupReports[0]!.values[0]!.indicatorId}), 0)
            + (SELECT SUM(v.value) FROM group_report_value v JOIN group_report g ON g.id = v.group_report_id
               WHERE g.group_id = ${group.id} AND g.current))::text AS total`;
    expect(Number(row?.total)).toBe(300000);
  }, 60_000);
});
