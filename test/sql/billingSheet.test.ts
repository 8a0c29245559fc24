/**
 * The sample workbook's Billing sheet through the command line's two engines: the SQL
 * definitions on DuckDB and the calculation core must agree on it to the cent, as they do on the
 * random ledgers of agreement.properties.test.ts. The sheet is a Stripe-style export in three
 * currencies; the command line reads one currency, so each line is first put in US dollars at its
 * currency's latest rate on or before its Period Start (SAAS.FX.CONVERT's rule), as the pane's
 * "MRR from billing" sheet does before spreading.
 */
import { describe, expect, it } from "vitest";
import { BILLING_COLUMNS, REPORTING_CURRENCY } from "../../src/playground/sampleBilling";
import { type SampleRows, generateSample } from "../../src/playground/sampleData";
import { billingMrrByHand } from "../support/billingMrr";
import { csvOfSheet, expectSqlAgreesWithCore } from "../support/warehouse";

const { billing } = generateSample();
if (billing === null) throw new Error("the default sample has a billing export");

/** The rate of `currency` on `day`: its latest on or before it; 1 for the reporting currency. */
function rateOn(rates: SampleRows, currency: string, day: number): number {
  if (currency === REPORTING_CURRENCY) return 1;
  let found: [number, number] | null = null;
  for (const [code, from, rate] of rates.slice(1) as [string, number, number][])
    if (code === currency && from <= day && (found === null || from >= found[0]))
      found = [from, rate];
  if (found === null) throw new Error(`no ${currency} rate on or before ${day}`);
  return found[1];
}

const at = (name: (typeof BILLING_COLUMNS)[number]) => BILLING_COLUMNS.indexOf(name);
/** Customer, the service period's start, the amount in dollars, its end, the plan. */
const ledger: (string | number)[][] = [
  ["Customer", "Date", "Amount", "Covers", "Plan"],
  ...billing.lines.slice(1).map((line) => {
    const start = line[at("Period Start")] as number;
    const rate = rateOn(billing.rates, line[at("Currency")] as string, start);
    return [
      line[at("Customer ID")] as string,
      start,
      (line[at("Amount")] as number) * rate,
      line[at("Period End")] as number,
      line[at("Plan")] as string,
    ];
  }),
];
const csv = csvOfSheet(ledger, [1, 3]);

/** "2024-01-01" for the month of an Excel day number. */
const monthOf = (day: number) => {
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-01`;
};
const months = [...new Set(ledger.slice(1).map((line) => monthOf(line[1] as number)))].sort();
const first = months[0] as string;
const last = months[months.length - 1] as string;

describe("the sample's Billing sheet through the SQL and the core", () => {
  it("agree over its whole span, per plan and in total, matrix, movements and cohorts", async () => {
    const answer = await expectSqlAgreesWithCore(csv, {
      from: first,
      to: last,
      unit: "month",
      segment: "Plan",
    });
    expect(answer.refused).toBe(false);
  }, 120_000);

  it("agree over one month and one quarter", async () => {
    const middle = months[Math.floor(months.length / 2)] as string;
    const next = months[Math.floor(months.length / 2) + 1] as string;
    expect(
      (await expectSqlAgreesWithCore(csv, { from: middle, to: next, unit: "month" })).refused
    ).toBe(false);
    const quarterStart = months.find((month) => /-(01|04|07|10)-01$/.test(month)) as string;
    const year = Number(quarterStart.slice(0, 4)) + 1;
    const quarterEnd = `${year}${quarterStart.slice(4)}`;
    expect(months).toContain(quarterEnd);
    const quarters = await expectSqlAgreesWithCore(csv, {
      from: quarterStart,
      to: quarterEnd,
      unit: "quarter",
    });
    expect(quarters.refused).toBe(false);
  }, 120_000);

  it("the SQL's matrix is the MRR worked out by hand from the spec, to the cent", async () => {
    const answer = await expectSqlAgreesWithCore(csv, { from: first, to: last, unit: "month" });
    if (answer.refused) throw new Error(answer.message);
    const byHand = billingMrrByHand(billing.lines, billing.rates);
    // The matrix's periods: every month from its first to its last.
    const [year, month] = answer.summary.firstPeriod.split("-").map(Number) as [number, number];
    const periodLabel = (p: number) => {
      const count = year * 12 + month - 1 + p;
      return `${Math.floor(count / 12)}-${String((count % 12) + 1).padStart(2, "0")}-01`;
    };
    let compared = 0;
    for (const row of answer.matrix) {
      for (let p = 0; p < row.revenue.length; p++) {
        const expected = byHand.get(row.customer)?.get(periodLabel(p)) ?? 0;
        expect(row.revenue[p] as number, `${row.customer} ${periodLabel(p)}`).toBeCloseTo(
          expected,
          2
        );
        compared++;
      }
    }
    expect(periodLabel(answer.matrix[0]!.revenue.length - 1)).toBe(answer.summary.lastPeriod);
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
