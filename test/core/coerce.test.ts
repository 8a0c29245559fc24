/**
 * Bad input for the revenue and score readers: each case states the error kind and the exact
 * message (argument, row, value), as shared/spec/functions.md requires.
 */
import { describe, expect, it } from "vitest";
import {
  NPS_SCALE,
  periodDateHeader,
  readBooleanOption,
  readRevenue,
  readRevenueInput,
  readScores,
} from "../../src/core";
import { errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

describe("revenue cells", () => {
  const cases: { why: string; range: unknown; kind: string; message: string }[] = [
    {
      why: "a number stored as text, with a hint",
      range: col(100, 200, "1,200"),
      kind: "value",
      message:
        'end_mrr row 3: "1,200" is text, not a number (a number stored as text? convert it with VALUE)',
    },
    {
      why: "a word",
      range: col(100, "n/a"),
      kind: "value",
      message: 'end_mrr row 2: "n/a" is text, not a number; revenue amounts must be numbers',
    },
    {
      why: "a numeric-looking first row is not a header",
      range: col("100", 200),
      kind: "value",
      message:
        'end_mrr row 1: "100" is text, not a number (a number stored as text? convert it with VALUE)',
    },
    {
      why: "a logical value",
      range: col(100, true),
      kind: "value",
      message: "end_mrr row 2: TRUE is a logical value, not a number",
    },
    {
      why: "a negative amount",
      range: col(100, -5),
      kind: "value",
      message: "end_mrr row 2: -5 is negative; revenue cannot be below 0",
    },
    {
      why: "NaN",
      range: col(Number.NaN),
      kind: "value",
      message: "end_mrr row 1: NaN is not a finite number",
    },
    {
      why: "Infinity",
      range: col(Infinity),
      kind: "value",
      message: "end_mrr row 1: Infinity is not a finite number",
    },
    {
      why: "an #N/A passed in keeps its code and says where it was",
      range: col(100, { code: "#N/A" }),
      kind: "na",
      message: "end_mrr row 2 holds #N/A",
    },
    {
      why: "an error's own message is passed on unchanged",
      range: col({ code: "#VALUE!", message: "upstream problem" }),
      kind: "value",
      message: "upstream problem",
    },
    {
      why: "#DIV/0! is passed on",
      range: col({ code: "#DIV/0!" }),
      kind: "div0",
      message: "end_mrr row 1 holds #DIV/0!",
    },
    {
      why: "a data-type error is passed on",
      range: col({ type: "Error", errorType: "Num", basicValue: "#NUM!" }),
      kind: "num",
      message: "end_mrr row 1 holds #NUM!",
    },
    {
      why: "#REF! cannot be returned by a custom function: #VALUE! naming it",
      range: col({ code: "#REF!" }),
      kind: "value",
      message: "end_mrr row 1 holds #REF!; correct that cell first",
    },
    {
      why: "an entity is not a number",
      range: col({ type: "Entity", text: "Contoso", properties: {} }),
      kind: "value",
      message: 'end_mrr row 1: a data type (Entity "Contoso") is not a number',
    },
    {
      why: "2-D ranges name row and column",
      range: [
        [1, 2],
        [3, "x"],
      ],
      kind: "value",
      message:
        'end_mrr row 2, column 2: "x" is text, not a number; revenue amounts must be numbers',
    },
    {
      why: "a single row names the column",
      range: [[1, 2, false]],
      kind: "value",
      message: "end_mrr column 3: FALSE is a logical value, not a number",
    },
    {
      why: "row numbers count the header row, as the user sees the selection",
      range: col("End MRR", 100, "oops"),
      kind: "value",
      message: 'end_mrr row 3: "oops" is text, not a number; revenue amounts must be numbers',
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const error = errorOf(() => readRevenue(c.range, "end_mrr"));
      expect(error.kind).toBe(c.kind);
      expect(error.message).toBe(c.message);
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
    expect(error.message).toContain("start_mrr row 2");
  });

  it("ranges of different shapes", () => {
    const error = errorOf(() => readRevenueInput(col(1, 2, 3), col(1, 2), null, null));
    expect(error.kind).toBe("value");
    expect(error.message).toBe(
      "start_mrr and end_mrr must be the same shape, one value per customer: start_mrr has 3 rows × 1 column, end_mrr has 2 rows × 1 column"
    );
  });

  it("each range drops its own header before shapes are compared", () => {
    const input = readRevenueInput(col("Jan", 1, 2), col(1, 3), null, null);
    expect(input.startMrr.rows).toBe(2);
    expect(input.endMrr.rows).toBe(2);
  });
});

describe("NPS scores", () => {
  const cases: { why: string; range: unknown; message: string }[] = [
    {
      why: "11 is off the scale",
      range: col(9, 11),
      message: "scores row 2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "-1 is off the scale",
      range: col(-1),
      message: "scores row 1: -1 is outside the scale; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "7.5 is never rounded",
      range: col(7.5),
      message: "scores row 1: 7.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
    },
    {
      why: "text",
      range: col("Score", 9, "ten"),
      message: 'scores row 3: "ten" is text, not a number; NPS scores must be numbers',
    },
    {
      why: "a logical value",
      range: col(false),
      message: "scores row 1: FALSE is a logical value, not a number",
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const error = errorOf(() => readScores(c.range, "scores", NPS_SCALE));
      expect(error.kind).toBe("value");
      expect(error.message).toBe(c.message);
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
    expect(errorOf(() => readBooleanOption("yes", "include_contraction", true)).message).toBe(
      'include_contraction: "yes" is not TRUE or FALSE'
    );
    expect(errorOf(() => readBooleanOption([[1, 0]], "include_contraction", true)).message).toBe(
      "include_contraction must be a single value, not a range of 2 cells"
    );
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
    expect(error.message).toBe(
      "start_mrr row 1 and end_mrr row 1 hold the dates 2024-01-01 and 2024-02-01 (a header row of dates), not revenue: select the rows below the header, or make the header text such as 2024-01"
    );
  });

  it("a customer whose revenue is not a pair of period dates is read as revenue", () => {
    expect(readRevenueInput(col(45300, 100), col(45310, 120), null, null).startMrr.values[0]).toBe(
      45300
    );
  });
});
