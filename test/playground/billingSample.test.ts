/**
 * The sample's billing export (sampleBilling.ts): what the generator writes for the Billing and
 * Rates sheets, that its lines are valid input to the spec's rules, and the Examples sheet's
 * SAAS.MRRMATRIX with covers over SAAS.FX.CONVERT of them, computed by the built functions in
 * HyperFormula, against the MRR worked out by hand from the spec (test/support/billingMrr.ts,
 * written without src/core).
 */
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../src/core/sheet/addresses";
import { registerAddinFunctions } from "../../src/playground/engine";
import { EXAMPLE_COLUMNS } from "../../src/playground/examples";
import { BILLING_COLUMNS, RATES_COLUMNS } from "../../src/playground/sampleBilling";
import {
  SHEET_NAMES,
  type SampleRows,
  excelSerial,
  generateSample,
} from "../../src/playground/sampleData";
import { buildSampleWorkbook } from "../../src/playground/sampleWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadBundle } from "../support/bundle";
import { type MrrByCustomer, billingMrrByHand } from "../support/billingMrr";

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
  const { workbook, sample, examples } = buildSampleWorkbook();
  const billing = sample.billing as NonNullable<typeof sample.billing>;
  const byHand = billingMrrByHand(billing.lines, billing.rates);
  const sheet = workbook.sheetId(SHEET_NAMES.examples);
  const example = (label: string) => {
    const found = examples?.examples.find((each) => each.label === label);
    if (!found) throw new Error(`no example "${label}"`);
    return found;
  };
  /** An example's spill, read from the Examples sheet. */
  const spillOf = (label: string): Promise<CellValue[][]> => {
    const { row, spill } = example(label);
    const first = columnLetters(EXAMPLE_COLUMNS.result);
    const last = columnLetters(EXAMPLE_COLUMNS.result + spill.columns - 1);
    return workbook.readValues(
      `${SHEET_NAMES.examples}!${first}${row + 1}:${last}${row + spill.rows}`
    );
  };

  /** The matrix's cells by customer and period, and its period headers. */
  const matrixOf = (cells: CellValue[][]) => {
    const [header = [], ...rows] = cells;
    const periods = header.slice(1) as string[];
    const values = new Map(rows.map((row) => [row[0] as string, row.slice(1) as number[]]));
    return { periods, values };
  };

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

  it("gives, month by month, the MRR in US dollars worked out by hand, to the cent, for every customer", async () => {
    const { periods, values } = matrixOf(await spillOf("SAAS.MRRMATRIX of the billing export"));
    expect(values.size).toBe(byHand.size);
    expect(periods[0]).toBe(`${billing.firstMonth}-01`);
    expect(periods).toHaveLength(billing.months);
    let compared = 0;
    for (const [customer, months] of byHand) {
      const row = values.get(customer);
      expect(row, customer).toBeDefined();
      for (const month of months.keys()) expect(periods, `${customer} ${month}`).toContain(month);
      periods.forEach((month, p) => {
        const expected = months.get(month) ?? 0;
        expect(Math.abs((row?.[p] ?? NaN) - expected), `${customer} ${month}`).toBeLessThan(0.005);
        compared++;
      });
    }
    expect(compared).toBe(byHand.size * billing.months);
  });

  it("holds the MRR at the end of each quarter in the quarter matrix", async () => {
    const { periods, values } = matrixOf(
      await spillOf("SAAS.MRRMATRIX of the billing export by quarter")
    );
    for (const [customer, months] of byHand) {
      periods.forEach((quarter, q) => {
        const [year, month] = quarter.split("-").map(Number) as [number, number];
        const last = `${year}-${String(month + 2).padStart(2, "0")}-01`;
        const expected = months.get(last) ?? 0;
        expect(
          Math.abs((values.get(customer)?.[q] ?? NaN) - expected),
          `${customer} ${quarter}`
        ).toBeLessThan(0.005);
      });
    }
  });

  it("shows a customer billed yearly who renews on time paying every month: no churn, no reactivation", async () => {
    const { values } = matrixOf(await spillOf("SAAS.MRRMATRIX of the billing export"));
    const lines = lineCells(billing.lines);
    const renewers = [...new Set(lines.map((line) => line.customer))].filter((customer) => {
      const own = lines.filter((line) => line.customer === customer);
      return (
        own.length >= 2 &&
        own.every((line) => line.interval === "year" && line.amount > 0) &&
        own.every((line, k) => k === 0 || line.start === own[k - 1]?.end)
      );
    });
    expect(renewers.length).toBeGreaterThan(3);
    for (const customer of renewers) {
      const row = values.get(customer) ?? [];
      const paying = row.map((mrr) => mrr > 0);
      const first = paying.indexOf(true);
      const last = paying.lastIndexOf(true);
      // From the first month paid for to the last, never a month without MRR.
      expect(paying.slice(first, last + 1).every(Boolean), customer).toBe(true);
      const own = lines.filter((line) => line.customer === customer);
      expect(last - first + 1, customer).toBe(12 * own.length);
    }
  });

  it("computes NRR and GRR over two columns of the matrix as by hand from the spec", () => {
    const start = byHandColumn(byHand, "2024-12-01");
    const end = byHandColumn(byHand, "2025-12-01");
    let startMrr = 0;
    let kept = 0;
    let floor = 0;
    for (const [customer, a] of start) {
      if (a <= 0) continue;
      const b = end.get(customer) ?? 0;
      startMrr += a;
      kept += b;
      floor += Math.min(a, b);
    }
    const value = (label: string) =>
      workbook.cell(sheet, example(label).row, EXAMPLE_COLUMNS.result).value;
    expect(value("SAAS.NRR of the billing export")).toBeCloseTo(kept / startMrr, 9);
    expect(value("SAAS.GRR of the billing export")).toBeCloseTo(floor / startMrr, 9);
  });

  it("converts the first lines at each line's rate, and at one date's rates for constant currency", async () => {
    const reported = (await spillOf("SAAS.FX.CONVERT")).map((row) => row[0]);
    const constant = (await spillOf("SAAS.FX.CONVERT, constant currency")).map((row) => row[0]);
    const rates = billing.rates.slice(1) as [string, number, number][];
    const rateOn = (currency: string, day: number) =>
      currency === "USD"
        ? 1
        : (rates.filter(([code, from]) => code === currency && from <= day).at(-1)?.[2] ?? NaN);
    lineCells(billing.lines)
      .slice(0, reported.length)
      .forEach((line, i) => {
        expect(reported[i]).toBeCloseTo(line.amount * rateOn(line.currency, line.start), 9);
        expect(constant[i]).toBeCloseTo(
          line.amount * rateOn(line.currency, excelSerial(2025, 11, 1)),
          9
        );
      });
  });
});

/** One month of the MRR by hand, by customer. */
function byHandColumn(byHand: MrrByCustomer, month: string): Map<string, number> {
  return new Map([...byHand].map(([customer, months]) => [customer, months.get(month) ?? 0]));
}
