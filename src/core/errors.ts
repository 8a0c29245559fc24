/**
 * Errors as values until the Excel boundary (see docs/architecture.md): a MetricError is a code
 * with parameters, never prose. The one message catalogue per language (src/i18n) words it when
 * it is shown, in the functions' messages and in the task pane alike, so a rewording in one
 * language can never break another.
 *
 * The kinds mirror the spreadsheet error values a metric can end in, without naming any Office
 * type: the custom-function bindings map them to `CustomFunctions.Error`.
 */
import type { LookupValue } from "./ids";

export type MetricErrorKind =
  /** #VALUE!: a bad input cell or argument (the message names argument, row and value). */
  | "value"
  /** #DIV/0!: a zero denominator, such as no starting revenue or no responses. */
  | "div0"
  /** #N/A: a `segment` that matches no row, a currency without a rate, or an #N/A passed in. */
  | "na"
  /** #NUM!: a result too large for a number, or passed on from an input cell. */
  | "num"
  /** #NULL!: passed on from an input cell. */
  | "null";

/** Where a cell sits: 0-based row and column within the range as the user selected it. */
export interface CellPlace {
  readonly argument: string;
  readonly row: number;
  readonly column: number;
  /** The range's size (header included), which decides between "row 3", "column 2" or both. */
  readonly rows: number;
  readonly columns: number;
}

/** A cell's content as a message quotes it. */
export type QuotedCell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: string }
  /** A data type (an entity, an image…), with the text it shows when it has one. */
  | { readonly kind: "dataType"; readonly type: string; readonly text?: string }
  /** A number data type whose value is not a number. */
  | { readonly kind: "dataTypeWithoutNumber"; readonly type: string }
  | { readonly kind: "nestedArray" }
  | { readonly kind: "object" }
  | { readonly kind: "jsValue"; readonly type: string };

/** Words the catalogue names by key: what a range holds, rules, period units. */
export type Term =
  | "revenueAmounts"
  | "rates"
  | "npsScores"
  | "csatScores"
  | "cesScores"
  | "revenueNotNegative"
  | "rateNotNegative"
  | "month"
  | "quarter"
  | "year";

/**
 * A parameter of a message: plain text or a number (shown as they are), or a value the catalogue
 * words itself in each language: a cell's place, a quoted cell, a range's shape, a list joined
 * as the language joins lists, a column or period as the user sees it, or a message inside a
 * message.
 */
export type MessageParam =
  | string
  | number
  | { readonly place: CellPlace }
  | { readonly argument: string }
  | { readonly cell: QuotedCell }
  | { readonly shape: { readonly rows: number; readonly columns: number } }
  | { readonly choices: readonly string[] }
  | { readonly label: LookupValue }
  | { readonly term: Term }
  | { readonly quoted: string }
  | { readonly column: { readonly letters: string; readonly header?: string } }
  | { readonly period: { readonly start: string; readonly unit: "month" | "quarter" | "year" } }
  /** Items joined ("a, b and c"); beyond `limit` they end in "and 4 more". */
  | { readonly list: readonly MessageParam[]; readonly limit?: number }
  | { readonly nested: Message };

/** A message before it is worded: a catalogue key and its parameters. */
export interface Message {
  readonly key: string;
  readonly params: MessageParams;
}

export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * Every message the core can give. src/i18n's catalogues are typed by this union, so a code
 * without its words in every language does not compile.
 */
export type ErrorCode =
  // A cell that should hold a number.
  | "cell.passedOn"
  | "cell.errorValue"
  | "cell.errorToCorrect"
  | "cell.textLikeNumber"
  | "cell.text"
  | "cell.textOption"
  | "cell.logical"
  | "cell.notFinite"
  | "cell.notNumber"
  | "cell.blank"
  | "cell.blankNeeded"
  | "cell.negative"
  | "cell.cannotBeRead"
  | "cell.cannotBeSegment"
  | "cell.notSegment"
  // Survey scores.
  | "score.notScore"
  | "score.notWhole"
  | "score.outside"
  | "scores.noCells"
  | "csat.notMethod"
  | "csat.topThreeOfSmallScale"
  | "share.successesExceedTrials"
  // Ranges and their shapes.
  | "range.notCells"
  | "range.ragged"
  | "range.sameShape"
  | "range.sameShapeWithoutHeaders"
  | "range.oneColumn"
  | "range.segmentsOffByOne"
  | "range.dateHeaderPair"
  | "range.dateHeaderMatrix"
  // Options and single values.
  | "option.singleValue"
  | "option.notBoolean"
  | "option.notChoice"
  | "option.missing"
  | "movers.oneColumn"
  | "movers.customersRows"
  | "number.between"
  | "number.atLeast"
  | "number.atMost"
  | "whole.between"
  | "whole.atLeast"
  | "whole.atMost"
  | "whole.only"
  | "number.aboveAtMost"
  | "number.inside"
  // Segments.
  | "segment.needsSegments"
  | "segment.noMatch"
  | "segment.noMatchIsNumber"
  | "segment.noMatchIsText"
  // Revenue inputs.
  | "history.oneColumn"
  | "history.rows"
  | "history.rowsWithoutHeaders"
  | "parts.lossesExceedStart"
  | "rates.none"
  | "movement.noCustomer"
  | "trailing.tooFewPeriods"
  // Ledgers.
  | "ledger.rows"
  | "ledger.rowsWithoutHeaders"
  | "ledger.customersOffByOne"
  | "ledger.customerBlank"
  | "ledger.amountNotNumber"
  | "ledger.notDate"
  | "ledger.empty"
  | "ledger.tooLarge"
  | "ledger.negativeTotal"
  | "ledger.overflow"
  | "ledger.segmentsRows"
  // What ledger lines pay for (MRRMATRIX's covers).
  | "covers.rows"
  | "covers.notCovers"
  | "covers.endNotAfterStart"
  // Currencies (FX).
  | "fx.noAmounts"
  | "fx.rows"
  | "fx.currenciesOffByOne"
  | "fx.ratesShape"
  | "fx.rateCurrencyBlank"
  | "fx.rateNotPositive"
  | "fx.rateConflict"
  | "fx.noRate"
  // Dates given as text or serials.
  | "date.serialOutOfRange"
  | "date.notIsoDate"
  // Limits.
  | "limit.spill"
  // Zero denominators and overflow.
  | "div0.noStartingRevenue"
  | "div0.noStartingCustomers"
  | "div0.noLosses"
  | "div0.noStart"
  | "div0.noResponses"
  | "div0.noTrials"
  | "div0.noPayingCustomers"
  | "div0.noChurn"
  | "div0.cohortFirstPeriod"
  | "num.tooLargeToAdd"
  | "num.resultTooLarge"
  | "num.projectionOverflow";

export class MetricError extends Error {
  constructor(
    readonly kind: MetricErrorKind,
    readonly code: ErrorCode,
    readonly params: MessageParams = {}
  ) {
    // The code is the message for a stack trace; users only ever see the catalogue's words.
    super(code);
    this.name = "MetricError";
  }

  /** The error as a message to word: its code and parameters. */
  get worded(): Message {
    return { key: this.code, params: this.params };
  }
}

/** #VALUE!: a bad input cell or argument. */
export function invalidValue(code: ErrorCode, params: MessageParams = {}): MetricError {
  return new MetricError("value", code, params);
}

/** A zero denominator: Excel shows #DIV/0! (with no message, so the message is for the task pane). */
export function divisionByZero(code: ErrorCode, params: MessageParams = {}): MetricError {
  return new MetricError("div0", code, params);
}

/**
 * Runs a metric and returns its error instead of throwing it, for the cells of a spilled table
 * (one segment without starting revenue must not hide the other segments' figures).
 */
export function metricOrError(compute: () => number): number | MetricError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
}
