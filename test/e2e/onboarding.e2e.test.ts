// Joining, links, help, language and command menus end to end: the built bot as a child
// process, the test as an admin, staff, members and strangers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage } from "../../src/dev/bot-api-server.js";
import { createJoinCode, OPERATOR, type JoinCodeTarget } from "../../src/features/onboarding/onboarding.service.js";
import { CONSENT_TEXT_VERSION } from "../../src/features/onboarding/onboarding.rules.js";
import { buttons, failTestsOnBotErrors, groupByCode, memberUser, startE2E, type E2E } from "../support/e2e.js";

const ADMIN_ID = 8_200_000_001;
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ label: "onboarding", adminIds: [ADMIN_ID], firstUserId: 8_200_100_000 });
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

const codeOf = (message: BotMessage) => /\?start=([A-Za-z0-9_-]+)/.exec(message.text ?? "")?.[1] ?? "";

/** A join code made directly through the onboarding service (as `npm run cli -- link create` does). */
async function joinCode(groupCode: string, role: "member" | "coordinator" = "member", maxUses = 10): Promise<string> {
  const group = await groupByCode(e2e.db, groupCode);
  const target: JoinCodeTarget = { kind: "group", groupId: group.id, role };
  const created = await createJoinCode({ prisma: e2e.db.prisma, clock: () => new Date() }, { target, maxUses, rights: OPERATOR });
  if (created.kind !== "created") throw new Error(created.kind);
  return created.joinCode.code;
}

describe.sequential("joining and the basics, end to end", () => {
  it("publishes the command menus at start, in Indonesian and in English", async () => {
    // before joining, everyone sees the guest menu: no /lapor, no /tautan
    const menu = e2e.server.commands();
    expect(menu.map((c) => c.command)).toEqual(expect.arrayContaining(["bahasa", "bantuan"]));
    expect(menu.map((c) => c.command)).not.toEqual(expect.arrayContaining(["lapor"]));
    expect(menu.map((c) => c.command)).not.toEqual(expect.arrayContaining(["tautan"]));
    expect(menu.find((c) => c.command === "bantuan")?.description).toBe("Bantuan");
    expect(e2e.server.commands(undefined, "id")).toEqual(menu);
    const english = e2e.server.commands(undefined, "en");
    expect(english.map((c) => c.command)).toEqual(menu.map((c) => c.command));
    expect(english.find((c) => c.command === "bahasa")?.description).not.toBe(menu.find((c) => c.command === "bahasa")?.description);
    expect(e2e.server.stats().requests.setMyCommands).toBeGreaterThanOrEqual(3);
  });

  it("an admin makes a link with /tautan and a stranger joins through it: consent, name, shared phone, confirmation", async () => {
    const admin = e2e.userWithId(ADMIN_ID, { firstName: "Petugas", lastName: "CSR" });
    admin.say("/tautan");
    await admin.expectReply("Tautan undangan: apa yang ingin Anda lakukan?");
    admin.press("Buat tautan baru");
    await admin.expectReply("Untuk kelompok mana?");
    admin.press("KSB Margasari");
    await admin.expectReply("Tautan untuk kelompok KSB Margasari ini untuk siapa?");
    admin.press("Anggota");
    await admin.expectReply("Berapa lama tautan ini berlaku?");
    admin.say("21");
    await admin.expectReply("Berapa orang yang boleh memakai tautan ini?");
    admin.press("10 orang");
    const created = await admin.expectReply("Tautan undangan sudah jadi");
    expect(created.text).toContain(`https://t.me/${e2e.server.me.username}?start=`);
    expect(created.text).toContain("Untuk: kelompok KSB Margasari (program Kampung Siaga Bencana (KSB)), sebagai anggota");
    const code = codeOf(created);
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const user = e2e.user({ firstName: "Rina", lastName: "Marlina" });
    user.say(`/start ${code}`);
    await user.expectReply("Tautan ini untuk bergabung dengan kelompok KSB Margasari (program Kampung Siaga Bencana (KSB)) sebagai anggota.");
    const consent = await user.expectReply("Undang-Undang No. 27 Tahun 2022 tentang Pelindungan Data Pribadi");
    expect(buttons(consent).map((b) => b.text)).toEqual(["Setuju", "Tidak setuju"]);
    // nothing is stored before «Gabung»
    expect(await e2e.db.prisma.person.findUnique({ where: { telegramId: BigInt(user.id) } })).toBeNull();
    user.press("Setuju");
    await user.expectReply("Siapa nama Anda?");
    user.press("Pakai nama: Rina Marlina");
    const phone = await user.expectReply("Boleh kami minta nomor HP Anda?");
    expect(phone.reply_markup).toMatchObject({ keyboard: [[{ text: "📱 Bagikan nomor HP", request_contact: true }], [{ text: "Lewati" }]] });
    user.shareContact("6281255501234");
    await user.expectReply("Terima kasih.");
    const summary = await user.expectReply("Mohon periksa sekali lagi:");
    expect(summary.text).toContain("Nama: Rina Marlina\nNomor HP: +6281255501234\nKelompok: KSB Margasari");
    expect(await e2e.db.prisma.person.findUnique({ where: { telegramId: BigInt(user.id) } })).toBeNull();
    user.press("Gabung");
    await user.expectReply("Selamat, Anda sudah bergabung dengan kelompok KSB Margasari!");

    const person = await e2e.db.prisma.person.findUniqueOrThrow({
      where: { telegramId: BigInt(user.id) },
      include: { memberships: { include: { group: true } } },
    });
    expect(person).toMatchObject({ name: "Rina Marlina", phone: "+6281255501234", status: "active", language: "id", consentVersion: CONSENT_TEXT_VERSION });
    expect(person.consentAt).toBeInstanceOf(Date);
    expect(Date.now() - person.consentAt!.getTime()).toBeLessThan(60_000);
    expect(person.memberships.map((m) => [m.group.code, m.role, m.status])).toEqual([["ksb-margasari", "member", "active"]]);
    const stored = await e2e.db.prisma.joinCode.findUniqueOrThrow({ where: { code } });
    expect(stored).toMatchObject({ uses: 1, maxUses: 10, role: "member" });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(21 * 24 * 3600 * 1000);

    // the member's own menu, and they can report now
    await expect.poll(() => e2e.server.commands({ type: "chat", chat_id: user.id }).map((c) => c.command)).toEqual(
      expect.arrayContaining(["lapor", "riwayat", "bahasa", "bantuan", "batal"]),
    );
    expect(e2e.server.commands({ type: "chat", chat_id: user.id }).map((c) => c.command)).not.toContain("tautan");
    user.say("/lapor");
    await user.expectReply("Laporan ini untuk minggu yang mana?");
    user.say("/batal");
    await user.expectReply("Baik, dibatalkan.");

    // logs carry ids, never the name or the phone number
    const logs = JSON.stringify(e2e.bot.allLogs);
    expect(logs).not.toContain("Rina");
    expect(logs).not.toContain("Marlina");
    expect(logs).not.toContain("81255501234");
  });

  it("gives each bad code its own message: malformed, unknown, expired, revoked, used up, already a member", async () => {
    const member = await memberUser(e2e, "ksb-baru-tengah", { name: "Taufik Hidayat" });
    // one stranger per code: replies outside conversations are throttled to 1 per second per chat
    const strangers: ReturnType<E2E["user"]>[] = [];
    const say = async (text: string, expected: string) => {
      const user = e2e.user({ firstName: "Lina" });
      strangers.push(user);
      user.say(text);
      return user.expectReply(expected);
    };

    await say("/start abc", "Maaf, kode di tautan ini tidak lengkap atau salah.");
    await say("/start AAAAAAAAAAAAAAAAAAAAAA", "Maaf, tautan undangan ini tidak kami kenali.");

    const expired = await joinCode("ksb-baru-tengah");
    await e2e.db.prisma.joinCode.update({ where: { code: expired }, data: { expiresAt: new Date("2026-01-02T03:00:00Z") } });
    await say(`/start ${expired}`, "Maaf, tautan undangan ini sudah kedaluwarsa (hanya berlaku sampai 2 Januari 2026).");

    const revoked = await joinCode("ksb-baru-tengah");
    await e2e.db.prisma.joinCode.update({ where: { code: revoked }, data: { revokedAt: new Date() } });
    await say(`/start ${revoked}`, "Maaf, tautan undangan ini sudah dicabut dan tidak bisa dipakai lagi.");

    const usedUp = await joinCode("ksb-baru-tengah", "member", 1);
    await e2e.db.prisma.joinCode.update({ where: { code: usedUp }, data: { uses: 1 } });
    await say(`/start ${usedUp}`, "Maaf, tautan undangan ini sudah penuh");

    const fine = await joinCode("ksb-baru-tengah");
    member.user.say(`/start ${fine}`);
    await member.user.expectReply("Anda sudah terdaftar di kelompok KSB Baru Tengah, jadi tidak perlu bergabung lagi.");

    // six different answers, each the only message, none of them a join conversation; nothing stored
    const texts = [...strangers, member.user].map((u) => u.messages().map((m) => m.text));
    expect(texts.every((t) => t.length === 1)).toBe(true);
    expect(new Set(texts.flat()).size).toBe(6);
    expect(await e2e.db.prisma.person.count({ where: { telegramId: { in: strangers.map((u) => BigInt(u.id)) } } })).toBe(0);
    expect((await e2e.db.prisma.joinCode.findUniqueOrThrow({ where: { code: fine } })).uses).toBe(0);
  });

  it("refuses /tautan to a member", async () => {
    const { user } = await memberUser(e2e, "mariojela-margasari", { name: "Sri Wahyuni" });
    user.say("/tautan");
    await user.expectReply("Maaf, perintah ini hanya untuk petugas.");
    const before = await e2e.db.prisma.joinCode.count();
    user.say("Buat tautan baru");
    await user.expectReply("Maaf, saya tidak mengerti pesan itu.");
    expect(await e2e.db.prisma.joinCode.count()).toBe(before);
  });

  it("/bantuan lists what each one can do: member, coordinator, staff, admin, stranger", async () => {
    const help = async (user: ReturnType<E2E["user"]>) => {
      user.say("/bantuan");
      return (await user.expectReply(/./)).text ?? "";
    };
    const member = await memberUser(e2e, "mariojela-margasari", { name: "Putu Ayu" });
    const coordinator = await memberUser(e2e, "mariojela-margasari", { name: "Made Wira", role: "coordinator" });
    const staff = e2e.user({ firstName: "Staf" });
    await e2e.db.prisma.person.create({ data: { telegramId: BigInt(staff.id), name: "Staf CSR", staffRole: "staff" } });
    const admin = e2e.userWithId(ADMIN_ID, { firstName: "Petugas" });
    const stranger = e2e.user({ firstName: "Tamu" });

    const memberHelp = await help(member.user);
    expect(memberHelp).toMatch(/^Yang bisa Anda lakukan:/);
    expect(memberHelp).toContain("/lapor — Laporkan hasil kegiatan minggu ini");
    expect(memberHelp).toContain("/riwayat — Lihat laporan sebelumnya");
    expect(memberHelp).not.toContain("/tautan");

    const coordinatorHelp = await help(coordinator.user);
    expect(coordinatorHelp).toMatch(/^Sebagai ketua kelompok, Anda bisa:/);
    expect(coordinatorHelp).toContain("/lapor");

    const staffHelp = await help(staff);
    expect(staffHelp).toMatch(/^Sebagai petugas CSR, Anda bisa:/);
    expect(staffHelp).toContain("/tautan — Buat tautan undangan kelompok");
    expect(staffHelp).not.toContain("/lapor");

    const adminHelp = await help(admin);
    expect(adminHelp).toMatch(/^Sebagai admin, Anda bisa:/);
    expect(adminHelp).toContain("/tautan");

    const strangerHelp = await help(stranger);
    expect(strangerHelp).toContain("Untuk bergabung, buka tautan undangan dari petugas.");
    expect(strangerHelp).not.toContain("/lapor");

    expect(new Set([memberHelp, coordinatorHelp, staffHelp, adminHelp, strangerHelp]).size).toBe(5);
  });

  it("/bahasa switches a member to English: replies, questions and their menu", async () => {
    const { user, personId } = await memberUser(e2e, "mariojela-margasari", { name: "Kadek Sari" });
    user.say("/bahasa");
    const choose = await user.expectReply("Pilih bahasa:");
    expect(buttons(choose).map((b) => b.text)).toEqual(["Bahasa Indonesia", "English"]);
    user.press("English");
    await user.expectEdit(choose, "Language changed to English.");
    expect((await e2e.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).language).toBe("en");

    user.say("/bantuan");
    const help = await user.expectReply("What you can do:");
    expect(help.text).toContain("/lapor");
    user.say("/lapor");
    const weeks = await user.expectReply("Which week is this report for?");
    expect(buttons(weeks)[0]?.text).toMatch(/^This week \(/);
    user.press(buttons(weeks)[0]!.data, weeks);
    await user.expectReply("(1/3) Used cooking oil collected — how many litres?");
    user.say("/batal");
    await user.expectReply("OK, cancelled.");
    await expect
      .poll(() => e2e.server.commands({ type: "chat", chat_id: user.id }).find((c) => c.command === "lapor")?.description)
      .toMatch(/^Report/);

    user.say("/bahasa");
    const again = await user.expectReply("Choose a language:");
    user.press("Bahasa Indonesia", again);
    await user.expectEdit(again, "Bahasa diganti ke Bahasa Indonesia.");
    user.say("/batal");
    await user.expectReply("Tidak ada yang sedang berjalan.");
  });
});
