/**
 * The task pane's analysis (issue 6, "Analyse" and "What-if"): from the cells the pane read and
 * the mapping the user confirmed, the figures it shows. Pure: no DOM, no Office, no text for
 * the user. Messages and benchmark readings come back as catalogue keys with parameters, which
 * the pane renders in its language.
 *
 * Every figure is computed the way the SAAS.* bindings compute it, from the very cells a range
 * over the user's sheet passes to them (a column of a customers × periods grid, or a column of
 * the SAAS.MRRMATRIX spill of a ledger), so the board pack's live formulas give the same numbers
 * as the pane (test/taskpane/boardPack.test.ts evaluates them in a spreadsheet engine).
 *
 * Rows and columns in a mapping are 0-based indexes into the cells read; `SourceCells` says where
 * those cells sit on the sheet, and messages name rows and columns as the user sees them.
 */
import { mrrBridge } from "./bridge";
import {
  type CellGrid,
  type ScoreScale,
  type SegmentLabel,
  describeCell,
  readRevenue,
  readScores,
} from "./coerce";
import { cohortTable } from "./cohorts";
import { type PeriodUnit, isDateSerial, readDate } from "./dates";
import { MetricError, type MetricErrorKind } from "./errors";
import {
  type RevenueInput,
  readCohortInput,
  readRevenueInput,
  readSurveyInput,
  revenueMetric,
  revenueTotals,
  surveyMetric,
} from "./inputs";
import type { ExcludedRow, LayoutGuess, PeriodColumn, SegmentColumn, SurveyScale } from "./layout";
import { matrixSegments, mrrMatrix, readLedger } from "./ledger";
import { logoRetention } from "./logos";
import type { MovementTotals } from "./movements";
import { projectMrr } from "./projection";
import {
  contractionRate,
  expansionRate,
  grossRevenueRetention,
  mrrChurnRate,
  netMrrChurnRate,
  netRevenueRetention,
  quickRatio,
} from "./retention";
import type { ResultTable } from "./segments";
import {
  CONFIDENCE_LEVEL,
  NPS_SCALE,
  countNps,
  customerEffortScore,
  customerSatisfaction,
  netPromoterScore,
  npsMarginOfError,
  satisfactionScale,
  scoreMetric,
} from "./surveys";

// ---------------------------------------------------------------------------------------------
// Messages, sources and mappings.

/** Parameters of a message: numbers are formatted by the catalogue's placeholder ({rate:percent}). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Something to tell the user, as a catalogue key and its parameters. */
export interface AnalysisMessage {
  readonly key: string;
  readonly params: MessageParams;
}

/** The cells of one source as read (blanks as ""), and where the first cell sits on its sheet. */
export interface SourceCells {
  readonly cells: CellGrid;
  readonly sheetName: string;
  /** 0-based sheet row and column of cells[0][0]. */
  readonly rowIndex: number;
  readonly columnIndex: number;
}

interface MappedRows {
  /** The data run from firstRow to lastRow, both included (indexes into the cells). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly segmentColumns: readonly SegmentColumn[];
}

export interface GridMapping extends MappedRows {
  readonly kind: "grid";
  readonly headerRow: number;
  readonly customerColumn: number | null;
  readonly period: PeriodUnit;
  /** In date order. */
  readonly periodColumns: readonly PeriodColumn[];
}

export interface LedgerMapping extends MappedRows {
  readonly kind: "ledger";
  readonly headerRow: number;
  readonly customerColumn: number;
  readonly dateColumn: number;
  readonly amountColumn: number;
  /** The period the ledger is summed into (SAAS.MRRMATRIX's `period`). */
  readonly period: PeriodUnit;
}

export interface SurveyMapping extends MappedRows {
  readonly kind: "survey";
  readonly headerRow: number | null;
  readonly scoreColumn: number;
  readonly scale: SurveyScale;
}

/** What the user confirmed: which columns hold what. Plain data, kept in document settings. */
export type SourceMapping = GridMapping | LedgerMapping | SurveyMapping;

/**
 * The mapping a layout guess proposes, or null when no layout was recognised. The data run from
 * the first to the last data row the guess found; rows it left out after the last (a totals row)
 * stay out.
 *
 * @example mappingFromLayout(detectLayout(cells)) → { kind: "grid", headerRow: 0, firstRow: 1, … }
 */
export function mappingFromLayout(guess: LayoutGuess): SourceMapping | null {
  if (guess.kind === "unknown") return null;
  const first = guess.dataRows[0];
  const last = guess.dataRows[guess.dataRows.length - 1];
  const headerRow = guess.headerRow ?? -1;
  const rows = {
    firstRow: first ?? headerRow + 1,
    lastRow: last ?? headerRow,
    segmentColumns: guess.segmentColumns,
  };
  switch (guess.kind) {
    case "grid":
      return {
        kind: "grid",
        ...rows,
        headerRow: guess.headerRow,
        customerColumn: guess.customerColumn,
        period: guess.period,
        periodColumns: guess.periodColumns,
      };
    case "ledger":
      return {
        kind: "ledger",
        ...rows,
        headerRow: guess.headerRow,
        customerColumn: guess.customerColumn,
        dateColumn: guess.dateColumn,
        amountColumn: guess.amountColumn,
        period: "month",
      };
    case "survey":
      return {
        kind: "survey",
        ...rows,
        headerRow: guess.headerRow,
        scoreColumn: guess.scoreColumn,
        scale: guess.scale,
      };
  }
}

/**
 * Problems that stop a mapping from being analysed, before any cell is read as a number: no data
 * rows, too few periods, one column in two roles, or a row the layout left out (a subtotal, a row
 * without a customer) sitting between data rows. Functions read one unbroken block of rows, so
 * such a row would count in the board pack's formulas: it must move, not be skipped silently.
 *
 * @example a "Subtotal" on sheet row 4 between data rows →
 *   [{ key: "problem.totalsRowInsideData", params: { row: 4 } }]
 */
export function mappingProblems(
  source: SourceCells,
  mapping: SourceMapping,
  excludedRows: readonly ExcludedRow[] = []
): AnalysisMessage[] {
  const problems: AnalysisMessage[] = [];
  if (mapping.lastRow < mapping.firstRow) {
    problems.push({ key: "problem.noDataRows", params: {} });
    return problems;
  }
  if (mapping.kind === "grid" && mapping.periodColumns.length < 2) {
    problems.push({
      key: "problem.tooFewPeriods",
      params: { count: mapping.periodColumns.length },
    });
  }
  const roles = mappedColumns(mapping);
  const seen = new Set<number>();
  for (const column of roles) {
    if (seen.has(column)) {
      problems.push({
        key: "problem.columnUsedTwice",
        params: { column: sheetColumnName(source, column) },
      });
      break;
    }
    seen.add(column);
  }
  for (const excluded of excludedRows) {
    if (excluded.reason === "blank") continue; // a blank row is 0 revenue, or no answer: harmless
    if (excluded.row > mapping.firstRow && excluded.row < mapping.lastRow) {
      problems.push({
        key:
          excluded.reason === "totals"
            ? "problem.totalsRowInsideData"
            : "problem.unnamedRowInsideData",
        params: { row: sheetRowNumber(source, excluded.row) },
      });
    }
  }
  return problems;
}

/** Every column the mapping gives a role, segments included. */
function mappedColumns(mapping: SourceMapping): number[] {
  const segments = mapping.segmentColumns.map((segment) => segment.column);
  switch (mapping.kind) {
    case "grid":
      return [
        ...(mapping.customerColumn === null ? [] : [mapping.customerColumn]),
        ...mapping.periodColumns.map((period) => period.column),
        ...segments,
      ];
    case "ledger":
      return [mapping.customerColumn, mapping.dateColumn, mapping.amountColumn, ...segments];
    case "survey":
      return [mapping.scoreColumn, ...segments];
  }
}

// ---------------------------------------------------------------------------------------------
// Rows, columns and cells as the user sees them.

/**
 * The row number the user sees for a row of the cells read.
 *
 * @example cells read from B3 (rowIndex 2): row 0 → 3
 */
export function sheetRowNumber(source: SourceCells, row: number): number {
  return source.rowIndex + row + 1;
}

/**
 * The column letters the user sees for a column of the cells read.
 *
 * @example cells read from B3 (columnIndex 1): column 1 → "C"; column 26 → "AB"
 */
export function sheetColumnName(source: SourceCells, column: number): string {
  let letters = "";
  for (let n = source.columnIndex + column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The pane reads an error cell as its text ("#N/A"); Excel would pass the error itself on. */
const ERROR_TEXT =
  /^#(N\/A|VALUE!|DIV\/0!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|GETTING_DATA)$/;

function isBlankCell(cell: unknown): boolean {
  return cell === "" || cell === null || cell === undefined;
}

/** One column of the data rows, shaped as a range over it passes to a function. */
function columnCells(source: SourceCells, column: number, first: number, last: number): CellGrid {
  const cells: unknown[][] = [];
  for (let r = first; r <= last; r++) cells.push([source.cells[r]?.[column] ?? ""]);
  return cells;
}

/** A block of columns of the data rows, shaped as a range over it passes to a function. */
function blockCells(
  source: SourceCells,
  firstColumn: number,
  lastColumn: number,
  first: number,
  last: number
): CellGrid {
  const cells: unknown[][] = [];
  for (let r = first; r <= last; r++) {
    const row: unknown[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) row.push(source.cells[r]?.[c] ?? "");
    cells.push(row);
  }
  return cells;
}

type Check = (cell: unknown) => string | null;

/**
 * The first cell (in reading order) of the given columns that the check refuses, as a message
 * naming its row and column on the sheet. Cells the check passes cost one call each, so checks
 * take the fast way for plain numbers.
 */
function firstBadCell(
  source: SourceCells,
  columns: readonly number[],
  first: number,
  last: number,
  check: Check
): AnalysisMessage | null {
  for (let r = first; r <= last; r++) {
    const row = source.cells[r];
    for (const c of columns) {
      const cell = row?.[c] ?? "";
      const key = check(cell);
      if (key !== null) {
        return {
          key,
          params: {
            row: sheetRowNumber(source, r),
            column: sheetColumnName(source, c),
            value: describeCell(cell),
          },
        };
      }
    }
  }
  return null;
}

/**
 * A revenue cell that a revenue range would refuse, judged by the core's own reader (on the
 * cell alone, where text is never a header), with the kind of problem for the message. A text
 * cell counts even where a reader would take it as a header: in the data rows it is data.
 */
const revenueCheck: Check = (cell) => {
  if (typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) return null;
  if (isBlankCell(cell)) return null;
  if (typeof cell === "string")
    return ERROR_TEXT.test(cell) ? "problem.errorValue" : "problem.revenueText";
  if (typeof cell === "boolean") return "problem.revenueLogical";
  try {
    readRevenue([[cell]], "mrr");
    return null;
  } catch (error) {
    if (!(error instanceof MetricError)) throw error;
    return typeof cell === "number" && cell < 0 ? "problem.revenueNegative" : "problem.revenueText";
  }
};

const segmentCheck: Check = (cell) =>
  typeof cell === "string" && ERROR_TEXT.test(cell) ? "problem.errorValue" : null;

function scoreCheck(scale: SurveyScaleRule): Check {
  return (cell) => {
    if (isBlankCell(cell)) return null;
    if (typeof cell === "string")
      return ERROR_TEXT.test(cell) ? "problem.errorValue" : "problem.scoreText";
    if (typeof cell === "boolean") return "problem.scoreText";
    try {
      readScores([[cell]], "scores", scale.rule);
      return null;
    } catch (error) {
      if (!(error instanceof MetricError)) throw error;
      return typeof cell === "number" && Number.isInteger(cell)
        ? "problem.scoreOutsideScale"
        : "problem.scoreNotWhole";
    }
  };
}

/** Wraps a core call that should not fail once the cells are checked: a failure is shown as is. */
function coreProblem(error: unknown): AnalysisMessage {
  if (error instanceof MetricError)
    return { key: "problem.core", params: { message: error.message } };
  throw error;
}

export type Prepared<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: AnalysisMessage };

// ---------------------------------------------------------------------------------------------
// Revenue: a grid, or a ledger summed into one.

/** A segment column the way functions receive it: one label a customer, aligned with the revenue. */
export interface SegmentSource {
  readonly name: string;
  /** The column in the cells read (for a ledger: the ledger's column the labels come from). */
  readonly column: number;
  readonly cells: CellGrid;
}

/**
 * Where the revenue lives on the sheet, for the board pack's formulas (0-based sheet rows and
 * columns). A ledger's matrix does not exist on any sheet: the pack spills it with
 * SAAS.MRRMATRIX and refers to its columns.
 */
export type RevenueRanges =
  | {
      readonly kind: "grid";
      readonly sheetName: string;
      readonly headerRow: number;
      readonly firstRow: number;
      readonly lastRow: number;
      /** Sheet column of each period, in date order. */
      readonly periodColumns: readonly number[];
      /** True when the periods are one block of columns, in date order, on the sheet. */
      readonly periodsAdjacent: boolean;
      /** True when the cohort block is best read with its header row (text that names the periods). */
      readonly cohortWithHeader: boolean;
      readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
    }
  | {
      readonly kind: "ledger";
      readonly sheetName: string;
      readonly firstRow: number;
      readonly lastRow: number;
      readonly customerColumn: number;
      readonly dateColumn: number;
      readonly amountColumn: number;
      readonly period: PeriodUnit;
      /** The SAAS.MRRMATRIX spill: "customer" corner, period dates across, ids down. */
      readonly matrixRows: number;
      readonly matrixColumns: number;
      readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
    };

export interface RevenueModel {
  readonly kind: "grid" | "ledger";
  readonly period: PeriodUnit;
  /** ISO start date of each period, in date order. */
  readonly periods: readonly string[];
  readonly customers: number;
  /** What a range over each period's column passes to a function. */
  readonly columns: readonly CellGrid[];
  /** The periods before `start` as one range (a function's `history`), or null when they are not one block. */
  readonly history: (start: number) => CellGrid | null;
  readonly segments: readonly SegmentSource[];
  /** What SAAS.COHORT reads: the grid's block of periods, or the whole matrix spill; null when the periods are not one block. */
  readonly cohortMatrix: CellGrid | null;
  readonly ranges: RevenueRanges;
  /** Things the user should know (segments of a ledger that cannot be looked up, say). */
  readonly notes: readonly AnalysisMessage[];
}

/**
 * Reads the revenue of a grid or a ledger mapping, checking every cell first so that a problem is
 * named by its row and column on the sheet ("Row 418 of column C holds text…").
 *
 * @example a grid whose C418 holds "n/a" →
 *   { ok: false, problem: { key: "problem.revenueText", params: { row: 418, column: "C", value: '"n/a"' } } }
 */
export function prepareRevenue(
  source: SourceCells,
  mapping: GridMapping | LedgerMapping
): Prepared<RevenueModel> {
  return mapping.kind === "grid" ? prepareGrid(source, mapping) : prepareLedger(source, mapping);
}

function segmentProblem(source: SourceCells, mapping: SourceMapping): AnalysisMessage | null {
  const columns = mapping.segmentColumns.map((segment) => segment.column);
  return firstBadCell(source, columns, mapping.firstRow, mapping.lastRow, segmentCheck);
}

function prepareGrid(source: SourceCells, mapping: GridMapping): Prepared<RevenueModel> {
  const { firstRow, lastRow } = mapping;
  const periodColumns = mapping.periodColumns.map((period) => period.column);
  const problem =
    firstBadCell(source, periodColumns, firstRow, lastRow, revenueCheck) ??
    segmentProblem(source, mapping);
  if (problem !== null) return { ok: false, problem };

  const columns = periodColumns.map((column) => columnCells(source, column, firstRow, lastRow));
  const first = periodColumns[0] ?? 0;
  const adjacent = periodColumns.every((column, i) => column === first + i);
  // A header row of period names gives the cohort table its labels, when SAAS.COHORT reads it
  // as a header (text that is not a number); otherwise the block starts at the data.
  let cohortWithHeader = false;
  let cohortMatrix: CellGrid | null = null;
  if (adjacent) {
    const last = first + periodColumns.length - 1;
    const withHeader = blockCells(source, first, last, mapping.headerRow, lastRow);
    try {
      cohortWithHeader = readCohortInput(withHeader).amounts.headerRows === 1;
    } catch (error) {
      // A header mixing names and numbers is read as data and refused: the block without it.
      if (!(error instanceof MetricError)) throw error;
    }
    cohortMatrix = cohortWithHeader
      ? withHeader
      : blockCells(source, first, last, firstRow, lastRow);
  }
  const segments = mapping.segmentColumns.map((segment) => ({
    name: segment.name,
    column: segment.column,
    cells: columnCells(source, segment.column, firstRow, lastRow),
  }));
  return {
    ok: true,
    value: {
      kind: "grid",
      period: mapping.period,
      periods: mapping.periodColumns.map((period) => period.periodStart),
      customers: lastRow - firstRow + 1,
      columns,
      history: (start) =>
        adjacent && start > 0
          ? blockCells(source, first, first + start - 1, firstRow, lastRow)
          : null,
      segments,
      cohortMatrix,
      notes: [],
      ranges: {
        kind: "grid",
        sheetName: source.sheetName,
        headerRow: source.rowIndex + mapping.headerRow,
        firstRow: source.rowIndex + firstRow,
        lastRow: source.rowIndex + lastRow,
        periodColumns: periodColumns.map((column) => source.columnIndex + column),
        periodsAdjacent: adjacent,
        cohortWithHeader,
        segmentColumns: mapping.segmentColumns.map((segment) => ({
          name: segment.name,
          column: source.columnIndex + segment.column,
        })),
      },
    },
  };
}

function prepareLedger(source: SourceCells, mapping: LedgerMapping): Prepared<RevenueModel> {
  const { firstRow, lastRow, customerColumn, dateColumn, amountColumn } = mapping;
  const entryProblem = firstBadLedgerEntry(source, mapping) ?? segmentProblem(source, mapping);
  if (entryProblem !== null) return { ok: false, problem: entryProblem };

  let matrix: ResultTable;
  let segments: SegmentSource[];
  try {
    const ledger = readLedger(
      columnCells(source, customerColumn, firstRow, lastRow),
      columnCells(source, dateColumn, firstRow, lastRow),
      columnCells(source, amountColumn, firstRow, lastRow),
      mapping.period
    );
    matrix = mrrMatrix(ledger);
    // Each customer's segment is the one on its first ledger line, found by the same id rule as
    // the matrix's rows (SAAS.MRRMATRIX.SEGMENTS, which the board pack writes), with its header.
    segments = mapping.segmentColumns.map((segment) => ({
      name: segment.name,
      column: segment.column,
      cells: matrixSegments(ledger, columnCells(source, segment.column, firstRow, lastRow)),
    }));
  } catch (error) {
    return { ok: false, problem: coreProblem(error) };
  }
  const header = matrix[0] ?? [];
  const periods = header.slice(1).map((start) => String(start));
  const columns = periods.map((_, p) => matrix.map((row) => [row[p + 1]]));
  const ids = matrix.slice(1);
  const notes: AnalysisMessage[] = [];
  return {
    ok: true,
    value: {
      kind: "ledger",
      period: mapping.period,
      periods,
      customers: ids.length,
      columns,
      history: (start) => (start > 0 ? matrix.map((row) => row.slice(1, start + 1)) : null),
      segments,
      cohortMatrix: matrix,
      notes,
      ranges: {
        kind: "ledger",
        sheetName: source.sheetName,
        firstRow: source.rowIndex + firstRow,
        lastRow: source.rowIndex + lastRow,
        customerColumn: source.columnIndex + customerColumn,
        dateColumn: source.columnIndex + dateColumn,
        amountColumn: source.columnIndex + amountColumn,
        period: mapping.period,
        matrixRows: matrix.length,
        matrixColumns: header.length,
        segmentColumns: segments.map((segment) => ({
          name: segment.name,
          column: source.columnIndex + segment.column,
        })),
      },
    },
  };
}

/** The first ledger row whose customer, date or amount readLedger would refuse, named on the sheet. */
function firstBadLedgerEntry(source: SourceCells, mapping: LedgerMapping): AnalysisMessage | null {
  const { customerColumn, dateColumn, amountColumn } = mapping;
  for (let r = mapping.firstRow; r <= mapping.lastRow; r++) {
    const row = source.cells[r];
    const id = row?.[customerColumn] ?? "";
    const date = row?.[dateColumn] ?? "";
    const amount = row?.[amountColumn] ?? "";
    if (isBlankCell(id) && isBlankCell(date) && isBlankCell(amount)) continue;
    const at = (column: number, key: string, cell: unknown): AnalysisMessage => ({
      key,
      params: {
        row: sheetRowNumber(source, r),
        column: sheetColumnName(source, column),
        value: describeCell(cell),
      },
    });
    for (const [column, cell] of [
      [customerColumn, id],
      [dateColumn, date],
      [amountColumn, amount],
    ] as const) {
      if (typeof cell === "string" && ERROR_TEXT.test(cell))
        return at(column, "problem.errorValue", cell);
    }
    if (typeof id === "string" ? id.trim() === "" : isBlankCell(id))
      return at(customerColumn, "problem.customerBlank", id);
    if (isBlankCell(date)) return at(dateColumn, "problem.dateBlank", date);
    const isDate = typeof date === "number" ? isDateSerial(date) : readDate(date) !== null;
    if (!isDate) return at(dateColumn, "problem.dateInvalid", date);
    if (typeof amount === "string" && amount.trim() !== "")
      return at(amountColumn, "problem.amountText", amount);
    if (typeof amount === "boolean") return at(amountColumn, "problem.amountText", amount);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Periods.

/** Which two periods the pane compares. */
export type PeriodChoice =
  | { readonly kind: "lastPeriod" }
  | { readonly kind: "lastQuarter" }
  | { readonly kind: "trailingYear" }
  | { readonly kind: "between"; readonly start: number; readonly end: number };

export const MONTHS_PER_PERIOD: Readonly<Record<PeriodUnit, number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

/** How many periods back each choice starts, per period length (absent: not offered). */
const PERIODS_BACK: Readonly<Record<PeriodUnit, Partial<Record<PeriodChoice["kind"], number>>>> = {
  month: { lastPeriod: 1, lastQuarter: 3, trailingYear: 12 },
  quarter: { lastPeriod: 1, trailingYear: 4 },
  year: { lastPeriod: 1 },
};

/**
 * The choices a table of `count` periods of this length offers: last period, last quarter and
 * trailing twelve months where the data reach that far back, and always any two periods.
 *
 * @example availablePeriodChoices("month", 6) → ["lastPeriod", "lastQuarter", "between"]
 */
export function availablePeriodChoices(unit: PeriodUnit, count: number): PeriodChoice["kind"][] {
  const offered: PeriodChoice["kind"][] = [];
  for (const [kind, back] of Object.entries(PERIODS_BACK[unit]) as [
    PeriodChoice["kind"],
    number,
  ][]) {
    if (back < count) offered.push(kind);
  }
  if (count >= 2) offered.push("between");
  return offered;
}

/**
 * The start and end period of a choice (indexes into the periods), or null when the data do not
 * reach. "Trailing twelve months" is annual NRR point to point (shared/spec/metrics.md): the
 * period twelve months before the last against the last.
 *
 * @example resolvePeriodChoice({ kind: "lastQuarter" }, "month", 13) → { start: 9, end: 12 }
 */
export function resolvePeriodChoice(
  choice: PeriodChoice,
  unit: PeriodUnit,
  count: number
): { start: number; end: number } | null {
  if (choice.kind === "between") {
    const { start, end } = choice;
    const valid =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end < count && start < end;
    return valid ? { start, end } : null;
  }
  const back = PERIODS_BACK[unit][choice.kind];
  if (back === undefined || back >= count) return null;
  return { start: count - 1 - back, end: count - 1 };
}

// ---------------------------------------------------------------------------------------------
// Figures and readings.

/** A figure as a cell would show it: a number, or the error a function would give. */
export type Figure =
  { readonly value: number } | { readonly error: MetricErrorKind; readonly message: string };

/**
 * Whether a figure is a number (rather than the error a function would give).
 *
 * @example isValue({ value: 1.02 }) === true; isValue({ error: "div0", message: "…" }) === false
 */
export function isValue(figure: Figure): figure is { readonly value: number } {
  return "value" in figure;
}

function figureOf(compute: () => number | ResultTable): Figure {
  try {
    const result = compute();
    if (typeof result !== "number") throw new Error("a metric without segments returned a table");
    return { value: result };
  } catch (error) {
    if (error instanceof MetricError) return { error: error.kind, message: error.message };
    throw error;
  }
}

export type KpiId =
  | "nrr"
  | "grr"
  | "logoRetention"
  | "mrrChurn"
  | "netMrrChurn"
  | "quickRatio"
  | "nps"
  | "csat"
  | "ces";

export type ReadingTone = "good" | "neutral" | "poor";

/** A one-line reading of a figure against the benchmarks of shared/spec/metrics.md. */
export interface Reading {
  readonly key: string;
  readonly params: MessageParams;
  readonly tone: ReadingTone;
}

export interface Kpi {
  readonly id: KpiId;
  readonly figure: Figure;
  readonly reading: Reading | null;
  /** NPS only: the margin of error at 95%, in points. */
  readonly margin?: Figure;
}

/** Benchmarks shown for context (shared/spec/metrics.md, last section); not targets the code enforces. */
export const BENCHMARKS = {
  /** Customer (logo) churn under 5% a month is a common target. */
  logoChurnPerMonth: 0.05,
  /** MRR churn under 1% a month is best in class. */
  mrrChurnPerMonth: 0.01,
  /** NPS below 0 is poor, 30 and above high, 50 very good. */
  npsHigh: 30,
  npsVeryGood: 50,
  /** CSAT 80% is a common target. */
  csatTarget: 0.8,
} as const;

/**
 * The monthly rate that, kept up for `months`, loses as much as `rate` over them:
 * 1 − (1 − rate)^(1/months), the inverse of SAAS.ANNUALIZE's churn rule. Used only to hold a
 * multi-month figure against a monthly benchmark.
 *
 * @example monthlyEquivalent(0.2153, 12) ≈ 0.02
 */
export function monthlyEquivalent(rate: number, months: number): number {
  if (months <= 1) return rate;
  return 1 - Math.pow(Math.max(0, 1 - rate), 1 / months);
}

function readingOf(id: KpiId, value: number, months: number): Reading | null {
  switch (id) {
    case "nrr":
      if (value > 1) return { key: "reading.nrr.growing", params: { value }, tone: "good" };
      if (value === 1) return { key: "reading.nrr.flat", params: { value }, tone: "neutral" };
      return { key: "reading.nrr.shrinking", params: { value }, tone: "neutral" };
    case "grr": {
      // GRR = 1 − MRR churn: read against the same monthly benchmark, as revenue kept.
      const kept = 1 - monthlyEquivalent(1 - value, months);
      const best = 1 - kept < BENCHMARKS.mrrChurnPerMonth;
      return {
        key: best ? "reading.grr.bestInClass" : "reading.grr.belowBest",
        params: { kept, benchmark: 1 - BENCHMARKS.mrrChurnPerMonth },
        tone: best ? "good" : "neutral",
      };
    }
    case "mrrChurn": {
      const monthly = monthlyEquivalent(value, months);
      const best = monthly < BENCHMARKS.mrrChurnPerMonth;
      return {
        key: best ? "reading.mrrChurn.bestInClass" : "reading.mrrChurn.aboveBest",
        params: { monthly, benchmark: BENCHMARKS.mrrChurnPerMonth },
        tone: best ? "good" : "neutral",
      };
    }
    case "logoRetention": {
      const monthly = monthlyEquivalent(1 - value, months);
      const within = monthly < BENCHMARKS.logoChurnPerMonth;
      return {
        key: within ? "reading.logo.withinTarget" : "reading.logo.aboveTarget",
        params: { monthly, benchmark: BENCHMARKS.logoChurnPerMonth },
        tone: within ? "good" : "poor",
      };
    }
    case "netMrrChurn":
      return value < 0
        ? { key: "reading.netMrrChurn.negative", params: { value }, tone: "good" }
        : { key: "reading.netMrrChurn.positive", params: { value }, tone: "neutral" };
    case "quickRatio":
      return value >= 1
        ? { key: "reading.quickRatio.gaining", params: { value }, tone: "good" }
        : { key: "reading.quickRatio.losing", params: { value }, tone: "poor" };
    case "nps":
      if (value < 0) return { key: "reading.nps.poor", params: { value }, tone: "poor" };
      if (value < BENCHMARKS.npsHigh)
        return { key: "reading.nps.positive", params: { value }, tone: "neutral" };
      if (value < BENCHMARKS.npsVeryGood)
        return { key: "reading.nps.high", params: { value }, tone: "good" };
      return { key: "reading.nps.veryGood", params: { value }, tone: "good" };
    case "csat":
      return value >= BENCHMARKS.csatTarget
        ? { key: "reading.csat.atTarget", params: { target: BENCHMARKS.csatTarget }, tone: "good" }
        : {
            key: "reading.csat.belowTarget",
            params: { target: BENCHMARKS.csatTarget },
            tone: "neutral",
          };
    case "ces":
      return null; // the spec gives no benchmark for effort scores
  }
}

function kpi(id: KpiId, figure: Figure, months: number, margin?: Figure): Kpi {
  const reading = isValue(figure) ? readingOf(id, figure.value, months) : null;
  return margin === undefined ? { id, figure, reading } : { id, figure, reading, margin };
}

// ---------------------------------------------------------------------------------------------
// Revenue analysis.

/** The MRR bridge of SAAS.MRRBRIDGE, amounts as it spills them (losses negative). */
export interface BridgeAmounts {
  readonly startMrr: number;
  readonly newMrr: number;
  readonly reactivation: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
  readonly endMrr: number;
}

export const BRIDGE_STEPS = [
  "startMrr",
  "newMrr",
  "reactivation",
  "expansion",
  "contraction",
  "churn",
  "endMrr",
] as const;

export interface TrendPoint {
  /** The end period of the month-on-month comparison (index into the periods). */
  readonly period: number;
  readonly nrr: Figure;
  readonly grr: Figure;
}

/** The NRR/GRR trend covers the last this-many periods. */
export const TREND_POINTS = 24;

export const SEGMENT_METRICS = ["nrr", "grr", "logoRetention", "mrrChurn"] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];

export interface SegmentRow {
  readonly label: SegmentLabel;
  /** The Total row of the functions' segment tables. */
  readonly total: boolean;
  readonly figures: Readonly<Record<SegmentMetric, Figure>>;
}

export interface SegmentTable {
  readonly name: string;
  readonly column: number;
  readonly rows: readonly SegmentRow[];
}

/** What the what-if starts from: the measured monthly rates and new business. */
export interface WhatIfBaseline {
  /** Ending MRR of the last period compared: where the projection starts. */
  readonly startMrr: number;
  /** Mean of the period-on-period NRR over the span, per month. */
  readonly monthlyNrr: number;
  readonly monthlyChurn: number;
  readonly monthlyContraction: number;
  readonly monthlyExpansion: number;
  /** Mean new and reactivated MRR a month. */
  readonly newMrrPerMonth: number;
  /** Period-on-period comparisons averaged, and those left out for want of starting revenue. */
  readonly comparisons: number;
  readonly skipped: number;
}

export interface RevenueAnalysis {
  readonly start: number;
  readonly end: number;
  /** Months between the two periods. */
  readonly months: number;
  /** Whether the bridge and quick ratio told reactivation from new with the earlier periods. */
  readonly usesHistory: boolean;
  readonly kpis: readonly Kpi[];
  readonly bridge: BridgeAmounts;
  readonly trend: readonly TrendPoint[];
  readonly segmentTables: readonly SegmentTable[];
  /** SAAS.COHORT's table (revenue), or null when the periods are not one block. */
  readonly cohort: ResultTable | null;
  readonly baseline: Prepared<WhatIfBaseline>;
}

const REVENUE_KPIS: readonly [KpiId, (totals: MovementTotals) => number][] = [
  ["nrr", netRevenueRetention],
  ["grr", grossRevenueRetention],
  ["logoRetention", logoRetention],
  ["mrrChurn", (totals) => mrrChurnRate(totals, true)],
  ["netMrrChurn", netMrrChurnRate],
];

const SEGMENT_METRIC_FUNCTIONS: Readonly<
  Record<SegmentMetric, (totals: MovementTotals) => number>
> = {
  nrr: netRevenueRetention,
  grr: grossRevenueRetention,
  logoRetention,
  mrrChurn: (totals) => mrrChurnRate(totals, true),
};

/** start_mrr and end_mrr (and history) read as the bindings read them. */
function pairInput(
  model: RevenueModel,
  start: number,
  end: number,
  segments: CellGrid | null = null,
  withHistory = false
): RevenueInput {
  const history = withHistory ? model.history(start) : null;
  return readRevenueInput(
    model.columns[start],
    model.columns[end],
    segments,
    null,
    history ?? undefined
  );
}

/**
 * The pane's revenue figures for two periods: KPI cards, the bridge, the NRR/GRR trend, a table
 * per segment column, the cohort table and the what-if baseline. Each KPI is what the SAAS.*
 * function of the same name returns on the two periods' columns.
 *
 * @example analyseRevenue(model, { start: 10, end: 11 }).kpis[0] → { id: "nrr", figure: { value: 1.02 }, … }
 */
export function analyseRevenue(
  model: RevenueModel,
  span: { readonly start: number; readonly end: number }
): RevenueAnalysis {
  const { start, end } = span;
  const months = (end - start) * MONTHS_PER_PERIOD[model.period];
  const plain = pairInput(model, start, end);
  const kpis = REVENUE_KPIS.map(([id, metric]) =>
    kpi(
      id,
      figureOf(() => revenueMetric(plain, metric)),
      months
    )
  );
  const withHistory = pairInput(model, start, end, null, true);
  kpis.push(
    kpi(
      "quickRatio",
      figureOf(() => revenueMetric(withHistory, quickRatio)),
      months
    )
  );

  const bridgeTable = mrrBridge(revenueTotals(withHistory).overall);
  const amount = (i: number) => bridgeTable[i]?.[1] as number;
  const bridge: BridgeAmounts = {
    startMrr: amount(0),
    newMrr: amount(1),
    reactivation: amount(2),
    expansion: amount(3),
    contraction: amount(4),
    churn: amount(5),
    endMrr: amount(6),
  };

  const trend: TrendPoint[] = [];
  for (let p = Math.max(1, model.periods.length - TREND_POINTS); p < model.periods.length; p++) {
    const input = pairInput(model, p - 1, p);
    trend.push({
      period: p,
      nrr: figureOf(() => revenueMetric(input, netRevenueRetention)),
      grr: figureOf(() => revenueMetric(input, grossRevenueRetention)),
    });
  }

  const segmentTables = model.segments.map((segment) => segmentTable(model, start, end, segment));
  let cohort: ResultTable | null = null;
  if (model.cohortMatrix !== null) {
    const { amounts, periodLabels } = readCohortInput(model.cohortMatrix);
    cohort = cohortTable(amounts.values, amounts.rows, amounts.columns, "revenue", periodLabels);
  }
  return {
    start,
    end,
    months,
    usesHistory: model.history(start) !== null,
    kpis,
    bridge,
    trend,
    segmentTables,
    cohort,
    baseline: whatIfBaseline(model, span),
  };
}

function segmentTable(
  model: RevenueModel,
  start: number,
  end: number,
  segment: SegmentSource
): SegmentTable {
  const input = pairInput(model, start, end, segment.cells);
  const tables = SEGMENT_METRICS.map((metric) => {
    const table = revenueMetric(input, SEGMENT_METRIC_FUNCTIONS[metric]);
    if (typeof table === "number") throw new Error("a segments request returned one number");
    return table;
  });
  const first = tables[0] ?? [];
  const rows: SegmentRow[] = first.map((row, r) => {
    const figures = {} as Record<SegmentMetric, Figure>;
    SEGMENT_METRICS.forEach((metric, m) => {
      const cell = tables[m]?.[r]?.[1];
      figures[metric] =
        cell instanceof MetricError
          ? { error: cell.kind, message: cell.message }
          : { value: cell as number };
    });
    return { label: row[0] as SegmentLabel, total: r === first.length - 1, figures };
  });
  return { name: segment.name, column: segment.column, rows };
}

/**
 * The baseline of the what-if over a span: the mean of each period-on-period comparison inside
 * it (NRR, churn, contraction and expansion rates, new and reactivated MRR), per month. For
 * quarters or years the rates are spread evenly over their months (a quarter's 3% churn is 1%
 * a month), which keeps monthly NRR = 1 + expansion − contraction − churn exactly. A comparison
 * whose first period has no revenue has no rates and is left out (and counted in `skipped`).
 *
 * @example months at 680, 650, 620, 720 MRR (NRR 650/680, 620/650, 600/620; new 0, 0, 120) →
 *   monthlyNrr = mean of the three, newMrrPerMonth 40, startMrr 720
 */
export function whatIfBaseline(
  model: RevenueModel,
  span: { readonly start: number; readonly end: number }
): Prepared<WhatIfBaseline> {
  const perMonth = MONTHS_PER_PERIOD[model.period];
  let nrr = 0;
  let churn = 0;
  let contraction = 0;
  let expansion = 0;
  let newMrr = 0;
  let comparisons = 0;
  let skipped = 0;
  let startMrr = 0;
  for (let p = span.start + 1; p <= span.end; p++) {
    const totals = revenueTotals(pairInput(model, p - 1, p)).overall;
    if (p === span.end) startMrr = totals.endMrr;
    newMrr += totals.newMrr + totals.reactivationMrr;
    if (totals.startMrr === 0) {
      skipped++;
      continue;
    }
    nrr += netRevenueRetention(totals);
    churn += mrrChurnRate(totals, false);
    contraction += contractionRate(totals);
    expansion += expansionRate(totals);
    comparisons++;
  }
  if (comparisons === 0)
    return { ok: false, problem: { key: "problem.noStartingRevenue", params: {} } };
  const pairs = span.end - span.start;
  const monthlyChurn = churn / comparisons / perMonth;
  const monthlyContraction = contraction / comparisons / perMonth;
  const monthlyExpansion = expansion / comparisons / perMonth;
  return {
    ok: true,
    value: {
      startMrr,
      monthlyNrr:
        perMonth === 1
          ? nrr / comparisons
          : 1 + monthlyExpansion - monthlyContraction - monthlyChurn,
      monthlyChurn,
      monthlyContraction,
      monthlyExpansion,
      newMrrPerMonth: newMrr / pairs / perMonth,
      comparisons,
      skipped,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What-if.

/** The user's assumptions: changes to the measured monthly rates, and to new business. */
export interface WhatIfAssumptions {
  /** Added to the monthly rate, as fractions: 0.005 is half a point more churn a month. */
  readonly churnChange: number;
  readonly contractionChange: number;
  readonly expansionChange: number;
  /** Relative change of new MRR a month: 0.2 is 20% more new business. */
  readonly newBusinessChange: number;
  /** Months projected, 1 to 600 (SAAS.PROJECT's limit). */
  readonly months: number;
}

export interface WhatIfScenario {
  /** The scenario's monthly rates (never below 0) and NRR. */
  readonly monthlyChurn: number;
  readonly monthlyContraction: number;
  readonly monthlyExpansion: number;
  readonly monthlyNrr: number;
  readonly newMrrPerMonth: number;
}

export interface WhatIfProjection {
  readonly scenario: WhatIfScenario;
  /** Projected MRR for months 1..months (SAAS.PROJECT), baseline and scenario. */
  readonly baselineMrr: readonly number[];
  readonly scenarioMrr: readonly number[];
  /** MRR and ARR (12 × MRR) at the last month. */
  readonly baselineEndMrr: number;
  readonly scenarioEndMrr: number;
  readonly baselineEndArr: number;
  readonly scenarioEndArr: number;
}

/**
 * The scenario's monthly figures: each rate moved by its change (a rate cannot go below 0), NRR
 * moved by the same amounts (NRR = 1 + expansion − contraction − churn), new MRR scaled.
 *
 * @example baseline NRR 0.99, churn 0.02; churn −0.005 → scenario churn 0.015, NRR 0.995
 */
export function whatIfScenario(
  baseline: WhatIfBaseline,
  assumptions: WhatIfAssumptions
): WhatIfScenario {
  const monthlyChurn = Math.max(0, baseline.monthlyChurn + assumptions.churnChange);
  const monthlyContraction = Math.max(
    0,
    baseline.monthlyContraction + assumptions.contractionChange
  );
  const monthlyExpansion = Math.max(0, baseline.monthlyExpansion + assumptions.expansionChange);
  const monthlyNrr = Math.max(
    0,
    baseline.monthlyNrr -
      (monthlyChurn - baseline.monthlyChurn) -
      (monthlyContraction - baseline.monthlyContraction) +
      (monthlyExpansion - baseline.monthlyExpansion)
  );
  const newMrrPerMonth = Math.max(0, baseline.newMrrPerMonth * (1 + assumptions.newBusinessChange));
  return { monthlyChurn, monthlyContraction, monthlyExpansion, monthlyNrr, newMrrPerMonth };
}

/** Months of ARR in a year of MRR. */
const MONTHS_PER_YEAR = 12;

/**
 * Projected MRR for the baseline and the scenario (SAAS.PROJECT's recursion), and MRR and ARR
 * at the horizon.
 *
 * @example baseline start 1,000, NRR 0.99, new 50; 2 months → baseline [1040, 1079.6]
 */
export function whatIfProjection(
  baseline: WhatIfBaseline,
  assumptions: WhatIfAssumptions
): WhatIfProjection {
  const scenario = whatIfScenario(baseline, assumptions);
  const baselineMrr = projectMrr(
    baseline.startMrr,
    baseline.monthlyNrr,
    baseline.newMrrPerMonth,
    assumptions.months
  );
  const scenarioMrr = projectMrr(
    baseline.startMrr,
    scenario.monthlyNrr,
    scenario.newMrrPerMonth,
    assumptions.months
  );
  const baselineEndMrr = baselineMrr[baselineMrr.length - 1] ?? baseline.startMrr;
  const scenarioEndMrr = scenarioMrr[scenarioMrr.length - 1] ?? baseline.startMrr;
  return {
    scenario,
    baselineMrr,
    scenarioMrr,
    baselineEndMrr,
    scenarioEndMrr,
    baselineEndArr: baselineEndMrr * MONTHS_PER_YEAR,
    scenarioEndArr: scenarioEndMrr * MONTHS_PER_YEAR,
  };
}

// ---------------------------------------------------------------------------------------------
// Surveys.

interface SurveyScaleRule {
  readonly rule: ScoreScale;
}

function surveyScaleRule(scale: SurveyScale): SurveyScaleRule {
  switch (scale) {
    case "nps":
      return { rule: NPS_SCALE };
    case "csat":
      return { rule: satisfactionScale("CSAT", 5) };
    case "ces":
      return { rule: satisfactionScale("CES", 7) };
  }
}

export interface SurveyModel {
  readonly scale: SurveyScale;
  /** What a range over the score column passes to a function. */
  readonly scores: CellGrid;
  readonly segments: readonly SegmentSource[];
  readonly ranges: {
    readonly sheetName: string;
    readonly firstRow: number;
    readonly lastRow: number;
    readonly scoreColumn: number;
    readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
  };
}

/**
 * Reads a survey mapping, checking every score first so a problem is named on the sheet.
 *
 * @example an NPS column whose C8 holds 11 →
 *   { ok: false, problem: { key: "problem.scoreOutsideScale", params: { row: 8, column: "C", value: "11" } } }
 */
export function prepareSurvey(source: SourceCells, mapping: SurveyMapping): Prepared<SurveyModel> {
  const { firstRow, lastRow } = mapping;
  const problem =
    firstBadCell(
      source,
      [mapping.scoreColumn],
      firstRow,
      lastRow,
      scoreCheck(surveyScaleRule(mapping.scale))
    ) ?? segmentProblem(source, mapping);
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    value: {
      scale: mapping.scale,
      scores: columnCells(source, mapping.scoreColumn, firstRow, lastRow),
      segments: mapping.segmentColumns.map((segment) => ({
        name: segment.name,
        column: segment.column,
        cells: columnCells(source, segment.column, firstRow, lastRow),
      })),
      ranges: {
        sheetName: source.sheetName,
        firstRow: source.rowIndex + firstRow,
        lastRow: source.rowIndex + lastRow,
        scoreColumn: source.columnIndex + mapping.scoreColumn,
        segmentColumns: mapping.segmentColumns.map((segment) => ({
          name: segment.name,
          column: source.columnIndex + segment.column,
        })),
      },
    },
  };
}

export interface NpsBreakdown {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
}

export interface SurveySegmentRow {
  readonly label: SegmentLabel;
  readonly total: boolean;
  readonly figure: Figure;
}

export interface SurveyAnalysis {
  readonly scale: SurveyScale;
  /** NPS (with its margin of error), CSAT or CES, by the survey's scale. */
  readonly kpis: readonly Kpi[];
  /** NPS surveys only. */
  readonly breakdown: NpsBreakdown | null;
  /** The survey's figure per segment, one table per segment column. */
  readonly segmentTables: readonly {
    readonly name: string;
    readonly column: number;
    readonly rows: readonly SurveySegmentRow[];
  }[];
}

/** The 95% confidence level SAAS.NPS.MOE uses by default. */
export const NPS_CONFIDENCE = CONFIDENCE_LEVEL.fallback;

/**
 * The survey's figures, computed as SAAS.NPS, SAAS.NPS.MOE, SAAS.NPS.BREAKDOWN, SAAS.CSAT or
 * SAAS.CES compute them on the score column.
 *
 * @example 100 promoters, 80 passives, 20 detractors → NPS 40 ± 9.19
 */
export function analyseSurvey(model: SurveyModel): SurveyAnalysis {
  const { rule } = surveyScaleRule(model.scale);
  const metricOf = (segments: CellGrid | null): (() => number | ResultTable) => {
    const input = readSurveyInput(model.scores, rule, segments, null);
    switch (model.scale) {
      case "nps":
        return () => surveyMetric(input, netPromoterScore);
      case "csat":
        return () => scoreMetric(input, rule, (tally) => customerSatisfaction(tally, "top2"));
      case "ces":
        return () => scoreMetric(input, rule, customerEffortScore);
    }
  };
  const figure = figureOf(metricOf(null));
  let kpis: Kpi[];
  let breakdown: NpsBreakdown | null = null;
  if (model.scale === "nps") {
    const counts = countNps(readScores(model.scores, "scores", NPS_SCALE));
    const margin = figureOf(() => npsMarginOfError(counts, NPS_CONFIDENCE));
    kpis = [kpi("nps", figure, 1, margin)];
    breakdown = { ...counts };
  } else {
    kpis = [kpi(model.scale, figure, 1)];
  }
  const segmentTables = model.segments.map((segment) => {
    const table = metricOf(segment.cells)();
    if (typeof table === "number") throw new Error("a segments request returned one number");
    return {
      name: segment.name,
      column: segment.column,
      rows: table.map((row, r) => {
        const cell = row[1];
        return {
          label: row[0] as SegmentLabel,
          total: r === table.length - 1,
          figure:
            cell instanceof MetricError
              ? { error: cell.kind, message: cell.message }
              : { value: cell as number },
        };
      }),
    };
  });
  return { scale: model.scale, kpis, breakdown, segmentTables };
}
