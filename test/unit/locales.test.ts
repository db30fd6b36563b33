import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every text a user sees is in locales/id.ftl and locales/en.ftl. These tests read the files
 * and the source as text: both languages define the same keys, none twice, and every key the
 * code names literally (ctx.t("…"), t("…"), i18n.t(lang, "…"), { key: "…" } hints) exists.
 * Keys built at run time (`summary-scope-${kind}`) cannot be checked here.
 */

const root = join(import.meta.dirname, "../..");

function keysOf(file: string): string[] {
  const text = readFileSync(join(root, "locales", file), "utf8");
  return [...text.matchAll(/^([a-z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** The source without its comments (a doc example is not a use). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

// A key has its feature's prefix: at least one hyphen.
const KEY = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)+`;
const USES = [
  new RegExp(String.raw`(?<![\w.])(?:ctx\.|this\.|io\.ctx\.)?(?:t|tr)\(\s*"(${KEY})"`, "g"),
  new RegExp(String.raw`\.t\(\s*[^,()"]+,\s*"(${KEY})"`, "g"),
  new RegExp(String.raw`\bkey:\s*"(${KEY})"`, "g"),
];

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(join(root, "src"))) {
    const text = withoutComments(readFileSync(file, "utf8"));
    for (const pattern of USES) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1]!;
        used.set(key, [...(used.get(key) ?? []), file.slice(root.length + 1)]);
      }
    }
  }
  return used;
}

describe("locales", () => {
  const id = keysOf("id.ftl");
  const en = keysOf("en.ftl");

  it("Indonesian and English define the same keys", () => {
    expect(id.length).toBeGreaterThan(100);
    expect([...new Set(id)].filter((k) => !en.includes(k))).toEqual([]);
    expect([...new Set(en)].filter((k) => !id.includes(k))).toEqual([]);
  });

  it("define no key twice (Fluent would keep only one)", () => {
    const twice = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice(id)).toEqual([]);
    expect(twice(en)).toEqual([]);
  });

  it("have every key the code names", () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(300);
    const missing = [...used].filter(([key]) => !id.includes(key)).map(([key, files]) => `${key} (${[...new Set(files)].join(", ")})`);
    expect(missing).toEqual([]);
  });
});
