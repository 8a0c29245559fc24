/**
 * Other tools' conventions (shared/spec/metrics.md, "Other tools' conventions"): the same
 * movements, from the one classifier, under each tool's documented formula, so a finance user can
 * see why a figure differs from ChartMogul's or Stripe's. Only conventions the tools document
 * themselves are here (sources and worked examples: docs/conventions.md); where a tool documents
 * no formula for a figure its cell stays empty rather than guessed.
 */
import { metricOrError } from "./errors";
import { type LabelCode, label } from "./labels";
import { logoChurnRate } from "./logos";
import type { MovementTotals } from "./movements";
import { ratio } from "./ratios";
import { grossRevenueRetention, netMrrChurnRate, quickRatio } from "./retention";
import type { ResultCell, ResultTable } from "./segments";

/** The tools whose conventions SAAS.RECONCILE shows, one column each, in this order. */
export const CONVENTION_TOOLS = ["ChartMogul", "Baremetrics", "Stripe", "Chargebee"] as const;
export type ConventionTool = (typeof CONVENTION_TOOLS)[number];

type Figure = (totals: MovementTotals) => number;

const NO_STARTING_REVENUE = "div0.noStartingRevenue";

/**
 * ChartMogul's net MRR churn rate (Standard formula): (churn + contraction − expansion −
 * reactivation) / MRR at the start of the period.
 *
 * @example start 100, churn 10, contraction 10, expansion 10 → 0.10 (ChartMogul's example)
 */
export function chartMogulNetMrrChurn(totals: MovementTotals): number {
  const net =
    totals.churnedMrr + totals.contractionMrr - totals.expansionMrr - totals.reactivationMrr;
  return ratio(net, totals.startMrr, NO_STARTING_REVENUE);
}

/**
 * Baremetrics' quick ratio: (new + expansion) / (contraction + churn), without reactivation.
 *
 * @example new 300, reactivation 50, expansion 100, contraction 50, churn 150 → 2 (this add-in: 2.25)
 */
export function baremetricsQuickRatio(totals: MovementTotals): number {
  const gained = totals.newMrr + totals.expansionMrr;
  return ratio(gained, totals.contractionMrr + totals.churnedMrr, "div0.noLosses");
}

/**
 * Stripe's subscriber churn rate: churned subscribers over the subscribers active at the start
 * plus the new ones of the period (not those reactivated, which Stripe counts apart).
 *
 * @example 100 customers at the start, 10 lost, 25 new → 10 / 125 = 0.08 (this add-in: 0.10)
 */
export function stripeSubscriberChurn(totals: MovementTotals): number {
  const exposed = totals.startingCustomers + totals.newCustomers;
  return ratio(totals.churnedCustomers, exposed, "div0.noStartingCustomers");
}

/**
 * Chargebee's gross revenue retention: min(MRR at the start, the same customers' MRR at the end)
 * / MRR at the start: the total is capped, not each customer, so one customer's expansion makes
 * up for another's loss.
 *
 * @example start 5,000, the same customers 6,000 at the end → 1 (Chargebee's example)
 */
export function chargebeeGrossRevenueRetention(totals: MovementTotals): number {
  const kept = Math.min(totals.startMrr, totals.existingEndMrr);
  return ratio(kept, totals.startMrr, NO_STARTING_REVENUE);
}

interface ConventionRow {
  readonly figure: LabelCode;
  readonly ours: Figure;
  readonly tools: Readonly<Partial<Record<ConventionTool, Figure>>>;
  readonly differs: LabelCode;
}

// Where a tool's documented formula is this add-in's own, its cell is computed by that formula
// all the same (Baremetrics' net revenue churn and user churn): the row shows it agrees.
const ROWS: readonly ConventionRow[] = [
  {
    figure: "label.netMrrChurn",
    ours: netMrrChurnRate,
    tools: { ChartMogul: chartMogulNetMrrChurn, Baremetrics: netMrrChurnRate },
    differs: "label.netMrrChurnDiffers",
  },
  {
    figure: "label.quickRatio",
    ours: quickRatio,
    tools: { Baremetrics: baremetricsQuickRatio },
    differs: "label.quickRatioDiffers",
  },
  {
    figure: "label.customerChurn",
    ours: logoChurnRate,
    tools: { Baremetrics: logoChurnRate, Stripe: stripeSubscriberChurn },
    differs: "label.customerChurnDiffers",
  },
  {
    figure: "label.grr",
    ours: grossRevenueRetention,
    tools: { Chargebee: chargebeeGrossRevenueRetention },
    differs: "label.grrDiffers",
  },
];

/**
 * The table SAAS.RECONCILE spills: a header row (metric, this add-in, one column per tool, what
 * differs), then one row per figure whose definitions differ. A figure that does not exist for
 * these data (no losses for a quick ratio) is its error in its own cell; a tool that documents
 * no formula for a figure has an empty cell.
 *
 * @example start 100: churn 10, contraction 10, expansion 10 → net MRR churn 0.10 here and at
 *   ChartMogul; with 5 of reactivation as well, ChartMogul's is 0.05
 */
export function reconcileTable(totals: MovementTotals): ResultTable {
  const header: ResultCell[] = [
    label("label.metric"),
    label("label.thisAddIn"),
    ...CONVENTION_TOOLS,
    label("label.whatDiffers"),
  ];
  const rows = ROWS.map((row): ResultCell[] => [
    label(row.figure),
    metricOrError(() => row.ours(totals)),
    ...CONVENTION_TOOLS.map((tool): ResultCell => {
      const figure = row.tools[tool];
      return figure === undefined ? "" : metricOrError(() => figure(totals));
    }),
    label(row.differs),
  ]);
  return [header, ...rows];
}
