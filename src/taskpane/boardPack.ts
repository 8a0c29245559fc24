/**
 * The board pack and the what-if sheet as plans: pure data saying what
 * to write where, carried out through the WorkbookPort by writePlan.ts. No DOM, no Office.
 *
 * Every figure in a board pack is a live =SAAS.* formula over the user's own ranges (never a
 * copy of a value), so the pack recalculates when the data change; a ledger is first spilled
 * into a customers × periods matrix with SAAS.MRRMATRIX on the pack itself. Labels come from the
 * message catalogue in the pane's language; the numbers are the same in every language.
 *
 * Tables are written as INDEX(SAAS.…(…), row, column) cell by cell rather than as spills, so
 * their labels can be translated and no spill can collide with the next section; the one spills
 * are the cohort table, the ledger's matrix and the what-if projection, each with room to grow.
 */
import type { MessageParams, PeriodUnit } from "../core";
import type {
  KpiId,
  ReadingKey,
  RevenueAnalysis,
  RevenueRanges,
  SegmentMetric,
  SurveyAnalysis,
  SurveyModel,
  WhatIfAssumptions,
  WhatIfBaseline,
  WhatIfScenario,
  BillingRanges,
} from "../analysis";
import {
  BRIDGE_STEPS,
  SEGMENT_METRICS,
  SMALL_SAMPLE,
  WHO_MOVED,
  type WhoMovedKind,
  readingRules,
  whatIfScenario,
} from "../analysis";
import { MOVERS_DEFAULT_COUNT } from "../core/movers";
import { SpillLabel } from "../core/labels";
import { absoluteRange, cellAddress, localRange } from "../core";
import type {
  CellBlock,
  CellInput,
  CellStyleRule,
  ChartRequest,
  ColorScaleRule,
  ColumnWidth,
  NumberFormatRule,
  PrintLayout,
} from "../workbook/port";
import type { MessageKey, Translator } from "../i18n";
import { BRIDGE_LABEL, KPI_NAME, SEGMENT_HEADER, segmentColumnName } from "./labels";
import { PALETTE } from "./palette";
import { saasCall } from "./saasFormula";

export interface SheetPlan {
  /** The name asked for; the port adds " (2)" and so on when a sheet has it already. */
  readonly wantedName: string;
  readonly blocks: readonly CellBlock[];
  readonly numberFormats: readonly NumberFormatRule[];
  readonly colorScales: readonly ColorScaleRule[];
  readonly charts: readonly ChartRequest[];
  /** How it looks (absent: Excel's defaults). */
  readonly columnWidths?: readonly ColumnWidth[];
  readonly cellStyles?: readonly CellStyleRule[];
  /** How the sheet prints; null or absent: as Excel's defaults have it. */
  readonly printLayout?: PrintLayout | null;
}

// ---------------------------------------------------------------------------------------------
// References.

const formula = (text: string): CellInput => ({ formula: `=${text}` });
/** A formula whose result spills `rows` × `columns`, as the analysis computed it (a hint). */
const spilling = (text: string, rows: number, columns: number): CellInput => ({
  formula: `=${text}`,
  spill: { rows, columns },
});

/** Where the revenue a pack reads lives: the user's grid, or the matrix the pack spills from a ledger. */
interface RevenueReferences {
  /** How many periods there are. */
  readonly periods: number;
  period(p: number): string;
  /** The header cell naming period p (a date, or a period's text). */
  header(p: number): string;
  /** The periods before `start`, as one range; null when there is none. */
  history(start: number): string | null;
  segment(index: number): string;
  /** What SAAS.COHORT reads; null when the periods are not one block. */
  cohort(): string | null;
  /** The customers' ids or names, in the periods' rows; null when the data name none. */
  customers(): string | null;
}

/** Where a ledger's matrix and its segment lookups go on the pack: right of everything else. */
const MATRIX_TOP = 3;

function gridReferences(ranges: Extract<RevenueRanges, { kind: "grid" }>): RevenueReferences {
  const { sheetName, firstRow, lastRow, periodColumns } = ranges;
  const columnOf = (p: number) => periodColumns[p] as number;
  return {
    periods: periodColumns.length,
    period: (p) => absoluteRange(sheetName, firstRow, columnOf(p), lastRow, columnOf(p)),
    header: (p) =>
      absoluteRange(sheetName, ranges.headerRow, columnOf(p), ranges.headerRow, columnOf(p)),
    history: (start) =>
      ranges.periodsAdjacent && start > 0
        ? absoluteRange(sheetName, firstRow, columnOf(0), lastRow, columnOf(start - 1))
        : null,
    segment: (index) => {
      const column = ranges.segmentColumns[index]?.column as number;
      return absoluteRange(sheetName, firstRow, column, lastRow, column);
    },
    customers: () =>
      ranges.customerColumn === null
        ? null
        : absoluteRange(sheetName, firstRow, ranges.customerColumn, lastRow, ranges.customerColumn),
    cohort: () =>
      ranges.periodsAdjacent
        ? absoluteRange(
            sheetName,
            ranges.cohortWithHeader ? ranges.headerRow : firstRow,
            columnOf(0),
            lastRow,
            columnOf(periodColumns.length - 1)
          )
        : null,
  };
}

function ledgerReferences(
  ranges: Extract<RevenueRanges, { kind: "ledger" }>,
  matrixColumn: number
): RevenueReferences {
  const top = MATRIX_TOP;
  const bottom = MATRIX_TOP + ranges.matrixRows - 1;
  const helper = matrixColumn + ranges.matrixColumns;
  return {
    periods: ranges.matrixColumns - 1,
    // Columns of the spill, header row included: its ISO date text is read as a header.
    period: (p) => absoluteRange(null, top, matrixColumn + 1 + p, bottom, matrixColumn + 1 + p),
    header: (p) => absoluteRange(null, top, matrixColumn + 1 + p, top, matrixColumn + 1 + p),
    history: (start) =>
      start > 0 ? absoluteRange(null, top, matrixColumn + 1, bottom, matrixColumn + start) : null,
    segment: (index) => absoluteRange(null, top, helper + index, bottom, helper + index),
    cohort: () =>
      absoluteRange(null, top, matrixColumn, bottom, matrixColumn + ranges.matrixColumns - 1),
    // The spill's first column, header row included, as its period columns are.
    customers: () => absoluteRange(null, top, matrixColumn, bottom, matrixColumn),
  };
}

// ---------------------------------------------------------------------------------------------
// A sheet under construction.

class PlanBuilder {
  readonly blocks: CellBlock[] = [];
  readonly numberFormats: NumberFormatRule[] = [];
  readonly colorScales: ColorScaleRule[] = [];
  readonly charts: ChartRequest[] = [];
  readonly columnWidths: ColumnWidth[] = [];
  readonly cellStyles: CellStyleRule[] = [];
  printLayout: PrintLayout | null = null;

  /** Writes a rectangle of cells with its top-left cell at (row, column). */
  write(row: number, column: number, rows: readonly (readonly CellInput[])[]): void {
    if (rows.length === 0) return;
    this.blocks.push({ at: cellAddress({ row, column }), rows });
  }

  format(
    firstRow: number,
    firstColumn: number,
    lastRow: number,
    lastColumn: number,
    format: string
  ): void {
    if (lastRow < firstRow || lastColumn < firstColumn) return;
    this.numberFormats.push({
      address: localRange(firstRow, firstColumn, lastRow, lastColumn),
      format,
    });
  }

  style(
    firstRow: number,
    firstColumn: number,
    lastRow: number,
    lastColumn: number,
    style: Omit<CellStyleRule, "address">
  ): void {
    if (lastRow < firstRow || lastColumn < firstColumn) return;
    this.cellStyles.push({
      address: localRange(firstRow, firstColumn, lastRow, lastColumn),
      ...style,
    });
  }

  /** The sheet's title: large, in the headings' colour. */
  title(row: number): void {
    this.style(row, 0, row, 0, { bold: true, size: 14, color: PALETTE.heading });
  }

  /** A section's heading: bold, in the headings' colour, ruled under across the tables' width. */
  heading(row: number, lastColumn = TABLE_LAST_COLUMN): void {
    this.style(row, 0, row, 0, { bold: true, size: 12, color: PALETTE.heading });
    this.style(row, 0, row, lastColumn, { underline: PALETTE.heading });
  }

  /** A table's header row: bold on the headers' fill, figures' headers over their figures. */
  headerRow(row: number, firstColumn: number, lastColumn: number): void {
    this.style(row, firstColumn, row, lastColumn, { bold: true, fill: PALETTE.headerFill });
    if (lastColumn > firstColumn)
      this.style(row, firstColumn + 1, row, lastColumn, { align: "right" });
  }

  /** A line that explains rather than states: italic and grey. */
  note(row: number, column = 0): void {
    this.style(row, column, row, column, { italic: true, color: NOTE_COLOR });
  }

  /** Column widths in points, from column A. */
  widths(points: readonly number[]): void {
    points.forEach((width, column) => this.columnWidths.push({ column, points: width }));
  }

  plan(wantedName: string): SheetPlan {
    return {
      wantedName,
      blocks: this.blocks,
      numberFormats: this.numberFormats,
      colorScales: this.colorScales,
      charts: this.charts,
      columnWidths: this.columnWidths,
      cellStyles: this.cellStyles,
      printLayout: this.printLayout,
    };
  }
}

/**
 * Where the pack's spills go, to the right of everything else, side by side from row
 * MATRIX_TOP: each SAAS function is computed once there (the bridge, each segment table's
 * metrics) and the tables the reader sees refer to its cells. A table of INDEX(SAAS.…(…), k, 2)
 * cells would compute the whole function again for every cell: seven bridges for one.
 */
/** Where a spill's cells land: one cell, or a block of them (rows and columns of its result). */
interface SpillAt {
  cell(row: number, column: number): string;
  range(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string;
}

class CalculationArea {
  private next: number;

  constructor(
    private readonly sheet: PlanBuilder,
    private readonly firstColumn: number,
    private readonly heading: string
  ) {
    this.next = firstColumn;
  }

  /**
   * Writes a spilling formula under its title and returns where each cell of its result lands
   * (as the analysis computed it, `columns` wide), e.g. cell(0, 1) → "$T$4".
   */
  /**
   * A text the tables' formulas show (so that their formulas are the same in every language):
   * written once here, its cell's address returned.
   */
  text(title: string, text: string): string {
    const column = this.next;
    if (column === this.firstColumn) this.sheet.write(MATRIX_TOP - 2, column, [[this.heading]]);
    this.sheet.write(MATRIX_TOP - 1, column, [[title], [text]]);
    this.next = column + 2;
    return absoluteRange(null, MATRIX_TOP, column, MATRIX_TOP, column);
  }

  /**
   * Texts the tables' formulas choose between (the readings), one column under one title,
   * written once each; their cells' addresses returned in the same order.
   */
  texts(title: string, texts: readonly string[]): string[] {
    const column = this.next;
    if (column === this.firstColumn) this.sheet.write(MATRIX_TOP - 2, column, [[this.heading]]);
    this.sheet.write(MATRIX_TOP - 1, column, [[title], ...texts.map((text) => [text])]);
    this.next = column + 2;
    return texts.map((_, k) => absoluteRange(null, MATRIX_TOP + k, column, MATRIX_TOP + k, column));
  }

  /** A block of cells under its title (a chart's helper table); its sheet-local range. */
  block(title: string, rows: readonly (readonly CellInput[])[], format?: string): string {
    const column = this.next;
    if (column === this.firstColumn) this.sheet.write(MATRIX_TOP - 2, column, [[this.heading]]);
    this.sheet.write(MATRIX_TOP - 1, column, [[title]]);
    this.sheet.write(MATRIX_TOP, column, rows);
    const width = Math.max(...rows.map((row) => row.length));
    this.next = column + width + 1;
    const bottom = MATRIX_TOP + rows.length - 1;
    if (format !== undefined)
      this.sheet.format(MATRIX_TOP + 1, column + 1, bottom, column + width - 1, format);
    return localRange(MATRIX_TOP, column, bottom, column + width - 1);
  }

  spill(title: string, text: string, rows: number, columns: number): SpillAt {
    const column = this.next;
    if (column === this.firstColumn) this.sheet.write(MATRIX_TOP - 2, column, [[this.heading]]);
    this.sheet.write(MATRIX_TOP - 1, column, [[title]]);
    this.sheet.write(MATRIX_TOP, column, [[spilling(text, rows, columns)]]);
    this.next = column + columns + 1;
    const at = (row: number, offset: number) =>
      absoluteRange(null, MATRIX_TOP + row, column + offset, MATRIX_TOP + row, column + offset);
    return {
      cell: at,
      range: (firstRow, firstOffset, lastRow, lastOffset) =>
        absoluteRange(
          null,
          MATRIX_TOP + firstRow,
          column + firstOffset,
          MATRIX_TOP + lastRow,
          column + lastOffset
        ),
    };
  }
}

const PERCENT = "0.0%";
const MONEY = "#,##0.00";
/** SAAS.CHURN.TRAILING's six complete months need eight: the latest is left out, and one before. */
const TRAILING_PERIODS = 8;
const AMOUNT = "#,##0";
const RATIO = "0.00";
const POINTS = "0.0";
/** The tables' columns (A–F): headings are ruled across them. */
const TABLE_LAST_COLUMN = 5;
/** Widths of A–F in points: names and sentences in A, figures in B–F, customers' names in D. */
const TABLE_WIDTHS = [200, 90, 90, 140, 90, 90];
const NOTE_COLOR = "#595959";
/** Rows a chart covers beside its table. */
const CHART_ROWS = 16;
/** Beside the bridge (A–B) and the trend (A–D), a column's gap after them. */
const CHART_FIRST_COLUMN = 5; // F
const CHART_LAST_COLUMN = 11; // L
/** The calculation area starts no further left than R, a few columns clear of the charts. */
const CALCULATIONS_FIRST_COLUMN = 17;

/** Where a chart goes: to the right of the table that starts at row `top`, CHART_ROWS high. */
function chartBeside(top: number): { topLeft: string; bottomRight: string } {
  return {
    topLeft: cellAddress({ row: top, column: CHART_FIRST_COLUMN }),
    bottomRight: cellAddress({ row: top + CHART_ROWS - 1, column: CHART_LAST_COLUMN }),
  };
}
/** Three-colour scale for retention: red low, yellow middle, green high (Excel's own defaults). */
const HEATMAP = { minimumColor: "#F8696B", midpointColor: "#FFEB84", maximumColor: "#63BE7B" };
/** At most this many segment columns get a table in the pack. */
const MAX_SEGMENT_TABLES = 3;

const PERIOD_FORMAT: Readonly<Record<PeriodUnit, string>> = {
  month: "mmm yyyy",
  quarter: "mmm yyyy",
  year: "yyyy",
};

/**
 * One branch of a KPI's reading on the pack: when the figure's cell compares so (null: in every
 * other case), the pane's reading `key`, worded on the pack by `text` (without the figure itself,
 * which stands beside it).
 */
export interface PackReading {
  readonly when: string | null;
  readonly key: ReadingKey;
  readonly text: MessageKey;
  /** The benchmark its words quote. */
  readonly params: MessageParams;
}

/**
 * The pack's words for the readings whose pane words quote the figure itself ("Keeps 99.1% of
 * revenue a month…"): the figure stands beside them on the pack, so they quote the benchmark only.
 */
const PACK_WORDS: Readonly<Partial<Record<ReadingKey, MessageKey>>> = {
  "reading.grr.bestInClass": "pack.reading.grr.bestInClass",
  "reading.grr.belowBest": "pack.reading.grr.belowBest",
  "reading.mrrChurn.bestInClass": "pack.reading.mrrChurn.bestInClass",
  "reading.mrrChurn.aboveBest": "pack.reading.mrrChurn.aboveBest",
  "reading.logo.withinTarget": "pack.reading.logo.withinTarget",
  "reading.logo.aboveTarget": "pack.reading.logo.aboveTarget",
};

/**
 * A KPI's readings as the pack states them live over a span of `months`: the pane's own rules
 * (readingRules in the analysis), each limit written as a number of 15 significant digits, as
 * Excel keeps a number typed into a formula.
 *
 * @example packReadings("grr", 3)[0].when === ">0.970299"
 */
export function packReadings(id: KpiId, months: number): readonly PackReading[] {
  return readingRules(id, months).map(({ key, when, quoted }) => ({
    when: when === undefined ? null : `${when.test}${Number(when.limit.toPrecision(15))}`,
    key,
    text: PACK_WORDS[key] ?? key,
    params: quoted,
  }));
}

/**
 * The readings' words, written once in the calculation area (so the tables' formulas are the same
 * in every language), and the formula that picks one by the figure in a cell: blank while the
 * figure is an error.
 */
class ReadingTexts {
  /** The cell holding each reading's words, by those words. */
  private readonly cells = new Map<string, string>();

  constructor(
    private readonly t: T,
    area: CalculationArea | null,
    title: string,
    wanted: readonly PackReading[]
  ) {
    const texts = [...new Set(wanted.map(({ text, params }) => t(text, params)))];
    if (area === null || texts.length === 0) return;
    const cells = area.texts(title, texts);
    texts.forEach((text, k) => this.cells.set(text, cells[k] as string));
  }

  /** The reading of the figure at `value` (an absolute cell); null without words for it. */
  of(value: string, readings: readonly PackReading[]): CellInput {
    if (this.cells.size === 0 || readings.length === 0) return null;
    const choose = (k: number): string => {
      const { when, text, params } = readings[k] as PackReading;
      const cell = this.cells.get(this.t(text, params)) as string;
      return when === null || k === readings.length - 1
        ? cell
        : `IF(${value}${when},${cell},${choose(k + 1)})`;
    };
    return formula(`IFERROR(${choose(0)},"")`);
  }
}

const KPI_FORMAT: Readonly<Record<KpiId, string>> = {
  nrr: PERCENT,
  grr: PERCENT,
  logoRetention: PERCENT,
  mrrChurn: PERCENT,
  netMrrChurn: PERCENT,
  quickRatio: RATIO,
  nps: POINTS,
  csat: PERCENT,
  ces: RATIO,
};

/** The SAAS function of each revenue KPI and segment metric. */
const REVENUE_FUNCTION: Readonly<Record<Exclude<KpiId, "nps" | "csat" | "ces">, string>> = {
  nrr: "NRR",
  grr: "GRR",
  logoRetention: "LOGORETENTION",
  mrrChurn: "MRRCHURN",
  netMrrChurn: "NETMRRCHURN",
  quickRatio: "QUICKRATIO",
};

/**
 * A revenue metric over two periods (and the history, and segments, where given). MRR churn
 * counts contraction, as the pane's card does, said explicitly when segments follow it.
 */
function revenueFormula(
  metric: keyof typeof REVENUE_FUNCTION,
  start: string,
  end: string,
  more: { history?: string | null; segments?: string } = {}
): string {
  const id = REVENUE_FUNCTION[metric];
  return saasCall(id, {
    start_mrr: start,
    end_mrr: end,
    ...(metric === "quickRatio" && more.history ? { history: more.history } : {}),
    ...(more.segments === undefined
      ? {}
      : {
          segments: more.segments,
          ...(metric === "mrrChurn" ? { include_contraction: "TRUE()" } : {}),
          // QUICKRATIO takes history before segments: the segment tables never show it.
        }),
  });
}

/** The survey's figure as a formula over the scores (and segments), by its scale. */
function surveyFormula(scale: SurveyModel["scale"], scores: string, segments?: string): string {
  switch (scale) {
    case "nps":
      return saasCall("NPS", { scores, segments });
    case "csat":
      // The pane reads CSAT on its default 1–5 scale, top two boxes: said explicitly before segments.
      return segments === undefined
        ? saasCall("CSAT", { scores })
        : saasCall("CSAT", { scores, scale_max: "5", method: '"top2"', segments });
    case "ces":
      return segments === undefined
        ? saasCall("CES", { scores })
        : saasCall("CES", { scores, scale_max: "7", segments });
  }
}

// ---------------------------------------------------------------------------------------------
// Board pack.

export interface BoardPackRevenue {
  readonly ranges: RevenueRanges;
  readonly analysis: RevenueAnalysis;
  readonly period: PeriodUnit;
  /** The range the user analysed, as Excel writes it ("'MRR data'!A1:N301"), for the heading. */
  readonly address: string;
}

export interface BoardPackSurvey {
  readonly ranges: SurveyModel["ranges"];
  readonly scale: SurveyModel["scale"];
  readonly analysis: SurveyAnalysis;
  readonly address: string;
}

export interface BoardPackInput {
  readonly revenue: BoardPackRevenue | null;
  readonly survey: BoardPackSurvey | null;
}

/**
 * The board pack: title, KPI table, MRR bridge with a waterfall (and its stacked-column helper),
 * NRR/GRR trend with a line chart, cohort heatmap, a table per segment column and, with survey
 * data, the NPS breakdown with its margin of error. Columns A–F hold the tables, F–L the charts
 * beside the bridge and the trend, and the calculations start at R.
 *
 * @example planBoardPack({ revenue, survey: null }, translator).blocks[…] holds
 *   { formula: "=SAAS.NRR('MRR data'!$E$2:$E$301,'MRR data'!$F$2:$F$301)" }
 */
export function planBoardPack(input: BoardPackInput, messages: Translator): SheetPlan {
  const { t } = messages;
  const sheet = new PlanBuilder();
  const { revenue, survey } = input;

  const intro: CellInput[][] = [[t("pack.title")]];
  if (revenue !== null) intro.push([t("pack.source", { address: revenue.address })]);
  if (survey !== null) intro.push([t("pack.surveySource", { address: survey.address })]);
  intro.push([t("pack.note")]);
  sheet.write(0, 0, intro);
  sheet.title(0);
  sheet.note(intro.length - 1);
  sheet.widths(TABLE_WIDTHS);
  let row = intro.length + 1;

  let refs: RevenueReferences | null = null;
  let area: CalculationArea | null = null;
  let constant: ConstantCurrency | null = null;
  if (revenue !== null) {
    const { ranges } = revenue;
    // Right of the widest table (the cohort table is as wide as the periods, plus a label).
    if (ranges.kind === "grid") {
      refs = gridReferences(ranges);
      const right = Math.max(CALCULATIONS_FIRST_COLUMN, ranges.periodColumns.length + 3);
      area = new CalculationArea(sheet, right, t("pack.calculations"));
      if (ranges.billing?.conversion)
        constant = constantCurrency(area, ranges, ranges.billing, refs, revenue.analysis.start, t);
    } else {
      const matrixColumn = Math.max(CALCULATIONS_FIRST_COLUMN, ranges.matrixColumns + 2);
      refs = ledgerReferences(ranges, matrixColumn);
      writeLedgerMatrix(sheet, ranges, matrixColumn, t);
      const right = matrixColumn + ranges.matrixColumns + ranges.segmentColumns.length + 1;
      area = new CalculationArea(sheet, right, t("pack.calculations"));
    }
    const { start, end } = revenue.analysis;
    sheet.write(row, 0, [
      [t("period.from"), formula(refs.header(start))],
      [t("period.to"), formula(refs.header(end))],
    ]);
    sheet.format(row, 1, row + 1, 1, PERIOD_FORMAT[revenue.period]);
    row += 3;
  }

  if (area === null && survey !== null)
    area = new CalculationArea(sheet, CALCULATIONS_FIRST_COLUMN, t("pack.calculations"));
  row = writeKpiTable(sheet, row, revenue, refs, constant, survey, area, t);
  if (area !== null) row = writeIntervals(sheet, row, revenue, refs, survey, area, t);
  if (revenue !== null && refs !== null && area !== null) {
    row = writeBridge(sheet, row, revenue.analysis, refs, area, constant, t);
    row = writeTrend(sheet, row, revenue, refs, t);
    row = writeCohort(sheet, row, revenue.analysis, refs, t);
    revenue.analysis.segmentTables.slice(0, MAX_SEGMENT_TABLES).forEach((table, index) => {
      row = writeRevenueSegments(
        sheet,
        row,
        revenue.analysis,
        refs as RevenueReferences,
        area as CalculationArea,
        table,
        index,
        t
      );
    });
    row = writeWhoMoved(sheet, row, revenue.analysis, refs, t);
    row = writeReconcile(sheet, row, revenue.analysis, refs, t);
  }
  if (survey !== null) row = writeSurvey(sheet, row, survey, t);
  // Landscape, one page wide: the tables and their charts, not the calculations right of them.
  const widest = Math.max(
    CHART_LAST_COLUMN,
    ...(revenue?.analysis.cohort?.ok ? [(revenue.analysis.cohort.value[0]?.length ?? 1) - 1] : []),
    ...(revenue?.analysis.reconcile.ok
      ? [(revenue.analysis.reconcile.value[0]?.length ?? 1) - 1]
      : [])
  );
  sheet.printLayout = {
    orientation: "landscape",
    fitToOnePageWide: true,
    printArea: localRange(0, 0, Math.max(0, row - 1), widest),
  };
  return sheet.plan(t("pack.sheetName"));
}

type T = Translator["t"];

/**
 * A billing export in several currencies seen at constant currency: every amount converted at
 * the rates of the start period's first day (SAAS.FX.CONVERT's as_of), spread as the reported
 * matrix is. Its columns line up with the reported matrix's, customer for customer.
 */
interface ConstantCurrency {
  /** The constant-currency column of period p (data rows), like RevenueReferences.period. */
  period(p: number): string;
  history(start: number): string | null;
}

function constantCurrency(
  area: CalculationArea,
  ranges: Extract<RevenueRanges, { kind: "grid" }>,
  billing: BillingRanges,
  refs: RevenueReferences,
  start: number,
  t: T
): ConstantCurrency {
  const conversion = billing.conversion as NonNullable<BillingRanges["conversion"]>;
  const column = (index: number) =>
    absoluteRange(billing.sheetName, billing.firstRow, index, billing.lastRow, index);
  const dates = column(billing.dateColumn);
  const converted = saasCall("FX.CONVERT", {
    amounts: column(billing.amountColumn),
    currencies: column(billing.currencyColumn as number),
    dates,
    rates: conversion.ratesAddress,
    as_of: refs.header(start),
  });
  const customers = ranges.lastRow - ranges.firstRow + 1;
  const periods = ranges.periodColumns.length;
  const spill = area.spill(
    t("pack.constantMatrix", { currency: conversion.reportingCurrency }),
    saasCall("MRRMATRIX", {
      customers: column(billing.customerColumn),
      dates,
      amounts: converted,
      period: '"month"',
      covers: billing.coversColumn === null ? undefined : column(billing.coversColumn),
    }),
    customers + 1,
    periods + 1
  );
  return {
    period: (p) => spill.range(1, p + 1, customers, p + 1),
    history: (from) => (from > 0 ? spill.range(1, 1, customers, from) : null),
  };
}

function writeLedgerMatrix(
  sheet: PlanBuilder,
  ranges: Extract<RevenueRanges, { kind: "ledger" }>,
  matrixColumn: number,
  t: T
): void {
  const ledgerColumn = (column: number) =>
    absoluteRange(ranges.sheetName, ranges.firstRow, column, ranges.lastRow, column);
  const customers = ledgerColumn(ranges.customerColumn);
  sheet.write(MATRIX_TOP - 2, matrixColumn, [[t("pack.matrixHeading")]]);
  sheet.write(MATRIX_TOP, matrixColumn, [
    [
      spilling(
        saasCall("MRRMATRIX", {
          customers,
          dates: ledgerColumn(ranges.dateColumn),
          amounts: ledgerColumn(ranges.amountColumn),
          period: `"${ranges.period}"`,
        }),
        ranges.matrixRows,
        ranges.matrixColumns
      ),
    ],
  ]);
  const bottom = MATRIX_TOP + ranges.matrixRows - 1;
  sheet.format(
    MATRIX_TOP + 1,
    matrixColumn + 1,
    bottom,
    matrixColumn + ranges.matrixColumns - 1,
    AMOUNT
  );
  // Each customer's segment (the one on its first ledger line), in the matrix's rows: one spill
  // per segment column, matched by the matrix's own id rule, in one pass over the ledger.
  const helper = matrixColumn + ranges.matrixColumns;
  ranges.segmentColumns.forEach((segment, index) => {
    sheet.write(MATRIX_TOP, helper + index, [
      [
        spilling(
          saasCall("MRRMATRIX.SEGMENTS", {
            customers,
            dates: ledgerColumn(ranges.dateColumn),
            amounts: ledgerColumn(ranges.amountColumn),
            segments: ledgerColumn(segment.column),
          }),
          ranges.matrixRows,
          1
        ),
      ],
    ]);
  });
}

function writeKpiTable(
  sheet: PlanBuilder,
  top: number,
  revenue: BoardPackRevenue | null,
  refs: RevenueReferences | null,
  constant: ConstantCurrency | null,
  survey: BoardPackSurvey | null,
  area: CalculationArea | null,
  t: T
): number {
  const rows: CellInput[][] = [
    [t("kpi.heading"), null, null],
    [t("pack.metric"), t("pack.value"), t("pack.context")],
  ];
  const formats: string[] = [];
  const wanted: (readonly PackReading[])[] = [
    ...(revenue === null
      ? []
      : revenue.analysis.kpis.map(({ id }) => packReadings(id, revenue.analysis.months))),
    ...(survey === null ? [] : [packReadings(survey.scale, 1)]),
  ];
  const readings = new ReadingTexts(t, area, t("pack.readings"), wanted.flat());
  // Read by the figure as it is now, not as it was when the pack was made.
  const reading = (id: KpiId, months: number) => {
    const row = top + rows.length;
    return readings.of(absoluteRange(null, row, 1, row, 1), packReadings(id, months));
  };
  if (revenue !== null && refs !== null) {
    const { start, end } = revenue.analysis;
    const startRange = refs.period(start);
    const endRange = refs.period(end);
    const history = refs.history(start);
    for (const { id } of revenue.analysis.kpis) {
      const metric = id as keyof typeof REVENUE_FUNCTION;
      rows.push([
        t(KPI_NAME[id]),
        formula(revenueFormula(metric, startRange, endRange, { history })),
        reading(id, revenue.analysis.months),
      ]);
      formats.push(KPI_FORMAT[id]);
    }
    // What each account pays, and what it is worth over its expected life at the trailing churn
    // (ChartMogul's convention: six complete months, the latest left out; docs/conventions.md).
    const arpaRow = top + rows.length;
    rows.push([
      t("pack.arpa"),
      formula(saasCall("ARPA", { mrr: endRange })),
      t("pack.arpaContext"),
    ]);
    formats.push(MONEY);
    const matrix = refs.cohort();
    if (matrix !== null && revenue.period === "month" && refs.periods >= TRAILING_PERIODS) {
      rows.push([
        t("pack.ltv"),
        formula(
          saasCall("LTV", {
            arpa: absoluteRange(null, arpaRow, 1, arpaRow, 1),
            monthly_churn: saasCall("CHURN.TRAILING", { mrr_matrix: matrix }),
          })
        ),
        t("pack.ltvContext"),
      ]);
      formats.push(MONEY);
    }
    if (constant !== null) {
      // Beside the reported NRR: the same customers with the exchange rates held still.
      rows.push([
        t("pack.nrrConstant"),
        formula(revenueFormula("nrr", constant.period(start), constant.period(end))),
        t("pack.nrrConstantContext"),
      ]);
      formats.push(KPI_FORMAT.nrr);
    }
  }
  if (survey !== null) {
    const scores = surveyScores(survey);
    rows.push([
      t(KPI_NAME[survey.scale]),
      formula(surveyFormula(survey.scale, scores)),
      reading(survey.scale, 1),
    ]);
    formats.push(KPI_FORMAT[survey.scale]);
    if (survey.scale === "nps") {
      rows.push([t("pack.npsMargin"), formula(saasCall("NPS.MOE", { scores })), null]);
      formats.push(POINTS);
    }
  }
  sheet.write(top, 0, rows);
  sheet.heading(top);
  sheet.headerRow(top + 1, 0, 2);
  sheet.style(top + 1, 2, top + 1, 2, { align: "left" });
  formats.forEach((format, i) => sheet.format(top + 2 + i, 1, top + 2 + i, 1, format));
  return top + rows.length + 1;
}

/**
 * The 95% intervals of the figures that are samples, never a margin of 0 posing as certainty:
 * NPS (adjusted-Wald, SAAS.NPS.CI), CSAT and logo retention (Wilson, SAAS.RATE.CI), each with
 * the sample it rests on and, below 30, "small sample" (docs/metrics.md, "Intervals on small
 * samples"). The intervals spill in the calculation area; this table refers to them.
 */
function writeIntervals(
  sheet: PlanBuilder,
  top: number,
  revenue: BoardPackRevenue | null,
  refs: RevenueReferences | null,
  survey: BoardPackSurvey | null,
  area: CalculationArea,
  t: T
): number {
  const rows: CellInput[][] = [
    [t("pack.intervalsHeading"), null, null, null, null],
    [t("pack.metric"), t("pack.lower"), t("pack.upper"), t("pack.sample"), null],
  ];
  const formats: string[] = [];
  let note: string | null = null;
  const add = (name: string, interval: SpillAt, sample: string, format: string) => {
    const row = top + rows.length;
    const count = absoluteRange(null, row, 3, row, 3);
    note ??= area.text(t("pack.smallSampleTitle"), t("pack.smallSample"));
    rows.push([
      name,
      formula(interval.cell(0, 1)),
      formula(interval.cell(1, 1)),
      formula(sample),
      formula(`IF(${count}<${SMALL_SAMPLE},${note},"")`),
    ]);
    formats.push(format);
  };
  if (revenue !== null && refs !== null) {
    const { start, end } = revenue.analysis;
    const starting = `COUNTIF(${refs.period(start)},">0")`;
    const retained = `ROUND(${saasCall("LOGORETENTION", { start_mrr: refs.period(start), end_mrr: refs.period(end) })}*${starting},0)`;
    add(
      t("kpi.logoRetention"),
      area.spill(
        t("pack.intervalOf", { metric: t("kpi.logoRetention") }),
        saasCall("RATE.CI", { successes: retained, trials: starting }),
        2,
        2
      ),
      starting,
      PERCENT
    );
  }
  if (survey !== null && survey.scale !== "ces") {
    const scores = surveyScores(survey);
    const answers = `COUNT(${scores})`;
    const interval =
      survey.scale === "nps"
        ? saasCall("NPS.CI", { scores })
        : saasCall("RATE.CI", { successes: `COUNTIF(${scores},">=4")`, trials: answers });
    add(
      t(KPI_NAME[survey.scale]),
      area.spill(t("pack.intervalOf", { metric: t(KPI_NAME[survey.scale]) }), interval, 2, 2),
      answers,
      survey.scale === "nps" ? POINTS : PERCENT
    );
  }
  if (rows.length === 2) return top;
  sheet.write(top, 0, rows);
  sheet.heading(top);
  sheet.headerRow(top + 1, 0, 3);
  formats.forEach((format, i) => sheet.format(top + 2 + i, 1, top + 2 + i, 2, format));
  return top + rows.length + 1;
}

const MOVED_HEADING: Readonly<Record<WhoMovedKind, MessageKey>> = {
  churn: "moved.churn",
  contraction: "moved.contraction",
  expansion: "moved.expansion",
  new: "moved.new",
};

/**
 * "Who moved": SAAS.MOVERS for the bridge's churn, contraction, expansion and new revenue, two
 * lists side by side, ten customers each, live over the analysed columns.
 */
function writeWhoMoved(
  sheet: PlanBuilder,
  top: number,
  analysis: RevenueAnalysis,
  refs: RevenueReferences,
  t: T
): number {
  const customers = refs.customers();
  if (customers === null || analysis.whoMoved === null) return top;
  const { start, end } = analysis;
  const history = refs.history(start);
  sheet.write(top, 0, [[t("moved.heading")], [t("moved.intro")]]);
  sheet.heading(top);
  sheet.note(top + 1);
  let row = top + 3;
  for (let pair = 0; pair < WHO_MOVED.length; pair += 2) {
    let tallest = 0;
    WHO_MOVED.slice(pair, pair + 2).forEach((kind, side) => {
      const column = side * 3;
      const rows = (analysis.whoMoved?.[kind].length ?? 0) + 1;
      tallest = Math.max(tallest, rows);
      sheet.write(row, column, [
        [t(MOVED_HEADING[kind])],
        [
          spilling(
            saasCall("MOVERS", {
              customers,
              start_mrr: refs.period(start),
              end_mrr: refs.period(end),
              movement: `"${kind}"`,
              count: String(MOVERS_DEFAULT_COUNT),
              // The earlier periods only tell new from reactivated revenue: the other lists are
              // the same without them, and a pack over years of months reads them once, not four
              // times.
              history: kind === "new" ? (history ?? undefined) : undefined,
            }),
            rows,
            2
          ),
        ],
      ]);
      sheet.format(row + 2, column + 1, row + 1 + MOVERS_DEFAULT_COUNT, column + 1, AMOUNT);
      sheet.style(row, column, row, column, { bold: true });
      // The spill's own first row is its header (customer, change).
      sheet.headerRow(row + 1, column, column + 1);
    });
    row += 1 + Math.max(tallest, 2) + 1;
  }
  return row;
}

/**
 * "Compare with other tools": SAAS.RECONCILE over the analysed span, spilled where the reader
 * sees it: the same customers under each tool's documented formula, with what differs.
 */
function writeReconcile(
  sheet: PlanBuilder,
  top: number,
  analysis: RevenueAnalysis,
  refs: RevenueReferences,
  t: T
): number {
  if (!analysis.reconcile.ok) return top;
  const table = analysis.reconcile.value;
  const { start, end } = analysis;
  const history = refs.history(start);
  sheet.write(top, 0, [
    [t("compare.heading")],
    [t("compare.intro")],
    [
      spilling(
        saasCall("RECONCILE", {
          start_mrr: refs.period(start),
          end_mrr: refs.period(end),
          history: history ?? undefined,
        }),
        table.length,
        table[0]?.length ?? 1
      ),
    ],
  ]);
  sheet.heading(top);
  sheet.note(top + 1);
  const lastColumn = Math.max(0, (table[0]?.length ?? 1) - 1);
  sheet.headerRow(top + 2, 0, lastColumn);
  // Every figure as the pane shows it: the quick ratio as a ratio, the rest as percentages; the
  // last column is words (what differs).
  table.slice(1).forEach((cells, k) => {
    const first = cells[0];
    const ratio = first instanceof SpillLabel && first.code === "label.quickRatio";
    sheet.format(top + 3 + k, 1, top + 3 + k, lastColumn - 1, ratio ? RATIO : PERCENT);
  });
  return top + 2 + table.length + 1;
}

function surveyScores(survey: BoardPackSurvey): string {
  const { sheetName, firstRow, lastRow, scoreColumn } = survey.ranges;
  return absoluteRange(sheetName, firstRow, scoreColumn, lastRow, scoreColumn);
}

function writeBridge(
  sheet: PlanBuilder,
  top: number,
  analysis: RevenueAnalysis,
  refs: RevenueReferences,
  area: CalculationArea,
  constant: ConstantCurrency | null,
  t: T
): number {
  const { start, end } = analysis;
  const history = refs.history(start);
  const bridge = saasCall("MRRBRIDGE", {
    start_mrr: refs.period(start),
    end_mrr: refs.period(end),
    history: history ?? undefined,
  });
  const spilled = area.spill(t("bridge.heading"), bridge, BRIDGE_STEPS.length, 2);
  const steps: CellInput[][] = BRIDGE_STEPS.map((step, k) => [
    t(BRIDGE_LABEL[step]),
    formula(spilled.cell(k, 1)),
  ]);
  if (constant !== null) {
    // The customers' moves at constant currency, and the exchange rates' own move as a line of
    // its own: start + moves + exchange-rate effect = end, all as reported.
    const held = area.spill(
      t("pack.bridgeConstant"),
      saasCall("MRRBRIDGE", {
        start_mrr: constant.period(start),
        end_mrr: constant.period(end),
        history: constant.history(start) ?? undefined,
      }),
      BRIDGE_STEPS.length,
      2
    );
    const moves = BRIDGE_STEPS.slice(1, -1).map((step, k) => [
      t(BRIDGE_LABEL[step]),
      formula(held.cell(k + 1, 1)),
    ]);
    const sum = (range: string) => `SUM(${range})`;
    const effect = `(${sum(refs.period(end))}-${sum(constant.period(end))})-(${sum(refs.period(start))}-${sum(constant.period(start))})`;
    steps.splice(1, BRIDGE_STEPS.length - 2, ...moves, [t("bridge.fxEffect"), formula(effect)]);
  }
  const header = top + 1;
  const first = header + 1;
  const last = first + steps.length - 1;
  const table: CellInput[][] = [[t("bridge.heading"), null], [null, t("pack.amount")], ...steps];
  sheet.write(top, 0, table);
  sheet.heading(top);
  sheet.headerRow(header, 0, 1);
  sheet.format(first, 1, last, 1, AMOUNT);

  // The stacked-column bridge drawn where Excel has no waterfall (and in the playground): an
  // invisible base with each step standing on it, up in the gains' colour, down in the losses',
  // the exchange rates' move in its own; start and end stand on the axis. Kept with the
  // calculations, out of the reader's tables.
  const fxRow = constant === null ? -1 : last - 1;
  const amount = (r: number) => `$B$${r + 1}`;
  const helper: CellInput[][] = [
    [
      null,
      t("pack.base"),
      t("pack.totals"),
      t("pack.up"),
      t("pack.down"),
      ...(constant === null ? [] : [t("bridge.fxEffect")]),
    ],
  ];
  const blanks = constant === null ? [] : [null];
  for (let r = first; r <= last; r++) {
    const label = formula(`$A$${r + 1}`);
    if (r === first || r === last) {
      helper.push([label, null, formula(amount(r)), null, null, ...blanks]);
      continue;
    }
    const base = formula(`MIN(SUM($B$${first + 1}:$B$${r}),SUM($B$${first + 1}:$B$${r + 1}))`);
    helper.push(
      r === fxRow
        ? [label, base, null, null, null, formula(`ABS(${amount(r)})`)]
        : [
            label,
            base,
            null,
            formula(`MAX(${amount(r)},0)`),
            formula(`MAX(-${amount(r)},0)`),
            ...blanks,
          ]
    );
  }
  const bridgeSource = area.block(t("pack.bridgeHelper"), helper, AMOUNT);
  sheet.charts.push({
    kind: "waterfall",
    source: localRange(header, 0, last, 1),
    bridgeSource,
    title: t("bridge.heading"),
    ...chartBeside(top),
    seriesBy: "columns",
    seriesColors: [
      null,
      PALETTE.total,
      PALETTE.gain,
      PALETTE.loss,
      ...(constant === null ? [] : [PALETTE.exchange]),
    ],
  });
  return top + Math.max(table.length, CHART_ROWS) + 1;
}

function writeTrend(
  sheet: PlanBuilder,
  top: number,
  revenue: BoardPackRevenue,
  refs: RevenueReferences,
  t: T
): number {
  const { trend } = revenue.analysis;
  if (trend.length === 0) return top;
  const header = top + 1;
  const rows: CellInput[][] = [
    [t("trend.heading"), null, null, null],
    // A blank top-left cell makes Excel take the first column as the categories, dates or not.
    [null, t("trend.nrr"), t("trend.grr"), t("trend.reference")],
    ...trend.map(({ period: p }) => [
      formula(refs.header(p)),
      formula(revenueFormula("nrr", refs.period(p - 1), refs.period(p))),
      formula(revenueFormula("grr", refs.period(p - 1), refs.period(p))),
      // The line a retention is read against: above it revenue grew, under it revenue was lost.
      formula("100%"),
    ]),
  ];
  sheet.write(top, 0, rows);
  sheet.heading(top);
  sheet.headerRow(header, 0, 3);
  const last = header + trend.length;
  sheet.format(header + 1, 0, last, 0, PERIOD_FORMAT[revenue.period]);
  sheet.format(header + 1, 1, last, 3, PERCENT);
  sheet.charts.push({
    kind: "line",
    source: localRange(header, 0, last, 3),
    title: t("trend.heading"),
    ...chartBeside(top),
    seriesBy: "columns",
    seriesColors: [PALETTE.nrr, PALETTE.grr, PALETTE.reference],
  });
  return top + Math.max(rows.length, CHART_ROWS) + 1;
}

function writeCohort(
  sheet: PlanBuilder,
  top: number,
  analysis: RevenueAnalysis,
  refs: RevenueReferences,
  t: T
): number {
  const block = refs.cohort();
  const table = analysis.cohort;
  if (block === null || table === null) return top;
  const anchor = top + 2;
  const cohort = saasCall("COHORT", { mrr_matrix: block });
  sheet.write(top, 0, [
    [t("pack.cohortHeading")],
    [t("pack.cohortNote")],
    [
      table.ok
        ? spilling(cohort, table.value.length, table.value[0]?.length ?? 1)
        : formula(cohort),
    ],
  ]);
  sheet.heading(top);
  sheet.note(top + 1);
  // A cohort table the core cannot compute shows its error in the formula's cell, unformatted.
  if (!table.ok) return anchor + 2;
  const rows = table.value.length;
  const columns = table.value[0]?.length ?? 1;
  sheet.headerRow(anchor, 0, columns - 1);
  if (rows > 1 && columns > 1) {
    sheet.format(anchor + 1, 1, anchor + rows - 1, columns - 1, "0%");
    sheet.colorScales.push({
      address: localRange(anchor + 1, 1, anchor + rows - 1, columns - 1),
      ...HEATMAP,
    });
  }
  return anchor + rows + 1;
}

function writeRevenueSegments(
  sheet: PlanBuilder,
  top: number,
  analysis: RevenueAnalysis,
  refs: RevenueReferences,
  area: CalculationArea,
  table: RevenueAnalysis["segmentTables"][number],
  index: number,
  t: T
): number {
  const start = refs.period(analysis.start);
  const end = refs.period(analysis.end);
  const segments = refs.segment(index);
  const name = segmentColumnName(t, table);
  // Each metric's table by segment (a row per segment, then Total) computed once, to the right.
  const spilled = Object.fromEntries(
    SEGMENT_METRICS.map((metric) => [
      metric,
      area.spill(
        t("pack.segmentSpill", { segment: name, metric: t(SEGMENT_HEADER[metric]) }),
        revenueFormula(metric, start, end, { segments }),
        table.rows.length,
        2
      ),
    ])
  ) as Record<SegmentMetric, SpillAt>;
  const rows: CellInput[][] = [
    [t("pack.segmentHeading", { segment: name }), null, null, null, null],
    // The column's own name heads its segments ("Plan", "Region"), as in the user's sheet.
    [name, ...SEGMENT_METRICS.map((metric) => t(SEGMENT_HEADER[metric]))],
  ];
  table.rows.forEach((segmentRow, k) => {
    rows.push([
      segmentRow.total ? t("segments.total") : formula(spilled.nrr.cell(k, 0)),
      ...SEGMENT_METRICS.map((metric) => formula(spilled[metric].cell(k, 1))),
    ]);
  });
  sheet.write(top, 0, rows);
  sheet.heading(top);
  sheet.headerRow(top + 1, 0, SEGMENT_METRICS.length);
  // The Total row, set apart from the segments above it.
  const total = top + rows.length - 1;
  sheet.style(total, 0, total, SEGMENT_METRICS.length, { bold: true });
  sheet.format(top + 2, 1, top + rows.length - 1, SEGMENT_METRICS.length, PERCENT);
  return top + rows.length + 1;
}

const BREAKDOWN_ROWS: readonly MessageKey[] = [
  "survey.promoters",
  "survey.passives",
  "survey.detractors",
  "survey.responses",
];

function writeSurvey(sheet: PlanBuilder, top: number, survey: BoardPackSurvey, t: T): number {
  const scores = surveyScores(survey);
  let row = top;
  if (survey.scale === "nps") {
    const breakdown = saasCall("NPS.BREAKDOWN", { scores });
    const rows: CellInput[][] = [
      [t("survey.heading"), null, null],
      [t("survey.answer"), t("survey.count"), t("survey.share")],
      // The breakdown's rows 2–5 are promoters, passives, detractors and responses.
      ...BREAKDOWN_ROWS.map((key, k) => [
        t(key),
        formula(`INDEX(${breakdown},${k + 2},2)`),
        formula(`INDEX(${breakdown},${k + 2},3)`),
      ]),
      [t("kpi.nps"), formula(saasCall("NPS", { scores })), null],
      [t("pack.npsMargin"), formula(saasCall("NPS.MOE", { scores })), null],
    ];
    sheet.write(row, 0, rows);
    sheet.heading(row);
    sheet.headerRow(row + 1, 0, 2);
    sheet.format(row + 2, 1, row + 5, 1, AMOUNT);
    sheet.format(row + 2, 2, row + 5, 2, PERCENT);
    sheet.format(row + 6, 1, row + 7, 1, POINTS);
    row += rows.length + 1;
  }
  const { sheetName, firstRow, lastRow } = survey.ranges;
  survey.analysis.segmentTables.slice(0, MAX_SEGMENT_TABLES).forEach((table, index) => {
    const column = survey.ranges.segmentColumns[index]?.column as number;
    const segments = absoluteRange(sheetName, firstRow, column, lastRow, column);
    const spill = surveyFormula(survey.scale, scores, segments);
    const metric = t(KPI_NAME[survey.scale]);
    const rows: CellInput[][] = [
      [t("survey.bySegment", { metric }), null],
      [segmentColumnName(t, table), metric],
      ...table.rows.map((segmentRow, k) =>
        segmentRow.total
          ? [t("segments.total"), formula(surveyFormula(survey.scale, scores))]
          : [formula(`INDEX(${spill},${k + 1},1)`), formula(`INDEX(${spill},${k + 1},2)`)]
      ),
    ];
    sheet.write(row, 0, rows);
    sheet.heading(row);
    sheet.headerRow(row + 1, 0, 1);
    sheet.style(row + rows.length - 1, 0, row + rows.length - 1, 1, { bold: true });
    sheet.format(row + 2, 1, row + rows.length - 1, 1, KPI_FORMAT[survey.scale]);
    row += rows.length + 1;
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// What-if.

export interface WhatIfInput {
  readonly baseline: WhatIfBaseline;
  readonly assumptions: WhatIfAssumptions;
  /** The periods the baseline was measured over, already worded ("Jan 2024", "Dec 2024"). */
  readonly measuredFrom: string;
  readonly measuredTo: string;
}

/** Widths of the what-if sheet's A–C in points: the assumptions' names, then two figures. */
const WHAT_IF_WIDTHS = [220, 100, 100];
/** The scenario's editable cells: a light fill of the scenario's colour. */
const SCENARIO_FILL = "#FCE4D6";

/** Rows of the what-if sheet (0-based): where each assumption sits, for formulas and tests. */
export const WHAT_IF_ROWS = {
  header: 4,
  startMrr: 5,
  churn: 6,
  contraction: 7,
  expansion: 8,
  nrr: 9,
  newMrr: 10,
  months: 11,
  mrrAtEnd: 13,
  arrAtEnd: 14,
  projectionHeader: 16,
} as const;

/**
 * The scenario as an editable sheet: assumption cells (baseline measured, scenario as moved in
 * the pane), the scenario's monthly NRR following its rates, and SAAS.PROJECT over both columns
 * with a line chart. Editing any scenario cell moves the projection.
 *
 * @example planWhatIf(input, translator): C18 holds =SAAS.PROJECT($C$6,$C$10,$C$11,$C$12)
 */
export function planWhatIf(input: WhatIfInput, messages: Translator): SheetPlan {
  const { t } = messages;
  const { baseline, assumptions } = input;
  const scenario: WhatIfScenario = whatIfScenario(baseline, assumptions);
  const sheet = new PlanBuilder();
  const R = WHAT_IF_ROWS;
  const cell = (row: number, column: "B" | "C") => `$${column}$${row + 1}`;

  sheet.write(0, 0, [
    [t("whatIf.sheetTitle")],
    [t("whatIf.measuredOver", { start: input.measuredFrom, end: input.measuredTo })],
    [t("whatIf.sheetNote")],
  ]);
  sheet.title(0);
  sheet.note(2);
  sheet.widths(WHAT_IF_WIDTHS);
  const scenarioNrr =
    `MAX(0,${cell(R.nrr, "B")}-(${cell(R.churn, "C")}-${cell(R.churn, "B")})` +
    `-(${cell(R.contraction, "C")}-${cell(R.contraction, "B")})` +
    `+(${cell(R.expansion, "C")}-${cell(R.expansion, "B")}))`;
  sheet.write(R.header, 0, [
    [t("whatIf.assumption"), t("whatIf.baselineColumn"), t("whatIf.scenarioColumn")],
    [t("whatIf.startMrr"), baseline.startMrr, formula(cell(R.startMrr, "B"))],
    [t("whatIf.monthlyChurn"), baseline.monthlyChurn, scenario.monthlyChurn],
    [t("whatIf.monthlyContraction"), baseline.monthlyContraction, scenario.monthlyContraction],
    [t("whatIf.monthlyExpansion"), baseline.monthlyExpansion, scenario.monthlyExpansion],
    [t("whatIf.monthlyNrr"), baseline.monthlyNrr, formula(scenarioNrr)],
    [t("whatIf.newMrr"), baseline.newMrrPerMonth, scenario.newMrrPerMonth],
    [t("whatIf.monthsRow"), assumptions.months, formula(cell(R.months, "B"))],
  ]);
  const project = (column: "B" | "C") =>
    saasCall("PROJECT", {
      start_mrr: cell(R.startMrr, column),
      monthly_nrr: cell(R.nrr, column),
      new_mrr_per_month: cell(R.newMrr, column),
      months: cell(R.months, column),
    });
  sheet.write(R.mrrAtEnd, 0, [
    [
      t("whatIf.mrrAtEnd"),
      formula(`INDEX(${project("B")},${cell(R.months, "B")},1)`),
      formula(`INDEX(${project("C")},${cell(R.months, "C")},1)`),
    ],
    [
      t("whatIf.arrAtEnd"),
      formula(`12*${cell(R.mrrAtEnd, "B")}`),
      formula(`12*${cell(R.mrrAtEnd, "C")}`),
    ],
  ]);
  const months = assumptions.months;
  const first = R.projectionHeader + 1;
  const last = R.projectionHeader + months;
  sheet.write(R.projectionHeader, 0, [
    [null, t("whatIf.baselineColumn"), t("whatIf.scenarioColumn")],
  ]);
  sheet.write(
    first,
    0,
    Array.from({ length: months }, (_, m) => [t("whatIf.monthLabel", { n: String(m + 1) })])
  );
  // Each projection is one spill of `months` rows from its top cell.
  sheet.write(first, 1, [[formula(project("B"))]]);
  sheet.write(first, 2, [[formula(project("C"))]]);

  sheet.headerRow(R.header, 0, 2);
  sheet.headerRow(R.projectionHeader, 0, 2);
  // The scenario's own cells, the ones to edit, stand out from the measured baseline.
  sheet.style(R.startMrr, 2, R.months, 2, { fill: SCENARIO_FILL });
  sheet.style(R.mrrAtEnd, 0, R.arrAtEnd, 2, { bold: true });
  sheet.format(R.startMrr, 1, R.startMrr, 2, AMOUNT);
  sheet.format(R.churn, 1, R.nrr, 2, "0.00%");
  sheet.format(R.newMrr, 1, R.newMrr, 2, AMOUNT);
  sheet.format(R.months, 1, R.months, 2, "0");
  sheet.format(R.mrrAtEnd, 1, R.arrAtEnd, 2, AMOUNT);
  sheet.format(first, 1, last, 2, AMOUNT);
  const chartCorner = { row: 21, column: 12 }; // M22, from E5
  sheet.charts.push({
    kind: "line",
    source: localRange(R.projectionHeader, 0, last, 2),
    title: t("whatIf.chartTitle"),
    topLeft: "E5",
    bottomRight: cellAddress(chartCorner),
    seriesBy: "columns",
    seriesColors: [PALETTE.baseline, PALETTE.scenario],
  });
  // The assumptions, the projection and the chart, whichever reaches further down.
  sheet.printLayout = {
    orientation: "landscape",
    fitToOnePageWide: true,
    printArea: localRange(0, 0, Math.max(last, chartCorner.row), chartCorner.column),
  };
  return sheet.plan(t("whatIf.sheetName"));
}
