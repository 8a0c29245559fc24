/**
 * Errors as values until the Excel boundary (see docs/style.md).
 *
 * The kinds mirror the spreadsheet error values a metric can end in, without naming any Office
 * type: the custom-function bindings map them to `CustomFunctions.Error`, the task pane to a
 * plain-language sentence.
 */
export type MetricErrorKind =
  /** #VALUE!: a bad input cell or argument (the message names argument, row and value). */
  | "value"
  /** #DIV/0!: a zero denominator, such as no starting revenue or no responses. */
  | "div0"
  /** #N/A: a `segment` that matches no row, or an #N/A passed in. */
  | "na"
  /** #NUM!: passed on from an input cell. */
  | "num"
  /** #NULL!: passed on from an input cell. */
  | "null";

export class MetricError extends Error {
  constructor(
    readonly kind: MetricErrorKind,
    message: string
  ) {
    super(message);
    this.name = "MetricError";
  }
}

export function isMetricError(value: unknown): value is MetricError {
  return value instanceof MetricError;
}

/** A zero denominator: Excel shows #DIV/0! (with no message, so the message is for the task pane). */
export function divisionByZero(what: string): MetricError {
  return new MetricError("div0", what);
}

export function invalidValue(message: string): MetricError {
  return new MetricError("value", message);
}

/**
 * Runs a metric and returns its error instead of throwing it, for the cells of a spilled table
 * (one segment without starting revenue must not hide the other segments' figures).
 */
export function metricOrError(compute: () => number): number | MetricError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
}
