import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { renderChartPng, type ChartInput } from "../../src/features/summary/summary.chart.js";

const i18n = createI18n();

/** The PNG's pixels (RGBA), read back through resvg (an SVG holding just the image). */
function pixels(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const image = new Resvg(svg).render();
  return { width: image.width, height: image.height, rgba: Buffer.from(image.pixels) };
}

/** How many columns on the right hold nothing but white. */
function emptyColumnsOnTheRight({ width, height, rgba }: { width: number; height: number; rgba: Buffer }): number {
  for (let x = width - 1; x >= 0; x--) {
    for (let y = 0; y < height; y++) {
      const i = (y * width + x) * 4;
      if (rgba[i]! < 245 || rgba[i + 1]! < 245 || rgba[i + 2]! < 245) return width - 1 - x;
    }
  }
  return width;
}

function input(weeks: number, lang: "id" | "en", name: string): ChartInput {
  const weekStartDates = Array.from({ length: weeks }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10));
  const running = weekStartDates.map((_, i) => String(Math.round(16.5 * (i + 1) * 10) / 10));
  const indicator = (id: number, labelId: string, unit: string) => ({
    indicator: { indicatorId: id, programmeId: 1, code: `i${id}`, labelId, labelEn: labelId, unit, decimals: 1, aggregation: "sum" as const },
    running,
    target: "900",
  });
  const tr = (key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars);
  return {
    t: tr,
    lang,
    name,
    series: { weekStartDates, year: 2026, weeksInYear: 53, indicators: [indicator(1, "Jelantah terkumpul", "liter"), indicator(2, "Lilin terjual", "buah")] },
  } as ChartInput;
}

describe("the summary chart", () => {
  it.each([
    [8, "id", "Mariojela"],
    [48, "en", "Margasari Olah Jelantah (Mariojela) and every other group of the programme"],
    [48, "id", "Mariojela"],
    [8, "en", "Margasari Olah Jelantah (Mariojela) and every other group of the programme"],
  ] as const)("has no wide empty band on the right (%i weeks, %s)", async (weeks, lang, name) => {
    const image = pixels(await renderChartPng(input(weeks, lang, name)));
    // The padding and at most the last axis label's overhang: under 5 % of the width (it was about 20 %).
    expect(emptyColumnsOnTheRight(image) / image.width).toBeLessThan(0.05);
    expect(image.width).toBeGreaterThan(800); // two pixels per layout pixel: sharp on a phone
  });
});
