/**
 * ARPA, LTV and the trailing churn rate (shared/spec/metrics.md, "Average revenue and lifetime
 * value"), with ChartMogul's published examples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageRevenuePerAccount,
  lifetimeValue,
  readArpaInput,
  readLifetimeValueInput,
  readTrailingChurnInput,
  trailingChurnRate,
} from "../../src/core";
import { errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const arpa = (mrr: unknown, segments: unknown = null, segment: unknown = null) =>
  averageRevenuePerAccount(readArpaInput(mrr, segments, segment));
const trailing = (matrix: unknown, months: unknown = null, mode: unknown = null) => {
  const input = readTrailingChurnInput(matrix, months, mode);
  return trailingChurnRate(input.amounts, input.months, input.mode);
};

describe("ARPA", () => {
  it("ChartMogul's examples: $1, $1, $3, $5, $5 → $3; $100, $100, $300, $500, $500 → $300", () => {
    expect(arpa(col(1, 1, 3, 5, 5))).toBe(3);
    expect(arpa(col(100, 100, 300, 500, 500))).toBe(300);
  });

  it("a blank or 0 is not a paying customer; a header is skipped", () => {
    expect(arpa(col("MRR", 100, null, 0, 200))).toBe(150);
  });

  it("per segment, with a Total row; one segment", () => {
    expect(arpa(col(100, 300, 50, 0), col("SMB", "Ent", "smb", "Ent"))).toEqual([
      ["SMB", 75],
      ["Ent", 300],
      ["Total", 150],
    ]);
    expect(arpa(col(100, 300, 50), col("SMB", "Ent", "smb"), "ent")).toBe(300);
  });

  it("no paying customer is #DIV/0!; a negative or text MRR is #VALUE! naming the cell", () => {
    expect(errorOf(() => arpa(col(0, null))).kind).toBe("div0");
    expect(errorOf(() => arpa(col(100, -5)))).toMatchObject({ kind: "value", code: "cell.negative" });
    expect(errorOf(() => arpa(col(100, "x")))).toMatchObject({ kind: "value", code: "cell.text" });
  });

  it("equals the sum of the paying customers' MRR over their count", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }), (values) => {
        const paying = values.filter((v) => v > 0);
        if (paying.length === 0) return;
        expect(arpa(col(...values))).toBeCloseTo(paying.reduce((a, b) => a + b, 0) / paying.length, 9);
      })
    );
  });
});

describe("LTV", () => {
  it("ChartMogul's example: ARPA $100, churn 5% → $2,000; with an 80% gross margin, $1,600", () => {
    expect(lifetimeValue(100, 0.05)).toBeCloseTo(2000, 9);
    expect(lifetimeValue(100, 0.05, 0.8)).toBeCloseTo(1600, 9);
  });

  it("a churn of 0 is #DIV/0!, never an infinite value", () => {
    expect(errorOf(() => lifetimeValue(100, 0)).kind).toBe("div0");
  });

  it("churn and margin are fractions from 0 to 1: 5 (for 5%) or 80 (for 80%) are refused", () => {
    expect(errorOf(() => readLifetimeValueInput(100, 5, null))).toMatchObject({ code: "number.between" });
    expect(errorOf(() => readLifetimeValueInput(100, 0.05, 80))).toMatchObject({ code: "number.between" });
    expect(errorOf(() => readLifetimeValueInput(-1, 0.05, null))).toMatchObject({ code: "number.atLeast" });
    expect(readLifetimeValueInput(100, 0.05, null)).toEqual({ arpa: 100, monthlyChurn: 0.05, grossMargin: 1 });
  });

  it("an overflow is #NUM!", () => {
    expect(errorOf(() => lifetimeValue(1e308, 1e-10)).kind).toBe("num");
  });
});

describe("the trailing churn rate", () => {
  // 4 customers over 9 months; the latest (column 9) is left out.
  const matrix = [
    [100, 100, 100, 100, 100, 100, 100, 100, 0],
    [100, 100, 0, 0, 0, 0, 0, 0, 0],
    [0, 50, 50, 50, 50, 0, 0, 0, 0],
    [80, 80, 80, 60, 60, 60, 60, 0, 0],
  ];

  it("logo: the mean of each month's churned customers over the customers paying before it", () => {
    // Months 2..8 (six of them: 3..8), each from the month before:
    // 2→3: 1 of 4; 3→4: 0 of 3; 4→5: 0 of 3; 5→6: 1 of 3; 6→7: 0 of 2; 7→8: 1 of 2.
    const expected = (1 / 4 + 0 + 0 + 1 / 3 + 0 + 1 / 2) / 6;
    expect(trailing(matrix)).toBeCloseTo(expected, 15);
    // Column 9, where customer 1 left, is not read: changing it changes nothing.
    const latestChanged = matrix.map((row) => [...row.slice(0, 8), 999]);
    expect(trailing(latestChanged)).toBeCloseTo(expected, 15);
  });

  it("revenue: the mean of each month's churned and contracted MRR over MRR at its start", () => {
    // 2→3: 100 of 330; 3→4: 20 of 230; 4→5: 0 of 210; 5→6: 50 of 210; 6→7: 0 of 160; 7→8: 60 of 160.
    const expected = (100 / 330 + 20 / 230 + 0 + 50 / 210 + 0 + 60 / 160) / 6;
    expect(trailing(matrix, 6, "revenue")).toBeCloseTo(expected, 15);
  });

  it("months: the last 2 complete months are 6→7 and 7→8", () => {
    expect(trailing(matrix, 2)).toBeCloseTo((0 + 1 / 2) / 2, 15);
  });

  it("takes the whole spill of SAAS.MRRMATRIX (ids down, period dates across)", () => {
    const dates = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"];
    const spill = [
      ["customer", ...dates],
      ["Acme", 100, 100, 0, 0],
      ["Beta", 50, 50, 50, 50],
    ];
    expect(trailing(spill, 2)).toBeCloseTo((0 + 1 / 2) / 2, 15);
  });

  it("too few periods: #VALUE! saying how many are needed", () => {
    expect(errorOf(() => trailing(matrix.map((row) => row.slice(0, 7))))).toMatchObject({
      kind: "value",
      code: "trailing.tooFewPeriods",
      params: { periods: 7, months: 6, needed: 8 },
    });
  });

  it("a month with no paying customer at its start is #DIV/0!, not left out of the mean", () => {
    expect(errorOf(() => trailing([[0, 0, 100, 100]], 2)).kind).toBe("div0");
  });

  it("mode and months are checked", () => {
    expect(errorOf(() => trailing(matrix, 0))).toMatchObject({ code: "whole.between" });
    expect(errorOf(() => trailing(matrix, 2.5))).toMatchObject({ code: "whole.between" });
    expect(errorOf(() => trailing(matrix, 2, "mrr"))).toMatchObject({ code: "option.notChoice" });
  });
});
