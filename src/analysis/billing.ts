/**
 * A billing export turned into MRR the way the functions do it: amounts converted into the
 * reporting currency at each line's rate (SAAS.FX.CONVERT), spread over the months each line
 * pays for (SAAS.MRRMATRIX with `covers`), each customer's segment taken from its first line
 * (SAAS.MRRMATRIX.SEGMENTS). The pane writes those formulas on a sheet of their own and analyses
 * what they give; this module checks the export first, with the functions' own readers, so that
 * a bad line is named by its cell before anything is written.
 */
import {
  type CellGrid,
  MetricError,
  type ResultTable,
  absoluteRange,
  convertCurrencies,
  coveredMrrMatrix,
  matrixSegments,
  mrrMatrix,
  readCovers,
  type RevenueColumn,
  readDate,
  readLedger,
  revenueColumnOf,
} from "../core";
import type { PeriodColumn } from "./layout/types";
import type { CurrencyConversion, GridMapping, LedgerMapping } from "./mapping";
import type { AnalysisMessage, Prepared } from "./messages";
import { type SourceCells, columnCells } from "./source";

/** The distinct currency codes of a column's data rows, upper case, sorted. */
export function currenciesIn(
  source: SourceCells,
  column: number,
  firstRow: number,
  lastRow: number
): string[] {
  const codes = new Set<string>();
  for (let r = firstRow; r <= lastRow; r++) {
    const cell = source.cells[r]?.[column];
    if (typeof cell === "string" && cell.trim() !== "") codes.add(cell.trim().toUpperCase());
  }
  return [...codes].sort();
}

/** Whether a ledger mapping is a billing export: what each line pays for, or its currencies. */
export function isBillingExport(source: SourceCells, mapping: LedgerMapping): boolean {
  return mapping.coversColumn !== null || conversionNeeded(source, mapping);
}

/** Whether the export holds more than one currency, so amounts must be converted to be added. */
export function conversionNeeded(source: SourceCells, mapping: LedgerMapping): boolean {
  return (
    mapping.currencyColumn !== null &&
    currenciesIn(source, mapping.currencyColumn, mapping.firstRow, mapping.lastRow).length > 1
  );
}

/**
 * What stops a billing export before any rate is read: several currencies without a reporting
 * currency and a range of rates.
 */
export function billingProblems(source: SourceCells, mapping: LedgerMapping): AnalysisMessage[] {
  if (!conversionNeeded(source, mapping)) return [];
  const conversion = mapping.conversion;
  if (conversion !== null && conversion.ratesAddress !== "" && conversion.reportingCurrency !== "")
    return [];
  const codes = currenciesIn(
    source,
    mapping.currencyColumn as number,
    mapping.firstRow,
    mapping.lastRow
  );
  return [{ key: "problem.ratesNeeded", params: { count: codes.length, codes: codes.join(", ") } }];
}

/** Where each column of the export is, as a function's argument names it on the sheet. */
export interface BillingRanges {
  readonly sheetName: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly customerColumn: number;
  readonly dateColumn: number;
  readonly amountColumn: number;
  readonly coversColumn: number | null;
  readonly currencyColumn: number | null;
  readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
  /** The rates and the reporting currency; null when the export holds one currency. */
  readonly conversion: CurrencyConversion | null;
}

/** The export checked and summed as the formulas will sum it: the size of what they spill. */
export interface BillingModel {
  readonly ranges: BillingRanges;
  /** Lines of the export (rows from the first data row to the last). */
  readonly lines: number;
  /** SAAS.MRRMATRIX's spill: a header row and a row per customer; a column per month, after the ids. */
  readonly matrixRows: number;
  readonly matrixColumns: number;
}

/**
 * Checks the export as the billing sheet's formulas will read it (the same readers, the same
 * order of arguments), so that a problem is named now, by its cell on the export, rather than
 * as an error in a formula of the new sheet. `rates` are the cells of the rates range.
 *
 * @example a covers cell reading "annual" on Billing!F418 → { ok: false, problem:
 *   { key: "problem.core", params: { error: { nested: { key: "covers.notCovers", … } } },
 *     at: { covers: "Billing!$F$2:$F$900", … } } }
 */
export function prepareBilling(
  source: SourceCells,
  mapping: LedgerMapping,
  rates: CellGrid | null
): Prepared<BillingModel> {
  const needed = billingProblems(source, mapping);
  if (needed[0] !== undefined) return { ok: false, problem: needed[0] };
  const { firstRow, lastRow } = mapping;
  const column = (index: number) => columnCells(source, index, firstRow, lastRow);
  const ranges: BillingRanges = {
    sheetName: source.sheetName,
    firstRow: source.rowIndex + firstRow,
    lastRow: source.rowIndex + lastRow,
    customerColumn: source.columnIndex + mapping.customerColumn,
    dateColumn: source.columnIndex + mapping.dateColumn,
    amountColumn: source.columnIndex + mapping.amountColumn,
    coversColumn: mapping.coversColumn === null ? null : source.columnIndex + mapping.coversColumn,
    currencyColumn:
      mapping.currencyColumn === null ? null : source.columnIndex + mapping.currencyColumn,
    segmentColumns: mapping.segmentColumns.map((segment) => ({
      name: segment.name,
      column: source.columnIndex + segment.column,
    })),
    conversion: conversionNeeded(source, mapping) ? mapping.conversion : null,
  };
  const at = argumentAddresses(ranges);
  try {
    let amounts: CellGrid = column(mapping.amountColumn);
    if (ranges.conversion !== null && mapping.currencyColumn !== null) {
      amounts = convertCurrencies(
        amounts,
        column(mapping.currencyColumn),
        column(mapping.dateColumn),
        rates ?? [],
        null
      ).map((row) => [...row]);
    }
    const ledger = readLedger(
      column(mapping.customerColumn),
      column(mapping.dateColumn),
      amounts,
      "month"
    );
    const covers =
      mapping.coversColumn === null ? undefined : readCovers(column(mapping.coversColumn), ledger);
    const matrix: ResultTable =
      covers === undefined ? mrrMatrix(ledger) : coveredMrrMatrix(ledger, covers);
    for (const segment of mapping.segmentColumns) matrixSegments(ledger, column(segment.column));
    return {
      ok: true,
      value: {
        ranges,
        lines: lastRow - firstRow + 1,
        matrixRows: matrix.length,
        matrixColumns: matrix[0]?.length ?? 0,
      },
    };
  } catch (error) {
    if (error instanceof MetricError) {
      const problem = { key: "problem.core", params: { error: { nested: error.worded } }, at };
      return { ok: false, problem: problem as AnalysisMessage };
    }
    throw error;
  }
}

/**
 * The address of each argument the billing formulas pass (and the core's messages name), so a
 * problem reads "covers Billing!F418", the cell on the export, as in a formula over it.
 */
export function argumentAddresses(ranges: BillingRanges): Readonly<Record<string, string>> {
  const column = (index: number) =>
    absoluteRange(ranges.sheetName, ranges.firstRow, index, ranges.lastRow, index);
  const at: Record<string, string> = {
    customers: column(ranges.customerColumn),
    dates: column(ranges.dateColumn),
    amounts: column(ranges.amountColumn),
  };
  if (ranges.coversColumn !== null) at["covers"] = column(ranges.coversColumn);
  if (ranges.currencyColumn !== null) at["currencies"] = column(ranges.currencyColumn);
  if (ranges.conversion !== null) at["rates"] = ranges.conversion.ratesAddress;
  return at;
}

/**
 * The mapping of the billing sheet's spills read back (the matrix, then a segment column per
 * segment of the export): ids in the first column, a month in each next one, the header row
 * naming them by date as SAAS.MRRMATRIX writes them.
 */
export function billingGridMapping(cells: CellGrid, model: BillingModel): Prepared<GridMapping> {
  const header = cells[0] ?? [];
  const periodColumns: PeriodColumn[] = [];
  for (let c = 1; c < model.matrixColumns; c++) {
    const start = readDate(header[c]);
    if (start === null)
      return {
        ok: false,
        problem: {
          key: "problem.billingHeader",
          params: { value: { quoted: String(header[c] ?? "") } },
        },
      };
    periodColumns.push({ column: c, periodStart: start, label: start });
  }
  return {
    ok: true,
    value: {
      kind: "grid",
      headerRow: 0,
      firstRow: 1,
      lastRow: cells.length - 1,
      customerColumn: 0,
      period: "month",
      periodColumns,
      segmentColumns: model.ranges.segmentColumns.map((segment, index) => ({
        column: model.matrixColumns + index,
        name: segment.name,
      })),
    },
  };
}

/**
 * The export's MRR columns at constant currency: every amount at its currency's rate on the
 * first day of period `start` (SAAS.FX.CONVERT's as_of), spread as the reported matrix is, so
 * that its columns line up with the reported ones customer for customer. Computed once per start.
 */
export function constantCurrencyColumns(
  source: SourceCells,
  mapping: LedgerMapping,
  rates: CellGrid,
  periods: readonly string[]
): (start: number) => Prepared<readonly RevenueColumn[]> {
  const computed = new Map<number, Prepared<readonly RevenueColumn[]>>();
  const column = (index: number) => columnCells(source, index, mapping.firstRow, mapping.lastRow);
  return (start) => {
    const known = computed.get(start);
    if (known !== undefined) return known;
    let result: Prepared<readonly RevenueColumn[]>;
    try {
      const dates = column(mapping.dateColumn);
      const amounts = convertCurrencies(
        column(mapping.amountColumn),
        column(mapping.currencyColumn as number),
        dates,
        rates,
        periods[start] ?? null
      ).map((row) => [...row]);
      const ledger = readLedger(column(mapping.customerColumn), dates, amounts, "month");
      const covers =
        mapping.coversColumn === null
          ? undefined
          : readCovers(column(mapping.coversColumn), ledger);
      const matrix = covers === undefined ? mrrMatrix(ledger) : coveredMrrMatrix(ledger, covers);
      result = {
        ok: true,
        value: periods.map((_, p) => revenueColumnOf(matrix.map((row) => [row[p + 1]]))),
      };
    } catch (error) {
      if (!(error instanceof MetricError)) throw error;
      result = {
        ok: false,
        problem: { key: "problem.core", params: { error: { nested: error.worded } } },
      };
    }
    computed.set(start, result);
    return result;
  };
}
