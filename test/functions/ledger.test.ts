/**
 * SAAS.MRRMATRIX through the built bundle and in the HyperFormula workbook, where each cell of the
 * spill is checked against SUMIFS over the ledger, and the spill feeds SAAS.COHORT and SAAS.NRR;
 * with covers, the spec's worked examples and the law that yearly renewals on time never churn;
 * SAAS.FX.CONVERT through the bundle and into MRRMATRIX.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callAsExcel, callWithAddresses, column } from "../support/bundle";
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

describe("MRRMATRIX with covers through the bundle: the spec's worked examples", () => {
  it("2,000 billed 2024-01-10 for a year: 166.67 a month through Dec 2024, then 0 unless renewed", () => {
    const matrix = callAsExcel(
      "MRRMATRIX",
      column("Customer", "A", "B"),
      column("Date", 45301, 45662), // 2024-01-10, 2025-01-05
      column("Amount", 2000, 50),
      null,
      column("Period", "year", "month")
    ) as unknown[][];
    expect(matrix[0]).toHaveLength(14);
    expect(matrix[0]?.[13]).toBe("2025-01-01");
    expect((matrix[1]?.slice(1, 13) as number[]).map((mrr) => mrr.toFixed(2))).toEqual(
      Array(12).fill("166.67")
    );
    expect(matrix[1]?.[13]).toBe(0);
    expect(
      callAsExcel(
        "MOVEMENT",
        matrix.map((row) => [row[12]]),
        matrix.map((row) => [row[13]])
      )
    ).toEqual([["Movement"], ["churn"], ["new"]]);
  });

  it("90 billed 2024-02-01 for a quarter: 30 in Feb, Mar and Apr", () => {
    expect(
      callAsExcel("MRRMATRIX", column("A"), column("2024-02-01"), column(90), null, "quarter")
    ).toEqual([
      ["customer", "2024-02-01", "2024-03-01", "2024-04-01"],
      ["A", 30, 30, 30],
    ]);
  });

  it("100 customers on 100 a month and 50 on 600 a year: MRR 12,500, every month of the year", () => {
    const ids = [
      ...Array.from({ length: 100 }, (_, i) => `M${i}`),
      ...Array.from({ length: 50 }, (_, i) => `Y${i}`),
    ];
    const monthly = Array.from({ length: 12 }, (_, m) =>
      ids.slice(0, 100).map((id) => [id, `2024-${String(m + 1).padStart(2, "0")}-15`, 100, "month"])
    );
    const yearly = ids
      .slice(100)
      .map((id, i) => [id, `2024-01-${String(1 + (i % 28)).padStart(2, "0")}`, 600, 12]);
    const lines = [...monthly.flat(), ...yearly];
    const matrix = callAsExcel(
      "MRRMATRIX",
      lines.map((l) => [l[0]]),
      lines.map((l) => [l[1]]),
      lines.map((l) => [l[2]]),
      null,
      lines.map((l) => [l[3]])
    ) as unknown[][];
    for (let m = 1; m <= 12; m++)
      expect(matrix.slice(1).reduce((sum, row) => sum + (row[m] as number), 0)).toBe(12_500);
    // The year's end: the quarter and year matrices hold December's MRR, not the year's billing.
    const yearEnd = callAsExcel(
      "MRRMATRIX",
      lines.map((l) => [l[0]]),
      lines.map((l) => [l[1]]),
      lines.map((l) => [l[2]]),
      "year",
      lines.map((l) => [l[3]])
    ) as unknown[][];
    expect(yearEnd.slice(1).reduce((sum, row) => sum + (row[1] as number), 0)).toBe(12_500);
  });

  it("99.90 charged and 33.30 + 66.60 credited in the month: exactly 0, and that customer churned", () => {
    const matrix = callAsExcel(
      "MRRMATRIX",
      column("A", "A", "A", "A"),
      column("2024-01-05", "2024-02-05", "2024-02-20", "2024-02-21"),
      column(99.9, 99.9, -33.3, -66.6),
      null,
      "month"
    ) as unknown[][];
    expect(matrix).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 99.9, 0],
    ]);
    expect(
      callAsExcel(
        "MOVEMENT",
        matrix.map((row) => [row[1]]),
        matrix.map((row) => [row[2]])
      )
    ).toEqual([["Movement"], ["churn"]]);
  });

  it("a weekly subscriber paying 25 a week: MRR 108.33", () => {
    const weeks = ["2024-03-05", "2024-03-12", "2024-03-19", "2024-03-26"];
    const matrix = callAsExcel(
      "MRRMATRIX",
      column(...weeks.map(() => "W")),
      column(...weeks),
      column(...weeks.map(() => 25)),
      null,
      "WEEK"
    ) as unknown[][];
    expect((matrix[1]?.[1] as number).toFixed(2)).toBe("108.33");
  });

  it("without covers the matrix is still the revenue billed (an annual invoice is one spike)", () => {
    expect(
      callAsExcel(
        "MRRMATRIX",
        column("A", "B"),
        column("2024-01-10", "2024-02-10"),
        column(2000, 10)
      )
    ).toEqual([
      ["customer", "2024-01-01", "2024-02-01"],
      ["A", 2000, 0],
      ["B", 0, 10],
    ]);
  });

  it("bad covers name the cell by its sheet address, in Chinese too", () => {
    const args = [
      column("A", "B"),
      column(45301, 45301),
      column(1, 2),
      null,
      column("month", "annual"),
    ];
    const parameters = ["L!A2:A3", "L!B2:B3", "L!C2:C3", "", "L!D2:D3"];
    expect(callWithAddresses({ parameters }, "MRRMATRIX", ...args)).toEqual({
      error: "#VALUE!",
      message:
        'covers L!D3: "annual" is not a service end date, a whole number of months from 1 to 600, or one of "week", "month", "quarter", "year"',
    });
    expect(
      (
        callWithAddresses({ parameters, displayLanguage: "zh-CN" }, "MRRMATRIX", ...args) as {
          message: string;
        }
      ).message
    ).toBe(
      '服务期 L!D3：“annual” 不是服务结束日期，不是 1 到 600 之间的整数月数，也不是 "week"、"month"、"quarter"、"year" 之一'
    );
  });
});

describe("a customer billed yearly who renews on time never churns or reactivates", () => {
  const ISO = (day: number) =>
    new Date(Date.UTC(1899, 11, 30) + day * 86_400_000).toISOString().slice(0, 10);
  const serial = (year: number, month: number, day: number) =>
    Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);

  it("MOVEMENT and MRRBRIDGE over every pair of consecutive months, whatever the form of covers", () => {
    const customer = fc.record({
      year: fc.integer({ min: 2021, max: 2023 }),
      month: fc.integer({ min: 1, max: 12 }),
      renewals: fc.array(
        fc.record({
          day: fc.integer({ min: 1, max: 28 }),
          cents: fc.integer({ min: 100, max: 10_000_000 }),
        }),
        { minLength: 1, maxLength: 4 }
      ),
      // "year", 12, or an end date: the last day covered or the first day no longer covered.
      form: fc.constantFrom("year", "twelve", "lastDay", "firstDayAfter"),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 5 }), (customers) => {
        const lines: [string, number, number, unknown][] = [];
        const coverage: { id: string; first: string; last: string }[] = [];
        customers.forEach((c, i) => {
          c.renewals.forEach((renewal, k) => {
            const start = serial(c.year + k, c.month, renewal.day);
            const anniversary = serial(c.year + k + 1, c.month, renewal.day);
            const covers = {
              year: "year",
              twelve: 12,
              lastDay: ISO(anniversary - 1),
              firstDayAfter: ISO(anniversary),
            }[c.form];
            lines.push([`C${i}`, start, renewal.cents / 100, covers]);
          });
          const lastYear = c.year + c.renewals.length - 1;
          const month = (year: number, m: number) =>
            `${year + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-01`;
          coverage.push({
            id: `C${i}`,
            first: month(c.year, c.month),
            last: month(lastYear, c.month + 11),
          });
        });
        const matrix = callAsExcel(
          "MRRMATRIX",
          lines.map((l) => [l[0]]),
          lines.map((l) => [l[1]]),
          lines.map((l) => [l[2]]),
          null,
          lines.map((l) => [l[3]])
        ) as unknown[][];
        const header = matrix[0] as string[];
        const columnAt = (p: number) => matrix.map((row) => [row[p]]);
        for (let p = 1; p + 1 < header.length; p++) {
          const history = p > 1 ? matrix.map((row) => row.slice(1, p)) : null;
          const labels = (
            callAsExcel("MOVEMENT", columnAt(p), columnAt(p + 1), history) as string[][]
          )
            .slice(1)
            .map((row) => row[0]);
          labels.forEach((label, r) => {
            const own = coverage[r] as { id: string; first: string; last: string };
            expect(matrix[r + 1]?.[0]).toBe(own.id);
            const next = header[p + 1] as string;
            expect(label, `${own.id} into ${next}`).not.toBe("reactivation");
            if (next >= own.first && next <= own.last)
              expect(
                ["new", "flat", "expansion", "contraction"],
                `${own.id} into ${next}`
              ).toContain(label);
          });
          const bridge = callAsExcel("MRRBRIDGE", columnAt(p), columnAt(p + 1), history) as [
            string,
            number,
          ][];
          expect(bridge[2]).toEqual(["Reactivation", 0]);
        }
      }),
      { numRuns: 60 }
    );
  });
});

describe("FX through the bundle", () => {
  const rates = [
    ["Currency", "Date", "Rate"],
    ["EUR", 45292, 1.1], // 2024-01-01
    ["EUR", 45323, 1.08], // 2024-02-01
    ["GBP", 45292, 1.27],
    ["USD", 45292, 1],
  ];

  it("converts each amount at its latest rate on or before its date, header kept", () => {
    expect(
      callAsExcel(
        "FX.CONVERT",
        column("Amount", 100, 200, 50, 10),
        column("Currency", "EUR", "gbp", "", "USD"),
        column("Date", 45337, 45300, 45337, 40000),
        rates
      )
    ).toEqual([["Amount"], [108], [254], [50], [10]]);
  });

  it("a missing rate is #N/A naming the amount, the currency and the date", () => {
    expect(callAsExcel("FX.CONVERT", column(100), column("EUR"), column("2023-12-31"), rates)).toEqual({
      error: "#N/A",
      message: 'amounts row 1: rates has no rate for "EUR" on or before 2023-12-31',
    });
    expect(callAsExcel("FX.CONVERT", column(100), column("CHF"), column(45337), rates, 45400)).toEqual({
      error: "#N/A",
      message: 'amounts row 1: rates has no rate for "CHF" on or before 2024-04-18',
    });
  });

  it("feeds MRRMATRIX: the ledger in the reporting currency, spread", () => {
    const converted = callAsExcel(
      "FX.CONVERT",
      column("Amount", 1200, 120),
      column("Cur", "EUR", "GBP"),
      column("Date", 45337, 45337),
      rates
    ) as unknown[][];
    const matrix = callAsExcel(
      "MRRMATRIX",
      column("Customer", "A", "B"),
      column("Date", 45337, 45337),
      converted,
      null,
      column("Covers", "year", "month")
    ) as unknown[][];
    expect(matrix[1]?.[1] as number).toBeCloseTo(108, 12);
    expect(matrix[2]?.[1] as number).toBeCloseTo(152.4, 12);
  });
});
