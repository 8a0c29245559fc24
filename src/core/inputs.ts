/**
 * The argument sets the functions share, read once and in argument order: the first problem in
 * argument order, then reading order, is the one reported (an error value passed in counts as a
 * problem and is passed on unchanged).
 */
import {
  type NumberRange,
  type ScoreRange,
  type ScoreScale,
  headerRowCount,
  isOmitted,
  periodDateHeader,
  place,
  readChoiceOption,
  readNumberArgument,
  readRevenue,
  readRevenueColumnsFast,
  readScores,
  readSegmentChoice,
  readSegments,
  scanAmounts,
  type AmountRule,
  type CellGrid,
  requireSameShape,
  shapeParam,
  toGrid,
} from "./coerce";
import { cohortAccumulator } from "./cohorts";
import { invalidValue } from "./errors";
import { type MovementTotals, movementTotals } from "./movements";
import type { RetentionParts } from "./retention";
import type { AnnualizeKind } from "./series";
import {
  type ResultTable,
  type SegmentFigure,
  type SegmentRequest,
  type Segmentation,
  type TableRequest,
  type WholeRequest,
  computeForSegments,
  figureFor,
  segmentGrouper,
  segmentFigures,
  segmentRequest,
} from "./segments";
import { type NpsCounts, npsCounts } from "./surveys";

export interface RevenueInput<R extends SegmentRequest = SegmentRequest> {
  readonly startMrr: NumberRange;
  readonly endMrr: NumberRange;
  readonly request: R;
  /** 1 where the customer had revenue before start_mrr (from `history`); absent without it. */
  readonly hadRevenueBefore?: Uint8Array;
}

/**
 * start_mrr, end_mrr (same shape), then the optional history, segments and segment, read in
 * the catalogue's argument order.
 */
export function readRevenueInput(
  start: unknown,
  end: unknown,
  segments: unknown,
  segment: unknown,
  history?: unknown
): RevenueInput {
  const { startMrr, endMrr } = readRevenuePair(start, end);
  const hadRevenueBefore = isOmitted(history) ? undefined : readHistory(history, startMrr);
  const segmentation = readSegmentation(segments, startMrr);
  const chosen = readSegmentChoice(segment, "segment");
  return { startMrr, endMrr, request: segmentRequest(segmentation, chosen), hadRevenueBefore };
}

/** start_mrr and end_mrr (and history) for a figure over every customer. */
export function readWholeRevenueInput(
  start: unknown,
  end: unknown,
  history?: unknown
): RevenueInput<WholeRequest> {
  const { startMrr, endMrr } = readRevenuePair(start, end);
  const hadRevenueBefore = isOmitted(history) ? undefined : readHistory(history, startMrr);
  return { startMrr, endMrr, request: { kind: "all" }, hadRevenueBefore };
}

/** start_mrr, end_mrr and segments, for a table of every segment. */
export function readSegmentedRevenueInput(
  start: unknown,
  end: unknown,
  segments: unknown
): RevenueInput<TableRequest> {
  const { startMrr, endMrr } = readRevenuePair(start, end);
  return {
    startMrr,
    endMrr,
    request: { kind: "table", segmentation: segmentsOf(segments, startMrr) },
  };
}

/** The optional segments argument, aligned with `data`; undefined when omitted. */
function readSegmentation(
  segments: unknown,
  data: NumberRange | ScoreRange
): Segmentation | undefined {
  return isOmitted(segments) ? undefined : segmentsOf(segments, data);
}

export function segmentsOf(segments: unknown, data: NumberRange | ScoreRange): Segmentation {
  const grouper = segmentGrouper();
  return grouper.segmentation(readSegments(segments, "segments", data, grouper.assign));
}

/** The first cell of a column range (an array of rows), when the range is a column of 2+ rows. */
export function topOfColumn(arg: unknown): unknown {
  if (!Array.isArray(arg) || arg.length < 2) return undefined;
  const first: unknown = arg[0];
  return Array.isArray(first) && first.length === 1 ? first[0] : undefined;
}

/**
 * Two revenue columns selected with a header row of real dates (see periodDateHeader): refused,
 * since the dates would otherwise count as a customer's revenue.
 */
export function refuseDateHeaders(start: unknown, end: unknown): void {
  refuseDateHeaderCells(topOfColumn(start), topOfColumn(end));
}

/** The same rule on the two columns' first cells (undefined for a column of fewer than 2 rows). */
export function refuseDateHeaderCells(startTop: unknown, endTop: unknown): void {
  const dates = periodDateHeader([startTop, endTop]);
  if (dates === undefined) return;
  const [startDate, endDate] = dates;
  throw invalidValue("range.dateHeaderPair", {
    start: place("start_mrr", 0, 0, 2, 1),
    end: place("end_mrr", 0, 0, 2, 1),
    startDate: startDate as string,
    endDate: endDate as string,
  });
}

/** start_mrr and end_mrr, the same shape once each has dropped its own header. */
export function readRevenuePair(
  start: unknown,
  end: unknown
): { startMrr: NumberRange; endMrr: NumberRange } {
  refuseDateHeaders(start, end);
  const fast = readRevenueColumnsFast(start, end);
  if (fast) return fast;
  const startMrr = readRevenue(start, "start_mrr");
  const endMrr = readRevenue(end, "end_mrr");
  requireSameShape(startMrr, endMrr);
  return { startMrr, endMrr };
}

/**
 * `history`: the periods before start_mrr, one row per customer in the same rows. A customer with
 * revenue in any of them who comes back counts as reactivation rather than new.
 */
export function readHistory(history: unknown, startMrr: NumberRange): Uint8Array {
  const before = readRevenue(history, "history");
  if (startMrr.columns !== 1) {
    throw invalidValue("history.oneColumn", { shape: shapeParam(startMrr) });
  }
  if (before.rows !== startMrr.rows) {
    const headers = before.headerRows > 0 || startMrr.headerRows > 0;
    throw invalidValue(headers ? "history.rowsWithoutHeaders" : "history.rows", {
      historyRows: before.rows,
      startRows: startMrr.rows,
    });
  }
  const flags = new Uint8Array(before.rows);
  const { values, columns } = before;
  for (let r = 0; r < before.rows; r++) {
    for (let c = 0; c < columns; c++) {
      if ((values[r * columns + c] as number) > 0) {
        flags[r] = 1;
        break;
      }
    }
  }
  return flags;
}

/** The movements of every customer, per segment when segments were given (one pass). */
export function revenueTotals(input: RevenueInput, groupOf?: Int32Array, groupCount = 0) {
  return movementTotals(input.startMrr.values, input.endMrr.values, {
    groupOf,
    groupCount,
    hadRevenueBefore: input.hadRevenueBefore,
  });
}

/** A revenue metric over the input: a number, or the per-segment table with its Total row. */
export function revenueMetric(
  input: RevenueInput,
  metric: (totals: MovementTotals) => number
): number | ResultTable {
  return computeForSegments(
    input.request,
    (groupOf, groupCount) => revenueTotals(input, groupOf, groupCount),
    metric
  );
}

/** A revenue metric over every customer (or one segment): a number, or the MetricError thrown. */
export function revenueFigure(
  input: RevenueInput<WholeRequest>,
  metric: (totals: MovementTotals) => number
): number {
  return figureFor(
    input.request,
    (groupOf, groupCount) => revenueTotals(input, groupOf, groupCount),
    metric
  );
}

/** A revenue metric per segment, then the Total row. */
export function revenueBySegment(
  input: RevenueInput<TableRequest>,
  metric: (totals: MovementTotals) => number
): SegmentFigure[] {
  return segmentFigures(
    input.request,
    (groupOf, groupCount) => revenueTotals(input, groupOf, groupCount),
    metric
  );
}

export interface SurveyInput<R extends SegmentRequest = SegmentRequest> {
  readonly scores: ScoreRange;
  readonly request: R;
}

export function readSurveyInput(
  scores: unknown,
  scale: ScoreScale,
  segments: unknown,
  segment: unknown
): SurveyInput {
  const read = readScores(scores, "scores", scale);
  const segmentation = readSegmentation(segments, read);
  const chosen = readSegmentChoice(segment, "segment");
  return { scores: read, request: segmentRequest(segmentation, chosen) };
}

/** Scores (and segments) for a figure over every answer. */
export function readWholeSurveyInput(
  scores: unknown,
  scale: ScoreScale
): SurveyInput<WholeRequest> {
  return { scores: readScores(scores, "scores", scale), request: { kind: "all" } };
}

/** Scores and segments for a table of every segment. */
export function readSegmentedSurveyInput(
  scores: unknown,
  scale: ScoreScale,
  segments: unknown
): SurveyInput<TableRequest> {
  const read = readScores(scores, "scores", scale);
  return { scores: read, request: { kind: "table", segmentation: segmentsOf(segments, read) } };
}

export function surveyMetric(
  input: SurveyInput,
  metric: (counts: NpsCounts) => number
): number | ResultTable {
  return computeForSegments(
    input.request,
    (groupOf, groupCount) => npsCounts(input.scores.scores, groupOf, groupCount),
    metric
  );
}

/** An NPS metric over every answer (or one segment's). */
export function surveyFigure(
  input: SurveyInput<WholeRequest>,
  metric: (counts: NpsCounts) => number
): number {
  return figureFor(
    input.request,
    (groupOf, groupCount) => npsCounts(input.scores.scores, groupOf, groupCount),
    metric
  );
}

/** An NPS metric per segment, then the Total row. */
export function surveyBySegment(
  input: SurveyInput<TableRequest>,
  metric: (counts: NpsCounts) => number
): SegmentFigure[] {
  return segmentFigures(
    input.request,
    (groupOf, groupCount) => npsCounts(input.scores.scores, groupOf, groupCount),
    metric
  );
}

/** The top-left text by which COHORT recognises the whole spill of SAAS.MRRMATRIX. */
export const MATRIX_CORNER = "customer";

const REVENUE_AMOUNTS = {
  what: "revenueAmounts",
  negative: "revenueNotNegative",
  blank: "zero",
  money: true,
} as const;

export interface CohortInput {
  readonly amounts: NumberRange;
  /** What each period is called in the cohort column: its start date, header, or number. */
  readonly periodLabels: readonly (string | number)[];
}

/** How COHORT reads its matrix: which rows and columns hold amounts, and what names the periods. */
interface CohortFrame {
  readonly grid: CellGrid;
  readonly rule: AmountRule;
  readonly periodLabels: (columns: number, headerRows: number) => (string | number)[];
}

/**
 * COHORT's matrix: either the whole MRRMATRIX spill (top-left "customer", first row the period
 * dates, first column the customer ids) or a bare customers × periods block, whose header row (if
 * any: text, or real dates) names the periods.
 */
function cohortFrame(matrix: unknown): CohortFrame {
  const grid = toGrid(matrix, "mrr_matrix");
  const corner = grid[0]?.[0];
  if (typeof corner === "string" && corner.trim().toLowerCase() === MATRIX_CORNER) {
    const labels = (grid[0] ?? [])
      .slice(1)
      .map((label) => (typeof label === "number" ? label : String(label ?? "")));
    return {
      grid,
      rule: { ...REVENUE_AMOUNTS, skipRows: 1, skipColumns: 1 },
      periodLabels: () => labels,
    };
  }
  // A header row of real dates names the periods (see periodDateHeader); with only two columns a
  // customer's row could look the same, so that case is refused rather than guessed.
  const dateHeader = grid.length > 1 ? periodDateHeader(grid[0] ?? []) : undefined;
  if (dateHeader !== undefined && dateHeader.length < 3) {
    throw invalidValue("range.dateHeaderMatrix", {
      where: place("mrr_matrix", 0, 0, grid.length, 1),
      dates: { list: dateHeader },
    });
  }
  if (dateHeader !== undefined) {
    return { grid, rule: { ...REVENUE_AMOUNTS, skipRows: 1 }, periodLabels: () => dateHeader };
  }
  return {
    grid,
    rule: REVENUE_AMOUNTS,
    periodLabels: (columns, headerRows) =>
      Array.from({ length: columns }, (_, c) =>
        headerRows > 0 ? String(grid[0]?.[c] ?? "") || c + 1 : c + 1
      ),
  };
}

/**
 * Whether COHORT reads the first row of `grid` as its header (the MRRMATRIX spill, a row of
 * period dates, or text naming the periods): 1, else 0. A block COHORT refuses (a header of only
 * two dates) is 0 here: read from the row below, it is data.
 *
 * @example cohortHeaderRows([["Jan", "Feb"], [100, 120]]) === 1
 */
export function cohortHeaderRows(grid: CellGrid): number {
  const corner = grid[0]?.[0];
  if (typeof corner === "string" && corner.trim().toLowerCase() === MATRIX_CORNER) return 1;
  const dateHeader = grid.length > 1 ? periodDateHeader(grid[0] ?? []) : undefined;
  if (dateHeader !== undefined) return dateHeader.length >= 3 ? 1 : 0;
  return headerRowCount(grid);
}

/** COHORT's matrix read whole (for callers that want the amounts themselves). */
export function readCohortInput(matrix: unknown): CohortInput {
  const frame = cohortFrame(matrix);
  const amounts = readRevenue(frame.grid, "mrr_matrix", frame.rule);
  return { amounts, periodLabels: frame.periodLabels(amounts.columns, amounts.headerRows) };
}

/**
 * SAAS.COHORT: the cohort table of a matrix, accumulated row by row as the matrix is read, so a
 * 100,000 × 60 block needs memory for the table, not a copy of the block. `mode` is read after
 * the matrix, in argument order.
 */
export function cohortOfMatrix(matrix: unknown, mode: unknown): ResultTable {
  const frame = cohortFrame(matrix);
  let accumulator = cohortAccumulator(0);
  const shape = scanAmounts(
    frame.grid,
    "mrr_matrix",
    frame.rule,
    ({ columns }) => {
      accumulator = cohortAccumulator(columns);
    },
    (row) => accumulator.addCustomer(row)
  );
  const chosen = readChoiceOption(mode, "mode", ["revenue", "logo"] as const);
  return accumulator.table(chosen, frame.periodLabels(shape.columns, shape.headerRows));
}

/**
 * NRR.PARTS / GRR.PARTS amounts. Losses are often booked as negative numbers, so either sign is
 * read as the size of the loss; losses larger than the starting revenue cannot happen.
 */
export function readRetentionParts(
  start: unknown,
  expansion: unknown,
  contraction: unknown,
  churn: unknown
): RetentionParts {
  const startMrr = readNumberArgument(start, "start", { min: 0, money: true });
  const expanded = readNumberArgument(expansion, "expansion", {
    min: 0,
    fallback: 0,
    money: true,
  });
  const contracted = Math.abs(
    readNumberArgument(contraction, "contraction", { fallback: 0, money: true })
  );
  const churned = Math.abs(readNumberArgument(churn, "churn", { fallback: 0, money: true }));
  if (contracted + churned > startMrr && startMrr > 0) {
    throw invalidValue("parts.lossesExceedStart", {
      contraction: contracted,
      churn: churned,
      start: startMrr,
    });
  }
  return { startMrr, expansion: expanded, contraction: contracted, churned };
}

/** COMPOUND's rates: non-negative numbers (NRR may exceed 1); a blank period is an error. */
export function readRates(arg: unknown, argument: string): NumberRange {
  const rates = readRevenue(arg, argument, {
    what: "rates",
    negative: "rateNotNegative",
    blank: "error",
  });
  if (rates.values.length === 0) throw invalidValue("rates.none", { argument: { argument } });
  return rates;
}

/**
 * ANNUALIZE: a churn rate is at most 1, and may be negative (net MRR churn when expansion
 * outweighs the losses); a retention rate is 0 or more (NRR may exceed 1).
 */
export function readAnnualizeInput(
  monthlyRate: unknown,
  kind: unknown
): { monthlyRate: number; kind: AnnualizeKind } {
  const chosen = readChoiceOption(kind, "kind", ["churn", "retention"] as const);
  const rate =
    chosen === "churn"
      ? readNumberArgument(monthlyRate, "monthly_rate", { max: 1 })
      : readNumberArgument(monthlyRate, "monthly_rate", { min: 0 });
  return { monthlyRate: rate, kind: chosen };
}

export const MAX_PROJECTION_MONTHS = 600;

export function readProjectionInput(
  startMrr: unknown,
  monthlyNrr: unknown,
  newMrrPerMonth: unknown,
  months: unknown
): { startMrr: number; monthlyNrr: number; newMrrPerMonth: number; months: number } {
  return {
    startMrr: readNumberArgument(startMrr, "start_mrr", { min: 0, money: true }),
    monthlyNrr: readNumberArgument(monthlyNrr, "monthly_nrr", { min: 0 }),
    newMrrPerMonth: readNumberArgument(newMrrPerMonth, "new_mrr_per_month", {
      min: 0,
      money: true,
    }),
    months: readNumberArgument(months, "months", {
      min: 1,
      max: MAX_PROJECTION_MONTHS,
      whole: true,
    }),
  };
}
