/**
 * Where rows and columns sit on the grid's canvas: the canvas is as large as the part of the
 * sheet in use (plus room to scroll on), and only the cells in view are drawn on it.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../../workbook/inBrowserWorkbook";
import type { Position } from "./selection";

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 22;

export class Geometry {
  /** Left edge of each column from column A, in pixels from the cells' left edge. */
  private columnLefts: number[] = [0];
  rowHeaderWidth = 48;
  rowCount = 100;
  columnCount = 26;

  /**
   * Sizes the canvas for a sheet of `size` with the cursor at `reach` (a little beyond the
   * data and the cursor, so the user can scroll on). Returns the canvas's size in pixels.
   */
  layout(
    size: { readonly rows: number; readonly columns: number },
    reach: readonly Position[],
    columnWidth: (column: number) => number
  ): { readonly width: number; readonly height: number } {
    this.rowCount = Math.min(
      MAX_ROWS,
      Math.max(100, size.rows + 50, ...reach.map((position) => position.row + 30))
    );
    this.columnCount = Math.min(
      MAX_COLUMNS,
      Math.max(26, size.columns + 6, ...reach.map((position) => position.column + 6))
    );
    this.columnLefts = [0];
    for (let c = 0; c < this.columnCount; c++)
      this.columnLefts.push((this.columnLefts[c] as number) + columnWidth(c));
    this.rowHeaderWidth = Math.max(40, 12 + 8 * String(this.rowCount).length);
    return {
      width: this.rowHeaderWidth + (this.columnLefts[this.columnCount] as number),
      height: HEADER_HEIGHT + this.rowCount * ROW_HEIGHT,
    };
  }

  /** The left edge of a column on the canvas (after the row headers). */
  cellLeft(column: number): number {
    return this.rowHeaderWidth + (this.columnLefts[column] ?? 0);
  }

  cellTop(row: number): number {
    return HEADER_HEIGHT + row * ROW_HEIGHT;
  }

  /** A column's left edge in the cells area, without the row headers. */
  columnStart(column: number): number {
    return this.columnLefts[column] as number;
  }

  /** The column at x pixels into the cells area (binary search of the column edges). */
  columnAt(x: number): number {
    let low = 0;
    let high = this.columnCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.columnLefts[middle] as number) <= x) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
