/**
 * Revenue retention over the starting cohort (docs/metrics.md, "Revenue retention"):
 * new and reactivated revenue never counts. Every metric here is a function of MovementTotals,
 * which the one classifier in movements.ts fills.
 */
import type { MovementTotals } from "./movements";
import { ratio } from "./ratios";

const NO_STARTING_REVENUE = "div0.noStartingRevenue";

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

/**
 * Net MRR churn rate: (churn + contraction − expansion) / start = 1 − NRR; negative when
 * expansion outweighs the losses.
 *
 * @example start 1,000, churn 50, contraction 20, expansion 100 → −0.03
 */
export function netMrrChurnRate(totals: MovementTotals): number {
  const netLost = totals.churnedMrr + totals.contractionMrr - totals.expansionMrr;
  return ratio(netLost, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Expansion rate: expansion / starting revenue.
 *
 * @example start MRR 1,000 and 100 of upsell and cross-sell in the month → 0.10
 */
export function expansionRate(totals: MovementTotals): number {
  return ratio(totals.expansionMrr, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Contraction rate: contraction / starting revenue (downgrades only, not churn).
 *
 * @example start 1,000, one customer down from 200 to 150 → 0.05
 */
export function contractionRate(totals: MovementTotals): number {
  return ratio(totals.contractionMrr, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Quick ratio: (new + reactivation + expansion) / (contraction + churn). No losses at all is
 * #DIV/0! (the ratio is unbounded), never a large made-up number.
 *
 * @example new 300, expansion 100, contraction 50, churn 150 → 2
 */
export function quickRatio(totals: MovementTotals): number {
  const gained = totals.newMrr + totals.reactivationMrr + totals.expansionMrr;
  const lost = totals.contractionMrr + totals.churnedMrr;
  return ratio(gained, lost, "div0.noLosses");
}

/** Aggregated amounts for NRR.PARTS and GRR.PARTS: losses as magnitudes, whatever their sign. */
export interface RetentionParts {
  readonly startMrr: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churned: number;
}

/**
 * NRR from already aggregated amounts: (start + expansion − contraction − churn) / start.
 *
 * @example nrrFromParts({ startMrr: 100e6, expansion: 20e6, contraction: 5e6, churned: 5e6 }) === 1.1
 */
export function nrrFromParts(parts: RetentionParts): number {
  const kept = parts.startMrr + parts.expansion - parts.contraction - parts.churned;
  return ratio(kept, parts.startMrr, "div0.noStart");
}

/**
 * GRR from aggregated amounts: (start − contraction − churn) / start.
 *
 * @example grrFromParts({ startMrr: 100e6, expansion: 0, contraction: 5e6, churned: 5e6 }) === 0.9
 */
export function grrFromParts(parts: RetentionParts): number {
  return ratio(parts.startMrr - parts.contraction - parts.churned, parts.startMrr, "div0.noStart");
}
