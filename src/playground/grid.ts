/**
 * The playground's spreadsheet view: a formula bar, the active sheet's grid (row and column
 * headers, only the visible cells drawn, so a 100,000-row sheet scrolls as lightly as a small
 * one), the charts the task pane added, and the sheet tabs. Typing a value or formula, Enter,
 * Tab, Escape and the arrow keys work as in Excel. All text goes into the page as text nodes.
 *
 * The view holds no workbook state of its own beyond the cursor: cells, formats, charts, the
 * active sheet and the selection live in the PlaygroundWorkbook, which the task pane reads too.
 */
import {
  type CellView,
  MAX_COLUMNS,
  MAX_ROWS,
  type PlaygroundWorkbook,
  type SheetRange,
  localAddress,
} from "../workbook/playground";
import { parseRangeAddress, splitSheetAddress } from "../core/sheet/addresses";
import { chartData, drawChart } from "./chart";
import { alignment, formatValue } from "./format";

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;

/** What a cell's error means when the function gave no message (Excel shows none for these). */
const ERROR_TITLES: Record<string, string> = {
  "#DIV/0!": "Division by zero: there is nothing to divide by.",
  "#NUM!": "The number is too large or not valid.",
  "#NULL!": "The ranges do not intersect.",
  "#REF!": "The formula refers to a cell that is not valid.",
  "#NAME?": "The formula uses a name the workbook does not know.",
  "#SPILL!": "The result cannot spill: other cells are in its way.",
  "#VALUE!": "A value in the formula is of the wrong type.",
  "#N/A": "A value is not available.",
};

export interface SpreadsheetOptions {
  /** Rows shown in bold on a sheet (headers and section headings), by sheet name. */
  readonly boldRows?: ReadonlyMap<string, ReadonlySet<number>>;
}

interface Cursor {
  readonly row: number;
  readonly column: number;
}

type SelectionMode = "cells" | "columns" | "rows";

interface Editing {
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
  readonly original: string;
  /** "enter": typing replaced the cell, arrows commit and move; "edit": arrows move the caret. */
  mode: "enter" | "edit";
}

/** Builds the spreadsheet view inside `container`; returns a function that redraws it. */
export function createSpreadsheet(
  container: HTMLElement,
  workbook: PlaygroundWorkbook,
  options: SpreadsheetOptions = {}
): { readonly render: () => void; readonly focus: () => void } {
  const doc = container.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string
  ) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // ---------------------------------------------------------------------------------------------
  // The page structure.

  const bar = make("div", "formula-bar");
  const nameBox = make("input", "name-box");
  nameBox.setAttribute(
    "aria-label",
    "Name box: the selected cell; type an address and Enter to go there"
  );
  nameBox.spellcheck = false;
  const fx = make("span", "fx", "fx");
  const formulaInput = make("input", "formula-input");
  formulaInput.id = "formula-input";
  formulaInput.setAttribute("aria-label", "Formula bar");
  formulaInput.spellcheck = false;
  formulaInput.autocomplete = "off";
  bar.append(nameBox, fx, formulaInput);
  const message = make("div", "cell-message");
  message.id = "cell-message";
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");

  const scroller = make("div", "grid-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "grid");
  scroller.setAttribute("aria-label", "Sheet");
  const canvas = make("div", "grid-canvas");
  const cellsLayer = make("div", "grid-cells");
  const chartsLayer = make("div", "grid-charts");
  const selectionBox = make("div", "grid-selection");
  const activeBox = make("div", "grid-active");
  const columnHeaders = make("div", "grid-column-headers");
  const rowHeaders = make("div", "grid-row-headers");
  const corner = make("div", "grid-corner");
  const editor = make("input", "grid-editor");
  editor.setAttribute("aria-label", "Cell editor");
  editor.spellcheck = false;
  editor.autocomplete = "off";
  editor.hidden = true;
  canvas.append(
    cellsLayer,
    chartsLayer,
    selectionBox,
    activeBox,
    editor,
    columnHeaders,
    rowHeaders,
    corner
  );
  scroller.append(canvas);
  const tabs = make("nav", "sheet-tabs");
  tabs.setAttribute("aria-label", "Sheets");
  container.append(bar, message, scroller, tabs);

  // ---------------------------------------------------------------------------------------------
  // State: the cursor of each sheet, and the edit in progress.

  let anchor: Cursor = { row: workbook.selection.row, column: workbook.selection.column };
  let focus: Cursor = anchor;
  let mode: SelectionMode = "cells";
  let editing: Editing | null = null;
  let dragging = false;
  const scrollBySheet = new Map<number, { top: number; left: number }>();
  let shownSheet = workbook.activeSheet;
  let columnLefts: number[] = [0];
  let rowHeaderWidth = 48;
  let rowCount = 100;
  let columnCount = 26;

  const sheet = () => workbook.activeSheet;

  function selectedRange(): Omit<SheetRange, "sheet"> {
    const row = Math.min(anchor.row, focus.row);
    const column = Math.min(anchor.column, focus.column);
    if (mode === "columns")
      return {
        row: 0,
        rowCount: MAX_ROWS,
        column,
        columnCount: Math.abs(anchor.column - focus.column) + 1,
      };
    if (mode === "rows")
      return {
        row,
        rowCount: Math.abs(anchor.row - focus.row) + 1,
        column: 0,
        columnCount: MAX_COLUMNS,
      };
    return {
      row,
      column,
      rowCount: Math.abs(anchor.row - focus.row) + 1,
      columnCount: Math.abs(anchor.column - focus.column) + 1,
    };
  }

  /** The active cell: where the selection started. */
  const active = (): Cursor =>
    mode === "cells"
      ? anchor
      : { row: mode === "rows" ? anchor.row : 0, column: mode === "columns" ? anchor.column : 0 };

  // ---------------------------------------------------------------------------------------------
  // Geometry.

  function layout(): void {
    const size = workbook.sheetSize(sheet());
    rowCount = Math.min(MAX_ROWS, Math.max(100, size.rows + 50, focus.row + 30, anchor.row + 30));
    columnCount = Math.min(
      MAX_COLUMNS,
      Math.max(26, size.columns + 6, focus.column + 6, anchor.column + 6)
    );
    columnLefts = [0];
    for (let c = 0; c < columnCount; c++)
      columnLefts.push((columnLefts[c] as number) + workbook.columnWidth(sheet(), c));
    rowHeaderWidth = Math.max(40, 12 + 8 * String(rowCount).length);
    canvas.style.width = `${rowHeaderWidth + (columnLefts[columnCount] as number)}px`;
    canvas.style.height = `${HEADER_HEIGHT + rowCount * ROW_HEIGHT}px`;
  }

  const cellLeft = (column: number) => rowHeaderWidth + (columnLefts[column] ?? 0);
  const cellTop = (row: number) => HEADER_HEIGHT + row * ROW_HEIGHT;

  /** The column at x pixels into the cells area (binary search of the column edges). */
  function columnAt(x: number): number {
    let low = 0;
    let high = columnCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((columnLefts[middle] as number) <= x) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing: only the rows and columns in view.

  const cellPool: HTMLDivElement[] = [];
  const columnHeaderPool: HTMLDivElement[] = [];
  const rowHeaderPool: HTMLDivElement[] = [];

  const measure = doc.createElement("canvas").getContext("2d");
  /** The width of a cell's text in the grid's font (an estimate where the canvas is missing). */
  function textWidth(text: string): number {
    if (!measure) return text.length * 7;
    if (measure.font !== gridFont) measure.font = gridFont;
    return measure.measureText(text).width;
  }
  let gridFont = "13px sans-serif";

  const isEmptyView = (view: CellView) => view.value === null && view.error === null;

  function pooled(pool: HTMLDivElement[], parent: HTMLElement, index: number): HTMLDivElement {
    let node = pool[index];
    if (!node) {
      node = make("div");
      pool.push(node);
      parent.append(node);
    }
    node.hidden = false;
    return node;
  }

  function hideFrom(pool: HTMLDivElement[], count: number): void {
    for (let i = count; i < pool.length; i++) (pool[i] as HTMLDivElement).hidden = true;
  }

  function render(): void {
    if (shownSheet !== sheet()) switchedSheet();
    layout();
    const top = scroller.scrollTop;
    const left = scroller.scrollLeft;
    const height = scroller.clientHeight;
    const width = scroller.clientWidth;
    const firstRow = Math.max(0, Math.floor(top / ROW_HEIGHT));
    const lastRow = Math.min(
      rowCount - 1,
      Math.floor((top + height - HEADER_HEIGHT) / ROW_HEIGHT) + 1
    );
    const firstColumn = columnAt(Math.max(0, left));
    const lastColumn = Math.min(columnCount - 1, columnAt(left + width - rowHeaderWidth) + 1);
    const bold = options.boldRows?.get(workbook.sheetName(sheet()));
    const range = selectedRange();

    let n = 0;
    for (let row = firstRow; row <= lastRow; row++) {
      const views: CellView[] = [];
      for (let column = firstColumn; column <= lastColumn; column++)
        views.push(workbook.cell(sheet(), row, column));
      // Text runs on over empty neighbours, as in Excel: no gridline where it runs.
      let runsTo = -1;
      views.forEach((view, i) => {
        const column = firstColumn + i;
        const node = pooled(cellPool, cellsLayer, n++);
        const isError = view.error !== null;
        const text = isError
          ? (view.error?.code ?? "")
          : formatValue(view.value, view.numberFormat);
        const left = cellLeft(column);
        const right = cellLeft(column + 1);
        const isText = typeof view.value === "string" && !isError && text !== "";
        if (isText) runsTo = left + textWidth(text) + 8;
        else if (text !== "") runsTo = -1;
        const next = views[i + 1];
        const nextIsEmpty = next !== undefined && isEmptyView(next);
        let className = `cell ${alignment(view.value, isError)}`;
        if (text !== "") className += " filled";
        if (isError) className += " error";
        if (isText) className += " text";
        if (runsTo > right && nextIsEmpty) className += " runs-on";
        if (bold?.has(row)) className += " bold";
        node.className = className;
        node.style.left = `${left}px`;
        node.style.top = `${cellTop(row)}px`;
        node.style.width = `${right - left}px`;
        node.style.background = workbook.colorAt(sheet(), row, column) ?? "";
        node.textContent = text;
        node.dataset["row"] = String(row);
        node.dataset["column"] = String(column);
        node.title = isError ? errorText(view.error) : "";
      });
    }
    hideFrom(cellPool, n);

    // Headers follow the scroll: column letters along the top, row numbers down the left.
    n = 0;
    for (let column = firstColumn; column <= lastColumn; column++) {
      const node = pooled(columnHeaderPool, columnHeaders, n++);
      node.className = `column-header${column >= range.column && column < range.column + range.columnCount ? " selected" : ""}`;
      node.style.left = `${cellLeft(column)}px`;
      node.style.width = `${workbook.columnWidth(sheet(), column)}px`;
      node.textContent = localAddress({ row: 0, column, rowCount: 1, columnCount: 1 }).replace(
        /\d+$/,
        ""
      );
      node.dataset["column"] = String(column);
    }
    hideFrom(columnHeaderPool, n);
    n = 0;
    for (let row = firstRow; row <= lastRow; row++) {
      const node = pooled(rowHeaderPool, rowHeaders, n++);
      node.className = `row-header${row >= range.row && row < range.row + range.rowCount ? " selected" : ""}`;
      node.style.top = `${cellTop(row)}px`;
      node.style.width = `${rowHeaderWidth}px`;
      node.textContent = String(row + 1);
      node.dataset["row"] = String(row);
    }
    hideFrom(rowHeaderPool, n);
    columnHeaders.style.top = `${top}px`;
    rowHeaders.style.left = `${left}px`;
    corner.style.top = `${top}px`;
    corner.style.left = `${left}px`;
    corner.style.width = `${rowHeaderWidth}px`;

    // The selection and the active cell.
    const selectionRows = Math.min(range.rowCount, rowCount - range.row);
    const selectionColumns = Math.min(range.columnCount, columnCount - range.column);
    place(selectionBox, range.row, range.column, selectionRows, selectionColumns);
    selectionBox.hidden = range.rowCount === 1 && range.columnCount === 1;
    const cursor = active();
    place(activeBox, cursor.row, cursor.column, 1, 1);
    if (editing) place(editor, editing.row, editing.column, 1, 1, true);
  }

  function place(
    node: HTMLElement,
    row: number,
    column: number,
    rows: number,
    columns: number,
    grow = false
  ): void {
    const x = cellLeft(column);
    const y = cellTop(row);
    const width = cellLeft(column + columns) - x;
    node.style.left = `${x}px`;
    node.style.top = `${y}px`;
    node.style.height = `${rows * ROW_HEIGHT}px`;
    node.style[grow ? "minWidth" : "width"] = `${width}px`;
  }

  function renderCharts(): void {
    const charts = workbook.chartsOn(sheet());
    chartsLayer.replaceChildren(
      ...charts.map((chart) => {
        const frame = make("div", "grid-chart");
        const left = cellLeft(chart.topLeft.column);
        const top = cellTop(chart.topLeft.row);
        const width = Math.max(120, cellLeft(chart.bottomRight.column + 1) - left);
        const height = Math.max(90, cellTop(chart.bottomRight.row + 1) - top);
        Object.assign(frame.style, {
          left: `${left}px`,
          top: `${top}px`,
          width: `${width}px`,
          height: `${height}px`,
        });
        frame.dataset["kind"] = chart.drawn;
        const data = chartData(
          workbook.values(chart.source),
          chart.hideFirstSeries ? "columns" : chart.request.seriesBy
        );
        frame.append(
          drawChart(doc, chart.drawn, data, {
            title: chart.request.title,
            width: width - 2,
            height: height - 2,
            hideFirstSeries: chart.hideFirstSeries,
          })
        );
        return frame;
      })
    );
  }

  function renderTabs(): void {
    tabs.replaceChildren(
      ...workbook.sheetNames().map((name) => {
        const tab = make("button", "sheet-tab", name);
        tab.type = "button";
        const id = workbook.sheetId(name);
        tab.dataset["sheet"] = name;
        if (id === sheet()) {
          tab.classList.add("active");
          tab.setAttribute("aria-current", "page");
        }
        tab.addEventListener("click", () => {
          commit();
          if (id !== sheet()) workbook.activate(id);
          scroller.focus();
        });
        return tab;
      })
    );
  }

  /** The formula bar, the name box and the message line, for the active cell. */
  function renderBar(): void {
    const range = selectedRange();
    if (doc.activeElement !== nameBox) nameBox.value = localAddress(range);
    const cursor = active();
    const view = workbook.cell(sheet(), cursor.row, cursor.column);
    if (!editing) formulaInput.value = view.input;
    message.textContent = view.error ? errorText(view.error) : "";
    message.classList.toggle("shown", view.error !== null);
  }

  function errorText(error: { readonly code: string; readonly message: string } | null): string {
    if (!error) return "";
    return `${error.code}  ${error.message || ERROR_TITLES[error.code] || ""}`.trim();
  }

  function switchedSheet(): void {
    scrollBySheet.set(shownSheet, { top: scroller.scrollTop, left: scroller.scrollLeft });
    shownSheet = sheet();
    const selection = workbook.selection;
    anchor = { row: selection.row, column: selection.column };
    focus = anchor;
    mode = "cells";
    layout();
    const saved = scrollBySheet.get(shownSheet) ?? { top: 0, left: 0 };
    scroller.scrollTop = saved.top;
    scroller.scrollLeft = saved.left;
    renderTabs();
    renderCharts();
  }

  let frame = 0;
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
      renderBar();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Moving the selection.

  function select(next: Cursor, extend: boolean, selectionMode: SelectionMode = "cells"): void {
    const clamp = (cursor: Cursor): Cursor => ({
      row: Math.max(0, Math.min(MAX_ROWS - 1, cursor.row)),
      column: Math.max(0, Math.min(MAX_COLUMNS - 1, cursor.column)),
    });
    if (extend && selectionMode === mode) {
      focus = clamp(next);
    } else {
      mode = selectionMode;
      anchor = clamp(next);
      focus = anchor;
    }
    workbook.select(selectedRange());
    scrollIntoView(focus);
    render();
    renderBar();
  }

  function scrollIntoView(cursor: Cursor): void {
    layout();
    if (mode !== "columns") {
      const top = cursor.row * ROW_HEIGHT;
      const visible = scroller.clientHeight - HEADER_HEIGHT - ROW_HEIGHT;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top > scroller.scrollTop + visible) scroller.scrollTop = top - visible;
    }
    if (mode !== "rows") {
      const left = columnLefts[cursor.column] as number;
      const right = columnLefts[cursor.column + 1] as number;
      const visible = scroller.clientWidth - rowHeaderWidth;
      if (left < scroller.scrollLeft) scroller.scrollLeft = left;
      else if (right > scroller.scrollLeft + visible) scroller.scrollLeft = right - visible;
    }
  }

  const pageRows = () =>
    Math.max(1, Math.floor((scroller.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  /** Ctrl+arrow: to the edge of the block of filled cells, as Excel jumps. */
  function jump(from: Cursor, rowStep: number, columnStep: number): Cursor {
    const size = workbook.sheetSize(sheet());
    const filled = (cursor: Cursor) =>
      !workbook.engine.isCellEmpty({ sheet: sheet(), row: cursor.row, col: cursor.column });
    const inside = (cursor: Cursor) =>
      cursor.row >= 0 &&
      cursor.column >= 0 &&
      cursor.row < Math.max(size.rows, 1) &&
      cursor.column < Math.max(size.columns, 1);
    const step = (cursor: Cursor): Cursor => ({
      row: cursor.row + rowStep,
      column: cursor.column + columnStep,
    });
    let next = step(from);
    if (!inside(next))
      return {
        row: rowStep > 0 ? Math.max(from.row, size.rows - 1) : rowStep < 0 ? 0 : from.row,
        column:
          columnStep > 0
            ? Math.max(from.column, size.columns - 1)
            : columnStep < 0
              ? 0
              : from.column,
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

  // ---------------------------------------------------------------------------------------------
  // Editing.

  function startEditing(
    editMode: Editing["mode"],
    initial?: string,
    focusTarget: "cell" | "bar" = "cell"
  ): void {
    const cursor = active();
    const view = workbook.cell(sheet(), cursor.row, cursor.column);
    editing = {
      sheet: sheet(),
      row: cursor.row,
      column: cursor.column,
      original: view.input,
      mode: editMode,
    };
    const text = initial ?? view.input;
    editor.value = text;
    formulaInput.value = text;
    editor.hidden = false;
    place(editor, cursor.row, cursor.column, 1, 1, true);
    if (focusTarget === "cell") {
      editor.focus();
      editor.setSelectionRange(text.length, text.length);
    }
  }

  /** Enters the edit into the workbook (unless nothing changed); the typed text is never dropped. */
  function commit(): void {
    if (!editing) return;
    const done = editing;
    const text = doc.activeElement === formulaInput ? formulaInput.value : editor.value;
    editing = null;
    editor.hidden = true;
    if (text !== done.original) workbook.enter(done.sheet, done.row, done.column, text);
    render();
    renderBar();
  }

  function cancel(): void {
    if (!editing) return;
    editing = null;
    editor.hidden = true;
    renderBar();
    scroller.focus();
  }

  function commitAndMove(rowStep: number, columnStep: number): void {
    const cursor = active();
    commit();
    select({ row: cursor.row + rowStep, column: cursor.column + columnStep }, false);
    scroller.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Events.

  scroller.addEventListener("scroll", () => render());
  new ResizeObserver(() => render()).observe(scroller);

  function cellFromEvent(event: MouseEvent): Cursor {
    const box = scroller.getBoundingClientRect();
    const x = event.clientX - box.left + scroller.scrollLeft - rowHeaderWidth;
    const y = event.clientY - box.top + scroller.scrollTop - HEADER_HEIGHT;
    return { row: Math.max(0, Math.floor(y / ROW_HEIGHT)), column: columnAt(Math.max(0, x)) };
  }

  scroller.addEventListener("mousedown", (event) => {
    if (event.button !== 0 || event.target === editor) return;
    const target = event.target as HTMLElement;
    if (editing) commit();
    event.preventDefault();
    scroller.focus();
    const header = target.closest<HTMLElement>(".column-header, .row-header");
    if (header?.dataset["column"] !== undefined) {
      select({ row: 0, column: Number(header.dataset["column"]) }, event.shiftKey, "columns");
    } else if (header?.dataset["row"] !== undefined) {
      select({ row: Number(header.dataset["row"]), column: 0 }, event.shiftKey, "rows");
    } else if (target === corner) {
      return;
    } else {
      select(cellFromEvent(event), event.shiftKey);
    }
    dragging = true;
  });
  doc.addEventListener("mousemove", (event) => {
    if (!dragging || editing) return;
    const cell = cellFromEvent(event);
    const next =
      mode === "columns"
        ? { row: 0, column: cell.column }
        : mode === "rows"
          ? { row: cell.row, column: 0 }
          : cell;
    if (next.row !== focus.row || next.column !== focus.column) select(next, true, mode);
  });
  doc.addEventListener("mouseup", () => {
    dragging = false;
  });
  scroller.addEventListener("dblclick", (event) => {
    if ((event.target as HTMLElement).closest(".column-header, .row-header, .grid-chart")) return;
    startEditing("edit");
  });

  scroller.addEventListener("keydown", (event) => {
    if (event.target !== scroller) return;
    const cursor = active();
    const ctrl = event.ctrlKey || event.metaKey;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const from = event.shiftKey ? focus : cursor;
      const next = ctrl
        ? jump(from, move[0], move[1])
        : { row: from.row + move[0], column: from.column + move[1] };
      select(next, event.shiftKey, event.shiftKey ? mode : "cells");
      return;
    }
    switch (event.key) {
      case "Enter":
        event.preventDefault();
        select({ row: cursor.row + (event.shiftKey ? -1 : 1), column: cursor.column }, false);
        return;
      case "Tab":
        event.preventDefault();
        select({ row: cursor.row, column: cursor.column + (event.shiftKey ? -1 : 1) }, false);
        return;
      case "F2":
        event.preventDefault();
        startEditing("edit");
        return;
      case "PageDown":
      case "PageUp":
        event.preventDefault();
        select(
          {
            row: cursor.row + (event.key === "PageDown" ? pageRows() : -pageRows()),
            column: cursor.column,
          },
          false
        );
        return;
      case "Home":
        event.preventDefault();
        select({ row: ctrl ? 0 : cursor.row, column: 0 }, false);
        return;
      case "Delete":
      case "Backspace":
        event.preventDefault();
        workbook.clear({ sheet: sheet(), ...selectedRange() });
        return;
      case "Escape":
        return;
    }
    if (ctrl && event.key.toLowerCase() === "c") {
      event.preventDefault();
      void copySelection();
      return;
    }
    if (ctrl && event.key.toLowerCase() === "a") {
      event.preventDefault();
      anchor = { row: 0, column: 0 };
      focus = {
        row: Math.max(0, workbook.sheetSize(sheet()).rows - 1),
        column: Math.max(0, workbook.sheetSize(sheet()).columns - 1),
      };
      mode = "cells";
      workbook.select(selectedRange());
      render();
      renderBar();
      return;
    }
    if (event.key.length === 1 && !ctrl && !event.altKey) {
      // Typing on a selected cell replaces its content, as in Excel.
      event.preventDefault();
      startEditing("enter", event.key);
    }
  });

  /** Ctrl+C: the selected values as tab-separated text (formatted as shown). */
  async function copySelection(): Promise<void> {
    const range = selectedRange();
    const size = workbook.sheetSize(sheet());
    const rows = Math.min(range.rowCount, Math.max(0, size.rows - range.row));
    const columns = Math.min(range.columnCount, Math.max(0, size.columns - range.column));
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < columns; c++) {
        const view = workbook.cell(sheet(), range.row + r, range.column + c);
        cells.push(view.error ? view.error.code : formatValue(view.value, view.numberFormat));
      }
      lines.push(cells.join("\t"));
    }
    try {
      await navigator.clipboard.writeText(lines.join("\n"));
    } catch {
      // The clipboard needs permission the page may not have; copying is a convenience only.
    }
  }

  function editorKeys(event: KeyboardEvent, source: HTMLInputElement): void {
    if (!editing) {
      if (source === formulaInput && event.key.length === 1) startEditing("edit", undefined, "bar");
      else if (source === formulaInput && event.key === "Enter") event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      commitAndMove(event.shiftKey ? -1 : 1, 0);
    } else if (event.key === "Tab") {
      event.preventDefault();
      commitAndMove(0, event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (source === editor && editing.mode === "enter" && event.key.startsWith("Arrow")) {
      event.preventDefault();
      const steps: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      const [rowStep, columnStep] = steps[event.key] ?? [0, 0];
      commitAndMove(rowStep, columnStep);
    } else if (event.key === "F2" && editing) {
      editing.mode = "edit";
    }
  }

  editor.addEventListener("keydown", (event) => editorKeys(event, editor));
  formulaInput.addEventListener("keydown", (event) => editorKeys(event, formulaInput));
  editor.addEventListener("input", () => {
    formulaInput.value = editor.value;
  });
  formulaInput.addEventListener("input", () => {
    if (!editing) startEditing("edit", formulaInput.value, "bar");
    editor.value = formulaInput.value;
  });
  formulaInput.addEventListener("focus", () => {
    if (!editing) startEditing("edit", undefined, "bar");
  });
  const blurCommits = (event: FocusEvent) => {
    // Moving between the cell editor and the formula bar continues the same edit.
    if (event.relatedTarget === editor || event.relatedTarget === formulaInput) return;
    if (editing) commit();
  };
  editor.addEventListener("blur", blurCommits);
  formulaInput.addEventListener("blur", blurCommits);

  nameBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      nameBox.blur();
      renderBar();
      scroller.focus();
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    try {
      const { sheetName, local } = splitSheetAddress(nameBox.value);
      if (sheetName !== null) workbook.activate(workbook.sheetId(sheetName));
      render();
      const range = parseRangeAddress(local);
      mode = "cells";
      anchor = { row: range.row, column: range.column };
      focus = { row: range.row + range.rowCount - 1, column: range.column + range.columnCount - 1 };
      workbook.select(selectedRange());
      scrollIntoView(anchor);
      render();
      scroller.focus();
      renderBar();
      scroller.focus();
    } catch {
      nameBox.classList.add("invalid");
      setTimeout(() => nameBox.classList.remove("invalid"), 600);
    }
  });

  workbook.onChange((change) => {
    if (change.kind === "sheets") renderTabs();
    if (change.kind === "active") {
      if (editing) commit(); // a sheet shown by the pane mid-edit: keep what was typed
      render();
      renderBar();
      return;
    }
    if (change.kind === "charts" || change.kind === "cells" || change.kind === "formats") {
      if (workbook.chartsOn(sheet()).length > 0 || change.kind === "charts") renderCharts();
    }
    if (change.kind !== "selection") schedule();
  });

  const style = getComputedStyle(scroller);
  gridFont = `${style.fontSize} ${style.fontFamily}`;
  layout();
  renderTabs();
  renderCharts();
  render();
  renderBar();
  return {
    render: () => {
      render();
      renderBar();
    },
    focus: () => scroller.focus(),
  };
}
