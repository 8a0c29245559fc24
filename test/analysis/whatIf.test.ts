/**
 * The what-if baseline, scenario and projection (src/analysis/whatIf.ts).
 */
import { describe, expect, it } from "vitest";

import { whatIfBaseline, whatIfProjection } from "../../src/analysis";

import { prepared } from "./support";

describe("what-if", () => {
  const model = prepared();
  const baseline = whatIfBaseline(model, { start: 0, end: 3 });

  it("the baseline averages the three month-on-month comparisons of the span", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    expect(b.startMrr).toBe(720);
    expect(b.monthlyNrr).toBeCloseTo((650 / 680 + 620 / 650 + 600 / 620) / 3, 12);
    expect(b.monthlyChurn).toBeCloseTo((30 / 680 + 0 + 50 / 620) / 3, 12);
    expect(b.monthlyContraction).toBeCloseTo(50 / 650 / 3, 12);
    expect(b.monthlyExpansion).toBeCloseTo((20 / 650 + 30 / 620) / 3, 12);
    // New and reactivated MRR: 0, 0 and 80 + 40 → 40 a month.
    expect(b.newMrrPerMonth).toBeCloseTo(40, 12);
    expect(b.monthlyNrr).toBeCloseTo(
      1 + b.monthlyExpansion - b.monthlyContraction - b.monthlyChurn,
      12
    );
  });

  it("projects MRR(t) = MRR(t−1) · NRR + new for baseline and scenario; ARR is 12 × MRR", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    const projection = whatIfProjection(b, {
      churnChange: -0.01,
      contractionChange: 0,
      expansionChange: 0.005,
      newBusinessChange: 0.5,
      months: 2,
    });
    const first = 720 * b.monthlyNrr + 40;
    expect(projection.baselineMrr[0]).toBeCloseTo(first, 9);
    expect(projection.baselineMrr[1]).toBeCloseTo(first * b.monthlyNrr + 40, 9);
    const nrr = b.monthlyNrr + 0.01 + 0.005;
    expect(projection.scenario.monthlyNrr).toBeCloseTo(nrr, 12);
    expect(projection.scenario.newMrrPerMonth).toBeCloseTo(60, 12);
    expect(projection.scenarioMrr[1]).toBeCloseTo((720 * nrr + 60) * nrr + 60, 9);
    expect(projection.scenarioEndArr).toBeCloseTo(12 * (projection.scenarioMrr[1] as number), 9);
  });

  it("a rate cannot be moved below 0: NRR moves only by what the rate could lose", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    const projection = whatIfProjection(b, {
      churnChange: -1,
      contractionChange: 0,
      expansionChange: 0,
      newBusinessChange: 0,
      months: 1,
    });
    expect(projection.scenario.monthlyChurn).toBe(0);
    expect(projection.scenario.monthlyNrr).toBeCloseTo(b.monthlyNrr + b.monthlyChurn, 12);
  });
});
