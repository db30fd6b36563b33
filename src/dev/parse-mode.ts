/**
 * Just enough of Telegram's parse modes for a test server: reject what Telegram rejects
 * most often (unknown or unbalanced HTML tags, unescaped MarkdownV2 characters) and give the
 * text the user actually reads.
 */

const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
  "tg-emoji", "code", "pre", "blockquote", "tg-time",
]);

/** The error description Telegram would give, or undefined when the text parses. */
export function parseModeError(text: string, parseMode: string | undefined): string | undefined {
  const mode = parseMode?.toLowerCase();
  const problem = mode === "html" ? htmlProblem(text) : mode === "markdownv2" ? markdownV2Problem(text) : undefined;
  return problem === undefined ? undefined : `Bad Request: can't parse entities: ${problem}`;
}

/** The text without markup, as the user sees it. */
export function plainText(text: string, parseMode: string | undefined): string {
  const mode = parseMode?.toLowerCase();
  if (mode === "html") {
    return text
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&amp;/g, "&");
  }
  if (mode === "markdownv2" || mode === "markdown") {
    return text
      .replace(/\[((?:[^\]\\]|\\.)*)\]\((?:[^)\\]|\\.)*\)/g, "$1")
      .replace(/```[a-z]*\n?/g, "")
      .replace(/(?<!\\)(\|\||__|[*_~`])/g, "")
      .replace(/\\(.)/g, "$1");
  }
  return text;
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index));
}

function htmlProblem(text: string): string | undefined {
  const stack: string[] = [];
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i + 1)) {
    const tag = /^<(\/?)([a-zA-Z][\w-]*)(\s[^<>]*)?>/.exec(text.slice(i));
    if (!tag) return `Unsupported start tag "${text.slice(i + 1, i + 8).split(/[\s>]/)[0]}" at byte offset ${byteOffset(text, i)}`;
    const [, closing, rawName] = tag;
    const name = (rawName ?? "").toLowerCase();
    if (!HTML_TAGS.has(name)) return `Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`;
    if (closing) {
      const open = stack.pop();
      if (open !== name) {
        return open === undefined
          ? `Unexpected end tag at byte offset ${byteOffset(text, i)}`
          : `Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${open}>", found "</${name}>"`;
      }
    } else {
      stack.push(name);
    }
  }
  const open = stack.pop();
  return open === undefined ? undefined : `Can't find end tag corresponding to start tag "${open}"`;
}

function markdownV2Problem(text: string): string | undefined {
  // Take out what may legitimately contain reserved characters, then look at the rest.
  const rest = text
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`(?:[^`\\]|\\.)*`/g, "")
    .replace(/\\./g, "")
    .replace(/\[((?:[^\]\\]|\\.)*)\]\((?:[^)\\]|\\.)*\)/g, "$1")
    .replace(/^>/gm, "");
  const reserved = /[_*[\]()~`>#+\-=|{}.!]/;
  const unclosed = (marker: string) => `Can't find end of the entity starting at byte offset ${byteOffset(text, text.indexOf(marker))}`;
  for (const marker of ["||", "__"]) {
    if (rest.split(marker).length % 2 === 0) return unclosed(marker);
  }
  const single = rest.replace(/\|\||__/g, "");
  for (const marker of ["*", "_", "~"]) {
    if (single.split(marker).length % 2 === 0) return unclosed(marker);
  }
  const bad = reserved.exec(single.replace(/[*_~]/g, ""));
  return bad ? `Character '${bad[0]}' is reserved and must be escaped with the preceding '\\'` : undefined;
}
