/**
 * The Examples sheet's rows over the billing export (the Billing and Rates sheets,
 * sampleBilling.ts): the path from invoice lines in three currencies to MRR and retention
 * (docs/metrics.md, "From billing lines to MRR"), and the errors a bad billing input gives.
 */
import { columnLetters } from "../core/sheet/addresses";
import type { ExampleWriter } from "./examples";
import { BILLING_COLUMNS, REPORTING_CURRENCY, type SampleBilling } from "./sampleBilling";
import { SHEET_NAMES, type SampleWorkbook } from "./sampleData";

type BillingColumn = (typeof BILLING_COLUMNS)[number];

const MONEY = "$#,##0";
const CENTS = "$#,##0.00";
const RATES = `${SHEET_NAMES.rates}!A:C`;

function billingLetter(name: BillingColumn): string {
  return columnLetters(BILLING_COLUMNS.indexOf(name));
}

/** A whole column of the Billing sheet: `Billing!E:E`. */
function billingColumn(name: BillingColumn): string {
  const letter = billingLetter(name);
  return `${SHEET_NAMES.billing}!${letter}:${letter}`;
}

/** The amounts in US dollars, each at its currency's rate on its Period Start (the spec's date). */
const convertedAmounts = `SAAS.FX.CONVERT(${billingColumn("Amount")},${billingColumn("Currency")},${billingColumn("Period Start")},${RATES})`;

/** SAAS.MRRMATRIX of the converted amounts, each line spread over what its Period End covers. */
function billingMatrix(period: "month" | "quarter"): string {
  return `=SAAS.MRRMATRIX(${billingColumn("Customer ID")},${billingColumn("Period Start")},${convertedAmounts},"${period}",${billingColumn("Period End")})`;
}

/** Months since year 0 of a "yyyy-mm" month. */
function monthCount(month: string): number {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return year * 12 + number - 1;
}

/**
 * The section of the Examples sheet over the billing export: the amounts converted as reported
 * and at constant currency, NRR and GRR over two columns of the MRR matrix, then the matrix by
 * month and by quarter (large spills, so last).
 */
export function billingExamples(writer: ExampleWriter, sample: SampleWorkbook): void {
  const { billing } = sample;
  if (!billing || billing.customers === 0) return;
  writer.section(
    `From a billing export to MRR, in three currencies (${SHEET_NAMES.billing} and ${SHEET_NAMES.rates} sheets; the matrices at the end)`
  );
  writer.example(
    "MRRMATRIX",
    "SAAS.MRRMATRIX with covers",
    "The rule on two lines: a year of 2,400 spread (200 a month), a quarter of 90 (30); each quarter holds its last month's MRR",
    '=SAAS.MRRMATRIX({"Acme";"Beta"},{"2024-01-10";"2024-02-01"},{2400;90},"quarter",{"year";"quarter"})',
    { format: MONEY, spill: [3, 5], headers: true }
  );
  writer.gap();

  const shown = Math.min(12, billing.lines.length - 1);
  const firstLines = (name: BillingColumn) =>
    `${SHEET_NAMES.billing}!${billingLetter(name)}2:${billingLetter(name)}${shown + 1}`;
  const lineColumns = `${firstLines("Amount")},${firstLines("Currency")},${firstLines("Period Start")},${RATES}`;
  writer.example(
    "FX.CONVERT",
    "SAAS.FX.CONVERT",
    `The first ${shown} invoice lines in US dollars, each at its currency's latest rate on or before its Period Start (as reported)`,
    `=SAAS.FX.CONVERT(${lineColumns})`,
    { format: CENTS, spill: [shown, 1] }
  );
  // Constant currency at the latest rates: the sample's last month's.
  const sampleFirst = monthCount(sample.options.firstMonth);
  const lastMonth = sampleFirst + sample.options.months - 1;
  const lastLabel = sample.monthLabels[sample.options.months - 1] as string;
  const asOf = `${Math.floor(lastMonth / 12)}-${String((lastMonth % 12) + 1).padStart(2, "0")}-01`;
  writer.example(
    "FX.CONVERT",
    "SAAS.FX.CONVERT, constant currency",
    `The same lines all at the rates of ${asOf} (as_of): what differs from the column above is the exchange-rate effect`,
    `=SAAS.FX.CONVERT(${lineColumns},"${asOf}")`,
    { format: CENTS, spill: [shown, 1] }
  );
  writer.gap();

  // NRR and GRR over a year of the matrix written below them: its column of the sample's last
  // month and of the same month a year before, each with its header.
  const matrixRow = writer.nextRow + 3;
  const billingFirst = monthCount(billing.firstMonth);
  const endColumn = lastMonth - billingFirst;
  const startColumn = Math.max(0, endColumn - 12);
  const matrixColumn = (m: number) => {
    const letter = columnLetters(3 + 1 + m); // the matrix's ids in the Result column (D)
    return `${letter}${matrixRow + 1}:${letter}${matrixRow + 1 + billing.customers}`;
  };
  const period = `${sample.monthLabels[billingFirst - sampleFirst + startColumn]} → ${lastLabel}`;
  writer.example(
    "NRR",
    "SAAS.NRR of the billing export",
    `${period}, from two columns of the MRR matrix below (in US dollars, as reported)`,
    `=SAAS.NRR(${matrixColumn(startColumn)},${matrixColumn(endColumn)})`,
    { format: "0.0%" }
  );
  writer.example(
    "GRR",
    "SAAS.GRR of the billing export",
    `${period}: the same columns, expansion left out`,
    `=SAAS.GRR(${matrixColumn(startColumn)},${matrixColumn(endColumn)})`,
    { format: "0.0%" }
  );
  writer.gap();
  if (writer.nextRow !== matrixRow) throw new Error("the billing matrix is not where NRR reads it");
  writer.example(
    "MRRMATRIX",
    "SAAS.MRRMATRIX of the billing export",
    "MRR in US dollars by customer and month: each line converted at its Period Start's rate, then spread over the months up to its Period End (covers); a week sets its month's run rate; a refunded charge nets to 0",
    billingMatrix("month"),
    { format: MONEY, spill: [billing.customers + 1, billing.months + 1], headers: true }
  );
  writer.gap();
  const lastQuarter = Math.floor((billingFirst + billing.months - 1) / 3);
  writer.example(
    "MRRMATRIX",
    "SAAS.MRRMATRIX of the billing export by quarter",
    "Each quarter holds the MRR at its end (its last month's), as Stripe reports it",
    billingMatrix("quarter"),
    {
      format: MONEY,
      spill: [billing.customers + 1, lastQuarter - Math.floor(billingFirst / 3) + 2],
      headers: true,
    }
  );
}

/** What a bad billing input shows: a covers word, an end before its date, a currency without a rate. */
export function billingErrorExamples(writer: ExampleWriter, billing: SampleBilling): void {
  const customers = billingColumn("Customer ID");
  const starts = billingColumn("Period Start");
  const ends = billingColumn("Period End");
  const amounts = billingColumn("Amount");
  writer.example(
    "MRRMATRIX",
    "A covers word it does not know",
    `#VALUE! listing the words it knows: Stripe's "day" interval is not one of them`,
    `=SAAS.MRRMATRIX(${customers},${starts},${amounts},"month","day")`,
    { error: "#VALUE!" }
  );
  writer.example(
    "MRRMATRIX",
    "A service end before its line's date",
    "#VALUE! naming the line: here Period Start and Period End are swapped",
    `=SAAS.MRRMATRIX(${customers},${ends},${amounts},"month",${starts})`,
    { error: "#VALUE!" }
  );
  // The rates cut just before the last currency of the lines: that currency has no rate.
  const billed = new Set(
    billing.lines.slice(1).map((line) => line[BILLING_COLUMNS.indexOf("Currency")])
  );
  let cut = -1;
  billing.rates.forEach((rate, r) => {
    const currency = rate[0];
    if (
      r > 0 &&
      currency !== REPORTING_CURRENCY &&
      billed.has(currency) &&
      billing.rates[r - 1]?.[0] !== currency
    )
      cut = r;
  });
  if (cut < 0) return;
  writer.example(
    "FX.CONVERT",
    "A currency with no rate",
    `#N/A naming the amount, its currency and its date: the rates selected stop before ${String(billing.rates[cut]?.[0])}'s`,
    `=SAAS.FX.CONVERT(${amounts},${billingColumn("Currency")},${starts},${SHEET_NAMES.rates}!A1:C${cut})`,
    { error: "#N/A" }
  );
}
