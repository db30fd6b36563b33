import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Language } from "../bot/context.js";
import { createSession, endSession, readSession, redeemLoginToken } from "../features/console/console.auth.js";
import type { Html } from "./console.html.js";
import type { ConsoleDeps, PageContext } from "./console.kit.js";
import { CONSOLE_CSS, messagePage } from "./console.layout.js";
import { CONSOLE_JS } from "./console.script.js";
import { loadViewer, type Viewer } from "./console.viewer.js";
import { registerPages } from "./console.routes.js";


export const SESSION_COOKIE = "lk_session";
const LANGUAGE_COOKIE = "lk_lang";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | null;
    lang: Language;
  }
}


/**
 * The staff console: server-rendered pages on Fastify. Way in: a one-time link from /konsol
 * (GET /masuk/<token>), then an HttpOnly SameSite=Lax session cookie (Secure behind https);
 * every request re-reads the person's rights; forms carry CSRF tokens; helmet sets the
 * security headers; the link endpoint is rate-limited (shared in Redis across processes).
 */
export async function createConsoleServer(deps: ConsoleDeps, opts: { secureCookies: boolean }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: true, bodyLimit: 1024 * 1024 });
  const cookieOpts = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: opts.secureCookies };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // Bars are drawn with a width in a style attribute; no inline script is ever allowed.
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"], styleSrc: ["'self'"], styleSrcAttr: ["'unsafe-inline'"], scriptSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"] },
    },
    // Pages are plain http on a developer's machine; behind https the proxy adds HSTS.
    strictTransportSecurity: opts.secureCookies,
  });
  await app.register(fastifyCsrf, { sessionPlugin: "@fastify/cookie", cookieOpts });
  await app.register(fastifyRateLimit, { global: false, redis: deps.redis, nameSpace: "console:ratelimit:" });

  app.decorateRequest("viewer", null);
  app.decorateRequest("lang", "id");

  const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => deps.i18n.t(lang, key, vars);
  const send = (reply: FastifyReply, page: Html, status = 200) => reply.code(status).type("text/html; charset=utf-8").send(page.value);
  const languageOf = (request: FastifyRequest): Language | undefined => {
    const chosen = request.cookies[LANGUAGE_COOKIE];
    return chosen === "en" || chosen === "id" ? chosen : undefined;
  };

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const lang = request.lang;
    if (error.code === "FST_CSRF_INVALID_TOKEN" || error.code === "FST_CSRF_MISSING_SECRET") {
      return send(reply, messagePage(t(lang), lang, "console-csrf-title", "console-csrf-body"), 403);
    }
    if (error.statusCode === 429) return send(reply, messagePage(t(lang), lang, "console-rate-title", "console-rate-body"), 429);
    deps.logger.error({ err: error, url: request.routeOptions.url }, "console request failed");
    return send(reply, messagePage(t(lang), lang, "console-error-title", "console-error-body"), 500);
  });

  app.get("/static/console.css", async (_request, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(CONSOLE_CSS));
  app.get("/static/console.js", async (_request, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=3600").send(CONSOLE_JS));
  app.get("/healthz", async () => ({ ok: true }));

  app.get<{ Params: { token: string } }>("/masuk/:token", { config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    const personId = await redeemLoginToken(deps.redis, request.params.token);
    const viewer = personId === null ? null : await loadViewer(deps.prisma, personId, deps.config.adminTelegramIds);
    const lang = languageOf(request) ?? viewer?.language ?? "id";
    if (!viewer) return send(reply, messagePage(t(lang), lang, "console-link-invalid-title", "console-link-invalid-body"), 403);
    await endSession(deps.redis, request.cookies[SESSION_COOKIE]);
    const sessionId = await createSession(deps.redis, viewer.personId);
    deps.logger.info({ personId: viewer.personId }, "console session started");
    return reply.setCookie(SESSION_COOKIE, sessionId, cookieOpts).redirect("/", 303);
  });

  // Everything below needs a session of someone who may still use the console.
  app.addHook("preHandler", async (request, reply) => {
    const url = request.routeOptions.url ?? "";
    if (url.startsWith("/masuk/") || url.startsWith("/static/") || url === "/healthz") return;
    const personId = await readSession(deps.redis, request.cookies[SESSION_COOKIE]);
    const viewer = personId === null ? null : await loadViewer(deps.prisma, personId, deps.config.adminTelegramIds);
    request.lang = languageOf(request) ?? viewer?.language ?? "id";
    if (!viewer) {
      if (personId !== null) await endSession(deps.redis, request.cookies[SESSION_COOKIE]);
      return send(reply.clearCookie(SESSION_COOKIE, { path: "/" }), messagePage(t(request.lang), request.lang, "console-signed-out-title", "console-signed-out-body"), 401);
    }
    request.viewer = viewer;
  });

  app.post("/keluar", { preValidation: app.csrfProtection }, async (request, reply) => {
    await endSession(deps.redis, request.cookies[SESSION_COOKIE]);
    return send(reply.clearCookie(SESSION_COOKIE, { path: "/" }), messagePage(t(request.lang), request.lang, "console-bye-title", "console-bye-body"));
  });

  app.post<{ Body: { lang?: string; back?: string } }>("/bahasa", { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang: Language = request.body.lang === "en" ? "en" : "id";
    const back = typeof request.body.back === "string" && request.body.back.startsWith("/") && !request.body.back.startsWith("//") ? request.body.back : "/";
    return reply.setCookie(LANGUAGE_COOKIE, lang, { ...cookieOpts, maxAge: 365 * 24 * 3600 }).redirect(back, 303);
  });

  const context = (request: FastifyRequest, reply: FastifyReply): PageContext => {
    const viewer = request.viewer;
    if (!viewer) throw new Error("console page without a viewer");
    let token: string | undefined;
    return { viewer, lang: request.lang, t: t(request.lang), csrf: () => (token ??= reply.generateCsrf()), deps };
  };
  registerPages(app, { context, send, csrf: app.csrfProtection });
  return app;
}

export type { ConsoleDeps };
