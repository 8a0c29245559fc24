/**
 * The one classifier of a customer's revenue change, case by case as docs/metrics.md tables it.
 */
import { describe, expect, it } from "vitest";
import { MOVEMENT, classifyMovement, readRevenueInput, revenueTotals } from "../../src/core";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("the movement classifier (metrics.md table)", () => {
  it.each<[number, number, boolean, number, string]>([
    [0, 50, false, MOVEMENT.new, "0 → revenue without history is new"],
    [0, 50, true, MOVEMENT.reactivation, "0 → revenue after earlier revenue is reactivation"],
    [100, 130, false, MOVEMENT.expansion, "more than at the start"],
    [100, 60, false, MOVEMENT.contraction, "less, but still paying"],
    [100, 0, false, MOVEMENT.churn, "nothing at the end"],
    [100, 100, false, MOVEMENT.flat, "the same"],
    [0, 0, true, MOVEMENT.none, "no revenue at either date"],
  ])("%d → %d (history %s) is %d: %s", (start, end, history, expected) => {
    expect(classifyMovement(start, end, history)).toBe(expected);
  });
});
