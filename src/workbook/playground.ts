/**
 * The WorkbookPort of the playground: the task pane's view of the in-browser workbook that stands
 * in for Excel when `npm start` serves the playground page. The pane runs against it exactly as
 * against excel.ts. It holds no cells itself: it works on an InBrowserWorkbook (the playground's
 * spreadsheet model, handed over by the page) in plain data.
 *
 * It keeps excel.ts's promises:
 * - reads go in blocks of rows with progress after each block, cut to the sheet's used range;
 * - writes go only to sheets this port added (by sheet id), and a new sheet never takes an
 *   existing name; text is always written as text, never turned into a number or a formula;
 * - a waterfall is not drawn: like Excel without ExcelApi 1.9, the playground draws the
 *   stacked-column bridge and says so (addChart returns "columnStacked").
 */
import {
  quoteSheetName,
  cellAddress,
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  splitSheetAddress,
  uniqueSheetName,
} from "../core/sheet/addresses";
import {
  type InBrowserWorkbook,
  MAX_COLUMNS,
  MAX_ROWS,
  type PlacedChart,
  type SheetRange,
} from "./inBrowserWorkbook";
import type {
  CellBlock,
  CellStyleRule,
  CellValue,
  ChartKind,
  ChartRequest,
  ColorScaleRule,
  ColumnWidth,
  JsonValue,
  NumberFormatRule,
  PrintLayout,
  RangeInfo,
  ReadOptions,
  SelectionInfo,
  WorkbookPort,
} from "./port";

/** Rows per read block, as excel.ts starts with. */
export const PLAYGROUND_BLOCK_ROWS = 5_000;

export interface PlaygroundPortOptions {
  /** Rows per read block (default 5,000). */
  readonly blockRows?: number;
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

export class PlaygroundPort implements WorkbookPort {
  private readonly blockRows: number;
  /** Sheets this port added: the name `addSheet` returned → the sheet's id. */
  private readonly addedSheets = new Map<string, number>();

  constructor(
    private readonly workbook: InBrowserWorkbook,
    options: PlaygroundPortOptions = {}
  ) {
    this.blockRows = Math.max(1, options.blockRows ?? PLAYGROUND_BLOCK_ROWS);
  }

  // -------------------------------------------------------------------------------------------
  // Reading.

  async readValues(address: string, options: ReadOptions = {}): Promise<CellValue[][]> {
    const { sheetName, local } = splitSheetAddress(address);
    const sheet =
      sheetName === null ? this.workbook.selection.sheet : this.workbook.sheetId(sheetName);
    const range = parseReadRange(local);
    const used = this.workbook.usedRange(sheet);
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
      const block = this.workbook.values({
        sheet,
        row: range.row + start,
        column: range.column,
        rowCount: count,
        columnCount,
      });
      for (const row of block) rows.push(row);
      options.onProgress?.({ rowsRead: rows.length, totalRows: rowCount });
      // Let the page paint the progress between blocks, as Excel's round trips do.
      if (rows.length < rowCount) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (rowCount === 0) options.onProgress?.({ rowsRead: 0, totalRows: 0 });
    return rows;
  }

  async getSelection(): Promise<SelectionInfo> {
    const selection = this.workbook.selection;
    const used = this.workbook.usedRange(selection.sheet);
    return {
      selection: this.rangeInfo(selection),
      usedRange: used === null ? null : this.rangeInfo(used),
      table: null, // the playground has no Excel tables
    };
  }

  async getUsedRange(sheetName: string): Promise<RangeInfo | null> {
    const used = this.workbook.usedRange(this.workbook.sheetId(sheetName));
    return used === null ? null : this.rangeInfo(used);
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.sheetNames();
  }

  // -------------------------------------------------------------------------------------------
  // Writing, only to sheets added here.

  async addSheet(wantedName: string): Promise<string> {
    const name = uniqueSheetName(wantedName, this.workbook.sheetNames());
    this.addedSheets.set(name, this.workbook.appendSheet(name));
    return name;
  }

  async removeAddedSheet(sheetName: string): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    this.workbook.removeSheet(sheet);
    this.addedSheets.delete(sheetName);
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    // The arrays are copied with this page's Array.from: the pane calls from its own frame, and
    // the engine tells a block from a single value with `instanceof Array`, which an array of
    // another frame fails.
    const pieces = Array.from(blocks, (block) => {
      const { row, column } = parseCellAddress(block.at);
      const cells = Array.from(block.rows, (rowCells) => Array.from(rowCells));
      const columnCount = cells[0]?.length ?? 0;
      if (cells.some((rowCells) => rowCells.length !== columnCount))
        throw new Error(`The block at ${block.at} has rows of different lengths.`);
      return { row, column, cells };
    });
    this.workbook.setCells(sheet, pieces);
  }

  async setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    const parsed = rules.map((rule) => ({
      range: { sheet, ...parseRangeAddress(rule.address) },
      format: rule.format,
    }));
    this.workbook.applyFormats(sheet, parsed);
  }

  async setColumnWidths(sheetName: string, widths: readonly ColumnWidth[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    // Points to the grid's pixels (96 per inch, 72 points per inch).
    this.workbook.setColumnPixelsAt(
      sheet,
      widths.map(({ column, points }) => ({ column, pixels: Math.round((points * 4) / 3) }))
    );
  }

  async setCellStyles(sheetName: string, rules: readonly CellStyleRule[]): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    this.workbook.applyCellStyles(
      sheet,
      rules.map(({ address, ...style }) => ({ range: parseRangeAddress(address), style }))
    );
  }

  async setPrintLayout(sheetName: string, layout: PrintLayout): Promise<boolean> {
    this.workbook.keepPrintLayout(this.addedSheetId(sheetName), { ...layout });
    return true;
  }

  async addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void> {
    const sheet = this.addedSheetId(sheetName);
    this.workbook.applyColorScale(
      sheet,
      { sheet, ...parseRangeAddress(rule.address) },
      { ...rule }
    );
  }

  async addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind> {
    const sheet = this.addedSheetId(sheetName);
    // No waterfall here: the bridge Excel draws where it cannot draw one (see ChartRequest).
    const drawn: ChartKind = chart.kind === "waterfall" ? "columnStacked" : chart.kind;
    const bridge = chart.kind === "waterfall" && chart.bridgeSource !== undefined;
    const source = parseRangeAddress(bridge ? (chart.bridgeSource as string) : chart.source);
    const topLeft = parseCellAddress(chart.topLeft);
    const bottomRight = parseCellAddress(chart.bottomRight);
    const placed: PlacedChart = {
      request: { ...chart },
      drawn,
      source: { sheet, ...source },
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
    this.workbook.placeChart(sheet, placed);
    return drawn;
  }

  async activateSheet(sheetName: string): Promise<void> {
    this.workbook.activate(this.addedSheetId(sheetName));
  }

  /** The id of a sheet added here; throws, before anything is changed, for any other sheet. */
  private addedSheetId(sheetName: string): number {
    const sheet = this.addedSheets.get(sheetName);
    if (sheet === undefined || this.workbook.nameOfSheet(sheet) !== sheetName) {
      throw new Error(
        `Refusing to write to "${sheetName}": the add-in only writes to sheets it has just added, so your own cells are never changed.`
      );
    }
    return sheet;
  }

  // -------------------------------------------------------------------------------------------
  // Document settings.

  async getSetting(key: string): Promise<JsonValue | null> {
    const text = this.workbook.readSetting(key);
    if (text === null) return null;
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      // Saved by hand or cut short: said once by the pane, which then writes it afresh.
      throw new Error(`the playground's saved setting ${key} is not valid JSON`);
    }
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    try {
      this.workbook.writeSetting(key, JSON.stringify(value));
    } catch (error) {
      throw new Error(
        `The playground could not save the add-in's settings: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }

  private rangeInfo(range: SheetRange): RangeInfo {
    const sheetName = this.workbook.nameOfSheet(range.sheet) ?? "";
    return {
      address: `${quoteSheetName(sheetName)}!${localAddress(range)}`,
      sheetName,
      rowIndex: range.row,
      columnIndex: range.column,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    };
  }
}
