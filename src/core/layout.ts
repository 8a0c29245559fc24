/**
 * Which layout a block of cells is in, guessed for the task pane to show and the user to confirm:
 * a customers × periods grid (period dates across the header row), a ledger (customer, date and
 * amount columns, one row per charge) or a survey (a column of whole-number scores), each with
 * optional segment columns (plan, region, CSM, an at-risk flag).
 *
 * Cells arrive as the workbook port reads them: numbers, text, booleans, "" for a blank (null and
 * undefined are read as blank too). Rows and columns in the guess are 0-based indexes into the
 * grid; notes name rows and columns as the user sees them (`firstRowNumber`, `firstColumnNumber`).
 *
 * The guess never throws and never drops a row silently: every row left out is listed in
 * `excludedRows` with its reason and named in a note.
 */
import type { CellGrid } from "./coerce";
import {
  type PeriodUnit,
  daysInMonth,
  parseIsoDate,
  parsePeriodLabel,
  periodIndex,
  periodLabel,
  periodStart,
  periodStartFromIndex,
  readDate,
} from "./dates";

// ---------------------------------------------------------------------------------------------
// The guess.

/** A header cell read as a period: the column, the first day of its period and its header text. */
export interface PeriodColumn {
  readonly column: number;
  /** ISO date (yyyy-mm-dd) of the first day of the period. */
  readonly periodStart: string;
  /** The header as the user wrote it ("Jan 2024"), or the period's name for a date cell. */
  readonly label: string;
}

/** A column that splits customers or answers into groups: plan, region, CSM, an at-risk flag. */
export interface SegmentColumn {
  readonly column: number;
  /** The column's header, or "Column D" when it has none. */
  readonly name: string;
}

export type ExcludedRowReason =
  /** An empty row between data rows. */
  | "blank"
  /** A totals or summary row ("Total", "Grand total", "Average", or the sum of the rows above). */
  | "totals"
  /** A grid row with amounts but no customer name. */
  | "no customer";

export interface ExcludedRow {
  readonly row: number;
  readonly reason: ExcludedRowReason;
}

/** The scale a survey column is guessed to use: NPS 0–10, CSAT 1–5, CES 1–7. */
export type SurveyScale = "nps" | "csat" | "ces";

export interface GridLayout {
  readonly kind: "grid";
  readonly headerRow: number;
  /** The column naming customers; null when no column does (rows are then the customers). */
  readonly customerColumn: number | null;
  /** The length of the periods the columns hold. */
  readonly period: PeriodUnit;
  /** In date order, whatever their order on the sheet. */
  readonly periodColumns: readonly PeriodColumn[];
  readonly segmentColumns: readonly SegmentColumn[];
  /** Rows holding one customer each, top to bottom. */
  readonly dataRows: readonly number[];
  readonly excludedRows: readonly ExcludedRow[];
  readonly notes: readonly string[];
}

export interface LedgerLayout {
  readonly kind: "ledger";
  readonly headerRow: number;
  readonly customerColumn: number;
  readonly dateColumn: number;
  readonly amountColumn: number;
  readonly segmentColumns: readonly SegmentColumn[];
  /** Rows holding one entry each, in sheet order (dates need not be sorted). */
  readonly dataRows: readonly number[];
  readonly excludedRows: readonly ExcludedRow[];
  readonly notes: readonly string[];
}

export interface SurveyLayout {
  readonly kind: "survey";
  /** Null when the selection is a bare column of scores. */
  readonly headerRow: number | null;
  readonly scoreColumn: number;
  readonly scale: SurveyScale;
  readonly segmentColumns: readonly SegmentColumn[];
  /** Rows holding one answer each (a blank score is a row without an answer). */
  readonly dataRows: readonly number[];
  readonly excludedRows: readonly ExcludedRow[];
  readonly notes: readonly string[];
}

export interface UnknownLayout {
  readonly kind: "unknown";
  /** Why no layout fits, in words for the user. */
  readonly reason: string;
}

export type LayoutGuess = GridLayout | LedgerLayout | SurveyLayout | UnknownLayout;

export interface DetectLayoutOptions {
  /** The row number the user sees for the grid's first row (default 1). */
  readonly firstRowNumber?: number;
  /** The column number the user sees for the grid's first column, 1 = A (default 1). */
  readonly firstColumnNumber?: number;
}

// ---------------------------------------------------------------------------------------------
// Words and limits.

/** The header row is looked for among the first rows that hold anything. */
const HEADER_SEARCH_ROWS = 10;
/** Period header dates are read from 2000-01-01 to 2099-12-31 (the serials 36526..73050). */
const FIRST_HEADER_SERIAL = 36526;
const LAST_HEADER_SERIAL = 73050;
/** A column of text is a segment when it repeats values: at most this many distinct ones... */
const SEGMENT_MAX_DISTINCT = 50;
/** ...and at most this share of its rows. */
const SEGMENT_MAX_DISTINCT_SHARE = 0.6;
/** Distinct values are counted up to this many (enough to tell ids from categories). */
const DISTINCT_CAP = 5000;

const CUSTOMER_WORDS =
  /\b(customer|customers|account|client|company|logo|name|org|organi[sz]ation|tenant|subscriber)\b|\b(customer|account|client)[ _-]?id\b|^id$/i;
const DATE_WORDS = /\b(date|day|month|period|posted|billed|invoiced?|as of|when|time|created)\b/i;
const AMOUNT_WORDS =
  /\b(amount|mrr|arr|revenue|value|price|billing|billed amount|net|gross|usd|eur|gbp|sum|charge|paid|fee|subtotal)\b|[$€£]/i;
const SCORE_WORDS =
  /\b(nps|score|scores|rating|csat|ces|recommend|likely|likelihood|satisfaction|satisfied|effort)\b/i;
const NPS_WORDS = /\b(nps|recommend|likely|likelihood|promoter)\b/i;
const CSAT_WORDS = /\b(csat|satisfaction|satisfied)\b/i;
const CES_WORDS = /\b(ces|effort|easy)\b/i;
/** Columns of small whole numbers that are not scores. */
const NOT_SCORE_WORDS =
  /\b(id|no|number|count|seats|qty|quantity|users|licen[cs]es|rank|tier|level|month|year|day)\b|#/i;
const SUMMARY_LABEL =
  /^(grand |sub-? ?)?totals?(:| \(?(mrr|arr|revenue|amount|all|usd|eur|gbp|customers)\)?)?$|^(sum|average|avg|mean|median)$/i;
const YES_NO = new Set(["yes", "no", "y", "n", "true", "false"]);

// ---------------------------------------------------------------------------------------------
// Detection.

/**
 * Guesses the layout of a block of cells read from a sheet.
 *
 * @example
 * detectLayout([
 *   ["MRR by customer", "", ""],
 *   ["Customer", "Jan 2024", "Feb 2024"],
 *   ["Acme", 100, 120],
 *   ["Beta", 50, 0],
 *   ["Total", 150, 120],
 * ])
 * // → { kind: "grid", headerRow: 1, customerColumn: 0, period: "month",
 * //     periodColumns: [{ column: 1, periodStart: "2024-01-01", label: "Jan 2024" },
 * //                     { column: 2, periodStart: "2024-02-01", label: "Feb 2024" }],
 * //     dataRows: [2, 3], excludedRows: [{ row: 4, reason: "totals" }],
 * //     notes: ['Row 5 ("Total") is a totals row and is left out.'], segmentColumns: [] }
 */
export function detectLayout(cells: CellGrid, options: DetectLayoutOptions = {}): LayoutGuess {
  const sheet = new SheetView(cells, options.firstRowNumber ?? 1, options.firstColumnNumber ?? 1);
  if (sheet.lastNonBlankRow < 0) return { kind: "unknown", reason: "The selection is empty." };

  const header = findHeaderRow(sheet);
  if (header === null) {
    return (
      bareScoreColumn(sheet) ?? {
        kind: "unknown",
        reason:
          `No header row found in the first ${HEADER_SEARCH_ROWS} rows. Select the table with its header row: ` +
          "period dates across the top for a customers × periods table, or column names such as Customer, Date and Amount.",
      }
    );
  }
  if (header.periods !== null) return gridLayout(sheet, header.row, header.periods);

  const rows = splitRows(sheet, header.row, []);
  const columns = columnStats(sheet, header.row, rows.dataRows);
  const scoreColumns = scoreCandidates(columns);
  const namedScore = scoreColumns.find((column) => SCORE_WORDS.test(column.header));
  if (namedScore) return surveyLayout(sheet, header.row, rows, columns, namedScore, []);

  const ledger = ledgerColumns(columns, rows.dataRows.length);
  if (ledger.kind === "found") return ledgerLayout(sheet, header.row, rows, columns, ledger);

  const unnamedScore = scoreColumns[0];
  if (unnamedScore) {
    const note = `No header names a score column; ${sheet.describeColumn(unnamedScore)} holds whole numbers from 0 to 10 and is read as the scores.`;
    return surveyLayout(sheet, header.row, rows, columns, unnamedScore, [note]);
  }
  return {
    kind: "unknown",
    reason:
      "The columns fit none of the layouts: fewer than two period dates across the header row (customers × periods), " +
      `no ${ledger.missing} (ledger), and no column of whole-number scores from 0 to 10 (survey).`,
  };
}

// ---------------------------------------------------------------------------------------------
// The sheet as detection sees it.

class SheetView {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly nonBlankCounts: Int32Array;
  readonly lastNonBlankRow: number;

  constructor(
    readonly cells: CellGrid,
    readonly firstRowNumber: number,
    readonly firstColumnNumber: number
  ) {
    this.rowCount = cells.length;
    let columns = 0;
    for (const row of cells) columns = Math.max(columns, row.length);
    this.columnCount = columns;
    this.nonBlankCounts = new Int32Array(this.rowCount);
    let last = -1;
    for (let r = 0; r < this.rowCount; r++) {
      const row = cells[r] ?? [];
      let count = 0;
      for (const cell of row) if (!isBlank(cell)) count++;
      this.nonBlankCounts[r] = count;
      if (count > 0) last = r;
    }
    this.lastNonBlankRow = last;
  }

  cell(row: number, column: number): unknown {
    return this.cells[row]?.[column];
  }

  isBlankRow(row: number): boolean {
    return (this.nonBlankCounts[row] ?? 0) === 0;
  }

  rowNumber(row: number): number {
    return this.firstRowNumber + row;
  }

  columnLetters(column: number): string {
    return columnLetters(this.firstColumnNumber + column);
  }

  describeColumn(column: ColumnStats): string {
    const letters = this.columnLetters(column.column);
    return column.headerText
      ? `column ${letters} ("${shorten(column.headerText)}")`
      : `column ${letters}`;
  }
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function textOf(cell: unknown): string {
  if (isBlank(cell)) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

function isYesNo(cell: unknown): boolean {
  return (
    typeof cell === "boolean" || (typeof cell === "string" && YES_NO.has(cell.trim().toLowerCase()))
  );
}

/** "A" for 1, "Z" for 26, "AA" for 27. */
function columnLetters(columnNumber: number): string {
  let letters = "";
  for (let n = columnNumber; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters || "?";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function listed(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

// ---------------------------------------------------------------------------------------------
// Header row and period headers.

interface HeaderChoice {
  readonly row: number;
  /** The header's period columns, when the row holds at least two; null otherwise. */
  readonly periods: HeaderPeriods | null;
}

interface HeaderPeriods {
  readonly unit: PeriodUnit;
  /** In column order. */
  readonly columns: readonly PeriodColumn[];
  /** True when a label named a fiscal year or quarter ("FY2024"). */
  readonly fiscal: boolean;
}

/**
 * The first of the top rows that reads as a header: it holds names or period dates (at least 80%
 * of its cells), about as many cells as the rows below it, and at least one of its names sits
 * above a number, the way "Jan 2024" sits above revenue and "Score" above answers. A title row
 * above the table fails the last two tests.
 */
function findHeaderRow(sheet: SheetView): HeaderChoice | null {
  let looked = 0;
  for (let r = 0; r <= sheet.lastNonBlankRow && looked < HEADER_SEARCH_ROWS; r++) {
    if (sheet.isBlankRow(r)) continue;
    looked++;
    const filled = sheet.nonBlankCounts[r] ?? 0;
    const width = typicalWidthBelow(sheet, r);
    if (width === 0 || filled < Math.min(2, width) || filled < 0.5 * width) continue;

    const periods = readHeaderPeriods(sheet, r);
    const periodColumns = new Set(periods?.columns.map((p) => p.column));
    const isName = (c: number): boolean => {
      const cell = sheet.cell(r, c);
      if (periodColumns.has(c)) return true;
      return typeof cell === "string" && !isBlank(cell) && readDate(cell) === null;
    };
    let names = 0;
    for (let c = 0; c < sheet.columnCount; c++) if (isName(c)) names++;
    if (names < 0.8 * filled) continue;

    for (let c = 0; c < sheet.columnCount; c++) {
      if (!isName(c)) continue;
      const below = firstNonBlankBelow(sheet, r, c, 5);
      if (typeof below === "number" || typeof below === "boolean") return { row: r, periods };
    }
  }
  return null;
}

/** The median count of filled cells in the next 20 non-blank rows (0 when none follow). */
function typicalWidthBelow(sheet: SheetView, row: number): number {
  const widths: number[] = [];
  for (let r = row + 1; r <= sheet.lastNonBlankRow && widths.length < 20; r++) {
    if (!sheet.isBlankRow(r)) widths.push(sheet.nonBlankCounts[r] ?? 0);
  }
  if (widths.length === 0) return 0;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0;
}

function firstNonBlankBelow(sheet: SheetView, row: number, column: number, rows: number): unknown {
  for (let r = row + 1; r <= Math.min(sheet.lastNonBlankRow, row + rows); r++) {
    const cell = sheet.cell(r, column);
    if (!isBlank(cell)) return cell;
  }
  return undefined;
}

interface HeaderCellPeriod {
  readonly column: number;
  readonly start: string;
  readonly unit: PeriodUnit;
  readonly label: string;
  readonly fiscal: boolean;
}

/**
 * The period columns of a header row, when at least two cells name periods of one length.
 * Three kinds of cells can: dates (Excel serials from 2000 to 2099, ISO date text, Date objects),
 * labels ("Jan 2024", "Q1 2024", "FY2024", "2024-01") and year numbers (2022, 2023). The biggest
 * group wins. Dates must share a day of the month (all the 1st, all month ends, or all the same
 * day), which amounts in a data row practically never do; their period length follows from the
 * months between them (every 3 months: quarters; every 12: years).
 */
function readHeaderPeriods(sheet: SheetView, row: number): HeaderPeriods | null {
  const dates: { column: number; iso: string; label: string }[] = [];
  const labels: HeaderCellPeriod[] = [];
  const years: HeaderCellPeriod[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    const cell = sheet.cell(row, c);
    if (typeof cell === "number") {
      if (Number.isInteger(cell) && cell >= 1990 && cell <= 2100) {
        const start = `${cell}-01-01`;
        years.push({ column: c, start, unit: "year", label: String(cell), fiscal: false });
      } else if (cell >= FIRST_HEADER_SERIAL && cell < LAST_HEADER_SERIAL + 1) {
        const iso = readDate(cell);
        if (iso !== null) dates.push({ column: c, iso, label: "" });
      }
    } else if (typeof cell === "string" || cell instanceof Date) {
      const iso = readDate(cell);
      if (iso !== null) {
        dates.push({ column: c, iso, label: typeof cell === "string" ? cell.trim() : "" });
      } else if (typeof cell === "string") {
        const period = parsePeriodLabel(cell);
        if (period !== null) labels.push({ column: c, ...period, label: cell.trim() });
      }
    }
  }

  // Numbers must all differ: a data row of equal amounts is not a run of periods.
  const distinctYears = new Set(years.map((year) => year.start)).size === years.length ? years : [];
  const groups = [mostCommonUnit(labels), datePeriods(dates), distinctYears].filter(
    (group) => group.length >= 2
  );
  const best = groups.reduce<HeaderCellPeriod[] | null>(
    (chosen, group) => (chosen === null || group.length > chosen.length ? group : chosen),
    null
  );
  if (best === null) return null;
  const first = best[0];
  if (first === undefined) return null;
  return {
    unit: first.unit,
    fiscal: best.some((period) => period.fiscal),
    columns: best.map((period) => ({
      column: period.column,
      periodStart: period.start,
      label: period.label,
    })),
  };
}

/** The labels of the most common period length (a stray "2024" among months is not a period). */
function mostCommonUnit(labels: readonly HeaderCellPeriod[]): HeaderCellPeriod[] {
  const units: PeriodUnit[] = ["month", "quarter", "year"];
  const byUnit = units.map((unit) => labels.filter((label) => label.unit === unit));
  return byUnit.reduce(
    (best, group) => (group.length > best.length ? group : best),
    [] as HeaderCellPeriod[]
  );
}

function datePeriods(
  dates: readonly { column: number; iso: string; label: string }[]
): HeaderCellPeriod[] {
  if (dates.length < 2) return [];
  const parsed = dates.map((date) => ({ ...date, parts: parseIsoDate(date.iso) }));
  const days = parsed.map(({ parts }) => parts?.day ?? 0);
  const allFirst = days.every((day) => day === 1);
  const allMonthEnds = parsed.every(
    ({ parts }) => parts !== null && parts.day === daysInMonth(parts.year, parts.month)
  );
  const allSameDay = days.every((day) => day === days[0]);
  if (!allFirst && !allMonthEnds && !allSameDay) return [];

  const months = [...new Set(parsed.map(({ iso }) => periodIndex(iso, "month")))].sort(
    (a, b) => a - b
  );
  if (months.length < 2) return [];
  let step = 0;
  for (let i = 1; i < months.length; i++) step = gcd(step, (months[i] ?? 0) - (months[i - 1] ?? 0));
  const unit: PeriodUnit =
    step > 0 && step % 12 === 0 ? "year" : step > 0 && step % 3 === 0 ? "quarter" : "month";
  return parsed.map(({ column, iso, label }) => {
    const start = periodStart(iso, unit);
    return { column, start, unit, label: label || periodLabel(start, unit), fiscal: false };
  });
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

// ---------------------------------------------------------------------------------------------
// Rows: data, blanks, totals.

interface RowSplit {
  /** Non-blank rows below the header that are not summary rows. */
  readonly dataRows: number[];
  readonly excludedRows: ExcludedRow[];
  readonly notes: string[];
}

/**
 * Splits the rows below the header into data rows, blank rows between them (left out, noted) and
 * rows labelled as totals or summaries (left out, noted). Blank rows after the last data row are
 * the end of the selection, not a gap, and are not listed. `skipColumns` are period columns,
 * whose header text does not label a row.
 */
function splitRows(sheet: SheetView, headerRow: number, skipColumns: readonly number[]): RowSplit {
  const skip = new Set(skipColumns);
  const dataRows: number[] = [];
  const blankRows: number[] = [];
  const excludedRows: ExcludedRow[] = [];
  const notes: string[] = [];
  for (let r = headerRow + 1; r <= sheet.lastNonBlankRow; r++) {
    if (sheet.isBlankRow(r)) {
      blankRows.push(r);
      continue;
    }
    const label = summaryLabel(sheet, r, skip);
    if (label !== null) {
      excludedRows.push({ row: r, reason: "totals" });
      notes.push(
        `Row ${sheet.rowNumber(r)} ("${shorten(label)}") is a totals row and is left out.`
      );
      continue;
    }
    dataRows.push(r);
  }
  // Blank rows before the first data row (between header and data) are gaps as well.
  for (const r of blankRows) excludedRows.push({ row: r, reason: "blank" });
  if (blankRows.length > 0) {
    const numbers = blankRows.map((r) => String(sheet.rowNumber(r)));
    const plural = blankRows.length === 1 ? "Blank row" : "Blank rows";
    notes.push(`${plural} ${listed(numbers)} skipped.`);
  }
  excludedRows.sort((a, b) => a.row - b.row);
  return { dataRows, excludedRows, notes };
}

/** The text labelling a row as a summary ("Total", "Grand total", "Average"), if any. */
function summaryLabel(sheet: SheetView, row: number, skip: ReadonlySet<number>): string | null {
  let texts = 0;
  for (let c = 0; c < sheet.columnCount && texts < 2; c++) {
    const cell = sheet.cell(row, c);
    if (skip.has(c) || typeof cell !== "string" || isBlank(cell)) continue;
    texts++;
    if (SUMMARY_LABEL.test(cell.trim())) return cell.trim();
  }
  return null;
}

/**
 * True when the last data row holds, in every given column, the sum of the data rows above it,
 * and at least two rows above contribute (so a single customer cannot look like a total).
 */
function isSumOfRowsAbove(
  sheet: SheetView,
  dataRows: readonly number[],
  columns: readonly number[]
): boolean {
  const last = dataRows[dataRows.length - 1];
  if (last === undefined || dataRows.length < 3 || columns.length === 0) return false;
  const contributing = new Set<number>();
  let anyNonZero = false;
  for (const c of columns) {
    const total = sheet.cell(last, c);
    if (typeof total !== "number") {
      if (!isBlank(total)) return false;
    }
    let sum = 0;
    for (const r of dataRows) {
      if (r === last) continue;
      const value = sheet.cell(r, c);
      if (typeof value === "number" && value !== 0) {
        sum += value;
        contributing.add(r);
      }
    }
    const shown = typeof total === "number" ? total : 0;
    if (Math.abs(shown - sum) > 1e-9 * Math.max(1, Math.abs(sum)) + 1e-6) return false;
    if (sum !== 0) anyNonZero = true;
  }
  return anyNonZero && contributing.size >= 2;
}

function excludeLastAsTotals(sheet: SheetView, rows: RowSplit, why: string): RowSplit {
  const last = rows.dataRows[rows.dataRows.length - 1];
  if (last === undefined) return rows;
  const excludedRows = [...rows.excludedRows, { row: last, reason: "totals" as const }].sort(
    (a, b) => a.row - b.row
  );
  const notes = [
    ...rows.notes,
    `Row ${sheet.rowNumber(last)} ${why}, so it is read as a totals row and left out.`,
  ];
  return { dataRows: rows.dataRows.slice(0, -1), excludedRows, notes };
}

// ---------------------------------------------------------------------------------------------
// Columns.

interface ColumnStats {
  readonly column: number;
  /** The header text, "" when the header cell is blank. */
  readonly headerText: string;
  /** The header text, or "Column D". */
  readonly header: string;
  nonBlank: number;
  numbers: number;
  wholeNumbersZeroToTen: number;
  texts: number;
  yesNo: number;
  /** Cells that read as dates: ISO text, Date objects, or numbers in the 2000–2099 serial range. */
  dates: number;
  /** Dates that were text or Date objects, not numbers (no doubt about them). */
  typedDates: number;
  minNumber: number;
  maxNumber: number;
  readonly distinct: Set<string>;
}

function columnStats(
  sheet: SheetView,
  headerRow: number | null,
  dataRows: readonly number[]
): ColumnStats[] {
  const stats: ColumnStats[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    const headerText = headerRow === null ? "" : textOf(sheet.cell(headerRow, c));
    stats.push({
      column: c,
      headerText,
      header: headerText || `Column ${sheet.columnLetters(c)}`,
      nonBlank: 0,
      numbers: 0,
      wholeNumbersZeroToTen: 0,
      texts: 0,
      yesNo: 0,
      dates: 0,
      typedDates: 0,
      minNumber: Infinity,
      maxNumber: -Infinity,
      distinct: new Set(),
    });
  }
  for (const r of dataRows) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const column = stats[c];
      if (column === undefined || isBlank(cell)) continue;
      column.nonBlank++;
      if (column.distinct.size < DISTINCT_CAP) column.distinct.add(textOf(cell).toLowerCase());
      if (isYesNo(cell)) column.yesNo++;
      if (typeof cell === "number") {
        column.numbers++;
        column.minNumber = Math.min(column.minNumber, cell);
        column.maxNumber = Math.max(column.maxNumber, cell);
        if (Number.isInteger(cell) && cell >= 0 && cell <= 10) column.wholeNumbersZeroToTen++;
        if (cell >= FIRST_HEADER_SERIAL && cell < LAST_HEADER_SERIAL + 1) column.dates++;
      } else if (typeof cell === "string") {
        if (readDate(cell) !== null) {
          column.dates++;
          column.typedDates++;
        } else {
          column.texts++;
        }
      } else if (cell instanceof Date) {
        column.dates++;
        column.typedDates++;
      }
    }
  }
  return stats;
}

/** A column of a few repeated text values, or of yes/no flags. */
function isSegmentColumn(column: ColumnStats, rowCount: number): boolean {
  if (column.nonBlank === 0) return false;
  if (column.yesNo === column.nonBlank) return true;
  if (column.texts < 0.8 * column.nonBlank) return false;
  const distinct = column.distinct.size;
  if (distinct > SEGMENT_MAX_DISTINCT) return false;
  return (
    distinct <= SEGMENT_MAX_DISTINCT_SHARE * rowCount ||
    (rowCount <= 10 && distinct < column.nonBlank)
  );
}

function segmentColumns(
  columns: readonly ColumnStats[],
  taken: ReadonlySet<number>,
  rowCount: number
): SegmentColumn[] {
  return columns
    .filter((column) => !taken.has(column.column) && isSegmentColumn(column, rowCount))
    .map((column) => ({ column: column.column, name: column.header }));
}

/**
 * The column naming customers: a header such as Customer, Account or Name first; otherwise the
 * mostly-text column with the most distinct values (customers outnumber plans and regions).
 * A column of numbers counts only under such a header (customer ids).
 */
function customerColumn(
  columns: readonly ColumnStats[],
  taken: ReadonlySet<number>,
  rowCount: number
): ColumnStats | null {
  let best: ColumnStats | null = null;
  let bestScore = -1;
  for (const column of columns) {
    if (taken.has(column.column) || column.nonBlank === 0 || column.nonBlank < 0.5 * rowCount)
      continue;
    const named = CUSTOMER_WORDS.test(column.headerText);
    const mostlyText = column.texts >= 0.8 * column.nonBlank;
    if (!named && !mostlyText) continue;
    const score = (named ? 1_000_000 : 0) + (mostlyText ? 100_000 : 0) + column.distinct.size;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Grid.

function gridLayout(sheet: SheetView, headerRow: number, periods: HeaderPeriods): GridLayout {
  const notes: string[] = [];
  const { unit } = periods;

  // Two columns for one period: the first is used, the others named.
  const seen = new Map<string, PeriodColumn>();
  for (const period of periods.columns) {
    const earlier = seen.get(period.periodStart);
    if (earlier === undefined) {
      seen.set(period.periodStart, period);
    } else {
      notes.push(
        `Columns ${sheet.columnLetters(earlier.column)} and ${sheet.columnLetters(period.column)} are both ` +
          `${periodLabel(period.periodStart, unit)}; only column ${sheet.columnLetters(earlier.column)} is used.`
      );
    }
  }
  const inSheetOrder = [...seen.values()];
  const periodColumns = [...inSheetOrder].sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0
  );
  if (inSheetOrder.some((period, i) => period !== periodColumns[i])) {
    notes.push(
      "The period columns are not in date order on the sheet; they are read in date order."
    );
  }
  const missing = missingPeriods(periodColumns, unit);
  if (missing.length > 0) {
    notes.push(
      `The periods are not contiguous: no column for ${listed(missing.map((start) => periodLabel(start, unit)))}.`
    );
  }
  if (periods.fiscal) {
    notes.push(
      "Fiscal-year labels are read as calendar periods (FY2024 as January–December 2024); change the mapping if your fiscal year starts in another month."
    );
  }

  const periodSet = new Set(periodColumns.map((period) => period.column));
  const allPeriodColumns = periods.columns.map((period) => period.column);
  let rows = splitRows(sheet, headerRow, allPeriodColumns);
  const columns = columnStats(sheet, headerRow, rows.dataRows);
  const taken = new Set(allPeriodColumns);
  const customer = customerColumn(columns, taken, rows.dataRows.length);
  if (customer !== null) taken.add(customer.column);

  if (isSumOfRowsAbove(sheet, rows.dataRows, [...periodSet])) {
    rows = excludeLastAsTotals(sheet, rows, "equals the sum of the rows above it");
  }

  // Rows with amounts but no customer name are left out rather than guessed at.
  let dataRows = rows.dataRows;
  const excludedRows = [...rows.excludedRows];
  notes.push(...rows.notes);
  if (customer !== null) {
    const unnamed = dataRows.filter((r) => isBlank(sheet.cell(r, customer.column)));
    if (unnamed.length > 0) {
      dataRows = dataRows.filter((r) => !isBlank(sheet.cell(r, customer.column)));
      for (const r of unnamed) excludedRows.push({ row: r, reason: "no customer" });
      excludedRows.sort((a, b) => a.row - b.row);
      notes.push(
        `${unnamed.length === 1 ? "Row" : "Rows"} ${listed(unnamed.map((r) => String(sheet.rowNumber(r))))} ${unnamed.length === 1 ? "has" : "have"} amounts but no customer and ${unnamed.length === 1 ? "is" : "are"} left out.`
      );
    }
    const repeated = repeatedValues(sheet, dataRows, customer.column);
    if (repeated.length > 0) {
      notes.push(
        `${listed(repeated.map((name) => `"${shorten(name)}"`))} ${repeated.length === 1 ? "appears" : "appear"} on more than one row; each row is read as its own customer.`
      );
    }
  } else {
    notes.push("No column names the customers; each row is read as one customer.");
  }

  const textInPeriods = textCellsIn(sheet, dataRows, periodColumns);
  if (textInPeriods.length > 0) {
    notes.push(`Some period cells hold text instead of amounts (${listed(textInPeriods, 3)}).`);
  }
  const segments = segmentColumns(columns, taken, dataRows.length);
  for (const s of segments) taken.add(s.column);
  const ignored = columns.filter(
    (column) => !taken.has(column.column) && !periodSet.has(column.column) && column.nonBlank > 0
  );
  if (ignored.length > 0) {
    notes.push(
      `${capitalize(listed(ignored.map((column) => sheet.describeColumn(column))))} ${ignored.length === 1 ? "is" : "are"} neither a period nor a segment and ${ignored.length === 1 ? "is" : "are"} not used.`
    );
  }

  return {
    kind: "grid",
    headerRow,
    customerColumn: customer?.column ?? null,
    period: unit,
    periodColumns,
    segmentColumns: segments,
    dataRows,
    excludedRows,
    notes,
  };
}

function missingPeriods(sorted: readonly PeriodColumn[], unit: PeriodUnit): string[] {
  const missing: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = periodIndex(sorted[i - 1]?.periodStart ?? "", unit);
    const current = periodIndex(sorted[i]?.periodStart ?? "", unit);
    for (let index = previous + 1; index < current && missing.length < 100; index++) {
      missing.push(periodStartFromIndex(index, unit));
    }
  }
  return missing;
}

function repeatedValues(sheet: SheetView, rows: readonly number[], column: number): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of rows) {
    const name = textOf(sheet.cell(r, column));
    const key = name.toLowerCase();
    if (seen.has(key)) repeated.add(name);
    seen.add(key);
  }
  return [...repeated];
}

function textCellsIn(
  sheet: SheetView,
  rows: readonly number[],
  periods: readonly PeriodColumn[]
): string[] {
  const found: string[] = [];
  for (const r of rows) {
    for (const period of periods) {
      const cell = sheet.cell(r, period.column);
      if (typeof cell === "string" && !isBlank(cell)) {
        found.push(`row ${sheet.rowNumber(r)}, ${period.label}: "${shorten(cell)}"`);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Ledger.

type LedgerColumns =
  | {
      readonly kind: "found";
      readonly customer: ColumnStats;
      readonly date: ColumnStats;
      readonly amount: ColumnStats;
      readonly notes: string[];
    }
  | { readonly kind: "missing"; readonly missing: string };

/**
 * A date column (mostly dates; a header such as Date or Month first, then real date text over
 * numbers that merely look like serials), an amount column (mostly numbers; a header such as
 * Amount or MRR first) and a customer column.
 */
function ledgerColumns(columns: readonly ColumnStats[], rowCount: number): LedgerColumns {
  const filled = (column: ColumnStats) => column.nonBlank > 0 && column.nonBlank >= 0.5 * rowCount;
  const dateCandidates = columns.filter(
    (column) => filled(column) && column.dates >= 0.8 * column.nonBlank
  );
  const amountCandidates = columns.filter(
    (column) => filled(column) && column.numbers >= 0.8 * column.nonBlank
  );
  const notes: string[] = [];

  const date = pickBy(dateCandidates, [
    (column) => DATE_WORDS.test(column.headerText) && !AMOUNT_WORDS.test(column.headerText),
    (column) => column.typedDates > 0,
    (column) => !AMOUNT_WORDS.test(column.headerText),
  ]);
  if (date === null) return { kind: "missing", missing: "date column" };
  const amount = pickBy(
    amountCandidates.filter((column) => column.column !== date.column),
    [
      (column) => AMOUNT_WORDS.test(column.headerText),
      (column) => !DATE_WORDS.test(column.headerText),
    ]
  );
  if (amount === null) return { kind: "missing", missing: "amount column next to the date column" };
  if (
    date.typedDates === 0 &&
    !DATE_WORDS.test(date.headerText) &&
    amount.dates >= 0.8 * amount.nonBlank
  ) {
    notes.push(
      `Both ${date.header} and ${amount.header} hold numbers that could be dates; ${date.header} is read as the date. Change the mapping if that is wrong.`
    );
  }
  const taken = new Set([date.column, amount.column]);
  const customer = customerColumn(columns, taken, rowCount);
  if (customer === null)
    return { kind: "missing", missing: "customer column beside the date and amount columns" };
  return { kind: "found", customer, date, amount, notes };
}

/** The leftmost candidate passing the first test that any passes; else the leftmost. */
function pickBy(
  candidates: readonly ColumnStats[],
  preferences: readonly ((column: ColumnStats) => boolean)[]
): ColumnStats | null {
  for (const prefer of preferences) {
    const found = candidates.find(prefer);
    if (found) return found;
  }
  return candidates[0] ?? null;
}

function ledgerLayout(
  sheet: SheetView,
  headerRow: number,
  split: RowSplit,
  columns: readonly ColumnStats[],
  found: Extract<LedgerColumns, { kind: "found" }>
): LedgerLayout {
  const { customer, date, amount } = found;
  let rows = split;
  if (
    isSumOfRowsAbove(sheet, rows.dataRows, [amount.column]) &&
    lastRowLacksEntry(sheet, rows.dataRows, customer.column, date.column)
  ) {
    rows = excludeLastAsTotals(
      sheet,
      rows,
      "has no customer or date and its amount equals the sum of the amounts above"
    );
  }
  const notes = [...found.notes, ...rows.notes];

  let previous: string | null = null;
  let outOfOrder: number | null = null;
  const notDates: string[] = [];
  for (const r of rows.dataRows) {
    const cell = sheet.cell(r, date.column);
    const iso = readDate(cell);
    if (iso === null) {
      if (!isBlank(cell)) notDates.push(`row ${sheet.rowNumber(r)}: "${shorten(textOf(cell))}"`);
      continue;
    }
    if (previous !== null && iso < previous && outOfOrder === null) outOfOrder = r;
    previous = iso;
  }
  if (outOfOrder !== null) {
    notes.push(
      `The dates are not in order (row ${sheet.rowNumber(outOfOrder)} is earlier than the row above it); that is fine, entries are grouped by customer and period whatever their order.`
    );
  }
  if (notDates.length > 0)
    notes.push(`Some cells in ${date.header} are not dates (${listed(notDates, 3)}).`);
  const notAmounts = rows.dataRows
    .filter(
      (r) =>
        typeof sheet.cell(r, amount.column) === "string" && !isBlank(sheet.cell(r, amount.column))
    )
    .map((r) => `row ${sheet.rowNumber(r)}: "${shorten(textOf(sheet.cell(r, amount.column)))}"`);
  if (notAmounts.length > 0)
    notes.push(`Some cells in ${amount.header} are not numbers (${listed(notAmounts, 3)}).`);

  const taken = new Set([customer.column, date.column, amount.column]);
  return {
    kind: "ledger",
    headerRow,
    customerColumn: customer.column,
    dateColumn: date.column,
    amountColumn: amount.column,
    segmentColumns: segmentColumns(columns, taken, rows.dataRows.length),
    dataRows: rows.dataRows,
    excludedRows: rows.excludedRows,
    notes,
  };
}

function lastRowLacksEntry(
  sheet: SheetView,
  dataRows: readonly number[],
  customerColumn: number,
  dateColumn: number
): boolean {
  const last = dataRows[dataRows.length - 1];
  if (last === undefined) return false;
  return (
    isBlank(sheet.cell(last, customerColumn)) || readDate(sheet.cell(last, dateColumn)) === null
  );
}

// ---------------------------------------------------------------------------------------------
// Survey.

/** Columns of whole numbers from 0 to 10 only, not headed like ids or counts. */
function scoreCandidates(columns: readonly ColumnStats[]): ColumnStats[] {
  return columns.filter(
    (column) =>
      column.nonBlank > 0 &&
      column.numbers === column.nonBlank &&
      column.wholeNumbersZeroToTen === column.nonBlank &&
      !(NOT_SCORE_WORDS.test(column.headerText) && !SCORE_WORDS.test(column.headerText))
  );
}

/**
 * The scale a score column is on: its header's word first (NPS, CSAT, CES) when the answers fit
 * that scale; otherwise the answers decide: a 0 or anything above 7 is NPS, answers from 1 to 5
 * are CSAT, up to 7 are CES.
 */
function surveyScale(column: ColumnStats): { scale: SurveyScale; why: string } {
  const { minNumber: min, maxNumber: max, headerText } = column;
  if (NPS_WORDS.test(headerText)) return { scale: "nps", why: "its header says so" };
  if (CSAT_WORDS.test(headerText) && min >= 1 && max <= 5)
    return { scale: "csat", why: "its header says so" };
  if (CES_WORDS.test(headerText) && min >= 1 && max <= 7)
    return { scale: "ces", why: "its header says so" };
  const range = `the answers run from ${min} to ${max}`;
  if (min === 0 || max > 7) return { scale: "nps", why: range };
  if (max <= 5) return { scale: "csat", why: range };
  return { scale: "ces", why: range };
}

const SCALE_NAMES: Record<SurveyScale, string> = {
  nps: "NPS (0–10)",
  csat: "CSAT (1–5)",
  ces: "CES (1–7)",
};

function surveyLayout(
  sheet: SheetView,
  headerRow: number | null,
  rows: RowSplit,
  columns: readonly ColumnStats[],
  score: ColumnStats,
  extraNotes: readonly string[]
): SurveyLayout {
  const { scale, why } = surveyScale(score);
  const notes = [
    ...extraNotes,
    ...rows.notes,
    `${capitalize(sheet.describeColumn(score))} is read as ${SCALE_NAMES[scale]} scores (${why}); change the scale if that is wrong.`,
  ];
  const blanks = rows.dataRows.filter((r) => isBlank(sheet.cell(r, score.column))).length;
  if (blanks > 0)
    notes.push(
      `${blanks} ${blanks === 1 ? "row has" : "rows have"} no score and ${blanks === 1 ? "is" : "are"} not counted as answers.`
    );
  return {
    kind: "survey",
    headerRow,
    scoreColumn: score.column,
    scale,
    segmentColumns: segmentColumns(columns, new Set([score.column]), rows.dataRows.length),
    dataRows: rows.dataRows,
    excludedRows: rows.excludedRows,
    notes,
  };
}

/** A selection of one column of scores without a header. */
function bareScoreColumn(sheet: SheetView): SurveyLayout | null {
  const rows = splitRows(sheet, -1, []);
  const columns = columnStats(sheet, null, rows.dataRows).filter((column) => column.nonBlank > 0);
  const only = columns[0];
  if (columns.length !== 1 || only === undefined || scoreCandidates([only]).length !== 1)
    return null;
  return surveyLayout(sheet, null, rows, columns, only, [
    "The selection has no header row; its one column is read as scores.",
  ]);
}
