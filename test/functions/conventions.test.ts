/**
 * The functions of "why doesn't this match ChartMogul?" through the built bundle as Excel calls
 * them: other tools' conventions, ARPA, LTV, the trailing churn rate, and intervals on small
 * samples; labels in the display language, data the same in every language.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, callInLanguage, column, loadBundle } from "../support/bundle";

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

describe("survey intervals and categories", () => {
  it("SAAS.NPS.CI: adjusted by default (76.9 ± 29.4 for 10 promoters of 10, clipped at 100); wald on request", () => {
    const adjusted = callAsExcel("NPS.CI", column(...repeat(10, 10))) as [string, number][];
    expect(adjusted.map((row) => row[0])).toEqual(["lower", "upper"]);
    expect(adjusted[0]?.[1]).toBeCloseTo(1000 / 13 - 29.4195, 3);
    expect(adjusted[1]?.[1]).toBe(100);
    expect(callAsExcel("NPS.CI", column(...repeat(10, 10)), null, "wald")).toEqual([
      ["lower", 100],
      ["upper", 100],
    ]);
    expect(callInLanguage("zh-CN", "NPS.CI", column(9, 0)) as unknown[][]).toEqual([
      ["下限", expect.any(Number)],
      ["上限", expect.any(Number)],
    ]);
  });

  it("SAAS.NPS.MOE and SAAS.NPS.TEST keep Wald by default: existing sheets compute the same", () => {
    const forty = column(...repeat(10, 100), ...repeat(8, 80), ...repeat(0, 20));
    expect(callAsExcel("NPS.MOE", forty)).toBeCloseTo(9.193, 3);
    expect(callAsExcel("NPS.MOE", forty, null, "adjusted")).toBeCloseTo(9.16, 2);
    const twenty = column(...repeat(9, 20), ...repeat(7, 20), ...repeat(3, 10));
    expect(callAsExcel("NPS.TEST", forty, twenty)).toBeCloseTo(0.084, 3);
  });

  it("SAAS.NPS.CATEGORY: the same data in every language; only the header is worded", () => {
    const scores = column("Score", 10, 8, 2, null);
    expect(callAsExcel("NPS.CATEGORY", scores)).toEqual(column("NPS category", "promoter", "passive", "detractor", ""));
    expect(callInLanguage("zh-CN", "NPS.CATEGORY", scores)).toEqual(
      column("NPS 类别", "promoter", "passive", "detractor", "")
    );
  });

  it("SAAS.RATE.CI: Wilson, labelled; SAAS.NPS.SAMPLESIZE: whole responses", () => {
    expect(callAsExcel("RATE.CI", 0, 10)).toEqual([
      ["lower", 0],
      ["upper", expect.closeTo(0.2775, 4)],
    ]);
    expect(callAsExcel("NPS.SAMPLESIZE", 5)).toBe(1534);
    expect((callInLanguage("zh-CN", "RATE.CI", 31, 30) as { message: string }).message).toBe(
      "成功数（31）大于 试验数（30）：比例不能超过 1"
    );
  });
});

describe("functions.json: the new functions as functions.md names them", () => {
  const { metadata } = loadBundle();
  it.each([
    ["NPS.MOE", ["scores", "confidence", "method"], 1],
    ["NPS.CI", ["scores", "confidence", "method"], 1],
    ["NPS.TEST", ["scores_a", "scores_b", "method"], 2],
    ["NPS.CATEGORY", ["scores"], 1],
    ["NPS.SAMPLESIZE", ["margin", "confidence", "expected_nps"], 1],
    ["CSAT", ["scores", "scale_max", "method", "segments", "segment"], 1],
    ["RATE.CI", ["successes", "trials", "confidence"], 2],
  ] as const)("%s(%s): the first %s required, the rest optional", (id, names, required) => {
    const fn = metadata.functions.find((f) => f.id === id);
    expect(fn?.parameters.map((p) => p.name)).toEqual(names);
    fn?.parameters.forEach((p, i) => expect(p.optional === true, `${id} ${p.name}`).toBe(i >= required));
    for (const p of fn?.parameters ?? []) expect(p.description.length, `${id} ${p.name}`).toBeGreaterThan(20);
  });
});
