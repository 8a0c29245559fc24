import { type ErrorCode, MetricError, type MessageParams, divisionByZero } from "./errors";

/**
 * numerator / denominator for a metric: a zero denominator is #DIV/0! (never 0 or a blank) and a
 * result that overflows is #NUM!, so no cell ever shows NaN or Infinity.
 */
export function ratio(
  numerator: number,
  denominator: number,
  empty: ErrorCode,
  emptyParams: MessageParams = {}
): number {
  // A sum that overflowed makes any ratio of it meaningless, 2 / Infinity = 0 included.
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) throw tooLargeToAdd();
  if (denominator === 0) throw divisionByZero(empty, emptyParams);
  const value = numerator / denominator;
  if (!Number.isFinite(value)) throw tooLargeToAdd();
  return value;
}

/** #NUM!: amounts whose sum (or a figure made of them) does not fit in a number. */
export function tooLargeToAdd(): MetricError {
  return new MetricError("num", "num.tooLargeToAdd");
}
