/**
 * A share measured on a sample (logo churn, a save rate, a CSAT share) and its interval
 * (shared/spec/metrics.md, "Intervals on small samples": a share gets the Wilson score interval).
 */
import { readNumberArgument } from "./coerce";
import { divisionByZero, invalidValue } from "./errors";
import { label } from "./labels";
import type { ResultTable } from "./segments";
import { wilsonInterval } from "./statistics";
import { CONFIDENCE_LEVEL, zForConfidence } from "./surveys";

export interface ShareSample {
  readonly successes: number;
  readonly trials: number;
  readonly confidence: number;
}

/**
 * SAAS.RATE.CI's arguments in order: whole numbers of successes (0 or more) and trials (at least
 * the successes; 0 trials is #DIV/0!: no share exists), then the confidence level.
 */
export function readShareSample(
  successes: unknown,
  trials: unknown,
  confidence: unknown
): ShareSample {
  const x = readNumberArgument(successes, "successes", { min: 0, whole: true });
  const n = readNumberArgument(trials, "trials", { min: 0, whole: true });
  if (x > n) throw invalidValue("share.successesExceedTrials", { successes: x, trials: n });
  const level = readNumberArgument(confidence, "confidence", CONFIDENCE_LEVEL);
  if (n === 0) throw divisionByZero("div0.noTrials");
  return { successes: x, trials: n, confidence: level };
}

/**
 * The Wilson interval of the share as SAAS.RATE.CI spills it: a labelled row for the lower
 * bound, one for the upper, as fractions.
 *
 * @example 2 of 30 customers lost, 95% → [["lower", 0.0185…], ["upper", 0.2132…]]
 */
export function shareIntervalTable(sample: ShareSample): ResultTable {
  const { lower, upper } = wilsonInterval(
    sample.successes,
    sample.trials,
    zForConfidence(sample.confidence)
  );
  return [
    [label("label.lower"), lower],
    [label("label.upper"), upper],
  ];
}
