/**
 * SAAS.MRRMATRIX's core: a ledger (customer, date, amount) into the customers × periods matrix,
 * by hand and by round trip from a known matrix (fast-check, 1,000 runs).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortTable, mrrMatrix, netRevenueRetention, readCohortInput, readLedger, readRevenueInput, revenueMetric } from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

function matrixOf(
  ids: unknown[],
  dates: unknown[],
  amounts: unknown[],
  unit: "month" | "quarter" | "year" = "month"
) {
  return mrrMatrix(readLedger(col(...ids), col(...dates), col(...amounts), unit));
}

describe("ledger → matrix", () => {
  it("sums a customer's amounts in one period, sorts periods, fills missing ones with 0", () => {
    // Serial 45306 = 2024-01-15, 45352 = 2024-03-01; text and serial dates mixed, unsorted.
    expect(
      matrixOf(["B", "A", "A", "B"], ["2024-03-02", 45306, "2024-01-20", 45352], [80, 100, 50, 20])
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01"],
      ["B", 0, 0, 100],
      ["A", 150, 0, 0],
    ]);
  });

  it("headers in each column are skipped; empty rows of the export are ignored", () => {
    expect(
      matrixOf(
        ["Customer", "A", null, "A"],
        ["Date", "2024-01-05", null, "2024-02-05"],
        ["Amount", 10, null, 12]
      )
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 10, 12],
    ]);
  });

  it("quarter and year periods", () => {
    expect(
      matrixOf(["A", "A", "A"], ["2024-01-31", "2024-03-01", "2024-04-01"], [1, 2, 4], "quarter")
    ).toEqual([
      ["customer", "2024-01-01", "2024-04-01"],
      ["A", 3, 4],
    ]);
    expect(matrixOf(["A", "B"], ["2023-06-30", "2025-01-01"], [5, 7], "year")).toEqual([
      ["customer", "2023-01-01", "2024-01-01", "2025-01-01"],
      ["A", 5, 0, 0],
      ["B", 0, 0, 7],
    ]);
  });

  it("real dates (JavaScript Date, as a task pane may pass them) and formatted-number dates", () => {
    const table = matrixOf(
      ["A", "A"],
      [
        new Date(2024, 0, 15),
        { type: "FormattedNumber", basicValue: 45337, numberFormat: "d-mmm" },
      ],
      [1, 2]
    );
    expect(table).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 1, 2],
    ]);
  });

  it('ids compare as Excel\'s lookups do: trimmed, any case, and 1001 is not "1001"', () => {
    expect(
      matrixOf(
        [1001, "1001 ", " Acme", "ACME", 1001],
        ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
        [1, 2, 3, 4, 5]
      )
    ).toEqual([
      ["customer", "2024-01-01"],
      [1001, 6], // a number stays a number, so XLOOKUP(1001, …) finds it
      ["1001", 2],
      ["Acme", 7], // the first spelling met, without its spaces
    ]);
  });

  it("credits net within the period", () => {
    expect(matrixOf(["A", "A"], ["2024-01-01", "2024-01-20"], [100, -30])).toEqual([
      ["customer", "2024-01-01"],
      ["A", 70],
    ]);
  });

  it.each([
    [
      "a date that cannot be read",
      () => matrixOf(["A", "B"], ["2024-01-01", "31/01/2024"], [1, 2]),
      { code: "ledger.notDate", at: "dates row 2" },
    ],
    [
      "a blank id with an amount",
      () => matrixOf(["A", null], ["2024-01-01", "2024-01-02"], [1, 2]),
      { code: "ledger.customerBlank", at: "customers row 2" },
    ],
    [
      "text in amounts",
      () => matrixOf(["A", "B"], ["2024-01-01", "2024-01-02"], [1, "lots"]),
      { code: "ledger.amountNotNumber", at: "amounts row 2" },
    ],
    [
      "columns of different lengths",
      () => mrrMatrix(readLedger(col("A", "B", "C"), col("2024-01-01"), col(1), "month")),
      { code: "ledger.rows" },
    ],
    [
      "a negative total in a period",
      () => matrixOf(["A"], ["2024-01-01"], [-5]),
      { code: "ledger.negativeTotal" },
    ],
    [
      "an error value in dates is passed on",
      () => matrixOf(["A"], [{ code: "#N/A" }], [1]),
      { code: "cell.errorValue", at: "dates row 1", kind: "na" },
    ],
    [
      "no entry",
      () => matrixOf([null], [null], [null]),
      { code: "ledger.empty" },
    ],
  ] as [string, () => unknown, { code: string; at?: string; kind?: string }][])(
    "%s",
    (_why, compute, expected) => {
      expect(described(errorOf(compute))).toEqual({ kind: "value", ...expected });
    }
  );

  it("the spill feeds COHORT whole, and two of its columns feed NRR", () => {
    const table = matrixOf(
      ["A", "B", "A", "B"],
      ["2024-01-01", "2024-02-01", "2024-02-01", "2024-03-01"],
      [100, 50, 120, 60]
    );
    const { amounts, periodLabels } = readCohortInput(table);
    expect(
      cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels)
    ).toEqual([
      ["cohort", 0, 1, 2],
      ["2024-01-01", 1, 1.2, 0],
      ["2024-02-01", 1, 1.2, ""],
    ]);
    // A column of the spill selected with its first row: the date text is read as its header.
    const column = (c: number) => table.map((row) => [row[c]]);
    expect(
      revenueMetric(readRevenueInput(column(1), column(2), null, null), netRevenueRetention)
    ).toBeCloseTo(1.2, 12);
  });
});

describe("round trip", () => {
  it("MRRMATRIX of a ledger generated from a known matrix gives that matrix back", () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 14 }))
      .chain(([customers, periods]) =>
        fc.array(
          fc.array(
            fc.oneof(
              fc.constant(0),
              fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100)
            ),
            { minLength: periods, maxLength: periods }
          ),
          {
            minLength: customers,
            maxLength: customers,
          }
        )
      )
      .filter((rows) => rows[0]?.some((v) => v > 0) === true); // the first customer appears first
    fc.assert(
      fc.property(
        matrix,
        fc.integer({ min: 2015, max: 2030 }),
        fc.nat(11),
        fc.infiniteStream(fc.nat(3)),
        (rows, year, month, splits) => {
          const ids: string[] = [];
          const dates: string[] = [];
          const amounts: number[] = [];
          rows.forEach((row, c) =>
            row.forEach((amount, p) => {
              if (amount === 0 && !(c === 0 && p === 0)) return;
              const when = new Date(Date.UTC(year, month + p, 1));
              const iso = (day: number) =>
                `${when.getUTCFullYear()}-${String(when.getUTCMonth() + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
              // Split the amount (whole cents) into several entries within the month.
              const cents = Math.round(amount * 100);
              const parts = (splits.next().value as number) + 1;
              for (let k = 0; k < parts; k++) {
                const share =
                  k < parts - 1
                    ? Math.floor(cents / parts)
                    : cents - (parts - 1) * Math.floor(cents / parts);
                ids.push(`C${c}`);
                dates.push(iso(1 + k * 7));
                amounts.push(share / 100);
              }
            })
          );
          // Customers that never appear (all zeros, not first) are absent from the ledger, so from the matrix.
          const present = rows.map((row, c) => c === 0 || row.some((v) => v > 0));
          // Trailing months with no entry at all are beyond the ledger's last date.
          let lastPeriod = 0;
          rows.forEach((row) => row.forEach((v, p) => v > 0 && p > lastPeriod && (lastPeriod = p)));
          const table = matrixOf(ids, dates, amounts);
          const expected = rows
            .filter((_, c) => present[c])
            .map((row) => row.slice(0, lastPeriod + 1));
          const actual = table.slice(1).map((row) => row.slice(1) as number[]);
          expect(actual.length).toBe(expected.length);
          actual.forEach((row, c) => {
            expect(row.length).toBe(expected[c]?.length);
            row.forEach((value, p) => expect(value).toBeCloseTo(expected[c]?.[p] as number, 9));
          });
        }
      ),
      { numRuns: 1000 }
    );
  });
});
