/**
 * Rates over starting revenue, the quick ratio, and NRR and GRR from aggregated parts (src/core/retention.ts).
 */
import { describe, expect, it } from "vitest";
import {
  contractionRate,
  expansionRate,
  grrFromParts,
  netMrrChurnRate,
  netRevenueRetention,
  nrrFromParts,
  quickRatio,
  readRetentionParts,
  readRevenueInput,
  revenueTotals,
} from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("rates over starting revenue", () => {
  it("start MRR 1,000 and 100 of upsell and cross-sell → expansion rate 10% (seed)", () => {
    const t = totals(col(400, 600), col(450, 650));
    expect(expansionRate(t)).toBeCloseTo(0.1, 12);
    expect(contractionRate(t)).toBe(0);
  });

  it("contraction rate counts downgrades, not churn", () => {
    const t = totals(col(200, 300, 500), col(150, 0, 500)); // 50 contraction, 300 churn of 1,000
    expect(contractionRate(t)).toBeCloseTo(0.05, 12);
  });

  it("net MRR churn = (churn + contraction − expansion) / start, negative with net expansion", () => {
    const t = totals(col(500, 300, 200), col(600, 280, 0)); // churn 200, contraction 20, expansion 100
    expect(netMrrChurnRate(t)).toBeCloseTo((200 + 20 - 100) / 1000, 12);
    const growing = totals(col(500, 500), col(700, 450)); // expansion 200, contraction 50
    expect(netMrrChurnRate(growing)).toBeCloseTo(-0.15, 12);
    expect(netMrrChurnRate(growing)).toBeCloseTo(1 - netRevenueRetention(growing), 12);
  });
});

describe("quick ratio", () => {
  it("(new 300 + expansion 100) / (contraction 50 + churn 150) = 2", () => {
    const t = totals(col(0, 400, 200, 150, 500), col(300, 500, 150, 0, 500));
    expect(quickRatio(t)).toBeCloseTo(2, 12);
  });

  it("reactivation counts as a gain like new revenue", () => {
    const t = totals(col(0, 100), col(80, 60), col(50, 100));
    expect(quickRatio(t)).toBeCloseTo(80 / 40, 12);
  });

  it("no losses at all is #DIV/0!, never a made-up large number", () => {
    expect(errorOf(() => quickRatio(totals(col(100, 0), col(120, 30)))).kind).toBe("div0");
  });
});

describe("NRR.PARTS and GRR.PARTS", () => {
  it("start 100M, expansion 20M, contraction 5M, churn 5M → NRR 110%, GRR 90% (seed)", () => {
    expect(nrrFromParts(readRetentionParts(100e6, 20e6, 5e6, 5e6))).toBeCloseTo(1.1, 12);
    expect(grrFromParts(readRetentionParts(100e6, 0, 5e6, 5e6))).toBeCloseTo(0.9, 12);
  });

  it("losses given as negative numbers are subtracted all the same", () => {
    expect(nrrFromParts(readRetentionParts(100e6, 20e6, -5e6, -5e6))).toBeCloseTo(1.1, 12);
    expect(grrFromParts(readRetentionParts(100e6, 0, -5e6, 5e6))).toBeCloseTo(0.9, 12);
  });

  it("start 0 is #DIV/0!; losses above start, negative start or expansion are #VALUE!", () => {
    expect(errorOf(() => nrrFromParts(readRetentionParts(0, 0, 0, 0))).kind).toBe("div0");
    expect(errorOf(() => readRetentionParts(100, 0, 60, 50))).toMatchObject({
      code: "parts.lossesExceedStart",
      params: { contraction: 60, churn: 50, start: 100 },
    });
    expect(described(errorOf(() => readRetentionParts(-1, 0, 0, 0)))).toEqual({
      kind: "value",
      code: "number.atLeast",
      at: "start",
    });
    expect(described(errorOf(() => readRetentionParts(100, -5, 0, 0)))).toEqual({
      kind: "value",
      code: "number.atLeast",
      at: "expansion",
    });
  });
});
