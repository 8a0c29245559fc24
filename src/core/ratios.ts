import { MetricError, divisionByZero } from "./errors";

/**
 * numerator / denominator for a metric: a zero denominator is #DIV/0! (never 0 or a blank) and a
 * result that overflows is #NUM!, so no cell ever shows NaN or Infinity.
 */
export function ratio(numerator: number, denominator: number, emptyMessage: string): number {
  if (denominator === 0) throw divisionByZero(emptyMessage);
  const value = numerator / denominator;
  if (!Number.isFinite(value)) {
    throw new MetricError(
      "num",
      "the amounts are too large to add up; check the range for stray huge values"
    );
  }
  return value;
}
