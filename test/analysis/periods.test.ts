/**
 * The periods the pane compares (src/analysis/periods.ts).
 */
import { describe, expect, it } from "vitest";
import {
  analyseRevenue,
  availablePeriodChoices,
  monthlyEquivalent,
  resolvePeriodChoice,
} from "../../src/analysis";

import { prepared, kpis } from "./support";

describe("period choices", () => {
  it.each([
    ["month", 13, ["lastPeriod", "lastQuarter", "trailingYear", "between"]],
    ["month", 4, ["lastPeriod", "lastQuarter", "between"]],
    ["month", 2, ["lastPeriod", "between"]],
    ["quarter", 5, ["lastPeriod", "trailingYear", "between"]],
    ["year", 3, ["lastPeriod", "between"]],
  ] as const)("%s × %d offers %j", (unit, count, expected) => {
    expect(availablePeriodChoices(unit, count)).toEqual(expected);
  });

  it.each([
    [{ kind: "lastPeriod" }, "month", 13, { start: 11, end: 12 }],
    [{ kind: "lastQuarter" }, "month", 13, { start: 9, end: 12 }],
    // Trailing twelve months is annual NRR point to point: 12 months before the last vs the last.
    [{ kind: "trailingYear" }, "month", 13, { start: 0, end: 12 }],
    [{ kind: "trailingYear" }, "quarter", 5, { start: 0, end: 4 }],
    [{ kind: "trailingYear" }, "month", 12, null],
    [{ kind: "between", start: 3, end: 1 }, "month", 13, null],
    [{ kind: "between", start: 1, end: 3 }, "month", 13, { start: 1, end: 3 }],
  ] as const)("%j over %s × %d → %j", (choice, unit, count, expected) => {
    expect(resolvePeriodChoice(choice, unit, count)).toEqual(expected);
  });

  it("last quarter over the grid: Jan → Apr, no history before January", () => {
    const analysis = analyseRevenue(prepared(), { start: 0, end: 3 });
    expect(analysis.months).toBe(3);
    expect(analysis.usesHistory).toBe(false);
    expect(kpis(analysis)["nrr"]).toBeCloseTo(640 / 680, 12);
    expect(kpis(analysis)["grr"]).toBeCloseTo(580 / 680, 12);
    expect(kpis(analysis)["logoRetention"]).toBeCloseTo(4 / 5, 12);
    // Echo (30 → 40) is an expansion over the quarter; Delta new: (80 + 60) / (50 + 50).
    expect(kpis(analysis)["quickRatio"]).toBeCloseTo(1.4, 12);
  });

  it("a multi-month figure is read against a monthly benchmark as its monthly equivalent", () => {
    expect(monthlyEquivalent(1 - Math.pow(0.98, 12), 12)).toBeCloseTo(0.02, 12);
    expect(monthlyEquivalent(0.03, 1)).toBe(0.03);
  });
});
