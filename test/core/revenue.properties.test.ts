/**
 * Laws every revenue figure obeys, checked on random data (fast-check, 1,000 runs each). Amounts
 * are whole cents, as billing exports hold them, and zeros are frequent (new and churned).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MovementTotals, expansionRate, grossRevenueRetention, logoChurnRate, logoRetention, mrrBridge, mrrChurnRate, netMrrChurnRate, netRevenueRetention, readRevenueInput, revenueMetric, revenueTotals } from "../../src/core";

const RUNS = { numRuns: 1000 };

/** Equal to 12 significant digits: ratios can be large (a tiny start with a large end). */
function expectClose(actual: number, expected: number, digits = 12): void {
  const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(scale * 10 ** -digits);
}

const amount = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5_000_000 }).map((cents) => cents / 100) }
);
const customer = fc.record({
  start: amount,
  end: amount,
  before: fc.boolean(),
  segment: fc.constantFrom("SMB", "Mid", "Ent"),
});
const book = fc.array(customer, { minLength: 1, maxLength: 60 });
/** A book where at least one customer pays at the start, so the ratios are defined. */
const bookWithStart = book.filter((rows) => rows.some((row) => row.start > 0));

type Row = { start: number; end: number; before: boolean; segment: string };
const col = (values: unknown[]) => values.map((v) => [v]);

function totalsOf(rows: Row[], withHistory = false): MovementTotals {
  const history = withHistory ? col(rows.map((row) => (row.before ? 1 : 0))) : null;
  return revenueTotals(
    readRevenueInput(
      col(rows.map((row) => row.start)),
      col(rows.map((row) => row.end)),
      null,
      null,
      history
    )
  ).overall;
}

describe("revenue laws on random books", () => {
  it("bridge: start + new + reactivation + expansion − contraction − churn = end, to the cent", () => {
    fc.assert(
      fc.property(book, fc.boolean(), (rows, withHistory) => {
        const bridge = mrrBridge(totalsOf(rows, withHistory)).map((row) => row[1] as number);
        const summed = bridge.slice(0, 6).reduce((a, b) => a + b, 0);
        expect(Math.abs(summed - (bridge[6] as number))).toBeLessThan(0.005);
      }),
      RUNS
    );
  });

  it("0 ≤ GRR ≤ 1 and GRR ≤ NRR", () => {
    fc.assert(
      fc.property(bookWithStart, (rows) => {
        const t = totalsOf(rows);
        const grr = grossRevenueRetention(t);
        expect(grr).toBeGreaterThanOrEqual(0);
        expect(grr).toBeLessThanOrEqual(1);
        expect(grr).toBeLessThanOrEqual(netRevenueRetention(t) + 1e-12);
      }),
      RUNS
    );
  });

  it("NRR = GRR + expansion rate; net MRR churn = 1 − NRR; MRR churn = 1 − GRR", () => {
    fc.assert(
      fc.property(bookWithStart, (rows) => {
        const t = totalsOf(rows);
        expectClose(netRevenueRetention(t), grossRevenueRetention(t) + expansionRate(t));
        expectClose(netMrrChurnRate(t), 1 - netRevenueRetention(t));
        expectClose(mrrChurnRate(t), 1 - grossRevenueRetention(t));
        expectClose(logoRetention(t) + logoChurnRate(t), 1);
      }),
      RUNS
    );
  });

  it("results do not change when rows are permuted", () => {
    fc.assert(
      fc.property(
        bookWithStart.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))
        ),
        ([rows, shuffled]) => {
          const a = totalsOf(rows);
          const b = totalsOf(shuffled);
          expectClose(netRevenueRetention(b), netRevenueRetention(a));
          expectClose(grossRevenueRetention(b), grossRevenueRetention(a));
          expect(logoRetention(b)).toBe(logoRetention(a));
        }
      ),
      RUNS
    );
  });

  it("results do not change when every amount is multiplied by a positive constant", () => {
    fc.assert(
      fc.property(bookWithStart, fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (rows, k) => {
        const a = totalsOf(rows);
        const b = totalsOf(rows.map((row) => ({ ...row, start: row.start * k, end: row.end * k })));
        expectClose(netRevenueRetention(b), netRevenueRetention(a), 10);
        expectClose(grossRevenueRetention(b), grossRevenueRetention(a), 10);
        expectClose(mrrChurnRate(b, false), mrrChurnRate(a, false), 10);
      }),
      RUNS
    );
  });

  it("segment rows recombine to the Total row (weighted by each segment's starting revenue)", () => {
    fc.assert(
      fc.property(bookWithStart, (rows) => {
        const input = readRevenueInput(
          col(rows.map((row) => row.start)),
          col(rows.map((row) => row.end)),
          col(rows.map((row) => row.segment)),
          null
        );
        const table = revenueMetric(input, netRevenueRetention) as unknown[][];
        const total = table[table.length - 1]?.[1] as number;
        let weighted = 0;
        let start = 0;
        for (const row of table.slice(0, -1)) {
          const label = row[0] as string;
          const segmentStart = rows
            .filter((r) => r.segment === label)
            .reduce((sum, r) => sum + r.start, 0);
          if (segmentStart > 0) weighted += (row[1] as number) * segmentStart;
          start += segmentStart;
        }
        expect(table[table.length - 1]?.[0]).toBe("Total");
        expectClose(weighted / start, total, 10);
      }),
      RUNS
    );
  });
});
