/**
 * Excel-shaped input → typed, validated columns (docs/architecture.md: the only place that knows how
 * blanks, text, booleans, error values and data-type objects arrive).
 *
 * How cells arrive (docs/architecture.md, "The Office platform"):
 * - a range parameter is an array of rows; a single cell may arrive bare, so it is wrapped;
 * - a blank is `null` (web), `undefined` or `""` (task pane); some desktop builds send `0`,
 *   which cannot be told apart from a real 0;
 * - with `allowErrorForDataTypeAny` an error cell arrives as an object: a `CustomFunctions.Error`
 *   (`{ code: "#N/A", message? }`) or a data-type error (`{ type: "Error", errorType, basicValue }`);
 * - with `allowCustomDataForDataTypeAny` a data-type cell arrives as `{ type, basicValue, … }`
 *   (FormattedNumber, Double, String, Boolean) or an entity (`{ type: "Entity", text, … }`).
 *
 * Messages name the argument, the row (and column, for 2-D ranges) of the range as the user
 * selected it, header row included, and the offending value (docs/functions.md, Errors): as a
 * CellPlace and a QuotedCell, which the catalogue words, with the sheet cell when Excel gives the
 * range's address.
 */
import { readDate, serialToIsoDate } from "./dates";
import {
  type CellPlace,
  type ErrorCode,
  MetricError,
  type QuotedCell,
  type Term,
  invalidValue,
} from "./errors";
import { ERROR_TYPE_VALUES, isEmptyCell } from "./sheet/cells";
import type { LookupValue } from "./ids";
import { residueBound, zeroResidues } from "./money";

export type CellGrid = readonly (readonly unknown[])[];

/** A validated block of numbers, row by row, with the header row (if any) dropped. */
export interface NumberRange {
  readonly argument: string;
  /** Row-major values of the data rows; blanks already resolved by the reader's rule. */
  readonly values: Float64Array;
  /** Data rows (header not counted) and columns. */
  readonly rows: number;
  readonly columns: number;
  /** 1 when the first row was read as a header and skipped. */
  readonly headerRows: number;
}

/** A validated block of survey scores; `BLANK_SCORE` marks a blank cell (not a response). */
export interface ScoreRange extends Omit<NumberRange, "values"> {
  readonly scores: Int16Array;
}

export const BLANK_SCORE = -1;

/** The inclusive whole-number scale a survey's answers must lie on. */
export interface ScoreScale {
  readonly min: number;
  readonly max: number;
  /** How the scale's answers are named in messages ("NPS scores"). */
  readonly label: Term;
}

// ---------------------------------------------------------------------------------------------
// Cell inspection: everything that is not a plain number takes the slow path through here.

type Inspected =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: string; readonly message: string | undefined }
  | { readonly kind: "other"; readonly quoted: QuotedCell };

const BLANK: Inspected = { kind: "blank" };

function inspect(cell: unknown): Inspected {
  if (isEmptyCell(cell)) return BLANK;
  switch (typeof cell) {
    case "number":
      return { kind: "number", value: cell };
    case "string":
      return { kind: "text", text: cell };
    case "boolean":
      return { kind: "boolean", value: cell };
    case "object":
      return inspectObject(cell as Record<string, unknown>);
    default:
      return { kind: "other", quoted: { kind: "jsValue", type: typeof cell } };
  }
}

function inspectObject(cell: Record<string, unknown>): Inspected {
  if (Array.isArray(cell)) return { kind: "other", quoted: { kind: "nestedArray" } };
  const code = cell["code"];
  if (typeof code === "string" && code.startsWith("#")) {
    const message = cell["message"];
    return {
      kind: "error",
      code,
      message: typeof message === "string" && message ? message : undefined,
    };
  }
  const type = cell["type"];
  const basicValue = cell["basicValue"];
  if (type === "Error") {
    const errorType = cell["errorType"];
    const shown =
      typeof basicValue === "string" && basicValue.startsWith("#")
        ? basicValue
        : (ERROR_TYPE_VALUES[String(errorType)] ?? "#VALUE!");
    return { kind: "error", code: shown, message: undefined };
  }
  if (type === "Empty") return BLANK;
  if (type === "Double" || type === "FormattedNumber") {
    return typeof basicValue === "number"
      ? { kind: "number", value: basicValue }
      : { kind: "other", quoted: { kind: "dataTypeWithoutNumber", type } };
  }
  if (type === "String" && typeof basicValue === "string") return inspect(basicValue);
  if (type === "Boolean" && typeof basicValue === "boolean") return inspect(basicValue);
  if (typeof type === "string") {
    const text = cell["text"];
    return {
      kind: "other",
      quoted:
        typeof text === "string" && text
          ? { kind: "dataType", type, text: shorten(text) }
          : { kind: "dataType", type },
    };
  }
  return { kind: "other", quoted: { kind: "object" } };
}

/** A cell as a message quotes it (the catalogue words it: text in quotes, TRUE, #N/A…). */
export function quoteCell(cell: unknown): { cell: QuotedCell } {
  return { cell: quoted(inspect(cell)) };
}

function quoted(seen: Inspected): QuotedCell {
  switch (seen.kind) {
    case "blank":
      return { kind: "blank" };
    case "number":
      return { kind: "number", value: seen.value };
    case "text":
      return { kind: "text", text: shorten(seen.text) };
    case "boolean":
      return { kind: "boolean", value: seen.value };
    case "error":
      return { kind: "error", code: seen.code };
    case "other":
      return seen.quoted;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Text such as "1,200", "$ 45.00" or "12%": a number stored as text, worth a hint. */
function looksNumeric(text: string): boolean {
  const stripped = text.replace(/[\s,$€£¥%]/g, "");
  return stripped !== "" && Number.isFinite(Number(stripped.replace(/^\((.*)\)$/, "-$1")));
}

// ---------------------------------------------------------------------------------------------
// Places and messages.

/** Where a cell sits within the range as selected (0-based, header row included). */
export function place(
  argument: string,
  row: number,
  column: number,
  rows: number,
  columns: number
): { place: CellPlace } {
  return { place: { argument, row, column, rows, columns } };
}

/** A whole argument (an option, a single value), named as Excel names it. */
export function argumentParam(argument: string): { argument: string } {
  return { argument };
}

/** Where a problem is: a cell of a range, or a whole argument. */
type Where = { place: CellPlace } | { argument: string };

/**
 * An error value met in an input range is passed on as it is, the way SUM passes it on.
 * #REF! and #NAME? cannot be returned by a custom function (Office docs, "Handle and return
 * errors"), nor can the newer ones (#SPILL!, #CALC!…): those become #VALUE! naming the cell.
 */
function passOnError(code: string, message: string | undefined, where: Where): MetricError {
  // An upstream function's own message (another add-in's, say) is passed on as it was worded.
  const told: [ErrorCode, Record<string, string | Where>] =
    message === undefined ? ["cell.errorValue", { where, code }] : ["cell.passedOn", { message }];
  switch (code) {
    case "#N/A":
      return new MetricError("na", ...told);
    case "#VALUE!":
      return new MetricError("value", ...told);
    case "#DIV/0!":
      return new MetricError("div0", ...told);
    case "#NUM!":
      return new MetricError("num", ...told);
    case "#NULL!":
      return new MetricError("null", ...told);
    default:
      return invalidValue("cell.errorToCorrect", { where, code });
  }
}

/** The problem with a cell that should hold a number, as the error to report. */
function notANumber(seen: Inspected, where: Where, what: Term | null): MetricError {
  const value = { cell: quoted(seen) };
  switch (seen.kind) {
    case "error":
      return passOnError(seen.code, seen.message, where);
    case "text":
      if (looksNumeric(seen.text)) return invalidValue("cell.textLikeNumber", { where, value });
      return what === null
        ? invalidValue("cell.textOption", { where, value })
        : invalidValue("cell.text", { where, value, what: { term: what } });
    case "boolean":
      return invalidValue("cell.logical", { where, value });
    case "number":
      return invalidValue("cell.notFinite", { where, value });
    case "other":
      return invalidValue("cell.notNumber", { where, value });
    case "blank":
      return invalidValue("cell.blank", { where });
  }
}

// ---------------------------------------------------------------------------------------------
// Grids, shapes and headers.

/**
 * A range argument as an array of rows; a bare value (one cell) becomes a 1×1 range. Only the
 * first row is looked at here: the readers check every other row as they pass it (rowAt), so a
 * million-row range is walked once, not twice.
 */
export function toGrid(arg: unknown, argument: string): CellGrid {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [];
  if (!Array.isArray(arg[0])) throw invalidValue("range.notCells", { argument: { argument } });
  return arg as CellGrid;
}

/** toGrid, with every row checked now, for readers that do not pass the rows one by one. */
function checkedGrid(arg: unknown, argument: string): CellGrid {
  const grid = toGrid(arg, argument);
  const columns = grid[0]?.length ?? 0;
  for (let r = 1; r < grid.length; r++) rowAt(grid, r, columns, argument);
  return grid;
}

/** Row `r` of a grid, checked to be a row of `columns` cells (Excel always sends rectangles). */
function rowAt(grid: CellGrid, r: number, columns: number, argument: string): readonly unknown[] {
  const row: unknown = grid[r];
  if (!Array.isArray(row) || row.length !== columns) throw raggedRow(argument, r);
  return row as readonly unknown[];
}

function raggedRow(argument: string, row: number): MetricError {
  return invalidValue("range.ragged", { where: place(argument, row, 0, row + 1, 1) });
}

/**
 * The common case read in one pass over both columns: start_mrr and end_mrr as single columns of
 * plain numbers and blanks. Returns undefined when anything else turns up (text, an error value,
 * a header, another shape), and the readers proper then take over and name the problem, so the
 * fast path never changes a result or a message.
 */
export function readRevenueColumnsFast(
  start: unknown,
  end: unknown
): { startMrr: NumberRange; endMrr: NumberRange } | undefined {
  if (
    !Array.isArray(start) ||
    !Array.isArray(end) ||
    start.length !== end.length ||
    start.length < 2
  ) {
    return undefined;
  }
  const rows = start.length;
  const startValues = new Float64Array(rows);
  const endValues = new Float64Array(rows);
  // For the money rule (money.ts): each column's largest amount and smallest positive one.
  let startLargest = 0;
  let endLargest = 0;
  let startSmallest = Infinity;
  let endSmallest = Infinity;
  for (let r = 0; r < rows; r++) {
    const startRow: unknown = start[r];
    const endRow: unknown = end[r];
    if (
      !Array.isArray(startRow) ||
      !Array.isArray(endRow) ||
      startRow.length !== 1 ||
      endRow.length !== 1
    ) {
      return undefined;
    }
    const s: unknown = startRow[0];
    const e: unknown = endRow[0];
    if (typeof s === "number" && s >= 0 && s <= Number.MAX_VALUE) {
      startValues[r] = s;
      if (s > startLargest) startLargest = s;
      if (s < startSmallest && s > 0) startSmallest = s;
    } else if (!isEmptyCell(s)) return undefined; // blanks stay 0
    if (typeof e === "number" && e >= 0 && e <= Number.MAX_VALUE) {
      endValues[r] = e;
      if (e > endLargest) endLargest = e;
      if (e < endSmallest && e > 0) endSmallest = e;
    } else if (!isEmptyCell(e)) return undefined;
  }
  zeroResidues(startValues, startLargest, startSmallest);
  zeroResidues(endValues, endLargest, endSmallest);
  return {
    startMrr: { argument: "start_mrr", values: startValues, rows, columns: 1, headerRows: 0 },
    endMrr: { argument: "end_mrr", values: endValues, rows, columns: 1, headerRows: 0 },
  };
}

/** True when an optional argument was left out: Excel passes `null`, some hosts `undefined`. */
export function isOmitted(arg: unknown): boolean {
  if (isEmptyCell(arg)) return true;
  if (Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) {
    const only: unknown = arg[0][0];
    return isEmptyCell(only);
  }
  return false;
}

/**
 * People select a column with its header: in a numeric range, a first row of text (labels that
 * are not numbers stored as text) is a header and is skipped. A lone row is never a header.
 */
export function headerRowCount(grid: CellGrid): number {
  if (grid.length < 2) return 0;
  const first = grid[0] ?? [];
  let labels = 0;
  for (const cell of first) {
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== "string" || looksNumeric(cell)) return 0;
    labels++;
  }
  return labels > 0 ? 1 : 0;
}

/** A range's size as a message gives it ("3 rows × 1 column"). */
export function shapeParam(range: { rows: number; columns: number }): {
  shape: { rows: number; columns: number };
} {
  return { shape: { rows: range.rows, columns: range.columns } };
}

/** Aligned ranges must have the same shape once each has dropped its own header. */
export function requireSameShape(
  first: { argument: string; rows: number; columns: number; headerRows: number },
  second: { argument: string; rows: number; columns: number; headerRows: number }
): void {
  if (first.rows === second.rows && first.columns === second.columns) return;
  const headers = first.headerRows > 0 || second.headerRows > 0;
  throw invalidValue(headers ? "range.sameShapeWithoutHeaders" : "range.sameShape", {
    first: argumentParam(first.argument),
    second: argumentParam(second.argument),
    firstShape: shapeParam(first),
    secondShape: shapeParam(second),
  });
}

// ---------------------------------------------------------------------------------------------
// Readers.

/** How a block of non-negative numbers is read: revenue, or rates. */
export interface AmountRule {
  /** How the values are named in messages ("revenue amounts"). */
  readonly what: Term;
  /** What a negative value breaks ("revenue cannot be below 0"). */
  readonly negative: Term;
  /** A blank cell is 0 (revenue) or an error (a rate every period needs). */
  readonly blank: "zero" | "error";
  /** Amounts of money: residues of floating point are 0, for either sign (money.ts). */
  readonly money?: boolean;
  /** Data start below/right of these many rows/columns (labels); no header detection then. */
  readonly skipRows?: number;
  readonly skipColumns?: number;
}

const REVENUE_RULE: AmountRule = {
  what: "revenueAmounts",
  negative: "revenueNotNegative",
  blank: "zero",
  money: true,
};

/**
 * Revenue (MRR or ARR) per customer: a blank is 0; text, booleans, negative or non-finite
 * numbers are errors naming the cell; an error value is passed on.
 */
export function readRevenue(
  arg: unknown,
  argument: string,
  rule: AmountRule = REVENUE_RULE
): NumberRange {
  return readAmounts(arg, argument, rule);
}

/** Non-negative numbers under `rule` (see readRevenue); positions are reported in the whole range. */
export function readAmounts(arg: unknown, argument: string, rule: AmountRule): NumberRange {
  let values = new Float64Array(0);
  const shape = scanAmounts(
    arg,
    argument,
    rule,
    ({ rows, columns }) => {
      values = new Float64Array(rows * columns);
    },
    (row, r) => values.set(row, r * row.length)
  );
  return { argument, values, ...shape };
}

/** The shape of a block of amounts once its header (or labels) are set aside. */
export interface AmountShape {
  readonly rows: number;
  readonly columns: number;
  readonly headerRows: number;
}

/**
 * Reads a block of amounts row by row under `rule`, handing each validated row to `onRow` in a
 * buffer that is reused (copy what must outlive the call), so that a consumer that only
 * accumulates (cohorts) needs memory for one row, not for the whole block. `begin` learns the
 * shape before the first row. Problems are reported as readAmounts reports them.
 */
export function scanAmounts(
  arg: unknown,
  argument: string,
  rule: AmountRule,
  begin: (shape: AmountShape) => void,
  onRow: (values: Float64Array, row: number) => void
): AmountShape {
  const grid = toGrid(arg, argument);
  const totalRows = grid.length;
  const totalColumns = totalRows === 0 ? 0 : (grid[0]?.length ?? 0);
  const framed = rule.skipRows !== undefined || rule.skipColumns !== undefined;
  const firstRow = framed ? Math.min(rule.skipRows ?? 0, totalRows) : headerRowCount(grid);
  const firstColumn = Math.min(rule.skipColumns ?? 0, totalColumns);
  const shape = {
    rows: totalRows - firstRow,
    columns: totalColumns - firstColumn,
    headerRows: firstRow,
  };
  begin(shape);
  const blankIsZero = rule.blank === "zero";
  // Rows are handed on as they are read, so the money rule's bound (the block's largest amount)
  // is found first, by a pass that only compares numbers.
  const residue = rule.money
    ? residueBound(largestNumber(grid, firstRow, firstColumn, totalColumns))
    : -1;
  const buffer = new Float64Array(shape.columns);
  for (let r = firstRow; r < totalRows; r++) {
    const row = rowAt(grid, r, totalColumns, argument);
    for (let c = firstColumn; c < totalColumns; c++) {
      const cell = row[c];
      // Fast paths: a plain, valid number, or a blank (the overwhelming majority of cells).
      if (typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) {
        buffer[c - firstColumn] = cell > residue ? cell : 0;
        continue;
      }
      if (blankIsZero && isEmptyCell(cell)) {
        buffer[c - firstColumn] = 0;
        continue;
      }
      buffer[c - firstColumn] = amountFromOddCell(
        cell,
        argument,
        rule,
        residue,
        r,
        c,
        totalRows,
        totalColumns
      );
    }
    onRow(buffer, r - firstRow);
  }
  return shape;
}

/** The largest magnitude among the plain numbers of a block (rows are checked later). */
function largestNumber(
  grid: CellGrid,
  firstRow: number,
  firstColumn: number,
  columns: number
): number {
  let largest = 0;
  for (let r = firstRow; r < grid.length; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row)) continue;
    for (let c = firstColumn; c < columns; c++) {
      const cell: unknown = row[c];
      if (typeof cell !== "number") continue;
      const size = Math.abs(cell);
      if (size > largest && size <= Number.MAX_VALUE) largest = size;
    }
  }
  return largest;
}

/**
 * The slow path of scanAmounts: data types, negative residues, or the error naming the cell.
 * `residue` is the money rule's bound (−1 when the block is not money).
 */
function amountFromOddCell(
  cell: unknown,
  argument: string,
  rule: AmountRule,
  residue: number,
  r: number,
  c: number,
  totalRows: number,
  totalColumns: number
): number {
  const seen = inspect(cell);
  const where = place(argument, r, c, totalRows, totalColumns);
  if (seen.kind === "blank") {
    if (rule.blank === "error")
      throw invalidValue("cell.blankNeeded", { where, what: { term: rule.what } });
    return 0;
  }
  if (seen.kind === "number" && Number.isFinite(seen.value)) {
    if (Math.abs(seen.value) <= residue) return 0;
    if (seen.value < 0) {
      throw invalidValue("cell.negative", {
        where,
        value: { cell: quoted(seen) },
        rule: { term: rule.negative },
      });
    }
    return seen.value;
  }
  throw notANumber(seen, where, rule.what);
}

/**
 * Survey answers: blanks are not responses; anything but a whole number on the scale is an
 * error naming the cell, never rounded, clipped or skipped (docs/metrics.md, Surveys).
 */
export function readScores(arg: unknown, argument: string, scale: ScoreScale): ScoreRange {
  const grid = toGrid(arg, argument);
  const totalRows = grid.length;
  const columns = totalRows === 0 ? 0 : (grid[0]?.length ?? 0);
  const headerRows = headerRowCount(grid);
  const scores = new Int16Array((totalRows - headerRows) * columns);
  let k = 0;
  for (let r = headerRows; r < totalRows; r++) {
    const row = rowAt(grid, r, columns, argument);
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      let value: number;
      if (typeof cell === "number") {
        value = cell;
      } else {
        const seen = inspect(cell);
        if (seen.kind === "blank") {
          scores[k++] = BLANK_SCORE;
          continue;
        }
        if (seen.kind !== "number")
          throw notANumber(seen, place(argument, r, c, totalRows, columns), scale.label);
        value = seen.value;
      }
      if (!(value >= scale.min && value <= scale.max && Number.isInteger(value))) {
        throw scoreProblem(value, place(argument, r, c, totalRows, columns), scale);
      }
      scores[k++] = value;
    }
  }
  return { argument, scores, rows: totalRows - headerRows, columns, headerRows };
}

function scoreProblem(value: number, where: { place: CellPlace }, scale: ScoreScale): MetricError {
  const code: ErrorCode = !Number.isFinite(value)
    ? "score.notScore"
    : !Number.isInteger(value)
      ? "score.notWhole"
      : "score.outside";
  return invalidValue(code, {
    where,
    value: { cell: { kind: "number", value } },
    what: { term: scale.label },
    min: scale.min,
    max: scale.max,
  });
}

/** A segment label as read from a cell: text, a number or a logical value; blank is "". */
export type SegmentLabel = LookupValue;

/**
 * A segments range aligned cell for cell with the data, each cell turned into its segment's
 * index by `assign` as it is read (one pass, no list of labels in between).
 *
 * Labels have no header of their own to recognise (a label can be any text), so segments drops
 * its first row only when the data dropped theirs: selected with the data's header row, it is one
 * row longer. One row longer while the data has no header is an off-by-one selection, refused:
 * read as it stands, every label would describe the customer one row below it.
 */
export function readSegments(
  arg: unknown,
  argument: string,
  data: { argument: string; rows: number; columns: number; headerRows: number },
  assign: (label: SegmentLabel) => number
): Int32Array {
  const grid = toGrid(arg, argument);
  const totalRows = grid.length;
  const columns = totalRows === 0 ? 0 : (grid[0]?.length ?? 0);
  const oneRowLonger = totalRows === data.rows + 1 && columns === data.columns;
  if (oneRowLonger && data.headerRows === 0) {
    throw invalidValue("range.segmentsOffByOne", {
      labels: argumentParam(argument),
      labelsShape: shapeParam({ rows: totalRows, columns }),
      data: argumentParam(data.argument),
      dataShape: shapeParam(data),
    });
  }
  const headerRows = oneRowLonger ? 1 : 0;
  requireSameShape(data, { argument, rows: totalRows - headerRows, columns, headerRows });
  const groupOf = new Int32Array((totalRows - headerRows) * columns);
  let k = 0;
  for (let r = headerRows; r < totalRows; r++) {
    const row = rowAt(grid, r, columns, argument);
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      const label =
        typeof cell === "string"
          ? cell
          : readLabel(cell, () => place(argument, r, c, totalRows, columns));
      groupOf[k++] = assign(label);
    }
  }
  return groupOf;
}

function readLabel(cell: unknown, where: () => Where): SegmentLabel {
  const value = plainCell(cell, where, "cell.cannotBeSegment");
  if (value === null) return "";
  if (value instanceof Date) return readDate(value) ?? String(value);
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw invalidValue("cell.notSegment", { where: where(), value: quoteCell(value) });
  }
  return value;
}

/** A single-value argument (an option or a `segment`): a 1×1 range is unwrapped. */
export function readSingleValue(arg: unknown, argument: string): unknown {
  if (!Array.isArray(arg)) return arg;
  const grid = toGrid(arg, argument);
  const cells = grid.length * (grid[0]?.length ?? 0);
  if (cells !== 1) throw invalidValue("option.singleValue", { argument: { argument }, cells });
  return grid[0]?.[0];
}

/** The `segment` to keep, or undefined when omitted. */
export function readSegmentChoice(arg: unknown, argument: string): SegmentLabel | undefined {
  if (isOmitted(arg)) return undefined;
  return readLabel(readSingleValue(arg, argument), () => argumentParam(argument));
}

/** TRUE/FALSE option; also 1/0 and the words TRUE/FALSE in any case, as Excel accepts them. */
export function readBooleanOption(arg: unknown, argument: string, fallback: boolean): boolean {
  if (isOmitted(arg)) return fallback;
  const value = readSingleValue(arg, argument);
  const seen = inspect(value);
  if (seen.kind === "boolean") return seen.value;
  if (seen.kind === "number" && (seen.value === 0 || seen.value === 1)) return seen.value === 1;
  if (seen.kind === "text") {
    const word = seen.text.trim().toUpperCase();
    if (word === "TRUE" || word === "FALSE") return word === "TRUE";
  }
  if (seen.kind === "error") throw passOnError(seen.code, seen.message, argumentParam(argument));
  throw invalidValue("option.notBoolean", {
    where: argumentParam(argument),
    value: { cell: quoted(seen) },
  });
}

/**
 * One of a fixed set of words (period, mode, kind…), matched without regard to case or
 * surrounding spaces; omitted gives the first choice, the default.
 *
 * @example readChoiceOption("Quarter", "period", ["month", "quarter", "year"]) === "quarter"
 */
export function readChoiceOption<T extends string>(
  arg: unknown,
  argument: string,
  choices: readonly T[]
): T {
  const fallback = choices[0] as T;
  if (isOmitted(arg)) return fallback;
  const value = readSingleValue(arg, argument);
  const seen = inspect(value);
  if (seen.kind === "error") throw passOnError(seen.code, seen.message, argumentParam(argument));
  if (seen.kind === "text") {
    const word = seen.text.trim().toLowerCase();
    const match = choices.find((choice) => choice === word);
    if (match !== undefined) return match;
  }
  throw invalidValue("option.notChoice", {
    where: argumentParam(argument),
    value: { cell: quoted(seen) },
    choices: { choices },
  });
}

/**
 * A single number argument, checked against the bounds the function needs.
 *
 * @example readNumberArgument(12, "months", { min: 1, max: 600, whole: true }) === 12
 */
export function readNumberArgument(
  arg: unknown,
  argument: string,
  rule: { min?: number; max?: number; whole?: boolean; fallback?: number; money?: boolean }
): number {
  if (isOmitted(arg)) {
    if (rule.fallback !== undefined) return rule.fallback;
    throw invalidValue("option.missing", { argument: argumentParam(argument) });
  }
  const value = readSingleValue(arg, argument);
  const seen = inspect(value);
  const where = argumentParam(argument);
  if (seen.kind === "text")
    throw invalidValue("cell.textOption", { where, value: { cell: quoted(seen) } });
  if (seen.kind !== "number" || !Number.isFinite(seen.value)) throw notANumber(seen, where, null);
  // A single amount's terms are unknown: its residue bound is that of one currency unit.
  const n = rule.money === true && Math.abs(seen.value) <= residueBound(0) ? 0 : seen.value;
  const outside =
    (rule.whole === true && !Number.isInteger(n)) ||
    (rule.min !== undefined && n < rule.min) ||
    (rule.max !== undefined && n > rule.max);
  if (outside) {
    throw invalidValue(boundsCode(rule), {
      where,
      value: { cell: { kind: "number", value: n } },
      ...(rule.min === undefined ? {} : { min: rule.min }),
      ...(rule.max === undefined ? {} : { max: rule.max }),
    });
  }
  return n;
}

/** The message for a number outside `rule`: "a whole number from 1 to 600", "a number of at most 1"… */
function boundsCode(rule: { min?: number; max?: number; whole?: boolean }): ErrorCode {
  const whole = rule.whole === true;
  if (rule.min !== undefined && rule.max !== undefined)
    return whole ? "whole.between" : "number.between";
  if (rule.min !== undefined) return whole ? "whole.atLeast" : "number.atLeast";
  if (rule.max !== undefined) return whole ? "whole.atMost" : "number.atMost";
  return "whole.only";
}

/**
 * How a revenue range would take one cell on its own (the task pane checks cells one by one, to
 * name the bad one on the sheet): null when it is revenue or blank, else why it is not.
 *
 * @example revenueCellProblem(-5) === "negative"; revenueCellProblem(0.3 - 0.2 - 0.1) === null
 */
export function revenueCellProblem(cell: unknown): null | "negative" | "notNumber" {
  const seen = inspect(cell);
  if (seen.kind === "blank") return null;
  if (seen.kind !== "number" || !Number.isFinite(seen.value)) return "notNumber";
  if (Math.abs(seen.value) <= residueBound(0)) return null;
  return seen.value < 0 ? "negative" : null;
}

/**
 * The number a cell holds, plain or as a data type (a formatted number), or null.
 *
 * @example numberInCell({ type: "FormattedNumber", basicValue: 9 }) === 9; numberInCell("9") === null
 */
export function numberInCell(cell: unknown): number | null {
  const seen = inspect(cell);
  return seen.kind === "number" ? seen.value : null;
}

/** A cell's plain value: data types unwrapped, blanks as null; an error value is thrown on. */
export type PlainCell = number | string | boolean | Date | null;

/**
 * The plain value of one cell for readers with their own rules (ledgers: ids, dates, amounts):
 * data-type numbers and text unwrapped, blanks as null, error values passed on (thrown), entities
 * by their text. `where` names the cell, and is only called for a message.
 */
export function plainCell(
  cell: unknown,
  where: () => Where,
  refusal: ErrorCode = "cell.cannotBeRead"
): PlainCell {
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  if (typeof cell === "string") return cell === "" ? null : cell;
  if (cell instanceof Date) return cell; // from the task pane; Excel itself sends date serials
  const seen = inspect(cell);
  switch (seen.kind) {
    case "blank":
      return null;
    case "number":
      return seen.value;
    case "text":
      return seen.text;
    case "boolean":
      return seen.value;
    case "error":
      throw passOnError(seen.code, seen.message, where());
    case "other": {
      const text =
        typeof cell === "object" && cell !== null
          ? (cell as Record<string, unknown>)["text"]
          : undefined;
      if (typeof text === "string") return text;
      throw invalidValue(refusal, { where: where(), value: { cell: seen.quoted } });
    }
  }
}

/** A one-column (or one-row) range as a list of cells, with its own header row count. */
export function readColumnCells(
  arg: unknown,
  argument: string
): { cells: readonly unknown[]; rows: number } {
  const grid = checkedGrid(arg, argument);
  const columns = grid[0]?.length ?? 0;
  if (columns > 1 && grid.length > 1) {
    throw invalidValue("range.oneColumn", {
      argument: argumentParam(argument),
      shape: shapeParam({ rows: grid.length, columns }),
    });
  }
  const cells = columns === 1 ? grid.map((row) => row[0]) : [...(grid[0] ?? [])];
  return { cells, rows: cells.length };
}

/**
 * Excel dates are numbers, so a header row of real dates (45292 shown as "Jan 2024") cannot be
 * told from revenue by its type, and a column selected with such a header would silently count
 * the date as a customer's revenue. A row of whole numbers that are all period boundaries (the
 * first or last day of a month) and run forward in time is taken for what it almost surely is,
 * and refused with a message, rather than risk a plausible wrong number.
 *
 * Returns the dates (yyyy-mm-dd) the cells would be, or undefined when they do not look like one.
 *
 * @example periodDateHeader([45292, 45323]) → ["2024-01-01", "2024-02-01"]
 */
export function periodDateHeader(cells: readonly unknown[]): string[] | undefined {
  if (cells.length < 2) return undefined;
  const dates: string[] = [];
  let previous = -Infinity;
  for (const cell of cells) {
    // 1990-01-01 .. 2099-12-31: the dates a SaaS sheet's header holds.
    if (
      typeof cell !== "number" ||
      !Number.isInteger(cell) ||
      cell < 32874 ||
      cell > 73415 ||
      cell <= previous
    ) {
      return undefined;
    }
    const iso = serialToIsoDate(cell);
    const day = Number(iso.slice(8, 10));
    const nextDay = serialToIsoDate(cell + 1);
    const isPeriodBoundary = day === 1 || nextDay.endsWith("-01");
    if (!isPeriodBoundary) return undefined;
    dates.push(iso);
    previous = cell;
  }
  return dates;
}
