/**
 * The Examples sheet of the sample workbook: every function of the add-in in use over the other
 * sheets, one example a row (the function, what it shows, the formula as text, and the formula
 * itself), and one of each error a bad input gives, whose message shows when the cell is
 * selected. Room is left under each spill so that no spill is blocked.
 */
import type { CellInput } from "../workbook/port";
import { columnLetters } from "../core/sheet/addresses";
import { billingErrorExamples, billingExamples } from "./billingExamples";
import { MRR_FIRST_MONTH_COLUMN, SHEET_NAMES, type SampleWorkbook } from "./sampleData";

export interface Example {
  /** The function's id in functions.json, e.g. "NRR", "NPS.MOE". */
  readonly functionId: string;
  readonly label: string;
  /** What the result means, in a sentence. */
  readonly shows: string;
  readonly formula: string;
  /** The result cell: 0-based row in the Result column. */
  readonly row: number;
  /** The size of the result (1 × 1 for a single value). */
  readonly spill: { readonly rows: number; readonly columns: number };
  readonly format: string | null;
  /** The error value this example demonstrates ("#VALUE!"), when it is an error example. */
  readonly error?: string;
}

export interface ExamplesSheet {
  readonly rows: CellInput[][];
  readonly examples: readonly Example[];
  /** Number formats of the results, as sheet-local rectangles. */
  readonly formats: readonly {
    readonly row: number;
    readonly column: number;
    readonly rowCount: number;
    readonly columnCount: number;
    readonly format: string;
  }[];
  /** Rows holding a section heading. */
  readonly headings: readonly number[];
  /** Pixel widths of columns A, B, C, D … */
  readonly columnWidths: readonly number[];
}

/** The Examples sheet's columns: the function, what it shows, the formula as text, the result. */
export const EXAMPLE_COLUMNS = { label: 0, shows: 1, formula: 2, result: 3 } as const;

export interface ExampleOptions {
  readonly format?: string | null;
  /** Rows and columns of the result, when it spills. */
  readonly spill?: [number, number];
  readonly error?: string;
  /** The spill has a header row and a label column, left out of its number format. */
  readonly headers?: boolean;
}

/** Writes the Examples sheet row by row: what the parts of it built elsewhere are given. */
export interface ExampleWriter {
  section(title: string): void;
  example(
    functionId: string,
    label: string,
    shows: string,
    formula: string,
    options?: ExampleOptions
  ): Example;
  /** An empty row. */
  gap(): void;
  /** The row the next example or section goes in (0-based). */
  readonly nextRow: number;
}

const PERCENT = "0.0%";
const MONEY = "$#,##0";

/**
 * The Examples sheet for a generated sample (its size decides the ranges).
 *
 * @example
 * buildExamples(generateSample()).examples[0].formula // "=SAAS.NRR(MRR!P1:P301,MRR!AB1:AB301)"
 */
export function buildExamples(sample: SampleWorkbook): ExamplesSheet {
  const { customers, months } = sample.options;
  const last = customers + 1; // the last customer's row on the MRR sheet
  const mrr = SHEET_NAMES.mrr;
  const monthColumn = (m: number) => columnLetters(MRR_FIRST_MONTH_COLUMN + m);
  const month = (m: number) => `${mrr}!${monthColumn(m)}1:${monthColumn(m)}${last}`;
  // A year: the last month against the same month a year before (or the first month).
  const endMonth = months - 1;
  const startMonth = Math.max(0, months - 13);
  const start = month(startMonth);
  const end = month(endMonth);
  const history =
    startMonth > 0 ? `${mrr}!${monthColumn(0)}1:${monthColumn(startMonth - 1)}${last}` : null;
  const segments = `${mrr}!B1:B${last}`;
  const period = `${sample.monthLabels[startMonth]} → ${sample.monthLabels[endMonth]}`;
  const segmentRows = sample.segments.length + 1;
  const regionRows = new Set(sample.mrr.slice(1).map((cells) => cells[2])).size + 1;
  const largest = sample.segments.includes("Enterprise")
    ? "Enterprise"
    : (sample.segments[0] ?? "");

  const rows: CellInput[][] = [];
  const examples: Example[] = [];
  const formats: ExamplesSheet["formats"][number][] = [];
  const headings: number[] = [];
  const put = (row: number, column: number, cell: CellInput) => {
    while (rows.length <= row) rows.push([]);
    const cells = rows[row] as CellInput[];
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  };
  let row = 0;
  put(row, 0, "Function");
  put(row, 1, "What it shows");
  put(row, 2, "Formula");
  put(row, 3, "Result");
  headings.push(row);
  row += 2;

  const section = (title: string) => {
    put(row, 0, title);
    headings.push(row);
    row++;
  };
  const example = (
    functionId: string,
    label: string,
    shows: string,
    formula: string,
    options: ExampleOptions = {}
  ): Example => {
    const [spillRows, spillColumns] = options.spill ?? [1, 1];
    const format = options.format === undefined ? null : options.format;
    const entry: Example = {
      functionId,
      label,
      shows,
      formula,
      row,
      spill: { rows: spillRows, columns: spillColumns },
      format,
      ...(options.error ? { error: options.error } : {}),
    };
    examples.push(entry);
    put(row, EXAMPLE_COLUMNS.label, label);
    put(row, EXAMPLE_COLUMNS.shows, shows);
    put(row, EXAMPLE_COLUMNS.formula, formula); // as text: the formula as it is typed
    put(row, EXAMPLE_COLUMNS.result, { formula });
    if (format !== null) {
      // A table with a header row and a label column (COHORT) formats only its body.
      const skip = options.headers ? 1 : 0;
      formats.push({
        row: row + skip,
        column: EXAMPLE_COLUMNS.result + skip,
        rowCount: spillRows - skip,
        columnCount: spillColumns - skip,
        format,
      });
    }
    row += spillRows;
    return entry;
  };
  const writer: ExampleWriter = {
    section,
    example,
    gap: () => row++,
    get nextRow() {
      return row;
    },
  };

  section(
    `Revenue retention over a year: ${period} (MRR sheet, columns selected with their headers)`
  );
  example(
    "NRR",
    "SAAS.NRR",
    "Net revenue retention: what the customers paying at the start pay at the end, per dollar",
    `=SAAS.NRR(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "NRR",
    "SAAS.NRR by segment",
    "With segments and no segment: a table, one row per segment and a Total",
    `=SAAS.NRR(${start},${end},${segments})`,
    { format: PERCENT, spill: [segmentRows, 2] }
  );
  example(
    "NRR",
    "SAAS.NRR of one segment",
    `Only the ${largest} customers (text matches without regard to case)`,
    `=SAAS.NRR(${start},${end},${segments},"${largest}")`,
    { format: PERCENT }
  );
  example(
    "GRR",
    "SAAS.GRR",
    "Gross revenue retention: like NRR, but expansion does not count",
    `=SAAS.GRR(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "MRRCHURN",
    "SAAS.MRRCHURN",
    "Gross MRR churn: churned and contracted revenue over starting revenue",
    `=SAAS.MRRCHURN(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "MRRCHURN",
    "SAAS.MRRCHURN, churn only",
    "FALSE leaves contraction out: revenue of customers lost entirely",
    `=SAAS.MRRCHURN(${start},${end},FALSE)`,
    { format: PERCENT }
  );
  example(
    "NETMRRCHURN",
    "SAAS.NETMRRCHURN",
    "Net MRR churn: losses minus expansion over starting revenue (1 − NRR)",
    `=SAAS.NETMRRCHURN(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "EXPANSIONRATE",
    "SAAS.EXPANSIONRATE",
    "Expansion revenue over starting revenue",
    `=SAAS.EXPANSIONRATE(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "CONTRACTIONRATE",
    "SAAS.CONTRACTIONRATE",
    "Contraction revenue over starting revenue",
    `=SAAS.CONTRACTIONRATE(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "QUICKRATIO",
    "SAAS.QUICKRATIO",
    history
      ? "(new + reactivation + expansion) / (contraction + churn); the earlier months tell a returning customer from a new one"
      : "(new + expansion) / (contraction + churn)",
    history ? `=SAAS.QUICKRATIO(${start},${end},${history})` : `=SAAS.QUICKRATIO(${start},${end})`,
    { format: "0.00" }
  );
  row++;

  section("Customers (logos)");
  example(
    "LOGORETENTION",
    "SAAS.LOGORETENTION",
    "Share of the customers paying at the start who still pay at the end",
    `=SAAS.LOGORETENTION(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "LOGOCHURN",
    "SAAS.LOGOCHURN",
    "Share of the customers paying at the start who were lost",
    `=SAAS.LOGOCHURN(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "EXPANDERRATE",
    "SAAS.EXPANDERRATE",
    "Share of the customers paying at the start who pay more at the end",
    `=SAAS.EXPANDERRATE(${start},${end})`,
    { format: PERCENT }
  );
  example(
    "LOGORETENTION",
    "SAAS.LOGORETENTION by region",
    "Any column of labels can be the segments: here the region",
    `=SAAS.LOGORETENTION(${start},${end},${mrr}!C1:C${last})`,
    { format: PERCENT, spill: [regionRows, 2] }
  );
  row++;

  section("The MRR bridge and each customer's movement");
  const bridge = example(
    "MRRBRIDGE",
    "SAAS.MRRBRIDGE",
    "From starting to ending MRR; losses are negative, so the column adds up",
    history ? `=SAAS.MRRBRIDGE(${start},${end},${history})` : `=SAAS.MRRBRIDGE(${start},${end})`,
    { format: MONEY, spill: [7, 2] }
  );
  row++;
  // The bridge spills labels in the Result column and amounts in the next one.
  const amount = (offset: number) =>
    `${columnLetters(EXAMPLE_COLUMNS.result + 1)}${bridge.row + 1 + offset}`;
  example(
    "NRR.PARTS",
    "SAAS.NRR.PARTS",
    "NRR from amounts already added up: here the bridge's starting MRR, expansion, contraction and churn",
    `=SAAS.NRR.PARTS(${amount(0)},${amount(3)},${amount(4)},${amount(5)})`,
    { format: PERCENT }
  );
  example(
    "GRR.PARTS",
    "SAAS.GRR.PARTS",
    "GRR from the same amounts (a loss may be given as a negative or a positive number)",
    `=SAAS.GRR.PARTS(${amount(0)},${amount(4)},${amount(5)})`,
    { format: PERCENT }
  );
  row++;
  example(
    "RECONCILE",
    "SAAS.RECONCILE",
    "The same months under ChartMogul's, Baremetrics', Stripe's and Chargebee's documented formulas, and what differs",
    history ? `=SAAS.RECONCILE(${start},${end},${history})` : `=SAAS.RECONCILE(${start},${end})`,
    { format: "0.000", spill: [5, 7], headers: true }
  );
  row++;
  const resultCell = (entry: Example) => `${columnLetters(EXAMPLE_COLUMNS.result)}${entry.row + 1}`;
  const arpaExample = example(
    "ARPA",
    "SAAS.ARPA",
    `Average MRR of the customers paying in ${sample.monthLabels[endMonth]}`,
    `=SAAS.ARPA(${end})`,
    { format: MONEY }
  );
  const trailingMonths = Math.max(1, Math.min(6, months - 2));
  const trailingExample = example(
    "CHURN.TRAILING",
    "SAAS.CHURN.TRAILING",
    `Mean monthly customer churn of the ${trailingMonths} complete months before the latest`,
    `=SAAS.CHURN.TRAILING(${mrr}!${monthColumn(0)}1:${monthColumn(endMonth)}${last},${trailingMonths})`,
    { format: "0.00%" }
  );
  example(
    "LTV",
    "SAAS.LTV",
    "Lifetime value: the ARPA above over the trailing churn above, at an 80% gross margin",
    `=SAAS.LTV(${resultCell(arpaExample)},${resultCell(trailingExample)},0.8)`,
    { format: MONEY }
  );
  const shown = Math.min(12, customers);
  const startCells = `${mrr}!${monthColumn(startMonth)}2:${monthColumn(startMonth)}${shown + 1}`;
  const endCells = `${mrr}!${monthColumn(endMonth)}2:${monthColumn(endMonth)}${shown + 1}`;
  const historyCells =
    startMonth > 0 ? `,${mrr}!${monthColumn(0)}2:${monthColumn(startMonth - 1)}${shown + 1}` : "";
  example(
    "MOVEMENT",
    "SAAS.MOVEMENT",
    `One label per customer: the first ${shown} customers of the MRR sheet`,
    `=SAAS.MOVEMENT(${startCells},${endCells}${historyCells})`,
    { spill: [shown, 1] }
  );
  example(
    "MOVERS",
    "SAAS.MOVERS",
    `Who churned, ${period}: the five biggest losses, with their change`,
    `=SAAS.MOVERS(${mrr}!A1:A${last},${start},${end},"churn",5${history ? `,${history}` : ""})`,
    { format: MONEY, spill: [6, 2], headers: true }
  );
  row++;

  section("Month by month, compounding and projection");
  const firstMonthly = row;
  const monthlyCount = Math.min(12, months - 1);
  for (let k = monthlyCount; k >= 1; k--) {
    const m = months - k;
    example(
      "NRR",
      "SAAS.NRR, one month",
      `${sample.monthLabels[m - 1]} → ${sample.monthLabels[m]}`,
      `=SAAS.NRR(${month(m - 1)},${month(m)})`,
      { format: PERCENT }
    );
  }
  const resultColumn = columnLetters(EXAMPLE_COLUMNS.result);
  const monthlyRange = `${resultColumn}${firstMonthly + 1}:${resultColumn}${firstMonthly + monthlyCount}`;
  const lastMonthly = `${resultColumn}${firstMonthly + monthlyCount}`;
  example(
    "COMPOUND",
    "SAAS.COMPOUND",
    `The ${monthlyCount} monthly NRRs above compounded (not the same as the year's NRR at the top)`,
    `=SAAS.COMPOUND(${monthlyRange})`,
    { format: PERCENT }
  );
  example(
    "ANNUALIZE",
    "SAAS.ANNUALIZE",
    `The last month's gross MRR churn as a yearly rate: 1 − (1 − r)^12`,
    `=SAAS.ANNUALIZE(SAAS.MRRCHURN(${month(endMonth - 1)},${month(endMonth)}))`,
    { format: PERCENT }
  );
  example(
    "ANNUALIZE",
    "SAAS.ANNUALIZE, retention",
    "The last month's NRR as a yearly rate: r^12",
    `=SAAS.ANNUALIZE(${lastMonthly},"retention")`,
    { format: PERCENT }
  );
  example(
    "PROJECT",
    "SAAS.PROJECT",
    "Six months ahead: today's MRR kept at the last monthly NRR, plus $20,000 of new MRR a month",
    `=SAAS.PROJECT(SUM(${mrr}!${monthColumn(endMonth)}2:${monthColumn(endMonth)}${last}),${lastMonthly},20000,6)`,
    { format: MONEY, spill: [6, 1] }
  );
  row++;

  if (sample.survey) {
    const survey = SHEET_NAMES.survey;
    const answers = sample.survey.length - 1;
    const lastAnswer = answers + 1;
    const half = Math.ceil(answers / 2);
    const nps = `${survey}!D1:D${lastAnswer}`;
    section(
      `Surveys (${survey} sheet, ${answers.toLocaleString("en-US")} answers; a blank is not an answer)`
    );
    example(
      "NPS",
      "SAAS.NPS",
      "Net Promoter Score in points: % promoters (9–10) − % detractors (0–6)",
      `=SAAS.NPS(${nps})`,
      { format: "0.0" }
    );
    example(
      "NPS",
      "SAAS.NPS by segment",
      "One row per segment, then the Total",
      `=SAAS.NPS(${nps},${survey}!B1:B${lastAnswer})`,
      { format: "0.0", spill: [segmentRows, 2] }
    );
    example(
      "NPS.BREAKDOWN",
      "SAAS.NPS.BREAKDOWN",
      "Promoters, passives and detractors: count and share; responses; NPS",
      `=SAAS.NPS.BREAKDOWN(${nps})`,
      { spill: [6, 3] }
    );
    example(
      "NPS.MOE",
      "SAAS.NPS.MOE",
      "Margin of error of the NPS at 95% confidence, in points",
      `=SAAS.NPS.MOE(${nps})`,
      { format: "0.0" }
    );
    example(
      "NPS.TEST",
      "SAAS.NPS.TEST",
      `p-value that the two waves (${sample.waves[0]}, ${sample.waves[1]}) have a different NPS`,
      `=SAAS.NPS.TEST(${survey}!D2:D${half + 1},${survey}!D${half + 2}:D${lastAnswer})`,
      { format: "0.000" }
    );
    example(
      "NPS.CI",
      "SAAS.NPS.CI",
      "95% interval of the NPS (adjusted-Wald): lower and upper bounds in points",
      `=SAAS.NPS.CI(${nps})`,
      { format: "0.0", spill: [2, 2] }
    );
    example(
      "NPS.CATEGORY",
      "SAAS.NPS.CATEGORY",
      "Category of each answer, to use as segments (here of the answers 10, 7 and 3)",
      "=SAAS.NPS.CATEGORY({10;7;3})",
      { spill: [3, 1] }
    );
    example(
      "NPS.SAMPLESIZE",
      "SAAS.NPS.SAMPLESIZE",
      "Responses needed for an NPS within ±5 points at 95% confidence",
      "=SAAS.NPS.SAMPLESIZE(5)",
      { format: "#,##0" }
    );
    example(
      "RATE.CI",
      "SAAS.RATE.CI",
      "95% Wilson interval of a share: 2 customers lost of 30",
      "=SAAS.RATE.CI(2,30)",
      { format: "0.0%", spill: [2, 2] }
    );
    example(
      "CSAT",
      "SAAS.CSAT",
      "Share of answers in the top two boxes (4 and 5 of 5)",
      `=SAAS.CSAT(${survey}!E1:E${lastAnswer})`,
      { format: PERCENT }
    );
    example(
      "CSAT",
      "SAAS.CSAT, mean",
      "The mean CSAT score instead",
      `=SAAS.CSAT(${survey}!E1:E${lastAnswer},5,"mean")`,
      { format: "0.00" }
    );
    example(
      "CES",
      "SAAS.CES",
      "Mean customer effort score on a 1–7 scale",
      `=SAAS.CES(${survey}!F1:F${lastAnswer})`,
      { format: "0.00" }
    );
    row++;
  }

  section("What a bad input shows (select the cell to read the message under the formula bar)");
  example(
    "NRR",
    "Text in a revenue range",
    "#VALUE! naming the argument, the row and the value: the CSM column is not revenue",
    `=SAAS.NRR(${mrr}!D1:D${last},${end})`,
    { error: "#VALUE!" }
  );
  example(
    "GRR",
    "Ranges of different shapes",
    "#VALUE! saying which shapes differ",
    `=SAAS.GRR(${start},${end.replace(new RegExp(`${last}$`), String(Math.max(2, Math.floor(last / 2))))})`,
    { error: "#VALUE!" }
  );
  example(
    "NRR",
    "A segment that matches nothing",
    "#N/A naming the segment",
    `=SAAS.NRR(${start},${end},${segments},"Government")`,
    { error: "#N/A" }
  );
  example(
    "NRR.PARTS",
    "No starting revenue",
    "#DIV/0!: nothing to divide by (Excel shows no message for #DIV/0!)",
    "=SAAS.NRR.PARTS(0,100,0,0)",
    { error: "#DIV/0!" }
  );
  example(
    "PROJECT",
    "A projection that overflows",
    "#NUM!: the numbers grow beyond what a cell holds",
    "=SAAS.PROJECT(10^300,10,0,24)",
    { error: "#NUM!" }
  );
  if (sample.survey) {
    example(
      "CSAT",
      "An option the function does not know",
      "#VALUE! listing the options",
      `=SAAS.CSAT(${SHEET_NAMES.survey}!E1:E${sample.survey.length},5,"median")`,
      { error: "#VALUE!" }
    );
    example(
      "CES",
      "A score outside the scale",
      "#VALUE! naming the row: NPS answers (0–10) are not CES scores (1–7)",
      `=SAAS.CES(${SHEET_NAMES.survey}!D1:D${sample.survey.length})`,
      { error: "#VALUE!" }
    );
  }
  if (sample.billing) billingErrorExamples(writer, sample.billing);
  row++;

  section("Cohorts and a ledger (large spills)");
  const monthlyBlock = `${mrr}!${monthColumn(0)}2:${monthColumn(endMonth)}${last}`;
  example(
    "COHORT",
    "SAAS.COHORT",
    "Logo retention by cohort (the month a customer first paid: 1, 2 …) and age in months",
    `=SAAS.COHORT(${monthlyBlock},"logo")`,
    { format: "0%", spill: [months + 1, months + 1], headers: true }
  );
  row++;
  example(
    "MRRMATRIX.SEGMENTS",
    "SAAS.MRRMATRIX.SEGMENTS",
    "Each customer's segment from its first ledger line, in the matrix's rows (ACME is Acme)",
    '=SAAS.MRRMATRIX.SEGMENTS({"Acme";"Beta";"ACME"},{"2024-01-05";"2024-01-09";"2024-02-05"},{100;80;100},{"SMB";"Enterprise";"Mid-market"})',
    { spill: [3, 1], headers: true }
  );
  row++;
  if (sample.ledger) {
    const ledger = SHEET_NAMES.ledger;
    const quarters = countQuarters(sample);
    example(
      "MRRMATRIX",
      "SAAS.MRRMATRIX",
      "The Ledger sheet (one row per charge) as a customers × quarters matrix: whole columns work",
      `=SAAS.MRRMATRIX(${ledger}!A:A,${ledger}!B:B,${ledger}!C:C,"quarter")`,
      { format: MONEY, spill: [customers + 1, quarters + 1], headers: true }
    );
    row++;
  }
  if (sample.billing) billingExamples(writer, sample);

  const width = Math.max(...rows.map((cells) => cells.length));
  for (const cells of rows) while (cells.length < width) cells.push(null);
  return { rows, examples, formats, headings, columnWidths: [180, 320, 330, 110, 100] };
}

/** How many calendar quarters the sample's months touch. */
function countQuarters(sample: SampleWorkbook): number {
  const [year, month] = sample.options.firstMonth.split("-").map(Number) as [number, number];
  const first = year * 4 + Math.floor((month - 1) / 3);
  const lastIndex = month - 1 + sample.options.months - 1;
  const last = (year + Math.floor(lastIndex / 12)) * 4 + Math.floor((lastIndex % 12) / 3);
  return last - first + 1;
}
