/**
 * Hand-computed cases for every revenue, time-series and cohort metric, with the seeds' examples
 * of docs/metrics.md. Each case says why the expected figure is what it is.
 */
import { describe, expect, it } from "vitest";
import { MOVEMENT, annualizeMonthlyRate, classifyMovement, cohortTable, compoundRates, contractionRate, expanderRate, expansionRate, grrFromParts, logoChurnRate, logoRetention, movementLabels, mrrBridge, netMrrChurnRate, netRevenueRetention, nrrFromParts, projectMrr, quickRatio, readAnnualizeInput, readCohortInput, readProjectionInput, readRates, readRetentionParts, readRevenueInput, revenueTotals } from "../../src/core";
import { described, errorOf } from "../support/errors";

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

describe("rates over starting revenue", () => {
  it("start MRR 1,000 and 100 of upsell and cross-sell → expansion rate 10% (seed)", () => {
    const t = totals(col(400, 600), col(450, 650));
    expect(expansionRate(t)).toBeCloseTo(0.1, 12);
    expect(contractionRate(t)).toBe(0);
  });

  it("contraction rate counts downgrades, not churn", () => {
    const t = totals(col(200, 300, 500), col(150, 0, 500)); // 50 contraction, 300 churn of 1,000
    expect(contractionRate(t)).toBeCloseTo(0.05, 12);
  });

  it("net MRR churn = (churn + contraction − expansion) / start, negative with net expansion", () => {
    const t = totals(col(500, 300, 200), col(600, 280, 0)); // churn 200, contraction 20, expansion 100
    expect(netMrrChurnRate(t)).toBeCloseTo((200 + 20 - 100) / 1000, 12);
    const growing = totals(col(500, 500), col(700, 450)); // expansion 200, contraction 50
    expect(netMrrChurnRate(growing)).toBeCloseTo(-0.15, 12);
    expect(netMrrChurnRate(growing)).toBeCloseTo(1 - netRevenueRetention(growing), 12);
  });
});

describe("logos", () => {
  it("100 customers at the start, 10 of them lost → logo retention 90% (seed); new ones change nothing", () => {
    const start = col(...repeat(100, 100), 0, 0);
    const end = col(...repeat(100, 90), ...repeat(0, 10), 500, 500);
    const t = totals(start, end);
    expect(logoRetention(t)).toBeCloseTo(0.9, 12);
    expect(logoChurnRate(t)).toBeCloseTo(0.1, 12);
  });

  it("2 of 30 customers left → logo churn 6.7% while MRR churn is 25% (seed)", () => {
    const rest = repeat(6000 / 28, 28);
    const t = totals(col(1500, 500, ...rest), col(0, 0, ...rest));
    expect(logoChurnRate(t)).toBeCloseTo(2 / 30, 12);
  });

  it("expander rate: 6 of 40 starting customers grew", () => {
    const t = totals(
      col(...repeat(100, 40), 0),
      col(...repeat(120, 6), ...repeat(100, 30), ...repeat(50, 4), 900)
    );
    expect(expanderRate(t)).toBeCloseTo(6 / 40, 12);
  });

  it("no starting customer is #DIV/0!", () => {
    expect(errorOf(() => logoRetention(totals(col(0), col(10)))).kind).toBe("div0");
  });
});

describe("quick ratio", () => {
  it("(new 300 + expansion 100) / (contraction 50 + churn 150) = 2", () => {
    const t = totals(col(0, 400, 200, 150, 500), col(300, 500, 150, 0, 500));
    expect(quickRatio(t)).toBeCloseTo(2, 12);
  });

  it("reactivation counts as a gain like new revenue", () => {
    const t = totals(col(0, 100), col(80, 60), col(50, 100));
    expect(quickRatio(t)).toBeCloseTo(80 / 40, 12);
  });

  it("no losses at all is #DIV/0!, never a made-up large number", () => {
    expect(errorOf(() => quickRatio(totals(col(100, 0), col(120, 30)))).kind).toBe("div0");
  });
});

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

describe("NRR.PARTS and GRR.PARTS", () => {
  it("start 100M, expansion 20M, contraction 5M, churn 5M → NRR 110%, GRR 90% (seed)", () => {
    expect(nrrFromParts(readRetentionParts(100e6, 20e6, 5e6, 5e6))).toBeCloseTo(1.1, 12);
    expect(grrFromParts(readRetentionParts(100e6, 0, 5e6, 5e6))).toBeCloseTo(0.9, 12);
  });

  it("losses given as negative numbers are subtracted all the same", () => {
    expect(nrrFromParts(readRetentionParts(100e6, 20e6, -5e6, -5e6))).toBeCloseTo(1.1, 12);
    expect(grrFromParts(readRetentionParts(100e6, 0, -5e6, 5e6))).toBeCloseTo(0.9, 12);
  });

  it("start 0 is #DIV/0!; losses above start, negative start or expansion are #VALUE!", () => {
    expect(errorOf(() => nrrFromParts(readRetentionParts(0, 0, 0, 0))).kind).toBe("div0");
    expect(errorOf(() => readRetentionParts(100, 0, 60, 50))).toMatchObject({
      code: "parts.lossesExceedStart",
      params: { contraction: 60, churn: 50, start: 100 },
    });
    expect(described(errorOf(() => readRetentionParts(-1, 0, 0, 0)))).toEqual({
      kind: "value",
      code: "number.atLeast",
      at: "start",
    });
    expect(described(errorOf(() => readRetentionParts(100, -5, 0, 0)))).toEqual({
      kind: "value",
      code: "number.atLeast",
      at: "expansion",
    });
  });
});

describe("ANNUALIZE, COMPOUND, PROJECT", () => {
  it("2% monthly churn is 1 − 0.98^12 ≈ 21.53% a year", () => {
    // 0.98² = 0.9604; ^4 = 0.92236816; ^8 = 0.8507630225; ^12 = ^8 · ^4 = 0.7847167237
    expect(annualizeMonthlyRate(0.02, "churn")).toBeCloseTo(1 - 0.7847167237, 9);
  });

  it("101% monthly NRR is 1.01^12 ≈ 112.68% a year", () => {
    expect(annualizeMonthlyRate(1.01, "retention")).toBeCloseTo(1.126825, 7);
  });

  it("option words match without regard to case; a churn rate above 1 is #VALUE!", () => {
    expect(readAnnualizeInput(0.5, "Retention").kind).toBe("retention");
    expect(errorOf(() => readAnnualizeInput(1.5, null))).toMatchObject({
      code: "number.atMost",
      params: { where: { argument: "monthly_rate" }, max: 1 },
    });
    expect(errorOf(() => readAnnualizeInput(0.5, "yearly"))).toMatchObject({
      code: "option.notChoice",
      params: { where: { argument: "kind" }, choices: { choices: ["churn", "retention"] } },
    });
  });

  it("compound: 1.01 × 1.02 × 0.99", () => {
    expect(compoundRates(readRates(col(1.01, 1.02, 0.99), "rates").values)).toBeCloseTo(
      1.01 * 1.02 * 0.99,
      14
    );
  });

  it("compound: a blank period is an error, not a silent skip", () => {
    expect(described(errorOf(() => readRates(col(1.01, null, 0.99), "rates")))).toEqual({
      kind: "value",
      code: "cell.blankNeeded",
      at: "rates row 2",
    });
  });

  it("project: MRR(t) = MRR(t−1) · nrr + new", () => {
    // 1000·0.99 + 50 = 1040; 1040·0.99 + 50 = 1079.6; 1079.6·0.99 + 50 = 1118.804
    const projected = projectMrr(1000, 0.99, 50, 3);
    expect(projected).toHaveLength(3);
    [1040, 1079.6, 1118.804].forEach((mrr, t) => expect(projected[t]).toBeCloseTo(mrr, 9));
  });

  it.each([
    [0, "whole.between"],
    [601, "whole.between"],
    [2.5, "whole.between"],
    ["12", "cell.textOption"],
  ])("project: months %j is #VALUE!", (months, code) => {
    expect(described(errorOf(() => readProjectionInput(1000, 1, 0, months)))).toEqual({
      kind: "value",
      code,
      at: "months",
    });
  });
});

describe("cohorts", () => {
  // Customer A starts in period 1, B in period 2, C in period 1, D never pays.
  const block = [
    [100, 100, 0, 0],
    [0, 50, 100, 100],
    [200, 100, 300, 150],
    [0, 0, 0, 0],
  ];

  it("revenue mode: Σ revenue at age k over Σ revenue at age 0, empty beyond the data", () => {
    const { amounts, periodLabels } = readCohortInput(block);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2, 3],
      [1, 1, 200 / 300, 1, 0.5],
      [2, 1, 2, 2, ""],
    ]);
  });

  it("logo mode: share of the cohort's customers still paying", () => {
    const { amounts, periodLabels } = readCohortInput(block);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "logo", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2, 3],
      [1, 1, 1, 0.5, 0.5],
      [2, 1, 1, 1, ""],
    ]);
  });

  it("the whole MRRMATRIX spill: period dates from the first row, ids ignored", () => {
    const spill = [
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01"],
      ["A", 100, 100, 0],
      ["B", 0, 50, 100],
    ];
    const { amounts, periodLabels } = readCohortInput(spill);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2],
      ["2024-01-01", 1, 1, 0],
      ["2024-02-01", 1, 2, ""],
    ]);
  });

  it("a bad amount in the spill is named at its place in the whole range", () => {
    const spill = [
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 100, "x"],
    ];
    expect(described(errorOf(() => readCohortInput(spill)))).toEqual({
      kind: "value",
      code: "cell.text",
      at: "mrr_matrix row 2, column 3",
    });
  });

  it("a bare block with a text header names the cohorts by it", () => {
    const { periodLabels } = readCohortInput([
      ["Jan 2024", "Feb 2024"],
      [1, 2],
    ]);
    expect(periodLabels).toEqual(["Jan 2024", "Feb 2024"]);
  });
});
