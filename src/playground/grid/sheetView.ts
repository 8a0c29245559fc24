/**
 * The grid's drawing: row and column headers and the cells in view, from pools of elements reused
 * as the sheet scrolls, so a 100,000-row sheet scrolls as lightly as a small one. Text runs on over
 * empty neighbours as in Excel. All text goes into the page as text nodes.
 */
import type { CellView, Spreadsheet } from "../model/spreadsheet";
import { localAddress } from "../../workbook/playground";
import { alignment, formatValue } from "../format";
import { errorText, type Make } from "./dom";
import { Geometry, HEADER_HEIGHT, ROW_HEIGHT } from "./geometry";
import type { GridSelection, Position } from "./selection";

const isEmptyView = (view: CellView) => view.value === null && view.error === null;

export class SheetView {
  readonly scroller: HTMLDivElement;
  readonly canvas: HTMLDivElement;
  readonly chartsLayer: HTMLDivElement;
  readonly editor: HTMLInputElement;
  readonly corner: HTMLDivElement;
  readonly geometry = new Geometry();
  private readonly cellsLayer: HTMLDivElement;
  private readonly selectionBox: HTMLDivElement;
  private readonly activeBox: HTMLDivElement;
  private readonly columnHeaders: HTMLDivElement;
  private readonly rowHeaders: HTMLDivElement;
  private readonly cellPool: HTMLDivElement[] = [];
  private readonly columnHeaderPool: HTMLDivElement[] = [];
  private readonly rowHeaderPool: HTMLDivElement[] = [];
  private readonly measure: CanvasRenderingContext2D | null;
  /** The font last given to `measure`, as given (the canvas reads it back normalised). */
  private measuredFont = "";
  private gridFont = "13px sans-serif";

  constructor(
    private readonly make: Make,
    private readonly workbook: Spreadsheet,
    private readonly selection: GridSelection
  ) {
    this.scroller = make("div", "grid-scroll");
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-label", "Sheet");
    this.canvas = make("div", "grid-canvas");
    this.cellsLayer = make("div", "grid-cells");
    this.chartsLayer = make("div", "grid-charts");
    this.selectionBox = make("div", "grid-selection");
    this.activeBox = make("div", "grid-active");
    this.columnHeaders = make("div", "grid-column-headers");
    this.rowHeaders = make("div", "grid-row-headers");
    this.corner = make("div", "grid-corner");
    this.editor = make("input", "grid-editor");
    this.editor.setAttribute("aria-label", "Cell editor");
    this.editor.spellcheck = false;
    this.editor.autocomplete = "off";
    this.editor.hidden = true;
    this.canvas.append(
      this.cellsLayer,
      this.chartsLayer,
      this.selectionBox,
      this.activeBox,
      this.editor,
      this.columnHeaders,
      this.rowHeaders,
      this.corner
    );
    this.scroller.append(this.canvas);
    this.measure = this.scroller.ownerDocument.createElement("canvas").getContext("2d");
  }

  /** Reads the grid's font once the view is in the page (for text that runs on). */
  adoptFont(): void {
    const style = getComputedStyle(this.scroller);
    this.gridFont = `${style.fontSize} ${style.fontFamily}`;
  }

  private get sheet(): number {
    return this.workbook.activeSheet;
  }

  /** Sizes the canvas for the active sheet and the cursor. */
  layout(): void {
    const { width, height } = this.geometry.layout(
      this.workbook.sheetSize(this.sheet),
      [this.selection.focus, this.selection.anchor],
      (column) => this.workbook.columnWidth(this.sheet, column)
    );
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  /** Scrolls so that `cursor` is in view (only down or across for whole rows or columns). */
  scrollIntoView(cursor: Position): void {
    this.layout();
    const { scroller, geometry, selection } = this;
    if (selection.mode !== "columns") {
      const top = cursor.row * ROW_HEIGHT;
      const visible = scroller.clientHeight - HEADER_HEIGHT - ROW_HEIGHT;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top > scroller.scrollTop + visible) scroller.scrollTop = top - visible;
    }
    if (selection.mode !== "rows") {
      const left = geometry.columnStart(cursor.column);
      const right = geometry.columnStart(cursor.column + 1);
      const visible = scroller.clientWidth - geometry.rowHeaderWidth;
      if (left < scroller.scrollLeft) scroller.scrollLeft = left;
      else if (right > scroller.scrollLeft + visible) scroller.scrollLeft = right - visible;
    }
  }

  /** Rows in a page (PageUp, PageDown). */
  pageRows(): number {
    return Math.max(1, Math.floor((this.scroller.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  /** The cell under a mouse event. */
  cellAt(event: MouseEvent): Position {
    const box = this.scroller.getBoundingClientRect();
    const x = event.clientX - box.left + this.scroller.scrollLeft - this.geometry.rowHeaderWidth;
    const y = event.clientY - box.top + this.scroller.scrollTop - HEADER_HEIGHT;
    return {
      row: Math.max(0, Math.floor(y / ROW_HEIGHT)),
      column: this.geometry.columnAt(Math.max(0, x)),
    };
  }

  /** Draws the rows and columns in view, the headers, the selection and the open editor's box. */
  render(editing: Position | null): void {
    this.layout();
    const { scroller, geometry, sheet, workbook } = this;
    const top = scroller.scrollTop;
    const left = scroller.scrollLeft;
    const firstRow = Math.max(0, Math.floor(top / ROW_HEIGHT));
    const lastRow = Math.min(
      geometry.rowCount - 1,
      Math.floor((top + scroller.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) + 1
    );
    const firstColumn = geometry.columnAt(Math.max(0, left));
    const lastColumn = Math.min(
      geometry.columnCount - 1,
      geometry.columnAt(left + scroller.clientWidth - geometry.rowHeaderWidth) + 1
    );
    const bold = new Set(workbook.boldRows(sheet));
    const range = this.selection.range();

    let n = 0;
    for (let row = firstRow; row <= lastRow; row++) {
      const views: CellView[] = [];
      for (let column = firstColumn; column <= lastColumn; column++)
        views.push(workbook.cell(sheet, row, column));
      // Text runs on over empty neighbours, as in Excel: no gridline where it runs.
      let runsTo = -1;
      views.forEach((view, i) => {
        const column = firstColumn + i;
        const node = this.pooled(this.cellPool, this.cellsLayer, n++);
        const isError = view.error !== null;
        const text = isError
          ? (view.error?.code ?? "")
          : formatValue(view.value, view.numberFormat);
        const cellLeft = geometry.cellLeft(column);
        const right = geometry.cellLeft(column + 1);
        const isText = typeof view.value === "string" && !isError && text !== "";
        // The pane's styles (a board pack's headings): measured in their own font, so a large
        // bold heading runs on as far as it is drawn.
        const style = workbook.styleAt(sheet, row, column);
        if (isText) runsTo = cellLeft + this.textWidth(text, style) + 8;
        else if (text !== "") runsTo = -1;
        const next = views[i + 1];
        const nextIsEmpty = next !== undefined && isEmptyView(next);
        let className = `cell ${alignment(view.value, isError)}`;
        if (text !== "") className += " filled";
        if (isError) className += " error";
        if (isText) className += " text";
        if (runsTo > right && nextIsEmpty) className += " runs-on";
        if (bold.has(row)) className += " bold";
        node.className = className;
        node.style.left = `${cellLeft}px`;
        node.style.top = `${geometry.cellTop(row)}px`;
        node.style.width = `${right - cellLeft}px`;
        // The pane's styles, then a colour scale over them.
        node.style.background = workbook.colorAt(sheet, row, column) ?? style?.fill ?? "";
        node.style.fontWeight = style?.bold ? "600" : "";
        node.style.fontStyle = style?.italic ? "italic" : "";
        node.style.color = style?.color ?? "";
        node.style.fontSize = style?.size === undefined ? "" : `${(style.size * 4) / 3}px`;
        node.style.borderBottom = style?.underline ? `1px solid ${style.underline}` : "";
        node.style.textAlign = style?.align ?? "";
        node.textContent = text;
        node.dataset["row"] = String(row);
        node.dataset["column"] = String(column);
        node.title = isError ? errorText(view.error) : "";
      });
    }
    hideFrom(this.cellPool, n);

    // Headers follow the scroll: column letters along the top, row numbers down the left.
    n = 0;
    for (let column = firstColumn; column <= lastColumn; column++) {
      const node = this.pooled(this.columnHeaderPool, this.columnHeaders, n++);
      const selected = column >= range.column && column < range.column + range.columnCount;
      node.className = `column-header${selected ? " selected" : ""}`;
      node.style.left = `${geometry.cellLeft(column)}px`;
      node.style.width = `${workbook.columnWidth(sheet, column)}px`;
      node.textContent = localAddress({ row: 0, column, rowCount: 1, columnCount: 1 }).replace(
        /\d+$/,
        ""
      );
      node.dataset["column"] = String(column);
    }
    hideFrom(this.columnHeaderPool, n);
    n = 0;
    for (let row = firstRow; row <= lastRow; row++) {
      const node = this.pooled(this.rowHeaderPool, this.rowHeaders, n++);
      const selected = row >= range.row && row < range.row + range.rowCount;
      node.className = `row-header${selected ? " selected" : ""}`;
      node.style.top = `${geometry.cellTop(row)}px`;
      node.style.width = `${geometry.rowHeaderWidth}px`;
      node.textContent = String(row + 1);
      node.dataset["row"] = String(row);
    }
    hideFrom(this.rowHeaderPool, n);
    this.columnHeaders.style.top = `${top}px`;
    this.rowHeaders.style.left = `${left}px`;
    this.corner.style.top = `${top}px`;
    this.corner.style.left = `${left}px`;
    this.corner.style.width = `${geometry.rowHeaderWidth}px`;

    // The selection and the active cell.
    const selectionRows = Math.min(range.rowCount, geometry.rowCount - range.row);
    const selectionColumns = Math.min(range.columnCount, geometry.columnCount - range.column);
    this.place(this.selectionBox, range.row, range.column, selectionRows, selectionColumns);
    this.selectionBox.hidden = range.rowCount === 1 && range.columnCount === 1;
    const cursor = this.selection.active();
    this.place(this.activeBox, cursor.row, cursor.column, 1, 1);
    if (editing) this.place(this.editor, editing.row, editing.column, 1, 1, true);
  }

  /** Puts a box over cells; `grow` lets it widen (the editor, for long text). */
  place(
    node: HTMLElement,
    row: number,
    column: number,
    rows: number,
    columns: number,
    grow = false
  ): void {
    const x = this.geometry.cellLeft(column);
    node.style.left = `${x}px`;
    node.style.top = `${this.geometry.cellTop(row)}px`;
    node.style.height = `${rows * ROW_HEIGHT}px`;
    node.style[grow ? "minWidth" : "width"] = `${this.geometry.cellLeft(column + columns) - x}px`;
  }

  /** Widens the open editor to its text (a long formula), as Excel's does, up to the view's edge. */
  fitEditor(): void {
    const { editor, scroller } = this;
    const room = scroller.scrollLeft + scroller.clientWidth - editor.offsetLeft - 4;
    const wanted = this.textWidth(editor.value) + 16;
    editor.style.width = `${Math.max(0, Math.min(wanted, room))}px`;
  }

  /** The width of a cell's text in the grid's font (an estimate where the canvas is missing). */
  private textWidth(
    text: string,
    style?: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number } | null
  ): number {
    const scale = style?.size === undefined ? 1 : (style.size * 4) / 3 / 13;
    if (!this.measure) return text.length * 7 * scale * (style?.bold ? 1.1 : 1);
    let font = this.gridFont;
    if (style?.size !== undefined) font = font.replace(/^[\d.]+px/, `${(style.size * 4) / 3}px`);
    if (style?.bold) font = `600 ${font}`;
    if (style?.italic) font = `italic ${font}`;
    if (this.measuredFont !== font) {
      this.measure.font = font;
      this.measuredFont = font;
    }
    return this.measure.measureText(text).width;
  }

  private pooled(pool: HTMLDivElement[], parent: HTMLElement, index: number): HTMLDivElement {
    let node = pool[index];
    if (!node) {
      node = this.make("div");
      pool.push(node);
      parent.append(node);
    }
    node.hidden = false;
    return node;
  }
}

function hideFrom(pool: HTMLDivElement[], count: number): void {
  for (let i = count; i < pool.length; i++) (pool[i] as HTMLDivElement).hidden = true;
}
