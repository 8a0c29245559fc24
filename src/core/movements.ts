/**
 * The one classifier of a customer's revenue change between two dates (docs/metrics.md,
 * "Revenue movements of one customer"). The bridge, the movement labels, NRR, GRR, the rates and
 * the quick ratio all derive from it, so they can never disagree.
 */

/**
 * Relative size of floating-point noise in one customer's change: 16 ulps (2^-48). Exported for
 * the SQL definitions (src/sql), which classify with the same bound.
 */
export const CHANGE_NOISE = 2 ** -48;

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
    if (endMrr <= 0) return MOVEMENT.churn;
    // Two amounts a few binary digits apart are the same money: 0.3 typed and =0.1+0.2 are flat.
    // The bound is floating-point noise (16 units in the last place), far tighter than the
    // money rule's 1e-9 for sums, so that a customer of 1e12 who adds 0.01 still expanded.
    const residue = CHANGE_NOISE * (endMrr > startMrr ? endMrr : startMrr);
    const change = endMrr - startMrr;
    if (change > residue) return MOVEMENT.expansion;
    return change < -residue ? MOVEMENT.contraction : MOVEMENT.flat;
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

// The pass accumulates, per group and per movement code, Σ s_i, Σ e_i, Σ (e_i − s_i) and the
// number of customers: four typed-array additions a customer, the same for one group or fifty,
// and every total of MovementTotals follows from these by the classifier's own definitions.
// Expansion and contraction are sums of each customer's own change, never Σe − Σs: on a book of
// 1e12 that difference of two large sums would lose digits a finance user can see.
const CODES = MOVEMENT_LABELS.length;
const SUM_START = 0;
const SUM_END = CODES;
const SUM_CHANGE = 2 * CODES;
const COUNT = 3 * CODES;
const CODE_SLOTS = 4 * CODES;

function totalsFromCodes(acc: Float64Array, base: number): MovementTotals {
  const start = (code: number) => acc[base + SUM_START + code] as number;
  const end = (code: number) => acc[base + SUM_END + code] as number;
  const change = (code: number) => acc[base + SUM_CHANGE + code] as number;
  const count = (code: number) => acc[base + COUNT + code] as number;
  const { new: isNew, reactivation, expansion, contraction, churn, flat } = MOVEMENT;
  let startMrr = 0;
  let endMrr = 0;
  for (let code = 0; code < CODES; code++) {
    startMrr += start(code);
    endMrr += end(code);
  }
  return {
    startMrr,
    endMrr,
    newMrr: end(isNew),
    reactivationMrr: end(reactivation),
    expansionMrr: change(expansion),
    contractionMrr: -change(contraction) + 0,
    churnedMrr: start(churn),
    existingEndMrr: end(expansion) + end(flat) + end(contraction),
    // min(s_i, e_i): s_i for expanding and flat customers, e_i for contracting ones, 0 for churn.
    retainedMrr: start(expansion) + start(flat) + end(contraction),
    startingCustomers: count(expansion) + count(flat) + count(contraction) + count(churn),
    retainedCustomers: count(expansion) + count(flat) + count(contraction),
    expandingCustomers: count(expansion),
    churnedCustomers: count(churn),
    newCustomers: count(isNew),
    reactivatedCustomers: count(reactivation),
  };
}

export interface MovementOptions {
  /** 1 where the customer had revenue in some period before S (reactivation rather than new). */
  readonly hadRevenueBefore?: Uint8Array;
  /** Segment index of each customer, with the number of segments. */
  readonly groupOf?: Int32Array;
  readonly groupCount?: number;
}

/**
 * Classifies every customer and accumulates the movements in one pass, per segment when
 * `groupOf` is given (the overall totals are then the sum of the segments').
 *
 * @example movementTotals(Float64Array.of(100, 50), Float64Array.of(120, 0)).overall.churnedMrr === 50
 */
export function movementTotals(
  startMrr: Float64Array,
  endMrr: Float64Array,
  options: MovementOptions = {}
): { overall: MovementTotals; groups: MovementTotals[] } {
  const { hadRevenueBefore, groupOf } = options;
  const groupCount = groupOf === undefined ? 0 : (options.groupCount ?? 0);
  const acc = new Float64Array(CODE_SLOTS * (groupCount + 1));
  const overallBase = CODE_SLOTS * groupCount;
  for (let i = 0; i < startMrr.length; i++) {
    const s = startMrr[i] as number;
    const e = endMrr[i] as number;
    const code = classifyMovement(
      s,
      e,
      hadRevenueBefore !== undefined && hadRevenueBefore[i] === 1
    );
    const base = (groupOf === undefined ? overallBase : CODE_SLOTS * (groupOf[i] as number)) + code;
    acc[base + SUM_START] = (acc[base + SUM_START] as number) + s;
    acc[base + SUM_END] = (acc[base + SUM_END] as number) + e;
    acc[base + SUM_CHANGE] = (acc[base + SUM_CHANGE] as number) + (e - s);
    acc[base + COUNT] = (acc[base + COUNT] as number) + 1;
  }
  if (groupOf !== undefined) {
    for (let g = 0; g < groupCount; g++) {
      for (let slot = 0; slot < CODE_SLOTS; slot++) {
        acc[overallBase + slot] =
          (acc[overallBase + slot] as number) + (acc[g * CODE_SLOTS + slot] as number);
      }
    }
  }
  const groups = Array.from({ length: groupCount }, (_, g) => totalsFromCodes(acc, g * CODE_SLOTS));
  return { overall: totalsFromCodes(acc, overallBase), groups };
}
