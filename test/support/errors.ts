import { MetricError } from "../../src/core";

/** The MetricError `compute` throws; fails the test when it throws nothing or something else. */
export function errorOf(compute: () => unknown): MetricError {
  try {
    compute();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error("expected a MetricError");
}
