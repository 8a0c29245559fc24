/**
 * Custom functions for customer (logo) retention: thin bindings over src/core.
 * Definitions: docs/metrics.md; signatures and conventions: docs/functions.md.
 */
import {
  expanderRate,
  logoChurnRate,
  logoRetention,
  readRevenueInput,
  revenueMetric,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Logo retention: share of the customers paying at the start who still pay at the end. New customers change nothing.
 * @customfunction LOGORETENTION
 * @helpurl https://localhost:3000/help.html#LOGORETENTION
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM, an at-risk flag...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" or TRUE for flagged accounts (the save rate).
 * @returns Logo retention as a fraction: 0.9 is 90%.
 */
export function logoretention(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("LOGORETENTION", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), logoRetention)
  );
}

/**
 * Logo churn rate: share of the customers paying at the start who no longer pay at the end (1 - logo retention).
 * @customfunction LOGOCHURN
 * @helpurl https://localhost:3000/help.html#LOGOCHURN
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns Logo churn as a fraction: 0.05 is 5%.
 */
export function logochurn(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("LOGOCHURN", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), logoChurnRate)
  );
}

/**
 * Expander rate: share of the customers paying at the start who pay more at the end.
 * @customfunction EXPANDERRATE
 * @helpurl https://localhost:3000/help.html#EXPANDERRATE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns Expander rate as a fraction: 0.15 is 15%.
 */
export function expanderrate(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("EXPANDERRATE", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), expanderRate)
  );
}
