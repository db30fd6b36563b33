// Driving the playground page the way a person does: choose who you are, type, press buttons,
// wait for the bot's messages to appear (they arrive live, through server-sent events).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_MISSING = !existsSync(CHROMIUM);
/**
 * Outside CI a missing Chromium skips the browser tests (with a note). In CI (CI=1, which
 * .ci/run sets) they must run: there a missing Chromium fails them instead of skipping.
 */
export const IN_CI = ["1", "true"].includes((process.env.CI ?? "").toLowerCase());
export const SKIP_BROWSER_TESTS = CHROMIUM_MISSING && !IN_CI;
export const ARTIFACTS = path.resolve("test-results", "playground");

const WAIT_MS = 20_000;

/** Debian's Chromium, headless, with a fresh profile; close() also deletes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (CHROMIUM_MISSING) throw new Error(`${CHROMIUM} is missing: in CI the browser tests must run (apt-get install -y chromium)`);
  const profile = mkdtempSync(path.join(tmpdir(), "playground-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** One tab playing one person. */
export class ChatPage {
  constructor(readonly page: Page) {}

  botMessages(text?: string | RegExp): Locator {
    const all = this.page.locator(".msg.bot");
    return text === undefined ? all : all.filter({ hasText: text });
  }

  /** How many bot messages show `text` now: pass it to expectBot to wait for the next one. */
  count(text: string | RegExp): Promise<number> {
    return this.botMessages(text).count();
  }

  /** Waits for a bot message showing `text`: the first one, or the one after `after` such messages (see count). */
  async expectBot(text: string | RegExp, after = 0): Promise<Locator> {
    const message = this.botMessages(text).nth(after);
    await message.waitFor({ timeout: WAIT_MS });
    return message;
  }

  async choose(name: string): Promise<void> {
    await this.page.locator(".people button").first().waitFor({ state: "attached", timeout: WAIT_MS });
    const person = this.page.locator(".people button", { hasText: name }).first();
    // on a phone the list is in a drawer
    if (!(await person.isVisible()) && (await this.page.locator("#open-side").isVisible())) await this.page.click("#open-side");
    await person.click();
    await this.page.locator("#who-name", { hasText: name }).waitFor({ timeout: WAIT_MS });
  }

  async say(text: string): Promise<void> {
    await this.page.fill("#text", text);
    await this.page.press("#text", "Enter");
    // the page shows the message once the server has it
    await this.page.locator(".msg.user", { hasText: text }).last().waitFor({ timeout: WAIT_MS });
  }

  /** Presses an inline button (exact text, or a pattern) on the latest bot message that has it. */
  async press(button: string | RegExp, on?: Locator): Promise<void> {
    const name = typeof button === "string" ? { name: button, exact: true } : { name: button };
    const scope = on ?? this.botMessages().filter({ has: this.page.getByRole("button", name) }).last();
    await scope.getByRole("button", name).last().click();
  }

  /** Taps a button of the reply keyboard. */
  async tap(text: string | RegExp): Promise<void> {
    await this.page.locator("#keyboard button", { hasText: text }).first().click();
  }

  async toast(text: string | RegExp): Promise<void> {
    await this.page.locator("#toast", { hasText: text }).waitFor({ timeout: WAIT_MS });
  }
}
