/**
 * Rates over time (docs/metrics.md, end of "Revenue retention"): a monthly rate turned
 * into an annual one, and period retention rates compounded. Compounding twelve monthly NRRs is
 * a different number from point-to-point annual NRR and is named so.
 */
import { MetricError } from "./errors";

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new MetricError("num", "num.resultTooLarge");
  return value;
}

export type AnnualizeKind = "churn" | "retention";

/**
 * A monthly rate as an annual one: churn 1 − (1 − r)^12, retention r^12.
 *
 * @example annualizeMonthlyRate(0.02, "churn") ≈ 0.2153 (2% a month loses 21.5% a year)
 * @example annualizeMonthlyRate(1.01, "retention") ≈ 1.1268
 */
export function annualizeMonthlyRate(monthlyRate: number, kind: AnnualizeKind): number {
  if (kind === "churn") return finite(1 - Math.pow(1 - monthlyRate, 12));
  return finite(Math.pow(monthlyRate, 12));
}

/**
 * The product of period retention rates: compounded NRR or GRR.
 *
 * @example compoundRates([1.01, 1.02, 0.99]) ≈ 1.019898
 */
export function compoundRates(rates: Float64Array): number {
  let product = 1;
  for (let i = 0; i < rates.length; i++) product *= rates[i] as number;
  return finite(product);
}
