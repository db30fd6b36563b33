// The playground in real Chromium: the page, the real bot and the local Bot API server, as a
// newcomer, a member and CSR staff would use them. Needs Debian's chromium at /usr/bin/chromium
// (apt-get install -y chromium); without it these tests are skipped. Screenshots of each final
// state go to test-results/playground/.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { BrowserContext } from "playwright-core";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createPrisma, type PrismaClient } from "../../src/db/client.js";
import { startPlayground, type Playground } from "../../src/dev/playground/playground.js";
import { dbDate, weekOf } from "../../src/lib/week.js";
import { unusedDatabase, testRedisUrl } from "../support/db.js";
import { deleteRedisKeys } from "../support/e2e.js";
import { ChatPage, launchBrowser, screenshot, SKIP_BROWSER_TESTS } from "./chat-page.js";

const SKIP_NOTE = SKIP_BROWSER_TESTS ? " — SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium)" : "";
if (SKIP_BROWSER_TESTS) process.stderr.write(`playground browser tests${SKIP_NOTE}\n`);

const TITLE = "Rapat Koordinasi Mariojela";
let playground: Playground;
let browser: { context: BrowserContext; close(): Promise<void> };
let db: { url: string; drop(): Promise<void> };
let prisma: PrismaClient;
let redisPrefix: string;
let staff: ChatPage;
let member: ChatPage;

describe.skipIf(SKIP_BROWSER_TESTS).sequential(`the playground in Chromium${SKIP_NOTE}`, () => {
  beforeAll(async () => {
    db = unusedDatabase();
    redisPrefix = `lpg:${inject("testRunId")}:${randomBytes(3).toString("hex")}:`;
    const config = loadConfig({ DATABASE_URL: inject("testServerUrl"), REDIS_URL: testRedisUrl(), LOG_LEVEL: "silent" });
    playground = await startPlayground({
      config,
      port: 0,
      host: "127.0.0.1",
      databaseUrl: db.url,
      redisKeyPrefix: redisPrefix,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    });
    prisma = createPrisma(db.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await prisma?.$disconnect();
    await db?.drop();
    if (redisPrefix) await deleteRedisKeys(redisPrefix).catch(() => undefined);
  }, 60_000);

  it("serves the page at one address and lists the demo people with their roles", async () => {
    expect(playground.url).toMatch(/^http:\/\/localhost:\d+$/);
    const page = await browser.context.newPage();
    await page.goto(playground.url);
    await page.locator(".people button", { hasText: "Rina Wulandari" }).waitFor();
    const people = await page.locator(".people button").allInnerTexts();
    expect(people.join("\n")).toContain("Petugas CSR");
    expect(people.join("\n")).toContain("Ketua kelompok");
    expect(people.join("\n")).toContain("Pemangku kepentingan");
    expect(people.length).toBeGreaterThanOrEqual(19);
    await page.close();
  });

  it("a new person joins with a join link, reports a week with 789,5 and sees the totals", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.goto(playground.url);
    const dewi = new ChatPage(page);
    await page.fill("#new-person input[name=name]", "Dewi Lestari");
    await page.selectOption("#new-person select", { label: "Pengelolaan Sampah Terpadu Margasari — anggota" });
    await page.click("#new-person button[type=submit]");
    await page.locator(".msg.user", { hasText: "/start" }).waitFor();
    await dewi.expectBot("Undang-Undang No. 27 Tahun 2022");
    await dewi.press("Setuju");
    await dewi.expectBot("Siapa nama Anda?");
    await dewi.press("Pakai nama: Dewi Lestari");
    await dewi.expectBot("Boleh kami minta nomor HP Anda?");
    await dewi.tap("Bagikan nomor HP");
    await page.locator(".msg.user", { hasText: "+62813" }).waitFor();
    await dewi.expectBot("Mohon periksa sekali lagi:");
    await dewi.press("Gabung");
    await dewi.expectBot("Selamat, Anda sudah bergabung dengan kelompok Pengelolaan Sampah Terpadu Margasari!");
    // the list of people now shows her as a member of the group
    await page.locator(".people button", { hasText: "Dewi Lestari" }).filter({ hasText: "Anggota kelompok" }).waitFor();

    await dewi.say("/lapor");
    await dewi.expectBot("Laporan ini untuk minggu yang mana?");
    await dewi.press(/^Minggu ini/);
    await dewi.expectBot("(1/4) Sampah terkelola — berapa kg?");
    await dewi.say("789,5");
    await dewi.expectBot("(2/4)");
    await dewi.say("tidak ada");
    await dewi.expectBot("(3/4)");
    await dewi.say("12");
    await dewi.expectBot("(4/4)");
    await dewi.say("Rp 150.000");
    await dewi.expectBot("Ada foto kegiatan?");
    // a photo from the phone: the file input behind 📎
    await page.setInputFiles("#photo", { name: "kegiatan.png", mimeType: "image/png", buffer: await readFile("docs/playground.png") });
    const photo = page.locator(".msg.user .photo img").last();
    await photo.waitFor();
    await page.waitForFunction((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0, await photo.elementHandle());
    await dewi.expectBot("Ada catatan untuk laporan ini?");
    await dewi.press("Lewati");
    await dewi.expectBot("Ada kendala minggu ini?");
    await dewi.press("Lewati");
    const summary = await dewi.expectBot("Periksa dulu laporannya:");
    expect(await summary.innerText()).toContain("• Sampah terkelola: 789,5 kg");
    expect(await summary.innerText()).toContain("Foto: ada");
    await dewi.press("Simpan");
    const saved = await dewi.expectBot("Tersimpan! Terima kasih atas laporannya.");
    const text = await saved.innerText();
    expect(text).toContain("Jumlah kelompok Pengelolaan Sampah Terpadu Margasari minggu");
    expect(text).toMatch(/• Sampah terkelola: [\d.,]+ kg/);

    const person = await prisma.person.findFirstOrThrow({ where: { name: "Dewi Lestari" }, include: { reports: { include: { values: true } } } });
    expect(person.phone).toMatch(/^\+62813\d{8}$/);
    expect(person.reports.flatMap((r) => r.values.map((v) => v.value.toFixed()))).toContain("789.5");
    expect(person.reports[0]?.photoFileId).toBeTruthy();
    await screenshot(page, "1-new-person-reported");
    await page.close();
  }, 120_000);

  it("staff invite a group with /undang; a member on a phone gets it live and presses Hadir; /rapat shows it", async () => {
    const staffPage = await browser.context.newPage();
    await staffPage.setViewportSize({ width: 1100, height: 860 });
    await staffPage.goto(playground.url);
    staff = new ChatPage(staffPage);
    await staff.choose("Rina Wulandari");

    const memberPage = await browser.context.newPage();
    await memberPage.setViewportSize({ width: 390, height: 844 });
    await memberPage.goto(playground.url);
    member = new ChatPage(memberPage);
    await member.choose("Ani Suryani");

    await staff.say("/undang");
    await staff.expectBot("Apa judul rapatnya?");
    await staff.say(TITLE);
    await staff.expectBot("Kapan rapatnya?");
    await staff.say("besok");
    await staff.expectBot("Jam berapa rapatnya dimulai?");
    await staff.say("10.00");
    await staff.expectBot("Rapat pada:");
    await staff.press("Ya, benar");
    await staff.expectBot("Di mana tempatnya?");
    await staff.say("Rumah Produksi Mariojela");
    await staff.expectBot("Apa agendanya?");
    // A multi-line agenda: Shift+Enter starts a new line, Enter sends.
    const box = staffPage.locator("#text");
    expect(await box.evaluate((el) => el.tagName)).toBe("TEXTAREA");
    await box.click();
    await staffPage.keyboard.type("1. Pembukaan");
    await staffPage.keyboard.press("Shift+Enter");
    await staffPage.keyboard.type("2. Evaluasi penjualan lilin");
    expect(await box.inputValue()).toBe("1. Pembukaan\n2. Evaluasi penjualan lilin");
    await staffPage.keyboard.press("Enter");
    const sent = staffPage.locator(".msg.user", { hasText: "2. Evaluasi penjualan lilin" }).last();
    await sent.waitFor();
    expect(await sent.locator(".text").innerText()).toBe("1. Pembukaan\n2. Evaluasi penjualan lilin");
    expect(await box.inputValue()).toBe("");
    const audience = await staff.expectBot("Siapa saja yang diundang?");
    await staff.press(/^Mariojela \(\d+\)$/, audience);
    await audience.getByRole("button", { name: /^✓ Mariojela/ }).waitFor();
    await staff.press(/^Lanjut ➜ \([1-9]\d* orang\)$/, audience);
    await staff.expectBot("Undangan di atas akan dikirim ke");
    await staff.press("Kirim");
    await staff.expectBot(/sedang dikirim ke \d+ orang/);

    // The command menu: every description starts at the same place.
    await staffPage.click("#menu");
    await staffPage.locator("#commands .desc").first().waitFor();
    const lefts = await staffPage.locator("#commands .desc").evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThan(5);
    expect(new Set(lefts).size).toBe(1);
    await screenshot(staffPage, "2-command-menu");
    await staffPage.click("#menu");

    // the member's tab was open all along: the invitation arrives by itself
    const invitation = await member.expectBot(TITLE);
    expect(await invitation.innerText()).toContain("📩 Undangan rapat");
    expect(await invitation.innerText()).toContain("1. Pembukaan\n2. Evaluasi penjualan lilin");
    await member.press("Hadir", invitation);
    await member.toast("Tercatat: Hadir");

    const lists = await staff.count("📋 Daftar rapat");
    await staff.say("/rapat");
    const list = await staff.expectBot("📋 Daftar rapat", lists);
    await staff.press(new RegExp(TITLE), list);
    const view = await staff.expectBot(`📋 ${TITLE}`);
    expect(await view.innerText()).toContain("✅ Hadir: 1");
    await screenshot(staffPage, "2-staff-tally");
    await screenshot(memberPage, "2-member-answered");
  }, 120_000);

  it("keeps each person's chat across a reload", async () => {
    const page = member.page;
    const before = await page.locator(".msg").count();
    await page.reload();
    await page.locator("#who-name", { hasText: "Ani Suryani" }).waitFor();
    await member.expectBot(TITLE);
    await page.locator(".msg.bot", { hasText: "FGD Evaluasi Program TJSL" }).first().waitFor();
    expect(await page.locator(".msg").count()).toBe(before);
    await screenshot(page, "3-member-after-reload");
  }, 60_000);

  it("downloads the attendance list (XLSX and CSV) from /rapat", async () => {
    const page = staff.page;
    const view = staff.botMessages(`📋 ${TITLE}`).last();
    await staff.press("📄 Daftar hadir", view);
    const csvMessage = await staff.expectBot(/daftar-hadir-\d{4}-\d{2}-\d{2}-rapat-koordinasi-mariojela\.csv/);
    const xlsxMessage = await staff.expectBot(/daftar-hadir-\d{4}-\d{2}-\d{2}-rapat-koordinasi-mariojela\.xlsx/);

    const [csv] = await Promise.all([page.waitForEvent("download"), csvMessage.locator("a.doc").click()]);
    expect(csv.suggestedFilename()).toMatch(/^daftar-hadir-\d{4}-\d{2}-\d{2}-rapat-koordinasi-mariojela\.csv$/);
    const csvText = await readFile((await csv.path())!, "utf8");
    expect(csvText).toContain("Ani Suryani");

    const [xlsx] = await Promise.all([page.waitForEvent("download"), xlsxMessage.locator("a.doc").click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^daftar-hadir-\d{4}-\d{2}-\d{2}-rapat-koordinasi-mariojela\.xlsx$/);
    const bytes = await readFile((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    await screenshot(page, "4-staff-downloads");
  }, 60_000);

  it("the operator runs the weekly reminder now: a member who has not reported this week gets it", async () => {
    const zone = "Asia/Makassar";
    const week = weekOf(new Date(), zone);
    const pending = await prisma.membership.findFirstOrThrow({
      where: {
        status: "active",
        person: { telegramId: { not: null }, reports: { none: { weekStart: dbDate(week.startDate), current: true } } },
      },
      include: { person: true, group: true },
      orderBy: { id: "asc" },
    });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.goto(playground.url);
    const person = new ChatPage(page);
    await person.choose(pending.person.name!);
    const job = page.locator("#jobs button[data-job=weekly-reminder]");
    expect(await job.isEnabled()).toBe(true);
    await job.click();
    await person.toast("Sudah dijalankan.");
    const reminder = await person.expectBot(`Laporan Anda untuk kelompok ${pending.group.name} minggu ini`);
    expect(await reminder.getByRole("button").count()).toBeGreaterThan(0);
    await screenshot(page, "5-weekly-reminder");
    await page.close();
  }, 60_000);

  it("the operator runs the weekly summary now: the coordinator gets it with its chart", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.goto(playground.url);
    const coordinator = new ChatPage(page);
    await coordinator.choose("Sri Wahyuni");
    const job = page.locator("#jobs button[data-job=weekly-summary]");
    expect(await job.isEnabled()).toBe(true);
    await job.click();
    // The job draws a chart per group: on a busy machine it takes longer than a reply.
    await coordinator.botMessages("📊 Ringkasan minggu").first().waitFor({ timeout: 90_000 });
    const summary = await coordinator.expectBot("📊 Ringkasan minggu");
    expect(await summary.innerText()).toContain("Kelompok Pengelolaan Sampah Terpadu Margasari");
    const chart = summary.locator(".photo img");
    await page.waitForFunction((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0, await chart.elementHandle());
    // On a desktop the chart (drawn at 2× for phones) shows at about its layout width, not squeezed to 300 px.
    const shown = await chart.evaluate((img) => ({ width: img.getBoundingClientRect().width, natural: (img as unknown as { naturalWidth: number }).naturalWidth }));
    expect(shown.width).toBeGreaterThanOrEqual(Math.min(540, shown.natural / 2));
    await screenshot(page, "6-weekly-summary");
    await page.close();
  }, 60_000);

  it("the operator moves the bot's clock forward", async () => {
    const page = staff.page;
    const before = await page.locator("#clock-now").innerText();
    await page.getByRole("button", { name: "+1 hari", exact: true }).click();
    await page.locator("#clock-offset", { hasText: "maju 1 hari 0 jam" }).waitFor();
    expect(await page.locator("#clock-now").innerText()).not.toBe(before);
    // every tab follows the clock
    await member.page.locator("#clock-offset", { hasText: "maju 1 hari 0 jam" }).waitFor({ state: "attached" });
  }, 30_000);

  it("resets the demo data: new people and chats are gone, the bot answers again", async () => {
    const page = staff.page;
    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("#reset");
    await staff.toast("Data demo sudah dimuat ulang.");
    await page.locator(".people button", { hasText: "Dewi Lestari" }).waitFor({ state: "detached" });
    await page.locator(".people button", { hasText: "Rina Wulandari" }).waitFor();
    await page.locator("#clock-offset", { hasText: "maju" }).waitFor({ state: "detached" });
    expect(await page.locator("#clock-offset").innerText()).toBe("");
    await expect.poll(() => page.locator(".msg.bot", { hasText: TITLE }).count(), { timeout: 15_000 }).toBe(0);
    await staff.say("/bantuan");
    await staff.expectBot("/undang");
    await screenshot(page, "7-after-reset");
  }, 90_000);
});

