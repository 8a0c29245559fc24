/**
 * Custom functions for time series and cohorts: thin bindings over src/core.
 * Definitions: docs/metrics.md; signatures and conventions: docs/functions.md.
 */
import {
  annualizeMonthlyRate,
  cohortOfMatrix,
  compoundRates,
  coveredMrrMatrix,
  matrixSegments,
  mrrMatrix,
  readLedger,
  projectMrr,
  readAnnualizeInput,
  readChoiceOption,
  readCovers,
  readProjectionInput,
  readRates,
} from "../core";
import { toExcel } from "./toExcel";

/**
 * Cohort retention table of a customers x periods matrix: one row per cohort (customers whose first revenue is in that period), one column per age 0, 1, 2...; cells beyond the data stay empty.
 * @customfunction COHORT
 * @helpurl https://localhost:3000/help.html#COHORT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param mrr_matrix Revenue of each customer (rows) in each period (columns, oldest first): the bare block of amounts, or the whole spill of SAAS.MRRMATRIX.
 * @param [mode] "revenue" (default): revenue kept as a share of the cohort's first-period revenue; "logo": share of the cohort's customers still paying.
 * @returns A table: header row of ages, first column of cohort starts.
 */
export function cohort(
  mrr_matrix: any[][],
  mode?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("COHORT", invocation, () => {
    return cohortOfMatrix(mrr_matrix, mode);
  });
}

/**
 * Turns a monthly rate into an annual one: for churn 1 - (1 - r)^12, for retention r^12.
 * @customfunction ANNUALIZE
 * @helpurl https://localhost:3000/help.html#ANNUALIZE
 * @requiresAddress
 * @requiresParameterAddresses
 * @param monthly_rate The monthly rate as a fraction, e.g. 0.02 for 2% monthly churn or 1.01 for 101% monthly NRR.
 * @param [kind] "churn" (default) or "retention".
 * @returns The annual rate as a fraction.
 */
export function annualize(
  monthly_rate: any,
  kind?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("ANNUALIZE", invocation, () => {
    const input = readAnnualizeInput(monthly_rate, kind);
    return annualizeMonthlyRate(input.monthlyRate, input.kind);
  });
}

/**
 * Compounds period retention rates: the product of a range of monthly or quarterly NRR or GRR. Not the same as point-to-point annual NRR.
 * @customfunction COMPOUND
 * @helpurl https://localhost:3000/help.html#COMPOUND
 * @requiresAddress
 * @requiresParameterAddresses
 * @param rates Retention rates of consecutive periods as fractions (1.02 is 102%); every cell needs a rate.
 * @returns The compounded rate as a fraction.
 */
export function compound(rates: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return toExcel("COMPOUND", invocation, () => compoundRates(readRates(rates, "rates").values));
}

/**
 * Projects MRR month by month: MRR(t) = MRR(t-1) x monthly_nrr + new_mrr_per_month. Spills one value per month.
 * @customfunction PROJECT
 * @helpurl https://localhost:3000/help.html#PROJECT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param start_mrr MRR today (0 or more).
 * @param monthly_nrr Monthly net revenue retention as a fraction, e.g. 1.01 for 101%.
 * @param new_mrr_per_month New MRR added each month (0 or more).
 * @param months How many months to project: a whole number from 1 to 600.
 * @returns A column of projected MRR for months 1 to months.
 */
export function project(
  start_mrr: any,
  monthly_nrr: any,
  new_mrr_per_month: any,
  months: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("PROJECT", invocation, () => {
    const input = readProjectionInput(start_mrr, monthly_nrr, new_mrr_per_month, months);
    return projectMrr(input.startMrr, input.monthlyNrr, input.newMrrPerMonth, input.months).map(
      (mrr) => [mrr]
    );
  });
}

/**
 * Customers x periods matrix from a billing ledger (one row per customer, date, amount). Without covers: the revenue billed in each period (a customer's amounts in it summed), which is not MRR, since an annual invoice shows as one spike. With covers: MRR, each line spread over the months it pays for; a quarter or year then holds the MRR of its last month. Feeds SAAS.COHORT and every two-column function.
 * @customfunction MRRMATRIX
 * @helpurl https://localhost:3000/help.html#MRRMATRIX
 * @requiresAddress
 * @requiresParameterAddresses
 * @param customers Customer id of each ledger entry (one column). A header row is skipped.
 * @param dates Date of each entry (with covers, the start of the service it pays for): an Excel date, a date serial or text like 2024-03-15.
 * @param amounts Amount of each entry; credits may be negative, a customer's total in a month may not.
 * @param [period] "month" (default), "quarter" or "year". With covers a quarter or year holds the MRR of its last month; without, the revenue billed in it.
 * @param [covers] What each line pays for, in the rows of customers or one value for all: a service end date (last day covered or first day not covered), a whole number of months from 1 to 600, or "week", "month", "quarter", "year". A line of n months adds amount/n to each of its n months; a shorter line sets its month's run rate (a week x 52/12, else x 365.25/12/days), the month's last charge date counting.
 * @returns A table: "customer" top left, period start dates (yyyy-mm-dd) across, customer ids down.
 */
export function mrrmatrix(
  customers: any[][],
  dates: any[][],
  amounts: any[][],
  period?: any,
  covers?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MRRMATRIX", invocation, () => {
    const unit = readChoiceOption(period, "period", ["month", "quarter", "year"] as const);
    const ledger = readLedger(customers, dates, amounts, unit);
    const lineCovers = readCovers(covers, ledger);
    return lineCovers === undefined ? mrrMatrix(ledger) : coveredMrrMatrix(ledger, lineCovers);
  });
}

/**
 * Segment of each customer of SAAS.MRRMATRIX over the same ledger (the segment on its first line), in the matrix's rows and with a header row like the matrix, to use as segments beside the matrix's columns.
 * @customfunction MRRMATRIX.SEGMENTS
 * @helpurl https://localhost:3000/help.html#MRRMATRIX.SEGMENTS
 * @requiresAddress
 * @requiresParameterAddresses
 * @param customers Customer id of each ledger entry, as given to SAAS.MRRMATRIX.
 * @param dates Date of each entry, as given to SAAS.MRRMATRIX.
 * @param amounts Amount of each entry, as given to SAAS.MRRMATRIX.
 * @param segments Segment of each entry (plan, region, CSM...), in the same rows as customers.
 * @returns A column: a header, then one segment per customer, in the matrix's order.
 */
export function mrrmatrixSegments(
  customers: any[][],
  dates: any[][],
  amounts: any[][],
  segments: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("MRRMATRIX.SEGMENTS", invocation, () =>
    matrixSegments(readLedger(customers, dates, amounts, "month"), segments)
  );
}
