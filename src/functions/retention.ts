/**
 * Custom functions for revenue retention: thin bindings over src/core (coerce, compute, map
 * errors). Definitions: shared/spec/metrics.md; signatures: shared/spec/functions.md.
 */

import {
  grossRevenueRetention,
  mrrChurnRate,
  netRevenueRetention,
  readBooleanOption,
  readRevenueInput,
  revenueMetric,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Net revenue retention (NRR, NDR): revenue at the end of the customers who paid at the start, over their revenue at the start. Expansion counts; new customers never do.
 * @customfunction NRR
 * @helpurl https://localhost:3000/help.html#NRR
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns NRR as a fraction: 1.1 is 110%.
 */
export function nrr(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any
): any[][] {
  return toExcel("NRR", () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), netRevenueRetention)
  );
}

/**
 * Gross revenue retention (GRR): revenue kept from the customers who paid at the start, each capped at their starting revenue, so expansion never offsets churn or contraction.
 * @customfunction GRR
 * @helpurl https://localhost:3000/help.html#GRR
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns GRR as a fraction between 0 and 1: 0.9 is 90%.
 */
export function grr(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any
): any[][] {
  return toExcel("GRR", () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), grossRevenueRetention)
  );
}

/**
 * Gross MRR churn rate: revenue lost to churn and contraction over starting revenue (1 - GRR). With include_contraction FALSE, churned revenue only.
 * @customfunction MRRCHURN
 * @helpurl https://localhost:3000/help.html#MRRCHURN
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [include_contraction] TRUE (default) counts contraction as lost revenue; FALSE counts only customers who left.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns MRR churn as a fraction: 0.25 is 25%.
 */
export function mrrchurn(
  start_mrr: any[][],
  end_mrr: any[][],
  include_contraction?: any,
  segments?: any[][],
  segment?: any
): any[][] {
  return toExcel("MRRCHURN", () => {
    const input = readRevenueInput(start_mrr, end_mrr, segments, segment);
    const withContraction = readBooleanOption(include_contraction, "include_contraction", true);
    return revenueMetric(input, (totals) => mrrChurnRate(totals, withContraction));
  });
}
