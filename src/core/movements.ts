/**
 * The one classifier of a customer's revenue change between two dates (shared/spec/metrics.md,
 * "Revenue movements of one customer"). The bridge, the movement labels, NRR, GRR, the rates and
 * the quick ratio all derive from it, so they can never disagree.
 */

/** Movement codes, small integers so that a million customers need no per-customer objects. */
export const MOVEMENT = {
  none: 0,
  new: 1,
  reactivation: 2,
  expansion: 3,
  contraction: 4,
  churn: 5,
  flat: 6,
} as const;

export type MovementCode = (typeof MOVEMENT)[keyof typeof MOVEMENT];

/** The label SAAS.MOVEMENT shows for each code; a customer with no revenue at either date is "". */
export const MOVEMENT_LABELS: readonly string[] = [
  "",
  "new",
  "reactivation",
  "expansion",
  "contraction",
  "churn",
  "flat",
];

/**
 * Classifies one customer's change from `startMrr` (at S) to `endMrr` (at E).
 * Without history, a customer going from 0 to revenue is new.
 *
 * @example classifyMovement(100, 120) === MOVEMENT.expansion
 * @example classifyMovement(0, 50, true) === MOVEMENT.reactivation
 */
export function classifyMovement(
  startMrr: number,
  endMrr: number,
  hadRevenueBefore = false
): MovementCode {
  if (startMrr > 0) {
    if (endMrr > startMrr) return MOVEMENT.expansion;
    if (endMrr === startMrr) return MOVEMENT.flat;
    return endMrr > 0 ? MOVEMENT.contraction : MOVEMENT.churn;
  }
  if (endMrr > 0) return hadRevenueBefore ? MOVEMENT.reactivation : MOVEMENT.new;
  return MOVEMENT.none;
}

/** Everything the revenue metrics need, accumulated over a set of customers. */
export interface MovementTotals {
  /** Σ s_i and Σ e_i over all customers (the bridge's Starting and Ending MRR). */
  startMrr: number;
  endMrr: number;
  newMrr: number;
  reactivationMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  /** Σ over existing customers (s_i > 0) of e_i: the numerator of NRR. */
  existingEndMrr: number;
  /** Σ over existing customers of min(s_i, e_i): the numerator of GRR, capped per customer. */
  retainedMrr: number;
  /** Customers with s_i > 0, and how many of them still pay, grew or left. */
  startingCustomers: number;
  retainedCustomers: number;
  expandingCustomers: number;
  churnedCustomers: number;
  newCustomers: number;
  reactivatedCustomers: number;
}

export function emptyMovementTotals(): MovementTotals {
  return {
    startMrr: 0,
    endMrr: 0,
    newMrr: 0,
    reactivationMrr: 0,
    expansionMrr: 0,
    contractionMrr: 0,
    churnedMrr: 0,
    existingEndMrr: 0,
    retainedMrr: 0,
    startingCustomers: 0,
    retainedCustomers: 0,
    expandingCustomers: 0,
    churnedCustomers: 0,
    newCustomers: 0,
    reactivatedCustomers: 0,
  };
}

/** Adds one customer to `totals` through the classifier. */
export function addMovement(
  totals: MovementTotals,
  startMrr: number,
  endMrr: number,
  hadRevenueBefore = false
): void {
  totals.startMrr += startMrr;
  totals.endMrr += endMrr;
  const movement = classifyMovement(startMrr, endMrr, hadRevenueBefore);
  if (startMrr > 0) {
    totals.startingCustomers++;
    totals.existingEndMrr += endMrr;
  }
  switch (movement) {
    case MOVEMENT.new:
      totals.newMrr += endMrr;
      totals.newCustomers++;
      break;
    case MOVEMENT.reactivation:
      totals.reactivationMrr += endMrr;
      totals.reactivatedCustomers++;
      break;
    case MOVEMENT.expansion:
      totals.expansionMrr += endMrr - startMrr;
      totals.retainedMrr += startMrr;
      totals.retainedCustomers++;
      totals.expandingCustomers++;
      break;
    case MOVEMENT.flat:
      totals.retainedMrr += startMrr;
      totals.retainedCustomers++;
      break;
    case MOVEMENT.contraction:
      totals.contractionMrr += startMrr - endMrr;
      totals.retainedMrr += endMrr;
      totals.retainedCustomers++;
      break;
    case MOVEMENT.churn:
      totals.churnedMrr += startMrr;
      totals.churnedCustomers++;
      break;
    case MOVEMENT.none:
      break;
  }
}

export function mergeMovementTotals(parts: readonly MovementTotals[]): MovementTotals {
  const merged = emptyMovementTotals();
  for (const part of parts) {
    for (const key of Object.keys(merged) as (keyof MovementTotals)[]) merged[key] += part[key];
  }
  return merged;
}

export interface MovementOptions {
  /** 1 where the customer had revenue in some period before S (reactivation rather than new). */
  readonly hadRevenueBefore?: Uint8Array;
  /** Segment index of each customer, with the number of segments. */
  readonly groupOf?: Int32Array;
  readonly groupCount?: number;
}

/**
 * Accumulates the movements of all customers in one pass, per segment when `groupOf` is given.
 *
 * @example movementTotals(Float64Array.of(100, 50), Float64Array.of(120, 0)).overall.churnedMrr === 50
 */
export function movementTotals(
  startMrr: Float64Array,
  endMrr: Float64Array,
  options: MovementOptions = {}
): { overall: MovementTotals; groups: MovementTotals[] } {
  const { hadRevenueBefore, groupOf } = options;
  if (groupOf === undefined) {
    const overall = emptyMovementTotals();
    for (let i = 0; i < startMrr.length; i++) {
      addMovement(overall, startMrr[i] as number, endMrr[i] as number, hadRevenueBefore?.[i] === 1);
    }
    return { overall, groups: [] };
  }
  const groups = Array.from({ length: options.groupCount ?? 0 }, emptyMovementTotals);
  for (let i = 0; i < startMrr.length; i++) {
    const totals = groups[groupOf[i] as number] as MovementTotals;
    addMovement(totals, startMrr[i] as number, endMrr[i] as number, hadRevenueBefore?.[i] === 1);
  }
  return { overall: mergeMovementTotals(groups), groups };
}
