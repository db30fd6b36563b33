import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import {
  attendanceHeaders,
  attendanceFileBase,
  attendanceRecap,
  attendanceRows,
  type AttendanceInvitee,
  type AttendanceRow,
} from "../../src/features/meeting/meeting.attendance.js";
import { attendanceCsv, attendanceXlsx, csvField, wallTime } from "../../src/features/meeting/meeting.attendance.export.js";

const i18n = createI18n();
const tId = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
const tEn = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);
const WITA = "Asia/Makassar";
const wita = (local: string) => new Date(`${local}+08:00`);

const mariojela = { kind: "group" as const, id: 2, name: "Mariojela Margasari" };
const ksb = { kind: "group" as const, id: 3, name: "KSB Baru Tengah" };
const lurah = { kind: "stakeholder" as const, id: 7, name: "Lurah Margasari" };

function invitee(over: Partial<AttendanceInvitee> & { personId: number }): AttendanceInvitee {
  return {
    name: `Orang ${over.personId}`,
    erased: false,
    affiliation: mariojela,
    role: "member",
    answer: null,
    answeredAt: null,
    checkedInAt: null,
    checkInMethod: null,
    reason: null,
    ...over,
  };
}

const INVITEES: AttendanceInvitee[] = [
  invitee({ personId: 1, name: "Siti Aminah", role: "coordinator", answer: "yes", answeredAt: wita("2022-01-20T10:15:00"), checkedInAt: wita("2022-01-25T08:52:00"), checkInMethod: "code" }),
  invitee({ personId: 2, name: "Budi", answer: "no", answeredAt: wita("2022-01-21T19:00:00"), reason: "Sakit; kambuh lagi" }),
  invitee({ personId: 3, name: "Ahmad; \"Pak RT\", Jr.", answer: "yes", answeredAt: wita("2022-01-22T07:00:00"), checkedInAt: wita("2022-01-25T09:05:00"), checkInMethod: "staff" }),
  invitee({ personId: 4, name: "Pak Lurah", affiliation: lurah, role: "stakeholder", answer: "maybe", answeredAt: wita("2022-01-23T23:59:00"), checkedInAt: wita("2022-01-25T09:30:00"), checkInMethod: "button" }),
  invitee({ personId: 5, name: "Dewi", affiliation: ksb }),
  invitee({ personId: 6, name: null, erased: true, affiliation: ksb }),
  invitee({ personId: 7, name: "=HYPERLINK(\"http://x\")", affiliation: null, role: null }),
];

describe("the rows of the daftar hadir", () => {
  it("are sorted groups first, then institutions, by name, numbered, with labels from locales", () => {
    const rows = attendanceRows(tId, INVITEES);
    expect(rows.map((r) => [r.no, r.affiliation, r.name])).toEqual([
      [1, "KSB Baru Tengah", "(data dihapus)"],
      [2, "KSB Baru Tengah", "Dewi"],
      [3, "Mariojela Margasari", "Ahmad; \"Pak RT\", Jr."],
      [4, "Mariojela Margasari", "Budi"],
      [5, "Mariojela Margasari", "Siti Aminah"],
      [6, "Lurah Margasari", "Pak Lurah"],
      [7, "(tanpa kelompok)", "=HYPERLINK(\"http://x\")"],
    ]);
    expect(rows[4]).toEqual({
      no: 5,
      name: "Siti Aminah",
      affiliation: "Mariojela Margasari",
      role: "Ketua kelompok",
      answer: "Hadir",
      reason: "",
      answeredAt: wita("2022-01-20T10:15:00"),
      present: "Ya",
      checkedInAt: wita("2022-01-25T08:52:00"),
      method: "Kode",
    });
    expect(rows[3]).toMatchObject({ role: "Anggota", answer: "Tidak hadir", reason: "Sakit; kambuh lagi", present: "Tidak", checkedInAt: null, method: "" });
    expect(rows[5]).toMatchObject({ role: "Pemangku kepentingan", answer: "Mungkin", method: "Tombol" });
    expect(rows[2]).toMatchObject({ method: "Dicatat petugas" });
    expect(rows[1]).toMatchObject({ answer: "Belum menjawab", answeredAt: null });
  });

  it("have their column headers in both languages", () => {
    expect(attendanceHeaders(tId)).toEqual(["No", "Nama", "Kelompok/Lembaga", "Peran", "Jawaban", "Alasan tidak hadir", "Waktu jawaban", "Hadir", "Waktu hadir", "Cara check-in"]);
    expect(attendanceHeaders(tEn)).toEqual(["No", "Name", "Group/Institution", "Role", "Answer", "Reason for not attending", "Answered at", "Present", "Checked in at", "Check-in by"]);
    expect(attendanceRows(tEn, INVITEES)[4]).toMatchObject({ role: "Group head", answer: "Attending", present: "Yes", method: "Code" });
  });

  it("sum up by group: invited, answered yes, attended", () => {
    const recap = attendanceRecap(tId, INVITEES);
    expect(recap.total).toEqual({ name: "", invited: 7, yes: 2, attended: 3 });
    expect(recap.byAffiliation).toEqual([
      { name: "KSB Baru Tengah", invited: 2, yes: 0, attended: 0 },
      { name: "Mariojela Margasari", invited: 3, yes: 2, attended: 2 },
      { name: "Lurah Margasari", invited: 1, yes: 0, attended: 1 },
      { name: "(tanpa kelompok)", invited: 1, yes: 0, attended: 0 },
    ]);
  });
});

describe("the XLSX file", () => {
  it("parses back with exceljs to the same rows, with times as WITA wall-clock Excel dates", async () => {
    const rows = attendanceRows(tId, INVITEES);
    const headers = attendanceHeaders(tId);
    const buffer = await attendanceXlsx({ sheetName: "Daftar hadir", titleRows: ["Daftar hadir: FGD", "Selasa, 25 Januari 2022"], headers, rows, zone: WITA });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Daftar hadir")!;
    expect(sheet.getCell("A1").value).toBe("Daftar hadir: FGD");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const headerRow = sheet.getRow(4);
    expect(headerRow.values).toEqual([undefined, ...headers]);
    expect(headerRow.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);

    const back: AttendanceRow[] = [];
    for (let r = 5; r <= sheet.rowCount; r++) {
      const v = (c: number) => sheet.getRow(r).getCell(c).value;
      const time = (c: number) => (v(c) === null ? null : (v(c) as Date));
      back.push({
        no: v(1) as number,
        name: v(2) as string,
        affiliation: v(3) as string,
        role: v(4) as string,
        answer: v(5) as string,
        reason: (v(6) as string | null) ?? "",
        answeredAt: time(7),
        present: v(8) as string,
        checkedInAt: time(9),
        method: (v(10) as string | null) ?? "",
      });
    }
    const asWallTime = rows.map((row) => ({
      ...row,
      answeredAt: row.answeredAt && wallTime(row.answeredAt, WITA),
      checkedInAt: row.checkedInAt && wallTime(row.checkedInAt, WITA),
    }));
    expect(back).toEqual(asWallTime);
    // 08.52 WITA is stored as 08.52: Excel shows the room's clock, not UTC.
    expect((sheet.getRow(9).getCell(9).value as Date).toISOString()).toBe("2022-01-25T08:52:00.000Z");
    expect(sheet.getRow(9).getCell(9).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(sheet.getRow(8).getCell(6).value).toBe("Sakit; kambuh lagi");
  });
});

/** A strict RFC 4180 reader for the test (`;`-separated, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) throw new Error("the file must end with CRLF");
  return records;
}

describe("the file names", () => {
  it("carry the meeting's date in the zone and its title as a safe slug", () => {
    const startsAt = wita("2022-01-25T23:30:00"); // 15.30 UTC: still the 25th in WITA
    expect(attendanceFileBase(tId, { title: "FGD Evaluasi Program TJSL 2022", startsAt }, WITA)).toBe("daftar-hadir-2022-01-25-fgd-evaluasi-program-tjsl-2022");
    expect(attendanceFileBase(tEn, { title: "FGD Evaluasi", startsAt }, WITA)).toBe("attendance-2022-01-25-fgd-evaluasi");
    expect(attendanceFileBase(tId, { title: "Rapat / Évaluasi: \"Q1\" ../../etc 🎉", startsAt }, WITA)).toBe("daftar-hadir-2022-01-25-rapat-evaluasi-q1-etc");
    expect(attendanceFileBase(tId, { title: "🎉🎉", startsAt }, WITA)).toBe("daftar-hadir-2022-01-25");
    const long = attendanceFileBase(tId, { title: "kata ".repeat(40), startsAt }, WITA);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("the CSV file", () => {
  it("is UTF-8 with a BOM, `;`-separated, and reads back to the same columns and rows", () => {
    const rows = attendanceRows(tId, INVITEES);
    const headers = attendanceHeaders(tId);
    const buffer = attendanceCsv({ headers, rows, zone: WITA });
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(buffer.subarray(3).toString("utf8"));
    expect(records[0]).toEqual(headers);
    expect(records).toHaveLength(rows.length + 1);
    expect(records[3]).toEqual(["3", "Ahmad; \"Pak RT\", Jr.", "Mariojela Margasari", "Anggota", "Hadir", "", "2022-01-22 07:00", "Ya", "2022-01-25 09:05", "Dicatat petugas"]);
    expect(records[4]).toEqual(["4", "Budi", "Mariojela Margasari", "Anggota", "Tidak hadir", "Sakit; kambuh lagi", "2022-01-21 19:00", "Tidak", "", ""]);
    expect(records[5]).toEqual(["5", "Siti Aminah", "Mariojela Margasari", "Ketua kelompok", "Hadir", "", "2022-01-20 10:15", "Ya", "2022-01-25 08:52", "Kode"]);
    // A name that a spreadsheet would run as a formula is kept as text.
    expect(records[7]![1]).toBe("'=HYPERLINK(\"http://x\")");
  });

  it("quotes fields with ; , quotes or line breaks, and doubles the quotes", () => {
    expect(csvField("Budi")).toBe("Budi");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('Ahmad "Pak RT"')).toBe('"Ahmad ""Pak RT"""');
    expect(csvField("dua\nbaris")).toBe('"dua\nbaris"');
    expect(csvField(" spasi")).toBe('" spasi"');
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@lurah")).toBe("'@lurah");
    expect(csvField("")).toBe("");
  });
});
