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

function readingOf(id: KpiId, value: number, months: number): Reading | null {
  switch (id) {
    case "nrr":
      if (value > 1) return { key: "reading.nrr.growing", params: { value }, tone: "good" };
      if (value === 1) return { key: "reading.nrr.flat", params: { value }, tone: "neutral" };
      return { key: "reading.nrr.shrinking", params: { value }, tone: "neutral" };
    case "grr": {
      // GRR = 1 − MRR churn: read against the same monthly benchmark, as revenue kept.
      const kept = 1 - monthlyEquivalent(1 - value, months);
      const best = 1 - kept < BENCHMARKS.mrrChurnPerMonth;
      return {
        key: best ? "reading.grr.bestInClass" : "reading.grr.belowBest",
        params: { kept, benchmark: 1 - BENCHMARKS.mrrChurnPerMonth },
        tone: best ? "good" : "neutral",
      };
    }
    case "mrrChurn": {
      const monthly = monthlyEquivalent(value, months);
      const best = monthly < BENCHMARKS.mrrChurnPerMonth;
      return {
        key: best ? "reading.mrrChurn.bestInClass" : "reading.mrrChurn.aboveBest",
        params: { monthly, benchmark: BENCHMARKS.mrrChurnPerMonth },
        tone: best ? "good" : "neutral",
      };
    }
    case "logoRetention": {
      const monthly = monthlyEquivalent(1 - value, months);
      const within = monthly < BENCHMARKS.logoChurnPerMonth;
      return {
        key: within ? "reading.logo.withinTarget" : "reading.logo.aboveTarget",
        params: { monthly, benchmark: BENCHMARKS.logoChurnPerMonth },
        tone: within ? "good" : "poor",
      };
    }
    case "netMrrChurn":
      return value < 0
        ? { key: "reading.netMrrChurn.negative", params: { value }, tone: "good" }
        : { key: "reading.netMrrChurn.positive", params: { value }, tone: "neutral" };
    case "quickRatio":
      return value >= 1
        ? { key: "reading.quickRatio.gaining", params: { value }, tone: "good" }
        : { key: "reading.quickRatio.losing", params: { value }, tone: "poor" };
    case "nps":
      if (value < 0) return { key: "reading.nps.poor", params: { value }, tone: "poor" };
      if (value < BENCHMARKS.npsHigh)
        return { key: "reading.nps.positive", params: { value }, tone: "neutral" };
      if (value < BENCHMARKS.npsVeryGood)
        return { key: "reading.nps.high", params: { value }, tone: "good" };
      return { key: "reading.nps.veryGood", params: { value }, tone: "good" };
    case "csat":
      return value >= BENCHMARKS.csatTarget
        ? { key: "reading.csat.atTarget", params: { target: BENCHMARKS.csatTarget }, tone: "good" }
        : {
            key: "reading.csat.belowTarget",
            params: { target: BENCHMARKS.csatTarget },
            tone: "neutral",
          };
    case "ces":
      return null; // the spec gives no benchmark for effort scores
  }
}

export function kpi(id: KpiId, figure: Figure, months: number, interval?: KpiInterval): Kpi {
  const reading = isValue(figure) ? readingOf(id, figure.value, months) : null;
  return interval === undefined || !isValue(figure)
    ? { id, figure, reading }
    : { id, figure, reading, interval };
}
