/**
 * Revenue columns read once and paired many ways give exactly what the functions read from the
 * ranges over those columns: the same amounts after the money rule, the same history flags (whose
 * rule spans the whole block), the same segments and the same refusals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CellGrid,
  MetricError,
  pairedRevenueInput,
  readRevenueColumn,
  readSegmentColumn,
  readSegmentedRevenueInput,
  cohortOfColumns,
  cohortOfMatrix,
  readWholeRevenueInput,
  revenueColumnOf,
  segmentedRevenueInput,
} from "../../src/core";

/** Amounts a sheet holds: whole and fractional money, residues, blanks, a few huge ones. */
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 2, arbitrary: fc.constantFrom("", null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0.1 + 0.2 - 0.3, 1e-12, 99.9 - 33.3 - 66.6 + 1e-13, 0.3),
  },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e300, 45292, 45323) }
);

/** A block of rows × periods, one customer a row. */
const block = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 5 }))
  .chain(([rows, periods]) =>
    fc.array(fc.array(amount, { minLength: periods, maxLength: periods }), {
      minLength: rows,
      maxLength: rows,
    })
  );

const columnOf = (grid: CellGrid, c: number): unknown[][] => grid.map((row) => [row[c]]);
const blockOf = (grid: CellGrid, from: number, to: number): unknown[][] =>
  grid.map((row) => row.slice(from, to));

/** What a call gives: its input, or the error it throws (code and parameters). */
function outcome(read: () => unknown): unknown {
  try {
    const input = read() as {
      startMrr: { values: Float64Array };
      endMrr: { values: Float64Array };
    };
    return JSON.parse(
      JSON.stringify(input, (_key, value: unknown) =>
        ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value
      )
    );
  } catch (error) {
    if (error instanceof MetricError) return { error: error.code, params: error.params };
    throw error;
  }
}

describe("revenue columns read once", () => {
  it("a pair, with and without history, is what readWholeRevenueInput reads from the ranges", () => {
    fc.assert(
      fc.property(block, (grid) => {
        const periods = grid[0]?.length ?? 0;
        const columns = Array.from({ length: periods }, (_, c) =>
          readRevenueColumn(grid, c, 0, grid.length - 1)
        );
        for (let end = 1; end < periods; end++) {
          const start = end - 1;
          const [s, e] = [columns[start]!, columns[end]!];
          expect(outcome(() => pairedRevenueInput(s, e))).toEqual(
            outcome(() => readWholeRevenueInput(columnOf(grid, start), columnOf(grid, end)))
          );
          if (start > 0)
            expect(outcome(() => pairedRevenueInput(s, e, columns.slice(0, start)))).toEqual(
              outcome(() =>
                readWholeRevenueInput(
                  columnOf(grid, start),
                  columnOf(grid, end),
                  blockOf(grid, 0, start)
                )
              )
            );
        }
      }),
      { numRuns: 400 }
    );
  });

  it("a column read from the grid and one read from a range copy agree", () => {
    fc.assert(
      fc.property(block, (grid) => {
        const fromGrid = readRevenueColumn(grid, 0, 0, grid.length - 1);
        const fromRange = revenueColumnOf(columnOf(grid, 0));
        expect(outcome(() => fromGrid)).toEqual(outcome(() => fromRange));
      }),
      { numRuns: 300 }
    );
  });

  it("a segmented pair is what readSegmentedRevenueInput reads", () => {
    const labels = fc.constantFrom("EU", "eu ", "US", 2024, "2024", "", null);
    fc.assert(
      fc.property(block, fc.array(labels, { minLength: 12, maxLength: 12 }), (grid, segs) => {
        const segments = grid.map((_, r) => [segs[r]]);
        const [s, e] = [0, 1].map((c) => readRevenueColumn(grid, c, 0, grid.length - 1));
        const compact = () => segmentedRevenueInput(s!, e!, readSegmentColumn(segments, s!));
        expect(outcome(compact)).toEqual(
          outcome(() => readSegmentedRevenueInput(columnOf(grid, 0), columnOf(grid, 1), segments))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("the cohort table from the columns is SAAS.COHORT's over the block, with or without a header", () => {
    const header = fc.constantFrom<unknown[] | null>(null, ["Jan", "Feb", "Mar", "Apr", "May"], [
      45292, 45323, 45352, 45383, 45413,
    ]);
    fc.assert(
      fc.property(block, header, (grid, head) => {
        const periods = grid[0]?.length ?? 0;
        const columns = Array.from({ length: periods }, (_, c) =>
          readRevenueColumn(grid, c, 0, grid.length - 1)
        );
        const headerRow = head?.slice(0, periods) ?? null;
        const whole = headerRow === null ? grid : [headerRow, ...grid];
        // A refused header of two dates names its top cell, which both name alike; the block's
        // height in that place is the two rows read, not the whole block.
        const height = (result: unknown) =>
          JSON.parse(JSON.stringify(result).replace(/"rows":\d+,"columns":1\}/, '"rows":0,"columns":1}'));
        const expected = height(outcome(() => cohortOfMatrix(whole, "revenue")));
        const actual = height(
          outcome(() => cohortOfColumns(columns, whole.slice(0, 2), headerRow === null))
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 }
    );
  });

  it("two period dates on top of a pair are refused as the functions refuse them", () => {
    const grid = [
      [45292, 45323],
      [100, 110],
    ];
    const [s, e] = [0, 1].map((c) => readRevenueColumn(grid, c, 0, 1));
    expect(outcome(() => pairedRevenueInput(s!, e!))).toEqual(
      outcome(() => readWholeRevenueInput(columnOf(grid, 0), columnOf(grid, 1)))
    );
  });

  it("text in a column is read by the functions' own reader (its header rule and messages)", () => {
    const grid = [["Jan"], [100], [50]];
    const column = readRevenueColumn(grid, 0, 0, 2);
    expect(column.amounts).toMatchObject({ rows: 2, headerRows: 1 });
    expect(() => readRevenueColumn([[1], ["n/a"]], 0, 0, 1)).toThrow(MetricError);
  });
});
