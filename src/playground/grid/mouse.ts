/**
 * The mouse on the grid: a click selects a cell (Shift extends), a column or row header selects
 * the whole column or row, dragging extends, a double-click edits.
 */
import type { CellEditor } from "./editing";
import type { Grid } from "./grid";

export function listenToMouse(grid: Grid, editor: CellEditor): void {
  const { view, selection, doc } = grid;
  let dragging = false;
  view.scroller.addEventListener("mousedown", (event) => {
    if (event.button !== 0 || event.target === view.editor) return;
    const target = event.target as HTMLElement;
    if (editor.cell) editor.commit();
    event.preventDefault();
    view.scroller.focus();
    const header = target.closest<HTMLElement>(".column-header, .row-header");
    if (header?.dataset["column"] !== undefined) {
      grid.select({ row: 0, column: Number(header.dataset["column"]) }, event.shiftKey, "columns");
    } else if (header?.dataset["row"] !== undefined) {
      grid.select({ row: Number(header.dataset["row"]), column: 0 }, event.shiftKey, "rows");
    } else if (target === view.corner) {
      return;
    } else {
      grid.select(view.cellAt(event), event.shiftKey);
    }
    dragging = true;
  });
  doc.addEventListener("mousemove", (event) => {
    if (!dragging || editor.cell) return;
    const cell = view.cellAt(event);
    const next =
      selection.mode === "columns"
        ? { row: 0, column: cell.column }
        : selection.mode === "rows"
          ? { row: cell.row, column: 0 }
          : cell;
    if (next.row !== selection.focus.row || next.column !== selection.focus.column)
      grid.select(next, true, selection.mode);
  });
  doc.addEventListener("mouseup", () => {
    dragging = false;
  });
  view.scroller.addEventListener("dblclick", (event) => {
    if ((event.target as HTMLElement).closest(".column-header, .row-header, .grid-chart")) return;
    editor.start("edit");
  });
}
