/**
 * The playground's workbook as the page publishes it: the spreadsheet model (what the grid draws
 * and the user edits) with the playground's WorkbookPort over it (what the task pane uses, as it
 * uses excel.ts in Excel). The port sees the model only as an InBrowserWorkbook.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { contentsOf } from "./model/building";
import { PlaygroundPort } from "../workbook/playground";
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
} from "../workbook/port";
import {
  type PlaygroundSheet,
  type SheetSnapshot,
  Spreadsheet,
  type SpreadsheetOptions,
} from "./model/spreadsheet";

export interface PlaygroundWorkbookOptions extends SpreadsheetOptions {
  /** Rows per read block of the port (default 5,000). */
  readonly blockRows?: number;
}

export class PlaygroundWorkbook extends Spreadsheet implements WorkbookPort {
  private readonly port: PlaygroundPort;

  /**
   * Builds the engine from `sheets` (through `build`, so that this module needs no engine
   * configuration of its own) and wraps it. Formulas in the sheets are tracked and their spills
   * sized.
   */
  static create(
    sheets: readonly PlaygroundSheet[],
    build: (contents: Record<string, RawCellContent[][]>) => HyperFormula,
    options: PlaygroundWorkbookOptions = {}
  ): PlaygroundWorkbook {
    const { contents, ...formulas } = contentsOf(sheets);
    const workbook = new PlaygroundWorkbook(build(contents), options);
    workbook.adopt(formulas);
    return workbook;
  }

  /** A workbook of kept sheets (see snapshotSheet), with their decorations; the first sheet active. */
  static restore(
    sheets: readonly SheetSnapshot[],
    build: (contents: Record<string, RawCellContent[][]>) => HyperFormula,
    options: PlaygroundWorkbookOptions = {}
  ): PlaygroundWorkbook {
    const workbook = PlaygroundWorkbook.create(sheets, build, options);
    for (const sheet of sheets)
      workbook.restoreDecorations(workbook.sheetId(sheet.name), sheet.decorations);
    const first = sheets[0];
    if (first) workbook.activate(workbook.sheetId(first.name));
    return workbook;
  }

  constructor(engine: HyperFormula, options: PlaygroundWorkbookOptions = {}) {
    super(engine, options);
    this.port = new PlaygroundPort(this, options);
  }

  readValues(address: string, options?: ReadOptions): Promise<CellValue[][]> {
    return this.port.readValues(address, options);
  }
  getSelection(): Promise<SelectionInfo> {
    return this.port.getSelection();
  }
  getUsedRange(sheetName: string): Promise<RangeInfo | null> {
    return this.port.getUsedRange(sheetName);
  }
  listSheets(): Promise<string[]> {
    return this.port.listSheets();
  }
  addSheet(wantedName: string): Promise<string> {
    return this.port.addSheet(wantedName);
  }

  removeAddedSheet(sheetName: string): Promise<void> {
    return this.port.removeAddedSheet(sheetName);
  }

  setColumnWidths(sheetName: string, widths: readonly ColumnWidth[]): Promise<void> {
    return this.port.setColumnWidths(sheetName, widths);
  }

  setCellStyles(sheetName: string, rules: readonly CellStyleRule[]): Promise<void> {
    return this.port.setCellStyles(sheetName, rules);
  }

  setPrintLayout(sheetName: string, layout: PrintLayout): Promise<boolean> {
    return this.port.setPrintLayout(sheetName, layout);
  }
  writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    return this.port.writeCells(sheetName, blocks);
  }
  setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void> {
    return this.port.setNumberFormats(sheetName, rules);
  }
  addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void> {
    return this.port.addColorScale(sheetName, rule);
  }
  addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind> {
    return this.port.addChart(sheetName, chart);
  }
  activateSheet(sheetName: string): Promise<void> {
    return this.port.activateSheet(sheetName);
  }
  getSetting(key: string): Promise<JsonValue | null> {
    return this.port.getSetting(key);
  }
  setSetting(key: string, value: JsonValue): Promise<void> {
    return this.port.setSetting(key, value);
  }
}
