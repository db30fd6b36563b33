import { addDays } from "date-fns/addDays";
import { addMinutes } from "date-fns/addMinutes";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, type CliDeps } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import {
  CONSENT_TEXT_VERSION,
  createJoinCode,
  joinWithCode,
  listActiveJoinCodes,
  OPERATOR,
  revokeJoinCode,
  validateJoinCode,
  type JoinCodeTarget,
  type OnboardingDeps,
} from "../../src/features/onboarding/onboarding.service.js";
import { freshDatabase, type TestDatabase } from "../support/db.js";

const START = new Date("2026-11-30T02:00:00.000Z");
let db: TestDatabase;
let now: Date;
let deps: OnboardingDeps;
let nextTelegramId = 700_000_000_000n;
const newTelegramId = () => (nextTelegramId += 1n);

let groups: Record<string, number>;
let stakeholders: Record<string, number>;

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  deps = { prisma: db.prisma, clock: () => now };
  groups = Object.fromEntries((await db.prisma.group.findMany()).map((g) => [g.code, g.id]));
  stakeholders = Object.fromEntries((await db.prisma.stakeholder.findMany()).map((s) => [s.code, s.id]));
});
afterAll(() => db?.drop());
beforeEach(() => {
  now = START;
});

async function newCode(target: JoinCodeTarget, options: { days?: number; maxUses?: number } = {}) {
  const result = await createJoinCode(deps, { target, ...options, rights: OPERATOR });
  if (result.kind !== "created") throw new Error(`could not create: ${result.kind}`);
  return result.joinCode;
}
const memberOf = (code: string, role: "member" | "coordinator" = "member"): JoinCodeTarget => ({ kind: "group", groupId: groups[code]!, role });
const profile = { name: "Siti Aminah", phone: "+6281234567890" };

describe("creating, listing and revoking join codes", () => {
  it("creates a code with the defaults: 14 days, 50 uses", async () => {
    const code = await newCode(memberOf("mariojela-margasari"));
    expect(code.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code).toMatchObject({ role: "member", groupName: "Mariojela", groupCode: "mariojela-margasari", uses: 0, maxUses: 50 });
    expect(code.expiresAt).toBe(addDays(START, 14).toISOString());
  });

  it("refuses people without staff rights, unknown groups and out-of-range limits", async () => {
    const target = memberOf("ksb-margasari");
    expect(await createJoinCode(deps, { target, rights: { isStaff: false, personId: null } })).toEqual({ kind: "not-allowed" });
    expect((await createJoinCode(deps, { target: { kind: "group", groupId: 99_999, role: "member" }, rights: OPERATOR })).kind).toBe("unknown-group");
    expect((await createJoinCode(deps, { target: { kind: "stakeholder", stakeholderId: 99_999 }, rights: OPERATOR })).kind).toBe("unknown-stakeholder");
    expect((await createJoinCode(deps, { target, days: 0, rights: OPERATOR })).kind).toBe("invalid-days");
    expect((await createJoinCode(deps, { target, maxUses: 1001, rights: OPERATOR })).kind).toBe("invalid-uses");
  });

  it("lists the usable codes of a group and revokes one, checking rights", async () => {
    const keep = await newCode(memberOf("proklim-muara-rapak"), { days: 7, maxUses: 10 });
    const revoke = await newCode(memberOf("proklim-muara-rapak", "coordinator"), { maxUses: 1 });
    const listed = await listActiveJoinCodes(deps, { groupId: groups["proklim-muara-rapak"]! });
    expect(listed.map((c) => c.code).sort()).toEqual([keep.code, revoke.code].sort());

    expect(await revokeJoinCode(deps, { joinCodeId: revoke.joinCodeId, rights: { isStaff: false, personId: null } })).toEqual({ kind: "not-allowed" });
    expect((await revokeJoinCode(deps, { joinCodeId: revoke.joinCodeId, rights: OPERATOR })).kind).toBe("revoked");
    expect((await revokeJoinCode(deps, { code: revoke.code, rights: OPERATOR })).kind).toBe("already-revoked");
    expect((await revokeJoinCode(deps, { code: "NoSuchCodeNoSuchCode00", rights: OPERATOR })).kind).toBe("not-found");

    const after = await listActiveJoinCodes(deps, { groupId: groups["proklim-muara-rapak"]! });
    expect(after.map((c) => c.code)).toEqual([keep.code]);
    now = addDays(START, 8);
    expect(await listActiveJoinCodes(deps, { groupId: groups["proklim-muara-rapak"]! })).toEqual([]);
  });
});

describe("validating a presented code", () => {
  it("returns every case", async () => {
    const telegramId = newTelegramId();
    const code = await newCode(memberOf("ksb-baru-tengah"), { days: 7, maxUses: 1 });
    expect(await validateJoinCode(deps, "not a code", telegramId)).toEqual({ kind: "malformed" });
    expect(await validateJoinCode(deps, "WellFormedButUnknown00", telegramId)).toEqual({ kind: "unknown" });
    const ok = await validateJoinCode(deps, code.code, telegramId);
    expect(ok).toMatchObject({ kind: "ok", offer: { groupName: "KSB Baru Tengah", role: "member" }, joiner: { needsConsent: true, name: null } });

    now = addDays(START, 7);
    expect(await validateJoinCode(deps, code.code, telegramId)).toEqual({ kind: "expired", expiredAt: code.expiresAt });
    now = START;

    const revoked = await newCode(memberOf("ksb-baru-tengah"));
    await revokeJoinCode(deps, { joinCodeId: revoked.joinCodeId, rights: OPERATOR });
    expect(await validateJoinCode(deps, revoked.code, telegramId)).toEqual({ kind: "revoked" });

    expect((await joinWithCode(deps, { code: code.code, telegramId, profile })).kind).toBe("joined");
    expect(await validateJoinCode(deps, code.code, newTelegramId())).toEqual({ kind: "used-up" });
    const another = await newCode(memberOf("ksb-baru-tengah"));
    expect(await validateJoinCode(deps, another.code, telegramId)).toMatchObject({ kind: "already-member", groupName: "KSB Baru Tengah" });
  });

  it("stores nothing", async () => {
    const before = await db.prisma.person.count();
    const code = await newCode(memberOf("mariojela-margasari"));
    await validateJoinCode(deps, code.code, newTelegramId());
    expect(await db.prisma.person.count()).toBe(before);
  });
});

describe("joining", () => {
  it("creates the person with consent, the membership and the code's use in one go", async () => {
    const telegramId = newTelegramId();
    const code = await newCode(memberOf("mariojela-margasari"));
    now = addMinutes(START, 5);
    const result = await joinWithCode(deps, { code: code.code, telegramId, profile });
    expect(result).toMatchObject({ kind: "joined", offer: { groupName: "Mariojela" } });

    const person = await db.prisma.person.findUniqueOrThrow({ where: { telegramId }, include: { memberships: true } });
    expect(person).toMatchObject({ name: "Siti Aminah", phone: "+6281234567890", language: "id", status: "active", consentVersion: CONSENT_TEXT_VERSION });
    expect(person.consentAt).toEqual(now);
    expect(person.memberships).toMatchObject([{ groupId: groups["mariojela-margasari"], role: "member", status: "active" }]);
    expect((await db.prisma.joinCode.findUniqueOrThrow({ where: { id: code.joinCodeId } })).uses).toBe(1);
  });

  it("without consent stores nothing and takes no use", async () => {
    const telegramId = newTelegramId();
    const code = await newCode(memberOf("mariojela-margasari"));
    expect(await joinWithCode(deps, { code: code.code, telegramId, profile: null })).toEqual({ kind: "consent-needed" });
    expect(await db.prisma.person.findUnique({ where: { telegramId } })).toBeNull();
    expect((await db.prisma.joinCode.findUniqueOrThrow({ where: { id: code.joinCodeId } })).uses).toBe(0);
  });

  it("gives the last use to exactly one of two people racing for it", async () => {
    for (let round = 0; round < 5; round++) {
      const code = await newCode(memberOf("sampah-margasari"), { maxUses: 1 });
      const [a, b] = [newTelegramId(), newTelegramId()];
      const results = await Promise.all([
        joinWithCode(deps, { code: code.code, telegramId: a, profile }),
        joinWithCode(deps, { code: code.code, telegramId: b, profile }),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(["joined", "used-up"]);
      expect((await db.prisma.joinCode.findUniqueOrThrow({ where: { id: code.joinCodeId } })).uses).toBe(1);
      expect(await db.prisma.person.count({ where: { telegramId: { in: [a, b] } } })).toBe(1);
    }
  });

  it("turns away a member joining the same group again, without taking a use", async () => {
    const telegramId = newTelegramId();
    const first = await newCode(memberOf("ksb-margasari"));
    await joinWithCode(deps, { code: first.code, telegramId, profile });
    const second = await newCode(memberOf("ksb-margasari"));
    expect(await joinWithCode(deps, { code: second.code, telegramId, profile: null })).toMatchObject({ kind: "already-member" });
    expect((await db.prisma.joinCode.findUniqueOrThrow({ where: { id: second.joinCodeId } })).uses).toBe(0);
  });

  it("lets a known person join a second group by confirming only, and promotes a member by a coordinator code", async () => {
    const telegramId = newTelegramId();
    await joinWithCode(deps, { code: (await newCode(memberOf("ksb-margasari"))).code, telegramId, profile });
    const second = await newCode(memberOf("petratonik-karang-joang"));
    const check = await validateJoinCode(deps, second.code, telegramId);
    expect(check).toMatchObject({ kind: "ok", joiner: { needsConsent: false, name: "Siti Aminah" } });
    expect((await joinWithCode(deps, { code: second.code, telegramId, profile: null })).kind).toBe("joined");
    const promote = await newCode(memberOf("ksb-margasari", "coordinator"), { maxUses: 1 });
    expect((await joinWithCode(deps, { code: promote.code, telegramId, profile: null })).kind).toBe("joined");

    const person = await db.prisma.person.findUniqueOrThrow({ where: { telegramId }, include: { memberships: { orderBy: { groupId: "asc" } } } });
    expect(person.name).toBe("Siti Aminah");
    expect(person.memberships.map((m) => [m.groupId, m.role])).toEqual(
      [
        [groups["ksb-margasari"], "coordinator"],
        [groups["petratonik-karang-joang"], "member"],
      ].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
  });

  it("registers stakeholders with the code's institution, or the one they chose", async () => {
    const bound = await newCode({ kind: "stakeholder", stakeholderId: stakeholders["lurah-margasari"]! });
    const boundId = newTelegramId();
    expect(await joinWithCode(deps, { code: bound.code, telegramId: boundId, profile })).toMatchObject({ kind: "joined", institution: "Lurah Margasari" });

    const open = await newCode({ kind: "stakeholder", stakeholderId: null });
    const openId = newTelegramId();
    expect(await joinWithCode(deps, { code: open.code, telegramId: openId, profile })).toEqual({ kind: "institution-needed" });
    const joined = await joinWithCode(deps, { code: open.code, telegramId: openId, profile, stakeholderId: stakeholders["bpbd-balikpapan"]! });
    expect(joined).toMatchObject({ kind: "joined", institution: "BPBD Kota Balikpapan" });

    const people = await db.prisma.person.findMany({ where: { telegramId: { in: [boundId, openId] } }, include: { memberships: true } });
    expect(people.map((p) => p.stakeholderId).sort()).toEqual([stakeholders["lurah-margasari"], stakeholders["bpbd-balikpapan"]].sort());
    expect(people.every((p) => p.memberships.length === 0 && p.consentVersion === CONSENT_TEXT_VERSION)).toBe(true);
    expect(await validateJoinCode(deps, open.code, openId)).toMatchObject({ kind: "already-member", role: "stakeholder" });
  });

  it("asks an erased person for consent again and starts them over", async () => {
    const telegramId = newTelegramId();
    await joinWithCode(deps, { code: (await newCode(memberOf("mariojela-margasari"))).code, telegramId, profile });
    await db.prisma.person.update({ where: { telegramId }, data: { status: "erased", name: null, phone: null, erasedAt: START } });
    await db.prisma.membership.updateMany({ where: { person: { telegramId } }, data: { status: "left" } });

    const code = await newCode(memberOf("mariojela-margasari"));
    expect(await validateJoinCode(deps, code.code, telegramId)).toMatchObject({ kind: "ok", joiner: { needsConsent: true } });
    expect(await joinWithCode(deps, { code: code.code, telegramId, profile: null })).toEqual({ kind: "consent-needed" });
    now = addDays(START, 1);
    const result = await joinWithCode(deps, { code: code.code, telegramId, profile: { name: "Siti A.", phone: null } });
    expect(result.kind).toBe("joined");
    const person = await db.prisma.person.findUniqueOrThrow({ where: { telegramId }, include: { memberships: true } });
    expect(person).toMatchObject({ status: "active", name: "Siti A.", phone: null, erasedAt: null, consentAt: now });
    expect(person.memberships).toMatchObject([{ status: "active", role: "member" }]);
  });

  it("re-checks the code at the end: expired or revoked while answering", async () => {
    const expiring = await newCode(memberOf("proklim-muara-rapak"), { days: 1 });
    now = addDays(START, 1);
    expect(await joinWithCode(deps, { code: expiring.code, telegramId: newTelegramId(), profile })).toEqual({ kind: "expired", expiredAt: expiring.expiresAt });
    now = START;
    const revoked = await newCode(memberOf("proklim-muara-rapak"));
    await revokeJoinCode(deps, { joinCodeId: revoked.joinCodeId, rights: OPERATOR });
    expect(await joinWithCode(deps, { code: revoked.code, telegramId: newTelegramId(), profile })).toEqual({ kind: "revoked" });
  });
});

describe("cli", () => {
  function cli(argv: string[], botUsername: string | null = null) {
    let out = "";
    let err = "";
    const cliDeps: CliDeps = {
      prisma: db.prisma,
      config: loadConfig({ DATABASE_URL: db.url, ADMIN_TELEGRAM_IDS: "42" }),
      clock: () => now,
      out: (text) => (out += text),
      err: (text) => (err += text),
      fetchBotUsername: async () => botUsername,
    };
    return runCli(argv, cliDeps).then((code) => ({ code, out, err }));
  }

  it("creates links for a group and for stakeholders, with or without the bot's username", async () => {
    const group = await cli(["link", "create", "--group", "ksb-margasari", "--role", "coordinator", "--days", "7", "--uses", "1"], "LaporBot");
    expect(group.code).toBe(0);
    expect(group.out).toMatch(/link: +https:\/\/t\.me\/LaporBot\?start=[A-Za-z0-9_-]{22}\n/);
    expect(group.out).toContain("group ksb-margasari (KSB Margasari), role coordinator");
    expect(group.out).toContain(`expires: ${addDays(START, 7).toISOString()} (2026-12-07 10:00 Asia/Makassar)`);

    const stakeholder = await cli(["link", "create", "--stakeholder", "dinsos-balikpapan", "--bot-username", "OtherBot"]);
    expect(stakeholder.out).toContain("https://t.me/OtherBot?start=");
    expect(stakeholder.out).toContain("stakeholders of dinsos-balikpapan (Dinas Sosial Kota Balikpapan)");

    const anyInstitution = await cli(["link", "create", "--stakeholder"]);
    expect(anyInstitution.code).toBe(0);
    expect(anyInstitution.out).toContain("institution chosen when joining");
    expect(anyInstitution.out).toContain("No link printed: BOT_TOKEN is not set. Pass --bot-username <name>");
  });

  it("lists and revokes links", async () => {
    const created = await cli(["link", "create", "--group", "mariojela-margasari", "--role", "member"]);
    const code = /code: +([A-Za-z0-9_-]{22})/.exec(created.out)?.[1];
    expect(code).toBeDefined();
    expect((await cli(["link", "list", "--group", "mariojela-margasari"])).out).toContain(code!);
    expect((await cli(["link", "revoke", code!])).out).toBe(`Revoked ${code}\n`);
    expect((await cli(["link", "revoke", code!])).out).toBe(`${code} was already revoked\n`);
    expect((await cli(["link", "list", "--group", "mariojela-margasari"])).out).not.toContain(code!);
  });

  it("adds and removes staff", async () => {
    const added = await cli(["staff", "add", "--telegram-id", "5550001", "--admin"]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toMatch(/^Created person \d+ \(Telegram 5550001\) as admin\n$/);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { telegramId: 5550001n } })).staffRole).toBe("admin");
    expect((await cli(["staff", "add", "--telegram-id", "5550001"])).out).toMatch(/^Updated .* as staff\n$/);
    expect((await cli(["staff", "remove", "--telegram-id", "5550001"])).out).toBe("Telegram 5550001 is no longer staff\n");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { telegramId: 5550001n } })).staffRole).toBeNull();
    expect((await cli(["staff", "remove", "--telegram-id", "42"])).code).toBe(1);
  });

  it("lists programmes, groups and institutions with their codes", async () => {
    const result = await cli(["groups"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("mariojela  Margasari Olah Jelantah (Mariojela)\n  mariojela-margasari  Mariojela (Margasari)");
    expect(result.out).toContain("  ksb-baru-tengah  KSB Baru Tengah (Baru Tengah)");
    expect(result.out).toContain("  bpbd-balikpapan  BPBD Kota Balikpapan");
  });

  it("explains mistakes on stderr with exit code 1", async () => {
    const unknown = await cli(["link", "create", "--group", "nope", "--role", "member"]);
    expect(unknown).toMatchObject({ code: 1, out: "" });
    expect(unknown.err).toContain("unknown group code: nope");
    expect((await cli(["link", "create", "--group", "ksb-margasari", "--role", "boss"])).err).toContain("--role must be member or coordinator");
    expect((await cli(["link", "create", "--group", "ksb-margasari", "--role", "member", "--days", "400"])).err).toContain("--days must be between 1 and 365");
    expect((await cli(["link", "create", "--bogus"])).code).toBe(1);
    expect((await cli(["frobnicate"])).err).toContain("unknown command: frobnicate");
    expect((await cli([])).out).toContain("Usage: npm run cli");
  });
});
