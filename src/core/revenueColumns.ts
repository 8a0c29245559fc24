/**
 * Revenue columns read once and paired many ways, for a caller that compares many pairs of the
 * same periods (the task pane: KPIs, the trend, the bridge, segments, the what-if). Each column
 * is kept as a function reads a range over it (a Float64Array, a twelfth the memory of the
 * cells), and a pair, its history and its segments give exactly the input SAAS.NRR and its
 * siblings read from those ranges: the same numbers, residues and refusals.
 */
import { type CellGrid, type NumberRange, readRevenue } from "./coerce";
import { isEmptyCell } from "./sheet/cells";
import { cohortAccumulator } from "./cohorts";
import {
  type RevenueInput,
  readCohortInput,
  refuseDateHeaderCells,
  segmentsOf,
  topOfColumn,
} from "./inputs";
import { residueBound, zeroResidues } from "./money";
import type { ResultTable, Segmentation, TableRequest, WholeRequest } from "./segments";

/** One column of revenue as a function reads a range over it. */
export interface RevenueColumn {
  readonly amounts: NumberRange;
  /** The range's first cell when it has 2 rows or more (a pair of period dates there is refused). */
  readonly top: unknown;
  /** The column's largest amount (for `history`'s money rule, which spans its whole block). */
  readonly largest: number;
  /** True when the range is one empty cell (as `history`, that counts as left out). */
  readonly oneEmptyCell: boolean;
}

/**
 * A column of `grid` (rows `first` to `last`) read as readRevenue reads a range over it, without
 * copying the cells into a range first when they are plain numbers and blanks (the common case);
 * anything else is read by readRevenue itself from a copy, so the result is always its result.
 *
 * @example readRevenueColumn([["a", 10], ["b", ""]], 1, 0, 1).amounts.values → Float64Array [10, 0]
 */
export function readRevenueColumn(
  grid: CellGrid,
  column: number,
  first: number,
  last: number
): RevenueColumn {
  const rows = last - first + 1;
  const values = new Float64Array(Math.max(0, rows));
  let largest = 0;
  let smallest = Infinity;
  let empty = true;
  let plain = rows >= 1;
  for (let r = 0; r < rows && plain; r++) {
    const cell: unknown = grid[first + r]?.[column];
    if (typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) {
      values[r] = cell;
      empty = false;
      if (cell > largest) largest = cell;
      if (cell > 0 && cell < smallest) smallest = cell;
    } else if (!isEmptyCell(cell)) plain = false;
  }
  if (plain) {
    zeroResidues(values, largest, smallest);
    const top = rows >= 2 ? grid[first]?.[column] : undefined;
    const amounts = { argument: "start_mrr", values, rows, columns: 1, headerRows: 0 };
    // A largest amount that is itself a residue was zeroed with the rest.
    const oneEmptyCell = rows === 1 && empty;
    return { amounts, top, largest: largest > residueBound(largest) ? largest : 0, oneEmptyCell };
  }
  const cells: unknown[][] = [];
  for (let r = first; r <= last; r++) cells.push([grid[r]?.[column] ?? ""]);
  return revenueColumnOf(cells);
}

/** A column already shaped as a range (a column of a SAAS.MRRMATRIX spill), read as readRevenue reads it. */
export function revenueColumnOf(range: CellGrid): RevenueColumn {
  const amounts = readRevenue(range, "start_mrr");
  let largest = 0;
  for (const value of amounts.values) if (value > largest) largest = value;
  const oneEmptyCell = range.length === 1 && range[0]?.length === 1 && isEmptyCell(range[0][0]);
  return { amounts, top: topOfColumn(range), largest, oneEmptyCell };
}

/**
 * start_mrr and end_mrr (and `history`, the columns before start_mrr as one block) as
 * readWholeRevenueInput reads the ranges over those columns.
 */
export function pairedRevenueInput(
  start: RevenueColumn,
  end: RevenueColumn,
  history?: readonly RevenueColumn[]
): RevenueInput<WholeRequest> {
  const { startMrr, endMrr } = pair(start, end);
  // As readWholeRevenueInput reads it: left out, or one empty cell, is no history at all.
  const omitted = history === undefined || (history.length === 1 && history[0]?.oneEmptyCell);
  return {
    startMrr,
    endMrr,
    request: { kind: "all" },
    hadRevenueBefore: omitted ? undefined : historyFlags(history, startMrr.rows),
  };
}

/** start_mrr, end_mrr and segments as readSegmentedRevenueInput reads them. */
export function segmentedRevenueInput(
  start: RevenueColumn,
  end: RevenueColumn,
  segmentation: Segmentation
): RevenueInput<TableRequest> {
  const { startMrr, endMrr } = pair(start, end);
  return { startMrr, endMrr, request: { kind: "table", segmentation } };
}

/**
 * A segment column read once against the revenue columns it sits beside (any of them: they have
 * the same rows), as every revenue function with `segments` reads it.
 */
export function readSegmentColumn(segments: CellGrid, beside: RevenueColumn): Segmentation {
  return segmentsOf(segments, beside.amounts);
}

function pair(
  start: RevenueColumn,
  end: RevenueColumn
): { startMrr: NumberRange; endMrr: NumberRange } {
  refuseDateHeaderCells(start.top, end.top);
  return {
    startMrr: { ...start.amounts, argument: "start_mrr" },
    endMrr: { ...end.amounts, argument: "end_mrr" },
  };
}

/**
 * readHistory's flags from the columns of the block: 1 where any holds an amount. The block's
 * money rule is relative to its largest amount; a column's own rule zeroed only amounts below
 * its own (smaller) bound, so comparing what is left with the block's bound is the same rule.
 */
function historyFlags(history: readonly RevenueColumn[], rows: number): Uint8Array {
  let largest = 0;
  for (const column of history) if (column.largest > largest) largest = column.largest;
  const bound = residueBound(largest);
  const flags = new Uint8Array(rows);
  for (const column of history) {
    const values = column.amounts.values;
    for (let r = 0; r < rows; r++) if ((values[r] as number) > bound) flags[r] = 1;
  }
  return flags;
}

/**
 * SAAS.COHORT's revenue table over the block these columns make, as cohortOfMatrix reads that
 * block, without a copy of it: row by row from the columns. The block's first two rows as the
 * function sees them (`top`) name the periods as COHORT names them; when the columns have no
 * header of their own (`topIsData`) and COHORT would still read the first row as one (a row of
 * period dates), that row is left out as COHORT leaves it out. The block's money rule spans the
 * whole block, applied here to what each column's own rule left.
 *
 * @example cohortOfColumns(columns, [["Jan", "Feb"], [100, 120]], false) → [["cohort", 0, 1], ["Jan", 1, 1.2], …]
 */
export function cohortOfColumns(
  columns: readonly RevenueColumn[],
  top: CellGrid,
  topIsData: boolean
): ResultTable {
  const { amounts: head, periodLabels } = readCohortInput(top);
  const skipped = topIsData ? head.headerRows : 0;
  let largest = 0;
  for (const column of columns) if (column.largest > largest) largest = column.largest;
  const bound = residueBound(largest);
  const periods = columns.length;
  const rows = columns[0]?.amounts.rows ?? 0;
  const accumulator = cohortAccumulator(periods);
  const row = new Float64Array(periods);
  for (let r = skipped; r < rows; r++) {
    for (let c = 0; c < periods; c++) {
      const value = columns[c]?.amounts.values[r] as number;
      row[c] = value > bound ? value : 0;
    }
    accumulator.addCustomer(row);
  }
  return accumulator.table("revenue", periodLabels);
}
