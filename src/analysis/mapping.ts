/**
 * What the user confirmed: which columns hold what, as plain data kept in document settings; the
 * mapping a layout guess proposes, and the problems that stop one from being analysed.
 */
import type { PeriodUnit } from "../core";
import type {
  ExcludedRow,
  LayoutGuess,
  PeriodColumn,
  SegmentColumn,
  SurveyScale,
} from "./layout/types";
import type { AnalysisMessage } from "./messages";
import { type SourceCells, sheetColumnName, sheetRowNumber } from "./source";

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
  /** What each line pays for (SAAS.MRRMATRIX's `covers`); null: the amounts billed, as billed. */
  readonly coversColumn: number | null;
  readonly currencyColumn: number | null;
  /**
   * Into which currency the amounts are converted, and where the rates are (SAAS.FX.CONVERT's
   * `rates`, an address such as "Rates!A1:C40"); null when the export holds one currency.
   */
  readonly conversion: CurrencyConversion | null;
}

export interface CurrencyConversion {
  readonly reportingCurrency: string;
  readonly ratesAddress: string;
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
        coversColumn: guess.coversColumn,
        currencyColumn: guess.currencyColumn,
        conversion: null,
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
export function mappedColumns(mapping: SourceMapping): number[] {
  const segments = mapping.segmentColumns.map((segment) => segment.column);
  switch (mapping.kind) {
    case "grid":
      return [
        ...(mapping.customerColumn === null ? [] : [mapping.customerColumn]),
        ...mapping.periodColumns.map((period) => period.column),
        ...segments,
      ];
    case "ledger":
      return [
        mapping.customerColumn,
        mapping.dateColumn,
        mapping.amountColumn,
        ...(mapping.coversColumn === null ? [] : [mapping.coversColumn]),
        ...(mapping.currencyColumn === null ? [] : [mapping.currencyColumn]),
        ...segments,
      ];
    case "survey":
      return [mapping.scoreColumn, ...segments];
  }
}
