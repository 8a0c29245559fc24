/**
 * =SAAS.* formulas evaluated in cells of a real spreadsheet engine, each checked against the same
 * quantity written with plain spreadsheet formulas (SUMPRODUCT, SUMIF, COUNTIF) in a
 * neighbouring cell of the same workbook.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook } from "../support/workbook";

// Customers in rows 2..11: name, start MRR, end MRR, plan. Row 1 holds headers.
const customers: [string, number | null, number | null, string][] = [
  ["Acme", 1000, 1200, "Enterprise"],
  ["Globex", 500, 0, "SMB"],
  ["Initech", 800, 600, "Enterprise"],
  ["Umbrella", 300, 300, "SMB"],
  ["Hooli", null, 400, "SMB"], // new: never counts in retention
  ["Vehement", 250, 100, "Mid-market"],
  ["Soylent", 1200, 1500, "enterprise"], // case differs: same segment
  ["Stark", 90, null, "Mid-market"], // churned, blank end
  ["Wayne", 640, 640, "SMB"],
  ["Tyrell", 0, 0, "Mid-market"],
];

// NPS answers in rows 2..21 of column F: 8 promoters, 5 passives, 5 detractors, 2 blanks.
const scores: (number | null)[] = [10, 9, 9, 10, 7, 8, 6, 0, null, 3, 9, 10, 7, 5, 9, 8, 8, 2, null, 10];

const B = "B2:B11";
const C = "C2:C11";
const D = "D2:D11";
const F = "F2:F21";

/** [label, custom-function formula, plain-formula equivalent] */
const pairs: [string, string, string][] = [
  ["NRR", `=SAAS.NRR(${B},${C})`, `=SUMPRODUCT((${B}>0)*${C})/SUM(${B})`],
  ["NRR, columns selected with their headers", "=SAAS.NRR(B1:B11,C1:C11)", `=SUMPRODUCT((${B}>0)*${C})/SUM(${B})`],
  [
    "GRR",
    `=SAAS.GRR(${B},${C})`,
    `=SUMPRODUCT((${B}>0)*((${C}<${B})*${C}+(${C}>=${B})*${B}))/SUM(${B})`,
  ],
  ["MRRCHURN", `=SAAS.MRRCHURN(${B},${C})`, `=SUMPRODUCT((${B}>0)*(${C}<${B})*(${B}-${C}))/SUM(${B})`],
  ["MRRCHURN without contraction", `=SAAS.MRRCHURN(${B},${C},FALSE())`, `=SUMPRODUCT((${B}>0)*(${C}=0)*${B})/SUM(${B})`],
  [
    "NRR of one segment",
    `=SAAS.NRR(${B},${C},${D},"Enterprise")`,
    `=SUMPRODUCT((${D}="Enterprise")*(${B}>0)*${C})/SUMIF(${D},"Enterprise",${B})`,
  ],
  [
    "GRR of one segment",
    `=SAAS.GRR(${B},${C},${D},"smb")`,
    `=SUMPRODUCT((${D}="SMB")*(${B}>0)*((${C}<${B})*${C}+(${C}>=${B})*${B}))/SUMIF(${D},"SMB",${B})`,
  ],
  [
    "MRRCHURN of one segment, omitted include_contraction",
    `=SAAS.MRRCHURN(${B},${C},,${D},"Mid-market")`,
    `=SUMPRODUCT((${D}="Mid-market")*(${B}>0)*(${C}<${B})*(${B}-${C}))/SUMIF(${D},"Mid-market",${B})`,
  ],
  ["NPS", `=SAAS.NPS(${F})`, `=(COUNTIF(${F},">=9")-COUNTIF(${F},"<=6"))/COUNT(${F})*100`],
  ["NPS with its header", "=SAAS.NPS(F1:F21)", `=(COUNTIF(${F},">=9")-COUNTIF(${F},"<=6"))/COUNT(${F})*100`],
];

let hf: HyperFormula;
const CHECKS = 0; // sheet index of the checks sheet

beforeAll(() => {
  const data: (string | number | null)[][] = [["Customer", "Start MRR", "End MRR", "Plan", "", "NPS"]];
  for (let i = 0; i < 20; i++) {
    const c = customers[i];
    data.push([c?.[0] ?? null, c?.[1] ?? null, c?.[2] ?? null, c?.[3] ?? null, null, scores[i] ?? null]);
  }
  const checks = pairs.map(([label, custom, plain]) => [label, custom.replace(/([A-F]\d+:[A-F]\d+)/g, "Data!$1"), plain.replace(/([A-F]\d+:[A-F]\d+)/g, "Data!$1")]);
  hf = buildWorkbook({ Checks: checks, Data: data });
  expect(hf.getSheetId("Checks")).toBe(CHECKS);
});

describe("=SAAS.* in cells agrees with the plain-formula equivalent", () => {
  pairs.forEach(([label], row) => {
    it(label, () => {
      const custom = hf.getCellValue({ sheet: CHECKS, row, col: 1 });
      const plain = hf.getCellValue({ sheet: CHECKS, row, col: 2 });
      expect(typeof custom, `${label}: ${String(custom)}`).toBe("number");
      expect(typeof plain).toBe("number");
      expect(custom as number).toBeCloseTo(plain as number, 10);
    });
  });

  it("the seed figures come out (hand check of the sample: NRR 4,340/4,780)", () => {
    expect(hf.getCellValue({ sheet: CHECKS, row: 0, col: 1 }) as number).toBeCloseTo(4340 / 4780, 12);
    expect(hf.getCellValue({ sheet: CHECKS, row: 8, col: 1 }) as number).toBeCloseTo(((8 - 5) / 18) * 100, 12);
  });
});

describe("spills and errors in the workbook", () => {
  function sheetWith(formulas: Record<string, string>, extra: (string | number | null)[][] = []): HyperFormula {
    const data: (string | number | null)[][] = [["Customer", "Start MRR", "End MRR", "Plan"]];
    for (const c of customers) data.push([...c]);
    const rows = Object.values(formulas).map((f) => [f]);
    return buildWorkbook({ Data: data, Sheet: [...rows, ...extra] });
  }

  it("a segment table spills one row per segment and a Total row", () => {
    const book = sheetWith({ table: "=SAAS.NRR(Data!B2:B11,Data!C2:C11,Data!D2:D11)" });
    const sheet = book.getSheetId("Sheet") as number;
    const spill = book.getSheetValues(sheet);
    expect(spill.map((row) => row[0])).toEqual(["Enterprise", "SMB", "Mid-market", "Total"]);
    expect(spill[0]?.[1] as number).toBeCloseTo(3300 / 3000, 12);
    expect(spill[3]?.[1] as number).toBeCloseTo(4340 / 4780, 12);
  });

  it("a bad score is #VALUE! with the message naming its cell and value", () => {
    const book = buildWorkbook({ S: [[9], [11], ["=SAAS.NPS(A1:A2)"]] });
    const value = book.getCellValue({ sheet: 0, row: 2, col: 0 });
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).value).toBe("#VALUE!");
    expect((value as DetailedCellError).message).toBe("scores A2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10");
  });

  it("an error in an input range is passed on, as SUM passes it on", () => {
    const book = buildWorkbook({ S: [[100, 90], ["=1/0", 10], ["=SAAS.GRR(A1:A2,B1:B2)", "=SUM(A1:A2)"]] });
    expect((book.getCellValue({ sheet: 0, row: 2, col: 0 }) as DetailedCellError).value).toBe("#DIV/0!");
    expect((book.getCellValue({ sheet: 0, row: 2, col: 1 }) as DetailedCellError).value).toBe("#DIV/0!");
  });

  it("no starting revenue is #DIV/0!", () => {
    const book = buildWorkbook({ S: [[0, 10], [null, 5], ["=SAAS.NRR(A1:A2,B1:B2)"]] });
    expect((book.getCellValue({ sheet: 0, row: 2, col: 0 }) as DetailedCellError).value).toBe("#DIV/0!");
  });

  it("the formula recalculates when the data change", () => {
    const book = buildWorkbook({ S: [[100, 90], [100, 100], ["=SAAS.GRR(A1:A2,B1:B2)"]] });
    expect(book.getCellValue({ sheet: 0, row: 2, col: 0 }) as number).toBeCloseTo(0.95, 12);
    book.setCellContents({ sheet: 0, row: 1, col: 1 }, 0);
    expect(book.getCellValue({ sheet: 0, row: 2, col: 0 }) as number).toBeCloseTo(0.45, 12);
  });
});
