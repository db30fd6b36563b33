import { yearFigures as figuresOfYear, type Db, type FigureKey, type Rule } from "../figures/figures.service.js";

export { figureKey, type FigureKey } from "../figures/figures.service.js";

/**
 * A year's figure per group × indicator, for the columns beside the target in the template:
 * the figures module's year (its adding-up rules, the year of a week's Thursday, the baseline
 * where a group has no report that year); not reported stays out of the map.
 */
export async function yearFigures(db: Db, groupIds: number[], indicators: readonly Rule[], year: number): Promise<Map<FigureKey, string>> {
  if (groupIds.length === 0) return new Map();
  const figures = await figuresOfYear(db, { groupIds }, indicators, year);
  return new Map([...figures].flatMap(([key, f]) => (f.value === null ? [] : [[key, f.value] as const])));
}
