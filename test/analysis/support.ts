/**
 * What the analysis tests share: a small grid worked by hand, and shortcuts from cells to a
 * prepared model and from figures to numbers.
 */
import {
  type RevenueModel,
  type SourceCells,
  type analyseRevenue,
  detectLayout,
  mappingFromLayout,
  prepareRevenue,
} from "../../src/analysis";

/** A column as Excel passes a range of it: [[a], [b], …]. */
export const column = (...values: unknown[]) => values.map((value) => [value]);

// Six customers over four months (columns C–F), a plan in B. Worked by hand in the tests.
export const GRID: unknown[][] = [
  ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"],
  ["Acme", "SMB", 100, 100, 120, 120],
  ["Beta", "Ent", 200, 200, 150, 150],
  ["Cyan", "SMB", 50, 50, 50, 0],
  ["Delta", "Ent", 0, 0, 0, 80],
  ["Echo", "SMB", 30, "", "", 40],
  ["Fox", "Ent", 300, 300, 300, 330],
];

export function source(
  cells: unknown[][],
  sheetName = "MRR data",
  rowIndex = 0,
  columnIndex = 0
): SourceCells {
  return { cells, sheetName, rowIndex, columnIndex };
}

export function prepared(cells: unknown[][] = GRID): RevenueModel {
  const guess = detectLayout(cells);
  const mapping = mappingFromLayout(guess);
  if (mapping === null || mapping.kind === "survey")
    throw new Error(`no revenue layout: ${guess.kind}`);
  const model = prepareRevenue(source(cells), mapping);
  if (!model.ok) throw new Error(`not prepared: ${model.problem.key}`);
  return model.value;
}

export function valueOf(figure: { value: number } | { error: string }): number {
  if (!("value" in figure)) throw new Error(`an error figure: ${figure.error}`);
  return figure.value;
}

export function kpis(analysis: ReturnType<typeof analyseRevenue>): Record<string, number> {
  return Object.fromEntries(analysis.kpis.map((kpi) => [kpi.id, valueOf(kpi.figure)]));
}
