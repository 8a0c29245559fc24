/**
 * The WorkbookPort on office.js: the only module of the add-in that calls `Excel.run` (through runBatch).
 *
 * Rules it keeps (docs/architecture.md, "The Office platform"):
 * - Reads load only what they read (`values` of a block; the shape of a range), in blocks of rows:
 *   5,000 rows first, halved and retried on Excel's payload and resource limits, down to a
 *   minimum block, with one sync per block and never one per cell.
 * - A block whose `values` come back null (a read over Excel's limits can do that without
 *   throwing: office-js issues 4783, 6781) counts as a limit hit too.
 * - Writes go only to sheets this object added (by sheet id, so a renamed sheet still counts and
 *   a same-named sheet made by the user does not), each call in one `Excel.run`.
 * - A waterfall chart is tried (ExcelApi 1.9) and, when unavailable or failing (office-js issues
 *   2041, 2971), replaced by a stacked-column bridge.
 */
import {
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  splitSheetAddress,
  uniqueSheetName,
} from "../core/sheet/addresses";
import type {
  CellBlock,
  CellInput,
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

/** Rows per read block at first. */
export const INITIAL_BLOCK_ROWS = 5_000;
/** Below this many rows a failing block is not halved again: the read fails with a message. */
export const MIN_BLOCK_ROWS = 100;
/** Cells per write request at first; halved on a payload limit. Excel on the web caps a request at 5 MB. */
export const WRITE_BLOCK_CELLS = 50_000;
const MIN_WRITE_BLOCK_CELLS = 500;

/**
 * Error codes that mean "too much at once". RequestPayloadSizeLimitExceeded and
 * ResponsePayloadSizeLimitExceeded are OfficeExtension.CoreErrorCodes (office.js source, which
 * maps Office error 5103/5104 to them); RangeExceedsLimit and OperationCellsExceedLimit are
 * Excel.ErrorCodes for ranges over Excel's cell limits.
 */
const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);
/** Messages of resource limits under a generic code. */
const LIMIT_MESSAGE = /payload|too large|resource|exceed|limit|memory/i;

/**
 * True when an Excel error says a request or response was too large, so a smaller block may
 * succeed. GeneralException counts whatever its message: Excel on the web answers oversized
 * requests with "An internal error has occurred" (office-js-docs-reference#354, office-js#1012),
 * and a real general failure still surfaces once blocks reach the minimum size.
 * InvalidOperation counts only with a message about limits or resources.
 *
 * @example
 * isSizeLimitError({ code: "ResponsePayloadSizeLimitExceeded" }) // true
 * isSizeLimitError({ code: "ItemNotFound" })                     // false
 */
export function isSizeLimitError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return false;
  if (LIMIT_ERROR_CODES.has(code) || code === "GeneralException") return true;
  return code === "InvalidOperation" && typeof message === "string" && LIMIT_MESSAGE.test(message);
}

export interface ExcelWorkbookOptions {
  /** Rows per read block at first (default 5,000). */
  readonly initialBlockRows?: number;
  /** The smallest read block tried before giving up (default 100). */
  readonly minBlockRows?: number;
  /** Cells per write request at first (default 50,000). */
  readonly writeBlockCells?: number;
}

/** The part of a range a read covers, fixed before the first block is read. */
interface ReadPlan {
  readonly sheetId: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

type RangeShape = Pick<
  Excel.Range,
  "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount"
>;

const CHART_TYPES: Record<ChartKind, Excel.ChartType> = {
  line: "Line" as Excel.ChartType,
  columnClustered: "ColumnClustered" as Excel.ChartType,
  waterfall: "Waterfall" as Excel.ChartType,
  columnStacked: "ColumnStacked" as Excel.ChartType,
};

/** A block read that hit a limit (an error or null values): the caller shrinks the block. */
const LIMIT_HIT = Symbol("limit hit");

export class ExcelWorkbook implements WorkbookPort {
  /** Sheets this object added: the name `addSheet` returned → the sheet's id. */
  private readonly addedSheets = new Map<string, string>();
  private readonly initialBlockRows: number;
  private readonly minBlockRows: number;
  private readonly writeBlockCells: number;
  private chartCount = 0;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.initialBlockRows = options.initialBlockRows ?? INITIAL_BLOCK_ROWS;
    this.minBlockRows = Math.max(1, options.minBlockRows ?? MIN_BLOCK_ROWS);
    this.writeBlockCells = options.writeBlockCells ?? WRITE_BLOCK_CELLS;
  }

  // -------------------------------------------------------------------------------------------
  // Reading.

  async readValues(address: string, options: ReadOptions = {}): Promise<CellValue[][]> {
    const plan = await this.planRead(address);
    const rows: CellValue[][] = [];
    let blockRows = this.initialBlockRows;
    while (rows.length < plan.rowCount) {
      const start = rows.length;
      const count = Math.min(blockRows, plan.rowCount - start);
      const block = await this.readBlock(plan, start, count);
      if (block === LIMIT_HIT) {
        const smaller = Math.floor(count / 2);
        if (smaller < this.minBlockRows) {
          throw new Error(
            `Excel could not return rows ${start + 1}–${start + count} of ${address}, even ${count} rows at a time ` +
              "(Excel limits how much one request may carry). Select fewer columns or a smaller range."
          );
        }
        blockRows = smaller;
        continue;
      }
      for (const row of block) rows.push(row);
      options.onProgress?.({ rowsRead: rows.length, totalRows: plan.rowCount });
    }
    if (plan.rowCount === 0) options.onProgress?.({ rowsRead: 0, totalRows: 0 });
    return rows;
  }

  /** The range's position, cut to the sheet's used range so a whole-column address reads only used rows. */
  private async planRead(address: string): Promise<ReadPlan> {
    const { sheetName, local } = splitSheetAddress(address);
    return runBatch(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
      sheet.load("id");
      const range = sheet.getRange(local);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) {
        return {
          sheetId: sheet.id,
          rowIndex: range.rowIndex,
          columnIndex: range.columnIndex,
          rowCount: 0,
          columnCount: 0,
        };
      }
      const lastRow = Math.min(range.rowIndex + range.rowCount, used.rowIndex + used.rowCount);
      const lastColumn = Math.min(
        range.columnIndex + range.columnCount,
        used.columnIndex + used.columnCount
      );
      const rowCount = Math.max(0, lastRow - range.rowIndex);
      const columnCount = Math.max(0, lastColumn - range.columnIndex);
      return {
        sheetId: sheet.id,
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        rowCount: columnCount === 0 ? 0 : rowCount,
        columnCount,
      };
    });
  }

  /** One block of rows in its own batch: load `values` only, one sync. */
  private async readBlock(
    plan: ReadPlan,
    start: number,
    count: number
  ): Promise<CellValue[][] | typeof LIMIT_HIT> {
    try {
      return await runBatch(async (context) => {
        const block = context.workbook.worksheets
          .getItem(plan.sheetId)
          .getRangeByIndexes(plan.rowIndex + start, plan.columnIndex, count, plan.columnCount);
        block.load("values");
        await context.sync();
        const values: unknown = block.values;
        return isGrid(values, count, plan.columnCount)
          ? values.map((row) => row.map(toCellValue))
          : LIMIT_HIT;
      });
    } catch (error) {
      if (isSizeLimitError(error)) return LIMIT_HIT;
      throw error;
    }
  }

  async getSelection(): Promise<SelectionInfo> {
    const supportsTables = isExcelApiSupported("1.9");
    return runBatch(async (context) => {
      const selection = context.workbook.getSelectedRange();
      selection.load("address,rowIndex,columnIndex,rowCount,columnCount");
      // The selection is always on the active sheet.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const tables = supportsTables ? selection.getTables(false) : null;
      tables?.load("items/name");
      await context.sync();

      const first = tables?.items[0];
      let table: SelectionInfo["table"] = null;
      if (first !== undefined) {
        const tableRange = first.getRange();
        tableRange.load("address,rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        table = { ...rangeInfo(tableRange, sheet.name), name: first.name };
      }
      return {
        selection: rangeInfo(selection, sheet.name),
        usedRange: used.isNullObject ? null : rangeInfo(used, sheet.name),
        table,
      };
    });
  }

  async getUsedRange(sheetName: string): Promise<RangeInfo | null> {
    return runBatch(async (context) => {
      const used = context.workbook.worksheets.getItem(sheetName).getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return used.isNullObject ? null : rangeInfo(used, sheetName);
    });
  }

  async listSheets(): Promise<string[]> {
    return runBatch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Writing: only to sheets added here.

  async addSheet(wantedName: string): Promise<string> {
    const added = await runBatch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        wantedName,
        sheets.items.map((sheet) => sheet.name)
      );
      const sheet = sheets.add(name);
      sheet.load("id,name");
      await context.sync();
      return { id: sheet.id, name: sheet.name };
    });
    this.addedSheets.set(added.name, added.id);
    return added.name;
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    const pieces = blocks
      .map(writePiece)
      .filter((piece) => piece.rows.length > 0 && piece.columnCount > 0);
    // Blocks go out in slices of rows; on a payload limit the slice is halved and the write
    // resumes where it stopped (rewriting a slice of a new sheet is harmless).
    let blockCells = this.writeBlockCells;
    const written = { piece: 0, row: 0 };
    const mergeUndo = isExcelApiSupported("1.20");
    for (;;) {
      try {
        await runBatch(async (context) => {
          const sheet = context.workbook.worksheets.getItem(sheetId);
          while (written.piece < pieces.length) {
            const piece = pieces[written.piece];
            if (piece === undefined) break;
            const rows = Math.max(
              1,
              Math.min(piece.rows.length - written.row, Math.floor(blockCells / piece.columnCount))
            );
            const slice = piece.rows.slice(written.row, written.row + rows);
            sheet.getRangeByIndexes(
              piece.row + written.row,
              piece.column,
              rows,
              piece.columnCount
            ).formulas = slice;
            // One sync per slice of rows, never per cell; a board pack is usually one slice.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            written.row += rows;
            if (written.row >= piece.rows.length) {
              written.piece++;
              written.row = 0;
            }
          }
        }, mergeUndo);
        return;
      } catch (error) {
        if (!isSizeLimitError(error) || blockCells <= MIN_WRITE_BLOCK_CELLS) throw error;
        blockCells = Math.floor(blockCells / 2);
      }
    }
  }

  async setNumberFormats(sheetName: string, rules: readonly NumberFormatRule[]): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    const formats = rules.map((rule) => ({ rule, size: parseRangeAddress(rule.address) }));
    await runBatch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      for (const { rule, size } of formats) {
        const row = new Array<string>(size.columnCount).fill(rule.format);
        sheet.getRange(rule.address).numberFormat = Array.from(
          { length: size.rowCount },
          () => row
        );
      }
      await context.sync();
    });
  }

  async setColumnWidths(sheetName: string, widths: readonly ColumnWidth[]): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    await runBatch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      for (const { column, points } of widths) {
        const letters = columnLetters(column);
        sheet.getRange(`${letters}:${letters}`).format.columnWidth = points;
      }
      await context.sync();
    });
  }

  async setCellStyles(sheetName: string, rules: readonly CellStyleRule[]): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    for (const rule of rules) parseRangeAddress(rule.address);
    await runBatch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      for (const rule of rules) {
        const range = sheet.getRange(rule.address);
        if (rule.bold !== undefined) range.format.font.bold = rule.bold;
        if (rule.italic !== undefined) range.format.font.italic = rule.italic;
        if (rule.size !== undefined) range.format.font.size = rule.size;
        if (rule.color !== undefined) range.format.font.color = rule.color;
        if (rule.fill !== undefined) range.format.fill.color = rule.fill;
        if (rule.wrap !== undefined) range.format.wrapText = rule.wrap;
        if (rule.align !== undefined)
          range.format.horizontalAlignment = ALIGNMENT[rule.align] as Excel.HorizontalAlignment;
        if (rule.underline !== undefined) {
          const edge = range.format.borders.getItem("EdgeBottom" as Excel.BorderIndex);
          edge.style = "Continuous" as Excel.BorderLineStyle;
          edge.color = rule.underline;
        }
      }
      await context.sync();
    });
  }

  async setPrintLayout(sheetName: string, layout: PrintLayout): Promise<boolean> {
    const sheetId = this.addedSheetId(sheetName);
    // Page layout is ExcelApi 1.9; without it the sheet prints as Excel's defaults have it.
    if (!isExcelApiSupported("1.9")) return false;
    if (layout.printArea !== undefined) parseRangeAddress(layout.printArea);
    await runBatch(async (context) => {
      const pageLayout = context.workbook.worksheets.getItem(sheetId).pageLayout;
      pageLayout.orientation = (
        layout.orientation === "landscape" ? "Landscape" : "Portrait"
      ) as Excel.PageOrientation;
      // One page wide, as many tall as it takes (0: automatic).
      if (layout.fitToOnePageWide)
        pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (layout.printArea !== undefined) pageLayout.setPrintArea(layout.printArea);
      await context.sync();
    });
    return true;
  }

  async addColorScale(sheetName: string, rule: ColorScaleRule): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    parseRangeAddress(rule.address);
    await runBatch(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetId).getRange(rule.address);
      const format = range.conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
      const criteria: Excel.ConditionalColorScaleCriteria = {
        minimum: { type: "LowestValue", color: rule.minimumColor },
        maximum: { type: "HighestValue", color: rule.maximumColor },
      };
      if (rule.midpointColor !== undefined) {
        criteria.midpoint = { type: "Percentile", formula: "50", color: rule.midpointColor };
      }
      format.colorScale.criteria = criteria;
      await context.sync();
    });
  }

  async addChart(sheetName: string, chart: ChartRequest): Promise<ChartKind> {
    const sheetId = this.addedSheetId(sheetName);
    if (chart.kind !== "waterfall") {
      await this.drawChart(sheetId, chart, chart.kind, chart.source, false);
      return chart.kind;
    }
    if (isExcelApiSupported("1.9")) {
      const name = await this.tryChart(sheetId, chart);
      if (name === null) return "waterfall";
      // The failed attempt may have left a half-made chart behind: remove it before the bridge.
      await this.removeChart(sheetId, name);
    }
    const bridge = chart.bridgeSource !== undefined;
    await this.drawChart(
      sheetId,
      chart,
      "columnStacked",
      chart.bridgeSource ?? chart.source,
      bridge
    );
    return "columnStacked";
  }

  /** Draws the waterfall; null when drawn, else the name the failed chart was given. */
  private async tryChart(sheetId: string, chart: ChartRequest): Promise<string | null> {
    const name = this.nextChartName();
    try {
      await this.drawChart(sheetId, chart, "waterfall", chart.source, false, name);
      return null;
    } catch {
      // Waterfall support varies by platform and build (office-js 2041, 2971): the bridge
      // replaces it, and addChart reports which kind was drawn.
      return name;
    }
  }

  private async drawChart(
    sheetId: string,
    chart: ChartRequest,
    kind: ChartKind,
    source: string,
    hideFirstSeries: boolean,
    name = this.nextChartName()
  ): Promise<void> {
    parseRangeAddress(source);
    await runBatch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      const seriesBy =
        chart.seriesBy === "rows" ? "Rows" : chart.seriesBy === "columns" ? "Columns" : "Auto";
      const drawn = sheet.charts.add(CHART_TYPES[kind], sheet.getRange(source), seriesBy);
      drawn.name = name;
      drawn.title.text = chart.title;
      drawn.setPosition(chart.topLeft, chart.bottomRight);
      if (hideFirstSeries) {
        // The bridge's first series is the invisible base the visible steps stand on.
        drawn.series.getItemAt(0).format.fill.clear();
        drawn.legend.visible = false;
      }
      // Same colour, same meaning (a gain is green on every chart); a native waterfall colours
      // its own rises and falls.
      if (kind !== "waterfall")
        (chart.seriesColors ?? []).forEach((color, index) => {
          if (color === null || (hideFirstSeries && index === 0)) return;
          const series = drawn.series.getItemAt(index);
          if (kind === "line") series.format.line.color = color;
          else series.format.fill.setSolidColor(color);
        });
      await context.sync();
    });
  }

  private async removeChart(sheetId: string, name: string): Promise<void> {
    await runBatch(async (context) => {
      const stale = context.workbook.worksheets.getItem(sheetId).charts.getItemOrNullObject(name);
      await context.sync();
      if (!stale.isNullObject) {
        stale.delete();
        await context.sync();
      }
    });
  }

  private nextChartName(): string {
    this.chartCount++;
    return `Retention chart ${Date.now().toString(36)}-${this.chartCount}`;
  }

  async removeAddedSheet(sheetName: string): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    await runBatch(async (context) => {
      context.workbook.worksheets.getItem(sheetId).delete();
      await context.sync();
    });
    this.addedSheets.delete(sheetName);
  }

  async activateSheet(sheetName: string): Promise<void> {
    const sheetId = this.addedSheetId(sheetName);
    await runBatch(async (context) => {
      context.workbook.worksheets.getItem(sheetId).activate();
      await context.sync();
    });
  }

  /** The id of a sheet added here; throws, before anything reaches Excel, for any other sheet. */
  private addedSheetId(sheetName: string): string {
    const id = this.addedSheets.get(sheetName);
    if (id === undefined) {
      throw new Error(
        `Refusing to write to "${sheetName}": the add-in only writes to sheets it has just added, so your own cells are never changed.`
      );
    }
    return id;
  }

  // -------------------------------------------------------------------------------------------
  // Document settings.

  async getSetting(key: string): Promise<JsonValue | null> {
    const value: unknown = Office.context.document.settings.get(key);
    return value === undefined || value === null ? null : (value as JsonValue);
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(
            new Error(`The workbook could not save the add-in's settings: ${result.error.message}`)
          );
        } else {
          resolve();
        }
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/**
 * One batch. A user typing in a cell makes Excel fail any batch that arrives meanwhile (a board
 * pack halfway written, a read half done): `delayForCellEdit` makes Excel wait until the edit
 * ends instead (hosts without it ignore the option). `mergeUndo` makes a write of several slices one undo
 * step, where Excel supports it (ExcelApi 1.20).
 */
function runBatch<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  mergeUndo = false
): Promise<T> {
  return Excel.run(
    { delayForCellEdit: true, ...(mergeUndo ? { mergeUndoGroup: true } : {}) },
    batch
  );
}

/** The port's alignments as Excel names them. */
const ALIGNMENT = { left: "Left", center: "Center", right: "Right" } as const;

function isExcelApiSupported(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

function rangeInfo(range: RangeShape, sheetName: string): RangeInfo {
  return {
    address: range.address,
    sheetName,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

function isGrid(values: unknown, rows: number, columns: number): values is unknown[][] {
  return (
    Array.isArray(values) &&
    values.length === rows &&
    values.every((row) => Array.isArray(row) && row.length === columns)
  );
}

function toCellValue(cell: unknown): CellValue {
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean")
    return cell;
  return "";
}

/** A block to write, placed and converted to what `Range.formulas` takes. */
interface WritePiece {
  readonly row: number;
  readonly column: number;
  readonly columnCount: number;
  readonly rows: (string | number | boolean)[][];
}

function writePiece(block: CellBlock): WritePiece {
  const { row, column } = parseCellAddress(block.at);
  const columnCount = block.rows[0]?.length ?? 0;
  if (block.rows.some((cells) => cells.length !== columnCount)) {
    throw new Error(`The block at ${block.at} has rows of different lengths.`);
  }
  return { row, column, columnCount, rows: block.rows.map((cells) => cells.map(toFormulaCell)) };
}

/**
 * A cell as `Range.formulas` takes it. Text gets Excel's quote prefix (a leading apostrophe,
 * not shown in the cell) so it stays text: "2024-01" is not turned into a date, nor "=1+1" into
 * a formula.
 */
function toFormulaCell(cell: CellInput): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object")
    return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  if (typeof cell === "number" && !Number.isFinite(cell)) {
    throw new Error(
      `${String(cell)} cannot be written to a cell; write a formula such as =NA() or a blank instead.`
    );
  }
  return cell;
}
