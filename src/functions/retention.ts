/**
 * Custom functions for revenue retention: thin bindings over src/core (coerce, compute, map
 * errors). Definitions: docs/metrics.md; signatures: docs/functions.md.
 */

import {
  contractionRate,
  expansionRate,
  grossRevenueRetention,
  grrFromParts,
  mrrBridge,
  moversTable,
  readMoversInput,
  topMovers,
  mrrChurnRate,
  movementLabels,
  netMrrChurnRate,
  netRevenueRetention,
  nrrFromParts,
  quickRatio,
  readBooleanOption,
  reconcileTable,
  readRetentionParts,
  readRevenueInput,
  revenueMetric,
  revenueTotals,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Net revenue retention (NRR, NDR): revenue at the end of the customers who paid at the start, over their revenue at the start. Expansion counts; new customers never do.
 * @customfunction NRR
 * @helpurl https://localhost:3000/help.html#NRR
 * @requiresAddress
 * @requiresParameterAddresses
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
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NRR", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), netRevenueRetention)
  );
}

/**
 * Gross revenue retention (GRR): revenue kept from the customers who paid at the start, each capped at their starting revenue, so expansion never offsets churn or contraction.
 * @customfunction GRR
 * @helpurl https://localhost:3000/help.html#GRR
 * @requiresAddress
 * @requiresParameterAddresses
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
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("GRR", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), grossRevenueRetention)
  );
}

/**
 * Gross MRR churn rate: revenue lost to churn and contraction over starting revenue (1 - GRR). With include_contraction FALSE, churned revenue only.
 * @customfunction MRRCHURN
 * @helpurl https://localhost:3000/help.html#MRRCHURN
 * @requiresAddress
 * @requiresParameterAddresses
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
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MRRCHURN", invocation, () => {
    const input = readRevenueInput(start_mrr, end_mrr, segments, segment);
    const withContraction = readBooleanOption(include_contraction, "include_contraction", true);
    return revenueMetric(input, (totals) => mrrChurnRate(totals, withContraction));
  });
}

/**
 * Net MRR churn rate: (churn + contraction - expansion) / starting revenue, which is 1 - NRR. Negative when expansion outweighs the losses.
 * @customfunction NETMRRCHURN
 * @helpurl https://localhost:3000/help.html#NETMRRCHURN
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns Net MRR churn as a fraction: -0.02 is -2% (net expansion).
 */
export function netmrrchurn(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NETMRRCHURN", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), netMrrChurnRate)
  );
}

/**
 * Expansion rate: upsell and cross-sell of existing customers over starting revenue.
 * @customfunction EXPANSIONRATE
 * @helpurl https://localhost:3000/help.html#EXPANSIONRATE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns Expansion as a fraction of starting revenue: 0.1 is 10%.
 */
export function expansionrate(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("EXPANSIONRATE", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), expansionRate)
  );
}

/**
 * Contraction rate: downgrades of customers who still pay, over starting revenue (churn not included).
 * @customfunction CONTRACTIONRATE
 * @helpurl https://localhost:3000/help.html#CONTRACTIONRATE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns Contraction as a fraction of starting revenue: 0.05 is 5%.
 */
export function contractionrate(
  start_mrr: any[][],
  end_mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("CONTRACTIONRATE", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment), contractionRate)
  );
}

/**
 * SaaS quick ratio: (new + reactivation + expansion) / (contraction + churn). Above 4 is strong growth efficiency; no losses at all gives #DIV/0!.
 * @customfunction QUICKRATIO
 * @helpurl https://localhost:3000/help.html#QUICKRATIO
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [history] Optional earlier periods, one row per customer in the same rows as start_mrr: a customer who paid before and returns counts as reactivation, not new.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with start_mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns The quick ratio, e.g. 2.5.
 */
export function quickratio(
  start_mrr: any[][],
  end_mrr: any[][],
  history?: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("QUICKRATIO", invocation, () =>
    revenueMetric(readRevenueInput(start_mrr, end_mrr, segments, segment, history), quickRatio)
  );
}

/**
 * MRR bridge: spills Starting MRR, New, Reactivation, Expansion, Contraction, Churn and Ending MRR, losses as negative numbers, so the amounts add up to Ending MRR.
 * @customfunction MRRBRIDGE
 * @helpurl https://localhost:3000/help.html#MRRBRIDGE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [history] Optional earlier periods, one row per customer in the same rows as start_mrr: a customer who paid before and returns counts as reactivation, not new.
 * @returns A 7 x 2 table of labels and amounts.
 */
export function mrrbridge(
  start_mrr: any[][],
  end_mrr: any[][],
  history?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MRRBRIDGE", invocation, () => {
    const input = readRevenueInput(start_mrr, end_mrr, null, null, history);
    return mrrBridge(revenueTotals(input).overall);
  });
}

/**
 * Movement of each customer between the two dates: new, reactivation, expansion, contraction, churn, flat, or empty for no revenue at either date. Spills in the shape of start_mrr.
 * @customfunction MOVEMENT
 * @helpurl https://localhost:3000/help.html#MOVEMENT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped (and the spill starts with a header, to stay aligned).
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [history] Optional earlier periods, one row per customer in the same rows as start_mrr: a customer who paid before and returns counts as reactivation, not new.
 * @returns One label per customer.
 */
export function movement(
  start_mrr: any[][],
  end_mrr: any[][],
  history?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MOVEMENT", invocation, () => {
    const input = readRevenueInput(start_mrr, end_mrr, null, null, history);
    return movementLabels(input.startMrr, input.endMrr, input.hadRevenueBefore);
  });
}

/**
 * Who moved: the customers behind one line of the bridge (churn, contraction, expansion, new or reactivation), largest change first, each with its change (end minus start, negative for a loss). Spills a header row, then up to count customers.
 * @customfunction MOVERS
 * @helpurl https://localhost:3000/help.html#MOVERS
 * @requiresAddress
 * @requiresParameterAddresses
 * @param customers Customer of each row (ids or names), in the same rows as start_mrr: with its header row when start_mrr was selected with one.
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param movement "churn", "contraction", "expansion", "new" or "reactivation".
 * @param [count] Optional number of customers to list, a whole number from 1 to 1000; default 10.
 * @param [history] Optional earlier periods, one row per customer in the same rows as start_mrr: a customer who paid before and returns counts as reactivation, not new.
 * @returns A header row (customer, change), then the customers.
 */
export function movers(
  customers: any[][],
  start_mrr: any[][],
  end_mrr: any[][],
  movement: string,
  count?: number,
  history?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MOVERS", invocation, () => {
    const input = readMoversInput(customers, start_mrr, end_mrr, movement, count, history);
    return moversTable(
      topMovers(
        input.startMrr,
        input.endMrr,
        input.hadRevenueBefore,
        input.customers,
        input.kind,
        input.count
      )
    );
  });
}

/**
 * NRR from already aggregated amounts: (start + expansion - contraction - churn) / start. Losses may be given as positive or negative numbers; they are always subtracted.
 * @customfunction NRR.PARTS
 * @helpurl https://localhost:3000/help.html#NRR.PARTS
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start Starting recurring revenue of the cohort (above 0).
 * @param expansion Expansion revenue of the same customers in the period (0 or more).
 * @param contraction Contraction revenue, as a positive or a negative number.
 * @param churn Churned revenue, as a positive or a negative number.
 * @returns NRR as a fraction: 1.1 is 110%.
 */
export function nrrParts(
  start: any,
  expansion: any,
  contraction: any,
  churn: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("NRR.PARTS", invocation, () =>
    nrrFromParts(readRetentionParts(start, expansion, contraction, churn))
  );
}

/**
 * GRR from already aggregated amounts: (start - contraction - churn) / start. Losses may be given as positive or negative numbers; they are always subtracted.
 * @customfunction GRR.PARTS
 * @helpurl https://localhost:3000/help.html#GRR.PARTS
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start Starting recurring revenue of the cohort (above 0).
 * @param contraction Contraction revenue, as a positive or a negative number.
 * @param churn Churned revenue, as a positive or a negative number.
 * @returns GRR as a fraction: 0.9 is 90%.
 */
export function grrParts(
  start: any,
  contraction: any,
  churn: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("GRR.PARTS", invocation, () =>
    grrFromParts(readRetentionParts(start, 0, contraction, churn))
  );
}

/**
 * Why a figure differs from another tool's: spills the same data under this add-in's definitions and under ChartMogul's, Baremetrics', Stripe's and Chargebee's documented ones, one row per figure that differs (net MRR churn, quick ratio, customer churn, GRR), with what differs. An empty cell: that tool documents no formula for the figure.
 * @customfunction RECONCILE
 * @helpurl https://localhost:3000/help.html#RECONCILE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr Revenue (MRR or ARR) of each customer at the start date, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param end_mrr Revenue of the same customers at the end date, in the same rows and shape as start_mrr.
 * @param [history] Optional earlier periods, one row per customer in the same rows as start_mrr: a customer who paid before and returns counts as reactivation, which the tools treat differently.
 * @returns A 5 x 7 table: a header row, then one row per figure: its name, this add-in's value, one value per tool, what differs.
 */
export function reconcile(
  start_mrr: any[][],
  end_mrr: any[][],
  history?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("RECONCILE", invocation, () => {
    const input = readRevenueInput(start_mrr, end_mrr, null, null, history);
    return reconcileTable(revenueTotals(input).overall);
  });
}
