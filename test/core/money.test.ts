/**
 * Sums as money (docs/functions.md, Conventions, "Money"), cell by cell: the accumulator behind
 * SAAS.MRRMATRIX with and without covers.
 */
import { describe, expect, it } from "vitest";
import { MoneyCells, moneySum } from "../../src/core/money";

describe("MoneyCells", () => {
  it("a charge and the credits that cancel it are exactly 0, for either sign", () => {
    const cells = new MoneyCells(2);
    for (const amount of [99.9, -33.3, -66.6]) cells.add(0, amount);
    for (const amount of [-99.9, 33.3, 66.6]) cells.add(1, amount);
    expect(99.9 - 33.3 - 66.6).not.toBe(0);
    expect(cells.total(0)).toBe(0);
    expect(cells.total(1)).toBe(0);
  });

  it("each cell's residue is measured against its own terms, not another cell's", () => {
    const cells = new MoneyCells(2);
    cells.add(0, 1e12);
    cells.add(1, 0.01);
    cells.add(1, 0.02);
    expect(cells.total(0)).toBe(1e12);
    expect(cells.total(1)).toBeCloseTo(0.03, 15);
    // 1e-12 left of terms of 0.01 is far below a billionth of them: a residue, so 0.
    cells.add(1, -0.03 + 1e-12);
    expect(cells.total(1)).toBe(0);
  });

  it("is moneySum of exactly the terms added, a negative total included", () => {
    const terms = [120, -40.5, 3.25, -200];
    const cells = new MoneyCells(1);
    terms.forEach((term) => cells.add(0, term));
    const sum = terms.reduce((a, b) => a + b, 0);
    expect(cells.total(0)).toBe(moneySum(sum, 200));
    expect(cells.total(0)).toBeCloseTo(-117.25, 12);
  });

  it("an untouched cell is 0", () => {
    expect(new MoneyCells(3).total(2)).toBe(0);
  });
});
