// The FGD round: staff ask the invitees for input (one queued message each), answers stored per
// person and topic and editable until the meeting starts; the briefing's content (the XLSX
// opened and its cells checked); the notulen saved after the start and sent to the attendees.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { OutgoingRequest } from "../../src/jobs/outgoing.types.js";
import { briefingData } from "../../src/features/meeting/meeting.briefing.service.js";
import { briefingXlsx } from "../../src/features/meeting/meeting.briefing.xlsx.js";
import { createMeetingInputRepository } from "../../src/features/meeting/meeting.input.repository.js";
import { inputRound, requestInput, saveInput, type MeetingInputDeps } from "../../src/features/meeting/meeting.input.service.js";
import { saveNotes, sendNotes } from "../../src/features/meeting/meeting.notes.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const ZONE = "Asia/Makassar";
const wita = (local: string) => new Date(`${local}+08:00`);
const i18n = createI18n();
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);

let db: TestDatabase;
let now = wita("2026-03-10T10:00:00");
const queued: OutgoingRequest[] = [];
let deps: MeetingInputDeps;
let ids: { staff: number; ani: number; budi: number; lurah: number; meeting: number; earlier: number; group: number };

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  deps = { prisma: db.prisma, repo: createMeetingInputRepository(db.prisma), clock: () => now, enqueue: async (r) => void queued.push(...r) };
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" }, include: { programme: { include: { indicators: { orderBy: { position: "asc" } } } } } });
  const stakeholder = await db.prisma.stakeholder.findUniqueOrThrow({ where: { code: "lurah-margasari" } });
  const staff = await db.prisma.person.create({ data: { name: "Petugas", telegramId: 9_500_001n, staffRole: "staff" } });
  const ani = await db.prisma.person.create({ data: { name: "Ani", telegramId: 9_500_002n, memberships: { create: { groupId: group.id } } } });
  const budi = await db.prisma.person.create({ data: { name: "Budi", telegramId: 9_500_003n, memberships: { create: { groupId: group.id } } } });
  const lurah = await db.prisma.person.create({ data: { name: "Pak Lurah", telegramId: 9_500_004n, stakeholderId: stakeholder.id } });
  const earlier = await db.prisma.meeting.create({
    data: { title: "FGD Januari", startsAt: wita("2026-01-20T09:00:00"), place: "Aula", audience: {}, checkInCode: "AAAAAA", createdById: staff.id, invitations: { create: [{ personId: ani.id, groupId: group.id }] } },
  });
  const meeting = await db.prisma.meeting.create({
    data: {
      title: "FGD Evaluasi",
      startsAt: wita("2026-03-12T09:00:00"),
      place: "Aula Margasari",
      audience: {},
      checkInCode: "BBBBBB",
      createdById: staff.id,
      invitations: { create: [{ personId: ani.id, groupId: group.id, answer: "yes" }, { personId: budi.id, groupId: group.id }, { personId: lurah.id, stakeholderId: stakeholder.id, answer: "yes" }] },
    },
  });
  const [jelantah, lilin] = group.programme.indicators;
  // weeks of 2026: 5 Jan (before the earlier meeting) and 16 Feb, 2 Mar (after it)
  const report = (memberId: number, week: string, litres: string, obstacle: string | null) =>
    db.prisma.report.create({
      data: { groupId: group.id, memberId, submittedById: memberId, weekStart: new Date(`${week}T00:00:00Z`), submittedAt: wita(`${week}T12:00:00`), obstacle, values: { create: [{ indicatorId: jelantah!.id, value: litres }] } },
    });
  await report(ani.id, "2026-01-05", "10.5", "Jeriken kurang");
  await report(ani.id, "2026-02-16", "20", "Harga lilin turun");
  await report(budi.id, "2026-03-02", "4", null);
  // the same weeks last year
  await report(ani.id, "2025-02-17", "7", null);
  await db.prisma.target.create({ data: { groupId: group.id, indicatorId: jelantah!.id, year: 2026, value: "400", source: "cli" } });
  await db.prisma.target.create({ data: { groupId: group.id, indicatorId: lilin!.id, year: 2026, value: "100", source: "cli" } });
  ids = { staff: staff.id, ani: ani.id, budi: budi.id, lurah: lurah.id, meeting: meeting.id, earlier: earlier.id, group: group.id };
});
afterAll(() => db?.drop());

describe("asking for input", () => {
  it("queues one request per invitee, once per person however often staff ask", async () => {
    expect(await requestInput(deps, ids.meeting, ids.ani)).toEqual({ kind: "not-allowed" });
    expect(await requestInput(deps, ids.meeting, ids.staff)).toEqual({ kind: "requested", count: 3 });
    expect(queued.map((q) => [q.key, q.purpose])).toEqual([
      [`input-${ids.meeting}-${ids.ani}`, "meeting-input-request"],
      [`input-${ids.meeting}-${ids.budi}`, "meeting-input-request"],
      [`input-${ids.meeting}-${ids.lurah}`, "meeting-input-request"],
    ]);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: ids.meeting } })).inputRequestedAt).toEqual(now);
  });

  it("a group's member gets three topics, a stakeholder one; answers replace earlier ones until the start", async () => {
    const round = await inputRound(deps, ids.meeting, ids.ani);
    expect(round).toMatchObject({ kind: "open", topics: ["achievements", "obstacles", "proposals"] });
    expect(await inputRound(deps, ids.meeting, ids.lurah)).toMatchObject({ kind: "open", topics: ["stakeholder_input"] });
    expect(await saveInput(deps, ids.meeting, ids.ani, "achievements", "Jelantah naik dua kali lipat")).toEqual({ kind: "saved" });
    expect(await saveInput(deps, ids.meeting, ids.ani, "proposals", "Tambah jeriken")).toEqual({ kind: "saved" });
    expect(await saveInput(deps, ids.meeting, ids.ani, "proposals", "Tambah jeriken dan mesin press")).toEqual({ kind: "saved" });
    expect(await saveInput(deps, ids.meeting, ids.lurah, "stakeholder_input", "Libatkan karang taruna")).toEqual({ kind: "saved" });
    expect(await saveInput(deps, ids.meeting, ids.lurah, "obstacles", "bukan topiknya")).toEqual({ kind: "not-invited" });
    expect(await inputRound(deps, ids.meeting, ids.ani)).toMatchObject({ answers: { achievements: "Jelantah naik dua kali lipat", proposals: "Tambah jeriken dan mesin press" } });
    expect(await db.prisma.meetingInput.count({ where: { meetingId: ids.meeting } })).toBe(3);
    const started = now;
    now = wita("2026-03-12T09:00:00");
    expect(await saveInput(deps, ids.meeting, ids.ani, "obstacles", "terlambat")).toEqual({ kind: "closed" });
    expect(await inputRound(deps, ids.meeting, ids.ani)).toEqual({ kind: "closed" });
    now = started;
  });
});

describe("the briefing", () => {
  it("holds per group the figures against target and last year, completeness, obstacles since the last meeting, the input; and the stakeholders' sheet", async () => {
    const b = await briefingData(db.prisma, ids.meeting, ZONE);
    const bytes = await briefingXlsx(b!, t, "id", ZONE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Mariojela", "Pemangku kepentingan"]);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (first: string) => rows.find((r) => r[0] === first);
    expect(rows[0]![0]).toBe("Mariojela — bahan untuk FGD Evaluasi");
    expect(find("Indikator")).toEqual(["Indikator", "Satuan", "2026 sejauh ini", "Target", "% target", "Periode sama 2025"]);
    // 10,5 + 20 + 4 litres of 400 (8,6 %); the same weeks of 2025: 7
    expect(find("Jelantah terkumpul")).toEqual(["Jelantah terkumpul", "liter", 34.5, 400, 0.086, 7]);
    expect(find("Lilin terjual")?.slice(0, 4)).toEqual(["Lilin terjual", "buah", undefined, 100]);
    // the weeks before the meeting's: 29 Dec 2025 (week 1 of 2026) … 2 Mar 2026, 10 expected, 3 reported
    expect(find("Minggu melapor / minggu seharusnya")).toEqual(["Minggu melapor / minggu seharusnya", 3, 10, "3 dari 10 minggu"]);
    // only the obstacle reported after the January meeting
    const obstaclesAt = rows.findIndex((r) => String(r[0]).startsWith("Kendala yang dilaporkan sejak 20/1/2026"));
    expect(rows[obstaclesAt + 1]).toEqual(["Harga lilin turun", "2026-02-16", "Ani"]);
    expect(rows.some((r) => r[0] === "Jeriken kurang")).toBe(false);
    const inputsAt = rows.findIndex((r) => r[0] === "Masukan untuk rapat ini");
    expect(rows.slice(inputsAt + 1, inputsAt + 3)).toEqual([
      ["Jelantah naik dua kali lipat", "Capaian", "Ani"],
      ["Tambah jeriken dan mesin press", "Usulan", "Ani"],
    ]);
    expect(sheet.getImages()).toHaveLength(1);
    const stake = wb.worksheets[1]!;
    expect((stake.getRow(3).values as unknown[]).slice(1)).toEqual(["Lurah Margasari", "Pak Lurah", "Libatkan karang taruna"]);
  });
});

describe("the notulen", () => {
  it("are recorded only once the meeting has started, audited, and sent to the attendees", async () => {
    expect(await saveNotes({ ...deps }, ids.meeting, ids.staff, "Target 2027 naik 10%")).toEqual({ kind: "not-yet" });
    now = wita("2026-03-12T12:00:00");
    await db.prisma.invitation.update({ where: { meetingId_personId: { meetingId: ids.meeting, personId: ids.budi } }, data: { checkedInAt: wita("2026-03-12T09:05:00") } });
    expect(await saveNotes(deps, ids.meeting, ids.ani, "x")).toEqual({ kind: "not-allowed" });
    expect(await saveNotes(deps, ids.meeting, ids.staff, "Target 2027 naik 10%")).toMatchObject({ kind: "saved" });
    queued.length = 0;
    expect(await sendNotes(deps, ids.meeting, ids.staff)).toEqual({ kind: "sent", count: 1 });
    expect(queued.map((q) => [q.purpose, q.personId])).toEqual([["meeting-notes", ids.budi]]);
    const m = await db.prisma.meeting.findUniqueOrThrow({ where: { id: ids.meeting } });
    expect([m.notes, m.notesById]).toEqual(["Target 2027 naik 10%", ids.staff]);
    expect(await db.prisma.auditEntry.count({ where: { entity: "meeting", entityId: ids.meeting, action: "notes" } })).toBe(1);
  });
});
