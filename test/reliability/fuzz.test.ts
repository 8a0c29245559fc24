/**
 * Coercion fuzzing: every function of the built bundle, called as Excel calls it with random
 * mixtures of every kind of cell Excel can pass. The result is always a finite number, a
 * well-formed spill, or a CustomFunctions.Error with a message (#VALUE! and #N/A show one):
 * never another exception, never NaN or Infinity in a cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callAsExcel, loadBundle } from "../support/bundle";
import { expectWellFormedResult } from "../support/results";

export const FUZZ_RUNS = 1000;

/** Every kind of cell: plain values, odd numbers, text, blanks, errors, data types. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, "", 0) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Infinity,
      -Infinity,
      1e308,
      -1,
      -0.5,
      7.5,
      0.999,
      1.5,
      45292,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      // Money residues: =0.1+0.2-0.3, =0.3-0.2-0.1, a charge less its credits.
      0.1 + 0.2 - 0.3,
      0.3 - 0.2 - 0.1,
      99.9 - 33.3 - 66.6
    ),
  },
  // Ids and labels that differ only in case, spaces or type.
  { weight: 2, arbitrary: fc.constantFrom("Acme", "ACME", " acme ", 1001, "1001", "1001 ") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "1,200",
      "100",
      " ",
      "n/a",
      "Total",
      "TRUE",
      "month",
      "logo",
      "2024-03-15",
      "Enterprise",
      "<img src=x onerror=alert(1)>"
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.boolean() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { code: "#N/A" },
      { code: "#DIV/0!" },
      { code: "#VALUE!", message: "upstream" },
      { code: "#REF!" },
      { code: "#NAME?" },
      { code: "#NUM!" },
      { code: "#NULL!" },
      { code: "#SPILL!" },
      { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" },
      { type: "Error", errorType: "Calc" }
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { type: "FormattedNumber", basicValue: 1200, numberFormat: "$#,##0" },
      { type: "Double", basicValue: 3 },
      { type: "String", basicValue: "text" },
      { type: "Boolean", basicValue: true },
      { type: "Entity", text: "Contoso", properties: {} },
      { type: "WebImage", address: "https://example.invalid/x.png" },
      { type: "Empty" },
      { type: "FormattedNumber", basicValue: "oops" },
      {},
      []
    ),
  }
);

/** A range as Excel passes it: rows × columns, usually a column. */
const grid = fc
  .tuple(
    fc.integer({ min: 0, max: 8 }),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }
    )
  )
  .chain(([rows, columns]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    })
  );

/** A scalar argument: usually a cell, sometimes omitted or a small range. */
const scalar = fc.oneof({ weight: 6, arbitrary: cell }, { weight: 1, arbitrary: grid });

describe("coercion fuzzing through the built bundle", () => {
  const { metadata } = loadBundle();
  for (const fn of metadata.functions) {
    it(`SAAS.${fn.id}: ${FUZZ_RUNS} random calls, each a finite result or an error with a message`, () => {
      const args = fc.tuple(
        ...fn.parameters.map((p) => {
          const value = p.dimensionality === "matrix" ? grid : scalar;
          return p.optional ? fc.option(value, { nil: null, freq: 3 }) : value;
        })
      );
      fc.assert(
        fc.property(args, (values) => {
          const result = callAsExcel(fn.id, ...values);
          expectWellFormedResult(result, `SAAS.${fn.id}(${JSON.stringify(values)})`);
        }),
        { numRuns: FUZZ_RUNS }
      );
    });
  }
});
