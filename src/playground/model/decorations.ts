/**
 * What a workbook keeps besides its cells, per sheet: number formats, colour scales, charts and
 * column widths. Plain data, for the grid to draw and the workbook to keep and export.
 */
import type { FormatRule, PlacedChart, SheetRange } from "../../workbook/inBrowserWorkbook";
import type { CellStyleRule, ColorScaleRule, PrintLayout } from "../../workbook/port";

/** A colour scale over a rectangle. */
export interface ColorScale {
  readonly range: SheetRange;
  readonly rule: ColorScaleRule;
}

/** One sheet's decorations as plain data (kept in the browser, written to an export). */
export interface SheetDecorations {
  readonly formats: readonly FormatRule[];
  /** Formats of single cells (typed "12%", imported "$1,200", the format control on a few cells): row, column, format. */
  readonly cellFormats: readonly (readonly [number, number, string])[];
  /** Rows drawn in bold (headers, section headings). */
  readonly boldRows: readonly number[];
  readonly colorScales: readonly ColorScale[];
  readonly charts: readonly PlacedChart[];
  readonly columnWidths: readonly number[];
  /** How ranges look (a board pack's headings and headers); later rules win. */
  readonly cellStyles?: readonly PlacedStyle[];
  /** How the sheet prints, as the pane asked (kept, and written to .xlsx files). */
  readonly print?: PrintLayout;
}

/** A style over a rectangle of a sheet. */
export interface PlacedStyle {
  readonly range: Omit<SheetRange, "sheet">;
  readonly style: CellStyle;
}

/** What a range looks like: CellStyleRule without its address. */
export type CellStyle = Omit<CellStyleRule, "address">;

export const DEFAULT_COLUMN_WIDTH = 96;

/** A sheet that has no decorations. */
export const NO_DECORATIONS: SheetDecorations = {
  formats: [],
  cellFormats: [],
  boldRows: [],
  colorScales: [],
  charts: [],
  columnWidths: [],
};

export function contains(range: Omit<SheetRange, "sheet">, row: number, column: number): boolean {
  return (
    row >= range.row &&
    row < range.row + range.rowCount &&
    column >= range.column &&
    column < range.column + range.columnCount
  );
}

/** The decorations of every sheet, by sheet id. */
export class Decorations {
  private readonly sheets = new Map<number, SheetDecorations>();
  /** Single cells' formats by sheet, then "row:column"; they win over earlier range rules. */
  private readonly cellFormats = new Map<number, Map<string, string>>();
  private readonly scaleCache = new Map<
    ColorScale,
    { version: number; low: number; mid: number; high: number }
  >();

  /** A sheet's decorations as plain data. */
  of(sheet: number): SheetDecorations {
    const kept = this.sheets.get(sheet) ?? NO_DECORATIONS;
    const cells = this.cellFormats.get(sheet);
    if (!cells || cells.size === 0) return kept;
    const cellFormats: [number, number, string][] = [];
    for (const [key, format] of cells) {
      const [row, column] = key.split(":").map(Number) as [number, number];
      cellFormats.push([row, column, format]);
    }
    return { ...kept, cellFormats };
  }

  /** Forgets a sheet that is gone. */
  forget(sheet: number): void {
    this.sheets.delete(sheet);
    this.cellFormats.delete(sheet);
  }

  /** Replaces a sheet's decorations (a sheet restored or imported). */
  set(sheet: number, decorations: SheetDecorations): void {
    this.sheets.set(sheet, { ...decorations, cellFormats: [] });
    const cells = new Map<string, string>();
    for (const [row, column, format] of decorations.cellFormats)
      cells.set(`${row}:${column}`, format);
    this.cellFormats.set(sheet, cells);
  }

  /**
   * Adds range rules; single cells' formats inside them give way (the latest format wins, as in
   * Excel). Returns the single cells' formats that gave way, for undo.
   */
  addFormats(sheet: number, rules: readonly FormatRule[]): (readonly [number, number, string])[] {
    const current = this.sheets.get(sheet) ?? NO_DECORATIONS;
    this.sheets.set(sheet, { ...current, formats: [...current.formats, ...rules] });
    const removed: [number, number, string][] = [];
    const cells = this.cellFormats.get(sheet);
    if (!cells) return removed;
    for (const [key, format] of cells) {
      const [row, column] = key.split(":").map(Number) as [number, number];
      if (rules.some((rule) => contains(rule.range, row, column))) {
        cells.delete(key);
        removed.push([row, column, format]);
      }
    }
    return removed;
  }

  /** Takes back the last `count` range rules of a sheet (undo). */
  removeLastFormats(sheet: number, count: number): void {
    const current = this.sheets.get(sheet) ?? NO_DECORATIONS;
    this.sheets.set(sheet, { ...current, formats: current.formats.slice(0, -count || undefined) });
  }

  /** Sets (or, with null, removes) a single cell's format. */
  setCellFormat(sheet: number, row: number, column: number, format: string | null): void {
    let cells = this.cellFormats.get(sheet);
    if (!cells) this.cellFormats.set(sheet, (cells = new Map()));
    if (format === null) cells.delete(`${row}:${column}`);
    else cells.set(`${row}:${column}`, format);
  }

  cellFormat(sheet: number, row: number, column: number): string | null {
    return this.cellFormats.get(sheet)?.get(`${row}:${column}`) ?? null;
  }

  charts(sheet: number): readonly PlacedChart[] {
    return this.sheets.get(sheet)?.charts ?? [];
  }

  hasColorScales(sheet: number): boolean {
    return (this.sheets.get(sheet)?.colorScales.length ?? 0) > 0;
  }

  boldRows(sheet: number): readonly number[] {
    return this.sheets.get(sheet)?.boldRows ?? [];
  }

  setBoldRows(sheet: number, rows: readonly number[]): void {
    this.sheets.set(sheet, { ...(this.sheets.get(sheet) ?? NO_DECORATIONS), boldRows: [...rows] });
  }

  addColorScale(sheet: number, scale: ColorScale): void {
    const current = this.sheets.get(sheet) ?? NO_DECORATIONS;
    this.sheets.set(sheet, { ...current, colorScales: [...current.colorScales, scale] });
  }

  addChart(sheet: number, chart: PlacedChart): void {
    const current = this.sheets.get(sheet) ?? NO_DECORATIONS;
    this.sheets.set(sheet, { ...current, charts: [...current.charts, chart] });
  }

  addCellStyles(sheet: number, styles: readonly PlacedStyle[]): void {
    const current = this.sheets.get(sheet) ?? NO_DECORATIONS;
    this.sheets.set(sheet, { ...current, cellStyles: [...(current.cellStyles ?? []), ...styles] });
  }

  /** A cell's style: every rule covering it, the later winning where they differ. */
  styleAt(sheet: number, row: number, column: number): CellStyle | null {
    const styles = this.sheets.get(sheet)?.cellStyles;
    if (styles === undefined || styles.length === 0) return null;
    let style: CellStyle | null = null;
    for (const placed of styles)
      if (contains(placed.range, row, column)) style = { ...(style ?? {}), ...placed.style };
    return style;
  }

  setPrint(sheet: number, layout: PrintLayout): void {
    this.sheets.set(sheet, { ...(this.sheets.get(sheet) ?? NO_DECORATIONS), print: layout });
  }

  /** Sets the width of some columns, in pixels, leaving the others as they were. */
  setColumnWidthsAt(sheet: number, widths: readonly { column: number; pixels: number }[]): void {
    const current = [...(this.sheets.get(sheet)?.columnWidths ?? [])];
    for (const { column, pixels } of widths) {
      while (current.length < column) current.push(DEFAULT_COLUMN_WIDTH);
      current[column] = pixels;
    }
    this.setColumnWidths(sheet, current);
  }

  setColumnWidths(sheet: number, widths: readonly number[]): void {
    this.sheets.set(sheet, {
      ...(this.sheets.get(sheet) ?? NO_DECORATIONS),
      columnWidths: [...widths],
    });
  }

  columnWidth(sheet: number, column: number): number {
    return this.sheets.get(sheet)?.columnWidths[column] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The explicit number format of a cell: its own, else the last rule covering it. */
  formatAt(sheet: number, row: number, column: number): string | null {
    const own = this.cellFormat(sheet, row, column);
    if (own !== null) return own;
    const rules = this.sheets.get(sheet)?.formats ?? [];
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i] as FormatRule;
      if (contains(rule.range, row, column)) return rule.format;
    }
    return null;
  }

  /**
   * The colour-scale fill of a cell ("#rrggbb"), if a scale covers it and it holds a number.
   * `values` reads a scale's range; `version` tells when cached statistics are stale.
   */
  colorAt(
    sheet: number,
    row: number,
    column: number,
    value: unknown,
    values: (range: SheetRange) => readonly (readonly unknown[])[],
    version: number
  ): string | null {
    const scales = this.sheets.get(sheet)?.colorScales ?? [];
    for (let i = scales.length - 1; i >= 0; i--) {
      const scale = scales[i] as ColorScale;
      if (!contains(scale.range, row, column)) continue;
      if (typeof value !== "number") return null;
      const { low, mid, high } = this.statistics(scale, values, version);
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

  private statistics(
    scale: ColorScale,
    values: (range: SheetRange) => readonly (readonly unknown[])[],
    version: number
  ): { low: number; mid: number; high: number } {
    const cached = this.scaleCache.get(scale);
    if (cached && cached.version === version) return cached;
    const numbers: number[] = [];
    for (const cells of values(scale.range))
      for (const cell of cells) if (typeof cell === "number") numbers.push(cell);
    numbers.sort((a, b) => a - b);
    // Excel's midpoint is the 50th percentile.
    const statistics = {
      version,
      low: numbers[0] ?? 0,
      mid: numbers.length === 0 ? 0 : percentile(numbers, 0.5),
      high: numbers[numbers.length - 1] ?? 0,
    };
    this.scaleCache.set(scale, statistics);
    return statistics;
  }
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
