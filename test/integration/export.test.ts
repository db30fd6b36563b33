// The reports export against real PostgreSQL: the XLSX parsed back equals the database, the
// CSV follows its convention, a coordinator is held to their own groups, and the export job
// sends the files as documents through the local Bot API server — also when started from
// /ekspor in the real bot.
import ExcelJS from "exceljs";
import { Api } from "grammy";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Config } from "../../src/config.js";
import type { BotApiServer, BotMessage } from "../../src/dev/bot-api-server.js";
import { wallTime } from "../../src/features/export/export.columns.js";
import { buildReportsCsv, buildReportsXlsx } from "../../src/features/export/export.files.js";
import { apiSender, exportJobs, runExportJob, type ExportJobDeps, type SentMarks } from "../../src/features/export/export.jobs.js";
import { resolvePeriod } from "../../src/features/export/export.period.js";
import { createExportRepository } from "../../src/features/export/export.repository.js";
import { authorizeExport, type ExportJobData } from "../../src/features/export/export.service.js";
import { exportTexts } from "../../src/features/export/export.texts.js";
import type { JobData, Outbox } from "../../src/jobs/outgoing.types.js";
import { parseJob } from "../../src/jobs/registry.js";
import { dbDate } from "../../src/lib/week.js";
import type { TestDatabase } from "../support/db.js";
import { SARI_TG, seedReports2021, STAFF_TG, type Fixture } from "../support/reports-2021.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const ZONE = "Asia/Makassar";
const YEAR_2021 = { firstWeekStartDate: "2021-01-04", lastWeekStartDate: "2021-12-27" };
const i18n = createI18n();
const texts = exportTexts((key, vars) => i18n.t("id", key, vars), "id");
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

let db: TestDatabase;
let fx: Fixture;
let server: BotApiServer;
let config: Config;
let app: InProcessBot;
const now = new Date("2022-01-25T01:00:00Z");
const scheduled: Array<{ queue: string; jobName: string; data: JobData; jobId: string }> = [];

const outbox: Outbox = {
  enqueue: async () => ({ queued: 0, alreadyQueued: 0, alreadySent: 0, requeued: 0 }),
  cancel: async () => 0,
  async scheduleJob(queue, jobName, data, opts) {
    scheduled.push({ queue, jobName, data: parseJob(queue, jobName, data) as JobData, jobId: opts.jobId });
  },
  cancelJob: async () => false,
};

beforeAll(async () => {
  app = await startInProcessBot({ label: "export", clock: () => now, outbox });
  ({ db, server } = app);
  config = app.deps.config;
  fx = await seedReports2021(db.prisma);
  for (const [id, name] of [[STAFF_TG, "Petugas"], [SARI_TG, "Sari"]] as const) server.addChat({ id, first_name: name });
});

afterAll(async () => {
  await app?.close();
});

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The current reports of a group in ISO 2021, straight from the database, in the export's order. */
async function expectedRows(groupId: number) {
  const reports = await db.prisma.report.findMany({
    where: { groupId, current: true, weekStart: { gte: dbDate("2021-01-04"), lte: dbDate("2021-12-27") } },
    include: { values: true, member: true, submittedBy: true, group: true },
  });
  return reports.sort(
    (a, b) =>
      a.weekStart.getTime() - b.weekStart.getTime() ||
      (a.member.name === null ? 1 : 0) - (b.member.name === null ? 1 : 0) ||
      ((a.member.name ?? "") < (b.member.name ?? "") ? -1 : (a.member.name ?? "") > (b.member.name ?? "") ? 1 : 0) ||
      a.memberId - b.memberId,
  );
}

describe("buildReportsXlsx", () => {
  it("writes one row per member and week that, parsed back, equals the database — values, dates and totals", async () => {
    const { bytes, programmes } = await buildReportsXlsx(db.prisma, { ...YEAR_2021, groupIds: [fx.mariojela.id] }, ZONE, texts);
    expect(programmes).toEqual([{ programmeId: fx.mariojela.programmeId, code: "mariojela", name: "Margasari Olah Jelantah (Mariojela)", rows: 32 }]);
    const workbook = await readXlsx(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Mariojela"]);
    const sheet = workbook.worksheets[0]!;

    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Minggu",
      "Kode minggu",
      "Kelompok",
      "Kelurahan",
      "Anggota",
      "Dilaporkan oleh",
      "Waktu lapor",
      "Jelantah terkumpul (liter)",
      "Lilin terjual (buah)",
      "Pendapatan (rupiah)",
      "Catatan",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(10);

    const expected = await expectedRows(fx.mariojela.id);
    expect(expected).toHaveLength(32);
    expected.forEach((report, i) => {
      const row = sheet.getRow(i + 2);
      const value = (id: number) => report.values.find((v) => v.indicatorId === id)?.value.toNumber() ?? null;
      expect(row.getCell(1).value).toEqual(report.weekStart);
      expect(row.getCell(1).numFmt).toBe("dd/mm/yyyy");
      expect(row.getCell(2).value).toMatch(/^2021-W\d\d$/);
      expect(row.getCell(3).value).toBe("Mariojela");
      expect(row.getCell(4).value).toBe("Margasari");
      expect(row.getCell(5).value).toBe(report.member.status === "erased" ? "(dihapus)" : report.member.name);
      expect(row.getCell(6).value).toBe(report.submittedBy.status === "erased" ? "(dihapus)" : report.submittedBy.name);
      const at = wallTime(report.submittedAt, ZONE);
      expect(row.getCell(7).value).toEqual(at);
      expect(row.getCell(8).value).toBe(value(fx.indicators.jelantah));
      expect(row.getCell(8).numFmt).toBe("#,##0.0");
      expect(row.getCell(9).value).toBe(value(fx.indicators.lilin));
      expect(row.getCell(9).numFmt).toBe("#,##0");
      expect(row.getCell(10).value ?? null).toBe(value(fx.indicators.pendapatan));
      expect(row.getCell(11).value ?? null).toBe(report.note);
    });
    // Wall time: 02:15:30 UTC is 10:15:30 WITA.
    expect(sheet.getRow(2).getCell(7).value).toEqual(new Date("2021-01-04T10:15:30.000Z"));
    expect(sheet.getRow(2).getCell(2).value).toBe("2021-W01");
    expect(sheet.getRow(33).getCell(2).value).toBe("2021-W52");
    expect(expected.some((r) => r.member.status === "erased")).toBe(true);

    const totals = sheet.getRow(34);
    expect(totals.getCell(1).value).toBe("Jumlah");
    expect(totals.font?.bold).toBe(true);
    expect(totals.getCell(8).value).toEqual({ formula: "SUM(H2:H33)", result: 789.5 });
    expect(totals.getCell(9).value).toEqual({ formula: "SUM(I2:I33)", result: 255 });
    const income = expected.flatMap((r) => r.values.filter((v) => v.indicatorId === fx.indicators.pendapatan)).reduce((sum, v) => sum + v.value.toNumber(), 0);
    expect(totals.getCell(10).value).toEqual({ formula: "SUM(J2:J33)", result: income });
    expect(sheet.rowCount).toBe(34);
  });

  it("puts every programme with reports on a sheet of its own, and reads pages through the cursor", async () => {
    const { bytes, programmes } = await buildReportsXlsx(db.prisma, YEAR_2021, ZONE, texts);
    expect(programmes.map((p) => [p.code, p.rows])).toEqual([
      ["mariojela", 32],
      ["petratonik", 12],
    ]);
    const workbook = await readXlsx(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Mariojela", "Petratonik"]);
    const petratonik = workbook.getWorksheet("Petratonik")!;
    expect(petratonik.getRow(1).getCell(8).value).toBe("Maggot BSF dipanen (kg)");
    expect(petratonik.getRow(14).getCell(8).value).toEqual({ formula: "SUM(H2:H13)", result: 434 });
    expect(petratonik.getRow(14).getCell(9).value).toEqual({ formula: "SUM(I2:I13)", result: 174 });

    // Small pages give the same rows as one big page.
    const repo = createExportRepository(db.prisma);
    const [programme] = await repo.programmesInScope({ ...YEAR_2021, groupIds: [fx.mariojela.id] });
    const pages: number[] = [];
    const ids: number[] = [];
    const read = await repo.readProgramme(programme!, YEAR_2021, async (rows) => {
      pages.push(rows.length);
      ids.push(...rows.map((r) => r.reportId));
    }, 7);
    expect(read.count).toBe(32);
    expect(pages).toEqual([7, 7, 7, 7, 4]);
    expect(new Set(ids).size).toBe(32);
    expect(read.totals.slice(0, 2).map(Number)).toEqual([789.5, 255]);
  });

  it("works without translated headings (for the benchmark) and for an empty period", async () => {
    const { bytes } = await buildReportsXlsx(db.prisma, { firstWeekStartDate: "2018-12-31", lastWeekStartDate: "2019-12-23" }, ZONE);
    const workbook = await readXlsx(bytes);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("week_start");
    expect(sheet.getRow(2).getCell(1).value).toBe("total");
    // nothing reported in the period: an empty cell, not 0
    expect(sheet.getRow(2).getCell(8).value).toBeNull();
  });
});

/** Splits one CSV line on `;`, honouring quoted fields (quotes doubled inside). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

describe("buildReportsCsv", () => {
  it("writes UTF-8 with a BOM, ; between fields, decimal commas, zone times, and escaped texts", async () => {
    const files = await buildReportsCsv(db.prisma, { ...YEAR_2021, groupIds: [fx.mariojela.id] }, ZONE, texts);
    expect(files).toHaveLength(1);
    const bytes = files[0]!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("Minggu;Kode minggu;Kelompok;Kelurahan;Anggota;Dilaporkan oleh;Waktu lapor;Jelantah terkumpul (liter);Lilin terjual (buah);Pendapatan (rupiah);Catatan");
    expect(lines).toHaveLength(1 + 32 + 1);

    const expected = await expectedRows(fx.mariojela.id);
    const first = expected[0]!;
    const value = (id: number) => first.values.find((v) => v.indicatorId === id)?.value.toFixed().replace(".", ",").replace(/,?0+$/, "") ?? "";
    expect(lines[1]).toBe(
      ["2021-01-04", "2021-W01", "Mariojela", "Margasari", first.member.name, first.submittedBy.name, "2021-01-04 10:15", value(fx.indicators.jelantah), value(fx.indicators.lilin), value(fx.indicators.pendapatan), `"${first.note}"`].join(";"),
    );
    const text = lines.join("\n");
    expect(text).toContain('"Budi; tanpa HP"');
    expect(text).toContain(";'=1+1");
    expect(text).toContain('"Jelantah dari warung; sebagian kotor"');
    expect(text).toContain(";(dihapus);");
    expect(lines.slice(1, -1).every((l) => parseCsvLine(l).length === 11)).toBe(true);
    // The figures in the CSV add up to the seed's 789,5.
    const jelantah = lines.slice(1, -1).map((l) => Number(parseCsvLine(l)[7]!.replace(",", ".")));
    expect(Math.round(jelantah.reduce((a, b) => a + b, 0) * 10) / 10).toBe(789.5);
  });
});

describe("rights", () => {
  const repo = () => createExportRepository(db.prisma);

  it("lets staff export anything", async () => {
    for (const scope of [{ kind: "all" } as const, { kind: "programme", programmeId: fx.petratonik.programmeId } as const, { kind: "group", groupId: fx.mariojela.id } as const]) {
      expect((await authorizeExport(repo(), fx.staff.id, scope, YEAR_2021)).kind).toBe("ok");
    }
  });

  it("holds a coordinator to their own groups, checked in the service", async () => {
    const own = await authorizeExport(repo(), fx.sari.id, { kind: "group", groupId: fx.mariojela.id }, YEAR_2021);
    expect(own).toMatchObject({ kind: "ok", filter: { groupIds: [fx.mariojela.id] }, scopeCode: "mariojela-margasari" });
    expect(await authorizeExport(repo(), fx.sari.id, { kind: "my-groups" }, YEAR_2021)).toMatchObject({ kind: "ok", filter: { groupIds: [fx.mariojela.id] } });
    for (const scope of [{ kind: "group", groupId: fx.petratonik.id } as const, { kind: "programme", programmeId: fx.mariojela.programmeId } as const, { kind: "all" } as const]) {
      expect(await authorizeExport(repo(), fx.sari.id, scope, YEAR_2021)).toEqual({ kind: "not-allowed" });
    }
  });

  it("refuses members and erased people", async () => {
    expect(await authorizeExport(repo(), fx.ani.id, { kind: "group", groupId: fx.mariojela.id }, YEAR_2021)).toEqual({ kind: "not-allowed" });
    expect(await authorizeExport(repo(), fx.citra.id, { kind: "my-groups" }, YEAR_2021)).toEqual({ kind: "not-allowed" });
  });
});

function memoryMarks(): SentMarks {
  const set = new Set<string>();
  return { has: async (key) => set.has(key), mark: async (key) => void set.add(key) };
}

function jobDeps(marks = memoryMarks()): ExportJobDeps {
  return {
    prisma: db.prisma,
    timeZone: ZONE,
    translate: (language, key, vars) => i18n.t(language, key, vars),
    sender: apiSender(new Api(server.token, { apiRoot: server.apiRoot })),
    marks,
    log: logger,
  };
}

const jobData = (personId: number, scope: Pick<ExportJobData, "scopeKind" | "scopeId">, format: ExportJobData["format"], period = YEAR_2021): ExportJobData => ({
  personId,
  ...scope,
  ...period,
  periodSlug: period === YEAR_2021 ? "2021" : "x",
  format,
});

const newMessages = (chatId: number, since: number): BotMessage[] => server.messages(chatId).slice(since);

describe("the export job", () => {
  it("sends the XLSX and one CSV per programme as documents, and a retry sends nothing twice", async () => {
    const staff = new TelegramUser(server, { id: STAFF_TG, firstName: "Petugas" });
    const before = staff.messages().length;
    const marks = memoryMarks();

    expect(await runExportJob(jobDeps(marks), jobData(fx.staff.id, { scopeKind: "all", scopeId: null }, "both"), "export-1-abc")).toBe("sent");

    const sent = newMessages(STAFF_TG, before);
    expect(sent.map((m) => [m.method, m.document?.file_name])).toEqual([
      ["sendDocument", "laporan-semua-2021.xlsx"],
      ["sendDocument", "laporan-semua-2021-mariojela.csv"],
      ["sendDocument", "laporan-semua-2021-petratonik.csv"],
    ]);
    expect(sent[0]!.caption).toBe("Laporan semua kelompok, minggu 2021-W01 – 2021-W52 (4 Januari 2021 – 2 Januari 2022): 44 laporan.");
    const workbook = await readXlsx(server.file(sent[0]!.document!.file_id));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Mariojela", "Petratonik"]);
    expect(workbook.getWorksheet("Mariojela")!.getRow(34).getCell(8).value).toEqual({ formula: "SUM(H2:H33)", result: 789.5 });
    expect(server.file(sent[1]!.document!.file_id).subarray(3).toString("utf8")).toContain("Minggu;Kode minggu;");
    expect(sent[1]!.caption).toContain("Laporan semua kelompok — program Margasari Olah Jelantah (Mariojela), minggu");

    await runExportJob(jobDeps(marks), jobData(fx.staff.id, { scopeKind: "all", scopeId: null }, "both"), "export-1-abc");
    expect(newMessages(STAFF_TG, before)).toHaveLength(3);
  });

  it("splits a workbook too big for one Telegram document into one per programme", async () => {
    const all = await buildReportsXlsx(db.prisma, YEAR_2021, ZONE, texts);
    const one = await buildReportsXlsx(db.prisma, { ...YEAR_2021, programmeIds: [fx.mariojela.programmeId] }, ZONE, texts);
    expect(one.bytes.length).toBeLessThan(all.bytes.length - 100);
    const before = server.messages(STAFF_TG).length;

    const deps = { ...jobDeps(), maxDocumentBytes: all.bytes.length - 50 };
    expect(await runExportJob(deps, jobData(fx.staff.id, { scopeKind: "all", scopeId: null }, "xlsx"), "export-4-abc")).toBe("sent");

    const sent = newMessages(STAFF_TG, before);
    expect(sent.map((m) => m.document?.file_name)).toEqual(["laporan-semua-2021-mariojela.xlsx", "laporan-semua-2021-petratonik.xlsx"]);
    // The programme by its name, not its code ("program petratonik").
    expect(sent[1]!.caption).toBe("Laporan semua kelompok — program Peternakan Ayam Terintegrasi BSF dan Sayuran Organik (Petratonik), minggu 2021-W01 – 2021-W52 (4 Januari 2021 – 2 Januari 2022): 12 laporan.");
    const petratonik = await readXlsx(server.file(sent[1]!.document!.file_id));
    expect(petratonik.worksheets.map((w) => w.name)).toEqual(["Petratonik"]);
  });

  it("leaves out a file over the limit and says so", async () => {
    const before = server.messages(STAFF_TG).length;
    const deps = { ...jobDeps(), maxDocumentBytes: 1000 };
    expect(await runExportJob(deps, jobData(fx.staff.id, { scopeKind: "group", scopeId: fx.mariojela.id }, "csv"), "export-5-abc")).toBe("too-large");
    expect(newMessages(STAFF_TG, before).map((m) => [m.method, m.text])).toEqual([["sendMessage", expect.stringContaining("terlalu besar untuk dikirim lewat Telegram")]]);
  });

  it("checks the rights again: a coordinator's job for another group sends no file", async () => {
    const before = server.messages(SARI_TG).length;
    expect(await runExportJob(jobDeps(), jobData(fx.sari.id, { scopeKind: "group", scopeId: fx.petratonik.id }, "xlsx"), "export-2-abc")).toBe("not-allowed");
    const sent = newMessages(SARI_TG, before);
    expect(sent.map((m) => m.method)).toEqual(["sendMessage"]);
    expect(sent[0]!.text).toContain("hanya untuk petugas dan ketua kelompok");
  });

  it("says so when the period has no reports", async () => {
    const before = server.messages(STAFF_TG).length;
    const empty = { firstWeekStartDate: "2018-12-31", lastWeekStartDate: "2019-12-23" };
    expect(await runExportJob(jobDeps(), jobData(fx.staff.id, { scopeKind: "all", scopeId: null }, "csv", empty), "export-3-abc")).toBe("empty");
    expect(newMessages(STAFF_TG, before).map((m) => m.text)).toEqual([expect.stringContaining("Belum ada laporan untuk semua kelompok pada minggu 2019-W01 – 2019-W52")]);
  });
});

describe("/ekspor through the bot", () => {
  it("asks period, scope and format, queues one job, and the job's processor sends the files", async () => {
    const sari = new TelegramUser(server, { id: SARI_TG, firstName: "Sari" });
    sari.say("/ekspor");
    await sari.expectReply("Laporan untuk periode kapan yang ingin diunduh?");
    sari.press("Pilih tahun…");
    await sari.expectReply("Tulis tahunnya dengan empat angka");
    sari.say("tahun lalu");
    await sari.expectReply("Tulis tahun dengan empat angka antara 2000 dan 2100");
    sari.say("2021");
    // One group: no scope question for this coordinator.
    await sari.expectReply("Dalam bentuk file apa?");
    const formatButton = sari.press("Excel (XLSX)");
    await sari.expectReply("file laporannya sedang disiapkan");
    expect(await sari.callbackAnswer(formatButton)).toBeDefined();

    expect(scheduled).toHaveLength(1);
    const job = scheduled[0]!;
    expect(job).toMatchObject({ queue: "export", jobName: "build", jobId: expect.stringMatching(new RegExp(`^export-${fx.sari.id}-[0-9a-f]{8}$`)) });
    expect(job.data).toEqual({ personId: fx.sari.id, scopeKind: "group", scopeId: fx.mariojela.id, ...YEAR_2021, periodSlug: "2021", format: "xlsx" });

    const before = sari.messages().length;
    const deps = { ...app.deps, logger, i18n };
    const api = new Api(server.token, { apiRoot: server.apiRoot });
    await exportJobs.processors!.export!.build!(parseJob("export", "build", job.data), { deps, log: logger, jobId: job.jobId, jobName: "build", attempt: 1, scheduledAt: now, api });
    const sent = newMessages(SARI_TG, before);
    expect(sent.map((m) => m.document?.file_name)).toEqual(["laporan-mariojela-margasari-2021.xlsx"]);
    expect(sent[0]!.caption).toContain("Laporan kelompok Mariojela, minggu 2021-W01 – 2021-W52");
  });

  it("lets staff choose a programme's group, and refuses a member", async () => {
    const staff = new TelegramUser(server, { id: STAFF_TG, firstName: "Petugas" });
    staff.say("/ekspor");
    await staff.expectReply("Laporan untuk periode kapan");
    staff.press("4 minggu terakhir");
    await staff.expectReply("Laporan kelompok mana yang ingin diunduh?");
    staff.press("Peternakan Ayam Terintegrasi BSF dan Sayuran Organik (Petratonik)");
    await staff.expectReply("seluruh program, atau satu kelompok saja?");
    staff.press("Petratonik Karang Joang");
    await staff.expectReply("Dalam bentuk file apa?");
    staff.press("Keduanya");
    await staff.expectReply("sedang disiapkan");
    const period = resolvePeriod({ kind: "last-4-weeks" }, now, ZONE);
    expect(scheduled.at(-1)?.data).toMatchObject({ personId: fx.staff.id, scopeKind: "group", scopeId: fx.petratonik.id, format: "both", firstWeekStartDate: period.firstWeekStartDate, lastWeekStartDate: period.lastWeekStartDate, periodSlug: period.slug });

    const ani = new TelegramUser(server, { id: 9_400_011, firstName: "Ani" });
    ani.say("/ekspor");
    await ani.expectReply("Maaf, ekspor laporan hanya untuk petugas dan ketua kelompok");
  });
});
