/**
 * The functions of other tools' conventions, ARPA and LTV, and the survey intervals, as formulas
 * in a real spreadsheet engine, each beside the same quantity written with plain formulas
 * (SUMPRODUCT, COUNTIF, NORM.S.INV…) in the same workbook.
 */
import type { HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook } from "../support/workbook";

// Customers in rows 2..11: id, start MRR, end MRR, MRR before the start (history).
const customers: [string, number | null, number | null, number | null][] = [
  ["Acme", 1000, 1200, 900],
  ["Globex", 500, 0, 500],
  ["Initech", 800, 600, 800],
  ["Umbrella", 300, 300, 250],
  ["Hooli", null, 400, null], // new
  ["Vehement", 250, 100, 300],
  ["Soylent", 1200, 1500, 1100],
  ["Stark", 90, null, 90],
  ["Wayne", 0, 640, 700], // reactivated
  ["Tyrell", 0, 0, 0],
];
// Survey answers in rows 2..21: who answered (column F), the score (G) and a CSAT on 1–10 (I).
const answers: [string, number | null, number][] = [
  ["Soylent", 10, 9],
  ["Acme", 9, 10],
  ["Initech", 6, 7],
  ["Globex", 2, 3],
  ["Umbrella", 8, 8],
  ["Hooli", 10, 10],
  ["Vehement", 7, 6],
  ["Stark", 0, 2],
  ["Wayne", 9, 9],
  ["Tyrell", null, 5],
  ["x11", 10, 10],
  ["x12", 5, 8],
  ["x13", 9, 9],
  ["x14", 10, 7],
  ["x15", 3, 4],
  ["x16", 8, 8],
  ["x17", 9, 10],
  ["x18", null, 1],
  ["x19", 10, 9],
  ["x20", 7, 8],
];

const B = "Data!$B$2:$B$11";
const C = "Data!$C$2:$C$11";
const D = "Data!$D$2:$D$11";
const G = "Data!$G$2:$G$21";
const GA = "Data!$G$2:$G$11";
const GB = "Data!$G$12:$G$21";
const H = "Data!$H$2:$H$11";
const I = "Data!$I$2:$I$21";

const EXISTING = `(${B}>0)`;
const EXPANSION = `SUMPRODUCT(${EXISTING}*(${C}>${B})*(${C}-${B}))`;
const CONTRACTION = `SUMPRODUCT(${EXISTING}*(${C}<${B})*(${C}>0)*(${B}-${C}))`;
const CHURN = `SUMPRODUCT(${EXISTING}*(${C}=0)*${B})`;
const NEW = `SUMPRODUCT((${B}=0)*(${D}=0)*${C})`;
const NEW_LOGOS = `SUMPRODUCT((${B}=0)*(${D}=0)*(${C}>0))`;
const REACTIVATION = `SUMPRODUCT((${B}=0)*(${D}>0)*${C})`;

/** NPS shares of a range, plain or adjusted-Wald: [p, d, n] as formulas. */
function shares(range: string, adjusted: boolean): [string, string, string] {
  const add = adjusted ? "+0.75" : "";
  const n = `(COUNT(${range})${adjusted ? "+3" : ""})`;
  return [`((COUNTIF(${range},">=9")${add})/${n})`, `((COUNTIF(${range},"<=6")${add})/${n})`, n];
}
function margin(range: string, adjusted: boolean, z: string): string {
  const [p, d, n] = shares(range, adjusted);
  return `${z}*100*SQRT((${p}+${d}-(${p}-${d})^2)/${n})`;
}
function centre(range: string, adjusted: boolean): string {
  const [p, d] = shares(range, adjusted);
  return `100*(${p}-${d})`;
}
const Z95 = "NORM.S.INV(0.975)";
const Z90 = "NORM.S.INV(0.95)";

/** Monthly logo churn from column `a` to column `b` of the Matrix sheet (rows 2..6). */
const logoChurn = (a: string, b: string) =>
  `SUMPRODUCT((Matrix!${a}2:${a}6>0)*(Matrix!${b}2:${b}6=0))/COUNTIF(Matrix!${a}2:${a}6,">0")`;
const revenueChurn = (a: string, b: string) =>
  `SUMPRODUCT((Matrix!${a}2:${a}6>0)*(Matrix!${b}2:${b}6<Matrix!${a}2:${a}6)*(Matrix!${a}2:${a}6-Matrix!${b}2:${b}6))/SUM(Matrix!${a}2:${a}6)`;
// The Matrix sheet holds ids in column A and the months in B..J: month 2 is C, …, month 9 J.
const MONTHS = ["C", "D", "E", "F", "G", "H", "I", "J"];

/** [label, custom-function formula, plain-formula equivalent] */
const pairs: [string, string, string][] = [
  ["NPS.MOE, Wald", `=SAAS.NPS.MOE(${G})`, `=${margin(G, false, Z95)}`],
  ["NPS.MOE, adjusted at 90%", `=SAAS.NPS.MOE(${G},0.9,"adjusted")`, `=${margin(G, true, Z90)}`],
  [
    "NPS.CI lower, adjusted (default)",
    `=INDEX(SAAS.NPS.CI(${G}),1,2)`,
    `=MAX(-100,${centre(G, true)}-${margin(G, true, Z95)})`,
  ],
  [
    "NPS.CI upper, adjusted (default)",
    `=INDEX(SAAS.NPS.CI(${G}),2,2)`,
    `=MIN(100,${centre(G, true)}+${margin(G, true, Z95)})`,
  ],
  [
    "NPS.CI upper, Wald at 90%",
    `=INDEX(SAAS.NPS.CI(${G},0.9,"wald"),2,2)`,
    `=MIN(100,${centre(G, false)}+${margin(G, false, Z90)})`,
  ],
  [
    "NPS.TEST, adjusted",
    `=SAAS.NPS.TEST(${GA},${GB},"adjusted")`,
    (() => {
      const [pa, da, na] = shares(GA, true);
      const [pb, db, nb] = shares(GB, true);
      const va = `(${pa}+${da}-(${pa}-${da})^2)`;
      const vb = `(${pb}+${db}-(${pb}-${db})^2)`;
      return `=2*(1-NORM.S.DIST(ABS((${pa}-${da}-(${pb}-${db}))/SQRT(${va}/${na}+${vb}/${nb})),TRUE()))`;
    })(),
  ],
  [
    "NPS.CATEGORY: promoters counted",
    `=SUMPRODUCT((SAAS.NPS.CATEGORY(${G})="promoter")*1)`,
    `=COUNTIF(${G},">=9")`,
  ],
  [
    "NPS.CATEGORY: the fifth answer",
    `=INDEX(SAAS.NPS.CATEGORY(${G}),5,1)`,
    `=IF(Data!G6="","",IF(Data!G6>=9,"promoter",IF(Data!G6>=7,"passive","detractor")))`,
  ],
  [
    "NRR of the promoters (categories looked up per customer with XLOOKUP)",
    `=SAAS.NRR(${B},${C},${H},"promoter")`,
    `=SUMPRODUCT((${H}="promoter")*${EXISTING}*${C})/SUMIF(${H},"promoter",${B})`,
  ],
  [
    "NRR of the detractors",
    `=SAAS.NRR(${B},${C},${H},"detractor")`,
    `=SUMPRODUCT((${H}="detractor")*${EXISTING}*${C})/SUMIF(${H},"detractor",${B})`,
  ],
  ["NPS.SAMPLESIZE, worst case", "=SAAS.NPS.SAMPLESIZE(5)", `=MAX(1,ROUNDUP(${Z95}^2/(5/100)^2-3,0))`],
  [
    "NPS.SAMPLESIZE, NPS 40 expected, 90%",
    "=SAAS.NPS.SAMPLESIZE(3,0.9,40)",
    `=MAX(1,ROUNDUP((1-(40/100)^2)*${Z90}^2/(3/100)^2-3,0))`,
  ],
  [
    "RATE.CI lower (Wilson)",
    "=INDEX(SAAS.RATE.CI(2,30),1,2)",
    `=(2+${Z95}^2/2)/(30+${Z95}^2)-${Z95}/(30+${Z95}^2)*SQRT(2*(30-2)/30+${Z95}^2/4)`,
  ],
  [
    "RATE.CI upper at 90%",
    "=INDEX(SAAS.RATE.CI(2,30,0.9),2,2)",
    `=(2+${Z90}^2/2)/(30+${Z90}^2)+${Z90}/(30+${Z90}^2)*SQRT(2*(30-2)/30+${Z90}^2/4)`,
  ],
  ["CSAT, top three boxes of 1–10", `=SAAS.CSAT(${I},10,"top3")`, `=COUNTIF(${I},">=8")/COUNT(${I})`],
  ["CSAT, satisfied from 9", `=SAAS.CSAT(${I},10,9)`, `=COUNTIF(${I},">=9")/COUNT(${I})`],
  ["ARPA", `=SAAS.ARPA(${C})`, `=SUM(${C})/COUNTIF(${C},">0")`],
  ["LTV of ARPA, 5% churn, 80% margin", `=SAAS.LTV(SAAS.ARPA(${C}),0.05,0.8)`, `=SUM(${C})/COUNTIF(${C},">0")*0.8/0.05`],
  [
    "CHURN.TRAILING, logo, six months",
    "=SAAS.CHURN.TRAILING(Matrix!A1:J6)",
    `=(${[0, 1, 2, 3, 4, 5].map((k) => logoChurn(MONTHS[k] as string, MONTHS[k + 1] as string)).join("+")})/6`,
  ],
  [
    "CHURN.TRAILING, revenue, three months",
    '=SAAS.CHURN.TRAILING(Matrix!A1:J6,3,"revenue")',
    `=(${[3, 4, 5].map((k) => revenueChurn(MONTHS[k] as string, MONTHS[k + 1] as string)).join("+")})/3`,
  ],
  ["RECONCILE: this add-in's net MRR churn", `=INDEX(SAAS.RECONCILE(${B},${C},${D}),2,2)`, `=(${CHURN}+${CONTRACTION}-${EXPANSION})/SUM(${B})`],
  [
    "RECONCILE: ChartMogul's net MRR churn",
    `=INDEX(SAAS.RECONCILE(${B},${C},${D}),2,3)`,
    `=(${CHURN}+${CONTRACTION}-${EXPANSION}-${REACTIVATION})/SUM(${B})`,
  ],
  [
    "RECONCILE: Baremetrics' quick ratio",
    `=INDEX(SAAS.RECONCILE(${B},${C},${D}),3,4)`,
    `=(${NEW}+${EXPANSION})/(${CONTRACTION}+${CHURN})`,
  ],
  [
    "RECONCILE: Stripe's customer churn",
    `=INDEX(SAAS.RECONCILE(${B},${C},${D}),4,5)`,
    `=SUMPRODUCT(${EXISTING}*(${C}=0))/(COUNTIF(${B},">0")+${NEW_LOGOS})`,
  ],
  [
    "RECONCILE: Chargebee's GRR",
    `=INDEX(SAAS.RECONCILE(${B},${C},${D}),5,6)`,
    `=MIN(SUM(${B}),SUMPRODUCT(${EXISTING}*${C}))/SUM(${B})`,
  ],
];

// A customers × months matrix as SAAS.MRRMATRIX spills it: "customer" top left, the months
// across, ids down; the latest month (J) is left out by CHURN.TRAILING.
const matrix: (string | number)[][] = [
  ["customer", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01"],
  ["A", 100, 100, 100, 100, 100, 100, 100, 100, 0],
  ["B", 100, 100, 0, 0, 0, 0, 0, 0, 0],
  ["C", 0, 50, 50, 50, 50, 0, 0, 0, 0],
  ["D", 80, 80, 80, 60, 60, 60, 60, 0, 0],
  ["E", 0, 0, 0, 40, 40, 40, 45, 45, 45],
];

let hf: HyperFormula;

beforeAll(() => {
  const data: (string | number | null)[][] = [
    ["Customer", "Start", "End", "Before", "", "Answered by", "NPS", "NPS group", "CSAT"],
  ];
  for (let i = 0; i < answers.length; i++) {
    const c = customers[i];
    const a = answers[i] as [string, number | null, number];
    data.push([
      c?.[0] ?? null,
      c?.[1] ?? null,
      c?.[2] ?? null,
      c?.[3] ?? null,
      null,
      a[0],
      a[1],
      // Each customer's NPS group, looked up from the survey. In Excel one formula spills it:
      // XLOOKUP(A2:A11,F2:F21,SAAS.NPS.CATEGORY(G2:G21)); HyperFormula's XLOOKUP takes one
      // lookup value at a time, so here it is one formula a row.
      c ? `=XLOOKUP(A${i + 2},$F$2:$F$21,SAAS.NPS.CATEGORY($G$2:$G$21),"")` : null,
      a[2],
    ]);
  }
  const checks = pairs.map(([label, custom, plain]) => [label, custom, plain]);
  hf = buildWorkbook({ Checks: checks, Data: data, Matrix: matrix });
});

describe("=SAAS.* in cells agrees with the plain-formula equivalent", () => {
  pairs.forEach(([label], row) => {
    it(label, () => {
      const checks = hf.getSheetId("Checks") as number;
      const custom = hf.getCellValue({ sheet: checks, row, col: 1 });
      const plain = hf.getCellValue({ sheet: checks, row, col: 2 });
      expect(["number", "string"], `${label}: ${JSON.stringify(plain)}`).toContain(typeof plain);
      expect(typeof custom, `${label}: ${JSON.stringify(custom)}`).toBe(typeof plain);
      if (typeof plain === "number") {
        expect(Number.isFinite(plain)).toBe(true);
        expect(custom as number).toBeCloseTo(plain, 10);
      }
      else expect(custom).toEqual(plain);
    });
  });

  it("the lookups put each customer in its NPS group (Tyrell gave no score: no group)", () => {
    const data = hf.getSheetId("Data") as number;
    const groups = customers.map((_, r) => hf.getCellValue({ sheet: data, row: r + 1, col: 7 }));
    expect(groups).toEqual([
      "promoter",
      "detractor",
      "detractor",
      "passive",
      "promoter",
      "passive",
      "promoter",
      "detractor",
      "promoter",
      "",
    ]);
  });

  it("NRR by NPS group spills one row per group and a Total", () => {
    const book = buildWorkbook({
      Data: hf.getSheetSerialized(hf.getSheetId("Data") as number),
      S: [[`=SAAS.NRR(${B},${C},${H})`]],
    });
    const spill = book.getSheetValues(book.getSheetId("S") as number);
    expect(spill.map((row) => row[0])).toEqual(["promoter", "detractor", "passive", "(blank)", "Total"]);
    expect(spill[0]?.[1] as number).toBeCloseTo((1200 + 1500) / (1000 + 1200), 12);
    expect(spill[4]?.[1] as number).toBeCloseTo((1200 + 0 + 600 + 300 + 100 + 1500 + 0) / 4140, 12);
  });
});
