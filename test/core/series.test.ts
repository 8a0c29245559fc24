/**
 * Rates over time and the projection: ANNUALIZE, COMPOUND, PROJECT (src/core/series.ts, projection.ts).
 */
import { describe, expect, it } from "vitest";
import {
  annualizeMonthlyRate,
  compoundRates,
  projectMrr,
  readAnnualizeInput,
  readProjectionInput,
  readRates,
  readRevenueInput,
  revenueTotals,
} from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("ANNUALIZE, COMPOUND, PROJECT", () => {
  it("2% monthly churn is 1 − 0.98^12 ≈ 21.53% a year", () => {
    // 0.98² = 0.9604; ^4 = 0.92236816; ^8 = 0.8507630225; ^12 = ^8 · ^4 = 0.7847167237
    expect(annualizeMonthlyRate(0.02, "churn")).toBeCloseTo(1 - 0.7847167237, 9);
  });

  it("101% monthly NRR is 1.01^12 ≈ 112.68% a year", () => {
    expect(annualizeMonthlyRate(1.01, "retention")).toBeCloseTo(1.126825, 7);
  });

  it("option words match without regard to case; a churn rate above 1 is #VALUE!", () => {
    expect(readAnnualizeInput(0.5, "Retention").kind).toBe("retention");
    expect(errorOf(() => readAnnualizeInput(1.5, null))).toMatchObject({
      code: "number.atMost",
      params: { where: { argument: "monthly_rate" }, max: 1 },
    });
    expect(errorOf(() => readAnnualizeInput(0.5, "yearly"))).toMatchObject({
      code: "option.notChoice",
      params: { where: { argument: "kind" }, choices: { choices: ["churn", "retention"] } },
    });
  });

  it("compound: 1.01 × 1.02 × 0.99", () => {
    expect(compoundRates(readRates(col(1.01, 1.02, 0.99), "rates").values)).toBeCloseTo(
      1.01 * 1.02 * 0.99,
      14
    );
  });

  it("compound: a blank period is an error, not a silent skip", () => {
    expect(described(errorOf(() => readRates(col(1.01, null, 0.99), "rates")))).toEqual({
      kind: "value",
      code: "cell.blankNeeded",
      at: "rates row 2",
    });
  });

  it("project: MRR(t) = MRR(t−1) · nrr + new", () => {
    // 1000·0.99 + 50 = 1040; 1040·0.99 + 50 = 1079.6; 1079.6·0.99 + 50 = 1118.804
    const projected = projectMrr(1000, 0.99, 50, 3);
    expect(projected).toHaveLength(3);
    [1040, 1079.6, 1118.804].forEach((mrr, t) => expect(projected[t]).toBeCloseTo(mrr, 9));
  });

  it.each([
    [0, "whole.between"],
    [601, "whole.between"],
    [2.5, "whole.between"],
    ["12", "cell.textOption"],
  ])("project: months %j is #VALUE!", (months, code) => {
    expect(described(errorOf(() => readProjectionInput(1000, 1, 0, months)))).toEqual({
      kind: "value",
      code,
      at: "months",
    });
  });
});
