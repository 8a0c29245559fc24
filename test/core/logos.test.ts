/**
 * Customer (logo) retention, churn and expanders (src/core/logos.ts).
 */
import { describe, expect, it } from "vitest";
import {
  expanderRate,
  logoChurnRate,
  logoRetention,
  readRevenueInput,
  revenueTotals,
} from "../../src/core";
import { errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("logos", () => {
  it("100 customers at the start, 10 of them lost → logo retention 90% (seed); new ones change nothing", () => {
    const start = col(...repeat(100, 100), 0, 0);
    const end = col(...repeat(100, 90), ...repeat(0, 10), 500, 500);
    const t = totals(start, end);
    expect(logoRetention(t)).toBeCloseTo(0.9, 12);
    expect(logoChurnRate(t)).toBeCloseTo(0.1, 12);
  });

  it("2 of 30 customers left → logo churn 6.7% while MRR churn is 25% (seed)", () => {
    const rest = repeat(6000 / 28, 28);
    const t = totals(col(1500, 500, ...rest), col(0, 0, ...rest));
    expect(logoChurnRate(t)).toBeCloseTo(2 / 30, 12);
  });

  it("expander rate: 6 of 40 starting customers grew", () => {
    const t = totals(
      col(...repeat(100, 40), 0),
      col(...repeat(120, 6), ...repeat(100, 30), ...repeat(50, 4), 900)
    );
    expect(expanderRate(t)).toBeCloseTo(6 / 40, 12);
  });

  it("no starting customer is #DIV/0!", () => {
    expect(errorOf(() => logoRetention(totals(col(0), col(10)))).kind).toBe("div0");
  });
});
