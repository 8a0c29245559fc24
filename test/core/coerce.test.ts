/**
 * Bad input for the revenue and score readers: each case states the error kind, its message
 * code and the cell it names (argument, row, value), as docs/functions.md requires. How each
 * code reads in words is the catalogues' (test/i18n).
 */
import { describe, expect, it } from "vitest";
import { NPS_SCALE, periodDateHeader, readBooleanOption, readRevenue, readRevenueInput, readScores } from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

describe("revenue cells", () => {
  const cases: { why: string; range: unknown; kind: string; code: string; at?: string }[] = [
    {
      why: "a number stored as text, with a hint",
      range: col(100, 200, "1,200"),
      kind: "value",
      code: "cell.textLikeNumber",
      at: "end_mrr row 3",
    },
    {
      why: "a word",
      range: col(100, "n/a"),
      kind: "value",
      code: "cell.text",
      at: "end_mrr row 2",
    },
    {
      why: "a numeric-looking first row is not a header",
      range: col("100", 200),
      kind: "value",
      code: "cell.textLikeNumber",
      at: "end_mrr row 1",
    },
    {
      why: "a logical value",
      range: col(100, true),
      kind: "value",
      code: "cell.logical",
      at: "end_mrr row 2",
    },
    {
      why: "a negative amount",
      range: col(100, -5),
      kind: "value",
      code: "cell.negative",
      at: "end_mrr row 2",
    },
    {
      why: "NaN",
      range: col(Number.NaN),
      kind: "value",
      code: "cell.notFinite",
      at: "end_mrr row 1",
    },
    {
      why: "Infinity",
      range: col(Infinity),
      kind: "value",
      code: "cell.notFinite",
      at: "end_mrr row 1",
    },
    {
      why: "an #N/A passed in keeps its code and says where it was",
      range: col(100, { code: "#N/A" }),
      kind: "na",
      code: "cell.errorValue",
      at: "end_mrr row 2",
    },
    {
      why: "an error's own message is passed on unchanged",
      range: col({ code: "#VALUE!", message: "upstream problem" }),
      kind: "value",
      code: "cell.passedOn",
    },
    {
      why: "#DIV/0! is passed on",
      range: col({ code: "#DIV/0!" }),
      kind: "div0",
      code: "cell.errorValue",
      at: "end_mrr row 1",
    },
    {
      why: "a data-type error is passed on",
      range: col({ type: "Error", errorType: "Num", basicValue: "#NUM!" }),
      kind: "num",
      code: "cell.errorValue",
      at: "end_mrr row 1",
    },
    {
      why: "#REF! cannot be returned by a custom function: #VALUE! naming it",
      range: col({ code: "#REF!" }),
      kind: "value",
      code: "cell.errorToCorrect",
      at: "end_mrr row 1",
    },
    {
      why: "an entity is not a number",
      range: col({ type: "Entity", text: "Contoso", properties: {} }),
      kind: "value",
      code: "cell.notNumber",
      at: "end_mrr row 1",
    },
    {
      why: "2-D ranges name row and column",
      range: [
        [1, 2],
        [3, "x"],
      ],
      kind: "value",
      code: "cell.text",
      at: "end_mrr row 2, column 2",
    },
    {
      why: "a single row names the column",
      range: [[1, 2, false]],
      kind: "value",
      code: "cell.logical",
      at: "end_mrr column 3",
    },
    {
      why: "row numbers count the header row, as the user sees the selection",
      range: col("End MRR", 100, "oops"),
      kind: "value",
      code: "cell.text",
      at: "end_mrr row 3",
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const error = errorOf(() => readRevenue(c.range, "end_mrr"));
      expect(described(error)).toEqual({ kind: c.kind, code: c.code, ...(c.at ? { at: c.at } : {}) });
    });
  }

  it("formatted numbers (data types) are read as their number", () => {
    const read = readRevenue(
      col({ type: "FormattedNumber", basicValue: 12.5, numberFormat: "$0.00" }),
      "start_mrr"
    );
    expect(Array.from(read.values)).toEqual([12.5]);
  });

  it("a bare value is a 1×1 range", () => {
    expect(Array.from(readRevenue(42, "start_mrr").values)).toEqual([42]);
  });

  it("the first problem in argument order is the one reported", () => {
    const error = errorOf(() => readRevenueInput(col(1, "a"), col({ code: "#N/A" }), null, null));
    expect(described(error).at).toBe("start_mrr row 2");
  });

  it("ranges of different shapes", () => {
    const error = errorOf(() => readRevenueInput(col(1, 2, 3), col(1, 2), null, null));
    expect(error).toMatchObject({
      kind: "value",
      code: "range.sameShape",
      params: {
        first: { argument: "start_mrr" },
        second: { argument: "end_mrr" },
        firstShape: { shape: { rows: 3, columns: 1 } },
        secondShape: { shape: { rows: 2, columns: 1 } },
      },
    });
  });

  it("each range drops its own header before shapes are compared", () => {
    const input = readRevenueInput(col("Jan", 1, 2), col(1, 3), null, null);
    expect(input.startMrr.rows).toBe(2);
    expect(input.endMrr.rows).toBe(2);
  });
});

describe("NPS scores", () => {
  const cases: { why: string; range: unknown; code: string; at: string }[] = [
    {
      why: "11 is off the scale",
      range: col(9, 11),
      code: "score.outside",
      at: "scores row 2",
    },
    {
      why: "-1 is off the scale",
      range: col(-1),
      code: "score.outside",
      at: "scores row 1",
    },
    {
      why: "7.5 is never rounded",
      range: col(7.5),
      code: "score.notWhole",
      at: "scores row 1",
    },
    {
      why: "text",
      range: col("Score", 9, "ten"),
      code: "cell.text",
      at: "scores row 3",
    },
    {
      why: "a logical value",
      range: col(false),
      code: "cell.logical",
      at: "scores row 1",
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const error = errorOf(() => readScores(c.range, "scores", NPS_SCALE));
      expect(described(error)).toEqual({ kind: "value", code: c.code, at: c.at });
    });
  }
});

describe("TRUE/FALSE options", () => {
  it.each([
    [null, true],
    [true, true],
    [false, false],
    [0, false],
    [1, true],
    ["false", false],
    [[[false]], false],
  ])("%j reads as %j", (value, expected) => {
    expect(readBooleanOption(value, "include_contraction", true)).toBe(expected);
  });

  it("anything else names the argument", () => {
    expect(described(errorOf(() => readBooleanOption("yes", "include_contraction", true)))).toEqual(
      { kind: "value", code: "option.notBoolean", at: "include_contraction" }
    );
    expect(errorOf(() => readBooleanOption([[1, 0]], "include_contraction", true))).toMatchObject({
      code: "option.singleValue",
      params: { argument: { argument: "include_contraction" }, cells: 2 },
    });
  });
});

describe("a header row of real dates is never read as revenue", () => {
  it.each([
    ["month starts", [45292, 45323], ["2024-01-01", "2024-02-01"]],
    ["month ends", [45322, 45351], ["2024-01-31", "2024-02-29"]],
    ["quarter starts", [45292, 45383, 45474], ["2024-01-01", "2024-04-01", "2024-07-01"]],
  ])("%s look like a header of dates", (_why, cells, dates) => {
    expect(periodDateHeader(cells)).toEqual(dates);
  });

  it.each([
    ["mid-month days", [45300, 45331]],
    ["running backwards", [45323, 45292]],
    ["fractions", [45292.5, 45323]],
    ["small amounts", [100, 200]],
    ["text", ["2024-01", "2024-02"]],
    ["one cell", [45292]],
  ])("%s do not", (_why, cells) => {
    expect(periodDateHeader(cells)).toBeUndefined();
  });

  it("two revenue columns selected with date headers are refused, naming the dates", () => {
    const error = errorOf(() => readRevenueInput(col(45292, 100), col(45323, 120), null, null));
    expect(error).toMatchObject({
      code: "range.dateHeaderPair",
      params: { startDate: "2024-01-01", endDate: "2024-02-01" },
    });
  });

  it("a customer whose revenue is not a pair of period dates is read as revenue", () => {
    expect(readRevenueInput(col(45300, 100), col(45310, 120), null, null).startMrr.values[0]).toBe(
      45300
    );
  });
});
