import { html, type Html } from "./console.html.js";

/**
 * A 12-week trend as a tiny bar chart in SVG: one bar per week, a week nobody reported is a gap
 * (not a zero bar), the scale from zero to the highest week. The title of each bar holds its
 * figure, for a hover or a screen reader.
 */
export function sparkline(values: ReadonlyArray<string | null>, titles: readonly string[], caption: string): Html {
  const width = 240;
  const height = 40;
  const numbers = values.map((v) => (v === null ? null : Number(v)));
  const max = Math.max(0, ...numbers.map((n) => n ?? 0));
  const slot = width / Math.max(1, values.length);
  const bars = numbers.map((n, i) => {
    if (n === null) return html`<rect x="${(i * slot + slot * 0.15).toFixed(1)}" y="${height - 1}" width="${(slot * 0.7).toFixed(1)}" height="1" class="gap"><title>${titles[i] ?? ""}</title></rect>`;
    const h = max === 0 ? 1 : Math.max(1, (n / max) * (height - 2));
    return html`<rect x="${(i * slot + slot * 0.15).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}"><title>${titles[i] ?? ""}</title></rect>`;
  });
  return html`<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${caption}">${bars}</svg>`;
}
