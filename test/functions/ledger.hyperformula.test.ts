/**
 * SAAS.MRRMATRIX with covers and SAAS.FX.CONVERT as formulas in a real spreadsheet engine, each
 * beside the same quantity written with plain formulas: a hand division for a spread line,
 * 25*52/12 for a week, SUMPRODUCT over the rates each amount's date looks up (MAXIFS for the
 * latest date on or before it, SUMIFS for that date's rate) for the converted total.
 */
import { DetailedCellError, type RawCellContent } from "hyperformula";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "../support/workbook";

const values = (book: ReturnType<typeof buildWorkbook>, sheet: string) =>
  book.getSheetValues(book.getSheetId(sheet) as number);

describe("MRRMATRIX with covers in the workbook: the spec's worked examples beside hand formulas", () => {
  it("2,000 billed 2024-01-10 for a year: =2000/12 in each month of 2024, 0 in January 2025", () => {
    const book = buildWorkbook({
      L: [
        ["Customer", "Date", "Amount", "Covers"],
        ["A", "=DATE(2024,1,10)", 2000, "year"],
        ["B", "=DATE(2025,1,5)", 40, "=DATE(2025,2,4)"], // an end date: one month
      ],
      S: [["=SAAS.MRRMATRIX(L!A1:A3,L!B1:B3,L!C1:C3,,L!D1:D3)"]],
      P: [["=L!C2/12", "=L!C3/1"]],
    });
    const spill = values(book, "S");
    const [perMonth, b] = values(book, "P")[0] as [number, number];
    expect(spill[0]?.slice(1, 3)).toEqual(["2024-01-01", "2024-02-01"]);
    expect(spill[0]?.[13]).toBe("2025-01-01");
    (spill[1]?.slice(1, 13) as number[]).forEach((mrr) => expect(mrr).toBe(perMonth));
    expect(spill[1]?.[13]).toBe(0);
    expect(spill[2]?.[13]).toBe(b);
  });

  it("90 billed 2024-02-01 for a quarter: =90/3 in Feb, Mar, Apr; the quarter matrix holds its end", () => {
    const book = buildWorkbook({
      L: [["A", "=DATE(2024,2,1)", 90]],
      S: [
        ['=SAAS.MRRMATRIX(L!A1,L!B1,L!C1,,"quarter")'],
        [],
        ['=SAAS.MRRMATRIX(L!A1,L!B1,L!C1,"quarter","quarter")'],
      ],
      P: [["=L!C1/3"]],
    });
    const spill = values(book, "S");
    const third = values(book, "P")[0]?.[0];
    expect(spill[1]).toEqual(["A", third, third, third]);
    expect(spill[3]).toEqual(["A", third, 0]); // end of Q1: March's 30; end of Q2: nothing paid for June
  });

  it("100 customers on 100 a month and 50 on 600 a year: the month's column adds up to =100*100+50*600/12", () => {
    const ledger: RawCellContent[][] = [["Customer", "Date", "Amount", "Covers"]];
    for (let i = 0; i < 100; i++) ledger.push([`M${i}`, 45366 + (i % 10), 100, "month"]);
    for (let i = 0; i < 50; i++) ledger.push([`Y${i}`, 45366 + (i % 10), 600, 12]);
    const book = buildWorkbook({
      L: ledger,
      S: [["=SAAS.MRRMATRIX(L!A1:A151,L!B1:B151,L!C1:C151,,L!D1:D151)"]],
      T: [
        ["=SUM(S!B2:B151)", "=100*100+50*600/12", "=SUMPRODUCT(L!C2:C151/IF(L!D2:D151=12,12,1))"],
      ],
    });
    const [total, plain, sumproduct] = values(book, "T")[0] as number[];
    expect(total).toBe(12_500);
    expect(plain).toBe(12_500);
    expect(sumproduct).toBe(12_500);
  });

  it("99.90 charged and 33.30 + 66.60 credited: exactly 0, and MOVEMENT says churn, as a nested IF does", () => {
    const book = buildWorkbook({
      L: [
        ["A", "2024-01-05", 99.9],
        ["A", "2024-02-05", 99.9],
        ["A", "2024-02-20", -33.3],
        ["A", "2024-02-21", -66.6],
      ],
      S: [
        [
          '=SAAS.MRRMATRIX(L!A1:A4,L!B1:B4,L!C1:C4,,"month")',
          null,
          null,
          "=SAAS.MOVEMENT(S!B1:B2,S!C1:C2)",
        ],
      ],
      P: [['=IF(S!B2>0,IF(S!C2=0,"churn","other"),"")']],
    });
    const spill = values(book, "S");
    expect(spill[1]?.slice(0, 3)).toEqual(["A", 99.9, 0]);
    expect(spill[1]?.[3]).toBe("churn");
    expect(values(book, "P")[0]?.[0]).toBe("churn");
  });

  it("a weekly subscriber paying 25 a week: =25*52/12 (108.33)", () => {
    const book = buildWorkbook({
      L: [1, 8, 15, 22, 29].map((day) => ["W", `=DATE(2024,4,${day})`, 25]),
      S: [['=SAAS.MRRMATRIX(L!A1:A5,L!B1:B5,L!C1:C5,,"week")']],
      P: [["=25*52/12"]],
    });
    expect(values(book, "S")[1]?.[1] as number).toBeCloseTo(
      values(book, "P")[0]?.[0] as number,
      12
    );
    expect((values(book, "S")[1]?.[1] as number).toFixed(2)).toBe("108.33");
  });

  it("a bad covers cell shows its message in the formula's cell", () => {
    const book = buildWorkbook({
      L: [["A", "=DATE(2024,1,10)", 100, -12]],
      S: [["=SAAS.MRRMATRIX(L!A1,L!B1,L!C1,,L!D1)"]],
    });
    const value = book.getCellValue({
      sheet: book.getSheetId("S") as number,
      row: 0,
      col: 0,
    }) as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.message).toBe(
      'covers: -12 is not a service end date, a whole number of months from 1 to 600, or one of "week", "month", "quarter", "year"'
    );
  });
});

// ---------------------------------------------------------------------------------------------
// FX beside SUMPRODUCT over the looked-up rates.

const RATES: RawCellContent[][] = [
  ["Currency", "Date", "Rate"],
  ["EUR", "=DATE(2024,1,1)", 1.1],
  ["EUR", "=DATE(2024,2,1)", 1.08],
  ["EUR", "=DATE(2024,3,1)", 1.09],
  ["GBP", "=DATE(2024,1,1)", 1.27],
  ["GBP", "=DATE(2024,3,15)", 1.25],
  ["USD", "=DATE(2024,1,1)", 1],
];

/** The rate of the currency in column D on the date `date` of row r, by MAXIFS and SUMIFS. */
function lookedUpRate(r: number, date: string): string {
  const latest = `MAXIFS(R!$B$2:$B$7,R!$A$2:$A$7,L!D${r},R!$B$2:$B$7,"<="&${date})`;
  return `=IF(L!D${r}="",1,SUMIFS(R!$C$2:$C$7,R!$A$2:$A$7,L!D${r},R!$B$2:$B$7,${latest}))`;
}

describe("FX in the workbook", () => {
  const ledger: RawCellContent[][] = [
    ["Customer", "Date", "Amount", "Currency"],
    ["A", "=DATE(2024,1,15)", 1000, "EUR"],
    ["B", "=DATE(2024,2,1)", 250, "eur"],
    ["C", "=DATE(2024,3,20)", 99.9, "GBP"],
    ["D", "=DATE(2024,3,14)", -40, "GBP"],
    ["E", "=DATE(2024,3,1)", 75, ""],
    ["F", "=DATE(2024,3,1)", 12.5, "USD"],
  ];

  it("each converted amount, and their total, equal SUMPRODUCT of amounts and the rates looked up", () => {
    const book = buildWorkbook({
      L: ledger,
      R: RATES,
      F: [["=SAAS.FX.CONVERT(L!C1:C7,L!D1:D7,L!B1:B7,R!A1:C7)"]],
      H: Array.from({ length: 6 }, (_, i) => [lookedUpRate(i + 2, `L!B${i + 2}`)]),
      T: [["=SUM(F!A2:A7)", "=SUMPRODUCT(L!C2:C7,H!A1:A6)"]],
    });
    const converted = values(book, "F").map((row) => row[0]);
    const rates = values(book, "H").map((row) => row[0] as number);
    expect(converted[0]).toBe("Amount");
    expect(rates).toEqual([1.1, 1.08, 1.25, 1.27, 1, 1]);
    converted
      .slice(1)
      .forEach((value, i) =>
        expect(value).toBe((ledger[i + 1]?.[2] as number) * (rates[i] as number))
      );
    const [total, sumproduct] = values(book, "T")[0] as number[];
    expect(total).toBeCloseTo(sumproduct as number, 9);
  });

  it("as_of: every amount at one date's rates (constant currency), as SUMPRODUCT with that date", () => {
    const book = buildWorkbook({
      L: ledger,
      R: RATES,
      F: [["=SAAS.FX.CONVERT(L!C1:C7,L!D1:D7,L!B1:B7,R!A1:C7,DATE(2024,2,15))"]],
      H: Array.from({ length: 6 }, (_, i) => [lookedUpRate(i + 2, "DATE(2024,2,15)")]),
      T: [["=SUM(F!A2:A7)", "=SUMPRODUCT(L!C2:C7,H!A1:A6)"]],
    });
    const [total, sumproduct] = values(book, "T")[0] as number[];
    expect(values(book, "H").map((row) => row[0])).toEqual([1.08, 1.08, 1.27, 1.27, 1, 1]);
    expect(total).toBeCloseTo(sumproduct as number, 9);
  });

  it("a missing rate is #N/A with its message; the plain lookup finds nothing either", () => {
    const book = buildWorkbook({
      L: [["A", "=DATE(2023,12,31)", 10, "EUR"]],
      R: RATES,
      F: [["=SAAS.FX.CONVERT(L!C1,L!D1,L!B1,R!A1:C7)"]],
    });
    const value = book.getCellValue({
      sheet: book.getSheetId("F") as number,
      row: 0,
      col: 0,
    }) as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.value).toBe("#N/A");
    expect(value.message).toBe(
      'amounts L!C1: rates has no rate for "EUR" on or before 2023-12-31'
    );
  });

  it("FX feeds MRRMATRIX: a ledger in three currencies, spread over its service periods", () => {
    const book = buildWorkbook({
      L: [
        ["Customer", "Date", "Amount", "Currency", "Covers"],
        ["A", "=DATE(2024,1,15)", 1200, "EUR", "year"],
        ["B", "=DATE(2024,1,20)", 300, "GBP", "quarter"],
        ["C", "=DATE(2024,1,2)", 50, "", "month"],
      ],
      R: RATES,
      F: [["=SAAS.FX.CONVERT(L!C1:C4,L!D1:D4,L!B1:B4,R!A1:C7)"]],
      S: [["=SAAS.MRRMATRIX(L!A1:A4,L!B1:B4,F!A1:A4,,L!E1:E4)"]],
      P: [["=1200*1.1/12", "=300*1.27/3", "=50"]],
    });
    const spill = values(book, "S");
    const plain = values(book, "P")[0] as number[];
    expect(spill.map((row) => row[1])).toEqual(["2024-01-01", plain[0], plain[1], plain[2]]);
    expect(spill.map((row) => row[4])).toEqual(["2024-04-01", plain[0], 0, 0]);
  });

  it("the law on random ledgers: the converted total is SUMPRODUCT with the looked-up rates", () => {
    const line = fc.record({
      amount: fc.integer({ min: -50_000, max: 5_000_000 }).map((cents) => cents / 100),
      currency: fc.constantFrom("EUR", "GBP", "usd", ""),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const n = lines.length;
        const book = buildWorkbook({
          L: [
            ["Customer", "Date", "Amount", "Currency"],
            ...lines.map((l, i) => [
              `C${i}`,
              `=DATE(2024,${l.month},${l.day})`,
              l.amount,
              l.currency,
            ]),
          ],
          R: RATES,
          F: [[`=SAAS.FX.CONVERT(L!C1:C${n + 1},L!D1:D${n + 1},L!B1:B${n + 1},R!A1:C7)`]],
          H: lines.map((_, i) => [lookedUpRate(i + 2, `L!B${i + 2}`)]),
          T: [[`=SUM(F!A2:A${n + 1})`, `=SUMPRODUCT(L!C2:C${n + 1},H!A1:A${n})`]],
        });
        const [total, sumproduct] = values(book, "T")[0] as number[];
        expect(typeof total).toBe("number");
        expect(total).toBeCloseTo(sumproduct as number, 6);
        book.destroy();
      }),
      { numRuns: 25 }
    );
  });
});
