/**
 * Survey metrics (docs/metrics.md, "Surveys"). Scores arrive validated (coerce.ts): whole
 * numbers on their scale, BLANK_SCORE where a cell was blank (not a response).
 *
 * One pass counts how many gave each score (per segment when asked); every survey metric, NPS,
 * its breakdown, margin of error and test, CSAT and CES, is read off those counts.
 */
import { BLANK_SCORE, type ScoreRange, type ScoreScale } from "./coerce";
import { divisionByZero } from "./errors";
import { ratio } from "./ratios";
import {
  type ResultTable,
  type SegmentRequest,
  type TableRequest,
  type WholeRequest,
  computeForSegments,
  figureFor,
  type SegmentFigure,
  segmentFigures,
} from "./segments";
import { inverseNormalCdf, twoSidedPValue } from "./statistics";

export const NPS_SCALE: ScoreScale = { min: 0, max: 10, label: "npsScores" };

const NO_RESPONSES = "div0.noResponses";
const SCORES = { argument: { argument: "scores" } };

// ---------------------------------------------------------------------------------------------
// Counting.

/** What one pass over the answers keeps; responses and sum are read off `byScore`. */
export interface ScoreTally {
  /** How many answered each score: `byScore[s]` for s from 0 to the top of the scale. */
  readonly byScore: Float64Array;
  /** Answers given (blanks are not answers). */
  readonly responses: number;
  /** Sum of the answers, for mean scores. */
  readonly sum: number;
}

function tallyOf(byScore: Float64Array): ScoreTally {
  let responses = 0;
  let sum = 0;
  for (let s = 0; s < byScore.length; s++) {
    const answers = byScore[s] as number;
    responses += answers;
    sum += s * answers;
  }
  return { byScore, responses, sum };
}

/**
 * Counts answers per score in one pass, per segment when `groupOf` is given; blanks are
 * skipped. `scores` must have been read on a scale whose top is `scaleMax`.
 *
 * @example tallyScores(Int16Array.of(5, 4, -1, 5), 5).overall → byScore [0, 0, 0, 0, 1, 2],
 * responses 3, sum 14
 */
export function tallyScores(
  scores: Int16Array,
  scaleMax: number,
  groupOf?: Int32Array,
  groupCount = 0
): { overall: ScoreTally; groups: ScoreTally[] } {
  const width = scaleMax + 1;
  const counts = new Float64Array((groupOf === undefined ? 1 : groupCount) * width);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (score === BLANK_SCORE) continue;
    // A score past the top would land in the next segment's counts: a caller's bug, not data.
    if (score > scaleMax) throw new RangeError(`score ${score} is above the scale's ${scaleMax}`);
    const at = (groupOf === undefined ? 0 : (groupOf[i] as number) * width) + score;
    counts[at] = (counts[at] as number) + 1;
  }
  if (groupOf === undefined) return { overall: tallyOf(counts), groups: [] };
  const groups: ScoreTally[] = [];
  const all = new Float64Array(width);
  for (let g = 0; g < groupCount; g++) {
    const byScore = counts.subarray(g * width, (g + 1) * width);
    for (let s = 0; s < width; s++) all[s] = (all[s] as number) + (byScore[s] as number);
    groups.push(tallyOf(byScore));
  }
  return { overall: tallyOf(all), groups };
}

/**
 * A score metric over the input: a number, or the per-segment table with its Total row. The
 * scores must have been read on `scale`.
 */
export function scoreMetric(
  input: { readonly scores: ScoreRange; readonly request: SegmentRequest },
  scale: ScoreScale,
  metric: (tally: ScoreTally) => number
): number | ResultTable {
  return computeForSegments(
    input.request,
    (groupOf, groupCount) => tallyScores(input.scores.scores, scale.max, groupOf, groupCount),
    metric
  );
}

/** A score metric over every answer (or one segment's). */
export function scoreFigure(
  input: { readonly scores: ScoreRange; readonly request: WholeRequest },
  scale: ScoreScale,
  metric: (tally: ScoreTally) => number
): number {
  return figureFor(
    input.request,
    (groupOf, groupCount) => tallyScores(input.scores.scores, scale.max, groupOf, groupCount),
    metric
  );
}

/** A score metric per segment, then the Total row. */
export function scoreBySegment(
  input: { readonly scores: ScoreRange; readonly request: TableRequest },
  scale: ScoreScale,
  metric: (tally: ScoreTally) => number
): SegmentFigure[] {
  return segmentFigures(
    input.request,
    (groupOf, groupCount) => tallyScores(input.scores.scores, scale.max, groupOf, groupCount),
    metric
  );
}

// ---------------------------------------------------------------------------------------------
// Net Promoter Score.

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/**
 * Promoters, passives and detractors from the counts per score of a 0–10 survey.
 *
 * @example byScore [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3] → 3 promoters, 2 passives, 1 detractor
 */
export function npsCountsOf(tally: ScoreTally): NpsCounts {
  const at = (s: number) => tally.byScore[s] ?? 0;
  let detractors = 0;
  for (let s = 0; s <= 6; s++) detractors += at(s);
  const passives = at(7) + at(8);
  const promoters = at(9) + at(10);
  return { promoters, passives, detractors, responses: promoters + passives + detractors };
}

/** Counts answers in one pass, per segment when `groupOf` is given; blanks are skipped. */
export function npsCounts(
  scores: Int16Array,
  groupOf?: Int32Array,
  groupCount = 0
): { overall: NpsCounts; groups: NpsCounts[] } {
  const { overall, groups } = tallyScores(scores, NPS_SCALE.max, groupOf, groupCount);
  return { overall: npsCountsOf(overall), groups: groups.map(npsCountsOf) };
}

/** The counts of a whole range of NPS answers (no segments). */
export function countNps(scores: ScoreRange): NpsCounts {
  return npsCounts(scores.scores).overall;
}

/**
 * Net Promoter Score in points: %promoters − %detractors; passives count in the total only.
 *
 * @example 200 responses, 100 promoters, 80 passives, 20 detractors → 40
 */
export function netPromoterScore(counts: NpsCounts): number {
  return 100 * ratio(counts.promoters - counts.detractors, counts.responses, NO_RESPONSES, SCORES);
}

/**
 * The table SAAS.NPS.BREAKDOWN spills: a header row, then count and share (a fraction) of
 * promoters, passives and detractors, the responses (share 1), and the NPS in points in the
 * count column with a blank share.
 *
 * @example 100 promoters, 80 passives, 20 detractors →
 *   ["", "Count", "Share"], ["Promoters", 100, 0.5], ["Passives", 80, 0.4],
 *   ["Detractors", 20, 0.1], ["Responses", 200, 1], ["NPS", 40, ""]
 */
export function npsBreakdown(counts: NpsCounts): ResultTable {
  const { promoters, passives, detractors, responses } = counts;
  if (responses === 0) throw divisionByZero(NO_RESPONSES, SCORES);
  return [
    ["", "Count", "Share"],
    ["Promoters", promoters, promoters / responses],
    ["Passives", passives, passives / responses],
    ["Detractors", detractors, detractors / responses],
    ["Responses", responses, 1],
    ["NPS", netPromoterScore(counts), ""],
  ];
}

/**
 * The variance of one answer scored +1 (promoter), 0 (passive) or −1 (detractor):
 * p + d − (p − d)², worked on the counts so that a sample of one kind of answer gives exactly 0.
 *
 * @example 100 promoters, 80 passives, 20 detractors: 0.5 + 0.1 − 0.4² = 0.44
 */
export function npsVariance(counts: NpsCounts): number {
  const { promoters, detractors, responses: n } = counts;
  if (n === 0) throw divisionByZero(NO_RESPONSES, SCORES);
  const net = promoters - detractors;
  // Exact in integers while n² < 2^53 (below 94 million answers), and never below 0: n ≥ P + D ≥ |P − D|.
  return ((promoters + detractors) * n - net * net) / (n * n);
}

/** Confidence levels accepted by SAAS.NPS.MOE: below 50% means little, 100% is infinitely wide. */
export const CONFIDENCE_LEVEL = {
  min: 0.5,
  max: 0.999,
  fallback: 0.95,
} as const;

/**
 * The z of a two-sided interval at `confidence`: Φ⁻¹(1 − (1 − confidence)/2), taken in the lower
 * tail, where 1 − confidence is exact.
 *
 * @example zForConfidence(0.95) ≈ 1.959963984540054; zForConfidence(0.9) ≈ 1.6448536269514722
 */
export function zForConfidence(confidence: number): number {
  return -inverseNormalCdf((1 - confidence) / 2);
}

/**
 * Margin of error of the NPS in points: z · 100 · sqrt((p + d − (p − d)²) / n).
 *
 * @example 200 responses, 100 promoters, 20 detractors, 95%:
 *   1.959963984540054 · 100 · sqrt(0.44 / 200) ≈ 9.193 points
 */
export function npsMarginOfError(counts: NpsCounts, confidence: number): number {
  const variance = npsVariance(counts);
  return zForConfidence(confidence) * 100 * Math.sqrt(variance / counts.responses);
}

/**
 * Two-sided p-value that two independent NPS samples differ:
 * z = (NPS_a − NPS_b) / (100 · sqrt(v_a / n_a + v_b / n_b)), p = 2 · (1 − Φ(|z|)).
 *
 * When both variances are 0 (each sample gave one kind of answer only: all promoters, all
 * passives or all detractors) z is 0/0 or ±x/0. The limit is taken: equal scores give 1 (nothing
 * tells them apart), different scores 0 (the difference is certain: no answer varies). The
 * result is the same with a and b swapped.
 *
 * @example a: 100 promoters, 80 passives, 20 detractors (NPS 40, v 0.44); b: 20, 20, 10 of 50
 *   (NPS 20, v 0.56): z = 20 / (100 · sqrt(0.44/200 + 0.56/50)) ≈ 1.728, p ≈ 0.084
 */
export function npsDifferencePValue(a: NpsCounts, b: NpsCounts): number {
  if (a.responses === 0) throw divisionByZero(NO_RESPONSES, { argument: { argument: "scores_a" } });
  if (b.responses === 0) throw divisionByZero(NO_RESPONSES, { argument: { argument: "scores_b" } });
  const difference = netPromoterScore(a) - netPromoterScore(b);
  const spread = npsVariance(a) / a.responses + npsVariance(b) / b.responses;
  if (difference === 0) return 1;
  if (spread === 0) return 0;
  return twoSidedPValue(difference / (100 * Math.sqrt(spread)));
}

// ---------------------------------------------------------------------------------------------
// CSAT and CES.

/** Scales SAAS.CSAT and SAAS.CES accept for `scale_max`: 1..2 at least, 1..100 at most. */
export const SCALE_MAX_LIMITS = { min: 2, max: 100, whole: true } as const;
export const CSAT_DEFAULT_SCALE_MAX = 5;
export const CES_DEFAULT_SCALE_MAX = 7;

/** The 1..max scale of a CSAT or CES survey, named in messages ("CSAT scores are whole…"). */
export function satisfactionScale(survey: "CSAT" | "CES", max: number): ScoreScale {
  return { min: 1, max, label: survey === "CSAT" ? "csatScores" : "cesScores" };
}

/** How SAAS.CSAT summarises: share in the top two boxes (the default) or mean score. */
export const CSAT_METHODS = ["top2", "mean"] as const;
export type CsatMethod = (typeof CSAT_METHODS)[number];

/**
 * Mean answer (blanks are not answers).
 *
 * @example answers 7, 5, 6 on 1–7 → 6
 */
export function meanScore(tally: ScoreTally): number {
  return ratio(tally.sum, tally.responses, NO_RESPONSES, SCORES);
}

/**
 * Share of answers in the top two boxes of the tally's scale (4 or 5 on 1–5), as a fraction.
 *
 * @example answers 5, 4, 3, 1 on 1–5 → 0.5
 */
export function topTwoBoxShare(tally: ScoreTally): number {
  const top = tally.byScore.length - 1;
  const inTopTwo = (tally.byScore[top] ?? 0) + (tally.byScore[top - 1] ?? 0);
  return ratio(inTopTwo, tally.responses, NO_RESPONSES, SCORES);
}

/**
 * Customer satisfaction: top-two-box share (0..1) by default, or the mean score.
 *
 * @example answers 5, 4, 3, 1 on 1–5 → 0.5 ("top2"), 3.25 ("mean")
 */
export function customerSatisfaction(tally: ScoreTally, method: CsatMethod = "top2"): number {
  return method === "mean" ? meanScore(tally) : topTwoBoxShare(tally);
}

/**
 * Customer effort score: the mean answer on the survey's scale.
 *
 * @example answers 2, 3, 7 on 1–7 → 4
 */
export function customerEffortScore(tally: ScoreTally): number {
  return meanScore(tally);
}
