/**
 * The playground's spreadsheet model: the workbook that stands in for Excel. HyperFormula
 * (GPL-3.0, playground and tests only) holds and computes the cells; this object adds what Excel
 * keeps besides cells (number formats, colour scales, charts, column widths, the active sheet,
 * the selection, document settings), keeps what the user typed when the engine refuses it, and
 * re-sizes spills as Excel would. The grid draws from it; the task pane reaches it through the
 * playground's WorkbookPort (src/workbook/playground.ts), which sees only InBrowserWorkbook.
 */
import type { HyperFormula } from "hyperformula";
import type {
  CellsAt,
  FormatRule,
  InBrowserWorkbook,
  PlacedChart,
  SheetRange,
} from "../../workbook/inBrowserWorkbook";
import type { CellValue, ColorScaleRule, PrintLayout } from "../../workbook/port";
import { impliedFormat, portValue } from "./cellContent";
import { Cells, type StoredCell } from "./cells";
import type { CellView } from "./cellView";
import {
  type CellStyle,
  Decorations,
  NO_DECORATIONS,
  type PlacedStyle,
  type SheetDecorations,
} from "./decorations";
import { spillSize } from "./spillReferences";
import type { BuildContents, SheetSnapshot } from "./building";
export type { BuildContents, PlaygroundSheet, SheetSnapshot } from "./building";
import { Edits } from "./edits";
import type { ReadOptions } from "./typedValues";
import { DocumentSettings, type SettingsStorage } from "./settings";
import { usedRange } from "./usedRange";

export type { CellView } from "./cellView";

/** What changed, for the grid to redraw. */
export type PlaygroundChange =
  | { readonly kind: "cells"; readonly sheet: number }
  | { readonly kind: "sheets" }
  | { readonly kind: "formats"; readonly sheet: number }
  | { readonly kind: "charts"; readonly sheet: number }
  | { readonly kind: "active"; readonly sheet: number }
  | { readonly kind: "selection" }
  | { readonly kind: "history" };

export interface SpreadsheetOptions {
  /** Where document settings persist (localStorage in the page); memory only when absent. */
  readonly storage?: SettingsStorage | null;
  /** Names the workbook in the storage, so two sample workbooks keep separate settings. */
  readonly workbookId?: string;
}

/** An error the way Excel's API reports a missing sheet (code ItemNotFound). */
function itemNotFound(sheetName: string): Error {
  return Object.assign(new Error(`There is no sheet named "${sheetName}" in the workbook.`), {
    code: "ItemNotFound",
  });
}

export class Spreadsheet implements InBrowserWorkbook {
  readonly engine: HyperFormula;
  protected readonly decorations = new Decorations();
  protected readonly cells: Cells;
  private readonly edits: Edits;
  private readonly settings: DocumentSettings;
  /** How typed dates are read: month first (1/2/2024 is 2 January) unless set day first. */
  get readOptions(): ReadOptions {
    return this.edits.readOptions;
  }

  set readOptions(options: ReadOptions) {
    this.edits.readOptions = options;
  }
  private readonly listeners = new Set<(change: PlaygroundChange) => void>();
  private active = 0;
  private selected: SheetRange = { sheet: 0, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Bumped on every change of cells, for caches. */
  private version = 0;

  constructor(engine: HyperFormula, options: SpreadsheetOptions = {}) {
    this.engine = engine;
    this.cells = new Cells(engine);
    this.edits = new Edits(this, this.cells, this.decorations, (change) => {
      this.changed(change);
      this.emit({ kind: "history" });
    });
    this.settings = new DocumentSettings(options.storage ?? null, options.workbookId ?? "workbook");
  }

  /** Tracks the formulas a workbook was built with, writes the deferred ones, sizes the spills. */
  protected adopt({ formulas, later }: Omit<BuildContents, "contents">): void {
    this.cells.adopt(
      formulas.map(({ name, row, col }) => ({ sheet: this.sheetId(name), row, col }))
    );
    for (const { name, row, col, cell } of later)
      this.cells.write(this.sheetId(name), row, col, [[cell]]);
    this.cells.settle();
  }

  // -------------------------------------------------------------------------------------------
  // Sheets, the active sheet and the selection.

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: (change: PlaygroundChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  sheetId(name: string): number {
    const sheet = this.engine.getSheetId(name);
    if (sheet === undefined) throw itemNotFound(name);
    return sheet;
  }

  nameOfSheet(sheet: number): string | undefined {
    return this.engine.getSheetName(sheet);
  }

  sheetName(sheet: number): string {
    const name = this.engine.getSheetName(sheet);
    if (name === undefined) throw new Error(`There is no sheet ${sheet} in the workbook.`);
    return name;
  }

  get activeSheet(): number {
    return this.active;
  }

  get selection(): SheetRange {
    return this.selected;
  }

  /** Shows any sheet (a tab click); the selection moves to its first cell. */
  activate(sheet: number): void {
    this.sheetName(sheet);
    this.active = sheet;
    this.selected = { sheet, row: 0, column: 0, rowCount: 1, columnCount: 1 };
    this.emit({ kind: "active", sheet });
  }

  /** Sets the selection (on the active sheet), as the grid reports it. */
  select(range: Omit<SheetRange, "sheet">, sheet = this.active): void {
    if (sheet !== this.active) this.activate(sheet);
    this.selected = { sheet: this.active, ...range };
    this.emit({ kind: "selection" });
  }

  /** The rows and columns the sheet's cells reach (0 × 0 for an empty sheet). */
  sheetSize(sheet: number): { readonly rows: number; readonly columns: number } {
    const { width, height } = this.engine.getSheetDimensions(sheet);
    return { rows: height, columns: width };
  }

  /** Whether a cell holds nothing (no value, no formula, not part of a spill). */
  isEmpty(sheet: number, row: number, column: number): boolean {
    return this.engine.isCellEmpty({ sheet, row, col: column });
  }

  appendSheet(name: string): number {
    const added = this.engine.addSheet(name);
    const sheet = this.sheetId(added);
    this.emit({ kind: "sheets" });
    return sheet;
  }

  removeSheet(sheet: number): void {
    this.engine.removeSheet(sheet);
    this.cells.forgetSheet(sheet);
    this.decorations.forget(sheet);
    if (this.active === sheet) {
      const first = this.sheetNames()[0];
      if (first !== undefined) this.activate(this.sheetId(first));
    }
    this.emit({ kind: "sheets" });
  }

  // -------------------------------------------------------------------------------------------
  // Cells.

  cell(sheet: number, row: number, column: number): CellView {
    return this.cells.view(sheet, row, column, this.numberFormatAt(sheet, row, column));
  }

  /**
   * Enters what the user typed into a cell, as Excel does: a formula, a number or a date in the
   * format it was typed in ($1,200, 12%, 2024-01-15), a logical value, or text. Never loses the
   * text: a formula the engine cannot read stays in the cell as typed, showing its error, and
   * anything the engine refuses outright is kept as text with the reason. One step of undo.
   */
  enter(sheet: number, row: number, column: number, text: string): void {
    this.edits.paste(sheet, row, column, [[text]]);
  }

  /** Enters rows of text from a cell on, each cell read as if typed (a paste). One step of undo. */
  paste(sheet: number, row: number, column: number, rows: readonly (readonly string[])[]): void {
    this.edits.paste(sheet, row, column, rows);
  }

  /** Clears the cells of a range (the Delete key); their formats stay, as in Excel. */
  clear(range: SheetRange): void {
    this.edits.clear(range);
  }

  /** Applies a number format to a range chosen by the user (the format control). */
  formatRange(range: SheetRange, format: string): void {
    this.edits.formatRange(range, format);
  }

  get canUndo(): boolean {
    return this.edits.history.canUndo;
  }

  get canRedo(): boolean {
    return this.edits.history.canRedo;
  }

  /** Takes back the last edit; false when there is none. */
  undo(): boolean {
    return this.edits.undo();
  }

  /** Makes the last undone edit again; false when there is none. */
  redo(): boolean {
    return this.edits.redo();
  }

  setCells(sheet: number, blocks: readonly CellsAt[]): void {
    // The pane's cells: text stays text. Everything is checked before the first cell is written.
    for (const block of blocks)
      for (const cells of block.cells)
        for (const cell of cells)
          if (typeof cell === "number" && !Number.isFinite(cell))
            throw new Error(
              `${String(cell)} cannot be written to a cell; write a formula such as =NA() or a blank instead.`
            );
    for (const block of blocks) this.cells.write(sheet, block.row, block.column, block.cells);
    this.cells.settle();
    this.changed({ kind: "cells", sheet });
  }

  usedRange(sheet: number): SheetRange | null {
    return usedRange(this.engine, sheet);
  }

  /** The values of a rectangle as the port reads them. */
  values(range: SheetRange): CellValue[][] {
    return this.rawValues(range).map((row) => row.map(portValue));
  }

  private rawValues(range: SheetRange): unknown[][] {
    if (range.rowCount <= 0 || range.columnCount <= 0) return [];
    return this.engine.getRangeValues({
      start: { sheet: range.sheet, row: range.row, col: range.column },
      end: {
        sheet: range.sheet,
        row: range.row + range.rowCount - 1,
        col: range.column + range.columnCount - 1,
      },
    });
  }

  /** Computes every formula again (after the display language changes the functions' messages). */
  recalculate(): void {
    this.cells.recalculate();
    this.changed({ kind: "cells", sheet: this.active });
  }

  // -------------------------------------------------------------------------------------------
  // Formats, colour scales, charts, column widths.

  applyFormats(sheet: number, rules: readonly FormatRule[]): void {
    this.decorations.addFormats(
      sheet,
      rules.map((rule) => ({ range: rule.range, format: rule.format }))
    );
    this.emit({ kind: "formats", sheet });
  }

  /** The number format of a cell: the last rule covering it, else what its typed value implies. */
  numberFormatAt(sheet: number, row: number, column: number): string | null {
    return (
      this.decorations.formatAt(sheet, row, column) ??
      impliedFormat(this.engine.getCellValueDetailedType({ sheet, row, col: column }))
    );
  }

  applyColorScale(sheet: number, range: SheetRange, rule: ColorScaleRule): void {
    this.decorations.addColorScale(sheet, { range, rule });
    this.emit({ kind: "formats", sheet });
  }

  /** The colour-scale fill of a cell ("#rrggbb"), if a scale covers it and it holds a number. */
  colorAt(sheet: number, row: number, column: number): string | null {
    if (!this.decorations.hasColorScales(sheet)) return null;
    const value: unknown = this.engine.getCellValue({ sheet, row, col: column });
    return this.decorations.colorAt(
      sheet,
      row,
      column,
      value,
      (range) => this.rawValues(range),
      this.version
    );
  }

  placeChart(sheet: number, chart: PlacedChart): void {
    this.decorations.addChart(sheet, chart);
    this.emit({ kind: "charts", sheet });
  }

  chartsOn(sheet: number): readonly PlacedChart[] {
    return this.decorations.charts(sheet);
  }

  /** Rows drawn in bold on a sheet. */
  boldRows(sheet: number): readonly number[] {
    return this.decorations.boldRows(sheet);
  }

  setBoldRows(sheet: number, rows: readonly number[]): void {
    this.decorations.setBoldRows(sheet, rows);
    this.emit({ kind: "formats", sheet });
  }

  /** The size of the spill of a formula cell (1 × 1 for a formula of one value). */
  spillSize(sheet: number, row: number, column: number): { width: number; height: number } {
    return spillSize(this.engine, { sheet, row, col: column });
  }

  /** Replaces a sheet's decorations (a restored or imported sheet). */
  restoreDecorations(sheet: number, decorations: SheetDecorations): void {
    this.decorations.set(sheet, decorations);
    this.emit({ kind: "formats", sheet });
  }

  /** Every cell of a sheet as the workbook keeps it, with its decorations: what is kept and exported. */
  snapshotSheet(sheet: number): SheetSnapshot {
    return {
      name: this.sheetName(sheet),
      rows: this.cells.readSheet(sheet),
      decorations: this.decorations.of(sheet),
    };
  }

  /**
   * Adds a sheet holding `rows` (imported data: values, no formulas unless given as such) under
   * a name derived from `wanted` that no sheet has; returns the sheet's id.
   */
  addFilledSheet(
    name: string,
    rows: readonly (readonly StoredCell[])[],
    decorations?: Partial<SheetDecorations>
  ): number {
    const sheet = this.sheetId(this.engine.addSheet(name));
    const width = Math.max(0, ...rows.map((cells) => cells.length));
    const rectangle = rows.map((cells) =>
      cells.length === width
        ? cells
        : [...cells, ...new Array<StoredCell>(width - cells.length).fill(null)]
    );
    if (width > 0) this.cells.write(sheet, 0, 0, rectangle);
    this.decorations.set(sheet, { ...NO_DECORATIONS, ...decorations });
    this.cells.settle();
    this.changed({ kind: "cells", sheet });
    this.emit({ kind: "sheets" });
    return sheet;
  }

  columnWidth(sheet: number, column: number): number {
    return this.decorations.columnWidth(sheet, column);
  }

  /** Widths of some columns, in pixels (the pane's, converted from points by the port). */
  setColumnPixelsAt(sheet: number, widths: readonly { column: number; pixels: number }[]): void {
    this.decorations.setColumnWidthsAt(sheet, widths);
    this.emit({ kind: "formats", sheet });
  }

  applyCellStyles(sheet: number, styles: readonly PlacedStyle[]): void {
    this.decorations.addCellStyles(sheet, styles);
    this.emit({ kind: "formats", sheet });
  }

  styleAt(sheet: number, row: number, column: number): CellStyle | null {
    return this.decorations.styleAt(sheet, row, column);
  }

  keepPrintLayout(sheet: number, layout: PrintLayout): void {
    this.decorations.setPrint(sheet, layout);
  }

  /** Column widths in pixels from column A on (the playground sets them for its sample sheets). */
  setColumnPixels(sheet: number, widths: readonly number[]): void {
    this.decorations.setColumnWidths(sheet, widths);
    this.emit({ kind: "formats", sheet });
  }

  // -------------------------------------------------------------------------------------------
  // Document settings.

  readSetting(key: string): string | null {
    return this.settings.read(key);
  }

  writeSetting(key: string, text: string): void {
    this.settings.write(key, text);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers.

  protected changed(change: PlaygroundChange): void {
    this.version++;
    this.emit(change);
  }

  protected emit(change: PlaygroundChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
