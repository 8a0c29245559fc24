/**
 * The playground's workbook: the generated sample sheets plus the Examples sheet, built into a
 * PlaygroundWorkbook with the formats and column widths that make it read like a real workbook.
 */
import { PlaygroundWorkbook, type PlaygroundWorkbookOptions } from "./workbook";
import type { CellInput } from "../workbook/port";
import { buildEngine } from "./engine";
import { buildExamples, type ExamplesSheet } from "./examples";
import { BILLING_COLUMNS } from "./sampleBilling";
import {
  MRR_FIRST_MONTH_COLUMN,
  SHEET_NAMES,
  type SampleOptions,
  type SampleWorkbook,
  generateSample,
} from "./sampleData";

export interface PlaygroundSample {
  readonly workbook: PlaygroundWorkbook;
  readonly sample: SampleWorkbook;
  /** The Examples sheet; null for a large sample without one. */
  readonly examples: ExamplesSheet | null;
}

/**
 * Above this many customers the Examples sheet is left out unless asked for: its forty formulas
 * over every row would take most of a minute to compute over the benchmark's 100,000-row grid,
 * which is there to be read by the task pane, not to show the functions.
 */
const EXAMPLES_CUSTOMER_LIMIT = 20_000;

/**
 * Generates the sample and builds its workbook. The add-in's functions must be registered first
 * (registerAddinFunctions) for the Examples sheet to compute.
 */
export function buildSampleWorkbook(
  options: SampleOptions & { readonly examples?: boolean } = {},
  workbookOptions: PlaygroundWorkbookOptions = {}
): PlaygroundSample {
  const sample = generateSample(options);
  const withExamples = options.examples ?? sample.options.customers <= EXAMPLES_CUSTOMER_LIMIT;
  const examples = withExamples ? buildExamples(sample) : null;
  const sheets: { name: string; rows: readonly (readonly CellInput[])[] }[] = [
    { name: SHEET_NAMES.mrr, rows: sample.mrr },
  ];
  if (sample.ledger) sheets.push({ name: SHEET_NAMES.ledger, rows: sample.ledger });
  if (sample.billing) {
    sheets.push({ name: SHEET_NAMES.billing, rows: sample.billing.lines });
    sheets.push({ name: SHEET_NAMES.rates, rows: sample.billing.rates });
  }
  if (sample.survey) sheets.push({ name: SHEET_NAMES.survey, rows: sample.survey });
  if (examples) sheets.push({ name: SHEET_NAMES.examples, rows: examples.rows });
  const workbook = PlaygroundWorkbook.create(sheets, buildEngine, {
    workbookId: `sample-${sample.options.seed}-${sample.options.customers}x${sample.options.months}`,
    ...workbookOptions,
  });

  for (const name of workbook.sheetNames()) workbook.setBoldRows(workbook.sheetId(name), [0]);
  if (examples)
    workbook.setBoldRows(workbook.sheetId(SHEET_NAMES.examples), [...examples.headings]);
  const { customers, months } = sample.options;
  const mrr = workbook.sheetId(SHEET_NAMES.mrr);
  workbook.applyFormats(mrr, [
    {
      range: {
        sheet: mrr,
        row: 1,
        column: MRR_FIRST_MONTH_COLUMN,
        rowCount: customers,
        columnCount: months,
      },
      format: "$#,##0",
    },
  ]);
  workbook.setColumnPixels(mrr, [170, 96, 110, 100, ...new Array<number>(months).fill(80)]);
  if (sample.ledger) {
    const ledger = workbook.sheetId(SHEET_NAMES.ledger);
    const rowCount = sample.ledger.length - 1;
    workbook.applyFormats(ledger, [
      {
        range: { sheet: ledger, row: 1, column: 1, rowCount, columnCount: 1 },
        format: "yyyy-mm-dd",
      },
      { range: { sheet: ledger, row: 1, column: 2, rowCount, columnCount: 1 }, format: "$#,##0" },
    ]);
    workbook.setColumnPixels(ledger, [170, 100, 90]);
  }
  if (sample.billing) {
    const billing = workbook.sheetId(SHEET_NAMES.billing);
    const rowCount = sample.billing.lines.length - 1;
    const column = (name: (typeof BILLING_COLUMNS)[number]) => BILLING_COLUMNS.indexOf(name);
    // Invoice Date, Period Start and Period End side by side as dates; amounts in their own
    // currency, so without a currency sign, and in cents, as invoices show them.
    workbook.applyFormats(billing, [
      {
        range: { sheet: billing, row: 1, column: column("Invoice Date"), rowCount, columnCount: 3 },
        format: "yyyy-mm-dd",
      },
      {
        range: { sheet: billing, row: 1, column: column("Amount"), rowCount, columnCount: 1 },
        format: "#,##0.00",
      },
    ]);
    workbook.setColumnPixels(billing, [150, 160, 170, 100, 100, 100, 70, 90, 90, 70, 330]);
    const rates = workbook.sheetId(SHEET_NAMES.rates);
    const rateCount = sample.billing.rates.length - 1;
    workbook.applyFormats(rates, [
      {
        range: { sheet: rates, row: 1, column: 1, rowCount: rateCount, columnCount: 1 },
        format: "yyyy-mm-dd",
      },
      {
        range: { sheet: rates, row: 1, column: 2, rowCount: rateCount, columnCount: 1 },
        format: "0.0000",
      },
    ]);
    workbook.setColumnPixels(rates, [80, 100, 80]);
  }
  if (sample.survey) {
    workbook.setColumnPixels(workbook.sheetId(SHEET_NAMES.survey), [100, 100, 90, 70, 70, 70]);
  }
  if (examples) {
    const sheet = workbook.sheetId(SHEET_NAMES.examples);
    workbook.applyFormats(
      sheet,
      examples.formats.map(({ format, ...range }) => ({ range: { sheet, ...range }, format }))
    );
    workbook.setColumnPixels(sheet, [...examples.columnWidths]);
    workbook.activate(sheet);
  } else {
    workbook.activate(mrr);
  }
  return { workbook, sample, examples };
}
