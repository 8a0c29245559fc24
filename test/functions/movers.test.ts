/**
 * SAAS.MOVERS, "who moved": the customers behind one line of the bridge, largest first, through
 * the built bundle as Excel calls it and as a formula in a real spreadsheet engine, where its
 * amounts add up to the bridge's line and match the plain-formula sum of each customer's change.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, callInLanguage, column } from "../support/bundle";
import { buildWorkbook } from "../support/workbook";

const ids = (...values: unknown[]) => values.map((value) => [value]);

describe("SAAS.MOVERS through the bundle", () => {
  it("the churned customers, the biggest loss first, under a header worded in Excel's language", () => {
    const args = [ids("A", "B", "C"), column(100, 50, 80), column(0, 60, 0), "churn"];
    expect(callAsExcel("MOVERS", ...args)).toEqual([
      ["customer", "change"],
      ["A", -100],
      ["C", -80],
    ]);
    expect(callInLanguage("zh-CN", "MOVERS", ...args)).toEqual([
      ["客户", "变化"],
      ["A", -100],
      ["C", -80],
    ]);
  });

  it("customers selected with the revenue's header row line up with it; count caps the list", () => {
    const args = [
      ids("Customer", "A", "B", "C"),
      column("Jan", 100, 50, 10),
      column("Feb", 150, 120, 30),
      "expansion",
      2,
    ];
    expect(callAsExcel("MOVERS", ...args)).toEqual([
      ["customer", "change"],
      ["B", 70],
      ["A", 50],
    ]);
  });

  it("history turns new into reactivation; nobody moved that way is the header alone", () => {
    const start = column(0, 0);
    const end = column(40, 90);
    const before = column(30, 0);
    expect(callAsExcel("MOVERS", ids("A", "B"), start, end, "reactivation", null, before)).toEqual([
      ["customer", "change"],
      ["A", 40],
    ]);
    expect(callAsExcel("MOVERS", ids("A", "B"), start, end, "new", null, before)).toEqual([
      ["customer", "change"],
      ["B", 90],
    ]);
    expect(callAsExcel("MOVERS", ids("A"), column(100), column(100), "churn")).toEqual([
      ["customer", "change"],
    ]);
  });

  it("equal changes keep the ranges' order; ids keep their type and lose stray spaces", () => {
    expect(callAsExcel("MOVERS", ids(" Acme ", 1001), column(50, 50), column(0, 0), "churn")).toEqual([
      ["customer", "change"],
      ["Acme", -50],
      [1001, -50],
    ]);
  });
});

describe("SAAS.MOVERS in a spreadsheet", () => {
  const rows = [
    ["Customer", "Jan", "Feb"],
    ["Acme", 1000, 1200],
    ["Globex", 500, 0],
    ["Initech", 800, 600],
    ["Hooli", null, 400],
    ["Stark", 90, null],
    ["Soylent", 1200, 1500],
  ];
  it("each list adds up to the bridge's line, and to the plain SUMPRODUCT of the changes", () => {
    const book = buildWorkbook({
      Data: rows,
      Out: [
        ["=SAAS.MOVERS(Data!A2:A7,Data!B2:B7,Data!C2:C7,\"churn\")"],
        [],
        [],
        [],
        ["=SUM(B2:B3)"],
        ["=INDEX(SAAS.MRRBRIDGE(Data!B2:B7,Data!C2:C7),6,2)"],
        ["=-SUMPRODUCT((Data!B2:B7>0)*(Data!C2:C7=0)*Data!B2:B7)"],
      ],
    });
    const out = book.getSheetValues(book.getSheetId("Out") as number);
    expect(out.slice(0, 3)).toEqual([
      ["customer", "change"],
      ["Globex", -500],
      ["Stark", -90],
    ]);
    expect(out[4]?.[0]).toBe(-590);
    expect(out[5]?.[0]).toBe(-590);
    expect(out[6]?.[0]).toBe(-590);
  });
});
