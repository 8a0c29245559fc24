/**
 * Survey metrics (docs/metrics.md, "Surveys"). Scores arrive validated (coerce.ts): whole
 * numbers on their scale, BLANK_SCORE where a cell was blank (not a response).
 *
 * One pass counts how many gave each score (per segment when asked); every survey metric, NPS,
 * its breakdown, margin of error and test, CSAT and CES, is read off those counts.
 */
import {
  BLANK_SCORE,
  type ScoreRange,
  type ScoreScale,
  isOmitted,
  numberInCell,
  quoteCell,
  readChoiceOption,
  readNumberArgument,
  readSingleValue,
} from "./coerce";
import { MetricError, divisionByZero, invalidValue } from "./errors";
import { label } from "./labels";
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
 * How an NPS interval is worked out (shared/spec/metrics.md, "Intervals on small samples"):
 * "wald", the textbook margin survey calculators print (0 when every answer is alike), or
 * "adjusted", MeasuringU's adjusted-Wald (Rocks 2016), honest on small samples.
 */
export type NpsIntervalMethod = "wald" | "adjusted";

/** `method` of SAAS.NPS.MOE and SAAS.NPS.TEST: Wald by default, as survey calculators print. */
export const NPS_MOE_METHODS = ["wald", "adjusted"] as const;
/** `method` of SAAS.NPS.CI: adjusted-Wald by default, the interval to show on small samples. */
export const NPS_CI_METHODS = ["adjusted", "wald"] as const;

/** MeasuringU's adjustment: 3 more answers, ¾ of them promoters and ¾ detractors. */
const ADDED_RESPONSES = 3;
const ADDED_EACH = 0.75;

/** The sample an interval is worked on: shares p and d of n answers, and the NPS they give. */
interface IntervalSample {
  readonly p: number;
  readonly d: number;
  readonly n: number;
}

function intervalSample(counts: NpsCounts, method: NpsIntervalMethod): IntervalSample {
  const { promoters, detractors, responses } = counts;
  if (responses === 0) throw divisionByZero(NO_RESPONSES, SCORES);
  if (method === "wald") {
    return { p: promoters / responses, d: detractors / responses, n: responses };
  }
  const n = responses + ADDED_RESPONSES;
  return { p: (promoters + ADDED_EACH) / n, d: (detractors + ADDED_EACH) / n, n };
}

/** p + d − (p − d)², the variance of one answer scored +1, 0 or −1, never below 0. */
function shareVariance(sample: IntervalSample): number {
  return Math.max(0, sample.p + sample.d - (sample.p - sample.d) ** 2);
}

/**
 * Margin of error of the NPS in points: z · 100 · sqrt((p + d − (p − d)²) / n); with "adjusted"
 * on n + 3 answers with ¾ of a promoter and ¾ of a detractor added (the margin about the adjusted
 * centre, see npsInterval).
 *
 * @example 200 responses, 100 promoters, 20 detractors, 95%:
 *   1.959963984540054 · 100 · sqrt(0.44 / 200) ≈ 9.193 points; "adjusted" ≈ 9.16
 * @example 10 promoters of 10, 95%: "wald" 0, "adjusted" ≈ 29.4
 */
export function npsMarginOfError(
  counts: NpsCounts,
  confidence: number,
  method: NpsIntervalMethod = "wald"
): number {
  if (method === "wald") {
    const variance = npsVariance(counts);
    return zForConfidence(confidence) * 100 * Math.sqrt(variance / counts.responses);
  }
  const sample = intervalSample(counts, method);
  return zForConfidence(confidence) * 100 * Math.sqrt(shareVariance(sample) / sample.n);
}

/** An NPS interval in points: its centre and margin, and the bounds clipped to −100..100. */
export interface NpsInterval {
  readonly centre: number;
  readonly margin: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The NPS interval at `confidence`: centre ± margin, clipped to −100..100. "wald" is centred on
 * the observed NPS; "adjusted" on 100 · (p′ − d′) with p′ = (promoters + ¾) / (n + 3) and
 * d′ = (detractors + ¾) / (n + 3), so it is not symmetric about the observed NPS.
 *
 * @example 10 promoters of 10, 95%, "adjusted": centre 76.92, margin 29.42 → 47.5 to 100
 * @example 100 promoters, 80 passives, 20 detractors, 95%: "wald" 40 ± 9.19, "adjusted" 39.4 ± 9.16
 */
export function npsInterval(
  counts: NpsCounts,
  confidence: number,
  method: NpsIntervalMethod
): NpsInterval {
  const sample = intervalSample(counts, method);
  const centre = 100 * (sample.p - sample.d);
  const margin = npsMarginOfError(counts, confidence, method);
  return {
    centre,
    margin,
    lower: Math.max(-100, centre - margin),
    upper: Math.min(100, centre + margin),
  };
}

/**
 * The interval as SAAS.NPS.CI spills it: a labelled row for the lower bound, one for the upper.
 *
 * @example 10 promoters of 10 → [["lower", 47.5…], ["upper", 100]]
 */
export function npsIntervalTable(interval: NpsInterval): ResultTable {
  return [
    [label("label.lower"), interval.lower],
    [label("label.upper"), interval.upper],
  ];
}

/**
 * Two-sided p-value that two independent NPS samples differ:
 * z = (NPS_a − NPS_b) / (100 · sqrt(v_a / n_a + v_b / n_b)), p = 2 · (1 − Φ(|z|)); with
 * "adjusted", each sample's NPS, variance and size are the adjusted-Wald ones (n + 3 answers, ¾
 * of a promoter and ¾ of a detractor added), MeasuringU's test.
 *
 * With "wald", when both variances are 0 (each sample gave one kind of answer only: all
 * promoters, all passives or all detractors) z is 0/0 or ±x/0. The limit is taken: equal scores
 * give 1 (nothing tells them apart), different scores 0. The adjusted variances are never 0. The
 * result is the same with a and b swapped.
 *
 * @example a: 100 promoters, 80 passives, 20 detractors (NPS 40, v 0.44); b: 20, 20, 10 of 50
 *   (NPS 20, v 0.56): z = 20 / (100 · sqrt(0.44/200 + 0.56/50)) ≈ 1.728, p ≈ 0.084
 */
export function npsDifferencePValue(
  a: NpsCounts,
  b: NpsCounts,
  method: NpsIntervalMethod = "wald"
): number {
  if (a.responses === 0) throw divisionByZero(NO_RESPONSES, { argument: { argument: "scores_a" } });
  if (b.responses === 0) throw divisionByZero(NO_RESPONSES, { argument: { argument: "scores_b" } });
  if (method === "adjusted") {
    const x = intervalSample(a, method);
    const y = intervalSample(b, method);
    const difference = x.p - x.d - (y.p - y.d);
    if (difference === 0) return 1;
    const spread = shareVariance(x) / x.n + shareVariance(y) / y.n;
    return twoSidedPValue(difference / Math.sqrt(spread));
  }
  const difference = netPromoterScore(a) - netPromoterScore(b);
  const spread = npsVariance(a) / a.responses + npsVariance(b) / b.responses;
  if (difference === 0) return 1;
  if (spread === 0) return 0;
  return twoSidedPValue(difference / (100 * Math.sqrt(spread)));
}

/**
 * What SAAS.NPS.CATEGORY shows for each answer. Data, not display words: the same text in every
 * language, so that a formula matching "promoter" as a segment works in every Excel.
 */
export const NPS_CATEGORY_LABELS = {
  promoter: "promoter",
  passive: "passive",
  detractor: "detractor",
  blank: "",
} as const;

/**
 * One category per answer, in the shape of the scores: "promoter" (9–10), "passive" (7–8),
 * "detractor" (0–6), or "" for a blank cell (not an answer). When the scores were selected with
 * their header, the spill starts with a header too, so it lines up row for row with them.
 *
 * @example npsCategories of a column 10, blank, 7, 3 → [["promoter"], [""], ["passive"], ["detractor"]]
 */
export function npsCategories(scores: ScoreRange): ResultTable {
  const { rows, columns } = scores;
  if (rows * columns === 0)
    throw invalidValue("scores.noCells", { argument: { argument: scores.argument } });
  const table: ResultTable = [];
  if (scores.headerRows > 0) {
    table.push(
      Array.from({ length: columns }, (_, c) => (c === 0 ? label("label.npsCategory") : ""))
    );
  }
  const { promoter, passive, detractor, blank } = NPS_CATEGORY_LABELS;
  for (let r = 0; r < rows; r++) {
    const row: string[] = new Array<string>(columns);
    for (let c = 0; c < columns; c++) {
      const score = scores.scores[r * columns + c] as number;
      row[c] =
        score === BLANK_SCORE ? blank : score >= 9 ? promoter : score >= 7 ? passive : detractor;
    }
    table.push(row);
  }
  return table;
}

/** `margin` of SAAS.NPS.SAMPLESIZE, in points: above 0 (0 would need infinitely many answers). */
export const SAMPLE_SIZE_MARGIN = { above: 0, max: 100 } as const;

/**
 * Responses needed for an NPS margin of error of `margin` points at `confidence`: MeasuringU's
 * n = s²z²/d² − 3, d = margin / 100, rounded up to a whole answer and at least 1. s² is the
 * variance of one answer, p + d − (p − d)²; without an expected NPS the worst case, 1 (half
 * promoters, half detractors); with an expected NPS E the worst case for that NPS, 1 − (E/100)²
 * (no passives), since the spec gives the NPS, not its mix of answers.
 *
 * @example npsSampleSize(10, 0.95) === 382 (1.96² / 0.1² − 3 = 381.15, rounded up)
 * @example npsSampleSize(5, 0.95, 40) === 1288 (0.84 · 1.96² / 0.05² − 3 = 1287.3)
 */
export function npsSampleSize(margin: number, confidence: number, expectedNps?: number): number {
  const variance = expectedNps === undefined ? 1 : 1 - (expectedNps / 100) ** 2;
  const z = zForConfidence(confidence);
  const needed = (variance * z * z) / (margin / 100) ** 2 - ADDED_RESPONSES;
  // A figure a few ulps above a whole number is that number, not the next one.
  const whole = Math.ceil(needed - 1e-9 * Math.max(1, Math.abs(needed)));
  if (!Number.isFinite(whole)) throw new MetricError("num", "num.resultTooLarge");
  return Math.max(1, whole);
}

/**
 * SAAS.NPS.SAMPLESIZE's arguments in order: `margin` in points, above 0 and at most 100; the
 * confidence level; an optional expected NPS strictly between −100 and 100 (at ±100 every
 * answer would be alike, and the formula would ask for no answer at all).
 */
export function readSampleSizeInput(
  margin: unknown,
  confidence: unknown,
  expectedNps: unknown
): { margin: number; confidence: number; expectedNps?: number } {
  const points = readNumberArgument(margin, "margin", { min: 0, max: SAMPLE_SIZE_MARGIN.max });
  if (points <= SAMPLE_SIZE_MARGIN.above) {
    throw invalidValue("number.aboveAtMost", {
      where: { argument: "margin" },
      value: { cell: { kind: "number", value: points } },
      min: SAMPLE_SIZE_MARGIN.above,
      max: SAMPLE_SIZE_MARGIN.max,
    });
  }
  const level = readNumberArgument(confidence, "confidence", CONFIDENCE_LEVEL);
  if (isOmitted(expectedNps)) return { margin: points, confidence: level };
  const expected = readNumberArgument(expectedNps, "expected_nps", { min: -100, max: 100 });
  if (Math.abs(expected) === 100) {
    throw invalidValue("number.inside", {
      where: { argument: "expected_nps" },
      value: { cell: { kind: "number", value: expected } },
      min: -100,
      max: 100,
    });
  }
  return { margin: points, confidence: level, expectedNps: expected };
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

/**
 * How SAAS.CSAT summarises: the share in the top two boxes (the default), the mean score, the
 * share in the top three boxes; or, as a number k, the share of answers of k or more ("satisfied
 * from k", shared/spec/metrics.md, "CSAT on longer scales").
 */
export const CSAT_METHODS = ["top2", "mean", "top3"] as const;
export type CsatMethod = (typeof CSAT_METHODS)[number] | number;

/**
 * SAAS.CSAT's `method` on a 1..scaleMax scale: one of CSAT_METHODS, or a whole score k from 2
 * to the top ("satisfied from k"; from 1 every answer would count). "top3" needs a scale of more
 * than three points: on 1–3 it would count every answer, a CSAT of 100% whatever was said.
 *
 * @example readCsatMethod(9, 10) === 9; readCsatMethod(" Top3 ", 7) === "top3"
 */
export function readCsatMethod(arg: unknown, scaleMax: number): CsatMethod {
  const where = { argument: "method" };
  if (isOmitted(arg)) return "top2";
  const value = readSingleValue(arg, "method");
  const score = numberInCell(value);
  const notMethod = () =>
    invalidValue("csat.notMethod", {
      where,
      value: quoteCell(value),
      choices: { choices: CSAT_METHODS },
      min: 2,
      max: scaleMax,
    });
  if (score !== null) {
    if (Number.isInteger(score) && score >= 2 && score <= scaleMax) return score;
    throw notMethod();
  }
  let choice: (typeof CSAT_METHODS)[number];
  try {
    // Words as every option reads them; an error value passed in is passed on.
    choice = readChoiceOption(value, "method", CSAT_METHODS);
  } catch (error) {
    if (error instanceof MetricError && error.code === "option.notChoice") throw notMethod();
    throw error;
  }
  if (choice === "top3" && scaleMax <= 3) {
    throw invalidValue("csat.topThreeOfSmallScale", { where, max: scaleMax });
  }
  return choice;
}

/**
 * Mean answer (blanks are not answers).
 *
 * @example answers 7, 5, 6 on 1–7 → 6
 */
export function meanScore(tally: ScoreTally): number {
  return ratio(tally.sum, tally.responses, NO_RESPONSES, SCORES);
}

/**
 * Share of answers of `threshold` or more, as a fraction.
 *
 * @example answers 9, 8, 7, 3 on 1–10, threshold 8 → 0.5
 */
export function shareFrom(tally: ScoreTally, threshold: number): number {
  let satisfied = 0;
  for (let s = Math.max(0, threshold); s < tally.byScore.length; s++) {
    satisfied += tally.byScore[s] as number;
  }
  return ratio(satisfied, tally.responses, NO_RESPONSES, SCORES);
}

/**
 * Share of answers in the top two boxes of the tally's scale (4 or 5 on 1–5), as a fraction.
 *
 * @example answers 5, 4, 3, 1 on 1–5 → 0.5
 */
export function topTwoBoxShare(tally: ScoreTally): number {
  return shareFrom(tally, tally.byScore.length - 2);
}

/**
 * Customer satisfaction: top-two-box share (0..1) by default, the mean score, the top-three-box
 * share, or the share of answers from a given score.
 *
 * @example answers 5, 4, 3, 1 on 1–5 → 0.5 ("top2"), 3.25 ("mean"), 0.75 ("top3"), 0.25 (5)
 */
export function customerSatisfaction(tally: ScoreTally, method: CsatMethod = "top2"): number {
  if (method === "mean") return meanScore(tally);
  const top = tally.byScore.length - 1;
  if (method === "top2") return shareFrom(tally, top - 1);
  if (method === "top3") return shareFrom(tally, top - 2);
  return shareFrom(tally, method);
}

/**
 * Customer effort score: the mean answer on the survey's scale.
 *
 * @example answers 2, 3, 7 on 1–7 → 4
 */
export function customerEffortScore(tally: ScoreTally): number {
  return meanScore(tally);
}
