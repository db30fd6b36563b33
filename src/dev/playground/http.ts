import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { createI18n } from "../../bot/i18n.js";
import { joinLink, listActiveJoinCodes } from "../../features/onboarding/onboarding.service.js";
import { chatView } from "./chat-view.js";
import type { OperatorJobId } from "./jobs.js";
import { PAGE_LABELS } from "./labels.js";
import type { PlaygroundRuntime } from "./runtime.js";
import { telegramUserOf } from "./personas.js";

/** The page's files, found from src/dev/playground (tsx) and dist/dev/playground (built) alike. */
const STATIC_DIR = fileURLToPath(new URL("../../../src/dev/playground/static/", import.meta.url));
const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/chat.js": "chat.js",
  "/core.js": "core.js",
  "/render.js": "render.js",
  "/style.css": "style.css",
};
const CONTENT_TYPES: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css" };
const MAX_JSON = 64 * 1024;
const MAX_PHOTO = 10 * 1024 * 1024;
const CLOCK_STEPS_MS = new Set([3_600_000, 86_400_000, 7 * 86_400_000]);

export type PageServer = { address(): ReturnType<Server["address"]>; close(): Promise<void> };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startPageServer(runtime: PlaygroundRuntime, opts: { port: number; host: string }): Promise<PageServer> {
  const i18n = createI18n();
  // Variables stay placeholders ({days}); the page fills them in.
  const placeholders = { days: "{days}", hours: "{hours}", error: "{error}" };
  const labels = (lang: string) => Object.fromEntries(PAGE_LABELS.map((key) => [key, i18n.t(lang === "en" ? "en" : "id", key, placeholders)]));
  const routes: Array<[string, RegExp, (req: IncomingMessage, res: ServerResponse, m: RegExpExecArray, url: URL) => Promise<void>]> = [
    ["GET", /^\/api\/state$/, async (_req, res, _m, url) => {
      const { server } = runtime;
      json(res, {
        bot: { name: server.me.first_name, username: server.me.username },
        timeZone: runtime.deps.config.timeZone,
        clock: runtime.clockState(),
        jobs: runtime.jobs().map((j) => ({ id: j.id, available: j.available })),
        labels: labels(url.searchParams.get("lang") ?? "id"),
      });
    }],
    ["GET", /^\/api\/personas$/, async (_req, res) => json(res, await runtime.personas.list())],
    ["POST", /^\/api\/personas$/, async (req, res) => {
      const { name } = await readJson<{ name?: unknown }>(req);
      const clean = typeof name === "string" ? name.replace(/\s+/g, " ").trim().slice(0, 60) : "";
      if (clean.length < 2) throw new HttpError(400, "a name of at least 2 letters");
      json(res, runtime.personas.addGuest(clean));
    }],
    ["GET", /^\/api\/join-links$/, async (_req, res) => {
      const codes = await listActiveJoinCodes({ prisma: runtime.prisma, clock: runtime.deps.clock });
      // Groups by name (members before coordinators), then stakeholders; the newest first within each.
      const order = (c: (typeof codes)[number]) => `${c.role === "stakeholder" ? "1" : "0"}${c.groupName ?? c.institution ?? ""}${c.role === "coordinator" ? "1" : "0"}`;
      const sorted = codes.map((c, i) => ({ c, i })).sort((a, b) => order(a.c).localeCompare(order(b.c)) || a.i - b.i).map(({ c }) => c);
      json(res, sorted.map((c) => ({ code: c.code, link: joinLink(runtime.server.me.username, c.code), role: c.role, group: c.groupName, institution: c.institution })));
    }],
    ["GET", /^\/api\/chats\/(\d+)$/, async (_req, res, m) => json(res, chatView(runtime.server, runtime.edits, Number(m[1])))],
    ["POST", /^\/api\/chats\/(\d+)\/text$/, async (req, res, m) => {
      const user = await userOf(m);
      const { text } = await readJson<{ text?: unknown }>(req);
      if (typeof text !== "string" || text.trim() === "" || text.length > 4096) throw new HttpError(400, "text of 1–4096 characters");
      json(res, { updateId: runtime.server.sendText(user, text).update_id });
    }],
    ["POST", /^\/api\/chats\/(\d+)\/press$/, async (req, res, m) => {
      const user = await userOf(m);
      const { messageId, data } = await readJson<{ messageId?: unknown; data?: unknown }>(req);
      const message = runtime.server.chats.get(user.id)?.botMessages.get(Number(messageId));
      if (!message || typeof data !== "string") throw new HttpError(404, "no such message or button");
      json(res, { updateId: attempt(() => runtime.server.pressButton(user, message, data)).update_id });
    }],
    ["POST", /^\/api\/chats\/(\d+)\/reply$/, async (req, res, m) => {
      const persona = await personaOf(m);
      const user = telegramUserOf(persona);
      const { text, contact } = await readJson<{ text?: unknown; contact?: unknown }>(req);
      const update =
        contact === true ? runtime.server.shareContact(user, persona.phone)
        : typeof text === "string" ? attempt(() => runtime.server.pressReplyButton(user, text))
        : null;
      if (!update) throw new HttpError(400, "text or contact");
      json(res, { updateId: update.update_id });
    }],
    ["POST", /^\/api\/chats\/(\d+)\/photo$/, async (req, res, m, url) => {
      const user = await userOf(m);
      const bytes = await readBody(req, MAX_PHOTO);
      if (bytes.length === 0) throw new HttpError(400, "an image");
      const caption = url.searchParams.get("caption") ?? "";
      const fileName = (url.searchParams.get("name") ?? "photo.jpg").replace(/[^\w.-]/g, "_").slice(0, 80);
      const update = runtime.server.sendPhoto(user, { bytes, fileName, ...(caption.trim() !== "" && { caption }) });
      json(res, { updateId: update.update_id });
    }],
    ["GET", /^\/api\/files\/([^/]+)$/, async (_req, res, m) => {
      const file = runtime.server.files.get(decodeURIComponent(m[1] ?? ""));
      if (!file) throw new HttpError(404, "no such file");
      const inline = file.mime_type.startsWith("image/");
      const name = file.file_name ?? file.file_path.split("/").pop() ?? "file";
      res.writeHead(200, {
        "content-type": file.mime_type,
        "content-length": file.bytes.length,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${name.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, max-age=3600",
      });
      res.end(file.bytes);
    }],
    ["GET", /^\/api\/events$/, async (_req, res, _m, url) => {
      const chat = url.searchParams.get("chat");
      runtime.events.subscribe(res, chat && /^\d+$/.test(chat) ? Number(chat) : null);
    }],
    ["POST", /^\/api\/operator\/clock$/, async (req, res) => {
      const { ms } = await readJson<{ ms?: unknown }>(req);
      if (typeof ms !== "number" || !CLOCK_STEPS_MS.has(ms)) throw new HttpError(400, "one hour, day or week");
      const started = await runtime.advanceClock(ms);
      json(res, { ...runtime.clockState(), jobsStarted: started });
    }],
    ["POST", /^\/api\/operator\/jobs\/([a-z-]+)$/, async (_req, res, m) => {
      const job = runtime.jobs().find((j) => j.id === (m[1] as OperatorJobId));
      if (!job?.available) throw new HttpError(404, "no such job in this bot");
      await job.run();
      json(res, { started: true });
    }],
    ["POST", /^\/api\/operator\/reset$/, async (_req, res) => {
      await runtime.reset();
      json(res, { reset: true });
    }],
  ];

  async function personaOf(m: RegExpExecArray) {
    const persona = await runtime.personas.find(Number(m[1]));
    if (!persona) throw new HttpError(404, "no such person");
    return persona;
  }
  async function userOf(m: RegExpExecArray) {
    return telegramUserOf(await personaOf(m));
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) runtime.deps.logger.warn({ err, path: req.url?.split("?")[0] }, "playground request failed");
      if (res.headersSent) res.end();
      else json(res, { error: err instanceof Error ? err.message : String(err) }, status);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://playground");
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = req.method === "GET" ? STATIC_FILES[url.pathname] : undefined;
    if (file) {
      const body = await readFile(`${STATIC_DIR}${file}`);
      res.writeHead(200, { "content-type": `${CONTENT_TYPES[file.split(".").pop() ?? ""] ?? "text/plain"}; charset=utf-8`, "cache-control": "no-cache" });
      res.end(body);
      return;
    }
    for (const [method, pattern, route] of routes) {
      const m = pattern.exec(url.pathname);
      if (m && req.method === method) return route(req, res, m, url);
    }
    throw new HttpError(404, "not found");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    address: () => server.address(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The user-side calls of the Bot API server throw when the action is impossible (a stale button …). */
function attempt<T>(action: () => T): T {
  try {
    return action();
  } catch (err) {
    throw new HttpError(409, err instanceof Error ? err.message.split("\n")[0]! : String(err));
  }
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  const data = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(data);
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, "too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req, MAX_JSON);
  try {
    const value: unknown = JSON.parse(body.toString("utf8") || "{}");
    return (typeof value === "object" && value !== null ? value : {}) as T;
  } catch {
    throw new HttpError(400, "JSON expected");
  }
}
