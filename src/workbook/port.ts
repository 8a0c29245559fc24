/**
 * WorkbookPort: everything the task pane may do to a workbook, in plain data (no Office types).
 * Implemented by excel.ts (office.js, inside Excel) and by the playground's in-browser workbook.
 *
 * The promise to the user ("never lose data"): the pane reads the user's cells and only ever
 * writes to sheets it has just added itself. Every write method therefore takes the name that
 * `addSheet` returned, and an implementation refuses any other sheet. Asking for a board pack
 * twice adds two sheets ("Board pack", "Board pack (2)"), never an overwrite.
 *
 * Addresses are A1 text as Excel writes them: "Sheet1!A1:D20", "'Q1 data'!B2:F9" for reads;
 * sheet-local ("A1", "B2:F9") for writes, on the sheet named separately.
 *
 * A board-pack writer typically calls, in order: `addSheet`, `writeCells` (labels, numbers and
 * formulas in a few blocks, one call), `setNumberFormats`, `addColorScale`, `addChart` (for each
 * chart), `activateSheet`. Each call is one batch against Excel.
 */

/** A cell as read: a number, text or a logical value; "" for a blank cell. Error cells read as their text ("#N/A"). */
export type CellValue = number | string | boolean;

/** How far a long read has got, for a progress bar. */
export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
}

export interface ReadOptions {
  /** Called after each block of rows arrives (and once at the end). */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** A rectangular range. Row and column indexes are 0-based on the sheet (row 0 is row 1). */
export interface RangeInfo {
  /** Full address with the sheet, as Excel writes it: "'Q1 data'!B2:F9". */
  readonly address: string;
  readonly sheetName: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Where the user's selection is, and what it sits in. */
export interface SelectionInfo {
  /** The selected range (the active one, if several are selected). */
  readonly selection: RangeInfo;
  /** The used range of the selection's sheet; null when the sheet is empty. */
  readonly usedRange: RangeInfo | null;
  /** The Excel table the selection is in, if any (its whole range, header row included). */
  readonly table: (RangeInfo & { readonly name: string }) | null;
}

/**
 * A value to write: a number, text, a logical value, a blank (null), or a formula. Text is
 * always written as text, even when it looks like a number, a date or a formula ("2024-01",
 * "=A1"), so a customer called "=HYPERLINK(...)" cannot become a formula.
 */
export type CellInput = number | string | boolean | null | FormulaInput;

/** A formula to write ("=SAAS.NRR(…)"). */
export interface FormulaInput {
  readonly formula: string;
  /**
   * The size the writer expects its result to spill to. A hint only: an engine that must size a
   * spill before computing it may take it instead of computing the formula twice; Excel sizes
   * spills itself and ignores it. A wrong hint costs time, never a wrong value.
   */
  readonly spill?: { readonly rows: number; readonly columns: number };
}

/** A rectangle of cells to write, anchored at its top-left cell. */
export interface CellBlock {
  /** Top-left cell on the target sheet, e.g. "A1". */
  readonly at: string;
  /** Rows of cells; every row must have the same length. */
  readonly rows: readonly (readonly CellInput[])[];
}

/** An Excel number format for a range on the target sheet. */
export interface NumberFormatRule {
  /** Sheet-local address, e.g. "B2:M40". */
  readonly address: string;
  /** An Excel number format code, e.g. "0.0%", "#,##0", "mmm yyyy". */
  readonly format: string;
}

/** A two- or three-colour scale over a range (red → white → green for retention, say). */
export interface ColorScaleRule {
  /** Sheet-local address, e.g. "C3:N14". */
  readonly address: string;
  /** "#RRGGBB" colours at the lowest value, the middle (optional, the 50th percentile) and the highest. */
  readonly minimumColor: string;
  readonly midpointColor?: string;
  readonly maximumColor: string;
}

/** The chart kinds a board pack uses. A waterfall shows an MRR bridge. */
export type ChartKind = "line" | "columnClustered" | "waterfall" | "columnStacked";

export interface ChartRequest {
  readonly kind: ChartKind;
  /** Sheet-local address of the data, categories in the first column or row, header included. */
  readonly source: string;
  readonly title: string;
  /** Cells the chart covers: from the top-left cell to the bottom-right cell, e.g. "H2", "P20". */
  readonly topLeft: string;
  readonly bottomRight: string;
  /** Whether series run down columns or across rows (default: Excel decides). */
  readonly seriesBy?: "columns" | "rows";
  /**
   * For a waterfall only: a stacked-column bridge to draw instead where Excel cannot draw a
   * waterfall (ExcelApi 1.9 missing, or the call fails: office-js issues 2041, 2971). Sheet-local
   * address of a table with categories in the first column, then an invisible "base" series
   * and the visible "up" and "down" series, header row included. Without it, the fallback draws
   * `source` as a plain stacked column chart.
   */
  readonly bridgeSource?: string;
  /**
   * A colour ("#RRGGBB") per series in order, the same meaning everywhere (src/taskpane/palette.ts);
   * null leaves a series as the host draws it (the stacked bridge's invisible base stays hidden).
   */
  readonly seriesColors?: readonly (string | null)[];
}

/** A column's width, in points (Excel's unit: about 5.3 per character of the default font). */
export interface ColumnWidth {
  /** 0-based column on the sheet. */
  readonly column: number;
  readonly points: number;
}

/** How a range looks: only what is given changes. Colours "#RRGGBB". */
export interface CellStyleRule {
  /** Sheet-local address, e.g. "A1:F1". */
  readonly address: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  /** A thin line under the range, in this colour. */
  readonly underline?: string;
  readonly wrap?: boolean;
  readonly align?: "left" | "center" | "right";
}

/** How a sheet prints: the orientation, and one page wide (as many pages tall as it takes). */
export interface PrintLayout {
  readonly orientation: "landscape" | "portrait";
  readonly fitToOnePageWide: boolean;
  /**
   * What prints, sheet-local ("A1:O60"): the tables and charts, without the calculations they
   * refer to further right. Absent: everything used.
   */
  readonly printArea?: string;
}

/** JSON that document settings can hold. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface WorkbookPort {
  /**
   * The values of a range, row by row, "" for blanks. Large ranges are read in blocks of rows
   * (shrinking on Excel's payload limits), reporting progress after each block. Rows and columns
   * beyond the sheet's used range are not read (a whole-column selection returns only the used
   * rows); the result starts at the range's top-left cell. Rejects with a message for the user
   * when even small blocks cannot be read.
   */
  readValues(address: string, options?: ReadOptions): Promise<CellValue[][]>;

  /** The current selection, the used range of its sheet and the table it is in, if any. */
  getSelection(): Promise<SelectionInfo>;

  /** The used range of a sheet (values only, formatting ignored); null when it is empty. */
  getUsedRange(sheetName: string): Promise<RangeInfo | null>;

  /** The workbook's sheet names, in tab order. */
  listSheets(): Promise<string[]>;

  /**
   * Adds an empty sheet at the end with a new name derived from `wantedName` and returns that
   * name: the wanted name made valid (at most 31 characters, none of [ ] : * ? / \), then
   * "Name (2)", "Name (3)"… until it matches no existing sheet (Excel compares names without
   * regard to case). The returned name is the handle for every write below.
   */
  addSheet(wantedName: string): Promise<string>;

  /**
   * Writes blocks of cells to a sheet this port added, in one batch. Rejects, writing nothing,
   * when `sheetName` was not returned by `addSheet` of this port.
   */
  writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void>;

  /** Applies number formats on a sheet this port added, in one batch. */
  setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void>;

  /** Sets column widths on a sheet this port added. */
  setColumnWidths(sheetName: string, widths: readonly ColumnWidth[]): Promise<void>;

  /** Styles ranges (bold, colours, a rule under headings…) on a sheet this port added. */
  setCellStyles(sheetName: string, rules: readonly CellStyleRule[]): Promise<void>;

  /**
   * Sets how a sheet this port added prints; false where the host has no print settings (Excel
   * before ExcelApi 1.9), which is no reason to fail a board pack.
   */
  setPrintLayout(sheetName: string, layout: PrintLayout): Promise<boolean>;

  /** Adds a colour-scale conditional format on a sheet this port added. */
  addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void>;

  /**
   * Adds a chart on a sheet this port added and returns the kind actually drawn: a waterfall
   * request comes back as "columnStacked" when Excel could not draw a waterfall.
   */
  addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind>;

  /**
   * Removes a sheet this port added (a board pack that could not be written whole); refuses any
   * other sheet, as every write does.
   */
  removeAddedSheet(sheetName: string): Promise<void>;

  /** Shows a sheet this port added (after a board pack is written). */
  activateSheet(sheetName: string): Promise<void>;

  /** A value remembered in the workbook under `key` (document settings); null when none. */
  getSetting(key: string): Promise<JsonValue | null>;

  /** Remembers a value in the workbook under `key` and saves the settings with the document. */
  setSetting(key: string, value: JsonValue): Promise<void>;
}
