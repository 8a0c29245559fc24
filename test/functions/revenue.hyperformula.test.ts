/**
 * The revenue, time-series and cohort functions as formulas in a real spreadsheet engine, each
 * next to the same quantity written with plain formulas where a spreadsheet can express it.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook } from "../support/workbook";

// Rows 2..11: customer, start, end, plan, revenue in an earlier month (history).
const customers: [string, number | null, number | null, string, number | null][] = [
  ["Acme", 1000, 1200, "Enterprise", 900],
  ["Globex", 500, 0, "SMB", 500],
  ["Initech", 800, 600, "Enterprise", 800],
  ["Umbrella", 300, 300, "SMB", 250],
  ["Hooli", null, 400, "SMB", null], // new
  ["Vehement", 250, 100, "Mid-market", 300],
  ["Soylent", 1200, 1500, "Enterprise", 1100],
  ["Stark", 90, null, "Mid-market", 90],
  ["Wayne", 0, 640, "SMB", 700], // reactivated
  ["Tyrell", 0, 0, "Mid-market", 0],
];

const B = "Data!B2:B11";
const C = "Data!C2:C11";
const D = "Data!D2:D11";
const E = "Data!E2:E11";
const EXISTING = `(${B}>0)`;
const EXPANSION = `SUMPRODUCT(${EXISTING}*(${C}>${B})*(${C}-${B}))`;
const CONTRACTION = `SUMPRODUCT(${EXISTING}*(${C}<${B})*(${C}>0)*(${B}-${C}))`;
const CHURN = `SUMPRODUCT(${EXISTING}*(${C}=0)*${B})`;
const NEW = `SUMPRODUCT((${B}=0)*(${E}=0)*${C})`;
const REACTIVATION = `SUMPRODUCT((${B}=0)*(${E}>0)*${C})`;
const STARTING_LOGOS = `COUNTIF(${B},">0")`;

const pairs: [string, string, string][] = [
  ["NETMRRCHURN", `=SAAS.NETMRRCHURN(${B},${C})`, `=(${CHURN}+${CONTRACTION}-${EXPANSION})/SUM(${B})`],
  ["EXPANSIONRATE", `=SAAS.EXPANSIONRATE(${B},${C})`, `=${EXPANSION}/SUM(${B})`],
  ["CONTRACTIONRATE", `=SAAS.CONTRACTIONRATE(${B},${C})`, `=${CONTRACTION}/SUM(${B})`],
  ["LOGORETENTION", `=SAAS.LOGORETENTION(${B},${C})`, `=SUMPRODUCT(${EXISTING}*(${C}>0))/${STARTING_LOGOS}`],
  ["LOGOCHURN", `=SAAS.LOGOCHURN(${B},${C})`, `=SUMPRODUCT(${EXISTING}*(${C}=0))/${STARTING_LOGOS}`],
  ["EXPANDERRATE", `=SAAS.EXPANDERRATE(${B},${C})`, `=SUMPRODUCT(${EXISTING}*(${C}>${B}))/${STARTING_LOGOS}`],
  ["QUICKRATIO", `=SAAS.QUICKRATIO(${B},${C})`, `=(SUMPRODUCT((${B}=0)*${C})+${EXPANSION})/(${CONTRACTION}+${CHURN})`],
  ["QUICKRATIO with history", `=SAAS.QUICKRATIO(${B},${C},${E})`, `=(${NEW}+${REACTIVATION}+${EXPANSION})/(${CONTRACTION}+${CHURN})`],
  [
    "LOGORETENTION of one segment",
    `=SAAS.LOGORETENTION(${B},${C},${D},"enterprise")`,
    `=SUMPRODUCT((${D}="Enterprise")*${EXISTING}*(${C}>0))/COUNTIFS(${D},"Enterprise",${B},">0")`,
  ],
  ["NRR.PARTS", "=SAAS.NRR.PARTS(100000000,20000000,-5000000,5000000)", "=(100000000+20000000-5000000-5000000)/100000000"],
  ["GRR.PARTS", "=SAAS.GRR.PARTS(8000,500,-1500)", "=(8000-500-1500)/8000"],
  ["ANNUALIZE churn", "=SAAS.ANNUALIZE(0.025)", "=1-(1-0.025)^12"],
  ["ANNUALIZE retention", '=SAAS.ANNUALIZE(1.012,"retention")', "=1.012^12"],
  ["COMPOUND", "=SAAS.COMPOUND(Data!G2:G5)", "=PRODUCT(Data!G2:G5)"],
];

let hf: HyperFormula;

beforeAll(() => {
  const data: (string | number | null)[][] = [["Customer", "Start", "End", "Plan", "Before", "", "Monthly NRR"]];
  const rates = [1.01, 0.98, 1.03, 1.0];
  customers.forEach((c, i) => data.push([...c, null, rates[i] ?? null]));
  const checks = pairs.map(([label, custom, plain]) => [label, custom, plain]);
  hf = buildWorkbook({ Checks: checks, Data: data });
});

describe("=SAAS.* revenue functions agree with plain formulas", () => {
  pairs.forEach(([label], row) => {
    it(label, () => {
      const custom = hf.getCellValue({ sheet: 0, row, col: 1 });
      const plain = hf.getCellValue({ sheet: 0, row, col: 2 });
      expect(typeof custom, `${label}: ${JSON.stringify(custom)}`).toBe("number");
      expect(typeof plain, `${label} plain: ${JSON.stringify(plain)}`).toBe("number");
      expect(custom as number).toBeCloseTo(plain as number, 10);
    });
  });
});

describe("spills in the workbook", () => {
  function sheet(formula: string, extra: (string | number | null)[][] = []) {
    const data: (string | number | null)[][] = [["Customer", "Start", "End", "Plan", "Before"]];
    customers.forEach((c) => data.push([...c]));
    const book = buildWorkbook({ Data: data, S: [[formula], ...extra] });
    return book.getSheetValues(book.getSheetId("S") as number);
  }

  it("MRRBRIDGE matches SUMPRODUCT per line and adds up to Ending MRR", () => {
    const values = sheet(`=SAAS.MRRBRIDGE(${B},${C},${E})`);
    const plain = buildWorkbook({
      Data: [["Customer", "Start", "End", "Plan", "Before"], ...customers.map((c) => [...c])],
      P: [[`=SUM(${B})`], [`=${NEW}`], [`=${REACTIVATION}`], [`=${EXPANSION}`], [`=-${CONTRACTION}`], [`=-${CHURN}`], [`=SUM(${C})`]],
    });
    const expected = plain.getSheetValues(plain.getSheetId("P") as number).map((row) => row[0]);
    expect(values.map((row) => row[0])).toEqual(["Starting MRR", "New", "Reactivation", "Expansion", "Contraction", "Churn", "Ending MRR"]);
    values.forEach((row, i) => expect(row[1] as number).toBeCloseTo(expected[i] as number, 10));
    const sum = values.slice(0, 6).reduce((acc, row) => acc + (row[1] as number), 0);
    expect(sum).toBeCloseTo(values[6]?.[1] as number, 10);
  });

  it("MOVEMENT matches a nested IF per customer", () => {
    const labels = sheet(`=SAAS.MOVEMENT(${B},${C},${E})`).map((row) => row[0] ?? "");
    const ifs = customers.map((_, i) => {
      const r = i + 2;
      const [b, c, e] = [`Data!B${r}`, `Data!C${r}`, `Data!E${r}`];
      return [
        `=IF(${b}>0,IF(${c}>${b},"expansion",IF(${c}=${b},"flat",IF(${c}>0,"contraction","churn"))),IF(${c}>0,IF(${e}>0,"reactivation","new"),""))`,
      ];
    });
    const book = buildWorkbook({ Data: [["h"], ...customers.map((c) => [...c])], P: ifs });
    const expected = book.getSheetValues(book.getSheetId("P") as number).map((row) => row[0]);
    expect(labels).toEqual(expected);
  });

  it("PROJECT matches the recursion written cell by cell", () => {
    const projected = sheet("=SAAS.PROJECT(5000,1.015,300,6)").map((row) => row[0] as number);
    const recursion = [["=5000*1.015+300"], ...Array.from({ length: 5 }, (_, i) => [`=A${i + 1}*1.015+300`])];
    const book = buildWorkbook({ R: recursion });
    const expected = book.getSheetValues(0).map((row) => row[0] as number);
    expect(projected).toHaveLength(6);
    projected.forEach((mrr, i) => expect(mrr).toBeCloseTo(expected[i] as number, 9));
  });

  it("COHORT over a block in the sheet: cohorts, ages and empty cells beyond the data", () => {
    const book = buildWorkbook({
      M: [
        ["Jan", "Feb", "Mar"],
        [100, 100, 0],
        [0, 50, 100],
        [200, 100, 300],
      ],
      S: [["=SAAS.COHORT(M!A1:C4)"]],
    });
    const values = book.getSheetValues(book.getSheetId("S") as number);
    expect(values[0]).toEqual(["cohort", 0, 1, 2]);
    expect(values[1]?.[0]).toBe("Jan");
    expect(values[1]?.[2] as number).toBeCloseTo(200 / 300, 12);
    expect(values[2]).toEqual(["Feb", 1, 2, ""]); // beyond the data: "", which Excel shows as an empty cell
  });

  it("MRRMATRIX.SEGMENTS lines up with MRRMATRIX and agrees with INDEX/MATCH on each id", () => {
    const ledger = [
      ["Customer", "Date", "Amount", "Plan"],
      ["Acme", "2024-01-05", 100, "SMB"],
      ["Beta", "2024-01-07", 50, "Enterprise"],
      ["ACME", "2024-02-05", 120, "Enterprise"], // the same customer: its first line's plan counts
      ["Cyan", "2024-02-09", 70, "Mid-market"],
    ];
    const book = buildWorkbook({
      L: ledger,
      S: [
        [
          "=SAAS.MRRMATRIX(L!A1:A5,L!B1:B5,L!C1:C5)",
          null,
          null,
          "=SAAS.MRRMATRIX.SEGMENTS(L!A1:A5,L!B1:B5,L!C1:C5,L!D1:D5)",
        ],
      ],
    });
    const values = book.getSheetValues(book.getSheetId("S") as number);
    expect(values.map((row) => row[0])).toEqual(["customer", "Acme", "Beta", "Cyan"]);
    expect(values.map((row) => row[3])).toEqual(["Plan", "SMB", "Enterprise", "Mid-market"]);
    // The plain way: MATCH (any case, first match) of each matrix id in the ledger's customers.
    const lookups = buildWorkbook({
      L: ledger,
      P: ["Acme", "Beta", "Cyan"].map((id) => [`=INDEX(L!D2:D5,MATCH("${id}",L!A2:A5,0))`]),
    });
    const plain = lookups.getSheetValues(lookups.getSheetId("P") as number).map((row) => row[0]);
    expect(values.slice(1).map((row) => row[3])).toEqual(plain);
  });

  it("bad input shows its message in the cell", () => {
    const book = buildWorkbook({ S: [["=SAAS.PROJECT(100,1,0,0)"]] });
    const value = book.getCellValue({ sheet: 0, row: 0, col: 0 }) as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.message).toBe("months: 0 must be a whole number from 1 to 600");
  });
});
