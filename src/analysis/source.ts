/**
 * The cells of one source as the pane read them, and where they sit on the sheet: rows and
 * columns are named as the user sees them, and a column or block of them is shaped as a range
 * over it passes to a function.
 */
import { type CellGrid, columnLetters } from "../core";

/** The cells of one source as read (blanks as ""), and where the first cell sits on its sheet. */
export interface SourceCells {
  readonly cells: CellGrid;
  readonly sheetName: string;
  /** 0-based sheet row and column of cells[0][0]. */
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/**
 * The row number the user sees for a row of the cells read.
 *
 * @example cells read from B3 (rowIndex 2): row 0 → 3
 */
export function sheetRowNumber(source: SourceCells, row: number): number {
  return source.rowIndex + row + 1;
}

/**
 * The column letters the user sees for a column of the cells read.
 *
 * @example cells read from B3 (columnIndex 1): column 1 → "C"; column 26 → "AB"
 */
export function sheetColumnName(source: SourceCells, column: number): string {
  return columnLetters(source.columnIndex + column);
}

/** One column of the data rows, shaped as a range over it passes to a function. */
export function columnCells(
  source: SourceCells,
  column: number,
  first: number,
  last: number
): CellGrid {
  const cells: unknown[][] = [];
  for (let r = first; r <= last; r++) cells.push([source.cells[r]?.[column] ?? ""]);
  return cells;
}

/** A block of columns of the data rows, shaped as a range over it passes to a function. */
export function blockCells(
  source: SourceCells,
  firstColumn: number,
  lastColumn: number,
  first: number,
  last: number
): CellGrid {
  const cells: unknown[][] = [];
  for (let r = first; r <= last; r++) {
    const row: unknown[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) row.push(source.cells[r]?.[c] ?? "");
    cells.push(row);
  }
  return cells;
}
