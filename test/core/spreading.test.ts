/**
 * SAAS.MRRMATRIX with `covers` (shared/spec/metrics.md, "From billing lines to MRR"): the spec's
 * worked examples, what `covers` reads, the run rate of lines shorter than a month, end-of-period
 * MRR for quarters and years, the errors; then the laws on random ledgers (fast-check): spreading
 * keeps every cent, the order of the lines never matters, MRRMATRIX.SEGMENTS keeps the rows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LineCovers,
  type ResultTable,
  coveredMrrMatrix,
  isoDateToSerial,
  matrixSegments,
  readCovers,
  readLedger,
} from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

function matrixOf(
  ids: unknown[],
  dates: unknown[],
  amounts: unknown[],
  covers: unknown,
  unit: "month" | "quarter" | "year" = "month"
): ResultTable {
  const ledger = readLedger(col(...ids), col(...dates), col(...amounts), unit);
  return coveredMrrMatrix(ledger, readCovers(covers, ledger) as LineCovers);
}

/** The months' header of a matrix from `first` (yyyy-mm) for `count` months. */
function months(first: string, count: number): string[] {
  const [year, month] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const index = year * 12 + month - 1 + k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  });
}

describe("the spec's worked examples", () => {
  it("2,000 billed 2024-01-10 for a year: 166.67 in every month Jan–Dec 2024, 0 in Jan 2025 unless renewed", () => {
    // A second customer billed in January 2025 makes that month a column of the matrix.
    const table = matrixOf(
      ["A", "B"],
      ["2024-01-10", "2025-01-05"],
      [2000, 10],
      col("year", "month")
    );
    expect(table[0]).toEqual(["customer", ...months("2024-01", 13)]);
    const a = table[1]?.slice(1) as number[];
    a.slice(0, 12).forEach((mrr) => expect(mrr).toBe(2000 / 12));
    expect((2000 / 12).toFixed(2)).toBe("166.67");
    expect(a[12]).toBe(0);
    // Renewed on 2025-01-10: no gap.
    const renewed = matrixOf(["A", "A"], ["2024-01-10", "2025-01-10"], [2000, 2400], "year");
    expect(renewed[1]?.slice(1)).toEqual([...Array(12).fill(2000 / 12), ...Array(12).fill(200)]);
  });

  it("90 billed 2024-02-01 for a quarter: 30 in Feb, Mar and Apr", () => {
    expect(matrixOf(["A"], ["2024-02-01"], [90], "quarter")).toEqual([
      ["customer", ...months("2024-02", 3)],
      ["A", 30, 30, 30],
    ]);
  });

  it("100 customers on 100 a month and 50 on 600 a year: MRR 12,500", () => {
    const ids: string[] = [];
    const dates: string[] = [];
    const amounts: number[] = [];
    const covers: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(`M${i}`);
      dates.push(`2024-03-${String(1 + (i % 28)).padStart(2, "0")}`);
      amounts.push(100);
      covers.push("month");
    }
    for (let i = 0; i < 50; i++) {
      ids.push(`Y${i}`);
      dates.push(`2024-03-${String(1 + (i % 28)).padStart(2, "0")}`);
      amounts.push(600);
      covers.push("year");
    }
    const table = matrixOf(ids, dates, amounts, col(...covers));
    const march = table.slice(1).reduce((sum, row) => sum + (row[1] as number), 0);
    expect(march).toBe(12_500);
  });

  it("99.90 charged and 33.30 + 66.60 credited in the month: exactly 0", () => {
    expect(
      matrixOf(
        ["A", "A", "A", "A"],
        ["2024-01-05", "2024-02-05", "2024-02-20", "2024-02-21"],
        [99.9, 99.9, -33.3, -66.6],
        "month"
      )
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 99.9, 0],
    ]);
    // The same credits on a yearly plan: each month's 1/12 nets to exactly 0 too.
    const yearly = matrixOf(
      ["A", "A", "A"],
      ["2024-02-05", "2024-02-20", "2024-02-21"],
      [99.9, -33.3, -66.6],
      "year"
    );
    expect(yearly[1]?.slice(1)).toEqual(Array(12).fill(0));
  });

  it("a weekly subscriber paying 25 a week: MRR 108.33 (not 100 or 125)", () => {
    const table = matrixOf(
      ["A", "A", "A", "A", "A"],
      ["2024-01-02", "2024-01-09", "2024-01-16", "2024-01-23", "2024-01-30"],
      [25, 25, 25, 25, 25],
      "Week"
    );
    expect(table[1]?.[1] as number).toBeCloseTo((25 * 52) / 12, 12);
    expect((table[1]?.[1] as number).toFixed(2)).toBe("108.33");
  });
});

describe("what covers reads", () => {
  const one = (covers: unknown, date = "2024-01-10", amount = 1200) =>
    matrixOf(["A"], [date], [amount], covers)[1]?.slice(1);

  it.each([
    ["month", 1],
    [" QUARTER ", 3],
    ["Year", 12],
    [1, 1],
    [6, 6],
    [24, 24],
    [600, 600],
    // End dates: the last day covered and the first day no longer covered give the same months.
    ["2025-01-09", 12],
    ["2025-01-10", 12],
    [isoDateToSerial("2025-01-09"), 12],
    [isoDateToSerial("2025-01-10") + 0.75, 12], // a time of day is ignored
    [new Date(2024, 3, 9), 3],
    ["2024-04-10", 3],
    ["2024-02-25", 2], // 46 days: 1.51 months
    ["2024-02-24", 1], // 45 days: 1.48 months
    ["2024-01-26", 1], // 16 days: half a month or more
  ] as [unknown, number][])("%j covers %s months", (covers, n) => {
    const row = one(covers) as number[];
    expect(row).toHaveLength(n);
    row.forEach((mrr) => expect(mrr).toBeCloseTo(1200 / n, 12));
  });

  it("an end date less than half a month after the line sets a run rate: amount × 365.25 / 12 / days", () => {
    const rate = (covers: string) => (one(covers) as number[])[0] as number;
    expect(rate("2024-01-25")).toBeCloseTo((1200 * 365.25) / 12 / 15, 9); // 15 days
    expect(rate("2024-01-17")).toBeCloseTo((1200 * 365.25) / 12 / 7, 9);
    expect(rate("2024-01-11")).toBeCloseTo((1200 * 365.25) / 12 / 1, 9);
    expect(one("2024-01-25")).toHaveLength(1);
  });

  it("a week's rate is × 52 / 12", () => {
    expect((one("week", "2024-01-10", 25) as number[])[0] as number).toBeCloseTo(
      (25 * 52) / 12,
      12
    );
  });

  it("one value for all lines, or one per line in the rows of customers (header skipped with theirs)", () => {
    const ledger = readLedger(
      col("Customer", "A", "B"),
      col("Date", "2024-01-01", "2024-01-01"),
      col("Amount", 300, 120),
      "month"
    );
    const covers = readCovers(col("Interval", "quarter", 12), ledger) as LineCovers;
    expect([...covers.months]).toEqual([3, 12]);
    expect([...(readCovers("month", ledger) as LineCovers).months]).toEqual([1, 1]);
    expect(readCovers(null, ledger)).toBeUndefined();
    expect(readCovers([[null]], ledger)).toBeUndefined();
  });

  it("empty ledger rows are skipped whatever their covers cell holds", () => {
    expect(
      matrixOf(
        ["A", null, "A"],
        ["2024-01-01", null, "2024-02-01"],
        [10, null, 20],
        col("month", "junk", "month")
      )
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 10, 20],
    ]);
  });
});

describe("lines shorter than a month", () => {
  it("the month's rate is its last charge date's: an upgrade to 30 a week on the last week counts alone", () => {
    const table = matrixOf(
      ["A", "A", "A"],
      ["2024-01-02", "2024-01-09", "2024-01-16"],
      [25, 25, 30],
      "week"
    );
    expect(table[1]?.[1] as number).toBeCloseTo((30 * 52) / 12, 12);
  });

  it("lines of one date add up (two weekly subscriptions billed the same day), in any order", () => {
    const rate = (amounts: number[], dates: string[]) =>
      matrixOf(
        amounts.map(() => "A"),
        dates,
        amounts,
        "week"
      )[1]?.[1] as number;
    expect(rate([10, 25, 15], ["2024-01-02", "2024-01-09", "2024-01-09"])).toBeCloseTo(
      (40 * 52) / 12,
      12
    );
    expect(rate([15, 25, 10], ["2024-01-09", "2024-01-09", "2024-01-02"])).toBeCloseTo(
      (40 * 52) / 12,
      12
    );
  });

  it("a week refunded after its charge leaves 0: credits on or after the last charge date count", () => {
    const table = matrixOf(
      ["A", "A", "A", "A"],
      ["2024-01-02", "2024-01-09", "2024-01-16", "2024-01-18"],
      [25, 25, 25, -25],
      "week"
    );
    expect(table[1]?.[1]).toBe(0);
  });

  it("a credit before the month's last charge is superseded by it", () => {
    const table = matrixOf(
      ["A", "A", "A"],
      ["2024-01-02", "2024-01-03", "2024-01-09"],
      [25, -25, 30],
      "week"
    );
    expect(table[1]?.[1] as number).toBeCloseTo((30 * 52) / 12, 12);
  });

  it("a charge of 0 on the last date (a free plan) sets the rate to 0: churn, as the spec's paid → free", () => {
    const table = matrixOf(["A", "A"], ["2024-01-02", "2024-01-29"], [25, 0], "week");
    expect(table[1]?.[1]).toBe(0);
  });

  it("a run rate adds to what spread lines give the month", () => {
    const table = matrixOf(
      ["A", "A"],
      ["2024-01-05", "2024-01-20"],
      [1200, 10],
      col("year", "week")
    );
    expect(table[1]?.[1]).toBeCloseTo(100 + (10 * 52) / 12, 12);
    expect(table[1]?.[2]).toBe(100);
  });
});

describe("quarters and years hold the MRR at the end of the period", () => {
  it("a year billed in February: Q1–Q4 2024 at the monthly rate, Q1 2025 ends after it (0)", () => {
    expect(matrixOf(["A"], ["2024-02-15"], [1200], "year", "quarter")).toEqual([
      ["customer", "2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01"],
      ["A", 100, 100, 100, 100, 0],
    ]);
    expect(matrixOf(["A"], ["2024-02-15"], [1200], "year", "year")).toEqual([
      ["customer", "2024-01-01", "2025-01-01"],
      ["A", 100, 0],
    ]);
  });

  it("monthly lines in a quarter: the last month's MRR, never their sum", () => {
    expect(
      matrixOf(
        ["A", "A", "A"],
        ["2024-01-03", "2024-02-03", "2024-03-03"],
        [100, 100, 120],
        "month",
        "quarter"
      )
    ).toEqual([
      ["customer", "2024-01-01"],
      ["A", 120],
    ]);
  });
});

describe("refused, with a message naming the cell", () => {
  const ledger = () =>
    readLedger(col("A", "B"), col("2024-01-10", "2024-01-10"), col(10, 20), "month");
  it.each([
    ["negative months", -12, { code: "covers.notCovers", at: "covers" }],
    ["zero months", 0, { code: "covers.notCovers", at: "covers" }],
    ["a fraction of a month", 1.5, { code: "covers.notCovers", at: "covers" }],
    ["an unknown word", "annual", { code: "covers.notCovers", at: "covers" }],
    ["text that is not a date", "2024-13-01", { code: "covers.notCovers", at: "covers" }],
    ["a logical value", true, { code: "covers.notCovers", at: "covers" }],
    ["an end before the start", "2024-01-01", { code: "covers.endNotAfterStart", at: "covers" }],
    ["an end on the start", "2024-01-10", { code: "covers.endNotAfterStart", at: "covers" }],
    ["a blank line", col("month", null), { code: "covers.notCovers", at: "covers row 2" }],
    ["one row short", col("month"), null],
    ["one row too many", col("month", "month", "month"), { code: "covers.rows" }],
    [
      "two columns",
      [
        ["month", "year"],
        ["month", "year"],
      ],
      { code: "range.oneColumn" },
    ],
  ] as [string, unknown, { code: string; at?: string } | null][])(
    "%s",
    (_why, covers, expected) => {
      if (expected === null) return; // one cell is one value for all
      expect(described(errorOf(() => readCovers(covers, ledger())))).toEqual({
        kind: "value",
        ...expected,
      });
    }
  );

  it("an error value in covers is passed on", () => {
    expect(described(errorOf(() => readCovers(col("month", { code: "#N/A" }), ledger())))).toEqual({
      kind: "na",
      code: "cell.errorValue",
      at: "covers row 2",
    });
  });

  it("a month whose credits exceed its charges names the customer and the month", () => {
    const error = errorOf(() =>
      matrixOf(["A", "A"], ["2024-01-10", "2024-03-01"], [1200, -200], col("year", "month"))
    );
    expect(error.code).toBe("ledger.negativeTotal");
    expect(error.params["start"]).toBe("2024-03-01");
    expect(error.params["customer"]).toEqual({ label: "A" });
  });

  it("a service period longer than a sheet is wide is refused before anything is spread", () => {
    expect(errorOf(() => matrixOf(["A"], ["1900-01-10"], [1], "9999-12-01")).code).toBe(
      "ledger.tooLarge"
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Laws on random ledgers.

const ISO = (day: number) => {
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return date.toISOString().slice(0, 10);
};
const FIRST_DAY = isoDateToSerial("2023-01-01");

/** A random line: customer, day, whole cents, and what it covers. */
const line = fc.record({
  customer: fc.constantFrom("A", "b", " B ", "C", 7, "7"),
  day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 800 }),
  cents: fc.integer({ min: 1, max: 10_000_000 }),
  covers: fc.oneof(
    fc.constantFrom<unknown>("month", "quarter", "year", "Year", 1, 2, 6, 12, 36),
    fc.integer({ min: 16, max: 1500 }).map((days) => ({ endAfter: days })),
    fc.integer({ min: 17, max: 1500 }).map((days) => ({ endAfter: days, lastDayCovered: true }))
  ),
});

function coverCell(cover: unknown, day: number): unknown {
  if (typeof cover !== "object" || cover === null) return cover;
  const { endAfter, lastDayCovered } = cover as { endAfter: number; lastDayCovered?: boolean };
  return ISO(day + endAfter - (lastDayCovered ? 1 : 0));
}

describe("laws of spreading", () => {
  it("spreading keeps every cent: a line's contributions over its months add up to its amount", () => {
    fc.assert(
      fc.property(line, (l) => {
        const table = matrixOf(
          [l.customer],
          [l.day],
          [l.cents / 100],
          col(coverCell(l.covers, l.day))
        );
        const total = (table[1]?.slice(1) as number[]).reduce((a, b) => a + b, 0);
        expect(Math.round(total * 100)).toBe(l.cents);
      }),
      { numRuns: 500 }
    );
  });

  it("a ledger's matrix holds every cent of every line spread (lines of a month or more)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const table = matrixOf(
          lines.map((l) => l.customer),
          lines.map((l) => l.day),
          lines.map((l) => l.cents / 100),
          col(...lines.map((l) => coverCell(l.covers, l.day)))
        );
        const total = table
          .slice(1)
          .reduce((sum, row) => sum + (row.slice(1) as number[]).reduce((a, b) => a + b, 0), 0);
        const cents = lines.reduce((sum, l) => sum + l.cents, 0);
        expect(Math.abs(total * 100 - cents)).toBeLessThan(0.5);
      }),
      { numRuns: 300 }
    );
  });

  it("reordering the ledger's lines changes nothing but the order of the customers' rows", () => {
    const anyLine = fc.record({
      customer: fc.constantFrom("A", "b", " B ", "C"),
      day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 120 }),
      cents: fc.integer({ min: -2000, max: 50_000 }),
      covers: fc.oneof(
        fc.constantFrom<unknown>("week", "month", "quarter", "year", 2),
        fc.integer({ min: 1, max: 200 }).map((days) => ({ endAfter: days }))
      ),
    });
    fc.assert(
      fc.property(
        fc
          .array(anyLine, { minLength: 1, maxLength: 25 })
          .chain((lines) =>
            fc.tuple(
              fc.constant(lines),
              fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })
            )
          ),
        fc.constantFrom("month" as const, "quarter" as const, "year" as const),
        ([lines, shuffled], unit) => {
          const outcome = (ls: typeof lines) => {
            try {
              const table = matrixOf(
                ls.map((l) => l.customer),
                ls.map((l) => l.day),
                ls.map((l) => l.cents / 100),
                col(...ls.map((l) => coverCell(l.covers, l.day))),
                unit
              );
              const rows = new Map(
                table.slice(1).map((row) => [String(row[0]).trim().toLowerCase(), row.slice(1)])
              );
              return { header: table[0], rows };
            } catch (error) {
              return { error: (error as { code?: string }).code };
            }
          };
          const a = outcome(lines);
          const b = outcome(shuffled);
          if ("error" in a || "error" in b) {
            // Only which cell is named first may differ: both refuse, for the same reason.
            expect("error" in b && "error" in a).toBe(true);
            expect((b as { error?: string }).error).toBe((a as { error?: string }).error);
            return;
          }
          expect(b.header).toEqual(a.header);
          for (const [id, row] of a.rows) {
            (row as number[]).forEach((mrr, m) =>
              expect(b.rows.get(id)?.[m] as number).toBeCloseTo(mrr, 6)
            );
          }
        }
      ),
      { numRuns: 400 }
    );
  });

  it("MRRMATRIX.SEGMENTS keeps the matrix's rows whatever covers does", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const ledger = readLedger(
          col(...lines.map((l) => l.customer)),
          col(...lines.map((l) => l.day)),
          col(...lines.map((l) => l.cents / 100)),
          "quarter"
        );
        const table = coveredMrrMatrix(
          ledger,
          readCovers(col(...lines.map((l) => coverCell(l.covers, l.day))), ledger) as LineCovers
        );
        const segments = matrixSegments(
          ledger,
          col(...lines.map((l) => `seg ${String(l.customer).trim().toLowerCase()}`))
        );
        expect(segments).toHaveLength(table.length);
        table
          .slice(1)
          .forEach((row, r) =>
            expect(segments[r + 1]?.[0]).toBe(`seg ${String(row[0]).trim().toLowerCase()}`)
          );
      }),
      { numRuns: 200 }
    );
  });
});
