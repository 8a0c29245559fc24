/**
 * The built dist/functions.js and dist/functions.json, loaded with a stand-in CustomFunctions and
 * called exactly as Excel calls them (see test/support/bundle.ts).
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, column, loadBundle } from "../support/bundle";

const HEADLINE = ["NRR", "GRR", "MRRCHURN", "NPS"];
const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

describe("functions.json and the associate calls", () => {
  const { metadata, associatedIds } = loadBundle();

  it("lists the headline functions", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(expect.arrayContaining(HEADLINE));
  });

  it("associates every id in functions.json exactly once, and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect([...associatedIds].sort()).toEqual([...ids].sort());
    expect(new Set(associatedIds).size).toBe(associatedIds.length);
  });

  it("lets error cells reach the functions (allowErrorForDataTypeAny)", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it.each(metadata.functions.map((f) => [f.id, f] as const))("%s: upper-case id, description, help URL, every parameter described", (id, fn) => {
    expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(fn.name).toBe(id);
    expect(fn.description.length).toBeGreaterThan(20);
    expect(fn.helpUrl).toMatch(new RegExp(`^https://.+#${id.replace(/\./g, "\\.")}$`));
    for (const parameter of fn.parameters) {
      expect(parameter.description, `${id} ${parameter.name}`).toBeTruthy();
      expect(parameter.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});

describe("worked examples of metrics.md through the bundle", () => {
  const start = column(50e6, 30e6, 5e6, 15e6);
  const end = column(70e6, 25e6, 0, 15e6);

  it("NRR 110%, GRR 90%, MRR churn 10% (5% without contraction)", () => {
    expect(callAsExcel("NRR", start, end)).toBeCloseTo(1.1, 12);
    expect(callAsExcel("GRR", start, end)).toBeCloseTo(0.9, 12);
    expect(callAsExcel("MRRCHURN", start, end)).toBeCloseTo(0.1, 12);
    expect(callAsExcel("MRRCHURN", start, end, true)).toBeCloseTo(0.1, 12);
    expect(callAsExcel("MRRCHURN", start, end, false)).toBeCloseTo(0.05, 12);
  });

  it("2,000 of 8,000 churns → MRR churn 25%", () => {
    const rest = repeat(6000 / 28, 28);
    expect(callAsExcel("MRRCHURN", column(1500, 500, ...rest), column(0, 0, ...rest))).toBeCloseTo(0.25, 12);
  });

  it("NPS 40 and NPS 20", () => {
    expect(callAsExcel("NPS", column(...repeat(9, 100), ...repeat(7, 80), ...repeat(3, 20)))).toBeCloseTo(40, 12);
    expect(callAsExcel("NPS", column(...repeat(10, 20), ...repeat(8, 20), ...repeat(0, 10)))).toBeCloseTo(20, 12);
  });
});

describe("how Excel passes blanks", () => {
  it("revenue: null, \"\" and 0 all mean no revenue", () => {
    for (const blank of [null, "", 0]) {
      expect(callAsExcel("NRR", column(100, blank), column(90, 50))).toBeCloseTo(0.9, 12);
    }
  });

  it("scores: null and \"\" are skipped; a 0 is a detractor (the desktop-build caveat in the help)", () => {
    expect(callAsExcel("NPS", column(10, null, ""))).toBe(100);
    expect(callAsExcel("NPS", column(10, 0))).toBe(0);
  });

  it("a header cell in the first row is skipped", () => {
    expect(callAsExcel("GRR", column("Jan", 100, 100), column("Feb", 100, 50))).toBeCloseTo(0.75, 12);
  });
});

describe("bad input through the bundle: the error functions.md names, with its message", () => {
  const cases: { why: string; id: string; args: unknown[]; error: string; message?: string }[] = [
    {
      why: "text in a revenue range",
      id: "NRR",
      args: [column(100, 200), column(100, "1,200")],
      error: "#VALUE!",
      message: 'end_mrr row 2: "1,200" is text, not a number (a number stored as text? convert it with VALUE)',
    },
    {
      why: "negative revenue",
      id: "GRR",
      args: [column(100, -1), column(100, 0)],
      error: "#VALUE!",
      message: "start_mrr row 2: -1 is negative; revenue cannot be below 0",
    },
    {
      why: "an NPS score of 11",
      id: "NPS",
      args: [column(9, 11)],
      error: "#VALUE!",
      message: "scores row 2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "an NPS score of 7.5",
      id: "NPS",
      args: [column(7.5)],
      error: "#VALUE!",
      message: "scores row 1: 7.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "ranges of different shapes",
      id: "MRRCHURN",
      args: [column(1, 2, 3), column(1, 2)],
      error: "#VALUE!",
      message:
        "start_mrr and end_mrr must be the same shape, one value per customer: start_mrr has 3 rows × 1 column, end_mrr has 2 rows × 1 column",
    },
    { why: "an empty range: no starting revenue", id: "NRR", args: [[], []], error: "#DIV/0!" },
    { why: "a header and blanks only: no starting revenue", id: "NRR", args: [column("Start", null), column("End", null)], error: "#DIV/0!" },
    {
      why: "a lone text cell is not a header but bad input",
      id: "NRR",
      args: [column("Start"), column("End")],
      error: "#VALUE!",
      message: 'start_mrr row 1: "Start" is text, not a number; revenue amounts must be numbers',
    },
    { why: "an all-blank range", id: "GRR", args: [column(null, null), column(null, null)], error: "#DIV/0!" },
    { why: "no responses", id: "NPS", args: [column(null, "")], error: "#DIV/0!" },
    {
      why: "an error value inside a range is passed on",
      id: "NRR",
      args: [column(100, { code: "#N/A" }), column(100, 100)],
      error: "#N/A",
      message: "start_mrr row 2 holds #N/A",
    },
    { why: "#DIV/0! inside a range is passed on", id: "NPS", args: [column(9, { code: "#DIV/0!" })], error: "#DIV/0!" },
    { why: "#NUM! inside a range is passed on", id: "GRR", args: [column({ code: "#NUM!" }), column(1)], error: "#NUM!" },
    {
      why: "a bad include_contraction",
      id: "MRRCHURN",
      args: [column(100), column(50), "sometimes"],
      error: "#VALUE!",
      message: 'include_contraction: "sometimes" is not TRUE or FALSE',
    },
    {
      why: "a segment that matches no row",
      id: "NRR",
      args: [column(100), column(50), column("SMB"), "Enterprise"],
      error: "#N/A",
      message: 'segment "Enterprise" matches no row of segments',
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

describe("segments through the bundle", () => {
  it("spills a per-segment table with a Total row, and #DIV/0! in a segment without starting revenue", () => {
    expect(
      callAsExcel("NRR", column(100, 0, 200), column(120, 40, 100), column("SMB", "Startup", "Enterprise")),
    ).toEqual([
      ["SMB", 1.2],
      ["Startup", { error: "#DIV/0!", message: undefined }],
      ["Enterprise", 0.5],
      ["Total", 220 / 300],
    ]);
  });

  it("MRRCHURN takes include_contraction before the segment arguments", () => {
    expect(callAsExcel("MRRCHURN", column(100, 100), column(50, 0), false, column("a", "b"), "A")).toBe(0);
    expect(callAsExcel("MRRCHURN", column(100, 100), column(50, 0), null, column("a", "b"), "A")).toBe(0.5);
  });

  it("NPS by segment", () => {
    expect(callAsExcel("NPS", column(10, 0, 9), column("EU", "US", "EU"), "eu")).toBe(100);
  });
});

describe("what the add-in ships", () => {
  it("HyperFormula (GPL-3.0, tests and playground only) is in neither functions.js nor taskpane.js", async () => {
    const { readFileSync } = await import("node:fs");
    const { DIST } = await import("../support/bundle");
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const code = readFileSync(`${DIST}/${bundle}`, "utf8");
      expect(code, bundle).not.toMatch(/hyperformula|handsontable|gpl-v3/i);
    }
  });

  it("DuckDB (the command line's native engine, docs/warehouse.md) is in neither functions.js nor taskpane.js", async () => {
    const { readFileSync } = await import("node:fs");
    const { DIST } = await import("../support/bundle");
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const code = readFileSync(`${DIST}/${bundle}`, "utf8");
      expect(code, bundle).not.toMatch(/duckdb/i);
    }
  });

  it("the playground's file libraries (Papa Parse, fflate, ExcelJS) are in neither functions.js nor taskpane.js", async () => {
    const { readFileSync } = await import("node:fs");
    const { DIST } = await import("../support/bundle");
    // A string each library carries, found where the playground ships it.
    const markers = { papaparse: /UndetectableDelimiter/, fflate: /invalid zip data/, exceljs: /xl\/worksheets|ExcelJS/ };
    expect(readFileSync(`${DIST}/playground.js`, "utf8")).toMatch(markers.papaparse);
    expect(readFileSync(`${DIST}/playground.js`, "utf8")).toMatch(markers.fflate);
    expect(readFileSync(`${DIST}/vendor/exceljs.min.js`, "utf8")).toMatch(markers.exceljs);
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const code = readFileSync(`${DIST}/${bundle}`, "utf8");
      for (const [library, marker] of Object.entries(markers))
        expect(code, `${library} in ${bundle}`).not.toMatch(marker);
    }
  });
});
