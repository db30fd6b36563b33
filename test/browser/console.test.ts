// The staff console in real Chromium: signing in through the link /konsol gives, the pages with
// the figures the bot stored, pasting targets copied from Excel into the grid (and /capaian using
// them), downloads, and the printable QR sheet. The bot runs in process against the local Bot API
// server; the console listens on a free port. A screenshot of the home page goes to
// test-results/playground/console-home.png (docs/console.png is one of those).
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createConsoleServer } from "../../src/console/console.server.js";
import { dbDate, weekOf } from "../../src/lib/week.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { launchBrowser, screenshot, SKIP_BROWSER_TESTS } from "./chat-page.js";

let app: InProcessBot;
let web: FastifyInstance;
let base: string;
let browser: { context: BrowserContext; close(): Promise<void> };
let admin: Awaited<ReturnType<typeof addKnownPerson>>;
let member: Awaited<ReturnType<typeof addKnownPerson>>;
let page: Page;

describe.skipIf(SKIP_BROWSER_TESTS).sequential("the staff console in Chromium", () => {
  beforeAll(async () => {
    // The console's address is only known once it listens; /konsol's links point at CONSOLE_URL, so it is set afterwards.
    app = await startInProcessBot({ label: "console-browser", env: { CONSOLE_URL: "http://127.0.0.1:1" } });
    web = await createConsoleServer({ ...app.deps, i18n: createI18n(), botUsername: app.server.me.username }, { secureCookies: false });
    await web.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(web.server.address() as AddressInfo).port}`;
    app.deps.config.console = { url: base, port: 0, host: "127.0.0.1" };
    admin = await addKnownPerson(app, 9201, "Andi Pratama", { staff: true });
    await app.db.prisma.person.update({ where: { id: admin.personId }, data: { staffRole: "admin" } });
    member = await addKnownPerson(app, 9202, "Budi Santoso", { groups: ["mariojela-margasari"] });
    // A week of reports, as the bot stores them.
    const group = await app.db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
    const indicators = await app.db.prisma.indicator.findMany({ where: { programme: { code: "mariojela" } } });
    const jelantah = indicators.find((i) => i.code === "jelantah-terkumpul")!;
    const lilin = indicators.find((i) => i.code === "lilin-terjual")!;
    await app.db.prisma.report.create({
      data: {
        groupId: group.id,
        memberId: member.personId,
        weekStart: dbDate(weekOf(new Date(), app.deps.config.timeZone).startDate),
        submittedById: member.personId,
        obstacle: "Harga jelantah turun",
        values: { create: [{ indicatorId: jelantah.id, value: "42.5" }, { indicatorId: lilin.id, value: "12" }] },
      },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
  });

  it("signs in through the link /konsol gives, and the home page shows the stored figures", async () => {
    admin.user.say("/konsol");
    const reply = await admin.user.expectReply(/\/masuk\//);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/masuk\/[A-Za-z0-9_-]+)/.exec(reply.text ?? "")![1]!;
    await page.goto(link);
    await page.locator("h1", { hasText: "Beranda" }).waitFor();
    const card = page.locator('[data-programme="mariojela"] [data-indicator="jelantah-terkumpul"]');
    await expect(card.locator("strong").first().textContent()).resolves.toBe("42,5 liter");
    await expect(page.locator("#obstacles").textContent()).resolves.toContain("Harga jelantah turun");
    // The link works once: opened again, it is refused with a pointer to /konsol.
    const again = await browser.context.newPage();
    await again.goto(link);
    await expect(again.locator("main").textContent()).resolves.toContain("/konsol");
    await again.close();
  });

  it("the reports table shows the report, and downloads exactly the filtered view", async () => {
    await page.goto(`${base}/laporan`);
    await expect(page.locator("#reports tbody").textContent()).resolves.toContain("42,5 liter");
    await page.selectOption('select[name="programme"]', { label: "Margasari Olah Jelantah (Mariojela)" });
    await page.click('button:has-text("Tampilkan")');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Unduh XLSX")]);
    expect(download.suggestedFilename()).toMatch(/^laporan-.*\.xlsx$/);
  });

  it("targets pasted from Excel into the grid are saved, and /capaian uses them", async () => {
    const programme = await app.db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" } });
    const year = Number(weekOf(new Date(), app.deps.config.timeZone).key.slice(0, 4));
    await page.goto(`${base}/pengaturan/target?programme=${programme.id}&year=${year}`);
    // What Excel puts on the clipboard: tab-separated cells, a line per row, pasted into the first cell.
    // (A string: the page's DOM types are not in this project's TypeScript libraries.)
    await page.evaluate(`(() => {
      const input = document.querySelector("#targets tbody input");
      const data = new DataTransfer();
      data.setData("text/plain", "850\\t300\\t5.000.000\\r\\n");
      input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect(page.locator("#targets tbody input").nth(1).inputValue()).resolves.toBe("300");
    await page.click('button:has-text("Simpan")');
    await page.locator("#saved").waitFor();
    const targets = await app.db.prisma.target.findMany({ where: { year, group: { code: "mariojela-margasari" } }, orderBy: { indicatorId: "asc" } });
    expect(targets.map((t) => t.value.toString())).toEqual(["850", "300", "5000000"]);
    member.user.say("/capaian");
    const capaian = await member.user.expectReply(/Mariojela/);
    expect(capaian.text).toContain("850");
    expect(capaian.text).toMatch(/5(,0)? ?%/);
    // The home page with that target: the picture in the README (docs/console.png).
    await page.goto(`${base}/?programme=${programme.id}`);
    await page.locator('[data-indicator="jelantah-terkumpul"] .bar').waitFor();
    await screenshot(page, "console-home");
  });

  it("prints the QR sheet: one code per group and role with the group's name", async () => {
    await page.goto(`${base}/pengaturan/tautan`);
    await page.selectOption('select[name="group"]', { label: "Mariojela" });
    await page.selectOption('select[name="role"]', { value: "member" });
    await page.click('button:has-text("Buat tautan")');
    await page.goto(`${base}/pengaturan/tautan/qr`);
    const codes = page.locator(".qr");
    await expect(codes.count()).resolves.toBe(1);
    await expect(codes.first().locator("figcaption").textContent()).resolves.toContain("Mariojela");
    await expect(codes.first().locator("svg").count()).resolves.toBe(1);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});
