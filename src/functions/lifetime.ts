/**
 * Custom functions for average revenue and lifetime value: thin bindings over src/core.
 * Definitions: shared/spec/metrics.md ("Average revenue and lifetime value"); signatures:
 * shared/spec/functions.md.
 */
import {
  averageRevenuePerAccount,
  lifetimeValue,
  readArpaInput,
  readLifetimeValueInput,
  readTrailingChurnInput,
  trailingChurnRate,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Average revenue per account (ARPA): the MRR of the paying customers over how many they are. A blank or 0 is not a paying customer.
 * @customfunction ARPA
 * @helpurl https://localhost:3000/help.html#ARPA
 * @requiresAddress
 * @requiresParameterAddresses
 * @param mrr MRR (or ARR) of each customer, one cell per customer; a blank cell is 0. A text header in the first row is skipped.
 * @param [segments] Optional segment of each customer (plan, region, CSM...), aligned with mrr. Without segment, spills one row per segment and a Total row.
 * @param [segment] Optional segment to keep, e.g. "Enterprise" (text matches without regard to case).
 * @returns ARPA in the unit of mrr, e.g. 300.
 */
export function arpa(
  mrr: any[][],
  segments?: any[][],
  segment?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("ARPA", invocation, () =>
    averageRevenuePerAccount(readArpaInput(mrr, segments, segment))
  );
}

/**
 * Customer lifetime value (LTV): arpa x gross_margin / monthly_churn. A churn of 0 gives #DIV/0!, never an infinite value.
 * @customfunction LTV
 * @helpurl https://localhost:3000/help.html#LTV
 * @requiresAddress
 * @requiresParameterAddresses
 * @param arpa Average monthly revenue per account (0 or more), e.g. SAAS.ARPA of the MRR.
 * @param monthly_churn Monthly customer churn rate as a fraction from 0 to 1, e.g. 0.05 for 5% (SAAS.CHURN.TRAILING gives the six-month mean).
 * @param [gross_margin] Optional gross margin as a fraction from 0 to 1, e.g. 0.8 for 80%; default 1 (revenue LTV).
 * @returns LTV in the unit of arpa, e.g. 2000.
 */
export function ltv(
  arpa: any,
  monthly_churn: any,
  gross_margin?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("LTV", invocation, () => {
    const input = readLifetimeValueInput(arpa, monthly_churn, gross_margin);
    return lifetimeValue(input.arpa, input.monthlyChurn, input.grossMargin);
  });
}

/**
 * Mean monthly churn over the last months complete periods of a customers x periods matrix, the latest period left out as incomplete (six months, as ChartMogul's LTV takes it). Each period's churn is measured from the period before it.
 * @customfunction CHURN.TRAILING
 * @helpurl https://localhost:3000/help.html#CHURN.TRAILING
 * @requiresAddress
 * @requiresParameterAddresses
 * @param mrr_matrix Revenue of each customer (rows) in each month (columns, oldest first): the bare block of amounts, or the whole spill of SAAS.MRRMATRIX.
 * @param [months] Optional number of complete months to average, a whole number; default 6. The matrix needs months + 2 columns.
 * @param [mode] Optional "logo" (default): customers lost over customers at the start of each month; "revenue": churned and contracted MRR over MRR at the start (as SAAS.MRRCHURN).
 * @returns The mean monthly churn rate as a fraction: 0.05 is 5%.
 */
export function churnTrailing(
  mrr_matrix: any[][],
  months?: any,
  mode?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("CHURN.TRAILING", invocation, () => {
    const input = readTrailingChurnInput(mrr_matrix, months, mode);
    return trailingChurnRate(input.amounts, input.months, input.mode);
  });
}
