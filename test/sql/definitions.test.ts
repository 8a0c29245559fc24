/**
 * The worked examples of docs/metrics.md ("From billing lines to MRR", the MRR bridge) through
 * the SQL definitions on DuckDB, each beside the calculation core's answer for the same ledger.
 */
import { describe, expect, it } from "vitest";
import { csvText, expectSqlAgreesWithCore } from "../support/warehouse";

type Row = (string | number | null)[];
const HEADER: Row = ["Customer", "Date", "Amount", "Covers"];

async function matrixOf(rows: Row[], from: string, to: string) {
  const answer = await expectSqlAgreesWithCore(csvText([HEADER, ...rows]), { from, to, unit: "month" });
  if (answer.refused) throw new Error(answer.message);
  return answer;
}

describe("from billing lines to MRR, in SQL (docs/metrics.md)", () => {
  it("2,000 billed on 2024-01-10 for a year → 166.67 in every month of 2024 and 0 in January 2025", async () => {
    const answer = await matrixOf([["Acme", "2024-01-10", 2000, "year"], ["Beta", "2025-01-05", 10, "month"]], "2024-01-01", "2025-01-01");
    expect(answer.summary.firstPeriod).toBe("2024-01-01");
    const acme = answer.matrix[0]?.revenue as number[];
    expect(acme.slice(0, 12).map((v) => v.toFixed(2))).toEqual(Array(12).fill("166.67"));
    expect(acme[12]).toBe(0);
    expect(answer.movements[0]?.movement).toBe("churn");
  });

  it("90 billed on 2024-02-01 for a quarter → 30 in February, March and April", async () => {
    const answer = await matrixOf([["Globex", "2024-02-01", 90, "quarter"]], "2024-02-01", "2024-04-01");
    expect(answer.matrix[0]?.revenue).toEqual([30, 30, 30]);
  });

  it("100 customers on 100 a month and 50 on 600 a year → MRR 12,500", async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 100; i++) rows.push([`M${i}`, "2024-03-01", 100, "month"]);
    for (let i = 0; i < 50; i++) rows.push([`Y${i}`, "2024-03-01", 600, 12]);
    const answer = await matrixOf(rows, "2024-03-01", "2024-03-01");
    expect(answer.figures.at(-1)?.startMrr).toBeCloseTo(12_500, 9);
  });

  it("99.90 charged and 33.30 + 66.60 credited in the same month → 0, and that customer churned", async () => {
    const answer = await matrixOf(
      [
        ["Initech", "2024-01-01", 99.9, "month"],
        ["Initech", "2024-02-03", 99.9, "month"],
        ["Initech", "2024-02-10", -33.3, "month"],
        ["Initech", "2024-02-11", -66.6, "month"],
      ],
      "2024-01-01",
      "2024-02-01"
    );
    expect(answer.matrix[0]?.revenue).toEqual([99.9, 0]);
    expect(answer.movements[0]?.movement).toBe("churn");
  });

  it("a weekly subscriber paying 25 a week has MRR 108.33, not 100 or 125", async () => {
    const weeks: Row[] = ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"].map((d) => ["Hooli", d, 25, "week"]);
    const answer = await matrixOf(weeks, "2024-03-01", "2024-03-01");
    expect(answer.matrix[0]?.revenue[0]).toBeCloseTo((25 * 52) / 12, 12);
  });

  it("an end date written either way covers 12 months: 2024-12-31 (last day) and 2025-01-01 (first day not covered)", async () => {
    const answer = await matrixOf(
      [
        ["Last day", "2024-01-01", 1200, "2024-12-31"],
        ["First day after", "2024-01-01", 1200, "2025-01-01"],
        ["Nine days", "2024-05-01", 90, "2024-05-10"],
      ],
      "2024-01-01",
      "2024-12-01"
    );
    expect(answer.matrix[0]?.revenue).toEqual(answer.matrix[1]?.revenue);
    expect(Array.from(answer.matrix[0]?.revenue ?? []).filter((v) => v === 100)).toHaveLength(12);
    // under half a month: a run rate, 90 × 365.25 / 12 / 9
    expect(answer.matrix[2]?.revenue[4]).toBeCloseTo((90 * 365.25) / 12 / 9, 9);
  });
});

describe("the MRR bridge in SQL: the example sheet of docs/functions.md", () => {
  // December (history), January (start) and February (end) of the six customers.
  const months: [string, number | null, number | null, number | null][] = [
    ["Acme", null, null, 300],
    ["Globex", 40, null, 80],
    ["Initech", 300, 400, 500],
    ["Umbrella", null, 200, 150],
    ["Hooli", null, 150, null],
    ["Stark", null, 500, 500],
  ];
  const rows: Row[] = [];
  for (const [name, dec, jan, feb] of months) {
    for (const [date, amount] of [["2023-12-01", dec], ["2024-01-01", jan], ["2024-02-01", feb]] as const) {
      if (amount !== null) rows.push([name, date, amount, "month"]);
    }
  }

  it("1250, 300, 80, 100, −50, −150, 1530; NRR 0.92, GRR 0.84, logo retention 0.75, MRR churn 0.16", async () => {
    const answer = await matrixOf(rows, "2024-01-01", "2024-02-01");
    const total = answer.figures.at(-1);
    expect(total).toMatchObject({
      startMrr: 1250,
      newMrr: 300,
      reactivationMrr: 80,
      expansionMrr: 100,
      contractionMrr: 50,
      churnedMrr: 150,
      endMrr: 1530,
      startingCustomers: 4,
      retainedCustomers: 3,
    });
    expect(total?.nrr).toBeCloseTo(0.92, 12);
    expect(total?.grr).toBeCloseTo(0.84, 12);
    expect(total?.logoRetention).toBe(0.75);
    expect(total?.mrrChurn).toBeCloseTo(0.16, 12);
    expect(answer.movements.map((m) => m.movement)).toEqual(["new", "reactivation", "expansion", "contraction", "churn", "flat"]);
  });
});
