/**
 * The MRR bridge and each customer's movement label (src/core/bridge.ts).
 */
import { describe, expect, it } from "vitest";
import { movementLabels, mrrBridge, readRevenueInput, revenueTotals } from "../../src/core";
import { errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function totals(start: unknown[][], end: unknown[][], history?: unknown[][]) {
  return revenueTotals(readRevenueInput(start, end, null, null, history)).overall;
}

describe("MRR bridge", () => {
  it("labels, losses negative, and the column adds up to Ending MRR", () => {
    const bridge = mrrBridge(
      totals(
        col(0, 0, 400, 200, 150, 500),
        col(300, 80, 500, 150, 0, 500),
        col(0, 40, 300, 0, 0, 0)
      )
    );
    expect(bridge).toEqual([
      ["Starting MRR", 1250],
      ["New", 300],
      ["Reactivation", 80],
      ["Expansion", 100],
      ["Contraction", -50],
      ["Churn", -150],
      ["Ending MRR", 1530],
    ]);
    const amounts = bridge.map((row) => row[1] as number);
    expect(amounts.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(amounts[6]);
  });

  it("without history, a returning customer is new", () => {
    const bridge = mrrBridge(totals(col(0), col(80)));
    expect(bridge[1]).toEqual(["New", 80]);
    expect(bridge[2]).toEqual(["Reactivation", 0]);
  });

  it("history with a different row count names both counts", () => {
    const error = errorOf(() => readRevenueInput(col(1, 2), col(1, 2), null, null, col(1, 2, 3)));
    expect(error).toMatchObject({
      code: "history.rows",
      params: { historyRows: 3, startRows: 2 },
    });
  });

  it("history holds several earlier periods: any revenue in any of them counts", () => {
    const t = totals(col(0, 0), col(10, 20), [
      [0, 5],
      [0, 0],
    ]);
    expect(t.reactivationMrr).toBe(10);
    expect(t.newMrr).toBe(20);
  });
});

describe("movement labels", () => {
  it("one label per customer, '' for no revenue at either date", () => {
    const input = readRevenueInput(
      col(0, 0, 100, 100, 100, 100, 0),
      col(50, 60, 130, 60, 0, 100, 0),
      null,
      null,
      col(0, 9, 0, 0, 0, 0, 0)
    );
    expect(movementLabels(input.startMrr, input.endMrr, input.hadRevenueBefore)).toEqual(
      col("new", "reactivation", "expansion", "contraction", "churn", "flat", "")
    );
  });

  it("a range selected with its header spills a header too, so the labels stay aligned", () => {
    const input = readRevenueInput(col("Jan", 100), col("Feb", 0), null, null);
    expect(movementLabels(input.startMrr, input.endMrr)).toEqual(col("Movement", "churn"));
  });
});
