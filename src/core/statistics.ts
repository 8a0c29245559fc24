/**
 * The standard normal distribution, for the survey statistics (docs/metrics.md, "Surveys":
 * the NPS margin of error and significance test). Written here rather than taken from a package:
 * two functions do not justify a dependency in the add-in's bundle.
 *
 * Both are accurate to within a few units in the last place of a double over the range the
 * metrics use, so a z of 1.959963984540054 at 95% comes out as statistics packages quote it.
 */

const SQRT_2PI = 2.5066282746310002;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/*
 * W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
 * and ACM TOMS Algorithm 715 (1993): the approximations behind his erf/erfc, in the normal form
 * that R's pnorm uses. Three ranges, each with a relative error near double precision. The
 * published 20-digit coefficients are written as the shortest decimals of the same doubles.
 */
const CENTRAL_NUMERATOR = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
] as const;
const CENTRAL_DENOMINATOR = [
  47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673,
] as const;
const MIDDLE_NUMERATOR = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
] as const;
const MIDDLE_DENOMINATOR = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
] as const;
const TAIL_NUMERATOR = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  2.9112874951168793e-5, 0.023073441764940174,
] as const;
const TAIL_DENOMINATOR = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  7.297515550839662e-5,
] as const;

/** Beyond this |x| a tail probability underflows to 0 (Φ(−38.5) < smallest double). */
const UNDERFLOW = 38.5;

/**
 * e^(−y²/2), with y² split so that the rounding of y·y does not spoil the tail's relative
 * accuracy (Cody's trick: y rounded down to a sixteenth squares exactly).
 */
function gaussianFactor(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  const rest = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-rest * 0.5);
}

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x) = erfc(−x/√2) / 2.
 *
 * The lower tail is computed directly, not as 1 − Φ(|x|), so Φ(−8) ≈ 6.2e-16 keeps all its
 * digits: p-values are taken as `normalCdf(−|z|)`.
 *
 * @example normalCdf(1.959963984540054) ≈ 0.975; normalCdf(0) === 0.5; normalCdf(-1) ≈ 0.15865525393145707
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    // |x| up to the quartile: Φ(x) = ½ + x·R(x²).
    const square = y > 1.1e-16 ? x * x : 0;
    const [a0, a1, a2, a3, a4] = CENTRAL_NUMERATOR;
    const [b0, b1, b2, b3] = CENTRAL_DENOMINATOR;
    const numerator = (((a4 * square + a0) * square + a1) * square + a2) * square + a3;
    const denominator = (((square + b0) * square + b1) * square + b2) * square + b3;
    return 0.5 + (x * numerator) / denominator;
  }
  let tail: number;
  if (y <= Math.sqrt(32)) {
    const c = MIDDLE_NUMERATOR;
    const d = MIDDLE_DENOMINATOR;
    let numerator = c[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + (c[i] as number)) * y;
      denominator = (denominator + (d[i] as number)) * y;
    }
    tail = (gaussianFactor(y) * (numerator + c[7])) / (denominator + d[7]);
  } else if (y < UNDERFLOW) {
    const p = TAIL_NUMERATOR;
    const q = TAIL_DENOMINATOR;
    const inverseSquare = 1 / (x * x);
    let numerator = p[5] * inverseSquare;
    let denominator = inverseSquare;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + (p[i] as number)) * inverseSquare;
      denominator = (denominator + (q[i] as number)) * inverseSquare;
    }
    const correction = (inverseSquare * (numerator + p[4])) / (denominator + q[4]);
    tail = (gaussianFactor(y) * (ONE_OVER_SQRT_2PI - correction)) / y;
  } else {
    tail = 0;
  }
  return x > 0 ? 1 - tail : tail;
}

/** Acklam's rational approximation of Φ⁻¹ (relative error below 1.15e-9), before refinement. */
const ACKLAM_CENTRAL_NUMERATOR = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
] as const;
const ACKLAM_CENTRAL_DENOMINATOR = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
] as const;
const ACKLAM_TAIL_NUMERATOR = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
] as const;
const ACKLAM_TAIL_DENOMINATOR = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416,
] as const;
const ACKLAM_BREAK = 0.02425;

/** Acklam's approximation for a lower-tail probability 0 < q ≤ ½ (so the result is ≤ 0). */
function acklamLower(q: number): number {
  if (q < ACKLAM_BREAK) {
    const [c0, c1, c2, c3, c4, c5] = ACKLAM_TAIL_NUMERATOR;
    const [d0, d1, d2, d3] = ACKLAM_TAIL_DENOMINATOR;
    const t = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c0 * t + c1) * t + c2) * t + c3) * t + c4) * t + c5) /
      ((((d0 * t + d1) * t + d2) * t + d3) * t + 1)
    );
  }
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_CENTRAL_NUMERATOR;
  const [b0, b1, b2, b3, b4] = ACKLAM_CENTRAL_DENOMINATOR;
  const u = q - 0.5;
  const r = u * u;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * u) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p. Acklam's approximation refined by
 * one Halley step against normalCdf, which brings its 1e-9 down to about 1e-15.
 *
 * Worked in the lower tail (p above ½ by symmetry, 1 − p being exact there), where Φ keeps its
 * relative accuracy. p = 0 gives −Infinity, p = 1 Infinity, anything outside [0, 1] NaN.
 *
 * @example inverseNormalCdf(0.975) ≈ 1.959963984540054 (the z of a 95% two-sided interval)
 */
export function inverseNormalCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  let z = acklamLower(q);
  // Halley: with e = Φ(z) − q and u = e / φ(z), z ← z − u / (1 + z·u/2).
  const error = normalCdf(z) - q;
  const u = error * SQRT_2PI * Math.exp((z * z) / 2);
  z -= u / (1 + (z * u) / 2);
  return upper ? -z : z;
}

/**
 * Two-sided p-value of a standard normal test statistic: P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)),
 * computed as 2·Φ(−|z|) so that small p-values keep their digits.
 *
 * @example twoSidedPValue(1.959963984540054) ≈ 0.05; twoSidedPValue(0) === 1
 */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return 2 * normalCdf(-Math.abs(z));
}

/**
 * The Wilson score interval of a share (shared/spec/metrics.md, "Intervals on small samples"):
 * for x successes in n trials and the z of the confidence level,
 * centre = (x + z²/2) / (n + z²), half-width = z / (n + z²) · sqrt(x(n − x)/n + z²/4).
 * Unlike x/n ± z·sqrt(p(1 − p)/n) it is never empty at 0 or n successes and stays in 0..1.
 *
 * @example wilsonInterval(0, 10, 1.959963984540054) → lower 0, upper ≈ 0.2775
 * @example wilsonInterval(8, 10, 1.959963984540054) → ≈ 0.4902 to 0.9433
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number
): { lower: number; upper: number } {
  const z2 = z * z;
  const denominator = trials + z2;
  const centre = (successes + z2 / 2) / denominator;
  // x·((n − x)/n), not x(n − x)/n: the product of two counts near 1e308 would overflow.
  const half = (z / denominator) * Math.sqrt(successes * ((trials - successes) / trials) + z2 / 4);
  // At 0 or n successes one bound is 0 or 1 exactly; rounding must not put it a hair outside.
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
