/**
 * The addresses Excel hands a custom function whose metadata asks for them
 * (`options.requiresParameterAddresses`, `options.requiresAddress`): one address per argument in
 * `invocation.parameterAddresses`, sheet-qualified A1 text ("Sheet1!B2:B301", "'My sheet'!C5"),
 * and "" for an argument that is not a reference (a literal, an array constant, a nested
 * formula); the calling cell in `invocation.address`. The playground builds them from the
 * formula's arguments as HyperFormula parsed them, so the functions' messages can name the cell.
 */
import { quoteSheetName } from "../core/sheet/addresses";
import { localAddress } from "../workbook/playground";
import { MAX_COLUMNS, MAX_ROWS } from "../workbook/inBrowserWorkbook";

export interface SimpleAddress {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** The parts of HyperFormula's argument syntax tree that name cells. */
interface AddressLike {
  toSimpleCellAddress?(base: SimpleAddress): SimpleAddress;
  toSimpleColumnAddress?(base: SimpleAddress): { sheet: number; col: number };
  toSimpleRowAddress?(base: SimpleAddress): { sheet: number; row: number };
}

interface ArgumentAst {
  readonly type?: string;
  readonly reference?: AddressLike;
  readonly start?: AddressLike;
  readonly end?: AddressLike;
}

/** "Sheet1!B2", "'My sheet'!B2:C9": an address with its sheet, as Excel writes one. */
export function sheetAddress(
  sheetName: string,
  range: { row: number; column: number; rowCount: number; columnCount: number }
): string {
  return `${quoteSheetName(sheetName)}!${localAddress(range)}`;
}

/**
 * The address of one argument of a formula at `formulaAddress`, or "" when the argument is not a
 * cell, range, whole-column or whole-row reference.
 *
 * @example
 * // =SAAS.NRR(B2:B301, C2:C301) on Sheet1: "Sheet1!B2:B301" for the first argument
 */
export function argumentAddress(
  ast: unknown,
  formulaAddress: SimpleAddress,
  sheetName: (sheet: number) => string | undefined
): string {
  const node = (ast ?? {}) as ArgumentAst;
  const named = (sheet: number, range: Parameters<typeof sheetAddress>[1]) => {
    const name = sheetName(sheet);
    return name === undefined ? "" : sheetAddress(name, range);
  };
  try {
    switch (node.type) {
      case "CELL_REFERENCE": {
        const cell = node.reference?.toSimpleCellAddress?.(formulaAddress);
        if (!cell) return "";
        return named(cell.sheet, { row: cell.row, column: cell.col, rowCount: 1, columnCount: 1 });
      }
      case "CELL_RANGE": {
        const start = node.start?.toSimpleCellAddress?.(formulaAddress);
        const end = node.end?.toSimpleCellAddress?.(formulaAddress);
        if (!start || !end) return "";
        return named(start.sheet, {
          row: Math.min(start.row, end.row),
          column: Math.min(start.col, end.col),
          rowCount: Math.abs(end.row - start.row) + 1,
          columnCount: Math.abs(end.col - start.col) + 1,
        });
      }
      case "COLUMN_RANGE": {
        const start = node.start?.toSimpleColumnAddress?.(formulaAddress);
        const end = node.end?.toSimpleColumnAddress?.(formulaAddress);
        if (!start || !end) return "";
        return named(start.sheet, {
          row: 0,
          rowCount: MAX_ROWS,
          column: Math.min(start.col, end.col),
          columnCount: Math.abs(end.col - start.col) + 1,
        });
      }
      case "ROW_RANGE": {
        const start = node.start?.toSimpleRowAddress?.(formulaAddress);
        const end = node.end?.toSimpleRowAddress?.(formulaAddress);
        if (!start || !end) return "";
        return named(start.sheet, {
          row: Math.min(start.row, end.row),
          rowCount: Math.abs(end.row - start.row) + 1,
          column: 0,
          columnCount: MAX_COLUMNS,
        });
      }
      default:
        return "";
    }
  } catch {
    return ""; // a reference HyperFormula cannot resolve: Excel would give no address either
  }
}
