/**
 * The WorkbookPort of the playground: the in-browser workbook (HyperFormula, GPL-3.0, playground
 * and tests only) that stands in for Excel when `npm start` serves the playground page. The task
 * pane runs against it exactly as against excel.ts, and the page's grid draws from it.
 *
 * It keeps excel.ts's promises:
 * - reads go in blocks of rows with progress after each block, cut to the sheet's used range;
 * - writes go only to sheets this object added (by sheet id), and a new sheet never takes an
 *   existing name; text is always written as text, never turned into a number or a formula;
 * - a waterfall is not drawn: like Excel without ExcelApi 1.9, the playground draws the
 *   stacked-column bridge and says so (addChart returns "columnStacked").
 *
 * What Excel keeps in the workbook besides cells (number formats, colour scales, charts, the
 * active sheet, the selection) is kept here as plain data for the grid to draw. Document settings
 * live in memory and, when given a storage, in localStorage per workbook.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { type CellAddress, settleSpills } from "../playground/hyperformulaFunctions";
import {
  quoteSheetName,
  cellAddress,
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  splitSheetAddress,
  uniqueSheetName,
} from "../core/sheet/addresses";
import type {
  CellBlock,
  CellInput,
  CellValue,
  ChartKind,
  ChartRequest,
  ColorScaleRule,
  JsonValue,
  NumberFormatRule,
  RangeInfo,
  ReadOptions,
  SelectionInfo,
  WorkbookPort,
} from "./port";

/** Excel's sheet size, which the playground's engine is configured to as well. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Rows per read block, as excel.ts starts with. */
export const PLAYGROUND_BLOCK_ROWS = 5_000;

/** A rectangle on one sheet, 0-based. */
export interface SheetRange {
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A number format over a rectangle. */
interface FormatRule {
  readonly range: SheetRange;
  readonly format: string;
}

/** A colour scale over a rectangle. */
interface ColorScale {
  readonly range: SheetRange;
  readonly rule: ColorScaleRule;
}

/** A chart placed on a sheet: what was asked, what is drawn, and where. */
export interface PlacedChart {
  readonly request: ChartRequest;
  /** The kind drawn: a waterfall is drawn as a stacked-column bridge. */
  readonly drawn: ChartKind;
  /** The data drawn (the bridge's table for a waterfall that has one). */
  readonly source: SheetRange;
  /** Whether the first series is the bridge's invisible base. */
  readonly hideFirstSeries: boolean;
  readonly topLeft: { readonly row: number; readonly column: number };
  readonly bottomRight: { readonly row: number; readonly column: number };
}

/** A cell as the grid and the formula bar show it. */
export interface CellView {
  /** The value: a number, text or a logical value; null for a blank or an error. */
  readonly value: number | string | boolean | null;
  /** The error the cell shows, with the message Excel would show (may be empty). */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** What the formula bar shows: the formula, or what was typed. */
  readonly input: string;
  /** The formula of the cell (not of a spilled neighbour), if any. */
  readonly formula: string | null;
  /** The number format that applies: an explicit one, else one implied by what was typed (10%, a date). */
  readonly numberFormat: string | null;
}

/** What changed, for the grid to redraw. */
export type PlaygroundChange =
  | { readonly kind: "cells"; readonly sheet: number }
  | { readonly kind: "sheets" }
  | { readonly kind: "formats"; readonly sheet: number }
  | { readonly kind: "charts"; readonly sheet: number }
  | { readonly kind: "active"; readonly sheet: number }
  | { readonly kind: "selection" };

export interface PlaygroundWorkbookOptions {
  /** Rows per read block (default 5,000). */
  readonly blockRows?: number;
  /** Where document settings persist (localStorage in the page); memory only when absent. */
  readonly storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** Names the workbook in the storage, so two sample workbooks keep separate settings. */
  readonly workbookId?: string;
}

/** A sheet to build the workbook with: rows of cells as the port writes them. */
export interface PlaygroundSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellInput[])[];
}

const STORAGE_PREFIX = "retentionMetricsPlayground:";
const DEFAULT_COLUMN_WIDTH = 96;

/**
 * A cell as the engine takes it. Text gets a leading apostrophe only where the engine would
 * otherwise read it as something else (a number, a date, a logical value, an error, a formula),
 * as Excel's quote prefix does; plain words are stored as they are.
 *
 * @example
 * engineContent("2024-01")            // "'2024-01"
 * engineContent("Acme")               // "Acme"
 * engineContent({ formula: "SUM(A1:A3)" }) // "=SUM(A1:A3)"
 */
export function engineContent(cell: CellInput): RawCellContent {
  if (cell === null) return null;
  if (typeof cell === "object")
    return engineFormula(cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      throw new Error(
        `${String(cell)} cannot be written to a cell; write a formula such as =NA() or a blank instead.`
      );
    return cell;
  }
  if (typeof cell === "boolean") return cell;
  if (cell === "") return null;
  const plainWords = /^\p{L}/u.test(cell) && !/^(true|false)$/i.test(cell.trim());
  return plainWords ? cell : `'${cell}`;
}

/**
 * A formula as typed in Excel, in the form the engine reads: HyperFormula only knows a lower-case
 * exponent in a number ("1e6"), Excel writes "1E+6". Text in quotes and quoted sheet names are
 * left alone.
 *
 * @example
 * engineFormula("=SAAS.NRR.PARTS(100E6,20E6,-5E6,5E6)") // "=SAAS.NRR.PARTS(100e6,20e6,-5e6,5e6)"
 */
export function engineFormula(formula: string): string {
  if (!formula.startsWith("=")) return formula;
  // Split into quoted parts ("text", 'Sheet name') and the rest; only the rest is rewritten.
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g,
    (part, quoted: string | undefined) =>
      quoted !== undefined
        ? part
        : part.replace(/(^|[^A-Za-z0-9_$.])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)/g, "$1$2e$3")
  );
}

/** A sheet-local address as Excel writes it: "B2", "B2:D9", "E:E" for whole columns, "3:4" for whole rows. */
export function localAddress(range: Omit<SheetRange, "sheet">): string {
  const lastRow = range.row + range.rowCount - 1;
  const lastColumn = range.column + range.columnCount - 1;
  if (range.row === 0 && range.rowCount >= MAX_ROWS)
    return `${columnLetters(range.column)}:${columnLetters(lastColumn)}`;
  if (range.column === 0 && range.columnCount >= MAX_COLUMNS)
    return `${range.row + 1}:${lastRow + 1}`;
  const start = cellAddress({ row: range.row, column: range.column });
  return range.rowCount === 1 && range.columnCount === 1
    ? start
    : `${start}:${cellAddress({ row: lastRow, column: lastColumn })}`;
}

/** A local address that may name whole columns ("A:D") or whole rows ("2:9"), as reads allow. */
function parseReadRange(local: string): Omit<SheetRange, "sheet"> {
  const columns = /^\s*\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})\s*$/.exec(local);
  if (columns) {
    const a = parseCellAddress(`${columns[1]}1`).column;
    const b = parseCellAddress(`${columns[2]}1`).column;
    return { row: 0, rowCount: MAX_ROWS, column: Math.min(a, b), columnCount: Math.abs(a - b) + 1 };
  }
  const rows = /^\s*\$?(\d{1,7}):\$?(\d{1,7})\s*$/.exec(local);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0) throw new Error(`"${local}" is not a range address such as B2:D9`);
    return {
      row: Math.min(a, b),
      rowCount: Math.abs(a - b) + 1,
      column: 0,
      columnCount: MAX_COLUMNS,
    };
  }
  const range = parseRangeAddress(local);
  return {
    row: range.row,
    column: range.column,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

/** An error the way Excel's API reports a missing sheet (code ItemNotFound). */
function itemNotFound(sheetName: string): Error {
  return Object.assign(new Error(`There is no sheet named "${sheetName}" in the workbook.`), {
    code: "ItemNotFound",
  });
}

interface DetailedError {
  readonly value: string;
  readonly message?: string;
}

function isDetailedError(value: unknown): value is DetailedError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DetailedError).value === "string" &&
    "type" in value
  );
}

/** A value as the port reads it: "" for a blank, an error as its text ("#N/A"). */
function portValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (isDetailedError(value)) return value.value;
  return "";
}

/** The format a value's type implies when the sheet sets none: what Excel shows for "10%" or a date typed in. */
function impliedFormat(detailedType: string): string | null {
  switch (detailedType) {
    case "NUMBER_PERCENT":
      return "0%";
    case "NUMBER_DATE":
      return "yyyy-mm-dd";
    case "NUMBER_DATETIME":
      return "yyyy-mm-dd hh:mm";
    case "NUMBER_TIME":
      return "hh:mm";
    case "NUMBER_CURRENCY":
      return "$#,##0.00";
    default:
      return null;
  }
}

const cellKey = (sheet: number, row: number, column: number): string => `${sheet}:${row}:${column}`;

export class PlaygroundWorkbook implements WorkbookPort {
  readonly engine: HyperFormula;
  private readonly blockRows: number;
  private readonly storage: Pick<Storage, "getItem" | "setItem"> | null;
  private readonly workbookId: string;
  /** Sheets this object added through the port: the name `addSheet` returned → the sheet's id. */
  private readonly addedSheets = new Map<string, number>();
  private readonly formats = new Map<number, FormatRule[]>();
  private readonly colorScales = new Map<number, ColorScale[]>();
  private readonly charts = new Map<number, PlacedChart[]>();
  private readonly columnWidths = new Map<number, number[]>();
  /** The formula cells entered, per sheet, so an edit re-checks spills without scanning sheets. */
  private readonly formulaCells = new Map<number, Map<string, CellAddress>>();
  /** Text the engine refused (it threw): kept and shown, so nothing typed is lost. */
  private readonly rejected = new Map<
    string,
    { readonly text: string; readonly message: string }
  >();
  private readonly settings = new Map<string, string>();
  private readonly listeners = new Set<(change: PlaygroundChange) => void>();
  private readonly scaleCache = new Map<
    ColorScale,
    { version: number; low: number; mid: number; high: number }
  >();
  private active = 0;
  private selected: SheetRange = { sheet: 0, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Bumped on every change of cells, for caches. */
  private version = 0;

  /**
   * Builds the engine from `sheets` (through `build`, so that this module needs no engine of
   * its own) and wraps it. Formulas in the sheets are tracked and their spills sized.
   */
  static create(
    sheets: readonly PlaygroundSheet[],
    build: (contents: Record<string, RawCellContent[][]>) => HyperFormula,
    options: PlaygroundWorkbookOptions = {}
  ): PlaygroundWorkbook {
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
    const workbook = new PlaygroundWorkbook(build(contents), options);
    for (const { name, row, col } of formulas) {
      workbook.trackFormula({ sheet: workbook.sheetId(name), row, col }, true);
    }
    workbook.settle();
    return workbook;
  }

  constructor(engine: HyperFormula, options: PlaygroundWorkbookOptions = {}) {
    this.engine = engine;
    this.blockRows = Math.max(1, options.blockRows ?? PLAYGROUND_BLOCK_ROWS);
    this.storage = options.storage ?? null;
    this.workbookId = options.workbookId ?? "workbook";
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookPort: reading.

  async readValues(address: string, options: ReadOptions = {}): Promise<CellValue[][]> {
    const { sheetName, local } = splitSheetAddress(address);
    const sheet = sheetName === null ? this.active : this.sheetId(sheetName);
    const range = parseReadRange(local);
    const used = this.usedRange(sheet);
    // Cut to the used range, as Excel's adapter does: a whole column reads only the used rows.
    const lastRow =
      used === null ? range.row : Math.min(range.row + range.rowCount, used.row + used.rowCount);
    const lastColumn =
      used === null
        ? range.column
        : Math.min(range.column + range.columnCount, used.column + used.columnCount);
    const columnCount = Math.max(0, lastColumn - range.column);
    const rowCount = columnCount === 0 ? 0 : Math.max(0, lastRow - range.row);

    const rows: CellValue[][] = [];
    while (rows.length < rowCount) {
      const start = rows.length;
      const count = Math.min(this.blockRows, rowCount - start);
      const block = this.engine.getRangeValues({
        start: { sheet, row: range.row + start, col: range.column },
        end: { sheet, row: range.row + start + count - 1, col: range.column + columnCount - 1 },
      });
      for (const row of block) rows.push(row.map(portValue));
      options.onProgress?.({ rowsRead: rows.length, totalRows: rowCount });
      // Let the page paint the progress between blocks, as Excel's round trips do.
      if (rows.length < rowCount) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (rowCount === 0) options.onProgress?.({ rowsRead: 0, totalRows: 0 });
    return rows;
  }

  async getSelection(): Promise<SelectionInfo> {
    const selection = this.selected;
    const used = this.usedRange(selection.sheet);
    return {
      selection: this.rangeInfo(selection),
      usedRange: used === null ? null : this.rangeInfo(used),
      table: null, // the playground has no Excel tables
    };
  }

  async getUsedRange(sheetName: string): Promise<RangeInfo | null> {
    const used = this.usedRange(this.sheetId(sheetName));
    return used === null ? null : this.rangeInfo(used);
  }

  async listSheets(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookPort: writing, only to sheets added here.

  async addSheet(wantedName: string): Promise<string> {
    const name = uniqueSheetName(wantedName, this.engine.getSheetNames());
    const added = this.engine.addSheet(name);
    this.addedSheets.set(added, this.sheetId(added));
    this.emit({ kind: "sheets" });
    return added;
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    // Everything is checked and converted before the first cell is written. The arrays are
    // copied with this page's Array.from: the pane calls from its own frame, and the engine tells
    // a block from a single value with `instanceof Array`, which an array of another frame fails.
    const pieces = Array.from(blocks, (block) => {
      const { row, column } = parseCellAddress(block.at);
      const cells = Array.from(block.rows, (rowCells) => Array.from(rowCells));
      const columnCount = cells[0]?.length ?? 0;
      if (cells.some((rowCells) => rowCells.length !== columnCount))
        throw new Error(`The block at ${block.at} has rows of different lengths.`);
      return { row, column, cells, contents: cells.map((rowCells) => rowCells.map(engineContent)) };
    });
    this.engine.batch(() => {
      for (const piece of pieces) {
        if (piece.contents.length === 0 || piece.contents[0]?.length === 0) continue;
        this.engine.setCellContents({ sheet, row: piece.row, col: piece.column }, piece.contents);
      }
    });
    for (const piece of pieces) {
      piece.cells.forEach((cells, r) =>
        cells.forEach((cell, c) =>
          this.trackFormula(
            { sheet, row: piece.row + r, col: piece.column + c },
            cell !== null && typeof cell === "object"
          )
        )
      );
    }
    this.settle();
    this.changed({ kind: "cells", sheet });
  }

  async setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    const parsed = rules.map((rule) => ({
      range: this.localRange(sheet, rule.address),
      format: rule.format,
    }));
    this.applyFormats(sheet, parsed);
  }

  async addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    const range = this.localRange(sheet, rule.address);
    const scales = this.colorScales.get(sheet) ?? [];
    scales.push({ range, rule: { ...rule } });
    this.colorScales.set(sheet, scales);
    this.emit({ kind: "formats", sheet });
  }

  async addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind> {
    const sheet = this.addedSheetId(sheetName);
    // No waterfall here: the bridge Excel draws where it cannot draw one (see ChartRequest).
    const drawn: ChartKind = chart.kind === "waterfall" ? "columnStacked" : chart.kind;
    const bridge = chart.kind === "waterfall" && chart.bridgeSource !== undefined;
    const source = this.localRange(sheet, bridge ? (chart.bridgeSource as string) : chart.source);
    const topLeft = parseCellAddress(chart.topLeft);
    const bottomRight = parseCellAddress(chart.bottomRight);
    const placed: PlacedChart = {
      request: { ...chart },
      drawn,
      source,
      hideFirstSeries: bridge,
      topLeft: {
        row: Math.min(topLeft.row, bottomRight.row),
        column: Math.min(topLeft.column, bottomRight.column),
      },
      bottomRight: {
        row: Math.max(topLeft.row, bottomRight.row),
        column: Math.max(topLeft.column, bottomRight.column),
      },
    };
    const charts = this.charts.get(sheet) ?? [];
    charts.push(placed);
    this.charts.set(sheet, charts);
    this.emit({ kind: "charts", sheet });
    return drawn;
  }

  async activateSheet(sheetName: string): Promise<void> {
    this.activate(this.addedSheetId(sheetName));
  }

  /** The id of a sheet added here; throws, before anything is changed, for any other sheet. */
  private addedSheetId(sheetName: string): number {
    const sheet = this.addedSheets.get(sheetName);
    if (sheet === undefined || this.engine.getSheetName(sheet) === undefined) {
      throw new Error(
        `Refusing to write to "${sheetName}": the add-in only writes to sheets it has just added, so your own cells are never changed.`
      );
    }
    return sheet;
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookPort: document settings.

  async getSetting(key: string): Promise<JsonValue | null> {
    let text = this.settings.get(key);
    if (text === undefined) {
      try {
        text = this.storage?.getItem(this.storageKey(key)) ?? undefined;
      } catch {
        text = undefined; // storage blocked (private mode): memory only
      }
    }
    return text === undefined ? null : (JSON.parse(text) as JsonValue);
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    const text = JSON.stringify(value);
    this.settings.set(key, text);
    try {
      this.storage?.setItem(this.storageKey(key), text);
    } catch (error) {
      throw new Error(
        `The playground could not save the add-in's settings: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }

  private storageKey(key: string): string {
    return `${STORAGE_PREFIX}${this.workbookId}:${key}`;
  }

  // -------------------------------------------------------------------------------------------
  // The playground page: what the grid draws and what the user does.

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

  cell(sheet: number, row: number, column: number): CellView {
    const address = { sheet, row, col: column };
    const rejected = this.rejected.get(cellKey(sheet, row, column));
    const value: unknown = this.engine.getCellValue(address);
    const formula = this.engine.getCellFormula(address) ?? null;
    const format = this.numberFormatAt(sheet, row, column);
    if (rejected !== undefined) {
      return {
        value: null,
        error: { code: "#ERROR!", message: rejected.message },
        input: rejected.text,
        formula: null,
        numberFormat: format,
      };
    }
    if (isDetailedError(value)) {
      return {
        value: null,
        error: { code: value.value, message: value.message ?? "" },
        input: formula ?? "",
        formula,
        numberFormat: format,
      };
    }
    const plain =
      typeof value === "number" || typeof value === "string" || typeof value === "boolean"
        ? value
        : null;
    return {
      value: plain,
      error: null,
      input: formula ?? this.typedText(address, plain),
      formula,
      numberFormat: format,
    };
  }

  /** What was typed into a cell without a formula, as the formula bar shows it. */
  private typedText(address: CellAddress, value: number | string | boolean | null): string {
    const serialized: unknown = this.engine.getCellSerialized(address);
    if (typeof serialized === "string") return serialized;
    if (typeof serialized === "boolean") return serialized ? "TRUE" : "FALSE";
    if (typeof serialized === "number") return String(serialized);
    // A cell of another formula's spill: its value.
    return value === null
      ? ""
      : typeof value === "boolean"
        ? value
          ? "TRUE"
          : "FALSE"
        : String(value);
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
    const rows = Math.min(
      range.rowCount,
      Math.max(0, this.sheetSize(range.sheet).rows - range.row)
    );
    const columns = Math.min(
      range.columnCount,
      Math.max(0, this.sheetSize(range.sheet).columns - range.column)
    );
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

  /** Number formats set by the playground itself (on its sample sheets); the port's version refuses other sheets. */
  applyFormats(
    sheet: number,
    rules: readonly { readonly range: SheetRange; readonly format: string }[]
  ): void {
    const list = this.formats.get(sheet) ?? [];
    for (const rule of rules) list.push({ range: rule.range, format: rule.format });
    this.formats.set(sheet, list);
    this.emit({ kind: "formats", sheet });
  }

  /** The number format of a cell: the last rule covering it, else what its typed value implies. */
  numberFormatAt(sheet: number, row: number, column: number): string | null {
    const rules = this.formats.get(sheet);
    if (rules) {
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i] as FormatRule;
        if (contains(rule.range, row, column)) return rule.format;
      }
    }
    return impliedFormat(this.engine.getCellValueDetailedType({ sheet, row, col: column }));
  }

  /** The colour-scale fill of a cell ("#rrggbb"), if a scale covers it and it holds a number. */
  colorAt(sheet: number, row: number, column: number): string | null {
    const scales = this.colorScales.get(sheet);
    if (!scales) return null;
    for (let i = scales.length - 1; i >= 0; i--) {
      const scale = scales[i] as ColorScale;
      if (!contains(scale.range, row, column)) continue;
      const value: unknown = this.engine.getCellValue({ sheet, row, col: column });
      if (typeof value !== "number") return null;
      const { low, mid, high } = this.scaleStatistics(scale);
      const { minimumColor, midpointColor, maximumColor } = scale.rule;
      if (high <= low) return midpointColor ?? minimumColor;
      if (midpointColor === undefined)
        return mixColors(minimumColor, maximumColor, (value - low) / (high - low));
      return value <= mid
        ? mixColors(minimumColor, midpointColor, mid <= low ? 1 : (value - low) / (mid - low))
        : mixColors(midpointColor, maximumColor, high <= mid ? 1 : (value - mid) / (high - mid));
    }
    return null;
  }

  private scaleStatistics(scale: ColorScale): { low: number; mid: number; high: number } {
    const cached = this.scaleCache.get(scale);
    if (cached && cached.version === this.version) return cached;
    const { sheet, row, column, rowCount, columnCount } = scale.range;
    const numbers: number[] = [];
    for (const cells of this.engine.getRangeValues({
      start: { sheet, row, col: column },
      end: { sheet, row: row + rowCount - 1, col: column + columnCount - 1 },
    })) {
      for (const cell of cells) if (typeof cell === "number") numbers.push(cell);
    }
    numbers.sort((a, b) => a - b);
    // Excel's midpoint is the 50th percentile.
    const middle = numbers.length === 0 ? 0 : percentile(numbers, 0.5);
    const statistics = {
      version: this.version,
      low: numbers[0] ?? 0,
      mid: middle,
      high: numbers[numbers.length - 1] ?? 0,
    };
    this.scaleCache.set(scale, statistics);
    return statistics;
  }

  chartsOn(sheet: number): readonly PlacedChart[] {
    return this.charts.get(sheet) ?? [];
  }

  /** The values of a rectangle as the port reads them. */
  values(range: SheetRange): CellValue[][] {
    if (range.rowCount <= 0 || range.columnCount <= 0) return [];
    return this.engine
      .getRangeValues({
        start: { sheet: range.sheet, row: range.row, col: range.column },
        end: {
          sheet: range.sheet,
          row: range.row + range.rowCount - 1,
          col: range.column + range.columnCount - 1,
        },
      })
      .map((row) => row.map(portValue));
  }

  columnWidth(sheet: number, column: number): number {
    return this.columnWidths.get(sheet)?.[column] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Column widths in pixels from column A on (the playground sets them for its sample sheets). */
  setColumnWidths(sheet: number, widths: readonly number[]): void {
    this.columnWidths.set(sheet, [...widths]);
    this.emit({ kind: "formats", sheet });
  }

  /** Recalculates every formula (after the display language changes the functions' messages). */
  recalculate(): void {
    this.engine.rebuildAndRecalculate();
    this.settle();
    this.changed({ kind: "cells", sheet: this.active });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers.

  /** The bounding box of a sheet's non-empty cells; null when it has none. */
  private usedRange(sheet: number): SheetRange | null {
    const { width, height } = this.engine.getSheetDimensions(sheet);
    if (width === 0 || height === 0) return null;
    const isEmpty = (row: number, col: number) => this.engine.isCellEmpty({ sheet, row, col });
    let top = 0;
    while (top < height && rowIsEmpty(top, width, isEmpty)) top++;
    if (top === height) return null;
    let left = 0;
    while (left < width && columnIsEmpty(left, top, height, isEmpty)) left++;
    let bottom = height - 1;
    while (bottom > top && rowIsEmpty(bottom, width, isEmpty)) bottom--;
    let right = width - 1;
    while (right > left && columnIsEmpty(right, top, bottom + 1, isEmpty)) right--;
    return {
      sheet,
      row: top,
      column: left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    };
  }

  private rangeInfo(range: SheetRange): RangeInfo {
    const sheetName = this.sheetName(range.sheet);
    return {
      address: `${quoteSheetName(sheetName)}!${localAddress(range)}`,
      sheetName,
      rowIndex: range.row,
      columnIndex: range.column,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    };
  }

  private localRange(sheet: number, address: string): SheetRange {
    return { sheet, ...parseRangeAddress(address) };
  }

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

  private changed(change: PlaygroundChange): void {
    this.version++;
    this.emit(change);
  }

  private emit(change: PlaygroundChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function contains(range: SheetRange, row: number, column: number): boolean {
  return (
    row >= range.row &&
    row < range.row + range.rowCount &&
    column >= range.column &&
    column < range.column + range.columnCount
  );
}

function rowIsEmpty(
  row: number,
  width: number,
  isEmpty: (row: number, col: number) => boolean
): boolean {
  for (let col = 0; col < width; col++) if (!isEmpty(row, col)) return false;
  return true;
}

function columnIsEmpty(
  col: number,
  top: number,
  bottom: number,
  isEmpty: (row: number, col: number) => boolean
): boolean {
  for (let row = top; row < bottom; row++) if (!isEmpty(row, col)) return false;
  return true;
}

/** The p-th percentile of sorted numbers, interpolated as Excel's PERCENTILE.INC does. */
function percentile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** The colour a fraction `t` of the way from `from` to `to` ("#rrggbb"). */
export function mixColors(from: string, to: string, t: number): string {
  const share = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const channel = (color: string, i: number) =>
    parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16) || 0;
  let mixed = "#";
  for (let i = 0; i < 3; i++) {
    const value = Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * share);
    mixed += value.toString(16).padStart(2, "0");
  }
  return mixed;
}
