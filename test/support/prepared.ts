import type { Prepared } from "../../src/analysis";

/** A step's value, failing the test with its problem when the step could not be done. */
export function ready<T>(step: Prepared<T> | null): T {
  if (step === null) throw new Error("the step was not done");
  if (!step.ok) throw new Error(`the step failed: ${JSON.stringify(step.problem)}`);
  return step.value;
}
