import { describe, expect, it } from "vitest";
import { MetricError, NPS_SCALE, netPromoterScore, readSurveyInput, surveyMetric } from "../../src/core";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

function nps(scores: unknown[][], segments: unknown = null, segment: unknown = null) {
  return surveyMetric(readSurveyInput(scores, NPS_SCALE, segments, segment), netPromoterScore);
}

describe("NPS: worked examples of metrics.md", () => {
  it("200 responses: 100 promoters, 80 passives, 20 detractors → 40", () => {
    expect(nps(col(...repeat(10, 50), ...repeat(9, 50), ...repeat(8, 40), ...repeat(7, 40), ...repeat(0, 20)))).toBeCloseTo(40, 12);
  });

  it("50 responses: 20 promoters, 10 detractors → 20", () => {
    expect(nps(col(...repeat(9, 20), ...repeat(7, 20), ...repeat(6, 10)))).toBeCloseTo(20, 12);
  });

  it.each([
    ["all promoters", col(9, 10, 10), 100],
    ["all detractors", col(0, 6, 3), -100],
    ["all passives", col(7, 8), 0],
    ["boundaries: 6 is a detractor, 7 passive, 9 promoter", col(6, 7, 9), 0],
  ])("%s", (_why, scores, expected) => {
    expect(nps(scores)).toBeCloseTo(expected, 12);
  });

  it("blank cells are not responses", () => {
    expect(nps(col(10, null, "", undefined, 0))).toBeCloseTo(0, 12);
  });

  it("no responses at all is #DIV/0!", () => {
    try {
      nps(col(null, ""));
      throw new Error("expected #DIV/0!");
    } catch (error) {
      expect((error as MetricError).kind).toBe("div0");
    }
  });

  it("by segment, with a Total row", () => {
    expect(nps(col(10, 0, 9, 8), col("EU", "US", "eu", "US"))).toEqual([
      ["EU", 100],
      ["US", -50],
      ["Total", 25],
    ]);
    expect(nps(col(10, 0, 9, 8), col("EU", "US", "eu", "US"), "us")).toBeCloseTo(-50, 12);
  });
});
