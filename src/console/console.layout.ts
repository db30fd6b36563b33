import type { Language } from "../bot/context.js";
import { html, type Html } from "./console.html.js";
import type { Viewer } from "./console.viewer.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type Page = {
  t: Translate;
  lang: Language;
  title: string;
  viewer: Viewer | null;
  /** the CSRF token for the forms in the page's frame (language switch, sign-out) */
  csrf?: string;
  /** the page's path, so the language switch comes back to it */
  path?: string;
  body: Html;
};

const NAV: Array<{ href: string; key: string; adminOnly?: boolean; staffOnly?: boolean }> = [
  { href: "/", key: "console-nav-home" },
  { href: "/laporan", key: "console-nav-reports" },
  { href: "/rapat", key: "console-nav-meetings", staffOnly: true },
  { href: "/pengaturan", key: "console-nav-settings", staffOnly: true },
  { href: "/audit", key: "console-nav-audit", staffOnly: true },
];

/** The frame of every page: a top bar with the sections, the language switch and sign-out. */
export function layout(page: Page): Html {
  const { t, viewer } = page;
  const links = NAV.filter((n) => !viewer ? false : n.adminOnly ? viewer.isAdmin : n.staffOnly ? viewer.isStaff : true);
  const other: Language = page.lang === "id" ? "en" : "id";
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Lapor Kelompok</title>
<link rel="stylesheet" href="/static/console.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/">Lapor Kelompok</a>
  <nav>${links.map((n) => html`<a href="${n.href}">${t(n.key)}</a>`)}</nav>
  ${viewer && page.csrf
    ? html`<div class="who">
    <form method="post" action="/bahasa"><input type="hidden" name="_csrf" value="${page.csrf}"><input type="hidden" name="lang" value="${other}"><input type="hidden" name="back" value="${page.path ?? "/"}"><button class="link" type="submit">${t(`console-switch-${other}`)}</button></form>
    <form method="post" action="/keluar"><input type="hidden" name="_csrf" value="${page.csrf}"><button class="link" type="submit">${t("console-sign-out")}</button></form>
  </div>`
    : ""}
</header>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>`;
}

/** A page that only says something (a refused link, signed out, an error). */
export function messagePage(t: Translate, lang: Language, titleKey: string, bodyKey: string): Html {
  return layout({ t, lang, title: t(titleKey), viewer: null, body: html`<p class="message">${t(bodyKey)}</p>` });
}

export const CONSOLE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2521;background:#f6f7f5}
a{color:#1f6f43}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;padding:.6rem 1rem;background:#1f6f43;color:#fff}
.top a{color:#fff;text-decoration:none}
.top nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.brand{font-weight:700}
.who{margin-left:auto;display:flex;gap:.8rem}
.who form{margin:0}
button.link{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font:inherit;padding:0}
main{max-width:1200px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.4rem 0 1rem}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.message{font-size:1.1rem;background:#fff;padding:1rem;border-radius:6px}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;background:#fff;padding:.6rem;border-radius:6px;margin-bottom:1rem}
.filters label{display:flex;flex-direction:column;font-size:.85rem}
select,input,textarea,button{font:inherit}
input,select,textarea{padding:.3rem .4rem;border:1px solid #b9c2bc;border-radius:4px;background:#fff}
button{padding:.35rem .8rem;border:1px solid #1f6f43;background:#1f6f43;color:#fff;border-radius:4px;cursor:pointer}
.table-wrap{overflow-x:auto;background:#fff;border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{padding:.35rem .55rem;border-bottom:1px solid #e2e6e3;text-align:left;vertical-align:top}
th{background:#eef2ef;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.8rem}
.card{background:#fff;border-radius:6px;padding:.8rem}
.bar{position:relative;height:14px;background:#e2e6e3;border-radius:7px;overflow:hidden;margin:.3rem 0}
.bar span{position:absolute;left:0;top:0;bottom:0;background:#1f6f43}
.bar .behind{background:#c0612b}
.bar i{position:absolute;top:-2px;bottom:-2px;width:2px;background:#1d2521}
.muted{color:#5f6b64}
.grid td.cell{text-align:center;font-variant-numeric:tabular-nums}
.cell.full{background:#cfe8d8}.cell.part{background:#f6e7b4}.cell.none{background:#f3d0c4}
.pill{display:inline-block;padding:0 .45rem;border-radius:9px;background:#eef2ef;font-size:.85rem}
.qr-sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:8mm}
.qr{text-align:center;break-inside:avoid;border:1px dashed #b9c2bc;padding:4mm}
.qr img{width:45mm;height:45mm}
.chart svg{max-width:100%;height:auto}
.spark{display:block;margin-top:.5rem;max-width:100%;height:auto}
.spark rect{fill:#1f6f43}.spark rect.gap{fill:#c9d1cc}
.small{font-size:.8rem}
form.inline{display:inline-flex;gap:.3rem;margin:0}
table.indicators input[type=checkbox]{width:1.2rem;height:1.2rem}
.figure strong{font-size:1.15rem}
@media print{.top,.filters,.no-print{display:none}body{background:#fff}main{max-width:none;padding:0}}
@media (max-width:600px){main{padding:.6rem}.who{margin-left:0}}
`;
