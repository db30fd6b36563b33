// The staff console behind its door: a one-time link from /konsol, a session cookie, rights
// re-read at every request, CSRF on every form. Through the real bot (in process, local Bot
// API server) for the link, and Fastify's inject for the pages.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createConsoleServer, SESSION_COOKIE } from "../../src/console/console.server.js";
import { createLoginToken } from "../../src/features/console/console.auth.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";

let app: InProcessBot;
let web: FastifyInstance;
let staff: Awaited<ReturnType<typeof addKnownPerson>>;
let admin: Awaited<ReturnType<typeof addKnownPerson>>;
let coordinator: Awaited<ReturnType<typeof addKnownPerson>>;
let member: Awaited<ReturnType<typeof addKnownPerson>>;
let mariojelaId: number;
let ksbId: number;

const CONSOLE_URL = "http://konsol.test";

beforeAll(async () => {
  app = await startInProcessBot({ label: "console", env: { CONSOLE_URL } });
  staff = await addKnownPerson(app, 9101, "Rina Staf", { staff: true });
  admin = await addKnownPerson(app, 9102, "Andi Admin", { staff: true });
  await app.db.prisma.person.update({ where: { id: admin.personId }, data: { staffRole: "admin" } });
  coordinator = await addKnownPerson(app, 9103, "Siti Ketua", { groups: ["mariojela-margasari"], role: "coordinator" });
  member = await addKnownPerson(app, 9104, "Budi Anggota", { groups: ["mariojela-margasari"] });
  mariojelaId = (await app.db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } })).id;
  ksbId = (await app.db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } })).id;
  web = await createConsoleServer({ ...app.deps, i18n: createI18n(), botUsername: app.server.me.username }, { secureCookies: false });
});

afterAll(async () => {
  await web?.close();
  await app?.close();
});

/** The link /konsol answers with, through the bot. */
async function linkFromBot(user: (typeof staff)["user"]): Promise<string> {
  user.say("/konsol");
  const reply = await user.expectReply(/konsol/i);
  const url = /http:\/\/konsol\.test(\/masuk\/[A-Za-z0-9_-]+)/.exec(reply.text ?? "")?.[1];
  expect(url).toBeDefined();
  return url!;
}

let address = 0;
/** Each sign-in from an address of its own: the link endpoint allows 10 tries a minute per address. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

/** Opens a link and returns the session cookie it set (or null). */
async function signIn(path: string): Promise<{ status: number; cookie: string | null; body: string }> {
  const res = await web.inject({ method: "GET", url: path, headers: { "x-forwarded-for": nextAddress() } });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
  return { status: res.statusCode, cookie, body: res.body };
}

const get = (url: string, cookie: string) => web.inject({ method: "GET", url, cookies: { [SESSION_COOKIE]: cookie } });

describe("getting in", () => {
  it("staff get a one-time link from /konsol that opens a session", async () => {
    const path = await linkFromBot(staff.user);
    const first = await signIn(path);
    expect(first.status).toBe(303);
    expect(first.cookie).not.toBeNull();
    const res = await web.inject({ method: "GET", url: path, headers: { "x-forwarded-for": nextAddress() } });
    const setCookie = res.headers["set-cookie"];
    expect(String(setCookie ?? "")).not.toContain(SESSION_COOKIE);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("/konsol");
    const home = await get("/", first.cookie!);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Mariojela");
  });

  it("sets an HttpOnly SameSite=Lax cookie and security headers", async () => {
    const res = await web.inject({ method: "GET", url: await linkFromBot(staff.user), headers: { "x-forwarded-for": nextAddress() } });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const home = await get("/", cookie.value);
    expect(home.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(home.headers["x-frame-options"]).toBeDefined();
    expect(home.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses a forged link, an expired link and a member's link", async () => {
    expect((await signIn("/masuk/" + "A".repeat(43))).status).toBe(403);
    expect((await signIn("/masuk/not-a-token")).status).toBe(403);
    // Expired: the key is gone from Redis after 10 minutes; simulate the expiry by deleting it.
    const token = await createLoginToken(app.redis, staff.personId);
    await app.redis.del((await app.redis.keys("*console:link:*")).map((k) => k.slice((app.redis.options.keyPrefix ?? "").length)));
    expect((await signIn(`/masuk/${token}`)).status).toBe(403);
    // A member asks: the bot refuses; a link made for them anyway opens nothing.
    member.user.say("/konsol");
    expect((await member.user.expectReply()).text).toContain("koordinator");
    const memberToken = await createLoginToken(app.redis, member.personId);
    const res = await signIn(`/masuk/${memberToken}`);
    expect(res.status).toBe(403);
    expect(res.cookie).toBeNull();
  });

  it("the link endpoint is rate-limited per address", async () => {
    const from = { "x-forwarded-for": "192.0.2.7" };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await web.inject({ method: "GET", url: `/masuk/${"C".repeat(43)}`, headers: from })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even a good link is refused from that address until the minute is over.
    const token = await createLoginToken(app.redis, staff.personId);
    expect((await web.inject({ method: "GET", url: `/masuk/${token}`, headers: from })).statusCode).toBe(429);
  });

  it("without a session every page is refused", async () => {
    for (const url of ["/", "/laporan", "/rapat", "/pengaturan", "/audit", `/kelompok/${mariojelaId}`]) {
      const res = await web.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await get("/", "B".repeat(43))).statusCode).toBe(401);
  });

  it("a staff member removed in the bot loses the console at the next click", async () => {
    const removed = await addKnownPerson(app, 9105, "Dewi Pindah", { staff: true });
    const { cookie } = await signIn(await linkFromBot(removed.user));
    expect((await get("/", cookie!)).statusCode).toBe(200);
    await app.db.prisma.person.update({ where: { id: removed.personId }, data: { status: "left" } });
    expect((await get("/", cookie!)).statusCode).toBe(401);
    await app.db.prisma.person.update({ where: { id: removed.personId }, data: { status: "active", staffRole: null } });
    expect((await get("/", cookie!)).statusCode).toBe(401);
  });

  it("/keluar ends the session; it needs the form's CSRF token", async () => {
    const { cookie } = await signIn(await linkFromBot(staff.user));
    const noToken = await web.inject({ method: "POST", url: "/keluar", cookies: { [SESSION_COOKIE]: cookie! }, payload: {} });
    expect(noToken.statusCode).toBe(403);
    expect((await get("/", cookie!)).statusCode).toBe(200);
    const { token, csrfCookie } = await csrfOf(cookie!);
    const out = await web.inject({ method: "POST", url: "/keluar", cookies: { [SESSION_COOKIE]: cookie!, _csrf: csrfCookie }, payload: { _csrf: token } });
    expect(out.statusCode).toBe(200);
    expect((await get("/", cookie!)).statusCode).toBe(401);
  });
});

/** The CSRF token of a page's forms and the cookie holding its secret. */
async function csrfOf(cookie: string, url = "/"): Promise<{ token: string; csrfCookie: string }> {
  const res = await get(url, cookie);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  const csrfCookie = res.cookies.find((c) => c.name === "_csrf")?.value;
  expect(token).toBeDefined();
  expect(csrfCookie).toBeDefined();
  return { token: token!, csrfCookie: csrfCookie! };
}

describe("what each role sees", () => {
  it("a coordinator sees their own group read-only, not another group nor the settings", async () => {
    const { cookie } = await signIn(await linkFromBot(coordinator.user));
    expect(cookie).not.toBeNull();
    expect((await get(`/kelompok/${mariojelaId}`, cookie!)).statusCode).toBe(200);
    expect((await get(`/kelompok/${ksbId}`, cookie!)).statusCode).toBe(403);
    expect((await get(`/laporan?group=${ksbId}`, cookie!)).statusCode).toBe(403);
    expect((await get(`/laporan.csv?group=${ksbId}`, cookie!)).statusCode).toBe(403);
    expect((await get("/pengaturan", cookie!)).statusCode).toBe(403);
    expect((await get("/pengaturan/target", cookie!)).statusCode).toBe(403);
    expect((await get("/pengaturan/tautan", cookie!)).statusCode).toBe(403);
    const home = await get("/", cookie!);
    expect(home.body).toContain("Mariojela");
    expect(home.body).not.toContain("KSB Margasari");
  });

  it("staff may not open the admin settings; admins may", async () => {
    const staffSession = (await signIn(await linkFromBot(staff.user))).cookie!;
    expect((await get("/pengaturan", staffSession)).statusCode).toBe(200);
    expect((await get("/pengaturan/target", staffSession)).statusCode).toBe(403);
    const adminSession = (await signIn(await linkFromBot(admin.user))).cookie!;
    expect((await get("/pengaturan", adminSession)).statusCode).toBe(200);
    expect((await get("/pengaturan/target", adminSession)).statusCode).toBe(200);
  });
});

describe("pages show the figures", () => {
  it("home and the group page show the year so far against the target, last year and the weekly figures", async () => {
    const programme = await app.db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" }, include: { indicators: { orderBy: [{ position: "asc" }, { id: "asc" }] } } });
    const jelantah = programme.indicators.find((i) => i.code === "jelantah-terkumpul")!;
    const lilin = programme.indicators.find((i) => i.code === "lilin-terjual")!;
    const { weekOf, dbDate } = await import("../../src/lib/week.js");
    const week = weekOf(new Date(), app.deps.config.timeZone);
    await app.db.prisma.report.create({
      data: { groupId: mariojelaId, memberId: member.personId, weekStart: dbDate(week.startDate), submittedById: member.personId, obstacle: "Jeriken kurang", values: { create: [{ indicatorId: jelantah.id, value: "12.5" }, { indicatorId: lilin.id, value: "7" }] } },
    });
    await app.db.prisma.report.create({
      data: { groupId: mariojelaId, memberId: coordinator.personId, weekStart: dbDate(week.startDate), submittedById: coordinator.personId, values: { create: [{ indicatorId: jelantah.id, value: "7.5" }] } },
    });
    const year = Number(week.key.slice(0, 4));
    await app.db.prisma.target.create({ data: { groupId: mariojelaId, indicatorId: jelantah.id, year, value: "1000", source: "cli" } });
    const cookie = (await signIn(await linkFromBot(staff.user))).cookie!;
    const home = (await get(`/?programme=${programme.id}`, cookie)).body;
    const card = /data-indicator="jelantah-terkumpul">([\s\S]*?)<\/table><\/div>/.exec(home)?.[1] ?? "";
    expect(card).toContain("20 liter</strong> / 1.000 liter");
    expect(card).toContain("2 %");
    expect(home).toContain("Jeriken kurang");
    expect(home).toMatch(/<td class="cell part"[^>]*>2\/3<\/td>|<td class="cell full"[^>]*>2\/2<\/td>/);
    const group = (await get(`/kelompok/${mariojelaId}`, cookie)).body;
    expect(group).toContain("Budi Anggota");
    expect(group).toContain("Siti Ketua");
    expect(group).toMatch(/<td class="num">20 liter<\/td><td class="num">7 buah<\/td>/);
    // The chart of the year, as SVG from the summary's chart code.
    expect(group).toMatch(/<div class="chart"><svg[^>]*>[\s\S]*Jelantah terkumpul[\s\S]*<\/svg><\/div>/);
    const reports = (await get(`/laporan?group=${mariojelaId}`, cookie)).body;
    expect(reports).toContain("12,5 liter");
    expect(reports).toContain("7 buah");
    const csv = await get(`/laporan.csv?group=${mariojelaId}`, cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("12,5");
    const xlsx = await get(`/laporan.xlsx?group=${mariojelaId}&member=${member.personId}`, cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    await app.db.prisma.target.deleteMany({});
    // Later tests start /lapor for this week: leave no report behind.
    await app.db.prisma.report.deleteMany({ where: { groupId: mariojelaId } });
  });
});

describe("programme settings", () => {
  it("an admin renames an indicator: audited, and the bot asks with the new label; staff may not", async () => {
    const lilin = await app.db.prisma.indicator.findFirstOrThrow({ where: { code: "lilin-terjual", programme: { code: "mariojela" } } });
    const staffSession = (await signIn(await linkFromBot(staff.user))).cookie!;
    const staffCsrf = await csrfOf(staffSession, "/pengaturan/program");
    const refusedChange = await web.inject({
      method: "POST",
      url: `/pengaturan/indikator/${lilin.id}`,
      cookies: { [SESSION_COOKIE]: staffSession, _csrf: staffCsrf.csrfCookie },
      payload: { _csrf: staffCsrf.token, labelId: "Diubah staf", reportedBy: "member", aggregation: "sum", required: "1" },
    });
    expect(refusedChange.statusCode).toBe(403);

    const cookie = (await signIn(await linkFromBot(admin.user))).cookie!;
    const { token, csrfCookie } = await csrfOf(cookie, "/pengaturan/program");
    const res = await web.inject({
      method: "POST",
      url: `/pengaturan/indikator/${lilin.id}`,
      cookies: { [SESSION_COOKIE]: cookie, _csrf: csrfCookie },
      payload: { _csrf: token, labelId: "Lilin aromaterapi terjual", labelEn: lilin.labelEn, minValue: "0", maxValue: "5000", position: String(lilin.position), required: "1", reportedBy: "member", aggregation: "sum" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-result="changed"');
    const audit = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { entity: "indicator", entityId: lilin.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ source: "console", actorId: admin.personId, before: { labelId: "Lilin terjual" }, after: { labelId: "Lilin aromaterapi terjual" } });
    expect((await get("/audit", cookie)).body).toContain("Lilin aromaterapi terjual");

    member.user.say("/lapor");
    const weeks = await member.user.expectReply("Laporan ini untuk minggu yang mana?");
    const thisWeek = (weeks.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard[0]![0]!.text;
    member.user.press(thisWeek, weeks);
    const firstQuestion = await member.user.expectReply(/\(1\/\d\)/);
    expect(firstQuestion.text).toContain("Jelantah");
    member.user.say("10");
    const second = await member.user.expectReply(/\(2\/\d\)/);
    expect(second.text).toContain("Lilin aromaterapi terjual");
    member.user.say("/batal");
    await member.user.expectReply(/batal|tinggalkan|belum disimpan/i);
  });
});

describe("targets grid", () => {
  it("a pasted block sets targets through the target service, with an audit entry; a bad cell imports nothing", async () => {
    const cookie = (await signIn(await linkFromBot(admin.user))).cookie!;
    const programme = await app.db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" }, include: { indicators: { orderBy: [{ position: "asc" }, { id: "asc" }] } } });
    const url = `/pengaturan/target?programme=${programme.id}&year=2026`;
    const { token, csrfCookie } = await csrfOf(cookie, url);
    const cookies = { [SESSION_COOKIE]: cookie, _csrf: csrfCookie };

    const bad = await web.inject({ method: "POST", url, cookies, payload: { _csrf: token, paste: "1.000\tdua ratus\t5.000.000" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("dua ratus");
    expect(await app.db.prisma.target.count()).toBe(0);

    const good = await web.inject({ method: "POST", url, cookies, payload: { _csrf: token, paste: "1.000,5\t300\t5.000.000\r\n" } });
    expect(good.statusCode).toBe(200);
    const targets = await app.db.prisma.target.findMany({ where: { groupId: mariojelaId, year: 2026 }, orderBy: { indicatorId: "asc" } });
    expect(targets.map((t) => t.value.toString())).toEqual(["1000.5", "300", "5000000"]);
    expect(targets.every((t) => t.setById === admin.personId && t.source === "console")).toBe(true);
    expect(await app.db.prisma.auditEntry.count({ where: { entity: "target", source: "console", actorId: admin.personId } })).toBe(3);

    // Ids of another programme's rows in a forged form are ignored.
    const ksbIndicator = await app.db.prisma.indicator.findFirstOrThrow({ where: { programme: { code: "ksb" } } });
    await web.inject({ method: "POST", url, cookies, payload: { _csrf: token, [`v_${ksbId}_${ksbIndicator.id}`]: "99" } });
    expect(await app.db.prisma.target.count({ where: { groupId: ksbId } })).toBe(0);

    // Without the CSRF token nothing changes.
    const forged = await web.inject({ method: "POST", url, cookies: { [SESSION_COOKIE]: cookie }, payload: { paste: "1\t1\t1" } });
    expect(forged.statusCode).toBe(403);
    expect((await app.db.prisma.target.findMany({ where: { groupId: mariojelaId, year: 2026 } })).map((t) => t.value.toString()).sort()).toEqual(["1000.5", "300", "5000000"].sort());
  });
});
