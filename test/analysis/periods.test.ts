/**
 * The periods the pane compares (src/analysis/periods.ts).
 */
import { describe, expect, it } from "vitest";
import { logoRetention, quickRatio } from "../../src/core";
import { type RevenueModel, type SourceCells, analyseRevenue, availablePeriodChoices, detectLayout, mappingFromLayout, monthlyEquivalent, prepareRevenue, resolvePeriodChoice } from "../../src/analysis";

/** A column as Excel passes a range of it: [[a], [b], …]. */
const column = (...values: unknown[]) => values.map((value) => [value]);

// Six customers over four months (columns C–F), a plan in B. Worked by hand below.
const GRID: unknown[][] = [
  ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"],
  ["Acme", "SMB", 100, 100, 120, 120],
  ["Beta", "Ent", 200, 200, 150, 150],
  ["Cyan", "SMB", 50, 50, 50, 0],
  ["Delta", "Ent", 0, 0, 0, 80],
  ["Echo", "SMB", 30, "", "", 40],
  ["Fox", "Ent", 300, 300, 300, 330],
];

function source(
  cells: unknown[][],
  sheetName = "MRR data",
  rowIndex = 0,
  columnIndex = 0
): SourceCells {
  return { cells, sheetName, rowIndex, columnIndex };
}

function prepared(cells: unknown[][] = GRID): RevenueModel {
  const guess = detectLayout(cells);
  const mapping = mappingFromLayout(guess);
  if (mapping === null || mapping.kind === "survey")
    throw new Error(`no revenue layout: ${guess.kind}`);
  const model = prepareRevenue(source(cells), mapping);
  if (!model.ok) throw new Error(`not prepared: ${model.problem.key}`);
  return model.value;
}

function valueOf(figure: { value: number } | { error: string }): number {
  if (!("value" in figure)) throw new Error(`an error figure: ${figure.error}`);
  return figure.value;
}

function kpis(analysis: ReturnType<typeof analyseRevenue>): Record<string, number> {
  return Object.fromEntries(analysis.kpis.map((kpi) => [kpi.id, valueOf(kpi.figure)]));
}

describe("period choices", () => {
  it.each([
    ["month", 13, ["lastPeriod", "lastQuarter", "trailingYear", "between"]],
    ["month", 4, ["lastPeriod", "lastQuarter", "between"]],
    ["month", 2, ["lastPeriod", "between"]],
    ["quarter", 5, ["lastPeriod", "trailingYear", "between"]],
    ["year", 3, ["lastPeriod", "between"]],
  ] as const)("%s × %d offers %j", (unit, count, expected) => {
    expect(availablePeriodChoices(unit, count)).toEqual(expected);
  });

  it.each([
    [{ kind: "lastPeriod" }, "month", 13, { start: 11, end: 12 }],
    [{ kind: "lastQuarter" }, "month", 13, { start: 9, end: 12 }],
    // Trailing twelve months is annual NRR point to point: 12 months before the last vs the last.
    [{ kind: "trailingYear" }, "month", 13, { start: 0, end: 12 }],
    [{ kind: "trailingYear" }, "quarter", 5, { start: 0, end: 4 }],
    [{ kind: "trailingYear" }, "month", 12, null],
    [{ kind: "between", start: 3, end: 1 }, "month", 13, null],
    [{ kind: "between", start: 1, end: 3 }, "month", 13, { start: 1, end: 3 }],
  ] as const)("%j over %s × %d → %j", (choice, unit, count, expected) => {
    expect(resolvePeriodChoice(choice, unit, count)).toEqual(expected);
  });

  it("last quarter over the grid: Jan → Apr, no history before January", () => {
    const analysis = analyseRevenue(prepared(), { start: 0, end: 3 });
    expect(analysis.months).toBe(3);
    expect(analysis.usesHistory).toBe(false);
    expect(kpis(analysis)["nrr"]).toBeCloseTo(640 / 680, 12);
    expect(kpis(analysis)["grr"]).toBeCloseTo(580 / 680, 12);
    expect(kpis(analysis)["logoRetention"]).toBeCloseTo(4 / 5, 12);
    // Echo (30 → 40) is an expansion over the quarter; Delta new: (80 + 60) / (50 + 50).
    expect(kpis(analysis)["quickRatio"]).toBeCloseTo(1.4, 12);
  });

  it("a multi-month figure is read against a monthly benchmark as its monthly equivalent", () => {
    expect(monthlyEquivalent(1 - Math.pow(0.98, 12), 12)).toBeCloseTo(0.02, 12);
    expect(monthlyEquivalent(0.03, 1)).toBe(0.03);
  });
});

