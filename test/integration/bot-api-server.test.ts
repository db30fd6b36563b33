import { execFile } from "node:child_process";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { run as runBot, sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard, type Context } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_BOT_TOKEN,
  startBotApiServer,
  type BotApiServer,
  type BotApiServerOptions,
  type WebhookAttempt,
} from "../../src/dev/bot-api-server.js";
import { TelegramUser } from "../support/telegram-user.js";

const execFileAsync = promisify(execFile);

let server: BotApiServer;
let stopBot: (() => Promise<void>) | undefined;

beforeEach(async () => {
  server = await startBotApiServer();
});

afterEach(async () => {
  await stopBot?.();
  stopBot = undefined;
  await server.close();
});

function newBot(token = DEFAULT_BOT_TOKEN): Bot {
  return new Bot(token, { client: { apiRoot: server.apiRoot } });
}

/** Starts long polling and resolves once the bot polls; the bot is stopped after the test. */
async function run(bot: Bot): Promise<Bot> {
  const errors: unknown[] = [];
  bot.catch((err) => void errors.push(err.error));
  let started!: () => void;
  const polling = new Promise<void>((resolve) => (started = resolve));
  const done = bot.start({ timeout: 30, onStart: () => started() });
  stopBot = async () => {
    await bot.stop();
    await done;
    expect(errors).toEqual([]);
  };
  await polling;
  return bot;
}

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

const ani = { id: 1001, firstName: "Ani", lastName: "Lestari", username: "ani_l" };

describe("bot side over HTTP", () => {
  it("answers getMe from the token, through bot.init()", async () => {
    const bot = newBot();
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 7000000001, is_bot: true, username: "lapor_kelompok_test_bot", can_join_groups: true });
  });

  it("delivers a user's text to a polling bot and shows its echo", async () => {
    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    await run(bot);
    const user = new TelegramUser(server, ani);

    user.say("Halo bot");
    const reply = await user.expectReply("echo:");

    expect(reply).toMatchObject({ text: "echo: Halo bot", chat: { id: 1001, type: "private" }, deleted: false });
    expect(reply.date).toBeLessThan(Date.now() / 1000 + 1);
    expect(reply.date).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it("gives commands their entity and keeps parse_mode, showing the plain text to the bot", async () => {
    const bot = newBot();
    const seen: unknown[] = [];
    bot.command("start", async (ctx) => {
      seen.push(ctx.match);
      const sent = await ctx.reply("<b>Selamat datang</b> &amp; salam", { parse_mode: "HTML" });
      seen.push(sent.text);
    });
    await run(bot);
    const user = new TelegramUser(server, ani);

    const update = user.say("/start kode123");
    const reply = await user.expectReply("Selamat datang");

    expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(reply).toMatchObject({ text: "<b>Selamat datang</b> &amp; salam", parse_mode: "HTML", plain_text: "Selamat datang & salam" });
    await vi.waitFor(() => expect(seen).toEqual(["kode123", "Selamat datang & salam"]));
  });

  it("rejects markup Telegram cannot parse and callback data over 64 bytes", async () => {
    const bot = newBot();
    server.addChat({ id: 1001, first_name: "Ani" });
    const err = await apiError(bot.api.sendMessage(1001, "a <br> b", { parse_mode: "HTML" }));
    expect(err.error_code).toBe(400);
    expect(err.description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "br"/);
    const markdown = await apiError(bot.api.sendMessage(1001, "Total *1.250* kg", { parse_mode: "MarkdownV2" }));
    expect(markdown.description).toBe("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    await expect(bot.api.sendMessage(1001, "Total *1\\.250* kg", { parse_mode: "MarkdownV2" })).resolves.toMatchObject({ text: "Total 1.250 kg" });
    const longData = await apiError(bot.api.sendMessage(1001, "x", { reply_markup: new InlineKeyboard().text("x", "d".repeat(65)) }));
    expect(longData.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("confirms updates by offset: each is delivered once unless redelivered", async () => {
    const bot = newBot();
    const handled: number[] = [];
    bot.on("message:text", async (ctx) => {
      handled.push(ctx.update.update_id);
      await ctx.reply(`ok ${ctx.message.text}`);
    });
    await run(bot);
    const user = new TelegramUser(server, ani);

    const sent: Update[] = [];
    for (const text of ["a", "b", "c"]) sent.push(user.say(text));
    await user.expectReply("ok c");
    expect(handled).toEqual(sent.map((u) => u.update_id));

    const first = sent[0] as Update;
    server.redeliver(first);
    await user.expectReply("ok a");
    user.say("d");
    await user.expectReply("ok d");

    const ids = sent.map((u) => u.update_id);
    expect(handled).toEqual([...ids, ids[0], (ids[2] ?? 0) + 1]);
    expect(server.pendingUpdates()).toBe(0);
  });

  it("keeps unconfirmed updates for the next getUpdates and drops confirmed ones", async () => {
    const api = newBot().api;
    server.sendText({ id: 1, first_name: "A" }, "one");
    const two = server.sendText({ id: 1, first_name: "A" }, "two");

    expect((await api.getUpdates()).map((u) => u.message?.text)).toEqual(["one", "two"]);
    expect((await api.getUpdates({ limit: 1 })).map((u) => u.message?.text)).toEqual(["one"]);
    expect(await api.getUpdates({ offset: two.update_id + 1 })).toEqual([]);
    expect(server.pendingUpdates()).toBe(0);
  });

  it("handles an inline keyboard: callback query, answer recorded, message edited", async () => {
    const bot = newBot();
    bot.command("menu", (ctx) =>
      ctx.reply("Pilih salah satu", { reply_markup: new InlineKeyboard().text("Ya", "pick:yes").text("Tidak", "pick:no") }),
    );
    bot.callbackQuery(/^pick:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Oke ${ctx.match[1]}` });
      await ctx.editMessageText(`Dipilih: ${ctx.match[1]}`);
    });
    await run(bot);
    const user = new TelegramUser(server, ani);

    user.say("/menu");
    const menu = await user.expectReply("Pilih");
    const press = user.press("Ya");
    const edited = await user.expectEdit(menu, "Dipilih");
    const answer = await user.callbackAnswer(press);

    expect(press.callback_query).toMatchObject({ data: "pick:yes", from: { id: 1001 }, message: { message_id: menu.message_id } });
    expect(answer.answer).toMatchObject({ text: "Oke yes" });
    expect(server.callbackAnswers()).toHaveLength(1);
    expect(edited).toMatchObject({ message_id: menu.message_id, text: "Dipilih: yes", edits: 1 });
    expect(edited.reply_markup).toBeUndefined();
    expect(user.lastMessage?.text).toBe("Dipilih: yes");

    const again = await apiError(bot.api.answerCallbackQuery(press.callback_query?.id ?? ""));
    expect(again.error_code).toBe(400);
    expect(again.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });

  it("refuses an edit that changes nothing, like Telegram", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    const markup = new InlineKeyboard().text("A", "a");
    const sent = await api.sendMessage(1001, "Sama", { reply_markup: markup });

    const err = await apiError(api.editMessageText(1001, sent.message_id, "Sama", { reply_markup: markup }));
    expect(err.error_code).toBe(400);
    expect(err.description).toMatch(/^Bad Request: message is not modified: /);
    await expect(api.editMessageText(1001, sent.message_id, "Sama")).resolves.toMatchObject({ text: "Sama" });
    const gone = await apiError(api.editMessageReplyMarkup(1001, sent.message_id));
    expect(gone.description).toMatch(/not modified/);
    await api.deleteMessage(1001, sent.message_id);
    expect(server.messages(1001)[0]?.deleted).toBe(true);
    expect(server.lastMessage(1001)).toBeUndefined();
  });

  it("stores an uploaded document byte for byte and serves it back", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    const bytes = Buffer.from("nama;jumlah\nAni;789,5\n", "utf8");

    const sent = await api.sendDocument(1001, new InputFile(bytes, "r.csv"), { caption: "Daftar hadir" });

    expect(sent.document).toMatchObject({ file_name: "r.csv", mime_type: "text/csv", file_size: bytes.length });
    expect(server.file(sent.document?.file_id ?? "").equals(bytes)).toBe(true);
    expect(server.lastMessage(1001)).toMatchObject({ caption: "Daftar hadir", document: { file_name: "r.csv" } });
    const file = await api.getFile(sent.document?.file_id ?? "");
    const download = await fetch(`${server.apiRoot}/file/bot${DEFAULT_BOT_TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("sends photos by upload and by file_id", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

    const first = await api.sendPhoto(1001, new InputFile(png), { caption: "Foto kegiatan" });
    const largest = first.photo?.at(-1);
    const second = await api.sendPhoto(1001, largest?.file_id ?? "");

    expect(first.photo?.length).toBeGreaterThan(0);
    expect(largest?.file_size).toBe(png.length);
    expect(server.file(largest?.file_id ?? "").equals(png)).toBe(true);
    expect(second.photo?.at(-1)?.file_id).toBe(largest?.file_id);
    expect(server.messages(1001).map((m) => m.caption)).toEqual(["Foto kegiatan", undefined]);
    const wrong = await apiError(api.sendPhoto(1001, "no-such-file"));
    expect(wrong.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
  });

  it("keeps command lists per scope and language", async () => {
    const api = newBot().api;
    await api.setMyCommands([{ command: "lapor", description: "Lapor hasil" }]);
    await api.setMyCommands([{ command: "lapor", description: "Report output" }], { language_code: "en" });
    await api.setMyCommands([{ command: "undang", description: "Undang rapat" }], { scope: { type: "chat", chat_id: 7 } });

    expect(await api.getMyCommands()).toEqual([{ command: "lapor", description: "Lapor hasil" }]);
    expect(await api.getMyCommands({ language_code: "en" })).toEqual([{ command: "lapor", description: "Report output" }]);
    expect(server.commands({ type: "chat", chat_id: 7 }).map((c) => c.command)).toEqual(["undang"]);
    await api.deleteMyCommands({ language_code: "en" });
    expect(server.commands(undefined, "en")).toEqual([]);
  });

  it("answers 403 for a user who blocked the bot and 400 for an unknown chat", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    server.blockUser(1001);

    const blocked = await apiError(api.sendMessage(1001, "Pengingat"));
    expect(blocked.error_code).toBe(403);
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");
    const unknown = await apiError(api.sendMessage(4242, "Halo"));
    expect(unknown.error_code).toBe(400);
    expect(unknown.description).toBe("Bad Request: chat not found");

    server.unblockUser(1001);
    await expect(api.sendMessage(1001, "Pengingat")).resolves.toMatchObject({ text: "Pengingat" });
  });

  it("applies the rate limit when asked: 429 with retry_after", async () => {
    const api = newBot().api;
    server.setRateLimit({ globalPerSecond: 30, perChatPerSecond: 1 });
    for (let id = 1; id <= 40; id++) server.addChat({ id, first_name: `U${id}` });

    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => api.sendMessage(i + 1, "Halo")));
    const limited = results.flatMap((r) => (r.status === "rejected" ? [r.reason as GrammyError] : []));

    expect(limited.length).toBeGreaterThan(0);
    for (const err of limited) {
      expect(err.error_code).toBe(429);
      expect(err.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(err.description).toMatch(/^Too Many Requests: retry after \d+$/);
    }
    expect(server.stats()).toMatchObject({ tooManyRequests: limited.length, sends: 40 - limited.length });

    server.setRateLimit({ globalPerSecond: 1000, perChatPerSecond: 1 });
    await new Promise((r) => setTimeout(r, 1000));
    await api.sendMessage(1, "satu");
    const perChat = await apiError(api.sendMessage(1, "dua"));
    expect(perChat.error_code).toBe(429);
  });

  it("holds getUpdates until the timeout, or until an update arrives", async () => {
    const api = newBot().api;
    const started = performance.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);

    // A poll longer than this test may last: it can only end in time by returning on the update.
    const poll = api.getUpdates({ timeout: 120 });
    setTimeout(() => server.sendText({ id: 5, first_name: "E" }, "cepat"), 100);
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["cepat"]);
  });

  it("answers GET and urlencoded calls, 404 for an unknown method and 401 for a wrong token", async () => {
    const unknown = await fetch(`${server.apiRoot}/bot${DEFAULT_BOT_TOKEN}/sendTelepathy`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });

    const get = await fetch(`${server.apiRoot}/bot${DEFAULT_BOT_TOKEN}/getMe?x=1`);
    expect(await get.json()).toMatchObject({ ok: true, result: { id: 7000000001 } });
    server.addChat({ id: 1001, first_name: "Ani" });
    const form = await fetch(`${server.apiRoot}/bot${DEFAULT_BOT_TOKEN}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: "1001", text: "lewat form", reply_markup: JSON.stringify({ force_reply: true }) }),
    });
    expect(await form.json()).toMatchObject({ ok: true, result: { text: "lewat form", chat: { id: 1001 } } });
    expect(server.lastMessage(1001)?.reply_markup).toEqual({ force_reply: true });

    const wrong = await apiError(newBot("7000000001:not-the-token").init());
    expect(wrong.error_code).toBe(401);
    expect(wrong.description).toBe("Unauthorized");
  });
});

describe("with the runner, conversations and auto-retry", () => {
  it("carries a conversation through concurrent users while rate-limited", async () => {
    type Ctx = ConversationFlavor<Context>;
    const bot = new Bot<Ctx>(DEFAULT_BOT_TOKEN, { client: { apiRoot: server.apiRoot } });
    const errors: unknown[] = [];
    bot.catch((err) => void errors.push(err.error));
    bot.api.config.use(autoRetry());
    bot.use(sequentialize((ctx) => String(ctx.chat?.id)));
    bot.use(conversations());
    bot.use(
      createConversation(async (conversation: Conversation<Ctx, Context>, ctx: Context) => {
        await ctx.reply("Berapa kg?", { reply_markup: new InlineKeyboard().text("Batal", "cancel") });
        const answer = await conversation.waitFor("message:text");
        await answer.reply(`Tercatat ${answer.message.text} kg`);
      }, {
        id: "lapor",
        // A conversation's ctx.api is fresh: transformers must be installed again.
        plugins: [
          (ctx, next) => {
            ctx.api.config.use(autoRetry());
            return next();
          },
        ],
      }),
    );
    bot.command("lapor", (ctx) => ctx.conversation.enter("lapor"));
    server.setRateLimit({ globalPerSecond: 100, perChatPerSecond: 1 });
    const runner = runBot(bot, { runner: { fetch: { timeout: 30 } } });
    stopBot = async () => {
      if (runner.isRunning()) await runner.stop();
      expect(errors).toEqual([]);
    };

    const users = [1, 2, 3].map((n) => new TelegramUser(server, { id: 2000 + n, firstName: `U${n}` }));
    for (const user of users) user.say("/lapor");
    await Promise.all(users.map((user) => user.expectReply("Berapa kg?")));
    users.forEach((user, i) => user.say(`${i + 5}`));
    const replies = await Promise.all(users.map((user) => user.expectReply(/^Tercatat/, 15_000)));

    expect(replies.map((m) => m.text)).toEqual(["Tercatat 5 kg", "Tercatat 6 kg", "Tercatat 7 kg"]);
    expect(server.stats().tooManyRequests).toBeGreaterThan(0);
  });
});

describe("user side", () => {
  it("shares a contact from a request_contact keyboard and taps reply buttons", async () => {
    const bot = newBot();
    bot.command("telepon", (ctx) =>
      ctx.reply("Bagikan nomor?", { reply_markup: new Keyboard().requestContact("Bagikan").text("Lewati").oneTime() }),
    );
    bot.on("message:contact", (ctx) =>
      ctx.reply(`Nomor ${ctx.message.contact.phone_number} milik ${ctx.message.contact.user_id}`, { reply_markup: { remove_keyboard: true } }),
    );
    bot.hears("Lewati", (ctx) => ctx.reply("Dilewati"));
    await run(bot);
    const user = new TelegramUser(server, ani);

    user.say("/telepon");
    const ask = await user.expectReply("Bagikan nomor?");
    expect(ask.reply_markup).toMatchObject({ keyboard: [[{ text: "Bagikan", request_contact: true }, { text: "Lewati" }]] });
    expect(() => user.pressReply("Bagikan")).toThrow(/shareContact/);
    user.pressReply("Lewati");
    await user.expectReply("Dilewati");

    user.shareContact("+6281234567890");
    expect(await user.expectReply(/^Nomor/)).toMatchObject({ text: "Nomor +6281234567890 milik 1001" });
    expect(() => user.pressReply("Lewati")).toThrow(/No reply keyboard button "Lewati"/);
  });

  it("sends photos and stickers the bot can download", async () => {
    const bot = newBot();
    bot.on("message:photo", async (ctx) => {
      const file = await ctx.api.getFile(ctx.message.photo.at(-1)?.file_id ?? "");
      const res = await fetch(`${server.apiRoot}/file/bot${DEFAULT_BOT_TOKEN}/${file.file_path}`);
      await ctx.reply(`foto ${(await res.arrayBuffer()).byteLength} byte: ${ctx.message.caption}`);
    });
    bot.on("message:sticker", (ctx) => ctx.reply(`stiker ${ctx.message.sticker.emoji}`));
    await run(bot);
    const user = new TelegramUser(server, ani);

    user.sendPhoto({ caption: "Panen maggot", bytes: Buffer.alloc(321) });
    await user.expectReply("foto 321 byte: Panen maggot");
    user.sendSticker();
    await user.expectReply("stiker 👍");
  });

  it("fails a wait with the chat's last bot messages", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    await api.sendMessage(1001, "Pilih minggu", { reply_markup: new InlineKeyboard().text("Minggu ini", "w:0") });
    server.sendText({ id: 1001, first_name: "Ani" }, "halo");

    const err = await server.waitForMessage(1001, { match: "Terima kasih", timeoutMs: 150 }).then(() => undefined, (e: Error) => e);

    expect(err?.message).toContain('matching "Terima kasih"');
    expect(err?.message).toContain('#1 "Pilih minggu" [Minggu ini]');
    expect(err?.message).toContain("1 update(s) not fetched by the bot yet");
  });

  it("finds a message sent before the wait began, after a mark", async () => {
    const api = newBot().api;
    server.addChat({ id: 1001, first_name: "Ani" });
    await api.sendMessage(1001, "lama");
    const mark = server.mark(1001);
    await api.sendMessage(1001, "baru");

    expect((await server.waitForMessage(1001, { after: mark })).text).toBe("baru");
    expect((await server.waitForMessage(1001, { after: 0 })).text).toBe("lama");
    const events: string[] = [];
    server.on("message", (m, kind) => events.push(`${kind} ${m.text}`));
    await api.sendMessage(1001, "lagi");
    expect(events).toEqual(["new lagi"]);
  });
});

describe("webhook", () => {
  interface Post {
    update: Update;
    secret: string | undefined;
    contentType: string | undefined;
  }

  const receivers: Server[] = [];

  afterEach(async () => {
    for (const receiver of receivers.splice(0)) {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  /** The bot's end of a webhook: records each POST; `answer` replies (a 200 unless it says otherwise, or never). */
  async function startReceiver(answer: (update: Update, res: ServerResponse) => void = (_, res) => void res.end()) {
    const posts: Post[] = [];
    // A failure to read the body rejects unhandled, which fails the test run.
    const receiver = createServer((req, res) => {
      void text(req).then((body) => {
        const update = JSON.parse(body) as Update;
        const secret = req.headers["x-telegram-bot-api-secret-token"];
        posts.push({ update, secret: typeof secret === "string" ? secret : undefined, contentType: req.headers["content-type"] });
        answer(update, res);
      });
    });
    receivers.push(receiver);
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
    return { url, posts, texts: () => posts.map((p) => p.update.message?.text) };
  }

  /** A URL where nobody listens. */
  async function refusingUrl(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return `http://127.0.0.1:${port}/webhook`;
  }

  /** Every webhook POST from now on, as it ends. */
  function attempts(): WebhookAttempt[] {
    const log: WebhookAttempt[] = [];
    server.on("webhook", (attempt) => log.push(attempt));
    return log;
  }

  async function useServer(opts: BotApiServerOptions): Promise<void> {
    await server.close();
    server = await startBotApiServer(opts);
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("POSTs each update with the secret token; a 500 is tried again and the 200 confirms it", async () => {
    let answered = 0;
    const receiver = await startReceiver((_, res) => {
      res.statusCode = answered++ === 0 ? 500 : 200;
      res.end();
    });
    const log = attempts();
    const api = newBot().api;
    await api.setWebhook(receiver.url, { secret_token: "rahasia_123" });

    const update = server.sendText({ id: 1001, first_name: "Ani" }, "halo");
    await vi.waitFor(() => expect(log.map((a) => a.ok)).toEqual([false, true]));
    server.sendText({ id: 1001, first_name: "Ani" }, "lagi");
    await vi.waitFor(() => expect(log).toHaveLength(3));

    const id = update.update_id;
    expect(receiver.posts.map((p) => p.update.update_id)).toEqual([id, id, id + 1]);
    expect(receiver.posts[0]).toEqual({ update, secret: "rahasia_123", contentType: "application/json" });
    const error = "Wrong response from the webhook: 500 Internal Server Error";
    expect(log[0]).toMatchObject({ update_id: id, ok: false, status: 500, error });
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ url: receiver.url, pending_update_count: 0, max_connections: 40, last_error_message: error });
    expect(Math.abs((info.last_error_date ?? 0) - Date.now() / 1000)).toBeLessThan(5);
    expect(server.stats()).toMatchObject({ updatesQueued: 2, updatesDelivered: 3 });
    const conflict = await apiError(api.getUpdates());
    expect(conflict.error_code).toBe(409);
  });

  it("keeps a chat's updates in order while other chats go on", async () => {
    let releaseA1!: () => void;
    const receiver = await startReceiver((update, res) => {
      if (update.message?.text === "a1") releaseA1 = () => res.end();
      else res.end();
    });
    const log = attempts();
    await newBot().api.setWebhook(receiver.url);
    const a = { id: 1, first_name: "A" };

    server.sendText(a, "a1");
    server.sendText(a, "a2");
    const b1 = server.sendText({ id: 2, first_name: "B" }, "b1");
    await vi.waitFor(() => expect(log).toMatchObject([{ update_id: b1.update_id, ok: true }]));
    await sleep(50);
    expect(receiver.texts().sort()).toEqual(["a1", "b1"]);

    releaseA1();
    await vi.waitFor(() => expect(log).toHaveLength(3));
    expect(receiver.texts().at(-1)).toBe("a2");
  });

  it("POSTs at most max_connections updates at once", async () => {
    let releaseA!: () => void;
    const receiver = await startReceiver((update, res) => {
      if (update.message?.text === "a") releaseA = () => res.end();
      else res.end();
    });
    const api = newBot().api;
    await api.setWebhook(receiver.url, { max_connections: 1 });

    server.sendText({ id: 1, first_name: "A" }, "a");
    server.sendText({ id: 2, first_name: "B" }, "b");
    await vi.waitFor(() => expect(receiver.posts).toHaveLength(1));
    await sleep(100);
    expect(receiver.texts()).toEqual(["a"]);
    expect(await api.getWebhookInfo()).toMatchObject({ max_connections: 1 });

    releaseA();
    await vi.waitFor(() => expect(receiver.texts()).toEqual(["a", "b"]));
  });

  it("counts a refused connection and a POST unanswered within webhookTimeoutMs as failures", async () => {
    await useServer({ webhookTimeoutMs: 200, webhookRetryMs: { first: 50, max: 50 } });
    let posts = 0;
    const receiver = await startReceiver((_, res) => {
      if (posts++ > 0) res.end();
    });
    const log = attempts();
    const api = newBot().api;

    await api.setWebhook(await refusingUrl());
    server.sendText({ id: 1001, first_name: "Ani" }, "halo");
    await vi.waitFor(() => expect(log[0]).toMatchObject({ ok: false, error: "Connection refused" }));
    expect(await api.getWebhookInfo()).toMatchObject({ last_error_message: "Connection refused", pending_update_count: 1 });

    await api.setWebhook(receiver.url);
    await vi.waitFor(() => expect(log.at(-1)).toMatchObject({ ok: true }));
    const unanswered = log.find((a) => a.error === "Read timeout expired");
    expect(unanswered?.status).toBeUndefined();
    expect(unanswered?.ms).toBeGreaterThanOrEqual(190);
    expect(receiver.posts).toHaveLength(2);
    // Only the POST that got an answer counts as delivered.
    expect(server.stats().updatesDelivered).toBe(1);
  });

  it("ends a waiting getUpdates on setWebhook; after deleteWebhook getUpdates gets the unconfirmed update", async () => {
    await useServer({ webhookRetryMs: { first: 300, max: 300 } });
    const receiver = await startReceiver((_, res) => {
      res.statusCode = 503;
      res.end();
    });
    const log = attempts();
    const api = newBot().api;
    const poll = apiError(api.getUpdates({ timeout: 30 }));
    await vi.waitFor(() => expect(server.stats().requests.getUpdates).toBe(1));
    await sleep(50);

    await api.setWebhook(receiver.url);
    expect((await poll).description).toBe("Conflict: terminated by setWebhook request");
    const update = server.sendText({ id: 1001, first_name: "Ani" }, "halo");
    await vi.waitFor(() => expect(log).toHaveLength(1));
    await api.deleteWebhook();
    await sleep(700);

    expect(receiver.posts).toHaveLength(1);
    expect(await api.getWebhookInfo()).toMatchObject({ url: "", pending_update_count: 1 });
    expect(await api.getUpdates()).toEqual([update]);
  });

  it("lets a POST under way when the webhook is deleted confirm its update", async () => {
    let release!: () => void;
    const receiver = await startReceiver((_, res) => (release = () => res.end()));
    const log = attempts();
    const api = newBot().api;
    await api.setWebhook(receiver.url);

    server.sendText({ id: 1001, first_name: "Ani" }, "halo");
    await vi.waitFor(() => expect(receiver.posts).toHaveLength(1));
    await api.deleteWebhook();
    expect(server.pendingUpdates()).toBe(1);
    release();

    await vi.waitFor(() => expect(log).toMatchObject([{ ok: true }]));
    expect(server.pendingUpdates()).toBe(0);
    expect(await api.getUpdates()).toEqual([]);
  });

  it("POSTs a redelivered update again, with the same update_id", async () => {
    const receiver = await startReceiver();
    const log = attempts();
    await newBot().api.setWebhook(receiver.url);
    const update = server.sendText({ id: 1001, first_name: "Ani" }, "halo");
    await vi.waitFor(() => expect(log).toHaveLength(1));

    server.redeliver(update);
    await vi.waitFor(() => expect(log).toHaveLength(2));

    expect(receiver.posts.map((p) => p.update)).toEqual([update, update]);
    expect(log.every((a) => a.ok)).toBe(true);
    expect(server.stats().updatesDelivered).toBe(2);
    expect(server.pendingUpdates()).toBe(0);
  });
});

describe("shutdown", () => {
  // Run in a child process: the check is that Node exits on its own, with nothing left open.
  const script = `
    import { Bot } from "grammy";
    const { startBotApiServer, DEFAULT_BOT_TOKEN } = await import(process.env.SERVER_MODULE);
    const server = await startBotApiServer();
    const bot = new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot: server.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply("ok"));
    const done = new Promise((resolve) => void bot.start({ onStart: resolve }));
    await done;
    server.sendText({ id: 9, first_name: "I" }, "hi");
    await server.waitForMessage(9, { match: "ok" });
    const waiting = server.waitForMessage(9, { match: "never", timeoutMs: 60000 }).catch((e) => e.message);
    await bot.stop();
    const poll = bot.api.getUpdates({ timeout: 60 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    console.log(JSON.stringify({ poll: await poll, waiting: await waiting }));
  `;

  it("lets the process exit once the bot is stopped and the server closed", async () => {
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, SERVER_MODULE: fileURLToPath(new URL("../../src/dev/bot-api-server.ts", import.meta.url)) },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout)).toEqual({ poll: [], waiting: "Bot API server closed" });
  });

  // The receiver never answers: close() must abort the POST and leave no timeout or retry timer.
  const webhookScript = `
    import { createServer } from "node:http";
    const { startBotApiServer, DEFAULT_BOT_TOKEN } = await import(process.env.SERVER_MODULE);
    const server = await startBotApiServer();
    let received;
    const posted = new Promise((resolve) => (received = resolve));
    const receiver = createServer(() => received());
    await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    await fetch(server.apiRoot + "/bot" + DEFAULT_BOT_TOKEN + "/setWebhook", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:" + receiver.address().port + "/" }),
    });
    server.sendText({ id: 9, first_name: "I" }, "hi");
    await posted;
    const started = performance.now();
    await server.close();
    const closeMs = performance.now() - started;
    await new Promise((resolve) => receiver.close(resolve));
    console.log(JSON.stringify({ quick: closeMs < 1000 }));
  `;

  it("lets the process exit once the server is closed while a webhook POST waits for an answer", async () => {
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", webhookScript], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, SERVER_MODULE: fileURLToPath(new URL("../../src/dev/bot-api-server.ts", import.meta.url)) },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout)).toEqual({ quick: true });
  });
});
