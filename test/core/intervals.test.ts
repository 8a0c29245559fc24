/**
 * Intervals on small samples (shared/spec/metrics.md, "Surveys"): the NPS margin of error,
 * interval and test, Wald and adjusted-Wald, and the Wilson interval of a share, each checked
 * against an implementation written here from the formulas (the z values are the published
 * constants, Φ is integrated numerically), at several confidence levels; then a seeded
 * simulation of coverage on small samples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NPS_SCALE,
  type NpsCounts,
  countNps,
  npsDifferencePValue,
  npsInterval,
  npsIntervalTable,
  npsMarginOfError,
  npsSampleSize,
  readSampleSizeInput,
  readScores,
  readShareSample,
  shareIntervalTable,
  wilsonInterval,
  zForConfidence,
} from "../../src/core";
import { errorOf } from "../support/errors";

/** Two-sided z of each confidence level, as statistics tables print them. */
const Z: Readonly<Record<number, number>> = {
  0.8: 1.2815515655446004,
  0.9: 1.6448536269514722,
  0.95: 1.959963984540054,
  0.99: 2.5758293035489004,
  0.999: 3.2905267314918945,
};
const LEVELS = [0.8, 0.9, 0.95, 0.99, 0.999];

const sample = (promoters: number, passives: number, detractors: number): NpsCounts => ({
  promoters,
  passives,
  detractors,
  responses: promoters + passives + detractors,
});

// ---------------------------------------------------------------------------------------------
// The reference implementation, from the formulas of metrics.md and MeasuringU's articles.

interface Reference {
  centre: number;
  margin: number;
}

function referenceWald(P: number, D: number, n: number, z: number): Reference {
  const p = P / n;
  const d = D / n;
  return { centre: 100 * (p - d), margin: z * 100 * Math.sqrt((p + d - (p - d) ** 2) / n) };
}

function referenceAdjusted(P: number, D: number, n: number, z: number): Reference {
  const m = n + 3;
  const p = (P + 0.75) / m;
  const d = (D + 0.75) / m;
  return { centre: 100 * (p - d), margin: z * 100 * Math.sqrt((p + d - (p - d) ** 2) / m) };
}

/** Φ(x) by Simpson's rule on the density from 0 to |x| (2·10⁴ panels: error far below 1e-12). */
function referencePhi(x: number): number {
  const b = Math.min(Math.abs(x), 40);
  const panels = 20000;
  const h = b / panels;
  const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(0) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

function referencePValue(
  a: [number, number, number],
  b: [number, number, number],
  adjusted: boolean
): number {
  const one = ([P, A, D]: [number, number, number]) => {
    const n = P + A + D + (adjusted ? 3 : 0);
    const p = (P + (adjusted ? 0.75 : 0)) / n;
    const d = (D + (adjusted ? 0.75 : 0)) / n;
    return { net: p - d, v: p + d - (p - d) ** 2, n };
  };
  const x = one(a);
  const y = one(b);
  const z = (x.net - y.net) / Math.sqrt(x.v / x.n + y.v / y.n);
  return 2 * (1 - referencePhi(Math.abs(z)));
}

function referenceWilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

// ---------------------------------------------------------------------------------------------

describe("the worked examples of metrics.md (95%)", () => {
  it("10 promoters of 10: Wald margin 0; adjusted 76.9 ± 29.4", () => {
    const all = sample(10, 0, 0);
    expect(npsMarginOfError(all, 0.95)).toBe(0);
    expect(npsMarginOfError(all, 0.95, "adjusted")).toBeCloseTo(29.4, 1);
    const interval = npsInterval(all, 0.95, "adjusted");
    expect(interval.centre).toBeCloseTo(76.9, 1);
    expect(interval.margin).toBeCloseTo(29.4, 1);
    // Clipped at 100, and never of width 0.
    expect(interval.upper).toBe(100);
    expect(interval.lower).toBeCloseTo(76.923 - 29.42, 2);
  });

  it("100 promoters, 80 passives, 20 detractors: Wald 40 ± 9.19; adjusted 39.4 ± 9.16", () => {
    const forty = sample(100, 80, 20);
    const wald = npsInterval(forty, 0.95, "wald");
    expect(wald.centre).toBeCloseTo(40, 12);
    expect(wald.margin).toBeCloseTo(9.19, 2);
    const adjusted = npsInterval(forty, 0.95, "adjusted");
    expect(adjusted.centre).toBeCloseTo(39.4, 1);
    expect(adjusted.margin).toBeCloseTo(9.16, 2);
  });

  it("the interval spills as two labelled rows", () => {
    const table = npsIntervalTable(npsInterval(sample(10, 0, 0), 0.95, "adjusted"));
    expect(table.map((row) => (row[0] as { code: string }).code)).toEqual([
      "label.lower",
      "label.upper",
    ]);
    expect(table[1]?.[1]).toBe(100);
  });
});

describe("against the reference implementation, at 80%, 90%, 95%, 99% and 99.9%", () => {
  const counts = fc
    .tuple(fc.nat(60), fc.nat(60), fc.nat(60))
    .filter(([p, a, d]) => p + a + d > 0);

  it("the z of each level is the published constant", () => {
    for (const level of LEVELS) expect(zForConfidence(level)).toBeCloseTo(Z[level] as number, 13);
  });

  it.each(LEVELS)("margin and interval, Wald and adjusted, at %s", (level) => {
    const z = Z[level] as number;
    fc.assert(
      fc.property(counts, ([P, A, D]) => {
        const n = P + A + D;
        const c = sample(P, A, D);
        for (const [method, reference] of [
          ["wald", referenceWald(P, D, n, z)],
          ["adjusted", referenceAdjusted(P, D, n, z)],
        ] as const) {
          expect(npsMarginOfError(c, level, method)).toBeCloseTo(reference.margin, 9);
          const interval = npsInterval(c, level, method);
          expect(interval.centre).toBeCloseTo(reference.centre, 9);
          expect(interval.lower).toBeCloseTo(Math.max(-100, reference.centre - reference.margin), 9);
          expect(interval.upper).toBeCloseTo(Math.min(100, reference.centre + reference.margin), 9);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("the p-value of the test, Wald and adjusted, against Φ integrated numerically", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const x = sample(...a);
        const y = sample(...b);
        // The adjusted variances are never 0, so its z always exists.
        expect(npsDifferencePValue(x, y, "adjusted")).toBeCloseTo(referencePValue(a, b, true), 9);
        const wald = npsDifferencePValue(x, y, "wald");
        const expectedWald = referencePValue(a, b, false);
        // Samples of one kind of answer each have no variance: the limits the core documents.
        if (Number.isFinite(expectedWald)) expect(wald).toBeCloseTo(expectedWald, 9);
      }),
      { numRuns: 300 }
    );
  });

  it.each(LEVELS)("the Wilson interval at %s", (level) => {
    const z = Z[level] as number;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([x, n]) => {
          const { lower, upper } = wilsonInterval(x, n, zForConfidence(level));
          const [refLower, refUpper] = referenceWilson(x, n, z);
          expect(lower).toBeCloseTo(refLower, 10);
          expect(upper).toBeCloseTo(refUpper, 10);
          // The bounds are the roots of (x/n − p)² = z²·p(1 − p)/n, Wilson's own equation.
          for (const bound of [lower, upper]) {
            if (bound === 0 || bound === 1) continue;
            expect((x / n - bound) ** 2).toBeCloseTo((z * z * bound * (1 - bound)) / n, 10);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("the NPS test", () => {
  it("identical samples give 1 with either method; a and b swapped give the same p-value", () => {
    const a = sample(12, 3, 5);
    expect(npsDifferencePValue(a, a, "adjusted")).toBe(1);
    const b = sample(4, 4, 9);
    expect(npsDifferencePValue(a, b, "adjusted")).toBeCloseTo(npsDifferencePValue(b, a, "adjusted"), 14);
  });

  it("samples of one kind of answer each: Wald takes the limit (0), adjusted has a variance", () => {
    const promoters = sample(5, 0, 0);
    const detractors = sample(0, 0, 5);
    expect(npsDifferencePValue(promoters, detractors, "wald")).toBe(0);
    const adjusted = npsDifferencePValue(promoters, detractors, "adjusted");
    expect(adjusted).toBeGreaterThan(0);
    expect(adjusted).toBeLessThan(0.05);
  });

  it("no responses in either sample is #DIV/0!", () => {
    expect(errorOf(() => npsDifferencePValue(sample(0, 0, 0), sample(1, 0, 0), "adjusted")).kind).toBe("div0");
  });
});

describe("the Wilson interval", () => {
  it("0 of 10 at 95%: 0 to 0.2775 (z²/(n + z²)); never empty at 0 or n successes", () => {
    const { lower, upper } = wilsonInterval(0, 10, Z[0.95] as number);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.841458820694124 / 13.841458820694124, 14);
    const all = wilsonInterval(10, 10, Z[0.95] as number);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(10 / 13.841458820694124, 14);
  });

  it("2 customers lost of 30: 1.8% to 21.3%, labelled", () => {
    const table = shareIntervalTable(readShareSample(2, 30, null));
    expect(table[0]?.[1]).toBeCloseTo(0.018477023791270378, 14);
    expect(table[1]?.[1]).toBeCloseTo(0.2132345836261692, 14);
  });

  it("reads whole counts; more successes than trials, or no trials, are errors", () => {
    expect(errorOf(() => readShareSample(31, 30, null))).toMatchObject({
      kind: "value",
      code: "share.successesExceedTrials",
    });
    expect(errorOf(() => readShareSample(0, 0, null)).kind).toBe("div0");
    expect(errorOf(() => readShareSample(1.5, 30, null))).toMatchObject({ code: "whole.atLeast" });
    expect(errorOf(() => readShareSample(1, 30, 95))).toMatchObject({ code: "number.between" });
  });

  it("huge counts stay finite and inside 0..1", () => {
    const { lower, upper } = wilsonInterval(5e307, 1e308, Z[0.95] as number);
    expect(lower).toBeCloseTo(0.5, 12);
    expect(upper).toBeCloseTo(0.5, 12);
  });
});

describe("sample size (MeasuringU: n = s²z²/d² − 3)", () => {
  it.each([
    ["±10 points at 95%, worst case", 10, 0.95, undefined, 382],
    ["±5 points at 95%, worst case", 5, 0.95, undefined, 1534],
    ["±5 points at 90%, worst case", 5, 0.9, undefined, 1080],
    ["±5 points at 95%, expecting an NPS of 40", 5, 0.95, 40, 1288],
    ["±100 points at 95%: the formula asks for under one answer, so one", 100, 0.95, undefined, 1],
  ])("%s → %s", (_why, margin, confidence, expected, n) => {
    const z = Z[confidence] as number;
    const variance = expected === undefined ? 1 : 1 - (expected / 100) ** 2;
    expect(Math.max(1, Math.ceil((variance * z * z) / (margin / 100) ** 2 - 3))).toBe(n);
    expect(npsSampleSize(margin, confidence, expected)).toBe(n);
  });

  it("the sample it gives reaches the margin: its worst-case adjusted margin is within it", () => {
    for (const margin of [3, 5, 10, 20]) {
      const n = npsSampleSize(margin, 0.95);
      // Worst case: half promoters, half detractors (an even n splits exactly).
      const half = Math.ceil(n / 2);
      expect(npsMarginOfError(sample(half, 0, half), 0.95, "adjusted")).toBeLessThanOrEqual(margin);
    }
  });

  it("margin above 0 and at most 100; expected NPS strictly between −100 and 100", () => {
    expect(errorOf(() => readSampleSizeInput(0, null, null))).toMatchObject({ code: "number.aboveAtMost" });
    expect(errorOf(() => readSampleSizeInput(101, null, null))).toMatchObject({ code: "number.between" });
    expect(errorOf(() => readSampleSizeInput(5, null, 100))).toMatchObject({ code: "number.inside" });
    expect(errorOf(() => readSampleSizeInput(5, null, -100))).toMatchObject({ code: "number.inside" });
    expect(readSampleSizeInput(5, null, null)).toEqual({ margin: 5, confidence: 0.95 });
    expect(readSampleSizeInput(5, 0.9, -30)).toEqual({ margin: 5, confidence: 0.9, expectedNps: -30 });
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage: how often each interval holds the true NPS, on samples drawn with a fixed seed.

/** mulberry32: a small seeded generator, so the simulation is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Coverage of the true NPS by both 95% intervals, over `trials` samples of `n` answers. */
function coverage(
  n: number,
  promoterShare: number,
  detractorShare: number,
  trials: number,
  random: () => number
): { wald: number; adjusted: number } {
  const truth = 100 * (promoterShare - detractorShare);
  let wald = 0;
  let adjusted = 0;
  for (let t = 0; t < trials; t++) {
    let promoters = 0;
    let detractors = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (u < promoterShare) promoters++;
      else if (u < promoterShare + detractorShare) detractors++;
    }
    const counts = sample(promoters, n - promoters - detractors, detractors);
    const w = npsInterval(counts, 0.95, "wald");
    const a = npsInterval(counts, 0.95, "adjusted");
    if (w.lower <= truth && truth <= w.upper) wald++;
    if (a.lower <= truth && truth <= a.upper) adjusted++;
  }
  return { wald: wald / trials, adjusted: adjusted / trials };
}

/** True mixes of promoters and detractors, from balanced to nearly all promoters. */
const COVERAGE_MIXES: readonly [number, number][] = [
  [0.5, 0.2],
  [0.7, 0.1],
  [0.9, 0.05],
  [0.3, 0.3],
  [0.2, 0.6],
  [0.95, 0],
];
const COVERAGE_SIZES = [5, 10, 20, 30];
const COVERAGE_TRIALS = 2000;

describe("coverage on small samples (seeded simulation, 95%)", () => {
  it.each(COVERAGE_SIZES)(
    "n = %s: the adjusted interval covers the true NPS at least as often as Wald, for every mix",
    (n) => {
      const random = seeded(20160 + n);
      for (const [p, d] of COVERAGE_MIXES) {
        const { wald, adjusted } = coverage(n, p, d, COVERAGE_TRIALS, random);
        expect(adjusted, `n ${n}, promoters ${p}, detractors ${d}: Wald ${wald}`).toBeGreaterThanOrEqual(wald);
        // And close to its nominal 95%, where Wald falls far short near the ends of the scale.
        expect(adjusted, `n ${n}, promoters ${p}, detractors ${d}`).toBeGreaterThan(0.9);
      }
    }
  );
});

describe("scores through the readers", () => {
  it("a column of ten 10s gives the worked example's interval", () => {
    const counts = countNps(readScores(Array.from({ length: 10 }, () => [10]), "scores", NPS_SCALE));
    expect(npsInterval(counts, 0.95, "adjusted").centre).toBeCloseTo(1000 / 13, 12);
  });
});
