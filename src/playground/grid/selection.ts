/**
 * The grid's selection as the user makes it: the anchor (where it started, the active cell), the
 * focus (where it was extended to) and whether whole columns or rows are selected. Plain state,
 * no page: the grid publishes it to the workbook, where the task pane reads it.
 */
import { MAX_COLUMNS, MAX_ROWS, type SheetRange } from "../../workbook/inBrowserWorkbook";

export interface Position {
  readonly row: number;
  readonly column: number;
}

export type SelectionMode = "cells" | "columns" | "rows";

const clamp = (position: Position): Position => ({
  row: Math.max(0, Math.min(MAX_ROWS - 1, position.row)),
  column: Math.max(0, Math.min(MAX_COLUMNS - 1, position.column)),
});

export class GridSelection {
  anchor: Position;
  focus: Position;
  mode: SelectionMode = "cells";

  constructor(start: Position) {
    this.anchor = start;
    this.focus = start;
  }

  /** The selected rectangle: whole columns and rows reach the sheet's edge, as in Excel. */
  range(): Omit<SheetRange, "sheet"> {
    const { anchor, focus, mode } = this;
    const row = Math.min(anchor.row, focus.row);
    const column = Math.min(anchor.column, focus.column);
    const columnCount = Math.abs(anchor.column - focus.column) + 1;
    const rowCount = Math.abs(anchor.row - focus.row) + 1;
    if (mode === "columns") return { row: 0, rowCount: MAX_ROWS, column, columnCount };
    if (mode === "rows") return { row, rowCount, column: 0, columnCount: MAX_COLUMNS };
    return { row, column, rowCount, columnCount };
  }

  /** The active cell: where the selection started. */
  active(): Position {
    if (this.mode === "cells") return this.anchor;
    return {
      row: this.mode === "rows" ? this.anchor.row : 0,
      column: this.mode === "columns" ? this.anchor.column : 0,
    };
  }

  /** Moves the selection to `next`, or extends it there (Shift) when the mode is the same. */
  move(next: Position, extend: boolean, mode: SelectionMode = "cells"): void {
    if (extend && mode === this.mode) {
      this.focus = clamp(next);
    } else {
      this.mode = mode;
      this.anchor = clamp(next);
      this.focus = this.anchor;
    }
  }

  /** Selects the cells from `anchor` to `focus`. */
  cells(anchor: Position, focus: Position): void {
    this.mode = "cells";
    this.anchor = clamp(anchor);
    this.focus = clamp(focus);
  }
}
