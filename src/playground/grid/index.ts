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
import { FunctionHints, type HintFunction } from "./functionHints";
import { SheetView } from "./sheetView";
import { renderTabs } from "./tabs";

export interface SpreadsheetOptions {
  /** The add-in's functions in the page's language, for the hints while typing a formula. */
  readonly functions?: () => readonly HintFunction[];
}

export interface SpreadsheetView {
  /** Redraws everything (after the page around it changed size). */
  readonly render: () => void;
  readonly focus: () => void;
  /** Opens the active cell's editor with `text` (a formula to complete, e.g. "=SAAS.NRR("). */
  readonly startFormula: (text: string) => void;
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
  const view = new SheetView(make, workbook, selection);
  const bar = new FormulaBar(make);
  const tabs = make("nav", "sheet-tabs");
  tabs.setAttribute("aria-label", "Sheets");
  const hints = new FunctionHints(make, options.functions ?? (() => []));
  container.append(bar.bar, bar.message, view.scroller, tabs, hints.box);

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
  const editor = new CellEditor(grid, bar, hints);

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
    if (change.kind === "selection") {
      // A selection set elsewhere (undo shows what it took back): the cursor follows.
      const { row, column, rowCount, columnCount } = workbook.selection;
      const mine = selection.range();
      if (
        mine.row !== row ||
        mine.column !== column ||
        mine.rowCount !== rowCount ||
        mine.columnCount !== columnCount
      ) {
        selection.cells(
          { row, column },
          { row: row + rowCount - 1, column: column + columnCount - 1 }
        );
        view.scrollIntoView(selection.anchor);
        schedule();
      }
      return;
    }
    schedule();
  });

  view.adoptFont();
  view.layout();
  showTabs();
  renderCharts(view.chartsLayer, make, workbook, view.geometry);
  grid.redraw();
  return {
    render: () => grid.redraw(),
    focus: () => view.scroller.focus(),
    startFormula: (text: string) => {
      if (editor.cell) editor.commit();
      editor.startWith(text);
    },
  };
}
