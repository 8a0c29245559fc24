/**
 * The survey functions through the built bundle (called exactly as Excel calls them) and as
 * formulas in a real spreadsheet engine, next to the same quantity written with plain formulas
 * (COUNTIF, COUNTIFS, AVERAGE, NORM.S.INV) in neighbouring cells.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { callAsExcel, column, loadBundle } from "../support/bundle";
import { buildWorkbook } from "../support/workbook";

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
// metrics.md's worked examples: 100 / 80 / 20 of 200 → NPS 40; 20 / 20 / 10 of 50 → NPS 20.
const FORTY = column(...repeat(10, 60), ...repeat(9, 40), ...repeat(8, 50), ...repeat(7, 30), ...repeat(4, 20));
const TWENTY = column(...repeat(9, 20), ...repeat(7, 20), ...repeat(0, 10));

describe("functions.json: the survey functions as functions.md names them", () => {
  const { metadata } = loadBundle();
  it.each([
    ["NPS", ["scores", "segments", "segment"]],
    ["NPS.BREAKDOWN", ["scores"]],
    ["NPS.MOE", ["scores", "confidence", "method"]],
    ["NPS.CI", ["scores", "confidence", "method"]],
    ["NPS.TEST", ["scores_a", "scores_b", "method"]],
    ["NPS.CATEGORY", ["scores"]],
    // The catalogue's table omits segments/segment here; its Conventions give them to every aggregate.
    ["CSAT", ["scores", "scale_max", "method", "segments", "segment"]],
    ["CES", ["scores", "scale_max", "segments", "segment"]],
  ])("%s(%s)", (id, names) => {
    const fn = metadata.functions.find((f) => f.id === id);
    expect(fn?.parameters.map((p) => p.name)).toEqual(names);
    const required = id === "NPS.TEST" ? 2 : 1;
    fn?.parameters.forEach((p, i) => expect(p.optional === true, `${id} ${p.name}`).toBe(i >= required));
    expect(fn?.result.dimensionality).toBe("matrix");
  });
});

describe("worked examples through the bundle", () => {
  it("NPS 40 and NPS 20", () => {
    expect(callAsExcel("NPS", FORTY)).toBeCloseTo(40, 12);
    expect(callAsExcel("NPS", TWENTY)).toBeCloseTo(20, 12);
  });

  it("NPS.BREAKDOWN spills a header row, three classes, the responses and the NPS", () => {
    expect(callAsExcel("NPS.BREAKDOWN", FORTY)).toEqual([
      ["", "Count", "Share"],
      ["Promoters", 100, 0.5],
      ["Passives", 80, 0.4],
      ["Detractors", 20, 0.1],
      ["Responses", 200, 1],
      ["NPS", 40, ""],
    ]);
  });

  it("NPS.MOE: 1.96 · 100 · sqrt(0.44 / 200) ≈ 9.19 by default, 7.72 at 90%, 12.08 at 99%", () => {
    expect(callAsExcel("NPS.MOE", FORTY)).toBeCloseTo(9.193045961772993, 11);
    expect(callAsExcel("NPS.MOE", FORTY, 0.9)).toBeCloseTo(7.715047374455916, 11);
    expect(callAsExcel("NPS.MOE", FORTY, [[0.99]])).toBeCloseTo(12.081710359980772, 11);
    expect(callAsExcel("NPS.MOE", TWENTY, 0.95)).toBeCloseTo(20.742309126944907, 11);
  });

  it("NPS.TEST: NPS 40 of 200 against NPS 20 of 50 gives p ≈ 0.084; identical samples 1", () => {
    expect(callAsExcel("NPS.TEST", FORTY, TWENTY)).toBeCloseTo(0.0840354135184435, 12);
    expect(callAsExcel("NPS.TEST", TWENTY, FORTY)).toBeCloseTo(0.0840354135184435, 12);
    expect(callAsExcel("NPS.TEST", FORTY, FORTY)).toBe(1);
  });

  it("NPS.TEST with no spread in either sample: equal scores 1, different scores 0", () => {
    expect(callAsExcel("NPS.TEST", column(10, 9), column(9, 9, 10))).toBe(1);
    expect(callAsExcel("NPS.TEST", column(10, 9), column(0, 3))).toBe(0);
  });

  it("CSAT: top two boxes by default, the mean on request, any scale from 1..2 to 1..100", () => {
    const answers = column("CSAT", 5, 4, 3, 1, null);
    expect(callAsExcel("CSAT", answers)).toBeCloseTo(0.5, 12);
    expect(callAsExcel("CSAT", answers, null, "Mean")).toBeCloseTo(3.25, 12);
    expect(callAsExcel("CSAT", answers, 5, "TOP2")).toBeCloseTo(0.5, 12);
    expect(callAsExcel("CSAT", column(10, 9, 8, 1), 10)).toBeCloseTo(0.5, 12);
    expect(callAsExcel("CSAT", column(100, 99, 98), 100)).toBeCloseTo(2 / 3, 12);
  });

  it("CES: the mean on 1..7 by default", () => {
    expect(callAsExcel("CES", column(2, 3, 7, ""))).toBeCloseTo(4, 12);
    expect(callAsExcel("CES", column(9, 10), 10)).toBeCloseTo(9.5, 12);
  });

  it("CSAT and CES by segment: a table with a Total row, or one segment's figure", () => {
    const segments = column("EU", "US", "eu", "US");
    expect(callAsExcel("CSAT", column(5, 1, 4, 2), null, null, segments)).toEqual([
      ["EU", 1],
      ["US", 0],
      ["Total", 0.5],
    ]);
    expect(callAsExcel("CSAT", column(5, 1, 4, 2), 5, "mean", segments, "us")).toBeCloseTo(1.5, 12);
    expect(callAsExcel("CES", column(7, 1, 6, null), null, segments)).toEqual([
      ["EU", 6.5],
      ["US", 1],
      ["Total", 14 / 3],
    ]);
    expect(callAsExcel("CES", column(7, 1, 6, 2), 7, segments, "EU")).toBeCloseTo(6.5, 12);
  });
});

describe("bad input through the bundle: the error functions.md names, with its message", () => {
  const cases: { why: string; id: string; args: unknown[]; error: string; message?: string }[] = [
    { why: "blank cells are skipped, not errors", id: "NPS.MOE", args: [column(10, null, "", 10)], error: "none" },
    {
      why: "text in the scores",
      id: "NPS.BREAKDOWN",
      args: [column(9, "nine")],
      error: "#VALUE!",
      message: 'scores row 2: "nine" is text, not a number; NPS scores must be numbers',
    },
    {
      why: "a number stored as text",
      id: "NPS.MOE",
      args: [column(9, "10 ")],
      error: "#VALUE!",
      message: 'scores row 2: "10 " is text, not a number (a number stored as text? convert it with VALUE)',
    },
    {
      why: "a boolean in the scores",
      id: "NPS.TEST",
      args: [column(9, 8), column(7, true)],
      error: "#VALUE!",
      message: "scores_b row 2: TRUE is a logical value, not a number",
    },
    {
      why: "an NPS score of 11",
      id: "NPS.BREAKDOWN",
      args: [column(9, 11)],
      error: "#VALUE!",
      message: "scores row 2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "an NPS score of −1",
      id: "NPS.TEST",
      args: [column(-1), column(9)],
      error: "#VALUE!",
      message: "scores_a row 1: -1 is outside the scale; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "an NPS score of 7.5",
      id: "NPS.MOE",
      args: [column("Score", 9, 7.5)],
      error: "#VALUE!",
      message: "scores row 3: 7.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "a CSAT score of 6 on 1–5",
      id: "CSAT",
      args: [column(5, 6)],
      error: "#VALUE!",
      message: "scores row 2: 6 is outside the scale; CSAT scores are whole numbers from 1 to 5",
    },
    {
      why: "a CSAT score of 0: the scale starts at 1",
      id: "CSAT",
      args: [column(0, 10), 10],
      error: "#VALUE!",
      message: "scores row 1: 0 is outside the scale; CSAT scores are whole numbers from 1 to 10",
    },
    {
      why: "a CES score of 7.5",
      id: "CES",
      args: [column(7.5)],
      error: "#VALUE!",
      message: "scores row 1: 7.5 is not a whole number; CES scores are whole numbers from 1 to 7",
    },
    {
      why: "a CES score of 11 on 1–10",
      id: "CES",
      args: [column(1, 11), 10],
      error: "#VALUE!",
      message: "scores row 2: 11 is outside the scale; CES scores are whole numbers from 1 to 10",
    },
    {
      why: "a confidence of 1 (an infinitely wide interval)",
      id: "NPS.MOE",
      args: [column(9, 0), 1],
      error: "#VALUE!",
      message: "confidence: 1 must be a number from 0.5 to 0.999",
    },
    {
      why: "a confidence of 0.2",
      id: "NPS.MOE",
      args: [column(9, 0), 0.2],
      error: "#VALUE!",
      message: "confidence: 0.2 must be a number from 0.5 to 0.999",
    },
    {
      why: "a confidence of 95 (meant 95%)",
      id: "NPS.MOE",
      args: [column(9, 0), 95],
      error: "#VALUE!",
      message: "confidence: 95 must be a number from 0.5 to 0.999",
    },
    {
      why: "a confidence given as text",
      id: "NPS.MOE",
      args: [column(9, 0), "high"],
      error: "#VALUE!",
      message: 'confidence: "high" is text, not a number',
    },
    {
      why: "a scale_max of 1",
      id: "CSAT",
      args: [column(1), 1],
      error: "#VALUE!",
      message: "scale_max: 1 must be a whole number from 2 to 100",
    },
    {
      why: "a scale_max of 101",
      id: "CES",
      args: [column(1), 101],
      error: "#VALUE!",
      message: "scale_max: 101 must be a whole number from 2 to 100",
    },
    {
      why: "a scale_max of 4.5",
      id: "CSAT",
      args: [column(1), 4.5],
      error: "#VALUE!",
      message: "scale_max: 4.5 must be a whole number from 2 to 100",
    },
    {
      why: "an unknown method",
      id: "CSAT",
      args: [column(5), 5, "median"],
      error: "#VALUE!",
      message:
        'method: "median" is not one of "top2", "mean", "top3", nor a whole score from 2 to 5 (the share of answers from that score up)',
    },
    { why: "no responses", id: "NPS.BREAKDOWN", args: [column(null, "")], error: "#DIV/0!" },
    { why: "no responses", id: "NPS.MOE", args: [column("Score", null)], error: "#DIV/0!" },
    { why: "no responses in scores_b", id: "NPS.TEST", args: [column(9), column(null)], error: "#DIV/0!" },
    { why: "no responses", id: "CSAT", args: [[]], error: "#DIV/0!" },
    { why: "no responses", id: "CES", args: [column(null, null)], error: "#DIV/0!" },
    { why: "an error value in the scores is passed on", id: "CSAT", args: [column(5, { code: "#N/A" })], error: "#N/A", message: "scores row 2 holds #N/A" },
    {
      why: "a segment that matches no row",
      id: "CES",
      args: [column(5), null, column("SMB"), "Enterprise"],
      error: "#N/A",
      message: 'segment "Enterprise" matches no row of segments',
    },
  ];
  for (const c of cases) {
    it(`${c.id}: ${c.why}`, () => {
      const result = callAsExcel(c.id, ...c.args);
      if (c.error === "none") {
        expect(typeof result).toBe("number");
        return;
      }
      expect((result as { error: string }).error).toBe(c.error);
      if (c.message !== undefined) expect((result as { message?: string }).message).toBe(c.message);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// In a real spreadsheet engine.

// Data rows 2..21 (row 1 holds headers): NPS answer, segment, CSAT answer (1–5), CES answer (1–7),
// a second NPS sample. Blanks are scattered through every column.
const rows: [number | null, string, number | null, number | null, number | null][] = [
  [10, "EU", 5, 2, 9],
  [9, "US", 4, 3, 7],
  [9, "eu", 3, 1, 3],
  [10, "APAC", 5, 2, 10],
  [7, "US", null, 5, 6],
  [8, "EU", 2, 7, 8],
  [6, "US", 1, 4, 9],
  [0, "APAC", 4, null, 10],
  [null, "EU", 5, 3, 0],
  [3, "US", 4, 2, null],
  [9, "EU", 3, 1, 8],
  [10, "APAC", 5, 6, 9],
  [7, "US", 4, 2, 5],
  [5, "EU", 2, 3, 10],
  [9, "US", 5, 1, 9],
  [8, "APAC", 4, 2, 7],
  [8, "EU", 1, 5, 9],
  [2, "US", 5, 3, 4],
  [null, "EU", null, null, 10],
  [10, "US", 4, 2, 9],
];
const A = "Data!A2:A21";
const S = "Data!B2:B21";
const C = "Data!C2:C21";
const D = "Data!D2:D21";
const E = "Data!E2:E21";
const share = (range: string, criterion: string) => `COUNTIF(${range},"${criterion}")/COUNT(${range})`;
const P_A = share(A, ">=9");
const D_A = share(A, "<=6");
const P_E = share(E, ">=9");
const D_E = share(E, "<=6");
const V_A = `(${P_A}+${D_A}-(${P_A}-${D_A})^2)`;
const V_E = `(${P_E}+${D_E}-(${P_E}-${D_E})^2)`;

/** [label, custom-function formula, plain-formula equivalent] */
const pairs: [string, string, string][] = [
  ["NPS", `=SAAS.NPS(${A})`, `=(${P_A}-${D_A})*100`],
  ["NPS with its header", "=SAAS.NPS(Data!A1:A21)", `=(${P_A}-${D_A})*100`],
  [
    "NPS of one segment",
    `=SAAS.NPS(${A},${S},"eu")`,
    `=(COUNTIFS(${A},">=9",${S},"EU")-COUNTIFS(${A},"<=6",${S},"EU"))/COUNTIFS(${A},">=0",${S},"EU")*100`,
  ],
  ["NPS.MOE at 95%", `=SAAS.NPS.MOE(${A})`, `=NORM.S.INV(0.975)*100*SQRT(${V_A}/COUNT(${A}))`],
  ["NPS.MOE at 80%", `=SAAS.NPS.MOE(${A},0.8)`, `=NORM.S.INV(0.9)*100*SQRT(${V_A}/COUNT(${A}))`],
  [
    "NPS.TEST",
    `=SAAS.NPS.TEST(${A},${E})`,
    `=2*(1-NORM.S.DIST(ABS((${P_A}-${D_A}-${P_E}+${D_E})/SQRT(${V_A}/COUNT(${A})+${V_E}/COUNT(${E}))),TRUE()))`,
  ],
  ["CSAT", `=SAAS.CSAT(${C})`, `=COUNTIF(${C},">=4")/COUNT(${C})`],
  ["CSAT with its header", "=SAAS.CSAT(Data!C1:C21)", `=COUNTIF(${C},">=4")/COUNT(${C})`],
  ["CSAT mean", `=SAAS.CSAT(${C},,"mean")`, `=AVERAGE(${C})`],
  ["CSAT on a 1–7 scale", `=SAAS.CSAT(${D},7)`, `=COUNTIF(${D},">=6")/COUNT(${D})`],
  [
    "CSAT of one segment",
    `=SAAS.CSAT(${C},5,"TOP2",${S},"US")`,
    `=COUNTIFS(${C},">=4",${S},"US")/COUNTIFS(${C},">=1",${S},"US")`,
  ],
  ["CES", `=SAAS.CES(${D})`, `=AVERAGE(${D})`],
  ["CES on a 1–10 scale", `=SAAS.CES(${D},10)`, `=AVERAGE(${D})`],
  ["CES of one segment", `=SAAS.CES(${D},,${S},"apac")`, `=AVERAGEIF(${S},"APAC",${D})`],
];

let hf: HyperFormula;

beforeAll(() => {
  const data: (string | number | null)[][] = [["NPS", "Region", "CSAT", "CES", "NPS (B)"], ...rows];
  hf = buildWorkbook({ Checks: pairs.map(([label, custom, plain]) => [label, custom, plain]), Data: data });
});

describe("=SAAS.* survey functions in cells agree with plain formulas", () => {
  pairs.forEach(([label], row) => {
    it(label, () => {
      const custom = hf.getCellValue({ sheet: 0, row, col: 1 });
      const plain = hf.getCellValue({ sheet: 0, row, col: 2 });
      expect(typeof custom, `${label}: ${JSON.stringify(custom)}`).toBe("number");
      expect(typeof plain, `${label} plain: ${JSON.stringify(plain)}`).toBe("number");
      expect(custom as number).toBeCloseTo(plain as number, 10);
    });
  });

  it("the sample is what it seems (hand count: 8 promoters, 5 passives, 5 detractors of 18 → NPS 16.7)", () => {
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 }) as number).toBeCloseTo(((8 - 5) / 18) * 100, 12);
  });
});

describe("spills and errors in the workbook", () => {
  function book(sheet: (string | number | null)[][]): HyperFormula {
    return buildWorkbook({ Data: [["NPS", "Region", "CSAT", "CES", "NPS (B)"], ...rows], Sheet: sheet });
  }

  it("NPS.BREAKDOWN spills 6 × 3, matching COUNTIF in the neighbouring cells", () => {
    const plain = (criterion: string) => [`=COUNTIF(${A},"${criterion}")`, `=COUNTIF(${A},"${criterion}")/COUNT(${A})`];
    const sheet: (string | number | null)[][] = [
      [`=SAAS.NPS.BREAKDOWN(Data!A1:A21)`, null, null, null, null, null],
      [null, null, null, null, ...plain(">=9")],
      [null, null, null, null, `=COUNTIFS(${A},">=7",${A},"<=8")`, `=COUNTIFS(${A},">=7",${A},"<=8")/COUNT(${A})`],
      [null, null, null, null, ...plain("<=6")],
      [null, null, null, null, `=COUNT(${A})`, 1],
      [null, null, null, null, `=(E2-E4)/E5*100`, null],
    ];
    const workbook = book(sheet);
    const values = workbook.getSheetValues(workbook.getSheetId("Sheet") as number);
    expect(values[0]?.slice(0, 3)).toEqual(["", "Count", "Share"]);
    expect(values.slice(1, 6).map((row) => row[0])).toEqual(["Promoters", "Passives", "Detractors", "Responses", "NPS"]);
    for (let r = 1; r <= 5; r++) {
      expect(values[r]?.[1] as number, `row ${r + 1} count`).toBeCloseTo(values[r]?.[4] as number, 12);
      if (r < 5) expect(values[r]?.[2] as number, `row ${r + 1} share`).toBeCloseTo(values[r]?.[5] as number, 12);
    }
    expect(values[5]?.[2]).toBe("");
  });

  it("CSAT by segment spills one row per segment and a Total row", () => {
    const workbook = book([[`=SAAS.CSAT(${C},,,${S})`]]);
    const values = workbook.getSheetValues(workbook.getSheetId("Sheet") as number);
    expect(values.map((row) => row[0])).toEqual(["EU", "US", "APAC", "Total"]);
    expect(values[2]?.[1] as number).toBeCloseTo(4 / 4, 12);
    expect(values[3]?.[1] as number).toBeCloseTo(12 / 18, 12);
  });

  function errorIn(sheet: (string | number | null)[][], row: number, col = 0): DetailedCellError {
    const value = buildWorkbook({ S: sheet }).getCellValue({ sheet: 0, row, col });
    expect(value).toBeInstanceOf(DetailedCellError);
    return value as DetailedCellError;
  }

  it.each([
    ["a confidence of 1", "=SAAS.NPS.MOE(A1:A2,1)", "confidence: 1 must be a number from 0.5 to 0.999"],
    ["a confidence of 0.2", "=SAAS.NPS.MOE(A1:A2,0.2)", "confidence: 0.2 must be a number from 0.5 to 0.999"],
    ["a scale_max of 1", "=SAAS.CES(A1:A2,1)", "scale_max: 1 must be a whole number from 2 to 100"],
  ])("%s is #VALUE! naming the argument", (_why, formula, message) => {
    const error = errorIn([[9], [0], [formula]], 2);
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toBe(message);
  });

  it.each([
    ["a logical value", "=FALSE()", "scores A2: FALSE is a logical value, not a number"],
    ["text", "n/a", 'scores A2: "n/a" is text, not a number; NPS scores must be numbers'],
    ["11", 11, "scores A2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10"],
    ["-1", -1, "scores A2: -1 is outside the scale; NPS scores are whole numbers from 0 to 10"],
    ["7.5", 7.5, "scores A2: 7.5 is not a whole number; NPS scores are whole numbers from 0 to 10"],
  ])("a score of %s is #VALUE! naming its cell and value", (_why, cell, message) => {
    const error = errorIn([[9], [cell], ["=SAAS.NPS.BREAKDOWN(A1:A2)"]], 2);
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toBe(message);
  });

  it("blank cells are skipped; no responses at all is #DIV/0!", () => {
    const workbook = buildWorkbook({ S: [[5, null], [null, null], ["=SAAS.CSAT(A1:A2)", "=SAAS.CES(B1:B2)"]] });
    expect(workbook.getCellValue({ sheet: 0, row: 2, col: 0 })).toBe(1);
    expect((workbook.getCellValue({ sheet: 0, row: 2, col: 1 }) as DetailedCellError).value).toBe("#DIV/0!");
  });

  it("the formula recalculates when an answer changes", () => {
    const workbook = buildWorkbook({ S: [[10], [0], ["=SAAS.NPS.MOE(A1:A2)"]] });
    // p = d = 0.5: v = 1 − 0 = 1, MOE = 1.96 · 100 · sqrt(1/2)
    expect(workbook.getCellValue({ sheet: 0, row: 2, col: 0 }) as number).toBeCloseTo(1.959963984540054 * 100 * Math.SQRT1_2, 10);
    workbook.setCellContents({ sheet: 0, row: 1, col: 0 }, 9);
    expect(workbook.getCellValue({ sheet: 0, row: 2, col: 0 })).toBe(0);
  });
});
