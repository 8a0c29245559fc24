/**
 * Custom functions for survey metrics: thin bindings over src/core.
 * Definitions: docs/metrics.md; signatures and conventions: docs/functions.md.
 */

import {
  CES_DEFAULT_SCALE_MAX,
  CONFIDENCE_LEVEL,
  CSAT_DEFAULT_SCALE_MAX,
  NPS_CI_METHODS,
  NPS_MOE_METHODS,
  NPS_SCALE,
  SCALE_MAX_LIMITS,
  countNps,
  customerEffortScore,
  customerSatisfaction,
  netPromoterScore,
  npsBreakdown,
  npsCategories,
  npsDifferencePValue,
  npsInterval,
  npsIntervalTable,
  npsMarginOfError,
  npsSampleSize,
  readChoiceOption,
  readCsatMethod,
  readNumberArgument,
  readSampleSizeInput,
  readScores,
  readShareSample,
  readSurveyInput,
  satisfactionScale,
  scoreMetric,
  shareIntervalTable,
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
 * Margin of error of the NPS in points at a confidence level: z * 100 * SQRT((p + d - (p - d)^2) / n), p and d the shares of promoters and detractors. With method "adjusted", the adjusted-Wald margin (n + 3 answers, 3/4 of a promoter and 3/4 of a detractor added), about the adjusted NPS that SAAS.NPS.CI shows.
 * @customfunction NPS.MOE
 * @helpurl https://localhost:3000/help.html#NPS.MOE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10; blank cells are not responses. A text header in the first row is skipped.
 * @param [confidence] Optional confidence level from 0.5 to 0.999; default 0.95 (95%).
 * @param [method] Optional "wald" (default): the textbook margin, 0 when every answer is alike; "adjusted": adjusted-Wald, honest on small samples.
 * @returns The margin of error in points, e.g. 9.2 for an NPS of 40 +/- 9.2.
 */
export function npsmoe(
  scores: any[][],
  confidence?: any,
  method?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.MOE", invocation, () => {
    const counts = countNps(readScores(scores, "scores", NPS_SCALE));
    const level = readNumberArgument(confidence, "confidence", CONFIDENCE_LEVEL);
    const how = readChoiceOption(method, "method", NPS_MOE_METHODS);
    return npsMarginOfError(counts, level, how);
  });
}

/**
 * Confidence interval of the NPS in points: spills its lower and upper bounds, labelled, clipped to -100..100. Adjusted-Wald by default (MeasuringU): centred on the adjusted NPS, so not symmetric about the observed one, and never of width 0.
 * @customfunction NPS.CI
 * @helpurl https://localhost:3000/help.html#NPS.CI
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10; blank cells are not responses. A text header in the first row is skipped.
 * @param [confidence] Optional confidence level from 0.5 to 0.999; default 0.95 (95%).
 * @param [method] Optional "adjusted" (default): adjusted-Wald; "wald": the observed NPS +/- SAAS.NPS.MOE.
 * @returns A 2 x 2 table: lower and upper, each with its bound in points.
 */
export function npsci(
  scores: any[][],
  confidence?: any,
  method?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.CI", invocation, () => {
    const counts = countNps(readScores(scores, "scores", NPS_SCALE));
    const level = readNumberArgument(confidence, "confidence", CONFIDENCE_LEVEL);
    const how = readChoiceOption(method, "method", NPS_CI_METHODS);
    return npsIntervalTable(npsInterval(counts, level, how));
  });
}

/**
 * Two-sided p-value that the NPS of two independent samples differ (a z-test on the NPS). Below 0.05: the difference is significant at 95%. With method "wald", samples that each give one kind of answer only: 1 if their NPS are equal, else 0.
 * @customfunction NPS.TEST
 * @helpurl https://localhost:3000/help.html#NPS.TEST
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores_a Answers of the first sample, whole numbers from 0 to 10; blank cells are not responses.
 * @param scores_b Answers of the second sample, whole numbers from 0 to 10; blank cells are not responses.
 * @param [method] Optional "wald" (default) or "adjusted": the test on adjusted-Wald proportions (MeasuringU), better on small samples.
 * @returns The p-value, from 0 to 1.
 */
export function npstest(
  scores_a: any[][],
  scores_b: any[][],
  method?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.TEST", invocation, () => {
    const a = countNps(readScores(scores_a, "scores_a", NPS_SCALE));
    const b = countNps(readScores(scores_b, "scores_b", NPS_SCALE));
    const how = readChoiceOption(method, "method", NPS_MOE_METHODS);
    return npsDifferencePValue(a, b, how);
  });
}

/**
 * NPS category of each answer: promoter (9-10), passive (7-8), detractor (0-6), or empty for a blank cell. Spills in the shape of scores, for use as segments: NRR by NPS group with XLOOKUP from customers to their answer.
 * @customfunction NPS.CATEGORY
 * @helpurl https://localhost:3000/help.html#NPS.CATEGORY
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 0 to 10. A text header in the first row is skipped (and the spill starts with a header, to stay aligned).
 * @returns One category per answer: "promoter", "passive", "detractor" or "".
 */
export function npscategory(scores: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return toExcel("NPS.CATEGORY", invocation, () =>
    npsCategories(readScores(scores, "scores", NPS_SCALE))
  );
}

/**
 * Responses needed for an NPS margin of error of margin points (MeasuringU's n = s^2 z^2 / d^2 - 3 for adjusted-Wald intervals), rounded up. Without expected_nps, the worst case (half promoters, half detractors).
 * @customfunction NPS.SAMPLESIZE
 * @helpurl https://localhost:3000/help.html#NPS.SAMPLESIZE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param margin The margin of error wanted, in NPS points: above 0 and at most 100, e.g. 5 for +/- 5 points.
 * @param [confidence] Optional confidence level from 0.5 to 0.999; default 0.95 (95%).
 * @param [expected_nps] Optional NPS you expect, above -100 and below 100; the sample is sized for the worst mix of answers with that NPS (no passives).
 * @returns A whole number of responses, e.g. 382 for +/- 10 points at 95%.
 */
export function npssamplesize(
  margin: any,
  confidence?: any,
  expected_nps?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NPS.SAMPLESIZE", invocation, () => {
    const input = readSampleSizeInput(margin, confidence, expected_nps);
    return npsSampleSize(input.margin, input.confidence, input.expectedNps);
  });
}

/**
 * Wilson score interval of a share (logo churn, a save rate, a CSAT share): spills its lower and upper bounds, labelled, as fractions. Unlike the textbook interval it is never empty at 0 or all successes.
 * @customfunction RATE.CI
 * @helpurl https://localhost:3000/help.html#RATE.CI
 * @requiresAddress
 * @requiresParameterAddresses
 * @param successes How many counted: customers lost, accounts saved, satisfied answers... A whole number from 0 to trials.
 * @param trials Out of how many: customers at the start, accounts flagged, answers... A whole number.
 * @param [confidence] Optional confidence level from 0.5 to 0.999; default 0.95 (95%).
 * @returns A 2 x 2 table: lower and upper, each with its bound as a fraction (0.05 is 5%).
 */
export function rateci(
  successes: any,
  trials: any,
  confidence?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("RATE.CI", invocation, () =>
    shareIntervalTable(readShareSample(successes, trials, confidence))
  );
}

/**
 * Customer satisfaction (CSAT): the share of answers in the top two boxes of the scale (4 or 5 on 1-5); with method "top3" the top three boxes, a score k the share of answers of k or more, "mean" the mean score. Blank cells are not responses.
 * @customfunction CSAT
 * @helpurl https://localhost:3000/help.html#CSAT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param scores Survey answers, whole numbers from 1 to scale_max. A text header in the first row is skipped.
 * @param [scale_max] Optional top of the answer scale, a whole number from 2 to 100; default 5 (a 1-5 scale).
 * @param [method] Optional "top2" (default): share of answers in the top two boxes; "top3": the top three boxes; a whole score, e.g. 8: share of answers of 8 or more; "mean": the mean score.
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
    const how = readCsatMethod(method, top);
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
