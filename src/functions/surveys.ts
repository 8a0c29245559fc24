/**
 * Custom functions for survey metrics: thin bindings over src/core.
 * Definitions: docs/metrics.md; signatures and conventions: docs/functions.md.
 */

import {
  CES_DEFAULT_SCALE_MAX,
  CONFIDENCE_LEVEL,
  CSAT_DEFAULT_SCALE_MAX,
  CSAT_METHODS,
  NPS_SCALE,
  SCALE_MAX_LIMITS,
  countNps,
  customerEffortScore,
  customerSatisfaction,
  netPromoterScore,
  npsBreakdown,
  npsDifferencePValue,
  npsMarginOfError,
  readChoiceOption,
  readNumberArgument,
  readScores,
  readSurveyInput,
  satisfactionScale,
  scoreMetric,
  surveyMetric,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Net Promoter Score in points (-100 to 100): % promoters (9-10) minus % detractors (0-6). Blank cells are not responses; on Excel builds that pass blanks as 0, clear blanks from the range.
 * @customfunction NPS
 * @helpurl https://localhost:3000/help.html#NPS
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10. A text header in the first row is skipped.
 * @param [segments] Optional segment of each answer (plan, region, CSM...), aligned with scores. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns NPS in points, e.g. 40.
 */
export function nps(
  scores: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS", invocation, () =>
    surveyMetric(readSurveyInput(scores, NPS_SCALE, segments, segment), netPromoterScore)
  );
}

/**
 * Spills the NPS breakdown, 3 columns by 6 rows: a header row ("", Count, Share), then Promoters (9-10), Passives (7-8) and Detractors (0-6) with their count and share (a fraction), Responses with share 1, and NPS in points in the Count column.
 * @customfunction NPS.BREAKDOWN
 * @helpurl https://localhost:3000/help.html#NPS.BREAKDOWN
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10; blank cells are not responses. A text header in the first row is skipped.
 * @returns A 6 x 3 table: label, count, share.
 */
export function npsbreakdown(scores: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return toExcel("NPS.BREAKDOWN", invocation, () =>
    npsBreakdown(countNps(readScores(scores, "scores", NPS_SCALE)))
  );
}

/**
 * Margin of error of the NPS in points at a confidence level: z * 100 * SQRT((p + d - (p - d)^2) / n), p and d the shares of promoters and detractors. NPS +/- this is the confidence interval.
 * @customfunction NPS.MOE
 * @helpurl https://localhost:3000/help.html#NPS.MOE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10; blank cells are not responses. A text header in the first row is skipped.
 * @param [confidence] Optional confidence level from 0.5 to 0.999; default 0.95 (95%).
 * @returns The margin of error in points, e.g. 9.2 for an NPS of 40 +/- 9.2.
 */
export function npsmoe(
  scores: any[][],
  confidence?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.MOE", invocation, () => {
    const counts = countNps(readScores(scores, "scores", NPS_SCALE));
    const level = readNumberArgument(confidence, "confidence", CONFIDENCE_LEVEL);
    return npsMarginOfError(counts, level);
  });
}

/**
 * Two-sided p-value that the NPS of two independent samples differ (a z-test on the NPS). Below 0.05: the difference is significant at 95%. Samples that each give one kind of answer only: 1 if their NPS are equal, else 0.
 * @customfunction NPS.TEST
 * @helpurl https://localhost:3000/help.html#NPS.TEST
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores_a Answers of the first sample, whole numbers from 0 to 10; blank cells are not responses.
 * @param scores_b Answers of the second sample, whole numbers from 0 to 10; blank cells are not responses.
 * @returns The p-value, from 0 to 1.
 */
export function npstest(
  scores_a: any[][],
  scores_b: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.TEST", invocation, () => {
    const a = countNps(readScores(scores_a, "scores_a", NPS_SCALE));
    const b = countNps(readScores(scores_b, "scores_b", NPS_SCALE));
    return npsDifferencePValue(a, b);
  });
}

/**
 * Customer satisfaction (CSAT): the share of answers in the top two boxes of the scale (4 or 5 on 1-5), or with method "mean" the mean score. Blank cells are not responses.
 * @customfunction CSAT
 * @helpurl https://localhost:3000/help.html#CSAT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 1 to scale_max. A text header in the first row is skipped.
 * @param [scale_max] Optional top of the answer scale, a whole number from 2 to 100; default 5 (a 1-5 scale).
 * @param [method] Optional "top2" (default): share of answers in the top two boxes; "mean": the mean score.
 * @param [segments] Optional segment of each answer (plan, region, CSM...), aligned with scores. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns CSAT as a fraction (0.8 is 80%), or the mean score with method "mean".
 */
export function csat(
  scores: any[][],
  scale_max?: any,
  method?: any,
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("CSAT", invocation, () => {
    const top = readNumberArgument(scale_max, "scale_max", {
      ...SCALE_MAX_LIMITS,
      fallback: CSAT_DEFAULT_SCALE_MAX,
    });
    const how = readChoiceOption(method, "method", CSAT_METHODS);
    const scale = satisfactionScale("CSAT", top);
    const input = readSurveyInput(scores, scale, segments, segment);
    return scoreMetric(input, scale, (tally) => customerSatisfaction(tally, how));
  });
}

/**
 * Customer effort score (CES): the mean answer on a 1 to scale_max scale (1-7 by default). Blank cells are not responses.
 * @customfunction CES
 * @helpurl https://localhost:3000/help.html#CES
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 1 to scale_max. A text header in the first row is skipped.
 * @param [scale_max] Optional top of the answer scale, a whole number from 2 to 100; default 7 (a 1-7 scale).
 * @param [segments] Optional segment of each answer (plan, region, CSM...), aligned with scores. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns The mean effort score, e.g. 5.4.
 */
export function ces(
  scores: any[][],
  scale_max?: any,
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("CES", invocation, () => {
    const top = readNumberArgument(scale_max, "scale_max", {
      ...SCALE_MAX_LIMITS,
      fallback: CES_DEFAULT_SCALE_MAX,
    });
    const scale = satisfactionScale("CES", top);
    const input = readSurveyInput(scores, scale, segments, segment);
    return scoreMetric(input, scale, customerEffortScore);
  });
}
