// Telegram's message formatting, rendered safely: the page never assigns HTML. Telegram HTML
// (parse_mode HTML) is tokenised here and rebuilt with createElement/text nodes; only the tags
// Telegram knows become elements, links only with http(s)/tg addresses.

const TAGS = {
  b: "strong", strong: "strong", i: "em", em: "em", u: "u", ins: "u", s: "s", strike: "s", del: "s",
  code: "code", pre: "pre", a: "a", blockquote: "blockquote", "tg-spoiler": "span", span: "span",
};

function decodeEntities(text) {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

export function safeHref(href) {
  try {
    const url = new URL(href, location.href);
    return ["http:", "https:", "tg:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function makeLink(href, onLink) {
  const a = document.createElement("a");
  const safe = safeHref(href);
  if (safe) {
    a.href = safe;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    onLink?.(a, safe);
  }
  return a;
}

/** Appends text with its URLs made into links. */
function appendLinkified(parent, text, onLink) {
  const re = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    const a = makeLink(m[0], onLink);
    a.textContent = m[0];
    parent.append(a);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

/** Telegram HTML → DOM nodes inside `into`. Unknown tags are dropped (their text is kept). */
export function renderTelegramHtml(into, html, onLink) {
  const stack = [{ name: "", el: into }];
  const re = /<(\/?)([a-zA-Z][\w-]*)((?:\s[^<>]*)?)>/g;
  let last = 0;
  const top = () => stack[stack.length - 1];
  const text = (s) => {
    if (!s) return;
    const current = top();
    if (current.name === "a") current.el.append(decodeEntities(s));
    else appendLinkified(current.el, decodeEntities(s), onLink);
  };
  for (const m of html.matchAll(re)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, rawName, attrs = ""] = m;
    const name = rawName.toLowerCase();
    if (!TAGS[name]) continue;
    if (closing) {
      const at = stack.findLastIndex((s) => s.name === name);
      if (at > 0) stack.length = at;
      continue;
    }
    let el;
    if (name === "a") {
      const href = /href\s*=\s*"([^"]*)"|href\s*=\s*'([^']*)'/i.exec(attrs);
      el = makeLink(decodeEntities(href?.[1] ?? href?.[2] ?? ""), onLink);
    } else {
      el = document.createElement(TAGS[name]);
      if (name === "tg-spoiler" || (name === "span" && /class\s*=\s*["']tg-spoiler["']/i.test(attrs))) el.className = "spoiler";
    }
    top().el.append(el);
    stack.push({ name, el });
  }
  text(html.slice(last));
}

const ENTITY_TAGS = { bold: "strong", italic: "em", underline: "u", strikethrough: "s", code: "code", pre: "pre", spoiler: "span", blockquote: "blockquote" };

/** Plain text with Telegram message entities (non-overlapping ones; nested ones are shown plain). */
export function renderEntities(into, text, entities = [], onLink) {
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.offset - b.offset)) {
    if (e.offset < at) continue;
    if (e.offset > at) appendLinkified(into, text.slice(at, e.offset), onLink);
    const part = text.slice(e.offset, e.offset + e.length);
    let el;
    if (e.type === "text_link") el = makeLink(e.url, onLink);
    else if (e.type === "url") el = makeLink(part, onLink);
    else if (ENTITY_TAGS[e.type]) el = document.createElement(ENTITY_TAGS[e.type]);
    if (el) {
      if (e.type === "spoiler") el.className = "spoiler";
      el.textContent = part;
      into.append(el);
    } else {
      into.append(part);
    }
    at = e.offset + e.length;
  }
  if (at < text.length) appendLinkified(into, text.slice(at), onLink);
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
