/**
 * The laws behind the boundary cases (boundary.test.ts), on random inputs through the built
 * bundle as Excel calls it:
 * - a segments range one row longer than headerless data always errors and never shifts;
 * - credits that cancel a charge give exactly 0, and the customer churned;
 * - huge, tiny and residue amounts never give a non-finite number;
 * - expansion and contraction keep their digits on books of 1e12.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ErrorResult, callAsExcel, column, loadBundle } from "../support/bundle";
import { argsByName, revenueFunctionsWithSegments } from "../support/functions";
import { expectWellFormedResult } from "../support/results";

const RUNS = { numRuns: 200 };

const SEGMENTED: readonly { fn: string; kind: "revenue" | "survey" }[] = [
  ...revenueFunctionsWithSegments().map((fn) => ({ fn, kind: "revenue" as const })),
  ...["NPS", "CSAT", "CES"].map((fn) => ({ fn, kind: "survey" as const })),
];

/** The call with segments (and segment) in their places for `fn`, by name. */
function call(fn: string, data: unknown[][][], segments: unknown[][], segment: unknown = null) {
  const values =
    fn === "NPS" || fn === "CSAT" || fn === "CES"
      ? { scores: data[0], segments, segment }
      : { start_mrr: data[0], end_mrr: data[1], segments, segment };
  return callAsExcel(fn, ...argsByName(fn, values));
}

const label = fc.oneof(
  fc.constantFrom("SMB", "smb", "Enterprise", "Mid", " Mid ", ""),
  fc.integer({ min: 2020, max: 2026 }),
  fc.boolean()
);

/** Rows of data for a function of `kind`: revenue pairs or 1–5 scores (valid for all three surveys). */
function dataRows(kind: "revenue" | "survey", n: number) {
  const value =
    kind === "revenue"
      ? fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
      : fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constant(0));
  return fc.array(value, { minLength: n, maxLength: n });
}

describe("off-by-one segments: always an error, never a shift", () => {
  for (const { fn, kind } of SEGMENTED) {
    it(`SAAS.${fn}: segments one row longer than headerless data is #VALUE!, whatever its first row`, () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 12 })
            .chain((n) =>
              fc.tuple(dataRows(kind, n), fc.array(label, { minLength: n + 1, maxLength: n + 1 }))
            ),
          ([rows, labels]) => {
            const data = [column(...rows.map((r) => r[0])), column(...rows.map((r) => r[1]))];
            const result = call(fn, data, column(...labels)) as ErrorResult;
            expect(result.error).toBe("#VALUE!");
            expect(result.message).toContain("one row more, so every label would sit one row off");
          }
        ),
        RUNS
      );
    });

    it(`SAAS.${fn}: with the header rows of all its ranges, the same table as without them`, () => {
      fc.assert(
        fc.property(
          // Two rows at least: a lone blank cell as segments reads as segments left out.
          fc
            .integer({ min: 2, max: 12 })
            .chain((n) =>
              fc.tuple(dataRows(kind, n), fc.array(label, { minLength: n, maxLength: n }))
            ),
          ([rows, labels]) => {
            const data = [column(...rows.map((r) => r[0])), column(...rows.map((r) => r[1]))];
            const headed = data.map((range, i) => [[`Period ${i + 1}`], ...range]);
            expect(call(fn, headed, [["Segment"], ...column(...labels)])).toEqual(
              call(fn, data, column(...labels))
            );
          }
        ),
        RUNS
      );
    });
  }
});

/** Splits `cents` into `parts` positive amounts in cents (they add up to it exactly). */
function split(cents: number, cuts: readonly number[]): number[] {
  const points = [...new Set(cuts.map((cut) => 1 + (cut % Math.max(1, cents - 1))))]
    .filter((point) => point < cents)
    .sort((a, b) => a - b);
  const amounts: number[] = [];
  let previous = 0;
  for (const point of [...points, cents]) {
    amounts.push(point - previous);
    previous = point;
  }
  return amounts;
}

describe("ledgers whose credits cancel a charge", () => {
  const customer = fc.record({
    january: fc.integer({ min: 1, max: 99_999_99 }),
    february: fc.integer({ min: 1, max: 99_999_99 }),
    refunded: fc.boolean(),
    cuts: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 4 }),
    // A customer id spelled three ways across its lines: one customer all the same.
    spelling: fc.constantFrom(
      (id: string) => id,
      (id: string) => id.toUpperCase(),
      (id: string) => ` ${id} `
    ),
  });

  it("give exactly 0 in that month, and the customer churned (never a tiny customer who contracted)", () => {
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 200 }),
        (customers, order) => {
          const lines: [string, string, number][] = [];
          customers.forEach((c, i) => {
            const id = `cust${i}`;
            lines.push([id, "2024-01-05", c.january / 100]);
            lines.push([c.spelling(id), "2024-02-05", c.february / 100]);
            if (c.refunded) {
              for (const part of split(c.february, c.cuts))
                lines.push([c.spelling(id), "2024-02-20", -part / 100]);
            }
          });
          // Line order never matters: shuffle by the random keys.
          const keyed = lines.map((line, i) => ({ line, key: order[i] ?? i }));
          keyed.sort((a, b) => a.key - b.key);
          const shuffled = keyed.map((k) => k.line);
          const matrix = callAsExcel(
            "MRRMATRIX",
            column(...shuffled.map((l) => l[0])),
            column(...shuffled.map((l) => l[1])),
            column(...shuffled.map((l) => l[2]))
          ) as unknown[][];
          expect(matrix.length).toBe(customers.length + 1);
          const byId = new Map(
            matrix.slice(1).map((row) => [String(row[0]).trim().toLowerCase(), row])
          );
          const january: unknown[][] = [];
          const february: unknown[][] = [];
          customers.forEach((c, i) => {
            const row = byId.get(`cust${i}`) as unknown[];
            expect(row).toBeDefined();
            if (c.refunded) expect(row[2]).toBe(0);
            january.push([row[1]]);
            february.push([row[2]]);
          });
          const labels = callAsExcel("MOVEMENT", january, february);
          const expected = customers.map((c) => {
            if (c.refunded) return ["churn"];
            if (c.february > c.january) return ["expansion"];
            if (c.february < c.january) return ["contraction"];
            return ["flat"];
          });
          expect(labels).toEqual(expected.length === 1 ? expected[0]?.[0] : expected);
        }
      ),
      RUNS
    );
  });
});

describe("no function ever returns a non-finite number", () => {
  /** Amounts at the edges of floating point: huge, tiny, residues, as cells and data types. */
  const edgeAmount = fc.oneof(
    fc.constantFrom(
      1e308,
      Number.MAX_VALUE,
      1e300,
      5e-324,
      1e-320,
      0.1 + 0.2 - 0.3,
      0.3 - 0.2 - 0.1
    ),
    fc.double({ min: 1e290, max: Number.MAX_VALUE, noNaN: true }),
    fc.double({ min: 0, max: 1e-300, noNaN: true }),
    fc.integer({ min: 0, max: 10 }),
    fc.constant(null)
  );
  const edgeGrid = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(edgeAmount, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      })
    );
  const edgeScalar = fc.oneof(edgeAmount, fc.double({ min: -1e308, max: 1e308, noNaN: true }));

  for (const fn of loadBundle().metadata.functions) {
    it(`SAAS.${fn.id}: finite figures or errors, on huge, tiny and residue amounts`, () => {
      const args = fc.tuple(
        ...fn.parameters.map((p): fc.Arbitrary<unknown> => {
          const value: fc.Arbitrary<unknown> =
            p.dimensionality === "matrix" ? edgeGrid : edgeScalar;
          return p.optional ? fc.option(value, { nil: null, freq: 2 }) : value;
        })
      );
      fc.assert(
        fc.property(args, (values) => {
          expectWellFormedResult(
            callAsExcel(fn.id, ...values),
            `SAAS.${fn.id}(${JSON.stringify(values)})`
          );
        }),
        RUNS
      );
    });
  }
});

describe("expansion and contraction keep their digits on large books", () => {
  it("each equals the exact sum of the customers' own changes to 12 digits", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 1e8, max: 1e11 }),
            change: fc.integer({ min: -99_999, max: 99_999 }),
          }),
          { minLength: 2, maxLength: 300 }
        ),
        (customers) => {
          const starts = customers.map((c) => c.start);
          const ends = customers.map((c) => c.start + c.change / 100);
          // The exact changes (each e − s is exact: Sterbenz), summed without loss.
          const exactSum = (values: number[]) => {
            let sum = 0;
            let compensation = 0;
            for (const term of values) {
              const t = sum + term;
              compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
              sum = t;
            }
            return sum + compensation;
          };
          const changes = ends.map((e, i) => e - (starts[i] as number));
          const expansion = exactSum(changes.filter((d) => d > 0));
          const contraction = -exactSum(changes.filter((d) => d < 0));
          const bridge = callAsExcel(
            "MRRBRIDGE",
            column(...starts),
            column(...ends)
          ) as unknown[][];
          const close = (actual: number, expected: number) =>
            expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
          close(bridge[3]?.[1] as number, expansion);
          close(-(bridge[4]?.[1] as number), contraction);
        }
      ),
      RUNS
    );
  });
});
