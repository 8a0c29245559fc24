/**
 * The first bad cell named on the sheet, as the user sees it (src/analysis/checks.ts).
 */
import { describe, expect, it } from "vitest";

import {
  type GridMapping,
  detectLayout,
  mappingFromLayout,
  mappingProblems,
  prepareRevenue,
} from "../../src/analysis";

import { GRID, source } from "./support";

describe("plain-language problems", () => {
  it("Row 418 of column C holds text 'n/a': named as the user sees it", () => {
    const cells: unknown[][] = [["Customer", "Jan 2024", "Feb 2024"]];
    for (let i = 0; i < 420; i++) cells.push([`C${i}`, 10, 12]);
    // The selection starts at B1: its column 1 is sheet column C, its row 417 is sheet row 418.
    (cells[417] as unknown[])[1] = "n/a";
    const mapping = mappingFromLayout(detectLayout(cells)) as GridMapping;
    const result = prepareRevenue(source(cells, "MRR", 0, 1), mapping);
    expect(result).toEqual({
      ok: false,
      problem: {
        key: "problem.revenueText",
        params: { row: 418, column: "C", value: { cell: { kind: "text", text: "n/a" } } },
      },
    });
  });

  it.each([
    [-5, "problem.revenueNegative"],
    [true, "problem.revenueLogical"],
    ["#N/A", "problem.errorValue"],
  ])("%j in a revenue cell → %s", (cell, key) => {
    const cells = GRID.map((row, r) => (r === 3 ? [...row.slice(0, 4), cell, row[5]] : row));
    const mapping = mappingFromLayout(detectLayout(GRID)) as GridMapping;
    const result = prepareRevenue(source(cells), mapping);
    expect(result.ok ? null : result.problem.key).toBe(key);
    expect(result.ok ? null : result.problem.params).toMatchObject({ row: 4, column: "E" });
  });

  it("a text cell in the first data row is a problem, never taken for a header", () => {
    const cells = GRID.map((row, r) =>
      r === 1 ? [...row.slice(0, 2), "tbc", ...row.slice(3)] : row
    );
    const mapping = mappingFromLayout(detectLayout(GRID)) as GridMapping;
    const result = prepareRevenue(source(cells), mapping);
    expect(result.ok ? null : result.problem).toEqual({
      key: "problem.revenueText",
      params: { row: 2, column: "C", value: { cell: { kind: "text", text: "tbc" } } },
    });
  });

  it("a subtotal between data rows stops the analysis; one below the data does not", () => {
    const cells = [
      ...GRID.slice(0, 3),
      ["Subtotal", "", 300, 300, 270, 270],
      ...GRID.slice(3),
      ["Total", "", 680, 650, 620, 720],
    ];
    const guess = detectLayout(cells);
    if (guess.kind !== "grid") throw new Error(guess.kind);
    const mapping = mappingFromLayout(guess) as GridMapping;
    expect(mapping.lastRow).toBe(7); // the Total row (8) stays out
    expect(mappingProblems(source(cells), mapping, guess.excludedRows)).toEqual([
      { key: "problem.totalsRowInsideData", params: { row: 4 } },
    ]);
  });

  it("one column in two roles", () => {
    const mapping = {
      ...(mappingFromLayout(detectLayout(GRID)) as GridMapping),
      customerColumn: 2,
    };
    expect(mappingProblems(source(GRID), mapping).map((problem) => problem.key)).toEqual([
      "problem.columnUsedTwice",
    ]);
  });
});
