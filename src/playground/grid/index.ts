/**
 * The playground's spreadsheet view: a formula bar, the active sheet's grid, the charts the task
 * pane added, and the sheet tabs. Typing a value or formula, Enter, Tab, Escape and the arrow
 * keys work as in Excel.
 *
 * The view holds no workbook state of its own beyond the cursor: cells, formats, charts, the
 * active sheet and the selection live in the spreadsheet model, which the task pane reads too.
 * Its parts: the selection (selection.ts), the drawing (sheetView.ts, geometry.ts), the formula
 * bar (formulaBar.ts), editing (editing.ts), keys and mouse (keyboard.ts, mouse.ts), charts and
 * tabs (chartsView.ts, tabs.ts).
 */
import type { Spreadsheet } from "../model/spreadsheet";
import { renderCharts } from "./chartsView";
import { maker } from "./dom";
import { CellEditor } from "./editing";
import { FormulaBar } from "./formulaBar";
import type { Grid } from "./grid";
import { listenToKeys } from "./keyboard";
import { listenToMouse } from "./mouse";
import { GridSelection, type Position, type SelectionMode } from "./selection";
import { SheetView, type SheetViewOptions } from "./sheetView";
import { renderTabs } from "./tabs";

export type SpreadsheetOptions = SheetViewOptions;

export interface SpreadsheetView {
  /** Redraws everything (after the page around it changed size). */
  readonly render: () => void;
  readonly focus: () => void;
}

/** Builds the spreadsheet view inside `container`. */
export function createSpreadsheet(
  container: HTMLElement,
  workbook: Spreadsheet,
  options: SpreadsheetOptions = {}
): SpreadsheetView {
  const doc = container.ownerDocument;
  const make = maker(doc);
  const selection = new GridSelection({
    row: workbook.selection.row,
    column: workbook.selection.column,
  });
  const view = new SheetView(make, workbook, selection, options);
  const bar = new FormulaBar(make);
  const tabs = make("nav", "sheet-tabs");
  tabs.setAttribute("aria-label", "Sheets");
  container.append(bar.bar, bar.message, view.scroller, tabs);

  const scrollBySheet = new Map<number, { top: number; left: number }>();
  let shownSheet = workbook.activeSheet;

  const grid: Grid = {
    doc,
    workbook,
    selection,
    view,
    select(next: Position, extend: boolean, mode: SelectionMode = "cells") {
      selection.move(next, extend, mode);
      workbook.select(selection.range());
      view.scrollIntoView(selection.focus);
      renderGrid();
      renderBar();
    },
    selectionChanged(scrollTo?: Position) {
      workbook.select(selection.range());
      if (scrollTo) view.scrollIntoView(scrollTo);
      renderGrid();
      renderBar();
    },
    redraw() {
      renderGrid();
      renderBar();
    },
    renderBar,
  };
  const editor = new CellEditor(grid, bar);

  function renderGrid(): void {
    if (shownSheet !== workbook.activeSheet) switchedSheet();
    view.render(editor.cell);
  }

  function renderBar(): void {
    bar.render(grid, editor.cell !== null);
  }

  function showTabs(): void {
    renderTabs(
      tabs,
      make,
      workbook,
      () => editor.commit(),
      () => view.scroller.focus()
    );
  }

  /** The active sheet changed: keep the old one's scroll, show the new one's selection. */
  function switchedSheet(): void {
    const { scroller } = view;
    scrollBySheet.set(shownSheet, { top: scroller.scrollTop, left: scroller.scrollLeft });
    shownSheet = workbook.activeSheet;
    selection.cells(
      { row: workbook.selection.row, column: workbook.selection.column },
      { row: workbook.selection.row, column: workbook.selection.column }
    );
    view.layout();
    const saved = scrollBySheet.get(shownSheet) ?? { top: 0, left: 0 };
    scroller.scrollTop = saved.top;
    scroller.scrollLeft = saved.left;
    showTabs();
    renderCharts(view.chartsLayer, make, workbook, view.geometry);
  }

  let frame = 0;
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      grid.redraw();
    });
  }

  view.scroller.addEventListener("scroll", () => renderGrid());
  new ResizeObserver(() => renderGrid()).observe(view.scroller);
  listenToMouse(grid, editor);
  listenToKeys(grid, editor);
  editor.listen();
  bar.listen(grid);

  workbook.onChange((change) => {
    if (change.kind === "sheets") showTabs();
    if (change.kind === "active") {
      if (editor.cell) editor.commit(); // a sheet shown by the pane mid-edit: keep what was typed
      grid.redraw();
      return;
    }
    if (change.kind === "charts" || change.kind === "cells" || change.kind === "formats") {
      if (workbook.chartsOn(workbook.activeSheet).length > 0 || change.kind === "charts")
        renderCharts(view.chartsLayer, make, workbook, view.geometry);
    }
    if (change.kind !== "selection") schedule();
  });

  view.adoptFont();
  view.layout();
  showTabs();
  renderCharts(view.chartsLayer, make, workbook, view.geometry);
  grid.redraw();
  return {
    render: () => grid.redraw(),
    focus: () => view.scroller.focus(),
  };
}
