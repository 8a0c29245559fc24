/**
 * What the playground's WorkbookPort (playground.ts) needs of the workbook it stands on: sheets by
 * id, plain values, cells written in blocks, and what Excel keeps besides cells (number formats,
 * colour scales, charts, the active sheet, the selection, document settings). The playground's
 * spreadsheet model (src/playground/model/) implements it and the playground page hands one to
 * the port, so that nothing in src/workbook depends on the playground or its engine.
 */
import type {
  CellInput,
  CellStyleRule,
  CellValue,
  ChartKind,
  ChartRequest,
  ColorScaleRule,
  PrintLayout,
} from "./port";

/** Excel's sheet size, which the playground's engine is configured to as well. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle on one sheet, 0-based. */
export interface SheetRange {
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
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

/** Rows of cells to write, anchored at a 0-based cell. */
export interface CellsAt {
  readonly row: number;
  readonly column: number;
  readonly cells: readonly (readonly CellInput[])[];
}

/** A number format over a rectangle. */
export interface FormatRule {
  readonly range: SheetRange;
  readonly format: string;
}

export interface InBrowserWorkbook {
  /** The sheet names, in tab order. */
  sheetNames(): string[];
  /** The id of the sheet of that name; throws an error with code "ItemNotFound" (as Excel's API does) when there is none. */
  sheetId(name: string): number;
  /** The name of a sheet by id; undefined once the sheet is gone. */
  nameOfSheet(sheet: number): string | undefined;
  /** The selection the grid shows. */
  readonly selection: SheetRange;
  /** The bounding box of a sheet's non-empty cells; null when it has none. */
  usedRange(sheet: number): SheetRange | null;
  /** Values as the port reads them: "" for a blank, an error as its text ("#N/A"). */
  values(range: SheetRange): CellValue[][];
  /** Adds an empty sheet at the end under this exact name (already valid and unused); returns its id. */
  appendSheet(name: string): number;
  /** Removes a sheet, formulas, formats and charts with it (only ever one the port added). */
  removeSheet(sheet: number): void;
  /**
   * Writes blocks of cells: text stays text, a { formula } is a formula. Checks every block
   * first (equal row lengths, finite numbers) and throws, writing nothing, on the first problem.
   */
  setCells(sheet: number, blocks: readonly CellsAt[]): void;
  applyFormats(sheet: number, rules: readonly FormatRule[]): void;
  applyColorScale(sheet: number, range: SheetRange, rule: ColorScaleRule): void;
  /** Widths of some columns, in pixels. */
  setColumnPixelsAt(sheet: number, widths: readonly { column: number; pixels: number }[]): void;
  applyCellStyles(
    sheet: number,
    styles: readonly { range: Omit<SheetRange, "sheet">; style: Omit<CellStyleRule, "address"> }[]
  ): void;
  keepPrintLayout(sheet: number, layout: PrintLayout): void;
  placeChart(sheet: number, chart: PlacedChart): void;
  /** Shows a sheet; the selection moves to its first cell. */
  activate(sheet: number): void;
  /** A document setting's text; null when none is kept. */
  readSetting(key: string): string | null;
  /** Keeps a document setting's text with the workbook; throws when it cannot be kept. */
  writeSetting(key: string, text: string): void;
}
