// Webhook mode end to end: the built bot with BOT_MODE=webhook registers its address with the
// local Bot API server, which posts every update to it like Telegram (with the secret header,
// retrying until it is answered 200). A member reports; a request without the secret is
// refused; a kill -9 between two answers or while one is handled loses nothing (the update is
// posted again after the restart); SIGTERM stops within 10 s.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failTestsOnBotErrors, killBotWhenItSays, memberUser, reportsOf, skipPhotoAndNote, sleep, startE2E, startReport, type E2E } from "../support/e2e.js";

const MARIOJELA = "mariojela-margasari"; // liter (required), buah (required), rupiah (optional)
const SECRET = "e2e-webhook-secret-0123456789";

let e2e: E2E;
let webhookUrl: string;

/** A port nothing listens on now (the bot takes it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  webhookUrl = `http://127.0.0.1:${port}/telegram`;
  e2e = await startE2E({
    label: "webhook",
    firstUserId: 8_800_000_000,
    readyMessage: "bot running (webhook)",
    env: { BOT_MODE: "webhook", WEBHOOK_URL: webhookUrl, WEBHOOK_SECRET: SECRET, WEBHOOK_PORT: String(port), WEBHOOK_HOST: "127.0.0.1" },
  });
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

const postUpdate = (headers: Record<string, string>) =>
  fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      update_id: 990_000_001,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 8_899_999_999, type: "private", first_name: "X" }, from: { id: 8_899_999_999, is_bot: false, first_name: "X" }, text: "/bantuan" },
    }),
  });

describe.sequential("the bot in webhook mode", () => {
  it("registers its address and secret with Telegram, and answers its health check", async () => {
    const info = (await (await fetch(`${e2e.server.apiRoot}/bot${e2e.server.token}/getWebhookInfo`)).json()) as { result: { url: string } };
    expect(info.result.url).toBe(webhookUrl);
    const health = await fetch(new URL("/healthz", webhookUrl));
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok");
  });

  it("a member reports a week through the webhook", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Lestari" });
    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("789,5");
    await user.expectReply("(2/3) Lilin terjual");
    user.say("255");
    await user.expectReply("(3/3) Pendapatan");
    user.press("Lewati");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");
    const reports = await reportsOf(e2e.db, personId);
    expect(reports.map((r) => r.values)).toEqual([{ "jelantah-terkumpul": "789.5", "lilin-terjual": "255" }]);
  }, 30_000);

  it("refuses a request without Telegram's secret, or with a wrong one, and handles nothing", async () => {
    expect((await postUpdate({})).status).toBe(401);
    expect((await postUpdate({ "X-Telegram-Bot-Api-Secret-Token": "not-the-secret-0000000" })).status).toBe(401);
    await sleep(300);
    expect(e2e.server.messages(8_899_999_999)).toEqual([]);
  });

  it("kill -9 between two answers: the answer sent while it was down arrives after the restart", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Kartini" });
    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("12");
    await user.expectReply("(2/3) Lilin terjual");
    await sleep(300); // the answer's state is written and the update answered

    await e2e.bot.kill();
    user.say("30"); // Telegram cannot reach the bot: it keeps the update and tries again
    await sleep(500);
    await e2e.bot.restart();
    await user.expectReply("(3/3) Pendapatan", 15_000);
    user.say("Rp 75.000");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");
    const reports = await reportsOf(e2e.db, personId);
    expect(reports.map((r) => r.values)).toEqual([{ "jelantah-terkumpul": "12", "lilin-terjual": "30", pendapatan: "75000" }]);
    // every question was asked once across both runs
    expect(user.messages().filter((m) => m.text?.startsWith("(2/3)"))).toHaveLength(1);
  }, 45_000);

  // The POST of an update being handled when the bot dies gets no answer: Telegram posts it
  // again after the restart, and it is handled from the state before it.
  it("kill -9 while an answer is being handled: the answer is not lost nor the next one misplaced", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Dewi Sartika" });
    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("8");
    await user.expectReply("(2/3) Lilin terjual");
    await sleep(300);
    const untrap = killBotWhenItSays(e2e, user, "(3/3)");
    user.say("40");
    await user.expectReply("(3/3)");
    untrap();
    await e2e.bot.kill();
    await e2e.bot.restart();
    // the POST of "40" comes again (Telegram retries): handled from the state before it
    await user.expectReply("(3/3)", 15_000);
    user.press("Lewati");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");
    expect((await reportsOf(e2e.db, personId)).map((r) => r.values)).toEqual([{ "jelantah-terkumpul": "8", "lilin-terjual": "40" }]);
  }, 60_000);

  it("SIGTERM: exits with code 0 within 10 s", async () => {
    const stopped = await e2e.bot.stop("SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
  }, 20_000);
});
