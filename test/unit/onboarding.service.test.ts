import { describe, expect, it } from "vitest";
import type { JoinCodeRow, JoinerRow } from "../../src/features/onboarding/onboarding.repository.js";
import {
  checkJoinCode,
  generateJoinCode,
  isWellFormedJoinCode,
  JOIN_CODE_BYTES,
  JOIN_CODE_LENGTH,
  joinerNeedsConsent,
  joinLink,
  normalisePhone,
  readWholeNumber,
  telegramName,
  validateName,
} from "../../src/features/onboarding/onboarding.service.js";

const NOW = new Date("2026-11-30T02:00:00.000Z");
const CODE = "AbCdEfGhIjKlMnOpQrSt_-";

function codeRow(overrides: Partial<JoinCodeRow> = {}): JoinCodeRow {
  return {
    id: 7,
    code: CODE,
    role: "member",
    groupId: 3,
    stakeholderId: null,
    expiresAt: new Date("2026-12-14T02:00:00.000Z"),
    maxUses: 50,
    uses: 0,
    revokedAt: null,
    createdAt: new Date("2026-11-30T01:00:00.000Z"),
    group: { code: "mariojela-margasari", name: "Mariojela", active: true, programme: { name: "Margasari Olah Jelantah (Mariojela)" } },
    stakeholder: null,
    ...overrides,
  };
}

function stakeholderRow(stakeholderId: number | null): JoinCodeRow {
  return codeRow({
    role: "stakeholder",
    groupId: null,
    group: null,
    stakeholderId,
    stakeholder: stakeholderId === null ? null : { code: "lurah-margasari", institution: "Lurah Margasari", active: true },
  });
}

function joiner(overrides: Partial<JoinerRow> = {}): JoinerRow {
  return {
    id: 11,
    name: "Siti Aminah",
    status: "active",
    consentAt: new Date("2026-11-01T00:00:00.000Z"),
    stakeholderId: null,
    memberships: [],
    ...overrides,
  };
}

describe("join codes", () => {
  it("are 22 characters of the deep-link alphabet from 16 random bytes (128 bits)", () => {
    expect(JOIN_CODE_BYTES * 8).toBeGreaterThanOrEqual(96);
    const code = generateJoinCode();
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isWellFormedJoinCode(code)).toBe(true);
  });

  it("encode the random bytes exactly (every byte value, every alphabet character)", () => {
    expect(generateJoinCode(() => Buffer.alloc(16, 0))).toBe("AAAAAAAAAAAAAAAAAAAAAA");
    expect(generateJoinCode(() => Buffer.alloc(16, 0xff))).toBe("_____________________w");
    // 0xfbefbe is "++++" in base64: base64url writes "-" instead, and drops the "=" padding
    expect(generateJoinCode(() => Buffer.from(`${"fbefbe".repeat(5)}fb`, "hex"))).toBe(`${"-".repeat(21)}w`);
  });

  it("do not repeat and use the whole alphabet", () => {
    const codes = Array.from({ length: 2000 }, () => generateJoinCode());
    expect(new Set(codes).size).toBe(codes.length);
    const characters = new Set(codes.join(""));
    expect(characters.size).toBe(64);
  });

  it("tell well-formed payloads from malformed ones", () => {
    expect(isWellFormedJoinCode("x".repeat(64))).toBe(true);
    expect(isWellFormedJoinCode("x".repeat(65))).toBe(false);
    expect(isWellFormedJoinCode("short")).toBe(false);
    expect(isWellFormedJoinCode("AbCdEfGhIjKlMnOpQrSt+/")).toBe(false);
    expect(isWellFormedJoinCode("AbCdEfGhIj KlMnOpQrSt")).toBe(false);
    expect(isWellFormedJoinCode("")).toBe(false);
  });

  it("make t.me deep links", () => {
    expect(joinLink("LaporKelompokBot", CODE)).toBe(`https://t.me/LaporKelompokBot?start=${CODE}`);
    expect(joinLink("@LaporKelompokBot", CODE)).toBe(`https://t.me/LaporKelompokBot?start=${CODE}`);
  });
});

describe("checkJoinCode", () => {
  it("accepts a usable code and describes the offer", () => {
    const check = checkJoinCode(CODE, codeRow(), null, NOW);
    expect(check).toEqual({
      kind: "ok",
      offer: {
        joinCodeId: 7,
        code: CODE,
        role: "member",
        groupId: 3,
        groupName: "Mariojela",
        programmeName: "Margasari Olah Jelantah (Mariojela)",
        stakeholderId: null,
        institution: null,
        expiresAt: "2026-12-14T02:00:00.000Z",
      },
    });
  });

  it("says malformed before looking anything up", () => {
    expect(checkJoinCode("bad code!", codeRow(), null, NOW)).toEqual({ kind: "malformed" });
  });

  it("says unknown for a well-formed code that does not exist", () => {
    expect(checkJoinCode(CODE, null, null, NOW)).toEqual({ kind: "unknown" });
  });

  it("says expired at and after the expiry instant, not a millisecond before", () => {
    const row = codeRow({ expiresAt: NOW });
    expect(checkJoinCode(CODE, row, null, NOW)).toEqual({ kind: "expired", expiredAt: NOW.toISOString() });
    expect(checkJoinCode(CODE, row, null, new Date(NOW.getTime() - 1)).kind).toBe("ok");
  });

  it("says revoked for a revoked code, also when its group or institution was deactivated", () => {
    expect(checkJoinCode(CODE, codeRow({ revokedAt: NOW }), null, NOW)).toEqual({ kind: "revoked" });
    const inactiveGroup = codeRow({ group: { code: "g", name: "G", active: false, programme: { name: "P" } } });
    expect(checkJoinCode(CODE, inactiveGroup, null, NOW)).toEqual({ kind: "revoked" });
  });

  it("says used-up when every use is taken", () => {
    expect(checkJoinCode(CODE, codeRow({ uses: 50 }), null, NOW)).toEqual({ kind: "used-up" });
    expect(checkJoinCode(CODE, codeRow({ uses: 49 }), null, NOW).kind).toBe("ok");
  });

  it("prefers revoked over expired over used-up", () => {
    const all = codeRow({ revokedAt: NOW, expiresAt: NOW, uses: 50 });
    expect(checkJoinCode(CODE, all, null, NOW).kind).toBe("revoked");
    expect(checkJoinCode(CODE, codeRow({ expiresAt: NOW, uses: 50 }), null, NOW).kind).toBe("expired");
  });

  it("says already-member to an active member of the group", () => {
    const member = joiner({ memberships: [{ groupId: 3, role: "member", status: "active" }] });
    expect(checkJoinCode(CODE, codeRow(), member, NOW)).toEqual({
      kind: "already-member",
      role: "member",
      groupName: "Mariojela",
      institution: null,
    });
  });

  it("lets a member of the group take a coordinator code, but not a coordinator a member code", () => {
    const member = joiner({ memberships: [{ groupId: 3, role: "member", status: "active" }] });
    expect(checkJoinCode(CODE, codeRow({ role: "coordinator" }), member, NOW).kind).toBe("ok");
    const coordinator = joiner({ memberships: [{ groupId: 3, role: "coordinator", status: "active" }] });
    expect(checkJoinCode(CODE, codeRow(), coordinator, NOW).kind).toBe("already-member");
  });

  it("welcomes back someone who left the group, joins another group, or was erased", () => {
    const left = joiner({ memberships: [{ groupId: 3, role: "member", status: "left" }] });
    expect(checkJoinCode(CODE, codeRow(), left, NOW).kind).toBe("ok");
    const elsewhere = joiner({ memberships: [{ groupId: 4, role: "member", status: "active" }] });
    expect(checkJoinCode(CODE, codeRow(), elsewhere, NOW).kind).toBe("ok");
    const erased = joiner({ status: "erased", memberships: [{ groupId: 3, role: "member", status: "active" }] });
    expect(checkJoinCode(CODE, codeRow(), erased, NOW).kind).toBe("ok");
  });

  it("says already-member to a registered stakeholder, unless the code is for another institution", () => {
    const stakeholder = joiner({ stakeholderId: 5 });
    expect(checkJoinCode(CODE, stakeholderRow(null), stakeholder, NOW).kind).toBe("already-member");
    expect(checkJoinCode(CODE, stakeholderRow(5), stakeholder, NOW).kind).toBe("already-member");
    expect(checkJoinCode(CODE, stakeholderRow(6), stakeholder, NOW).kind).toBe("ok");
    expect(checkJoinCode(CODE, stakeholderRow(null), joiner(), NOW).kind).toBe("ok");
  });
});

describe("consent", () => {
  it("is needed by strangers, people who left or were erased, and people who never consented", () => {
    expect(joinerNeedsConsent(null)).toBe(true);
    expect(joinerNeedsConsent(joiner({ status: "left" }))).toBe(true);
    expect(joinerNeedsConsent(joiner({ status: "erased" }))).toBe(true);
    expect(joinerNeedsConsent(joiner({ consentAt: null }))).toBe(true);
    expect(joinerNeedsConsent(joiner())).toBe(false);
    expect(joinerNeedsConsent(joiner({ status: "unreachable" }))).toBe(false);
  });
});

describe("validateName", () => {
  it("accepts names of 2 to 80 characters, tidying spaces", () => {
    expect(validateName("  Siti   Aminah ")).toEqual({ kind: "ok", name: "Siti Aminah" });
    expect(validateName("Yo")).toEqual({ kind: "ok", name: "Yo" });
    expect(validateName("a".repeat(80))).toEqual({ kind: "ok", name: "a".repeat(80) });
    expect(validateName("Ni Made Ayu Ṣaraswati")).toEqual({ kind: "ok", name: "Ni Made Ayu Ṣaraswati" });
    expect(validateName("Hj. Nur'aini, S.Pd.")).toEqual({ kind: "ok", name: "Hj. Nur'aini, S.Pd." });
  });

  it("refuses too short, too long, commands and names without letters", () => {
    expect(validateName("A")).toEqual({ kind: "too-short" });
    expect(validateName("   ")).toEqual({ kind: "too-short" });
    expect(validateName("a".repeat(81))).toEqual({ kind: "too-long" });
    expect(validateName("/batal")).toEqual({ kind: "command" });
    expect(validateName("12345")).toEqual({ kind: "no-letters" });
    expect(validateName("👍👍👍")).toEqual({ kind: "no-letters" });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(validateName(`${"é".repeat(79)}😀`).kind).toBe("ok");
  });

  it("offers the Telegram name only when it would pass", () => {
    expect(telegramName("Siti", "Aminah")).toBe("Siti Aminah");
    expect(telegramName("Budi", undefined)).toBe("Budi");
    expect(telegramName("🌸", undefined)).toBeNull();
    expect(telegramName("B", undefined)).toBeNull();
  });
});

describe("small readers", () => {
  it("normalises shared phone numbers to E.164", () => {
    expect(normalisePhone("6281234567890")).toBe("+6281234567890");
    expect(normalisePhone("+62 812-3456-7890")).toBe("+6281234567890");
  });

  it("reads typed whole numbers within bounds", () => {
    expect(readWholeNumber(" 21 ", { min: 1, max: 365 })).toBe(21);
    expect(readWholeNumber("0", { min: 1, max: 365 })).toBeNull();
    expect(readWholeNumber("366", { min: 1, max: 365 })).toBeNull();
    expect(readWholeNumber("2,5", { min: 1, max: 365 })).toBeNull();
    expect(readWholeNumber("tujuh", { min: 1, max: 365 })).toBeNull();
  });
});
