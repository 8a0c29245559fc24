/**
 * Custom functions for survey metrics: thin bindings over src/core.
 * Definitions: shared/spec/metrics.md; signatures: shared/spec/functions.md.
 */

import { NPS_SCALE, netPromoterScore, readSurveyInput, surveyMetric } from "../core";
import { toExcel } from "./toExcel";

/**
 * Net Promoter Score in points (-100 to 100): % promoters (9-10) minus % detractors (0-6). Blank cells are not responses; on Excel builds that pass blanks as 0, clear blanks from the range.
 * @customfunction NPS
 * @helpurl https://localhost:3000/help.html#NPS
 * @param scores Survey answers, whole numbers from 0 to 10. A text header in the first row is skipped.
 * @param [segments] Optional segment of each answer (plan, region, CSM...), aligned with scores. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns NPS in points, e.g. 40.
 */
export function nps(scores: any[][], segments?: any[][], segment?: any): any[][] {
  return toExcel("NPS", () =>
    surveyMetric(readSurveyInput(scores, NPS_SCALE, segments, segment), netPromoterScore)
  );
}
