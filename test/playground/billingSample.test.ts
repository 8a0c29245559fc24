/**
 * The sample's billing export (sampleBilling.ts): what the generator writes for the Billing and
 * Rates sheets, that its lines are valid input to the spec's rules (checked with the MRR worked
 * out by hand in test/support/billingMrr.ts, written without src/core), and the two sheets in
 * the sample workbook.
 */
import { describe, expect, it } from "vitest";
import { registerAddinFunctions } from "../../src/playground/engine";
import { BILLING_COLUMNS, RATES_COLUMNS } from "../../src/playground/sampleBilling";
import {
  SHEET_NAMES,
  type SampleRows,
  excelSerial,
  generateSample,
} from "../../src/playground/sampleData";
import { buildSampleWorkbook } from "../../src/playground/sampleWorkbook";
import { loadBundle } from "../support/bundle";
import { billingMrrByHand } from "../support/billingMrr";

// Registered before the sample workbook, whose Examples sheet computes, is built.
const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);

const at = (name: (typeof BILLING_COLUMNS)[number]) => BILLING_COLUMNS.indexOf(name);
const lineCells = (lines: SampleRows) =>
  lines.slice(1).map((line) => ({
    invoice: line[at("Invoice ID")] as string,
    customer: line[at("Customer ID")] as string,
    invoiceDay: line[at("Invoice Date")] as number,
    start: line[at("Period Start")] as number,
    end: line[at("Period End")] as number,
    interval: line[at("Interval")] as string,
    amount: line[at("Amount")] as number,
    currency: line[at("Currency")] as string,
    description: line[at("Description")] as string,
  }));
const monthOf = (day: number) => {
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

describe("the billing export", () => {
  const { billing } = generateSample();
  if (!billing) throw new Error("the default sample has a billing export");
  const lines = lineCells(billing.lines);

  it("has Stripe's invoice-line columns, a few hundred customers and well under 20,000 lines", () => {
    expect(billing.lines[0]).toEqual([
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
    ]);
    expect(new Set(lines.map((line) => line.customer)).size).toBe(billing.customers);
    expect(billing.customers).toBe(300);
    expect(lines.length).toBeGreaterThan(2000);
    expect(lines.length).toBeLessThan(20_000);
    const big = generateSample({
      customers: 1000,
      months: 120,
      surveyResponses: 0,
      ledger: false,
    }).billing;
    expect(big?.customers).toBeLessThanOrEqual(500);
    expect((big?.lines.length ?? 0) - 1).toBeLessThanOrEqual(15_000);
  });

  it("is dated within the sample, every line with a period that ends after it starts", () => {
    const first = excelSerial(2024, 0, 1);
    const end = excelSerial(2026, 0, 1);
    for (const line of lines) {
      expect(line.invoiceDay >= first && line.invoiceDay < end, line.invoice).toBe(true);
      expect(Number.isInteger(line.start) && line.end > line.start, line.invoice).toBe(true);
      expect(["week", "month", "quarter", "year"]).toContain(line.interval);
    }
    const days = lines.map((line) => line.invoiceDay);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it("bills in three currencies on four intervals, with prorations, credit notes and refunds", () => {
    expect(new Set(lines.map((line) => line.currency))).toEqual(new Set(["USD", "EUR", "GBP"]));
    expect(new Set(lines.map((line) => line.interval))).toEqual(
      new Set(["week", "month", "quarter", "year"])
    );
    const count = (pattern: RegExp) =>
      lines.filter((line) => pattern.test(line.description)).length;
    expect(count(/^Unused time on /)).toBeGreaterThan(20);
    expect(count(/^Remaining time on /)).toBe(count(/^Unused time on /));
    expect(count(/^Service credit on /)).toBeGreaterThan(5);
    expect(count(/^Refund of /)).toBeGreaterThan(5);
    expect(count(/\(2 of 2\)$/)).toBeGreaterThan(0);
    // Mid-month starts: most charges are not on the first of a month.
    const charges = lines.filter((line) => line.amount > 0);
    const onFirst = charges.filter(
      (line) => new Date(Date.UTC(1899, 11, 30) + line.start * 86_400_000).getUTCDate() === 1
    );
    expect(onFirst.length).toBeLessThan(charges.length / 10);
  });

  it("dates each credit note in the month of the charge it takes back, over the charge's period", () => {
    const byInvoice = new Map(lines.map((line) => [line.invoice, line]));
    const credits = lines.filter((line) => line.invoice.startsWith("cn_"));
    expect(credits.length).toBeGreaterThan(10);
    for (const credit of credits) {
      const charge = byInvoice.get(/in_\w+/.exec(credit.description)?.[0] ?? "");
      expect(charge, credit.description).toBeDefined();
      expect(credit.amount).toBeLessThan(0);
      expect(monthOf(credit.invoiceDay)).toBe(monthOf(charge?.invoiceDay ?? 0));
      expect([credit.customer, credit.start, credit.end, credit.currency]).toEqual([
        charge?.customer,
        charge?.start,
        charge?.end,
        charge?.currency,
      ]);
    }
  });

  it("has a rate for every line's currency on the first of each month from before the first line", () => {
    expect(billing.rates[0]).toEqual([...RATES_COLUMNS]);
    const rates = billing.rates.slice(1) as [string, number, number][];
    expect(rates.filter(([currency]) => currency === "USD")).toEqual([
      ["USD", excelSerial(2023, 11, 1), 1],
    ]);
    for (const currency of ["EUR", "GBP"]) {
      const days = rates.filter(([code]) => code === currency).map(([, day]) => day);
      expect(days).toEqual(Array.from({ length: 25 }, (_, m) => excelSerial(2023, 11 + m, 1)));
    }
    expect(rates.every(([, , rate]) => rate > 0.9 && rate < 1.6)).toBe(true);
  });

  it("never makes a month below 0, whatever the seed (the spec makes one an error)", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const other = generateSample({ seed, customers: 150, surveyResponses: 0 }).billing;
      expect(
        () => billingMrrByHand(other?.lines ?? [], other?.rates ?? []),
        `seed ${seed}`
      ).not.toThrow();
    }
  });

  it("leaves the other sheets as they were without it", () => {
    const without = generateSample({ billing: false });
    expect(without.billing).toBeNull();
    expect(without.mrr).toEqual(generateSample().mrr);
  });
});

describe("the billing export in the sample workbook", () => {
  const { workbook } = buildSampleWorkbook();

  it("sits after the Ledger, with dates and amounts formatted", () => {
    expect(workbook.sheetNames()).toEqual([
      "MRR",
      "Ledger",
      "Billing",
      "Rates",
      "Survey",
      "Examples",
    ]);
    const id = workbook.sheetId(SHEET_NAMES.billing);
    expect(workbook.numberFormatAt(id, 1, at("Period End"))).toBe("yyyy-mm-dd");
    expect(workbook.numberFormatAt(id, 1, at("Amount"))).toBe("#,##0.00");
    expect(workbook.numberFormatAt(workbook.sheetId(SHEET_NAMES.rates), 1, 1)).toBe("yyyy-mm-dd");
  });
});
