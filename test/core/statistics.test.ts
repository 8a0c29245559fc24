/**
 * The standard normal distribution of src/core/statistics.ts against published values (R's qnorm
 * and pnorm, SciPy's ndtri and ndtr agree on every digit quoted here) and against an independent
 * Φ written below from textbook series and continued fractions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, normalCdf, twoSidedPValue } from "../../src/core";

const RUNS = { numRuns: 1000 };

/** |actual − expected| within `relative` of |expected| (or of 1 near 0). */
function expectNear(actual: number, expected: number, relative: number) {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected))
  );
}

/**
 * e^(−x²/2) without the rounding of x·x, which would cost a relative x²·2^-53 in the far tail:
 * x is split (Veltkamp) into a 26-bit head, whose square is exact, and a small rest.
 */
function gaussian(x: number): number {
  const scaled = 134217729 * x; // 2^27 + 1
  const head = scaled - (scaled - x);
  const rest = x - head;
  return Math.exp((-head * head) / 2) * Math.exp(-(2 * head * rest + rest * rest) / 2);
}

/**
 * An independent Φ: for |t| = |x|/√2 < 1.2 the everywhere-positive series
 * erf(t) = 2/√π · e^(−t²) · Σ (2t²)^n · t / (1·3·…·(2n+1)), which has no cancellation; beyond it
 * the Laplace continued fraction erfc(t) = e^(−t²)/√π · 1/(t + ½/(t + 1/(t + (3/2)/(t + …)))),
 * evaluated from a deep tail upwards.
 */
function referenceCdf(x: number): number {
  const t = Math.abs(x) / Math.SQRT2;
  let upperTail: number;
  if (t < 1.2) {
    let term = t;
    let sum = t;
    for (let n = 1; n < 200; n++) {
      term *= (2 * t * t) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const erf = (2 / Math.sqrt(Math.PI)) * gaussian(x) * sum;
    upperTail = (1 - erf) / 2;
  } else {
    let fraction = t;
    for (let k = 400; k >= 1; k--) fraction = t + k / 2 / fraction;
    upperTail = gaussian(x) / Math.sqrt(Math.PI) / fraction / 2;
  }
  return x >= 0 ? 1 - upperTail : upperTail;
}

describe("inverseNormalCdf: published quantiles", () => {
  it.each([
    [0.975, 1.959963984540054, "95% two-sided"],
    [0.95, 1.6448536269514722, "90% two-sided"],
    [0.995, 2.5758293035489004, "99% two-sided"],
    [0.9, 1.2815515655446004, "80% two-sided"],
    [0.999, 3.090232306167813, "the 99.8% z"],
    [0.9995, 3.2905267314918945, "99.9% two-sided, the widest confidence NPS.MOE accepts"],
    [0.8, 0.8416212335729143, "central region"],
    [0.6, 0.2533471031357997, "central region, near the centre"],
    [0.5, 0, "the median"],
    [0.025, -1.9599639845400545, "lower tail mirrors the upper"],
    [0.0005, -3.2905267314918945, "lower tail region of Acklam's approximation"],
    [1e-10, -6.361340902404056, "far tail"],
  ])("Φ⁻¹(%s) = %s (%s)", (p, z) => {
    expectNear(inverseNormalCdf(p), z, 1e-14);
  });

  it("0 and 1 map to ∓Infinity; outside [0, 1] and NaN give NaN", () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    for (const bad of [-0.1, 1.1, NaN]) expect(inverseNormalCdf(bad)).toBeNaN();
  });

  it("round trip: Φ(Φ⁻¹(p)) = p across (0, 1), relative to the smaller tail", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-15, noNaN: true }), (p) => {
        const z = inverseNormalCdf(p);
        // Φ magnifies a relative error δ in z to about z²·δ in a tail probability.
        const tail = Math.min(p, 1 - p);
        expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(
          4e-15 * (1 + z * z) * tail + 2.3e-16
        );
      }),
      RUNS
    );
  });
});

describe("normalCdf: published values and an independent series", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [-0.3, 0.3820885778110474],
    [2.5, 0.9937903346742238],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160526e-24],
    [-37, 5.725571222524577e-300],
  ])("Φ(%s) = %s", (x, expected) => {
    expectNear(normalCdf(x), expected, 1e-14);
    if (expected < 0.5) expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-14);
  });

  it("agrees with the independent series/continued-fraction Φ (to 1e-14 relative in the far lower tail)", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 8, noNaN: true }), (x) => {
        const mine = normalCdf(x);
        const reference = referenceCdf(x);
        // Below the series' range both compute the lower tail itself: relative agreement. Near the
        // centre the reference's 1 − erf, and above 0 both sides' 1 − tail, round to multiples of
        // 2^-53: a floor of three of those.
        const lowerTail = x <= -1.2 * Math.SQRT2;
        const allowed = 1e-14 * Math.min(reference, 1 - reference) + (lowerTail ? 0 : 6.7e-16);
        expect(Math.abs(mine - reference)).toBeLessThanOrEqual(allowed);
      }),
      RUNS
    );
  });

  it("is increasing and stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 1e-6, max: 5, noNaN: true }),
        (x, step) => {
          const low = normalCdf(x);
          const high = normalCdf(x + step);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(high).toBeGreaterThanOrEqual(low);
        }
      ),
      RUNS
    );
  });
});

describe("twoSidedPValue", () => {
  it.each([
    [0, 1, "no difference at all"],
    [1.959963984540054, 0.05, "the 95% critical value"],
    [-1.959963984540054, 0.05, "either sign"],
    [2.5758293035489004, 0.01, "the 99% critical value"],
    [Infinity, 0, "a certain difference"],
  ])("z = %s → p = %s (%s)", (z, p) => {
    expectNear(twoSidedPValue(z), p, 1e-14);
  });

  it("a p-value is in [0, 1] and depends on |z| only", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (z) => {
        const p = twoSidedPValue(z);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(twoSidedPValue(-z)).toBe(p);
      }),
      RUNS
    );
  });
});
