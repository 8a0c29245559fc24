/**
 * SAAS.FX.CONVERT's core (shared/spec/metrics.md, Currencies): each amount at its currency's latest rate
 * on or before its date, or on as_of; the reporting currency; headers and one value for all;
 * the refusals; then the law on random ledgers (fast-check): the converted total is the sum of
 * each amount times the rate looked up by hand (the SUMPRODUCT an analyst would write).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  convertCurrencies,
  isoDateToSerial,
  latestOnOrBefore,
  readRateTable,
} from "../../src/core";
import { described, errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

const RATES = [
  ["Currency", "Date", "Rate"],
  ["EUR", "2024-01-01", 1.1],
  ["EUR", "2024-02-01", 1.08],
  ["GBP", "2024-01-01", 1.27],
  ["USD", "2020-01-01", 1],
  [" eur ", "2024-03-01", 1.09],
];

describe("converting amounts", () => {
  it("each amount at its currency's latest rate on or before its date; a header row stays on top", () => {
    expect(
      convertCurrencies(
        col("Amount", 100, 100, 100, 50, 20, 30),
        col("Currency", "EUR", "eur ", "EUR", "", "GBP", "USD"),
        col(
          "Date",
          "2024-01-31",
          "2024-02-01",
          isoDateToSerial("2024-03-15"),
          "2024-02-10",
          "2024-06-30",
          "2019-05-01"
        ),
        RATES,
        null
      )
    ).toEqual([["Amount"], [100 * 1.1], [108], [100 * 1.09], [50], [20 * 1.27], [30]]);
  });

  it("as_of converts every amount at that date's rates (constant currency)", () => {
    expect(
      convertCurrencies(
        col(100, 100),
        col("EUR", "GBP"),
        col("2024-01-15", "2024-03-15"),
        RATES,
        "2024-02-15"
      )
    ).toEqual([[108], [127]]);
  });

  it("one currency and one date for all amounts; credits stay negative; blanks stay blank", () => {
    expect(convertCurrencies(col(100, null, -25), "EUR", 45337, RATES, null)).toEqual([
      [108],
      [""],
      [-27],
    ]);
  });

  it("a row of amounts spills a row", () => {
    expect(
      convertCurrencies([[100, 200]], [["EUR", "GBP"]], [["2024-02-02", "2024-02-02"]], RATES, null)
    ).toEqual([[108, 254]]);
  });

  it("currencies one row longer than amounts is their header when amounts or dates had one", () => {
    expect(
      convertCurrencies(col("Amount", 100), col("Currency", "GBP"), col("Date", 45337), RATES, null)
    ).toEqual([["Amount"], [127]]);
  });

  it("rates are read sorted once, with or without a header, empty rows skipped", () => {
    const table = readRateTable([
      ["EUR", 45323, 1.08],
      [null, null, null],
      ["eur", 45292, 1.1],
      ["EUR", 45323, 1.08], // the same rate twice is one rate
    ]);
    expect([...(table.days[0] as Int32Array)]).toEqual([45292, 45323]);
    expect([...(table.rates[0] as Float64Array)]).toEqual([1.1, 1.08]);
    expect(table.reporting).toEqual([false]);
  });

  it("binary search: the latest day on or before", () => {
    const days = Int32Array.of(10, 20, 30);
    expect([5, 10, 15, 20, 29, 30, 99].map((day) => latestOnOrBefore(days, day))).toEqual([
      -1, 0, 0, 1, 1, 2, 2,
    ]);
  });
});

describe("refused, naming the cell", () => {
  const convert =
    (...args: unknown[]) =>
    () =>
      convertCurrencies(args[0], args[1], args[2], args[3] ?? RATES, args[4] ?? null);
  it.each([
    [
      "an unknown currency is #N/A",
      convert(col(1, 2), col("EUR", "JPY"), col(45337, 45337)),
      { kind: "na", code: "fx.noRate", at: "amounts row 2" },
    ],
    [
      "no rate on or before the date is #N/A",
      convert(col(1), col("EUR"), col("2023-12-31")),
      { kind: "na", code: "fx.noRate", at: "amounts row 1" },
    ],
    [
      "as_of before the first rate is #N/A",
      convert(col(1), col("EUR"), col(45337), RATES, "2023-06-01"),
      { kind: "na", code: "fx.noRate", at: "amounts row 1" },
    ],
    [
      "a negative rate",
      convert(col(1), col("EUR"), col(45337), [["EUR", 45292, -1.1]]),
      { kind: "value", code: "fx.rateNotPositive", at: "rates column 3" },
    ],
    [
      "a zero rate",
      convert(col(1), col("EUR"), col(45337), [
        ["EUR", 45292, 1],
        ["EUR", 45293, 0],
      ]),
      { kind: "value", code: "fx.rateNotPositive", at: "rates row 2, column 3" },
    ],
    [
      "a rate as text",
      convert(col(1), col("EUR"), col(45337), [
        ["C", "D", "R"],
        ["EUR", 45292, "1,08"],
      ]),
      { kind: "value", code: "fx.rateNotPositive", at: "rates row 2, column 3" },
    ],
    [
      "a rate without a currency",
      convert(col(1), col("EUR"), col(45337), [
        ["EUR", 45292, 1.1],
        [null, 45293, 1.2],
      ]),
      { kind: "value", code: "fx.rateCurrencyBlank", at: "rates row 2, column 1" },
    ],
    [
      "a rate without a date",
      convert(col(1), col("EUR"), col(45337), [
        ["EUR", 45292, 1.1],
        ["EUR", "soon", 1.2],
      ]),
      { kind: "value", code: "ledger.notDate", at: "rates row 2, column 2" },
    ],
    [
      "two rates for one day",
      convert(col(1), col("EUR"), col(45337), [
        ["EUR", 45292, 1.1],
        ["eur", "2024-01-01", 1.2],
      ]),
      { kind: "value", code: "fx.rateConflict" },
    ],
    [
      "rates of two columns",
      convert(col(1), col("EUR"), col(45337), [
        ["EUR", 1.1],
        ["GBP", 1.2],
      ]),
      { kind: "value", code: "fx.ratesShape" },
    ],
    [
      "no rate at all",
      convert(col(1), col("EUR"), col(45337), [[null, null, null]]),
      { kind: "value", code: "rates.none" },
    ],
    [
      "text as an amount",
      convert(col(1, "ten"), col("EUR"), col(45337)),
      { kind: "value", code: "ledger.amountNotNumber", at: "amounts row 2" },
    ],
    [
      "a date that is not one",
      convert(col(1, 2), col("EUR"), col(45337, "31/01/2024")),
      { kind: "value", code: "ledger.notDate", at: "dates row 2" },
    ],
    [
      "as_of not a date",
      convert(col(1), col("EUR"), col(45337), RATES, "tomorrow"),
      { kind: "value", code: "ledger.notDate", at: "as_of" },
    ],
    [
      "currencies one row longer without a header",
      convert(col(1, 2), col("EUR", "EUR", "GBP"), col(45337, 45337)),
      { kind: "value", code: "fx.currenciesOffByOne" },
    ],
    [
      "dates of another length",
      convert(col(1, 2, 3), col("EUR"), col(45337, 45337)),
      { kind: "value", code: "fx.rows" },
    ],
    ["no amount", convert([], col("EUR"), col(45337)), { kind: "value", code: "fx.noAmounts" }],
    [
      "an error value in currencies is passed on",
      convert(col(1), col({ code: "#N/A" }), col(45337)),
      { kind: "na", code: "cell.errorValue", at: "currencies row 1" },
    ],
  ] as [string, () => unknown, { kind: string; code: string; at?: string }][])(
    "%s",
    (_why, compute, expected) => {
      expect(described(errorOf(compute))).toEqual(expected);
    }
  );

  it("the missing rate names the currency (as first written, trimmed) and the date", () => {
    const error = errorOf(convert(col(1), col(" jpy "), col("2024-02-10")));
    expect(error.params["currency"]).toEqual({ label: "jpy" });
    expect(error.params["date"]).toBe("2024-02-10");
  });

  it("a problem among the amounts is named before one in rates (argument order)", () => {
    expect(errorOf(convert(col("x"), col("EUR"), col(45337), [["EUR", 1, -1]])).code).toBe(
      "ledger.amountNotNumber"
    );
  });
});

describe("the law: converted totals are SUMPRODUCT(amounts, looked-up rates)", () => {
  const currency = fc.constantFrom("EUR", "eur", " GBP", "JPY", "", "USD");
  it("holds on random ledgers and rate tables", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            currency: fc.constantFrom("EUR", "GBP", "JPY", "USD"),
            day: fc.integer({ min: 45200, max: 45500 }),
            rate: fc.integer({ min: 1, max: 300_000 }).map((r) => r / 1000),
          }),
          { minLength: 1, maxLength: 25 }
        ),
        fc.array(
          fc.record({
            amount: fc.integer({ min: -100_000, max: 10_000_000 }).map((c) => c / 100),
            currency,
            day: fc.integer({ min: 45150, max: 45550 }),
          }),
          { minLength: 1, maxLength: 40 }
        ),
        fc.option(fc.integer({ min: 45150, max: 45550 }), { nil: null }),
        (rateRows, lines, asOf) => {
          // One rate per currency and day (two would be refused), USD at 1 throughout.
          const rows = new Map<string, [string, number, number]>();
          for (const r of rateRows)
            rows.set(`${r.currency}|${r.day}`, [
              r.currency,
              r.day,
              r.currency === "USD" ? 1 : r.rate,
            ]);
          const rates = [...rows.values()];
          // The rate by hand: a linear scan for the latest on or before the day.
          const lookedUp = (code: string, day: number): number | undefined => {
            const key = code.trim().toUpperCase();
            if (key === "") return 1;
            const own = rates.filter((r) => r[0] === key);
            if (own.length > 0 && own.every((r) => r[2] === 1)) return 1;
            const before = own.filter((r) => r[1] <= day).sort((a, b) => a[1] - b[1]);
            return before[before.length - 1]?.[2];
          };
          const factors = lines.map((l) => lookedUp(l.currency, asOf ?? l.day));
          const compute = () =>
            convertCurrencies(
              col(...lines.map((l) => l.amount)),
              col(...lines.map((l) => l.currency)),
              col(...lines.map((l) => l.day)),
              rates,
              asOf
            );
          if (factors.some((f) => f === undefined)) {
            expect(errorOf(compute).code).toBe("fx.noRate");
            return;
          }
          const converted = compute().map((row) => row[0] as number);
          const sumproduct = lines.reduce(
            (sum, l, i) => sum + l.amount * (factors[i] as number),
            0
          );
          const total = converted.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(sumproduct, 6);
          converted.forEach((value, i) =>
            expect(value).toBe((lines[i]?.amount as number) * (factors[i] as number))
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});
