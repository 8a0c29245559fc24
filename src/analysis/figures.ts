/**
 * Figures as the pane shows them (a number, or the error a function would give) and their
 * one-line readings against the benchmarks of docs/metrics.md.
 */
import { type Message, type MessageParams, MetricError, type MetricErrorKind } from "../core";
import type { ReadingKey } from "./messages";

/** A figure as a cell would show it: a number, or the error a function would give. */
export type Figure =
  { readonly value: number } | { readonly error: MetricErrorKind; readonly problem: Message };

/**
 * Whether a figure is a number (rather than the error a function would give).
 *
 * @example isValue({ value: 1.02 }) === true; isValue({ error: "div0", problem: … }) === false
 */
export function isValue(figure: Figure): figure is { readonly value: number } {
  return "value" in figure;
}

/** A metric as a figure: its value, or the error a function would give (never thrown on). */
export function figureOf(compute: () => number): Figure {
  try {
    return { value: compute() };
  } catch (error) {
    if (error instanceof MetricError) return figureOfError(error);
    throw error;
  }
}

/** A figure of a table of segments (a number, or the error of that one figure) as a figure. */
export function figureOfSegment(figure: number | MetricError): Figure {
  return figure instanceof MetricError ? figureOfError(figure) : { value: figure };
}

function figureOfError(error: MetricError): Figure {
  return { error: error.kind, problem: error.worded };
}

export type KpiId =
  | "nrr"
  | "grr"
  | "logoRetention"
  | "mrrChurn"
  | "netMrrChurn"
  | "quickRatio"
  | "nps"
  | "csat"
  | "ces";

export type ReadingTone = "good" | "neutral" | "poor";

/** A one-line reading of a figure against the benchmarks of docs/metrics.md. */
export interface Reading {
  readonly key: ReadingKey;
  readonly params: MessageParams;
  readonly tone: ReadingTone;
}

export interface Kpi {
  readonly id: KpiId;
  readonly figure: Figure;
  readonly reading: Reading | null;
  /**
   * For a figure that is a sample (NPS, CSAT, logo retention): its 95% interval, never a margin
   * of 0 posing as certainty; absent for the others.
   */
  readonly interval?: KpiInterval;
}

/**
 * A sample figure's 95% interval: adjusted-Wald for NPS (in points), Wilson for a share (CSAT,
 * logo retention), as SAAS.NPS.CI and SAAS.RATE.CI give them. `small` below SMALL_SAMPLE.
 */
export interface KpiInterval {
  readonly lower: number;
  readonly upper: number;
  /** Answers (NPS, CSAT) or starting customers (logo retention) the figure rests on. */
  readonly sample: number;
  readonly small: boolean;
}

/**
 * Below this many answers or customers a figure is said to rest on a small sample: a handful more
 * would move it by more than its interval's width suggests at first sight (docs/metrics.md,
 * "Intervals on small samples").
 */
export const SMALL_SAMPLE = 30;

/** The 95% interval the pane and the board pack show. */
export const INTERVAL_CONFIDENCE = 0.95;

/** An interval of `sample` observations, marked small below SMALL_SAMPLE. */
export function kpiInterval(lower: number, upper: number, sample: number): KpiInterval {
  return { lower, upper, sample, small: sample < SMALL_SAMPLE };
}

/** Benchmarks shown for context (docs/metrics.md, "Benchmarks"); not targets the code enforces. */
export const BENCHMARKS = {
  /** Customer (logo) churn under 5% a month is a common target. */
  logoChurnPerMonth: 0.05,
  /** MRR churn under 1% a month is best in class. */
  mrrChurnPerMonth: 0.01,
  /** NPS below 0 is poor, 30 and above high, 50 very good. */
  npsHigh: 30,
  npsVeryGood: 50,
  /** CSAT 80% is a common target. */
  csatTarget: 0.8,
} as const;

/**
 * The monthly rate that, kept up for `months`, loses as much as `rate` over them:
 * 1 − (1 − rate)^(1/months), the inverse of SAAS.ANNUALIZE's churn rule. Used only to hold a
 * multi-month figure against a monthly benchmark.
 *
 * @example monthlyEquivalent(0.2153, 12) ≈ 0.02
 */
export function monthlyEquivalent(rate: number, months: number): number {
  if (months <= 1) return rate;
  return 1 - Math.pow(Math.max(0, 1 - rate), 1 / months);
}

/** How a figure is held against a limit. */
export type ReadingTest = ">" | ">=" | "<" | "=";

/**
 * One branch of a figure's reading: taken when the figure compares with `limit` by `test` (the
 * last branch, which has no test, in every other case). `quoted` is the benchmark its words quote,
 * the same whatever the figure ({benchmark} or {target}).
 */
export interface ReadingRule {
  readonly key: ReadingKey;
  readonly tone: ReadingTone;
  readonly when?: { readonly test: ReadingTest; readonly limit: number };
  readonly quoted: MessageParams;
}

/**
 * The readings of a figure over a span of `months`, branch by branch: the one place their limits
 * are set, read by the pane's cards (readingOf) and written into the board pack's formulas. A
 * monthly benchmark held against a figure over m months is compounded: MRR churn under 1% a month
 * is MRR churn < 1 − 0.99^m, GRR over 0.99^m, logo retention over 0.95^m. [] for CES, which has
 * no benchmark.
 *
 * @example readingRules("grr", 3)[0].when → { test: ">", limit: 0.99 ** 3 }
 */
export function readingRules(id: KpiId, months: number): readonly ReadingRule[] {
  const m = Math.max(1, months);
  const mrr = BENCHMARKS.mrrChurnPerMonth;
  const logos = BENCHMARKS.logoChurnPerMonth;
  const rule = (
    key: ReadingKey,
    tone: ReadingTone,
    when?: ReadingRule["when"],
    quoted: MessageParams = {}
  ): ReadingRule => (when === undefined ? { key, tone, quoted } : { key, tone, when, quoted });
  switch (id) {
    case "nrr":
      return [
        rule("reading.nrr.growing", "good", { test: ">", limit: 1 }),
        rule("reading.nrr.flat", "neutral", { test: "=", limit: 1 }),
        rule("reading.nrr.shrinking", "neutral"),
      ];
    case "grr": {
      // GRR = 1 − MRR churn: read against the same monthly benchmark, as revenue kept.
      const quoted = { benchmark: 1 - mrr };
      return [
        rule("reading.grr.bestInClass", "good", { test: ">", limit: (1 - mrr) ** m }, quoted),
        rule("reading.grr.belowBest", "neutral", undefined, quoted),
      ];
    }
    case "mrrChurn": {
      const quoted = { benchmark: mrr };
      return [
        rule(
          "reading.mrrChurn.bestInClass",
          "good",
          { test: "<", limit: 1 - (1 - mrr) ** m },
          quoted
        ),
        rule("reading.mrrChurn.aboveBest", "neutral", undefined, quoted),
      ];
    }
    case "logoRetention": {
      const quoted = { benchmark: logos };
      return [
        rule("reading.logo.withinTarget", "good", { test: ">", limit: (1 - logos) ** m }, quoted),
        rule("reading.logo.aboveTarget", "poor", undefined, quoted),
      ];
    }
    case "netMrrChurn":
      return [
        rule("reading.netMrrChurn.negative", "good", { test: "<", limit: 0 }),
        rule("reading.netMrrChurn.positive", "neutral"),
      ];
    case "quickRatio":
      return [
        rule("reading.quickRatio.gaining", "good", { test: ">=", limit: 1 }),
        rule("reading.quickRatio.losing", "poor"),
      ];
    case "nps":
      return [
        rule("reading.nps.poor", "poor", { test: "<", limit: 0 }),
        rule("reading.nps.positive", "neutral", { test: "<", limit: BENCHMARKS.npsHigh }),
        rule("reading.nps.high", "good", { test: "<", limit: BENCHMARKS.npsVeryGood }),
        rule("reading.nps.veryGood", "good"),
      ];
    case "csat": {
      const quoted = { target: BENCHMARKS.csatTarget };
      return [
        rule("reading.csat.atTarget", "good", { test: ">=", limit: BENCHMARKS.csatTarget }, quoted),
        rule("reading.csat.belowTarget", "neutral", undefined, quoted),
      ];
    }
    case "ces":
      return []; // the spec gives no benchmark for effort scores
  }
}

function passes(value: number, { test, limit }: NonNullable<ReadingRule["when"]>): boolean {
  switch (test) {
    case ">":
      return value > limit;
    case ">=":
      return value >= limit;
    case "<":
      return value < limit;
    case "=":
      return value === limit;
  }
}

/** What the pane's words say of the figure itself: the figure, or its monthly equivalent. */
function figureParams(id: KpiId, value: number, months: number): MessageParams {
  switch (id) {
    case "grr":
      return { kept: 1 - monthlyEquivalent(1 - value, months) };
    case "mrrChurn":
      return { monthly: monthlyEquivalent(value, months) };
    case "logoRetention":
      return { monthly: monthlyEquivalent(1 - value, months) };
    case "csat":
    case "ces":
      return {};
    default:
      return { value };
  }
}

function readingOf(id: KpiId, value: number, months: number): Reading | null {
  const rule = readingRules(id, months).find(
    ({ when }) => when === undefined || passes(value, when)
  );
  if (rule === undefined) return null;
  return {
    key: rule.key,
    params: { ...rule.quoted, ...figureParams(id, value, months) },
    tone: rule.tone,
  };
}

export function kpi(id: KpiId, figure: Figure, months: number, interval?: KpiInterval): Kpi {
  const reading = isValue(figure) ? readingOf(id, figure.value, months) : null;
  return interval === undefined || !isValue(figure)
    ? { id, figure, reading }
    : { id, figure, reading, interval };
}
