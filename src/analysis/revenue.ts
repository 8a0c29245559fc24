/**
 * The revenue of a grid or a ledger mapping, read the way the functions read it: a column of the
 * grid, or a column of the SAAS.MRRMATRIX spill of a ledger, is exactly what a range over the
 * user's sheet passes to SAAS.NRR and its siblings, so the board pack's live formulas give the
 * same numbers as the pane.
 */
import {
  type CellGrid,
  type LookupValue,
  MetricError,
  type PeriodUnit,
  type ResultTable,
  type RevenueColumn,
  type RevenueInput,
  type Segmentation,
  type TableRequest,
  type WholeRequest,
  cohortHeaderRows,
  cohortOfColumns,
  isDateSerial,
  isEmptyCell,
  isErrorValueText,
  matrixSegments as segmentsOfMatrix,
  mrrMatrix,
  pairedRevenueInput,
  quoteCell,
  readDate,
  readLedger,
  readRevenueColumn,
  readSegmentColumn,
  revenueColumnOf,
  segmentedRevenueInput,
} from "../core";
import { firstBadCell, revenueCheck, segmentProblem } from "./checks";
import type { BillingRanges } from "./billing";
import type { GridMapping, LedgerMapping } from "./mapping";
import {
  type AnalysisKey,
  type AnalysisMessage,
  type Prepared,
  coreProblem,
  prepared,
} from "./messages";
import {
  type SourceCells,
  blockCells,
  columnCells,
  sheetColumnName,
  sheetRowNumber,
} from "./source";

/** A column that splits the customers: plan, region, CSM. */
export interface SegmentColumnSource {
  /** The column's header; "" when it has none (the pane then names it by its letters). */
  readonly name: string;
  /** The column's letters on the sheet. */
  readonly letters: string;
  /** The column in the cells read (for a ledger: the ledger's column the labels come from). */
  readonly column: number;
}

/** A segment column beside the revenue, read once as every function with `segments` reads it. */
export interface SegmentSource extends SegmentColumnSource {
  readonly segmentation: Segmentation;
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
      /** Sheet column of the customers' ids or names; null when the grid has none. */
      readonly customerColumn: number | null;
      /** True when the periods are one block of columns, in date order, on the sheet. */
      readonly periodsAdjacent: boolean;
      /** True when the cohort block is best read with its header row (text that names the periods). */
      readonly cohortWithHeader: boolean;
      readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
      /**
       * The billing export this grid was spread from (a sheet of SAAS.MRRMATRIX formulas over it),
       * for what only the export knows: the exchange-rate effect. Null for a grid of the user's.
       */
      readonly billing: BillingRanges | null;
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
  /**
   * Each period's revenue as a function reads a range over its column, read once: a pair of
   * them gives what SAAS.NRR gives on the two ranges, at a twelfth of the cells' memory.
   */
  readonly columns: readonly RevenueColumn[];
  /** The periods before `start` as one block (a function's `history`), or null when they are not one. */
  readonly history: (start: number) => readonly RevenueColumn[] | null;
  readonly segments: readonly SegmentSource[];
  /** SAAS.COHORT's table over the periods (revenue), or why it cannot be; null when they are not one block. */
  readonly cohort: Prepared<ResultTable> | null;
  /**
   * For a billing export in several currencies: the same columns with every amount at the rates
   * of period `start`'s first day (constant currency), for the exchange-rate effect. Null
   * otherwise.
   */
  readonly constantCurrency: ((start: number) => Prepared<readonly RevenueColumn[]>) | null;
  /** Each customer's id or name, in the columns' rows; null when the data name none. */
  readonly customerIds: readonly LookupValue[] | null;
  readonly ranges: RevenueRanges;
}

/**
 * Reads the revenue of a grid or a ledger mapping, checking every cell first so that a problem is
 * named by its row and column on the sheet ("Row 418 of column C holds text…").
 *
 * @example a grid whose C418 holds "n/a" → { ok: false, problem: { key: "problem.revenueText",
 *   params: { row: 418, column: "C", value: { cell: { kind: "text", text: "n/a" } } } } }
 */
export function prepareRevenue(
  source: SourceCells,
  mapping: GridMapping | LedgerMapping
): Prepared<RevenueModel> {
  return mapping.kind === "grid" ? prepareGrid(source, mapping) : prepareLedger(source, mapping);
}

function prepareGrid(source: SourceCells, mapping: GridMapping): Prepared<RevenueModel> {
  const { firstRow, lastRow } = mapping;
  const periodColumns = mapping.periodColumns.map((period) => period.column);
  const problem =
    firstBadCell(source, periodColumns, firstRow, lastRow, revenueCheck) ??
    segmentProblem(source, mapping);
  if (problem !== null) return { ok: false, problem };

  const columns = periodColumns.map((column) =>
    readRevenueColumn(source.cells, column, firstRow, lastRow)
  );
  const first = periodColumns[0] ?? 0;
  const adjacent = periodColumns.every((column, i) => column === first + i);
  // A header row of period names gives the cohort table its labels, when SAAS.COHORT reads it
  // as a header (text that is not a number); otherwise the block starts at the data. The table
  // is computed here, once, from a block that is let go right after.
  let cohortWithHeader = false;
  let cohort: Prepared<ResultTable> | null = null;
  if (adjacent) {
    const last = first + periodColumns.length - 1;
    const withHeader = blockCells(source, first, last, mapping.headerRow, firstRow);
    cohortWithHeader = cohortHeaderRows(withHeader) === 1;
    const top = cohortWithHeader
      ? withHeader
      : blockCells(source, first, last, firstRow, Math.min(lastRow, firstRow + 1));
    cohort = prepared(() => cohortOfColumns(columns, top, !cohortWithHeader));
  }
  const segments = readSegmentSources(source, mapping, columns[0], (column) =>
    columnCells(source, column, firstRow, lastRow)
  );
  if (!segments.ok) return segments;
  return {
    ok: true,
    value: {
      kind: "grid",
      period: mapping.period,
      periods: mapping.periodColumns.map((period) => period.periodStart),
      customers: lastRow - firstRow + 1,
      columns,
      history: (start) => (adjacent && start > 0 ? columns.slice(0, start) : null),
      segments: segments.value,
      cohort,
      constantCurrency: null,
      customerIds: idsOf(source, mapping.customerColumn, firstRow, lastRow),
      ranges: {
        kind: "grid",
        sheetName: source.sheetName,
        headerRow: source.rowIndex + mapping.headerRow,
        firstRow: source.rowIndex + firstRow,
        lastRow: source.rowIndex + lastRow,
        periodColumns: periodColumns.map((column) => source.columnIndex + column),
        customerColumn:
          mapping.customerColumn === null ? null : source.columnIndex + mapping.customerColumn,
        periodsAdjacent: adjacent,
        cohortWithHeader,
        billing: null,
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
  let matrixSegments: (column: number) => CellGrid;
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
    matrixSegments = (column) =>
      segmentsOfMatrix(ledger, columnCells(source, column, firstRow, lastRow));
  } catch (error) {
    // The cells were checked first, so a refusal here is one only the whole ledger shows (a
    // customer's month whose credits exceed its charges): shown as the function words it.
    if (error instanceof MetricError) return { ok: false, problem: coreProblem(error) };
    throw error;
  }
  const header = matrix[0] ?? [];
  const periods = header.slice(1).map((start) => String(start));
  // A column of the spill, header included, as INDEX(spill,,p) passes it to a function.
  const columns = periods.map((_, p) => revenueColumnOf(matrix.map((row) => [row[p + 1]])));
  const segments = readSegmentSources(source, mapping, columns[0], matrixSegments);
  if (!segments.ok) return segments;
  const cohort = prepared(() => cohortOfColumns(columns, matrix.slice(0, 2), false));
  return {
    ok: true,
    value: {
      kind: "ledger",
      period: mapping.period,
      periods,
      customers: matrix.length - 1,
      columns,
      history: (start) => (start > 0 ? columns.slice(0, start) : null),
      segments: segments.value,
      cohort,
      constantCurrency: null,
      customerIds: matrix.slice(1).map((row) => row[0] as LookupValue),
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
        segmentColumns: segments.value.map((segment) => ({
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
    if (isEmptyCell(id) && isEmptyCell(date) && isEmptyCell(amount)) continue;
    const at = (column: number, key: AnalysisKey, cell: unknown): AnalysisMessage => ({
      key,
      params: {
        row: sheetRowNumber(source, r),
        column: sheetColumnName(source, column),
        value: quoteCell(cell),
      },
    });
    for (const [column, cell] of [
      [customerColumn, id],
      [dateColumn, date],
      [amountColumn, amount],
    ] as const) {
      if (typeof cell === "string" && isErrorValueText(cell))
        return at(column, "problem.errorValue", cell);
    }
    if (typeof id === "string" ? id.trim() === "" : isEmptyCell(id))
      return at(customerColumn, "problem.customerBlank", id);
    if (isEmptyCell(date)) return at(dateColumn, "problem.dateBlank", date);
    const isDate = typeof date === "number" ? isDateSerial(date) : readDate(date) !== null;
    if (!isDate) return at(dateColumn, "problem.dateInvalid", date);
    if (typeof amount === "string" && amount.trim() !== "")
      return at(amountColumn, "problem.amountText", amount);
    if (typeof amount === "boolean") return at(amountColumn, "problem.amountText", amount);
  }
  return null;
}

/** start_mrr and end_mrr (and history) as the bindings read the ranges over those columns. */
export function pairInput(
  model: RevenueModel,
  start: number,
  end: number,
  withHistory = false
): RevenueInput<WholeRequest> {
  const history = withHistory ? model.history(start) : null;
  return pairedRevenueInput(column(model, start), column(model, end), history ?? undefined);
}

/** start_mrr, end_mrr and one segment column, as the bindings read them for a segment table. */
export function segmentedPairInput(
  model: RevenueModel,
  start: number,
  end: number,
  segment: SegmentSource
): RevenueInput<TableRequest> {
  return segmentedRevenueInput(column(model, start), column(model, end), segment.segmentation);
}

function column(model: RevenueModel, period: number): RevenueColumn {
  const found = model.columns[period];
  if (found === undefined) throw new RangeError(`no period ${period} in the model`);
  return found;
}

/** The customers' ids or names as the functions show them; null without a customer column. */
function idsOf(
  source: SourceCells,
  column: number | null,
  firstRow: number,
  lastRow: number
): LookupValue[] | null {
  if (column === null) return null;
  const ids: LookupValue[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const cell = source.cells[r]?.[column];
    ids.push(
      typeof cell === "number" || typeof cell === "boolean"
        ? cell
        : typeof cell === "string"
          ? cell.trim()
          : ""
    );
  }
  return ids;
}

/** The mapping's segment columns, each read once beside the revenue, with its header. */
function readSegmentSources(
  source: SourceCells,
  mapping: GridMapping | LedgerMapping,
  beside: RevenueColumn | undefined,
  labels: (column: number) => CellGrid
): Prepared<SegmentSource[]> {
  if (beside === undefined) return { ok: true, value: [] };
  return prepared(() =>
    mapping.segmentColumns.map((segment) => ({
      name: segment.name,
      letters: sheetColumnName(source, segment.column),
      column: segment.column,
      segmentation: readSegmentColumn(labels(segment.column), beside),
    }))
  );
}
