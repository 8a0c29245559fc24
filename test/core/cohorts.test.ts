/**
 * Cohort tables, from a block of amounts or the MRRMATRIX spill (src/core/cohorts.ts).
 */
import { describe, expect, it } from "vitest";
import { cohortTable, readCohortInput, readRevenueInput, revenueTotals } from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("cohorts", () => {
  // Customer A starts in period 1, B in period 2, C in period 1, D never pays.
  const block = [
    [100, 100, 0, 0],
    [0, 50, 100, 100],
    [200, 100, 300, 150],
    [0, 0, 0, 0],
  ];

  it("revenue mode: Σ revenue at age k over Σ revenue at age 0, empty beyond the data", () => {
    const { amounts, periodLabels } = readCohortInput(block);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2, 3],
      [1, 1, 200 / 300, 1, 0.5],
      [2, 1, 2, 2, ""],
    ]);
  });

  it("logo mode: share of the cohort's customers still paying", () => {
    const { amounts, periodLabels } = readCohortInput(block);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "logo", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2, 3],
      [1, 1, 1, 0.5, 0.5],
      [2, 1, 1, 1, ""],
    ]);
  });

  it("the whole MRRMATRIX spill: period dates from the first row, ids ignored", () => {
    const spill = [
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01"],
      ["A", 100, 100, 0],
      ["B", 0, 50, 100],
    ];
    const { amounts, periodLabels } = readCohortInput(spill);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2],
      ["2024-01-01", 1, 1, 0],
      ["2024-02-01", 1, 2, ""],
    ]);
  });

  it("a bad amount in the spill is named at its place in the whole range", () => {
    const spill = [
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 100, "x"],
    ];
    expect(described(errorOf(() => readCohortInput(spill)))).toEqual({
      kind: "value",
      code: "cell.text",
      at: "mrr_matrix row 2, column 3",
    });
  });

  it("a bare block with a text header names the cohorts by it", () => {
    const { periodLabels } = readCohortInput([
      ["Jan 2024", "Feb 2024"],
      [1, 2],
    ]);
    expect(periodLabels).toEqual(["Jan 2024", "Feb 2024"]);
  });
});
