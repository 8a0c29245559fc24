/**
 * Trust at the boundary, through the built bundle as Excel calls it: the inputs real sheets
 * produce every day (an off-by-one selection, a credit note, a stray floating-point residue, ids
 * that differ in case or type, huge amounts) give the right figure or a clear error, never a
 * plausible wrong number. The random laws behind each case are in boundary.properties.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  type ErrorResult,
  callAsExcel,
  callWithAddresses,
  column,
  loadBundle,
} from "../support/bundle";
import { argsByName, revenueFunctionsWithSegments } from "../support/functions";

const SEGMENT_FUNCTIONS = revenueFunctionsWithSegments();

/** The arguments with segments in its place, wherever the function has it. */
function argsWithSegments(fn: string, start: unknown, end: unknown, segments: unknown) {
  return argsByName(fn, { start_mrr: start, end_mrr: end, segments });
}

describe("off-by-one segments are refused, never shifted", () => {
  it('=SAAS.NRR({100;50},{10;90},{"a";"b";"c"}) is #VALUE! naming both shapes (it spilled b 0.1 / c 1.8)', () => {
    expect(callAsExcel("NRR", column(100, 50), column(10, 90), column("a", "b", "c"))).toEqual({
      error: "#VALUE!",
      message:
        "segments has 3 rows × 1 column and start_mrr 2 rows × 1 column without a header row: one row more, so every label would sit one row off; select segments over the same rows as start_mrr",
    });
  });

  it("the save rate over flags selected one row too long is #VALUE! (it gave 1; aligned it is 0.5)", () => {
    const start = column(100, 50, 70);
    const end = column(0, 90, 10);
    expect(
      (
        callAsExcel(
          "LOGORETENTION",
          start,
          end,
          column(true, false, true, true),
          true
        ) as ErrorResult
      ).error
    ).toBe("#VALUE!");
    expect(callAsExcel("LOGORETENTION", start, end, column(true, false, true), true)).toBe(0.5);
  });

  for (const fn of SEGMENT_FUNCTIONS) {
    it(`SAAS.${fn}: a first row that is a number is no header either`, () => {
      const result = callAsExcel(
        fn,
        ...argsWithSegments(fn, column(100, 50), column(10, 90), column(2024, "a", "b"))
      ) as ErrorResult;
      expect(result.error).toBe("#VALUE!");
      expect(result.message).toContain("one row more, so every label would sit one row off");
    });
  }

  it("segments selected with the header rows of the data line up", () => {
    expect(
      callAsExcel("NRR", column("Jan", 100, 50), column("Feb", 10, 90), column("Plan", "a", "b"))
    ).toEqual([
      ["a", 0.1],
      ["b", 1.8],
      ["Total", 100 / 150],
    ]);
  });

  it("survey segments follow the same rule", () => {
    expect((callAsExcel("NPS", column(9, 3), column("a", "b", "c")) as ErrorResult).error).toBe(
      "#VALUE!"
    );
    expect(callAsExcel("NPS", column("NPS", 9, 3), column("Plan", "a", "b"))).toEqual([
      ["a", 100],
      ["b", -100],
      ["Total", 0],
    ]);
  });
});

describe("money: residues of floating point are 0", () => {
  const refund = {
    customers: column("Acme", "Acme", "Acme", "Beta", "Acme", "Beta"),
    dates: column(
      "2024-01-03",
      "2024-01-04",
      "2024-01-05",
      "2024-01-05",
      "2024-02-03",
      "2024-02-05"
    ),
    amounts: column(99.9, -33.3, -66.6, 50, 99.9, 50),
  };

  it("99.90 charged and 33.30 + 66.60 credited in the month is exactly 0 (it gave 1.42e-14)", () => {
    const matrix = callAsExcel("MRRMATRIX", refund.customers, refund.dates, refund.amounts);
    expect(matrix).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["Acme", 0, 99.9],
      ["Beta", 50, 50],
    ]);
  });

  it("a refunded customer paid nothing: churned, not contracted, and not retained", () => {
    const matrix = callAsExcel("MRRMATRIX", refund.customers, refund.dates, refund.amounts);
    const rows = (matrix as unknown[][]).slice(1);
    const previous = column(99.9, 50); // December: both paid
    const january = rows.map((row) => [row[1]]);
    expect(callAsExcel("MOVEMENT", previous, january)).toEqual([["churn"], ["flat"]]);
    expect(callAsExcel("LOGORETENTION", previous, january)).toBe(0.5);
    expect(callAsExcel("MRRBRIDGE", previous, january)).toEqual([
      ["Starting MRR", 149.9],
      ["New", 0],
      ["Reactivation", 0],
      ["Expansion", 0],
      ["Contraction", 0],
      ["Churn", -99.9],
      ["Ending MRR", 50],
    ]);
    expect(callAsExcel("COHORT", [[99.9, 0]], "logo")).toEqual([
      ["cohort", 0, 1],
      [1, 1, 0],
    ]);
  });

  it("a revenue cell holding =0.1+0.2-0.3 or =0.3-0.2-0.1 is 0, next to real revenue", () => {
    expect(callAsExcel("NRR", column(100, 0.3 - 0.2 - 0.1), column(110, 0))).toBe(1.1);
    expect(callAsExcel("LOGORETENTION", column(100, 0.1 + 0.2 - 0.3), column(110, 0))).toBe(1);
    expect(callAsExcel("MOVEMENT", column(100, 0.1 + 0.2 - 0.3), column(110, 50))).toEqual([
      ["expansion"],
      ["new"],
    ]);
  });

  it("expansion is summed customer by customer: no digits lost on a book of 1e12", () => {
    // 1,000 customers near 1e9 each add a few cents. Each e − s is exact in floating point;
    // Σe − Σs over the whole book is not (both sums round near 1e12).
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const s = 1e9 + i * 1234.56;
      starts.push(s);
      ends.push(s + ((i % 97) + 1) / 100);
    }
    let exact = 0;
    let compensation = 0; // Neumaier: the exact differences summed without loss
    for (let i = 0; i < starts.length; i++) {
      const term = (ends[i] as number) - (starts[i] as number);
      const t = exact + term;
      compensation += Math.abs(exact) >= Math.abs(term) ? exact - t + term : term - t + exact;
      exact = t;
    }
    exact += compensation;
    const bridge = callAsExcel("MRRBRIDGE", column(...starts), column(...ends)) as unknown[][];
    const expansion = bridge[3]?.[1] as number;
    expect(Math.abs(expansion - exact) / exact).toBeLessThan(1e-12);
    // The old way is measurably off, so this test tells the two apart.
    const naive = ends.reduce((a, b) => a + b, 0) - starts.reduce((a, b) => a + b, 0);
    expect(Math.abs(naive - exact) / exact).toBeGreaterThan(1e-11);
  });
});

describe("ids compare as Excel's lookups compare them", () => {
  it("Acme and ACME are one customer; 1001 stays a number, apart from the text 1001", () => {
    expect(
      callAsExcel(
        "MRRMATRIX",
        column("Acme", " ACME", 1001, "1001", 1001),
        column(45292, 45292, 45292, 45292, 45323),
        column(10, 20, 30, 40, 50)
      )
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["Acme", 30, 0],
      [1001, 30, 50],
      ["1001", 40, 0],
    ]);
  });

  it("MRRMATRIX.SEGMENTS gives ACME Acme's segment, as the matrix merges them", () => {
    const customers = column("Customer", "Acme", "Beta", "ACME");
    const dates = column("Date", 45292, 45292, 45323);
    const amounts = column("Amount", 100, 50, 100);
    const segments = column("Plan", "SMB", "Enterprise", "Enterprise");
    const matrix = callAsExcel("MRRMATRIX", customers, dates, amounts) as unknown[][];
    const labels = callAsExcel("MRRMATRIX.SEGMENTS", customers, dates, amounts, segments);
    expect(labels).toEqual([["Plan"], ["SMB"], ["Enterprise"]]);
    // NRR by segment over the matrix's columns selected from its first row, beside the labels.
    const january = matrix.map((row) => [row[1]]);
    const february = matrix.map((row) => [row[2]]);
    expect(callAsExcel("NRR", january, february, labels)).toEqual([
      ["SMB", 1], // Acme: 100 in January, 100 in February (as ACME)
      ["Enterprise", 0], // Beta left
      ["Total", 100 / 150],
    ]);
  });

  it("a segment typed as text for a column of numbers says what would match", () => {
    expect(callAsExcel("NRR", column(100, 50), column(90, 60), column(2024, 2025), "2024")).toEqual(
      {
        error: "#N/A",
        message:
          'segment "2024" matches no row of segments (segments holds the number 2024: give segment without quotes)',
      }
    );
    expect(callAsExcel("NRR", column(100, 50), column(90, 60), column(2024, 2025), 2024)).toBe(0.9);
  });
});

describe("domain and overflow", () => {
  it("=SAAS.ANNUALIZE(-0.01) annualises a negative net churn: −0.1268", () => {
    expect(callAsExcel("ANNUALIZE", -0.01)).toBeCloseTo(1 - 1.01 ** 12, 14);
    expect(callAsExcel("ANNUALIZE", -0.01)).toBeCloseTo(-0.1268, 4);
  });

  it("MRRBRIDGE and MRRMATRIX near 1e308 are #NUM!, never Infinity", () => {
    expect(callAsExcel("MRRBRIDGE", column(1e308, 1e308), column(1e308, 1e308))).toEqual({
      error: "#NUM!",
      message: undefined,
    });
    expect(
      callAsExcel("MRRMATRIX", column("A", "A"), column(45292, 45293), column(1e308, 1e308))
    ).toEqual({ error: "#NUM!", message: undefined });
  });

  it("NRR of a start that overflows is #NUM!, not 0 (2 / Infinity)", () => {
    expect(callAsExcel("NRR", column(1e308, 1e308), column(1, 1))).toEqual({
      error: "#NUM!",
      message: undefined,
    });
  });

  it("a spill that would not fit on a sheet is #VALUE! saying so", () => {
    const result = callAsExcel("COHORT", [Array.from({ length: 16_384 }, () => 1)]) as ErrorResult;
    expect(result).toEqual({
      error: "#VALUE!",
      message:
        "the result would be 2 rows × 16385 columns, more than a sheet holds (1048576 rows × 16384 columns); select fewer rows or columns",
    });
  });
});

describe("messages point at the sheet cell when Excel gives the arguments' addresses", () => {
  it("end_mrr selected without its header: the value in AB17 is named AB17, not row 16", () => {
    const end = column(...Array.from({ length: 16 }, (_, i) => (i === 15 ? "1,200" : 100)));
    const start = column(...Array.from({ length: 16 }, () => 100));
    const result = callWithAddresses(
      { caller: "Sheet1!A1", parameters: ["Sheet1!AA2:AA17", "Sheet1!AB2:AB17", "", ""] },
      "NRR",
      start,
      end
    ) as ErrorResult;
    expect(result.message).toBe(
      'end_mrr AB17: "1,200" is text, not a number (a number stored as text? convert it with VALUE)'
    );
    // Without addresses (the playground of old, an older host): the row within the range.
    expect((callAsExcel("NRR", start, end) as ErrorResult).message).toMatch(/^end_mrr row 16: /);
  });

  it("a range on another sheet is named with its sheet, quoted as a formula quotes it", () => {
    const result = callWithAddresses(
      {
        caller: "Summary!B2",
        parameters: ["'Q1 data'!$C$2:$C$5", "'Q1 data'!$D$2:$D$5", "", ""],
      },
      "GRR",
      column(100, 100, -5, 100),
      column(100, 100, 100, 100)
    ) as ErrorResult;
    expect(result.message).toBe(
      "start_mrr 'Q1 data'!C4: -5 is negative; revenue cannot be below 0"
    );
  });

  it("a whole column, and a 2-D block, name the right cell", () => {
    const wholeColumn = callWithAddresses(
      { caller: "Data!H1", parameters: ["Data!B:B", "Data!C:C", "", ""] },
      "NRR",
      column("Start", 100, true),
      column("End", 100, 100)
    ) as ErrorResult;
    expect(wholeColumn.message).toBe("start_mrr B3: TRUE is a logical value, not a number");
    const block = callWithAddresses(
      { caller: "Data!A1", parameters: ["Data!C2:F4", ""] },
      "COHORT",
      [
        [1, 2, 3, 4],
        [5, 6, "x", 8],
      ]
    ) as ErrorResult;
    expect(block.message).toMatch(/^mrr_matrix E3: "x" is text/);
  });

  it("an argument that is not a range (an array, a literal) keeps the row form", () => {
    const result = callWithAddresses(
      { caller: "Sheet1!A1", parameters: ["", "", "", ""] },
      "NRR",
      column(100, 200),
      column(90, "abc")
    ) as ErrorResult;
    expect(result.message).toMatch(/^end_mrr row 2: "abc" is text/);
  });

  it("in Chinese too", () => {
    const result = callWithAddresses(
      {
        caller: "Sheet1!A1",
        parameters: ["Sheet1!B2:B3", "Sheet1!C2:C3", "", ""],
        displayLanguage: "zh-CN",
      },
      "NRR",
      column(100, 200),
      column(90, "abc")
    ) as ErrorResult;
    expect(result.message).toMatch(/^期末收入 C3：“abc” 是文本/);
  });

  it("every function asks Excel for its arguments' addresses", () => {
    for (const fn of loadBundle().metadata.functions as {
      id: string;
      options?: Record<string, boolean>;
    }[]) {
      expect(fn.options, fn.id).toMatchObject({
        requiresAddress: true,
        requiresParameterAddresses: true,
      });
    }
  });
});
