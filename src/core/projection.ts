/**
 * Projected MRR for what-if planning: each month keeps `monthlyNrr` of the month before and adds
 * `newMrrPerMonth` of new business: MRR(t) = MRR(t−1) · monthly_nrr + new_mrr_per_month.
 */
import { MetricError } from "./errors";

/**
 * MRR for months 1..months.
 *
 * @example projectMrr(1000, 0.99, 50, 2) → [1040, 1079.6]
 */
export function projectMrr(
  startMrr: number,
  monthlyNrr: number,
  newMrrPerMonth: number,
  months: number
): number[] {
  const projected: number[] = new Array<number>(months);
  let mrr = startMrr;
  for (let t = 0; t < months; t++) {
    mrr = mrr * monthlyNrr + newMrrPerMonth;
    if (!Number.isFinite(mrr))
      throw new MetricError("num", "num.projectionOverflow", { month: t + 1 });
    projected[t] = mrr;
  }
  return projected;
}
