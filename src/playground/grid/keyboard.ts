/**
 * The keys on the grid itself (no edit open): arrows move (Shift extends, Ctrl jumps to the edge
 * of the data), Enter and Tab move, PageUp/PageDown and Home, F2 edits, Delete clears, Ctrl+C
 * copies, Ctrl+A selects the data, and any other character starts typing into the cell.
 */
import { parseClipboard } from "../files/csv";
import { formatValue } from "../format";
import type { CellEditor } from "./editing";
import type { Grid } from "./grid";
import type { Position } from "./selection";

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Ctrl+arrow: to the edge of the block of filled cells, as Excel jumps. */
export function jump(grid: Grid, from: Position, rowStep: number, columnStep: number): Position {
  const { workbook } = grid;
  const sheet = workbook.activeSheet;
  const size = workbook.sheetSize(sheet);
  const filled = (cursor: Position) => !workbook.isEmpty(sheet, cursor.row, cursor.column);
  const inside = (cursor: Position) =>
    cursor.row >= 0 &&
    cursor.column >= 0 &&
    cursor.row < Math.max(size.rows, 1) &&
    cursor.column < Math.max(size.columns, 1);
  const step = (cursor: Position): Position => ({
    row: cursor.row + rowStep,
    column: cursor.column + columnStep,
  });
  let next = step(from);
  if (!inside(next))
    return {
      row: rowStep > 0 ? Math.max(from.row, size.rows - 1) : rowStep < 0 ? 0 : from.row,
      column:
        columnStep > 0 ? Math.max(from.column, size.columns - 1) : columnStep < 0 ? 0 : from.column,
    };
  if (filled(from) && filled(next)) {
    while (inside(step(next)) && filled(step(next))) next = step(next);
    return next;
  }
  while (inside(next) && !filled(next)) next = step(next);
  return inside(next)
    ? next
    : {
        row: rowStep ? (rowStep > 0 ? size.rows - 1 : 0) : from.row,
        column: columnStep ? (columnStep > 0 ? size.columns - 1 : 0) : from.column,
      };
}

/** The selected values as tab-separated text, formatted as shown (what Ctrl+C copies). */
export function selectionText(grid: Grid): string {
  const { workbook, selection } = grid;
  const sheet = workbook.activeSheet;
  const range = selection.range();
  const size = workbook.sheetSize(sheet);
  const rows = Math.min(range.rowCount, Math.max(0, size.rows - range.row));
  const columns = Math.min(range.columnCount, Math.max(0, size.columns - range.column));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) {
      const view = workbook.cell(sheet, range.row + r, range.column + c);
      cells.push(view.error ? view.error.code : formatValue(view.value, view.numberFormat));
    }
    lines.push(cells.join("\t"));
  }
  return lines.join("\n");
}

async function copySelection(grid: Grid): Promise<void> {
  try {
    await navigator.clipboard.writeText(selectionText(grid));
  } catch {
    // The clipboard needs permission the page may not have; copying is a convenience only.
  }
}

/** A paste on the grid: the clipboard's text (a range copied from a spreadsheet) from the active cell on. */
function listenToPaste(grid: Grid): void {
  const { view, selection, workbook } = grid;
  view.scroller.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    const rows = parseClipboard(text);
    if (rows.length === 0) return;
    event.preventDefault();
    const at = selection.active();
    workbook.paste(workbook.activeSheet, at.row, at.column, rows);
    const width = Math.max(...rows.map((row) => row.length));
    selection.cells(at, { row: at.row + rows.length - 1, column: at.column + width - 1 });
    grid.selectionChanged();
  });
}

export function listenToKeys(grid: Grid, editor: CellEditor): void {
  listenToPaste(grid);
  const { view, selection, workbook } = grid;
  view.scroller.addEventListener("keydown", (event) => {
    if (event.target !== view.scroller) return;
    const cursor = selection.active();
    const ctrl = event.ctrlKey || event.metaKey;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const from = event.shiftKey ? selection.focus : cursor;
      const next = ctrl
        ? jump(grid, from, move[0], move[1])
        : { row: from.row + move[0], column: from.column + move[1] };
      grid.select(next, event.shiftKey, event.shiftKey ? selection.mode : "cells");
      return;
    }
    switch (event.key) {
      case "Enter":
        event.preventDefault();
        grid.select({ row: cursor.row + (event.shiftKey ? -1 : 1), column: cursor.column }, false);
        return;
      case "Tab":
        event.preventDefault();
        grid.select({ row: cursor.row, column: cursor.column + (event.shiftKey ? -1 : 1) }, false);
        return;
      case "F2":
        event.preventDefault();
        editor.start("edit");
        return;
      case "PageDown":
      case "PageUp": {
        event.preventDefault();
        const rows = view.pageRows();
        grid.select(
          { row: cursor.row + (event.key === "PageDown" ? rows : -rows), column: cursor.column },
          false
        );
        return;
      }
      case "Home":
        event.preventDefault();
        grid.select({ row: ctrl ? 0 : cursor.row, column: 0 }, false);
        return;
      case "Delete":
      case "Backspace":
        event.preventDefault();
        workbook.clear({ sheet: workbook.activeSheet, ...selection.range() });
        return;
      case "Escape":
        return;
    }
    const key = event.key.toLowerCase();
    if (ctrl && (key === "z" || key === "y")) {
      event.preventDefault();
      if (key === "y" || event.shiftKey) workbook.redo();
      else workbook.undo();
      grid.redraw();
      return;
    }
    if (ctrl && event.key.toLowerCase() === "c") {
      event.preventDefault();
      void copySelection(grid);
      return;
    }
    if (ctrl && event.key.toLowerCase() === "a") {
      event.preventDefault();
      const size = workbook.sheetSize(workbook.activeSheet);
      selection.cells(
        { row: 0, column: 0 },
        { row: Math.max(0, size.rows - 1), column: Math.max(0, size.columns - 1) }
      );
      grid.selectionChanged();
      return;
    }
    if (event.key.length === 1 && !ctrl && !event.altKey) {
      // Typing on a selected cell replaces its content, as in Excel.
      event.preventDefault();
      editor.start("enter", event.key);
    }
  });
}
