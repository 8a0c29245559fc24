import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFIDENCE_LEVEL, CSAT_METHODS, type CsatMethod, MetricError, NPS_SCALE, SpillLabel, npsCategories, type NpsCounts, SCALE_MAX_LIMITS, countNps, customerEffortScore, customerSatisfaction, netPromoterScore, npsBreakdown, npsCounts, npsDifferencePValue, npsMarginOfError, npsVariance, readCsatMethod, readNumberArgument, readScores, readSurveyInput, satisfactionScale, scoreMetric, surveyMetric, tallyScores, zForConfidence } from "../../src/core";
import { described, errorOf } from "../support/errors";

const RUNS = { numRuns: 1000 };
const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

function nps(scores: unknown[][], segments: unknown = null, segment: unknown = null) {
  return surveyMetric(readSurveyInput(scores, NPS_SCALE, segments, segment), netPromoterScore);
}

/** NPS counts of a column of answers, read as the functions read them. */
const counts = (...scores: unknown[]) => countNps(readScores(col(...scores), "scores", NPS_SCALE));
/** promoters, passives, detractors → counts, for hand-built samples. */
const sample = (promoters: number, passives: number, detractors: number): NpsCounts => ({
  promoters,
  passives,
  detractors,
  responses: promoters + passives + detractors,
});

function csat(
  scores: unknown[][],
  scaleMax = 5,
  method: CsatMethod = "top2",
  segments: unknown = null,
  segment: unknown = null
) {
  const scale = satisfactionScale("CSAT", scaleMax);
  return scoreMetric(readSurveyInput(scores, scale, segments, segment), scale, (tally) =>
    customerSatisfaction(tally, method)
  );
}

function ces(scores: unknown[][], scaleMax = 7, segments: unknown = null, segment: unknown = null) {
  const scale = satisfactionScale("CES", scaleMax);
  return scoreMetric(readSurveyInput(scores, scale, segments, segment), scale, customerEffortScore);
}

// The two samples of metrics.md's worked examples.
const FORTY = sample(100, 80, 20); // 200 answers → NPS 40
const TWENTY = sample(20, 20, 10); // 50 answers → NPS 20

describe("NPS: worked examples of metrics.md", () => {
  it("200 responses: 100 promoters, 80 passives, 20 detractors → 40", () => {
    expect(
      nps(
        col(
          ...repeat(10, 50),
          ...repeat(9, 50),
          ...repeat(8, 40),
          ...repeat(7, 40),
          ...repeat(0, 20)
        )
      )
    ).toBeCloseTo(40, 12);
    expect(netPromoterScore(FORTY)).toBeCloseTo(40, 12);
  });

  it("50 responses: 20 promoters, 10 detractors → 20", () => {
    expect(nps(col(...repeat(9, 20), ...repeat(7, 20), ...repeat(6, 10)))).toBeCloseTo(20, 12);
    expect(netPromoterScore(TWENTY)).toBeCloseTo(20, 12);
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
    expect(errorOf(() => nps(col(null, ""))).kind).toBe("div0");
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

describe("counting: one pass gives every survey figure", () => {
  it("counts per score, responses and sum, blanks skipped", () => {
    const { overall } = tallyScores(Int16Array.of(5, 4, -1, 5), 5);
    expect([...overall.byScore]).toEqual([0, 0, 0, 0, 1, 2]);
    expect(overall.responses).toBe(3);
    expect(overall.sum).toBe(14);
  });

  it("per segment, and the overall counts are the segments' added up", () => {
    const { overall, groups } = tallyScores(
      Int16Array.of(1, 2, 2, -1, 3),
      3,
      Int32Array.of(0, 1, 0, 1, 1),
      2
    );
    expect(groups.map((g) => [...g.byScore])).toEqual([
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]);
    expect([...overall.byScore]).toEqual([0, 1, 2, 1]);
  });

  it("NPS classes from the counts: 0–6 detractors, 7–8 passives, 9–10 promoters", () => {
    expect(npsCounts(Int16Array.of(0, 6, 7, 8, 9, 10, -1)).overall).toEqual(sample(2, 2, 2));
  });
});

describe("NPS.BREAKDOWN", () => {
  it("worked example: 100 / 80 / 20 of 200 → shares 50% / 40% / 10%, NPS 40", () => {
    expect(npsBreakdown(FORTY)).toEqual([
      ["", "Count", "Share"],
      ["Promoters", 100, 0.5],
      ["Passives", 80, 0.4],
      ["Detractors", 20, 0.1],
      ["Responses", 200, 1],
      ["NPS", 40, ""],
    ]);
  });

  it("no responses is #DIV/0!, not a table of zeros", () => {
    expect(errorOf(() => npsBreakdown(counts(null, ""))).kind).toBe("div0");
  });
});

describe("NPS.MOE: margins of error worked by hand", () => {
  // Sample of 200 (NPS 40): p = 100/200 = 0.5, d = 20/200 = 0.1,
  // v = p + d − (p − d)² = 0.6 − 0.4² = 0.6 − 0.16 = 0.44, sqrt(v / n) = sqrt(0.0022) = 0.0469041575982343.
  // Sample of 50 (NPS 20): p = 0.4, d = 0.2, v = 0.6 − 0.2² = 0.56, sqrt(0.56 / 50) = sqrt(0.0112) = 0.10583005244258363.
  it.each([
    // 1.6448536269514729 · 100 · 0.0469041575982343 = 7.715047374455916
    ["NPS 40, 90%", FORTY, 0.9, 7.715047374455916],
    // 1.959963984540054 · 100 · 0.0469041575982343 = 9.193045961772993 (≈ 1.96 · 4.69)
    ["NPS 40, 95%", FORTY, 0.95, 9.193045961772993],
    // 2.5758293035489004 · 100 · 0.0469041575982343 = 12.081710359980772
    ["NPS 40, 99%", FORTY, 0.99, 12.081710359980772],
    // 1.6448536269514729 · 100 · 0.10583005244258363 = 17.407494560064823
    ["NPS 20, 90%", TWENTY, 0.9, 17.407494560064823],
    // 1.959963984540054 · 100 · 0.10583005244258363 = 20.742309126944907
    ["NPS 20, 95%", TWENTY, 0.95, 20.742309126944907],
    // 2.5758293035489004 · 100 · 0.10583005244258363 = 27.26001502777238
    ["NPS 20, 99%", TWENTY, 0.99, 27.26001502777238],
  ])("%s", (_why, sampleCounts, confidence, expected) => {
    expect(npsMarginOfError(sampleCounts, confidence)).toBeCloseTo(expected, 11);
  });

  it("the variance is exactly 0.44 and 0.56 for the worked examples", () => {
    expect(npsVariance(FORTY)).toBeCloseTo(0.44, 15);
    expect(npsVariance(TWENTY)).toBeCloseTo(0.56, 15);
  });

  it("z for the usual confidence levels: 1.645, 1.960, 2.576", () => {
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 13);
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 13);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 13);
  });

  it("one kind of answer only: no spread, margin 0", () => {
    expect(npsMarginOfError(sample(12, 0, 0), 0.95)).toBe(0);
    expect(npsMarginOfError(sample(0, 7, 0), 0.95)).toBe(0);
    expect(npsMarginOfError(sample(0, 0, 3), 0.99)).toBe(0);
  });

  it("no responses is #DIV/0!", () => {
    expect(errorOf(() => npsMarginOfError(sample(0, 0, 0), 0.95)).kind).toBe("div0");
  });

  it("confidence: default 0.95, any level in [0.5, 0.999], anything else #VALUE! naming it", () => {
    expect(readNumberArgument(null, "confidence", CONFIDENCE_LEVEL)).toBe(0.95);
    expect(readNumberArgument(0.5, "confidence", CONFIDENCE_LEVEL)).toBe(0.5);
    expect(readNumberArgument([[0.999]], "confidence", CONFIDENCE_LEVEL)).toBe(0.999);
    for (const bad of [1, 0.2, 95, -0.95, "95%", true]) {
      const error = errorOf(() => readNumberArgument(bad, "confidence", CONFIDENCE_LEVEL));
      expect(described(error)).toMatchObject({ kind: "value", at: "confidence" });
    }
    expect(errorOf(() => readNumberArgument(1, "confidence", CONFIDENCE_LEVEL))).toMatchObject({
      code: "number.between",
      params: { min: 0.5, max: 0.999 },
    });
  });
});

/**
 * The upper tail 1 − Φ(x), x ≥ 0, written independently of src/core/statistics.ts: the Taylor
 * series of erf near 0, and beyond x = 3, where 1 − Φ would cancel, Laplace's continued fraction
 * for the Mills ratio, 1 − Φ(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))).
 */
function upperTailByHand(x: number): number {
  if (x < 3) {
    const t = x / Math.SQRT2;
    let term = t;
    let sum = t;
    for (let n = 1; n < 400 && Math.abs(term) > 1e-18; n++) {
      term *= (-t * t) / n;
      sum += term / (2 * n + 1);
    }
    return 0.5 - sum / Math.sqrt(Math.PI);
  }
  let fraction = x;
  for (let k = 300; k >= 1; k--) fraction = x + k / fraction;
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI) / fraction;
}

/** The z-test of metrics.md worked out step by step, from raw counts. */
function handPValue(a: NpsCounts, b: NpsCounts): number {
  const share = (k: number, n: number) => k / n;
  const pa = share(a.promoters, a.responses);
  const da = share(a.detractors, a.responses);
  const pb = share(b.promoters, b.responses);
  const db = share(b.detractors, b.responses);
  const va = pa + da - (pa - da) ** 2;
  const vb = pb + db - (pb - db) ** 2;
  const z =
    (100 * (pa - da) - 100 * (pb - db)) / (100 * Math.sqrt(va / a.responses + vb / b.responses));
  return 2 * upperTailByHand(Math.abs(z));
}

/** Mulberry32: a small seeded generator, so the simulation gives the same answer every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("NPS.TEST", () => {
  it("worked examples: NPS 40 of 200 against NPS 20 of 50", () => {
    // z = (40 − 20) / (100 · sqrt(0.44/200 + 0.56/50)) = 20 / (100 · sqrt(0.0134)) = 1.72773685116272,
    // p = 2 · (1 − Φ(1.7277…)) = 0.0840354135184435: not significant at 95%.
    expect(npsDifferencePValue(FORTY, TWENTY)).toBeCloseTo(0.0840354135184435, 12);
    expect(npsDifferencePValue(FORTY, TWENTY)).toBeCloseTo(handPValue(FORTY, TWENTY), 12);
  });

  it.each([
    ["a clear difference", sample(60, 30, 10), sample(30, 30, 40)],
    ["small samples", sample(3, 1, 1), sample(1, 2, 2)],
    ["a small difference in large samples", sample(5100, 3000, 1900), sample(5000, 3000, 2000)],
    ["one sample without detractors", sample(8, 2, 0), sample(4, 4, 2)],
    ["one sample of one kind of answer, the other mixed", sample(10, 0, 0), sample(7, 2, 1)],
  ])("%s: agrees with the z-test worked by hand with an independent Φ", (_why, a, b) => {
    const p = npsDifferencePValue(a, b);
    const expected = handPValue(a, b);
    expect(Math.abs(p - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it("identical samples give 1", () => {
    expect(npsDifferencePValue(FORTY, FORTY)).toBe(1);
    expect(npsDifferencePValue(counts(9, 7, 3), counts(3, 9, 7))).toBe(1);
    // Different samples with the same NPS also give 1: z = 0.
    expect(npsDifferencePValue(sample(1, 2, 0), sample(2, 0, 1))).toBe(1);
  });

  it.each([
    ["both all promoters", sample(5, 0, 0), sample(30, 0, 0), 1],
    ["both all passives", sample(0, 4, 0), sample(0, 9, 0), 1],
    ["all promoters against all detractors: certain", sample(5, 0, 0), sample(0, 0, 3), 0],
    ["all promoters against all passives: certain", sample(2, 0, 0), sample(0, 2, 0), 0],
  ])("no spread in either sample, %s → %s", (_why, a, b, expected) => {
    expect(npsDifferencePValue(a, b)).toBe(expected);
    expect(npsDifferencePValue(b, a)).toBe(expected);
  });

  it("a sample without responses is #DIV/0!", () => {
    expect(errorOf(() => npsDifferencePValue(sample(0, 0, 0), FORTY)).kind).toBe("div0");
    expect(errorOf(() => npsDifferencePValue(FORTY, sample(0, 0, 0))).kind).toBe("div0");
  });

  it("seeded simulation: two samples from one population fall below 0.05 about 5% of the time", () => {
    // 2,000 pairs of 400 answers each from 45% promoters / 35% passives / 20% detractors. The
    // share of p < 0.05 has a standard error of sqrt(0.05 · 0.95 / 2000) ≈ 0.5 points.
    const random = seeded(20240601);
    const draw = (n: number) => {
      const drawn = sample(0, 0, 0);
      for (let i = 0; i < n; i++) {
        const u = random();
        if (u < 0.45) drawn.promoters++;
        else if (u < 0.8) drawn.passives++;
        else drawn.detractors++;
      }
      drawn.responses = n;
      return drawn;
    };
    let significant = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++)
      if (npsDifferencePValue(draw(400), draw(400)) < 0.05) significant++;
    expect(significant / trials).toBeGreaterThan(0.035);
    expect(significant / trials).toBeLessThan(0.065);
  });
});

describe("CSAT", () => {
  it.each([
    ["top two boxes of 1–5: 4 and 5", col(5, 4, 3, 1), 5, "top2", 0.5],
    ["mean score", col(5, 4, 3, 1), 5, "mean", 3.25],
    ["a 1–10 scale: top two are 9 and 10", col(10, 9, 8, 1), 10, "top2", 0.5],
    ["a 1–3 scale: top two are 2 and 3", col(3, 2, 1, 1), 3, "top2", 0.5],
    ["a 1–2 scale: every answer is in the top two", col(1, 2), 2, "top2", 1],
    ["blanks are not responses", col(5, null, "", 2), 5, "top2", 0.5],
    ["nobody satisfied", col(1, 2, 3), 5, "top2", 0],
    ["top three boxes of 1–5: 3, 4 and 5", col(5, 4, 3, 1), 5, "top3", 0.75],
    ["top three boxes of 1–7: 5, 6 and 7", col(7, 5, 4, 1), 7, "top3", 0.5],
    ["satisfied from 8 on 1–10: 8, 9 and 10", col(10, 9, 8, 7, 1), 10, 8, 0.6],
    ["satisfied from 5 on 1–5 is the top box", col(5, 4, 5, 1), 5, 5, 0.5],
  ] as const)("%s", (_why, scores, scaleMax, method, expected) => {
    expect(csat(scores as unknown[][], scaleMax, method)).toBeCloseTo(expected, 12);
  });

  it("method: top2 by default, words matched without regard to case, or a score", () => {
    expect(readCsatMethod(null, 5)).toBe("top2");
    expect(readCsatMethod(" MEAN ", 5)).toBe("mean");
    expect(readCsatMethod("Top2", 5)).toBe("top2");
    expect(readCsatMethod("TOP3", 7)).toBe("top3");
    expect(readCsatMethod(8, 10)).toBe(8);
    expect(readCsatMethod([[4]], 5)).toBe(4);
    expect(errorOf(() => readCsatMethod("median", 5))).toMatchObject({
      code: "csat.notMethod",
      params: { where: { argument: "method" }, choices: { choices: ["top2", "mean", "top3"] }, min: 2, max: 5 },
    });
  });

  it("a score method is a whole score from 2 to the top: 1 would count every answer", () => {
    for (const bad of [1, 6, 4.5, 0, -3, Number.NaN])
      expect(errorOf(() => readCsatMethod(bad, 5))).toMatchObject({ code: "csat.notMethod" });
    expect(errorOf(() => readCsatMethod(true, 5))).toMatchObject({ code: "csat.notMethod" });
  });

  it("top3 on a scale of 3 points or fewer is refused: every answer would count", () => {
    expect(errorOf(() => readCsatMethod("top3", 3))).toMatchObject({
      code: "csat.topThreeOfSmallScale",
      params: { max: 3 },
    });
    expect(readCsatMethod("top3", 4)).toBe("top3");
  });

  it("an error value as method is passed on", () => {
    expect(errorOf(() => readCsatMethod({ code: "#N/A" }, 5)).kind).toBe("na");
  });

  it("scale_max: a whole number from 2 to 100, else #VALUE! naming scale_max", () => {
    expect(readNumberArgument(null, "scale_max", { ...SCALE_MAX_LIMITS, fallback: 5 })).toBe(5);
    expect(readNumberArgument(100, "scale_max", SCALE_MAX_LIMITS)).toBe(100);
    for (const bad of [1, 0, 101, 4.5, -5, "five"]) {
      const error = errorOf(() => readNumberArgument(bad, "scale_max", SCALE_MAX_LIMITS));
      expect(described(error)).toMatchObject({ kind: "value", at: "scale_max" });
    }
  });

  it("a score outside 1..scale_max or with a fraction is #VALUE! naming the row, never clipped", () => {
    expect(errorOf(() => csat(col(5, 6)))).toMatchObject({
      code: "score.outside",
      params: { what: { term: "csatScores" }, min: 1, max: 5 },
    });
    expect(described(errorOf(() => csat(col(0))))).toMatchObject({
      code: "score.outside",
      at: "scores row 1",
    });
    expect(described(errorOf(() => csat(col(4.5))))).toMatchObject({
      code: "score.notWhole",
      at: "scores row 1",
    });
    expect(csat(col(6, 10), 10)).toBeCloseTo(0.5, 12);
  });

  it("no responses is #DIV/0!", () => {
    expect(errorOf(() => csat(col(null))).kind).toBe("div0");
    expect(errorOf(() => csat(col(null), 5, "mean")).kind).toBe("div0");
  });

  it("by segment, with a Total row; one segment picked without regard to case", () => {
    expect(csat(col(5, 1, 4, 2), 5, "top2", col("EU", "US", "eu", "US"))).toEqual([
      ["EU", 1],
      ["US", 0],
      ["Total", 0.5],
    ]);
    expect(csat(col(5, 1, 4, 2), 5, "mean", col("EU", "US", "eu", "US"), "us")).toBeCloseTo(
      1.5,
      12
    );
  });
});

describe("CES", () => {
  it.each([
    ["mean on the default 1–7 scale", col(2, 3, 7), 7, 4],
    ["blanks are not responses", col(7, null, 5), 7, 6],
    ["a 1–5 scale", col(1, 5), 5, 3],
  ] as const)("%s", (_why, scores, scaleMax, expected) => {
    expect(ces(scores as unknown[][], scaleMax)).toBeCloseTo(expected, 12);
  });

  it("8 on the default scale is #VALUE! naming the row", () => {
    expect(errorOf(() => ces(col(7, 8)))).toMatchObject({
      code: "score.outside",
      params: { where: { place: { argument: "scores", row: 1 } }, what: { term: "cesScores" }, max: 7 },
    });
  });

  it("by segment: a segment without answers shows #DIV/0! in its own cell", () => {
    const table = ces(col(6, null, 4), 7, col("A", "B", "A")) as unknown[][];
    expect(table[0]).toEqual(["A", 5]);
    expect((table[1]?.[1] as MetricError).kind).toBe("div0");
    expect(table[2]).toEqual(["Total", 5]);
  });
});

// ---------------------------------------------------------------------------------------------
// Laws, on random surveys.

const npsScore = fc.integer({ min: 0, max: 10 });
const answers = fc.array(npsScore, { minLength: 1, maxLength: 300 });
const countsOf = (scores: number[]) => npsCounts(Int16Array.from(scores)).overall;
const npsSample = fc
  .record({ promoters: fc.nat(500), passives: fc.nat(500), detractors: fc.nat(500) })
  .filter((s) => s.promoters + s.passives + s.detractors > 0)
  .map((s) => sample(s.promoters, s.passives, s.detractors));

describe("survey laws on random answers", () => {
  it("NPS lies in [−100, 100]", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.option(npsScore, { nil: null }), { maxLength: 300 })
          .filter((s) => s.some((v) => v !== null)),
        (scores) => {
          const value = nps(col(...scores)) as number;
          expect(value).toBeGreaterThanOrEqual(-100);
          expect(value).toBeLessThanOrEqual(100);
        }
      ),
      RUNS
    );
  });

  it("breakdown: the counts add up to the responses and the shares to 1, NPS = 100 · (promoter share − detractor share)", () => {
    fc.assert(
      fc.property(answers, (scores) => {
        const table = npsBreakdown(countsOf(scores));
        type Row = [string, number, number];
        const [promoters, passives, detractors, responses, score] = table.slice(1) as [
          Row,
          Row,
          Row,
          Row,
          Row,
        ];
        expect(promoters[1] + passives[1] + detractors[1]).toBe(responses[1]);
        expect(responses[1]).toBe(scores.length);
        expect(Math.abs(promoters[2] + passives[2] + detractors[2] - 1)).toBeLessThan(1e-12);
        expect(score[1]).toBeCloseTo(100 * (promoters[2] - detractors[2]), 10);
      }),
      RUNS
    );
  });

  it("NPS of the union of two samples lies between theirs", () => {
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        const [low, high] = [netPromoterScore(countsOf(a)), netPromoterScore(countsOf(b))].sort(
          (x, y) => x - y
        ) as [number, number];
        const union = netPromoterScore(countsOf([...a, ...b]));
        expect(union).toBeGreaterThanOrEqual(low - 1e-9);
        expect(union).toBeLessThanOrEqual(high + 1e-9);
      }),
      RUNS
    );
  });

  it("MOE shrinks as the sample grows with the same shares: k times the answers give MOE / √k", () => {
    fc.assert(
      fc.property(
        npsSample,
        fc.integer({ min: 2, max: 50 }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (s, k, confidence) => {
          const small = npsMarginOfError(s, confidence);
          const large = npsMarginOfError(
            sample(k * s.promoters, k * s.passives, k * s.detractors),
            confidence
          );
          expect(large).toBeLessThanOrEqual(small);
          if (small > 0) expect(large).toBeLessThan(small);
          expect(large).toBeCloseTo(small / Math.sqrt(k), 9);
        }
      ),
      RUNS
    );
  });

  it("MOE grows with the confidence level and is never negative", () => {
    fc.assert(
      fc.property(npsSample, fc.double({ min: 0.5, max: 0.998, noNaN: true }), (s, confidence) => {
        const narrower = npsMarginOfError(s, confidence);
        expect(narrower).toBeGreaterThanOrEqual(0);
        expect(npsMarginOfError(s, confidence + 0.001)).toBeGreaterThanOrEqual(narrower);
      }),
      RUNS
    );
  });

  it("p-value lies in [0, 1] and is symmetric in a and b", () => {
    fc.assert(
      fc.property(npsSample, npsSample, (a, b) => {
        const p = npsDifferencePValue(a, b);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(npsDifferencePValue(b, a)).toBe(p);
      }),
      RUNS
    );
  });

  it("CSAT top-two share lies in [0, 1] and the mean in [1, scale_max]", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 100 })
          .chain((top) =>
            fc.tuple(
              fc.constant(top),
              fc.array(fc.integer({ min: 1, max: top }), { minLength: 1, maxLength: 200 })
            )
          ),
        ([top, scores]) => {
          const share = csat(col(...scores), top, "top2") as number;
          const mean = csat(col(...scores), top, "mean") as number;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          expect(mean).toBeGreaterThanOrEqual(1);
          expect(mean).toBeLessThanOrEqual(top);
        }
      ),
      RUNS
    );
  });

  it("a segment table's rows equal the metric of each segment's answers alone, its Total the whole", () => {
    const answer = fc.record({
      score: fc.integer({ min: 1, max: 7 }),
      segment: fc.constantFrom("A", "B", "C"),
    });
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 1, maxLength: 100 }),
        fc.constantFrom(...CSAT_METHODS),
        (rows, method) => {
          const table = csat(
            col(...rows.map((r) => r.score)),
            7,
            method,
            col(...rows.map((r) => r.segment))
          ) as [string, number][];
          for (const [label, value] of table) {
            const own = label === "Total" ? rows : rows.filter((r) => r.segment === label);
            expect(value).toBeCloseTo(
              csat(col(...own.map((r) => r.score)), 7, method) as number,
              12
            );
          }
        }
      ),
      RUNS
    );
  });
});

describe("NPS.CATEGORY: one category per answer", () => {
  const categories = (scores: unknown[][]) => npsCategories(readScores(scores, "scores", NPS_SCALE));

  it("promoter 9–10, passive 7–8, detractor 0–6, \"\" for a blank, in the shape of the scores", () => {
    expect(categories(col(10, 9, 8, 7, 6, 0, null, ""))).toEqual(
      col("promoter", "promoter", "passive", "passive", "detractor", "detractor", "", "")
    );
    expect(categories([[10, 3], [null, 7]])).toEqual([["promoter", "detractor"], ["", "passive"]]);
  });

  it("selected with a header, the spill starts with a header (a label), so rows line up", () => {
    const table = categories(col("Score", 10, 5));
    expect((table[0]?.[0] as SpillLabel).code).toBe("label.npsCategory");
    expect(table.slice(1)).toEqual(col("promoter", "detractor"));
  });

  it("the same categories as the NPS counts them", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), { minLength: 1, maxLength: 60 }), (scores) => {
        const labels = categories(col(...scores)).map((row) => row[0]);
        const tally = counts(...scores);
        expect(labels.filter((l) => l === "promoter").length).toBe(tally.promoters);
        expect(labels.filter((l) => l === "passive").length).toBe(tally.passives);
        expect(labels.filter((l) => l === "detractor").length).toBe(tally.detractors);
      }),
      RUNS
    );
  });

  it("a score off the scale is #VALUE!; a range with no cell too", () => {
    expect(errorOf(() => categories(col(11)))).toMatchObject({ code: "score.outside" });
    expect(errorOf(() => categories([]))).toMatchObject({ code: "scores.noCells" });
  });
});
