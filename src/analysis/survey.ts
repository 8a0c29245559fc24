/**
 * A survey column read and summed up as SAAS.NPS, SAAS.NPS.MOE, SAAS.NPS.BREAKDOWN, SAAS.CSAT or
 * SAAS.CES sum it up, overall and per segment.
 */
import {
  type CellGrid,
  CES_DEFAULT_SCALE_MAX,
  CONFIDENCE_LEVEL,
  CSAT_DEFAULT_SCALE_MAX,
  NPS_SCALE,
  type ScoreScale,
  type ScoreTally,
  type SegmentFigure,
  type SegmentLabel,
  type SurveyInput,
  type TableRequest,
  type WholeRequest,
  countNps,
  customerEffortScore,
  customerSatisfaction,
  netPromoterScore,
  npsInterval,
  tallyScores,
  wilsonInterval,
  zForConfidence,
  readScores,
  readSegmentedSurveyInput,
  readWholeSurveyInput,
  satisfactionScale,
  scoreBySegment,
  scoreFigure,
  surveyBySegment,
  surveyFigure,
} from "../core";
import { firstBadCell, scoreCheck, segmentProblem } from "./checks";
import {
  type Figure,
  INTERVAL_CONFIDENCE,
  type Kpi,
  figureOf,
  figureOfSegment,
  kpi,
  kpiInterval,
} from "./figures";
import type { SurveyScale } from "./layout/types";
import type { SurveyMapping } from "./mapping";
import type { Prepared } from "./messages";
import type { SegmentColumnSource } from "./revenue";

/** A segment column beside the scores, the way functions receive it: a label an answer. */
export interface SurveySegmentSource extends SegmentColumnSource {
  readonly cells: CellGrid;
}
import { type SourceCells, columnCells, sheetColumnName } from "./source";

/** The scale a survey column's answers are read on (the functions' defaults). */
function scoreScaleOf(scale: SurveyScale): ScoreScale {
  switch (scale) {
    case "nps":
      return NPS_SCALE;
    case "csat":
      return satisfactionScale("CSAT", CSAT_DEFAULT_SCALE_MAX);
    case "ces":
      return satisfactionScale("CES", CES_DEFAULT_SCALE_MAX);
  }
}

export interface SurveyModel {
  readonly scale: SurveyScale;
  /** What a range over the score column passes to a function. */
  readonly scores: CellGrid;
  readonly segments: readonly SurveySegmentSource[];
  readonly ranges: {
    readonly sheetName: string;
    readonly firstRow: number;
    readonly lastRow: number;
    readonly scoreColumn: number;
    readonly segmentColumns: readonly { readonly name: string; readonly column: number }[];
  };
}

/**
 * Reads a survey mapping, checking every score first so a problem is named on the sheet.
 *
 * @example an NPS column whose C8 holds 11 → { ok: false, problem: { key: "problem.scoreOutsideScale",
 *   params: { row: 8, column: "C", value: { cell: { kind: "number", value: 11 } } } } }
 */
export function prepareSurvey(source: SourceCells, mapping: SurveyMapping): Prepared<SurveyModel> {
  const { firstRow, lastRow } = mapping;
  const problem =
    firstBadCell(
      source,
      [mapping.scoreColumn],
      firstRow,
      lastRow,
      scoreCheck(scoreScaleOf(mapping.scale))
    ) ?? segmentProblem(source, mapping);
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    value: {
      scale: mapping.scale,
      scores: columnCells(source, mapping.scoreColumn, firstRow, lastRow),
      segments: mapping.segmentColumns.map((segment) => ({
        name: segment.name,
        letters: sheetColumnName(source, segment.column),
        column: segment.column,
        cells: columnCells(source, segment.column, firstRow, lastRow),
      })),
      ranges: {
        sheetName: source.sheetName,
        firstRow: source.rowIndex + firstRow,
        lastRow: source.rowIndex + lastRow,
        scoreColumn: source.columnIndex + mapping.scoreColumn,
        segmentColumns: mapping.segmentColumns.map((segment) => ({
          name: segment.name,
          column: source.columnIndex + segment.column,
        })),
      },
    },
  };
}

export interface NpsBreakdown {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
}

export interface SurveySegmentRow {
  readonly label: SegmentLabel;
  readonly total: boolean;
  readonly figure: Figure;
}

/** The survey's figure per segment of one segment column. */
export interface SurveySegmentTable {
  readonly name: string;
  readonly letters: string;
  readonly column: number;
  readonly rows: readonly SurveySegmentRow[];
}

export interface SurveyAnalysis {
  readonly scale: SurveyScale;
  /** NPS (with its margin of error), CSAT or CES, by the survey's scale. */
  readonly kpis: readonly Kpi[];
  /** NPS surveys only. */
  readonly breakdown: NpsBreakdown | null;
  /** The survey's figure per segment, one table per segment column. */
  readonly segmentTables: readonly SurveySegmentTable[];
}

/** The 95% confidence level SAAS.NPS.MOE uses by default. */
export const NPS_CONFIDENCE = CONFIDENCE_LEVEL.fallback;

/**
 * The survey's figures, computed as SAAS.NPS, SAAS.NPS.MOE, SAAS.NPS.BREAKDOWN, SAAS.CSAT or
 * SAAS.CES compute them on the score column.
 *
 * @example 100 promoters, 80 passives, 20 detractors → NPS 40 ± 9.19
 */
export function analyseSurvey(model: SurveyModel): SurveyAnalysis {
  const scale = scoreScaleOf(model.scale);
  const metric = surveyMetricOf(model.scale, scale);
  const figure = figureOf(() => metric.figure(readWholeSurveyInput(model.scores, scale)));
  let kpis: Kpi[];
  let breakdown: NpsBreakdown | null = null;
  if (model.scale === "nps") {
    const counts = countNps(readScores(model.scores, "scores", NPS_SCALE));
    // Adjusted-Wald, as SAAS.NPS.CI: 10 promoters of 10 is 47.5 to 100, not "100 ± 0".
    const interval =
      counts.responses > 0 ? npsInterval(counts, INTERVAL_CONFIDENCE, "adjusted") : null;
    kpis = [
      kpi(
        "nps",
        figure,
        1,
        interval === null
          ? undefined
          : kpiInterval(interval.lower, interval.upper, counts.responses)
      ),
    ];
    breakdown = { ...counts };
  } else if (model.scale === "csat") {
    // The share of satisfied answers (top two boxes), with its Wilson interval as SAAS.RATE.CI.
    const scores = readScores(model.scores, "scores", scale);
    const tally = tallyScores(scores.scores, scale.max).overall;
    const satisfied = (tally.byScore[scale.max] ?? 0) + (tally.byScore[scale.max - 1] ?? 0);
    const bounds =
      tally.responses > 0
        ? wilsonInterval(satisfied, tally.responses, zForConfidence(INTERVAL_CONFIDENCE))
        : null;
    kpis = [
      kpi(
        "csat",
        figure,
        1,
        bounds === null ? undefined : kpiInterval(bounds.lower, bounds.upper, tally.responses)
      ),
    ];
  } else {
    kpis = [kpi(model.scale, figure, 1)];
  }
  const segmentTables = model.segments.map((segment) => ({
    name: segment.name,
    letters: segment.letters,
    column: segment.column,
    rows: metric
      .bySegment(readSegmentedSurveyInput(model.scores, scale, segment.cells))
      .map((row) => ({ label: row.label, total: row.total, figure: figureOfSegment(row.figure) })),
  }));
  return { scale: model.scale, kpis, breakdown, segmentTables };
}

/** The function a survey of this scale is summed up by: SAAS.NPS, SAAS.CSAT or SAAS.CES. */
function surveyMetricOf(
  survey: SurveyScale,
  scale: ScoreScale
): {
  figure: (input: SurveyInput<WholeRequest>) => number;
  bySegment: (input: SurveyInput<TableRequest>) => SegmentFigure[];
} {
  switch (survey) {
    case "nps":
      return {
        figure: (input) => surveyFigure(input, netPromoterScore),
        bySegment: (input) => surveyBySegment(input, netPromoterScore),
      };
    case "csat": {
      const csat = (tally: ScoreTally) => customerSatisfaction(tally, "top2");
      return {
        figure: (input) => scoreFigure(input, scale, csat),
        bySegment: (input) => scoreBySegment(input, scale, csat),
      };
    }
    case "ces":
      return {
        figure: (input) => scoreFigure(input, scale, customerEffortScore),
        bySegment: (input) => scoreBySegment(input, scale, customerEffortScore),
      };
  }
}
