/**
 * Revenue retention over the starting cohort (shared/spec/metrics.md, "Revenue retention"):
 * new and reactivated revenue never counts. Every metric here is a function of MovementTotals,
 * which the one classifier in movements.ts fills.
 */
import type { MovementTotals } from "./movements";
import { ratio } from "./ratios";

const NO_STARTING_REVENUE = "no starting revenue: start_mrr has no customer with revenue above 0";

/**
 * Net revenue retention: Σ_existing e_i / Σ_existing s_i = (start + expansion − contraction − churn) / start.
 *
 * @example start 100M, churn 5M, contraction 5M, expansion 20M → 1.10 (110%)
 */
export function netRevenueRetention(totals: MovementTotals): number {
  return ratio(totals.existingEndMrr, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Gross revenue retention: Σ_existing min(s_i, e_i) / Σ_existing s_i, capped per customer, so one
 * customer's expansion never offsets another's contraction.
 *
 * @example start 100M, churn 5M, contraction 5M → 0.90 (90%), whatever the expansion
 */
export function grossRevenueRetention(totals: MovementTotals): number {
  return ratio(totals.retainedMrr, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Gross MRR churn rate: (churn + contraction) / start = 1 − GRR; with `includeContraction` false,
 * churned revenue only.
 *
 * @example one customer paying 2,000 of 8,000 starting MRR churns → 0.25 (25%)
 */
export function mrrChurnRate(totals: MovementTotals, includeContraction = true): number {
  const lost = totals.churnedMrr + (includeContraction ? totals.contractionMrr : 0);
  return ratio(lost, totals.startMrr, NO_STARTING_REVENUE);
}
