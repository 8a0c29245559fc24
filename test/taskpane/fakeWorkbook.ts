/**
 * An in-memory WorkbookPort for the pane's tests: user sheets of values, a selection, sheets the
 * port adds (holding what the pane wrote, formulas as text), document settings, and a log of
 * every call, so a test can prove the user's sheets never change and see what was written.
 * It keeps the port's promises: unique new sheet names, writes only to sheets it added.
 */
import {
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  splitSheetAddress,
  uniqueSheetName,
} from "../../src/core/sheet/addresses";
import type {
  CellBlock,
  CellInput,
  CellStyleRule,
  CellValue,
  ChartKind,
  ChartRequest,
  ColorScaleRule,
  ColumnWidth,
  PrintLayout,
  JsonValue,
  NumberFormatRule,
  RangeInfo,
  ReadOptions,
  SelectionInfo,
  WorkbookPort,
} from "../../src/workbook/port";

export type FakeCell = CellValue | CellInput;

export interface AddedSheet {
  readonly cells: FakeCell[][];
  readonly numberFormats: NumberFormatRule[];
  readonly colorScales: ColorScaleRule[];
  readonly charts: ChartRequest[];
  readonly columnWidths: ColumnWidth[];
  readonly cellStyles: CellStyleRule[];
  print: PrintLayout | null;
}

export interface FakeWorkbookOptions {
  /** The selection, as "Sheet!A1:F7" (or one cell). */
  readonly selection: string;
  /** The Excel table the selection is in, if any. */
  readonly table?: { readonly name: string; readonly address: string };
  /** Rows per read block, to exercise progress reports. */
  readonly blockRows?: number;
  /** What a waterfall request comes back as (a host without waterfalls: "columnStacked"). */
  readonly waterfallDrawnAs?: ChartKind;
}

export class FakeWorkbook implements WorkbookPort {
  readonly userSheets: Map<string, CellValue[][]>;
  readonly addedSheets = new Map<string, AddedSheet>();
  readonly settings = new Map<string, JsonValue>();
  readonly calls: string[] = [];
  readonly progress: { rowsRead: number; totalRows: number }[] = [];
  private readonly order: string[];

  constructor(
    sheets: Record<string, CellValue[][]>,
    private readonly options: FakeWorkbookOptions
  ) {
    this.userSheets = new Map(
      Object.entries(sheets).map(([name, cells]) => [name, cells.map((row) => [...row])])
    );
    this.order = Object.keys(sheets);
  }

  /** Every user sheet as JSON: compared before and after to prove nothing changed. */
  snapshot(): string {
    return JSON.stringify([...this.userSheets.entries()]);
  }

  private rangeInfo(address: string): RangeInfo {
    const { sheetName, local } = splitSheetAddress(address);
    const name = sheetName ?? this.order[0] ?? "";
    const range = parseRangeAddress(local);
    return {
      address: address.includes("!") ? address : `${name}!${local}`,
      sheetName: name,
      rowIndex: range.row,
      columnIndex: range.column,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    };
  }

  private usedRangeOf(sheetName: string): RangeInfo | null {
    const cells = this.userSheets.get(sheetName);
    if (!cells || cells.length === 0) return null;
    const columns = Math.max(...cells.map((row) => row.length));
    return {
      address: `${sheetName}!A1:${columnLetters(columns - 1)}${cells.length}`,
      sheetName,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: cells.length,
      columnCount: columns,
    };
  }

  async readValues(address: string, options: ReadOptions = {}): Promise<CellValue[][]> {
    this.calls.push(`readValues ${address}`);
    const info = this.rangeInfo(address);
    const cells = this.userSheets.get(info.sheetName) ?? [];
    const lastRow = Math.min(info.rowIndex + info.rowCount, cells.length);
    const rows: CellValue[][] = [];
    const block = this.options.blockRows ?? 1000;
    for (let r = info.rowIndex; r < lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = info.columnIndex; c < info.columnIndex + info.columnCount; c++)
        row.push(cells[r]?.[c] ?? "");
      rows.push(row);
      if (rows.length % block === 0 || r === lastRow - 1) {
        const report = { rowsRead: rows.length, totalRows: lastRow - info.rowIndex };
        this.progress.push(report);
        options.onProgress?.(report);
      }
    }
    return rows;
  }

  async getSelection(): Promise<SelectionInfo> {
    this.calls.push("getSelection");
    const selection = this.rangeInfo(this.options.selection);
    const table = this.options.table
      ? { ...this.rangeInfo(this.options.table.address), name: this.options.table.name }
      : null;
    return { selection, usedRange: this.usedRangeOf(selection.sheetName), table };
  }

  async getUsedRange(sheetName: string): Promise<RangeInfo | null> {
    return this.usedRangeOf(sheetName);
  }

  async listSheets(): Promise<string[]> {
    return [...this.order];
  }

  async addSheet(wantedName: string): Promise<string> {
    const name = uniqueSheetName(wantedName, this.order);
    this.order.push(name);
    this.addedSheets.set(name, {
      cells: [],
      numberFormats: [],
      colorScales: [],
      charts: [],
      columnWidths: [],
      cellStyles: [],
      print: null,
    });
    this.calls.push(`addSheet ${name}`);
    return name;
  }

  async removeAddedSheet(sheetName: string): Promise<void> {
    this.added(sheetName);
    this.addedSheets.delete(sheetName);
    this.order.splice(this.order.indexOf(sheetName), 1);
    this.calls.push(`removeAddedSheet ${sheetName}`);
  }

  private added(sheetName: string): AddedSheet {
    const sheet = this.addedSheets.get(sheetName);
    if (!sheet) throw new Error(`Refusing to write to "${sheetName}": not a sheet this port added`);
    return sheet;
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    const sheet = this.added(sheetName);
    this.calls.push(`writeCells ${sheetName}`);
    for (const block of blocks) {
      const { row, column } = parseCellAddress(block.at);
      block.rows.forEach((cells, r) => {
        const target = (sheet.cells[row + r] ??= []);
        cells.forEach((cell, c) => {
          while (target.length < column + c) target.push(null);
          target[column + c] = cell;
        });
      });
    }
  }

  async setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void> {
    this.added(sheetName).numberFormats.push(...rules);
  }

  async setColumnWidths(sheetName: string, widths: readonly ColumnWidth[]): Promise<void> {
    this.added(sheetName).columnWidths.push(...widths);
  }

  async setCellStyles(sheetName: string, rules: readonly CellStyleRule[]): Promise<void> {
    for (const rule of rules) parseRangeAddress(rule.address);
    this.added(sheetName).cellStyles.push(...rules);
  }

  async setPrintLayout(sheetName: string, layout: PrintLayout): Promise<boolean> {
    this.added(sheetName).print = layout;
    return true;
  }

  async addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void> {
    this.added(sheetName).colorScales.push(rule);
  }

  async addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind> {
    this.added(sheetName).charts.push(chart);
    return chart.kind === "waterfall" ? (this.options.waterfallDrawnAs ?? "waterfall") : chart.kind;
  }

  async activateSheet(sheetName: string): Promise<void> {
    this.added(sheetName);
    this.calls.push(`activateSheet ${sheetName}`);
  }

  async getSetting(key: string): Promise<JsonValue | null> {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    this.settings.set(key, JSON.parse(JSON.stringify(value)) as JsonValue);
  }
}

/**
 * A sheet as a spreadsheet engine takes it: rows of values and formula text, dense (null for
 * empty), so HyperFormula can evaluate what the pane wrote.
 */
export function engineSheet(
  cells: readonly (readonly FakeCell[])[]
): (string | number | boolean | null)[][] {
  let width = 1;
  // Rows the pane skipped are holes in the array: a plain loop sees them as undefined.
  for (let r = 0; r < cells.length; r++) width = Math.max(width, cells[r]?.length ?? 0);
  return Array.from({ length: cells.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = cells[r]?.[c];
      if (cell === undefined || cell === null || cell === "") return null;
      if (typeof cell === "object") return cell.formula;
      return cell;
    })
  );
}
