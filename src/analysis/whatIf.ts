/**
 * The what-if: the monthly rates measured over a span (the baseline), moved by the user's
 * assumptions, and MRR projected by SAAS.PROJECT's recursion for both.
 */
import {
  contractionRate,
  expansionRate,
  mrrChurnRate,
  netRevenueRetention,
  projectMrr,
  revenueTotals,
} from "../core";
import { type Prepared, prepared } from "./messages";
import { MONTHS_PER_PERIOD } from "./periods";
import { type RevenueModel, pairInput } from "./revenue";

/** What the what-if starts from: the measured monthly rates and new business. */
export interface WhatIfBaseline {
  /** Ending MRR of the last period compared: where the projection starts. */
  readonly startMrr: number;
  /** Mean of the period-on-period NRR over the span, per month. */
  readonly monthlyNrr: number;
  readonly monthlyChurn: number;
  readonly monthlyContraction: number;
  readonly monthlyExpansion: number;
  /** Mean new and reactivated MRR a month. */
  readonly newMrrPerMonth: number;
  /** Period-on-period comparisons averaged, and those left out for want of starting revenue. */
  readonly comparisons: number;
  readonly skipped: number;
}

/**
 * The baseline of the what-if over a span: the mean of each period-on-period comparison inside
 * it (NRR, churn, contraction and expansion rates, new and reactivated MRR), per month. For
 * quarters or years the rates are spread evenly over their months (a quarter's 3% churn is 1%
 * a month), which keeps monthly NRR = 1 + expansion − contraction − churn exactly. A comparison
 * whose first period has no revenue has no rates and is left out (and counted in `skipped`).
 *
 * @example months at 680, 650, 620, 720 MRR (NRR 650/680, 620/650, 600/620; new 0, 0, 120) →
 *   monthlyNrr = mean of the three, newMrrPerMonth 40, startMrr 720
 */
export function whatIfBaseline(
  model: RevenueModel,
  span: { readonly start: number; readonly end: number }
): Prepared<WhatIfBaseline> {
  // Amounts too large to add (near 1e308) are said, as SAAS.NRR says them, not thrown.
  const measured = prepared(() => measureBaseline(model, span));
  return measured.ok ? measured.value : measured;
}

function measureBaseline(
  model: RevenueModel,
  span: { readonly start: number; readonly end: number }
): Prepared<WhatIfBaseline> {
  const perMonth = MONTHS_PER_PERIOD[model.period];
  let nrr = 0;
  let churn = 0;
  let contraction = 0;
  let expansion = 0;
  let newMrr = 0;
  let comparisons = 0;
  let skipped = 0;
  let startMrr = 0;
  for (let p = span.start + 1; p <= span.end; p++) {
    const totals = revenueTotals(pairInput(model, p - 1, p)).overall;
    if (p === span.end) startMrr = totals.endMrr;
    newMrr += totals.newMrr + totals.reactivationMrr;
    if (totals.startMrr === 0) {
      skipped++;
      continue;
    }
    nrr += netRevenueRetention(totals);
    churn += mrrChurnRate(totals, false);
    contraction += contractionRate(totals);
    expansion += expansionRate(totals);
    comparisons++;
  }
  if (comparisons === 0)
    return { ok: false, problem: { key: "problem.noStartingRevenue", params: {} } };
  const pairs = span.end - span.start;
  const monthlyChurn = churn / comparisons / perMonth;
  const monthlyContraction = contraction / comparisons / perMonth;
  const monthlyExpansion = expansion / comparisons / perMonth;
  return {
    ok: true,
    value: {
      startMrr,
      monthlyNrr:
        perMonth === 1
          ? nrr / comparisons
          : 1 + monthlyExpansion - monthlyContraction - monthlyChurn,
      monthlyChurn,
      monthlyContraction,
      monthlyExpansion,
      newMrrPerMonth: newMrr / pairs / perMonth,
      comparisons,
      skipped,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What-if.

/** The user's assumptions: changes to the measured monthly rates, and to new business. */
export interface WhatIfAssumptions {
  /** Added to the monthly rate, as fractions: 0.005 is half a point more churn a month. */
  readonly churnChange: number;
  readonly contractionChange: number;
  readonly expansionChange: number;
  /** Relative change of new MRR a month: 0.2 is 20% more new business. */
  readonly newBusinessChange: number;
  /** Months projected, 1 to 600 (SAAS.PROJECT's limit). */
  readonly months: number;
}

export interface WhatIfScenario {
  /** The scenario's monthly rates (never below 0) and NRR. */
  readonly monthlyChurn: number;
  readonly monthlyContraction: number;
  readonly monthlyExpansion: number;
  readonly monthlyNrr: number;
  readonly newMrrPerMonth: number;
}

export interface WhatIfProjection {
  readonly scenario: WhatIfScenario;
  /** Projected MRR for months 1..months (SAAS.PROJECT), baseline and scenario. */
  readonly baselineMrr: readonly number[];
  readonly scenarioMrr: readonly number[];
  /** MRR and ARR (12 × MRR) at the last month. */
  readonly baselineEndMrr: number;
  readonly scenarioEndMrr: number;
  readonly baselineEndArr: number;
  readonly scenarioEndArr: number;
}

/**
 * The scenario's monthly figures: each rate moved by its change (a rate cannot go below 0), NRR
 * moved by the same amounts (NRR = 1 + expansion − contraction − churn), new MRR scaled.
 *
 * @example baseline NRR 0.99, churn 0.02; churn −0.005 → scenario churn 0.015, NRR 0.995
 */
export function whatIfScenario(
  baseline: WhatIfBaseline,
  assumptions: WhatIfAssumptions
): WhatIfScenario {
  const monthlyChurn = Math.max(0, baseline.monthlyChurn + assumptions.churnChange);
  const monthlyContraction = Math.max(
    0,
    baseline.monthlyContraction + assumptions.contractionChange
  );
  const monthlyExpansion = Math.max(0, baseline.monthlyExpansion + assumptions.expansionChange);
  const monthlyNrr = Math.max(
    0,
    baseline.monthlyNrr -
      (monthlyChurn - baseline.monthlyChurn) -
      (monthlyContraction - baseline.monthlyContraction) +
      (monthlyExpansion - baseline.monthlyExpansion)
  );
  const newMrrPerMonth = Math.max(0, baseline.newMrrPerMonth * (1 + assumptions.newBusinessChange));
  return { monthlyChurn, monthlyContraction, monthlyExpansion, monthlyNrr, newMrrPerMonth };
}

/** Months of ARR in a year of MRR. */
const MONTHS_PER_YEAR = 12;

/**
 * Projected MRR for the baseline and the scenario (SAAS.PROJECT's recursion), and MRR and ARR
 * at the horizon.
 *
 * @example baseline start 1,000, NRR 0.99, new 50; 2 months → baseline [1040, 1079.6]
 */
export function whatIfProjection(
  baseline: WhatIfBaseline,
  assumptions: WhatIfAssumptions
): WhatIfProjection {
  const scenario = whatIfScenario(baseline, assumptions);
  const baselineMrr = projectMrr(
    baseline.startMrr,
    baseline.monthlyNrr,
    baseline.newMrrPerMonth,
    assumptions.months
  );
  const scenarioMrr = projectMrr(
    baseline.startMrr,
    scenario.monthlyNrr,
    scenario.newMrrPerMonth,
    assumptions.months
  );
  const baselineEndMrr = baselineMrr[baselineMrr.length - 1] ?? baseline.startMrr;
  const scenarioEndMrr = scenarioMrr[scenarioMrr.length - 1] ?? baseline.startMrr;
  return {
    scenario,
    baselineMrr,
    scenarioMrr,
    baselineEndMrr,
    scenarioEndMrr,
    baselineEndArr: baselineEndMrr * MONTHS_PER_YEAR,
    scenarioEndArr: scenarioEndMrr * MONTHS_PER_YEAR,
  };
}
