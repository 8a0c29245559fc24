/**
 * Cells between the port's plain data and HyperFormula: what the engine is given for a value or
 * a formula, and what it gives back as the port reads it.
 */
import type { RawCellContent } from "hyperformula";
import type { CellInput, CellValue } from "../../workbook/port";

/**
 * A cell as the engine takes it. Text gets a leading apostrophe only where the engine would
 * otherwise read it as something else (a number, a date, a logical value, an error, a formula),
 * as Excel's quote prefix does; plain words are stored as they are.
 *
 * @example
 * engineContent("2024-01")            // "'2024-01"
 * engineContent("Acme")               // "Acme"
 * engineContent({ formula: "SUM(A1:A3)" }) // "=SUM(A1:A3)"
 */
export function engineContent(cell: CellInput): RawCellContent {
  if (cell === null) return null;
  if (typeof cell === "object")
    return engineFormula(cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      throw new Error(
        `${String(cell)} cannot be written to a cell; write a formula such as =NA() or a blank instead.`
      );
    return cell;
  }
  if (typeof cell === "boolean") return cell;
  if (cell === "") return null;
  const plainWords = /^\p{L}/u.test(cell) && !/^(true|false)$/i.test(cell.trim());
  return plainWords ? cell : `'${cell}`;
}

/**
 * A formula as typed in Excel, in the form the engine reads: HyperFormula only knows a lower-case
 * exponent in a number ("1e6"), Excel writes "1E+6". Text in quotes and quoted sheet names are
 * left alone.
 *
 * @example
 * engineFormula("=SAAS.NRR.PARTS(100E6,20E6,-5E6,5E6)") // "=SAAS.NRR.PARTS(100e6,20e6,-5e6,5e6)"
 */
export function engineFormula(formula: string): string {
  if (!formula.startsWith("=")) return formula;
  // Split into quoted parts ("text", 'Sheet name') and the rest; only the rest is rewritten.
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g,
    (part, quoted: string | undefined) =>
      quoted !== undefined
        ? part
        : part.replace(/(^|[^A-Za-z0-9_$.])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)/g, "$1$2e$3")
  );
}

/** An error value as HyperFormula gives it (DetailedCellError's shape). */
export interface DetailedError {
  readonly value: string;
  readonly message?: string;
}

export function isDetailedError(value: unknown): value is DetailedError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DetailedError).value === "string" &&
    "type" in value
  );
}

/** A value as the port reads it: "" for a blank, an error as its text ("#N/A"). */
export function portValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (isDetailedError(value)) return value.value;
  return "";
}

/** The format a value's type implies when the sheet sets none: what Excel shows for "10%" or a date typed in. */
export function impliedFormat(detailedType: string): string | null {
  switch (detailedType) {
    case "NUMBER_PERCENT":
      return "0%";
    case "NUMBER_DATE":
      return "yyyy-mm-dd";
    case "NUMBER_DATETIME":
      return "yyyy-mm-dd hh:mm";
    case "NUMBER_TIME":
      return "hh:mm";
    case "NUMBER_CURRENCY":
      return "$#,##0.00";
    default:
      return null;
  }
}
