/**
 * A billing export recognised in a selection: Stripe's and Chargebee's columns, headers in
 * Chinese, any order. The service period's start is the line's date, its end what the line pays
 * for (SAAS.MRRMATRIX's covers); the currency column and the codes it holds are found too.
 */
import { describe, expect, it } from "vitest";
import { detectLayout, mappingFromLayout } from "../../src/analysis";

const STRIPE = [
  [
    "Invoice ID",
    "Customer ID",
    "Customer Name",
    "Invoice Date",
    "Period Start",
    "Period End",
    "Interval",
    "Plan",
    "Amount",
    "Currency",
    "Description",
  ],
  [
    "in_1",
    "cus_A",
    "Acme",
    "2024-01-10",
    "2024-01-10",
    "2025-01-10",
    "year",
    "Pro",
    2000,
    "usd",
    "Pro annual",
  ],
  [
    "in_2",
    "cus_B",
    "Beta",
    "2024-01-03",
    "2024-01-03",
    "2024-02-03",
    "month",
    "Basic",
    50,
    "eur",
    "Basic",
  ],
  [
    "in_3",
    "cus_B",
    "Beta",
    "2024-02-03",
    "2024-02-03",
    "2024-03-03",
    "month",
    "Basic",
    50,
    "eur",
    "Basic",
  ],
  [
    "in_4",
    "cus_C",
    "Cobalt",
    "2024-01-15",
    "2024-01-15",
    "2024-04-15",
    "quarter",
    "Team",
    270,
    "gbp",
    "Team quarterly",
  ],
  [
    "in_5",
    "cus_D",
    "Dune",
    "2024-01-08",
    "2024-01-08",
    "2024-01-15",
    "week",
    "Basic",
    25,
    "usd",
    "Weekly",
  ],
  [
    "cn_1",
    "cus_B",
    "Beta",
    "2024-02-05",
    "2024-02-03",
    "2024-03-03",
    "month",
    "Basic",
    -50,
    "eur",
    "Credit note",
  ],
];

describe("a billing export", () => {
  it("Stripe's invoice lines: period start as the date, period end as covers, currency found", () => {
    const guess = detectLayout(STRIPE);
    expect(guess).toMatchObject({
      kind: "ledger",
      headerRow: 0,
      customerColumn: 1,
      dateColumn: 4,
      amountColumn: 8,
      coversColumn: 5,
      currencyColumn: 9,
      currencies: ["EUR", "GBP", "USD"],
    });
    const mapping = mappingFromLayout(guess);
    expect(mapping).toMatchObject({
      kind: "ledger",
      coversColumn: 5,
      currencyColumn: 9,
      conversion: null,
    });
    // Neither the currency nor the period end is offered as a segment.
    const segments = guess.kind === "ledger" ? guess.segmentColumns.map((s) => s.column) : [];
    expect(segments).not.toContain(9);
    expect(segments).not.toContain(5);
  });

  it("Chargebee's line items: date from and date to, the line amount rather than tax or total", () => {
    const cells = [
      [
        "Invoice Number",
        "Customer Id",
        "Currency",
        "Line Item Date From",
        "Line Item Date To",
        "Tax",
        "Line Item Amount",
        "Total",
      ],
      ["1001", "c-1", "USD", "2024-01-01", "2024-12-31", 200, 1200, 1400],
      ["1002", "c-2", "EUR", "2024-01-05", "2024-02-04", 10, 50, 60],
      ["1003", "c-2", "EUR", "2024-02-05", "2024-03-04", 10, 50, 60],
      ["1004", "c-3", "USD", "2024-01-20", "2024-04-19", 30, 300, 330],
    ];
    expect(detectLayout(cells)).toMatchObject({
      kind: "ledger",
      customerColumn: 1,
      dateColumn: 3,
      coversColumn: 4,
      amountColumn: 6,
      currencyColumn: 2,
    });
  });

  it("headers in Chinese, in another order", () => {
    const cells = [
      ["金额", "币种", "结束日期", "客户", "开始日期"],
      [2000, "USD", "2025-01-10", "甲公司", "2024-01-10"],
      [50, "EUR", "2024-02-03", "乙公司", "2024-01-03"],
      [50, "EUR", "2024-03-03", "乙公司", "2024-02-03"],
      [270, "GBP", "2024-04-15", "丙公司", "2024-01-15"],
    ];
    expect(detectLayout(cells)).toMatchObject({
      kind: "ledger",
      amountColumn: 0,
      currencyColumn: 1,
      coversColumn: 2,
      customerColumn: 3,
      dateColumn: 4,
    });
  });

  it("an interval column when there is no period end", () => {
    const cells = [
      ["Customer", "Date", "Billing period", "Amount"],
      ["Acme", "2024-01-10", "year", 2000],
      ["Beta", "2024-01-03", "month", 50],
      ["Beta", "2024-02-03", "month", 50],
      ["Dune", "2024-01-08", "week", 25],
    ];
    expect(detectLayout(cells)).toMatchObject({
      kind: "ledger",
      dateColumn: 1,
      coversColumn: 2,
      currencyColumn: null,
    });
  });

  it("a plain ledger stays plain: no covers, no currency, a plan of three letters is a segment", () => {
    const cells = [
      ["Customer", "Date", "Amount", "Plan"],
      ["Acme", "2024-01-15", 100, "pro"],
      ["Beta", "2024-01-20", 50, "std"],
      ["Acme", "2024-02-15", 120, "pro"],
      ["Beta", "2024-02-20", 50, "std"],
    ];
    expect(detectLayout(cells)).toMatchObject({
      kind: "ledger",
      coversColumn: null,
      currencyColumn: null,
      currencies: [],
      segmentColumns: [{ column: 3, name: "Plan" }],
    });
  });
});
