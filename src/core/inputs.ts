/**
 * The argument sets the functions share, read once and in argument order: the first problem in
 * argument order, then reading order, is the one reported (an error value passed in counts as a
 * problem and is passed on unchanged).
 */
import {
  type NumberRange,
  type ScoreRange,
  type ScoreScale,
  isOmitted,
  readRevenue,
  readScores,
  readSegmentChoice,
  readSegmentLabels,
  requireSameShape,
} from "./coerce";
import { type MovementTotals, movementTotals } from "./movements";
import {
  type ResultTable,
  type SegmentRequest,
  computeForSegments,
  segmentRequest,
} from "./segments";
import { type NpsCounts, npsCounts } from "./surveys";

export interface RevenueInput {
  readonly startMrr: NumberRange;
  readonly endMrr: NumberRange;
  readonly request: SegmentRequest;
}

/** start_mrr, end_mrr (same shape) and the optional segments / segment. */
export function readRevenueInput(
  start: unknown,
  end: unknown,
  segments: unknown,
  segment: unknown
): RevenueInput {
  const startMrr = readRevenue(start, "start_mrr");
  const endMrr = readRevenue(end, "end_mrr");
  requireSameShape(startMrr, endMrr);
  const labels = isOmitted(segments)
    ? undefined
    : readSegmentLabels(segments, "segments", startMrr);
  const chosen = readSegmentChoice(segment, "segment");
  return { startMrr, endMrr, request: segmentRequest(labels, chosen) };
}

/** A revenue metric over the input: a number, or the per-segment table with its Total row. */
export function revenueMetric(
  input: RevenueInput,
  metric: (totals: MovementTotals) => number
): number | ResultTable {
  return computeForSegments(
    input.request,
    (groupOf, groupCount) =>
      movementTotals(input.startMrr.values, input.endMrr.values, { groupOf, groupCount }),
    metric
  );
}

export interface SurveyInput {
  readonly scores: ScoreRange;
  readonly request: SegmentRequest;
}

export function readSurveyInput(
  scores: unknown,
  scale: ScoreScale,
  segments: unknown,
  segment: unknown
): SurveyInput {
  const read = readScores(scores, "scores", scale);
  const labels = isOmitted(segments) ? undefined : readSegmentLabels(segments, "segments", read);
  const chosen = readSegmentChoice(segment, "segment");
  return { scores: read, request: segmentRequest(labels, chosen) };
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
