/**
 * How a cell's emptiness and error values are recognised: the one home of these rules, for the
 * functions' coercion, the layout check, the task pane's checks and both workbook adapters.
 */

/**
 * The error values a cell can show. Excel passes them to functions as error objects; the task
 * pane's `range.values` gives them as this text.
 */
export const ERROR_VALUES = [
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#GETTING_DATA",
] as const;

export type ErrorValue = (typeof ERROR_VALUES)[number];

const ERROR_VALUE_SET: ReadonlySet<string> = new Set(ERROR_VALUES);

/** Whether text is exactly one of Excel's error values ("#N/A"), as `range.values` gives them. */
export function isErrorValueText(text: unknown): text is ErrorValue {
  return typeof text === "string" && ERROR_VALUE_SET.has(text);
}

/** Data-type error names (Excel.ErrorCellValueType) → the error value the cell shows. */
export const ERROR_TYPE_VALUES: Readonly<Record<string, ErrorValue>> = {
  Div0: "#DIV/0!",
  NotAvailable: "#N/A",
  Value: "#VALUE!",
  Num: "#NUM!",
  Null: "#NULL!",
  Ref: "#REF!",
  Name: "#NAME?",
  Spill: "#SPILL!",
  Calc: "#CALC!",
  Busy: "#BUSY!",
  Connect: "#CONNECT!",
  Field: "#FIELD!",
  Blocked: "#BLOCKED!",
  GettingData: "#GETTING_DATA",
  Python: "#PYTHON!",
  Unknown: "#UNKNOWN!",
};

/**
 * An empty cell as it arrives: `null` (Excel on the web), `undefined`, or `""` (the task pane's
 * `range.values`). Text of spaces is not empty: Excel shows it and a function reads it as text.
 */
export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * An empty cell, or one holding only spaces: blank to a reader of ids, labels and layouts, where
 * an exported "   " means nothing was there.
 */
export function isBlankLooking(cell: unknown): boolean {
  return isEmptyCell(cell) || (typeof cell === "string" && cell.trim() === "");
}
