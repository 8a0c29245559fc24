/**
 * Customer (logo) retention (docs/metrics.md, "Customer (logo) retention"): counts over
 * the customers paying at the start; new customers in the period change nothing.
 */
import type { MovementTotals } from "./movements";
import { ratio } from "./ratios";

const NO_STARTING_CUSTOMERS = "div0.noStartingCustomers";

/**
 * Share of the starting customers still paying at the end.
 *
 * @example 100 customers at the start, 10 of them lost → 0.9
 */
export function logoRetention(totals: MovementTotals): number {
  return ratio(totals.retainedCustomers, totals.startingCustomers, NO_STARTING_CUSTOMERS);
}

/**
 * Share of the starting customers lost: 1 − logo retention.
 *
 * @example 2 of 30 customers left → 0.0667
 */
export function logoChurnRate(totals: MovementTotals): number {
  return ratio(totals.churnedCustomers, totals.startingCustomers, NO_STARTING_CUSTOMERS);
}

/**
 * Share of the starting customers who bought more (e_i > s_i).
 *
 * @example 40 customers at the start, 6 of them expanded → 0.15
 */
export function expanderRate(totals: MovementTotals): number {
  return ratio(totals.expandingCustomers, totals.startingCustomers, NO_STARTING_CUSTOMERS);
}
