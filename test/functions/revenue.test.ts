/**
 * The revenue, time-series and cohort functions through the built bundle, called as Excel calls
 * them; results and errors in one table per family.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, column } from "../support/bundle";

// Six customers: new, reactivated (with history), expanded, contracted, churned, flat.
const start = column(0, 0, 400, 200, 150, 500);
const end = column(300, 80, 500, 150, 0, 500);
const history = column(0, 40, 300, 0, 0, 0);
const plan = column("SMB", "SMB", "Ent", "Ent", "SMB", "Ent");
const STARTING = 1250;

describe("aggregate revenue functions: hand-computed", () => {
  const cases: [string, unknown[], number][] = [
    ["NETMRRCHURN", [start, end], (150 + 50 - 100) / STARTING],
    ["EXPANSIONRATE", [start, end], 100 / STARTING],
    ["CONTRACTIONRATE", [start, end], 50 / STARTING],
    ["LOGORETENTION", [start, end], 3 / 4],
    ["LOGOCHURN", [start, end], 1 / 4],
    ["EXPANDERRATE", [start, end], 1 / 4],
    ["QUICKRATIO", [start, end], (300 + 80 + 100) / (50 + 150)],
    ["QUICKRATIO", [start, end, history], (300 + 80 + 100) / (50 + 150)],
    ["NRR.PARTS", [100e6, 20e6, 5e6, 5e6], 1.1],
    ["NRR.PARTS", [100e6, 20e6, -5e6, -5e6], 1.1],
    ["GRR.PARTS", [100e6, 5e6, 5e6], 0.9],
    ["GRR.PARTS", [100e6, -5e6, null], 0.95],
    ["ANNUALIZE", [0.02], 1 - 0.98 ** 12],
    ["ANNUALIZE", [0.02, "churn"], 1 - 0.98 ** 12],
    ["ANNUALIZE", [1.01, "RETENTION"], 1.01 ** 12],
    ["COMPOUND", [column("Monthly NRR", 1.01, 1.02, 0.99)], 1.01 * 1.02 * 0.99],
  ];
  for (const [id, args, expected] of cases) {
    it(`${id}(${args.map((a) => JSON.stringify(a)).join(", ")}) = ${expected}`, () => {
      expect(callAsExcel(id, ...args)).toBeCloseTo(expected, 12);
    });
  }

  it("segments on every aggregate function: a table with Total, or one segment", () => {
    expect(callAsExcel("LOGORETENTION", start, end, plan)).toEqual([
      ["SMB", 0],
      ["Ent", 1],
      ["Total", 0.75],
    ]);
    expect(callAsExcel("EXPANSIONRATE", start, end, plan, "ent")).toBeCloseTo(100 / 1100, 12);
    expect(callAsExcel("QUICKRATIO", start, end, history, plan, "SMB")).toBeCloseTo(380 / 150, 12);
    expect(callAsExcel("NETMRRCHURN", start, end, plan)).toEqual([
      ["SMB", 1],
      ["Ent", (50 - 100) / 1100],
      ["Total", 100 / STARTING],
    ]);
  });
});

describe("spilling functions", () => {
  it("MRRBRIDGE: the labelled column adds up to Ending MRR; history turns new into reactivation", () => {
    expect(callAsExcel("MRRBRIDGE", start, end)).toEqual([
      ["Starting MRR", 1250],
      ["New", 380],
      ["Reactivation", 0],
      ["Expansion", 100],
      ["Contraction", -50],
      ["Churn", -150],
      ["Ending MRR", 1530],
    ]);
    const withHistory = callAsExcel("MRRBRIDGE", start, end, history) as unknown[][];
    expect(withHistory[1]).toEqual(["New", 300]);
    expect(withHistory[2]).toEqual(["Reactivation", 80]);
  });

  it("MOVEMENT: one label per customer", () => {
    expect(callAsExcel("MOVEMENT", start, end, history)).toEqual(
      column("new", "reactivation", "expansion", "contraction", "churn", "flat"),
    );
  });

  it("PROJECT: a column of months", () => {
    const projected = callAsExcel("PROJECT", 1000, 0.99, 50, 3) as number[][];
    expect(projected.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(projected[2]?.[0]).toBeCloseTo(1118.804, 9);
  });

  it("COHORT: header of ages, empty cells beyond the data, logo mode", () => {
    const block = [
      ["Jan", "Feb", "Mar"],
      [100, 100, 0],
      [0, 50, 100],
    ];
    expect(callAsExcel("COHORT", block)).toEqual([
      ["cohort", 0, 1, 2],
      ["Jan", 1, 1, 0],
      ["Feb", 1, 2, ""],
    ]);
    expect(callAsExcel("COHORT", block, "Logo")).toEqual([
      ["cohort", 0, 1, 2],
      ["Jan", 1, 1, 0],
      ["Feb", 1, 1, ""],
    ]);
  });
});

describe("bad input: a specific #VALUE! naming argument, row and value", () => {
  const cases: { why: string; id: string; args: unknown[]; error: string; message?: string }[] = [
    {
      why: "history with a different row count",
      id: "MRRBRIDGE",
      args: [start, end, column(0, 0)],
      error: "#VALUE!",
      message: "history must have one row per customer, like start_mrr: history has 2 rows, start_mrr has 6",
    },
    {
      why: "text in history",
      id: "MOVEMENT",
      args: [column(0), column(5), column("n/a")],
      error: "#VALUE!",
      message: 'history row 1: "n/a" is text, not a number; revenue amounts must be numbers',
    },
    { why: "unknown mode", id: "COHORT", args: [[[1, 2]], "revenues"], error: "#VALUE!", message: 'mode: "revenues" is not one of "revenue", "logo"' },
    { why: "unknown kind", id: "ANNUALIZE", args: [0.1, "annual"], error: "#VALUE!", message: 'kind: "annual" is not one of "churn", "retention"' },
    { why: "months 0", id: "PROJECT", args: [100, 1, 0, 0], error: "#VALUE!", message: "months: 0 must be a whole number from 1 to 600" },
    { why: "months 601", id: "PROJECT", args: [100, 1, 0, 601], error: "#VALUE!", message: "months: 601 must be a whole number from 1 to 600" },
    { why: "months 1.5", id: "PROJECT", args: [100, 1, 0, 1.5], error: "#VALUE!", message: "months: 1.5 must be a whole number from 1 to 600" },
    { why: "months as text", id: "PROJECT", args: [100, 1, 0, "twelve"], error: "#VALUE!", message: 'months: "twelve" is text, not a number' },
    { why: "months missing", id: "PROJECT", args: [100, 1, 0], error: "#VALUE!", message: "months is missing" },
    { why: "a negative NRR", id: "PROJECT", args: [100, -1, 0, 12], error: "#VALUE!", message: "monthly_nrr: -1 must be a number of at least 0" },
    { why: "a blank rate", id: "COMPOUND", args: [column(1.1, null)], error: "#VALUE!", message: "rates row 2 is blank; every cell needs one of the rates" },
    { why: "no starting customers", id: "LOGOCHURN", args: [column(0), column(10)], error: "#DIV/0!" },
    { why: "no losses: quick ratio unbounded", id: "QUICKRATIO", args: [column(100), column(120)], error: "#DIV/0!" },
    { why: "an error in a range is passed on", id: "EXPANDERRATE", args: [column(100, { code: "#N/A" }), column(1, 1)], error: "#N/A" },
    {
      why: "a segment that matches no row",
      id: "LOGORETENTION",
      args: [start, end, plan, "Mid"],
      error: "#N/A",
      message: 'segment "Mid" matches no row of segments',
    },
  ];
  for (const c of cases) {
    it(`${c.id}: ${c.why}`, () => {
      const result = callAsExcel(c.id, ...c.args) as { error: string; message?: string };
      expect(result.error).toBe(c.error);
      if (c.message !== undefined) expect(result.message).toBe(c.message);
    });
  }
});
