/**
 * What the layout check finds in a block of cells: a customers × periods grid, a ledger or a
 * survey, with the rows it leaves out and the notes it has for the user. Notes are catalogue
 * keys with parameters (src/i18n words them), never sentences.
 */
import type { MessageParams, PeriodUnit } from "../../core";

/** Something the layout check tells the user about the selection. */
export interface LayoutNote {
  readonly key: LayoutNoteKey;
  readonly params: MessageParams;
}

export type LayoutNoteKey =
  | "layout.empty"
  | "layout.noHeader"
  | "layout.noFit"
  | "note.totalsRow"
  | "note.blankRows"
  | "note.sumOfRowsAbove"
  | "note.ledgerTotalsRow"
  | "note.duplicatePeriod"
  | "note.periodsOutOfOrder"
  | "note.periodsMissing"
  | "note.fiscalYears"
  | "note.rowsWithoutCustomer"
  | "note.repeatedCustomers"
  | "note.noCustomerColumn"
  | "note.textInPeriods"
  | "note.unusedColumns"
  | "note.ambiguousDates"
  | "note.datesOutOfOrder"
  | "note.notDates"
  | "note.notAmounts"
  | "note.scoreScale"
  | "note.rowsWithoutScore"
  | "note.unnamedScoreColumn"
  | "note.bareScoreColumn"
  | "note.item.rowText"
  | "note.item.periodCellText"
  | "note.missing.dateColumn"
  | "note.missing.amountColumn"
  | "note.missing.customerColumn"
  | "note.why.header"
  | "note.why.range"
  | "scale.nps"
  | "scale.csat"
  | "scale.ces";

/** A note from its key and parameters. */
export function note(key: LayoutNoteKey, params: MessageParams = {}): LayoutNote {
  return { key, params };
}

/** A note inside another note's parameters (an item of a list, a reason). */
export function nested(key: LayoutNoteKey, params: MessageParams = {}): { nested: LayoutNote } {
  return { nested: { key, params } };
}

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
  /** The column's header, "" when it has none (the pane then names it by its letters). */
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
  readonly notes: readonly LayoutNote[];
}

export interface LedgerLayout {
  readonly kind: "ledger";
  readonly headerRow: number;
  readonly customerColumn: number;
  readonly dateColumn: number;
  readonly amountColumn: number;
  /** What each line pays for (a period end, or week/month/quarter/year): SAAS.MRRMATRIX's covers. */
  readonly coversColumn: number | null;
  readonly currencyColumn: number | null;
  /** The currency codes the export holds, upper case, sorted. */
  readonly currencies: readonly string[];
  readonly segmentColumns: readonly SegmentColumn[];
  /** Rows holding one entry each, in sheet order (dates need not be sorted). */
  readonly dataRows: readonly number[];
  readonly excludedRows: readonly ExcludedRow[];
  readonly notes: readonly LayoutNote[];
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
  readonly notes: readonly LayoutNote[];
}

export interface UnknownLayout {
  readonly kind: "unknown";
  /** Why no layout fits, for the pane to tell the user. */
  readonly reason: LayoutNote;
}

export type LayoutGuess = GridLayout | LedgerLayout | SurveyLayout | UnknownLayout;

export interface DetectLayoutOptions {
  /** The row number the user sees for the grid's first row (default 1). */
  readonly firstRowNumber?: number;
  /** The column number the user sees for the grid's first column, 1 = A (default 1). */
  readonly firstColumnNumber?: number;
}
