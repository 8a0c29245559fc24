/**
 * The playground's spreadsheet model: the workbook that stands in for Excel. HyperFormula
 * (GPL-3.0, playground and tests only) holds and computes the cells; this object adds what Excel
 * keeps besides cells (number formats, colour scales, charts, column widths, the active sheet,
 * the selection, document settings), keeps what the user typed when the engine refuses it, and
 * re-sizes spills as Excel would. The grid draws from it; the task pane reaches it through the
 * playground's WorkbookPort (src/workbook/playground.ts), which sees only InBrowserWorkbook.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import type {
  CellsAt,
  FormatRule,
  InBrowserWorkbook,
  PlacedChart,
  SheetRange,
} from "../../workbook/inBrowserWorkbook";
import type { CellInput, CellValue, ColorScaleRule } from "../../workbook/port";
import { type CellAddress, settleSpills } from "../spills";
import { engineContent, engineFormula, impliedFormat, portValue } from "./cellContent";
import { type CellView, type RejectedText, cellView } from "./cellView";
import { Decorations } from "./decorations";
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
  | { readonly kind: "selection" };

export interface SpreadsheetOptions {
  /** Where document settings persist (localStorage in the page); memory only when absent. */
  readonly storage?: SettingsStorage | null;
  /** Names the workbook in the storage, so two sample workbooks keep separate settings. */
  readonly workbookId?: string;
}

/** A sheet to build the workbook with: rows of cells as the port writes them. */
export interface PlaygroundSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellInput[])[];
}

const cellKey = (sheet: number, row: number, column: number): string => `${sheet}:${row}:${column}`;

/** An error the way Excel's API reports a missing sheet (code ItemNotFound). */
function itemNotFound(sheetName: string): Error {
  return Object.assign(new Error(`There is no sheet named "${sheetName}" in the workbook.`), {
    code: "ItemNotFound",
  });
}

export class Spreadsheet implements InBrowserWorkbook {
  readonly engine: HyperFormula;
  private readonly decorations = new Decorations();
  private readonly settings: DocumentSettings;
  /** The formula cells entered, per sheet, so an edit re-checks spills without scanning sheets. */
  private readonly formulaCells = new Map<number, Map<string, CellAddress>>();
  /** Text the engine refused (it threw): kept and shown, so nothing typed is lost. */
  private readonly rejected = new Map<string, RejectedText>();
  private readonly listeners = new Set<(change: PlaygroundChange) => void>();
  private active = 0;
  private selected: SheetRange = { sheet: 0, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Bumped on every change of cells, for caches. */
  private version = 0;

  constructor(engine: HyperFormula, options: SpreadsheetOptions = {}) {
    this.engine = engine;
    this.settings = new DocumentSettings(options.storage ?? null, options.workbookId ?? "workbook");
  }

  /** The engine's contents for `sheets`, and where their formulas are. */
  protected static contentsOf(sheets: readonly PlaygroundSheet[]): {
    contents: Record<string, RawCellContent[][]>;
    formulas: { name: string; row: number; col: number }[];
  } {
    const contents: Record<string, RawCellContent[][]> = {};
    const formulas: { name: string; row: number; col: number }[] = [];
    for (const sheet of sheets) {
      contents[sheet.name] = sheet.rows.map((cells, row) =>
        cells.map((cell, col) => {
          if (cell !== null && typeof cell === "object")
            formulas.push({ name: sheet.name, row, col });
          return engineContent(cell);
        })
      );
    }
    return { contents, formulas };
  }

  /** Tracks the formulas a workbook was built with and sizes their spills. */
  protected adopt(formulas: readonly { name: string; row: number; col: number }[]): void {
    for (const { name, row, col } of formulas)
      this.trackFormula({ sheet: this.sheetId(name), row, col }, true);
    this.settle();
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
  select(range: Omit<SheetRange, "sheet">): void {
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

  // -------------------------------------------------------------------------------------------
  // Cells.

  cell(sheet: number, row: number, column: number): CellView {
    return cellView(
      this.engine,
      { sheet, row, col: column },
      this.rejected.get(cellKey(sheet, row, column)),
      this.numberFormatAt(sheet, row, column)
    );
  }

  /**
   * Enters what the user typed into a cell, as Excel does: a number, a date, a formula or text.
   * Never loses the text: a formula the engine cannot read stays in the cell as typed, showing
   * its error, and anything the engine refuses outright is kept as text with the reason.
   */
  enter(sheet: number, row: number, column: number, text: string): void {
    const address = { sheet, row, col: column };
    const key = cellKey(sheet, row, column);
    this.rejected.delete(key);
    try {
      this.engine.setCellContents(address, text === "" ? null : engineFormula(text));
      this.trackFormula(address, text.startsWith("="));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.rejected.set(key, {
        text,
        message: `The playground's spreadsheet engine could not take this: ${message}`,
      });
      this.trackFormula(address, false);
      try {
        this.engine.setCellContents(address, null);
      } catch {
        // The cell keeps whatever the engine left; the rejected text is shown over it.
      }
    }
    this.settle();
    this.changed({ kind: "cells", sheet });
  }

  /** Clears the cells of a range (the Delete key). */
  clear(range: SheetRange): void {
    const size = this.sheetSize(range.sheet);
    const rows = Math.min(range.rowCount, Math.max(0, size.rows - range.row));
    const columns = Math.min(range.columnCount, Math.max(0, size.columns - range.column));
    if (rows > 0 && columns > 0) {
      const blank: RawCellContent[][] = Array.from({ length: rows }, () =>
        new Array<RawCellContent>(columns).fill(null)
      );
      this.engine.setCellContents({ sheet: range.sheet, row: range.row, col: range.column }, blank);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++) {
          this.rejected.delete(cellKey(range.sheet, range.row + r, range.column + c));
          this.trackFormula(
            { sheet: range.sheet, row: range.row + r, col: range.column + c },
            false
          );
        }
    }
    this.settle();
    this.changed({ kind: "cells", sheet: range.sheet });
  }

  setCells(sheet: number, blocks: readonly CellsAt[]): void {
    // Everything is checked and converted before the first cell is written.
    const pieces = blocks.map((block) => ({
      ...block,
      contents: block.cells.map((cells) => cells.map(engineContent)),
    }));
    this.engine.batch(() => {
      for (const piece of pieces) {
        if (piece.contents.length === 0 || piece.contents[0]?.length === 0) continue;
        this.engine.setCellContents({ sheet, row: piece.row, col: piece.column }, piece.contents);
      }
    });
    for (const piece of pieces) {
      piece.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          this.rejected.delete(cellKey(sheet, piece.row + r, piece.column + c));
          this.trackFormula(
            { sheet, row: piece.row + r, col: piece.column + c },
            cell !== null && typeof cell === "object"
          );
        })
      );
    }
    this.settle();
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

  /**
   * Computes every formula again (after the display language changes the functions' messages).
   * Each formula is entered again rather than the engine rebuilt: a rebuild reads the sheets back
   * with each spill's values as constants, which then block the spills.
   */
  recalculate(): void {
    const cells: CellAddress[] = [];
    for (const sheetCells of this.formulaCells.values()) cells.push(...sheetCells.values());
    this.engine.batch(() => {
      for (const cell of cells) {
        const formula = this.engine.getCellFormula(cell);
        if (formula !== undefined) this.engine.setCellContents(cell, formula);
      }
    });
    this.settle();
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
    if (this.decorations.of(sheet).colorScales.length === 0) return null;
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
    return this.decorations.of(sheet).charts;
  }

  columnWidth(sheet: number, column: number): number {
    return this.decorations.columnWidth(sheet, column);
  }

  /** Column widths in pixels from column A on (the playground sets them for its sample sheets). */
  setColumnWidths(sheet: number, widths: readonly number[]): void {
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

  private trackFormula(address: CellAddress, isFormula: boolean): void {
    const key = cellKey(address.sheet, address.row, address.col);
    let cells = this.formulaCells.get(address.sheet);
    if (isFormula) {
      if (!cells) this.formulaCells.set(address.sheet, (cells = new Map()));
      cells.set(key, address);
    } else {
      cells?.delete(key);
    }
  }

  /** Sizes the spills of the tracked formulas (see settleSpills); an engine failure here must not lose the edit. */
  private settle(): void {
    const cells: CellAddress[] = [];
    for (const sheetCells of this.formulaCells.values()) cells.push(...sheetCells.values());
    try {
      settleSpills(this.engine, cells);
    } catch (error) {
      console.warn("The playground could not resize a spill:", error);
    }
  }

  protected changed(change: PlaygroundChange): void {
    this.version++;
    this.emit(change);
  }

  protected emit(change: PlaygroundChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
