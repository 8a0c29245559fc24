/**
 * SAAS.MRRMATRIX through the built bundle and in the HyperFormula workbook, where each cell of the
 * spill is checked against SUMIFS over the ledger, and the spill feeds SAAS.COHORT and SAAS.NRR.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, column } from "../support/bundle";
import { buildWorkbook } from "../support/workbook";

// 45306 = 2024-01-15, 45337 = 2024-02-15, 45366 = 2024-03-15, 45397 = 2024-04-15
const ledger: [string, number | string, number][] = [
  ["Acme", 45306, 100],
  ["Globex", "2024-01-03", 40],
  ["Acme", 45337, 120],
  ["Acme", "2024-02-28", 10],
  ["Initech", 45366, 75],
  ["Globex", 45366, 40],
  ["Acme", 45397, 130],
  ["Initech", "2024-04-30", 80],
];

describe("MRRMATRIX through the bundle", () => {
  it("spills the matrix with headers; feeds COHORT directly", () => {
    const matrix = callAsExcel(
      "MRRMATRIX",
      column("Customer", ...ledger.map((e) => e[0])),
      column("Date", ...ledger.map((e) => e[1])),
      column("MRR", ...ledger.map((e) => e[2])),
    ) as unknown[][];
    expect(matrix).toEqual([
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"],
      ["Acme", 100, 130, 0, 130],
      ["Globex", 40, 0, 40, 0],
      ["Initech", 0, 0, 75, 80],
    ]);
    expect(callAsExcel("COHORT", matrix)).toEqual([
      ["cohort", 0, 1, 2, 3],
      ["2024-01-01", 1, 130 / 140, 40 / 140, 130 / 140],
      ["2024-03-01", 1, 80 / 75, "", ""],
    ]);
  });

  it("quarters", () => {
    expect(callAsExcel("MRRMATRIX", column("A", "A"), column(45306, 45397), column(1, 2), "Quarter")).toEqual([
      ["customer", "2024-01-01", "2024-04-01"],
      ["A", 1, 2],
    ]);
  });

  it.each([
    ["unknown period", [column("A"), column(45306), column(1), "week"], 'period: "week" is not one of "month", "quarter", "year"'],
    ["unreadable date", [column("A"), column("yesterday"), column(1)], 'dates row 1: "yesterday" is not a date; use a date, a date serial or text like 2024-03-15'],
    ["blank customer", [column("A", ""), column(45306, 45307), column(1, 5)], "customers row 2 is blank while its amount is 5; every entry needs a customer"],
  ])("%s is #VALUE! naming it", (_why, args, message) => {
    expect(callAsExcel("MRRMATRIX", ...(args as unknown[]))).toEqual({ error: "#VALUE!", message });
  });
});

describe("MRRMATRIX in the workbook", () => {
  const data = [["Customer", "Date", "MRR"], ...ledger.map((e) => [...e])];
  const starts = ["DATE(2024,1,1)", "DATE(2024,2,1)", "DATE(2024,3,1)", "DATE(2024,4,1)", "DATE(2024,5,1)"];

  it("each cell of the spill equals SUMIFS over the ledger", () => {
    // Text dates in the ledger are not dates to SUMIFS, so the plain check uses serials only.
    const serialLedger = data.map((row, i) => (i > 0 && typeof row[1] === "string" ? [row[0], null, row[2]] : row));
    const textless = ledger.map((e) => (typeof e[1] === "string" ? ([e[0], null, e[2]] as const) : e));
    const book = buildWorkbook({
      L: serialLedger,
      S: [["=SAAS.MRRMATRIX(L!A2:A9,L!B2:B9,L!C2:C9)"]],
    });
    const spill = book.getSheetValues(book.getSheetId("S") as number);
    const customers = spill.slice(1).map((row) => row[0] as string);
    const plain = buildWorkbook({
      L: serialLedger,
      P: customers.map((id) =>
        starts.slice(0, -1).map((start, p) => `=SUMIFS(L!C2:C9,L!A2:A9,"${id}",L!B2:B9,">="&${start},L!B2:B9,"<"&${starts[p + 1]})`),
      ),
    });
    const expected = plain.getSheetValues(plain.getSheetId("P") as number);
    expect(textless.length).toBe(8);
    spill.slice(1).forEach((row, c) => expect(row.slice(1)).toEqual(expected[c]));
  });

  it("the spill feeds COHORT and NRR in cells", () => {
    const book = buildWorkbook({
      L: data,
      S: [["=SAAS.MRRMATRIX(L!A2:A9,L!B2:B9,L!C2:C9)"]],
      C: [["=SAAS.NRR(S!B1:B4,S!C1:C4)", "=SAAS.COHORT(S!A1:E4)"]],
    });
    const c = book.getSheetId("C") as number;
    expect(book.getCellValue({ sheet: c, row: 0, col: 0 }) as number).toBeCloseTo(130 / 140, 12);
    expect(book.getCellValue({ sheet: c, row: 1, col: 1 })).toBe("2024-01-01");
  });
});
