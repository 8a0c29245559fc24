/**
 * Average revenue and lifetime value (shared/spec/metrics.md, "Average revenue and lifetime
 * value"): ARPA = MRR / paying customers; LTV = ARPA × gross margin / monthly customer churn;
 * the churn rate as ChartMogul's LTV takes it, the mean of the complete months before the
 * latest. Every churn rate here comes from the one classifier (movements.ts).
 */
import {
  type NumberRange,
  isOmitted,
  readChoiceOption,
  readNumberArgument,
  readRevenue,
  readSegmentChoice,
  readSegments,
} from "./coerce";
import { invalidValue } from "./errors";
import { readCohortInput } from "./inputs";
import { logoChurnRate } from "./logos";
import { movementTotals } from "./movements";
import { ratio } from "./ratios";
import { mrrChurnRate } from "./retention";
import {
  type ResultTable,
  type SegmentRequest,
  computeForSegments,
  segmentGrouper,
  segmentRequest,
} from "./segments";

/** What ARPA adds up: the MRR of the paying customers, and how many they are. */
interface PayingTotals {
  mrr: number;
  paying: number;
}

/** SAAS.ARPA's arguments in order: the MRR of each customer, then segments and segment. */
export function readArpaInput(
  mrr: unknown,
  segments: unknown,
  segment: unknown
): { mrr: NumberRange; request: SegmentRequest } {
  const read = readRevenue(mrr, "mrr");
  const grouper = segmentGrouper();
  const segmentation = isOmitted(segments)
    ? undefined
    : grouper.segmentation(readSegments(segments, "segments", read, grouper.assign));
  return {
    mrr: read,
    request: segmentRequest(segmentation, readSegmentChoice(segment, "segment")),
  };
}

/**
 * Average revenue per account: the MRR of the customers who pay (a cell above 0) over how many
 * they are; a blank or 0 is no customer. Per segment, with a Total row, when segments are given.
 *
 * @example MRR 100, 100, 300, 500, 500 → 300 (ChartMogul's example: $1,500 ÷ 5)
 * @example MRR 100, 0, 200 → 150: the customer at 0 does not pay
 */
export function averageRevenuePerAccount(input: {
  readonly mrr: NumberRange;
  readonly request: SegmentRequest;
}): number | ResultTable {
  const values = input.mrr.values;
  return computeForSegments(
    input.request,
    (groupOf, groupCount) => {
      const groups: PayingTotals[] = Array.from({ length: groupCount }, () => ({
        mrr: 0,
        paying: 0,
      }));
      const overall: PayingTotals = { mrr: 0, paying: 0 };
      for (let i = 0; i < values.length; i++) {
        const amount = values[i] as number;
        if (!(amount > 0)) continue;
        overall.mrr += amount;
        overall.paying++;
        if (groupOf !== undefined) {
          const group = groups[groupOf[i] as number] as PayingTotals;
          group.mrr += amount;
          group.paying++;
        }
      }
      return { overall, groups };
    },
    (totals) => ratio(totals.mrr, totals.paying, "div0.noPayingCustomers")
  );
}

/** SAAS.LTV's arguments: ARPA (0 or more), monthly churn as a fraction 0..1, margin 0..1. */
export function readLifetimeValueInput(
  arpa: unknown,
  monthlyChurn: unknown,
  grossMargin: unknown
): { arpa: number; monthlyChurn: number; grossMargin: number } {
  return {
    arpa: readNumberArgument(arpa, "arpa", { min: 0, money: true }),
    monthlyChurn: readNumberArgument(monthlyChurn, "monthly_churn", { min: 0, max: 1 }),
    grossMargin: readNumberArgument(grossMargin, "gross_margin", { min: 0, max: 1, fallback: 1 }),
  };
}

/**
 * Lifetime value: ARPA × gross margin / monthly customer churn. A churn of 0 is #DIV/0!, never
 * an infinite value.
 *
 * @example lifetimeValue(100, 0.05) === 2000 (ChartMogul's example); with a margin of 0.8, 1600
 */
export function lifetimeValue(arpa: number, monthlyChurn: number, grossMargin = 1): number {
  return ratio(arpa * grossMargin, monthlyChurn, "div0.noChurn");
}

/** SAAS.CHURN.TRAILING's `mode`: customer (logo) churn by default, as ChartMogul's LTV uses. */
export const TRAILING_MODES = ["logo", "revenue"] as const;
export type TrailingMode = (typeof TRAILING_MODES)[number];

/** Six months by default, as ChartMogul's LTV takes its churn rate. */
export const TRAILING_DEFAULT_MONTHS = 6;

/**
 * The mean monthly churn rate over the last `months` complete periods of a customers × periods
 * matrix (row-major), the latest period left out as incomplete. Period t's churn runs from
 * period t − 1 to period t, so the last column is not read, and months + 2 periods are needed.
 * "logo": churned customers over customers paying at t − 1 (SAAS.LOGOCHURN); "revenue": churned
 * and contracted MRR over MRR at t − 1 (SAAS.MRRCHURN). A month with no paying customer at its
 * start has no rate, so the mean is #DIV/0!, never a mean of the other months.
 *
 * @example 8 monthly columns, months 6: the mean of the churn from column 1 to 2, 2 to 3 … 6 to 7;
 *   column 8, the latest month, is left out
 */
export function trailingChurnRate(
  amounts: NumberRange,
  months: number,
  mode: TrailingMode
): number {
  const { rows, columns, values } = amounts;
  if (columns < months + 2) {
    throw invalidValue("trailing.tooFewPeriods", {
      argument: { argument: amounts.argument },
      periods: columns,
      months,
      needed: months + 2,
    });
  }
  const column = (c: number) => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = values[r * columns + c] as number;
    return out;
  };
  const rate = mode === "logo" ? logoChurnRate : mrrChurnRate;
  let sum = 0;
  const latest = columns - 1;
  let before = column(latest - months - 1);
  for (let t = latest - months; t < latest; t++) {
    const after = column(t);
    sum += rate(movementTotals(before, after).overall);
    before = after;
  }
  return sum / months;
}

/** SAAS.CHURN.TRAILING's arguments in order: the matrix (bare or MRRMATRIX's spill), months, mode. */
export function readTrailingChurnInput(
  matrix: unknown,
  months: unknown,
  mode: unknown
): { amounts: NumberRange; months: number; mode: TrailingMode } {
  const { amounts } = readCohortInput(matrix);
  return {
    amounts,
    months: readNumberArgument(months, "months", {
      min: 1,
      max: 1200,
      whole: true,
      fallback: TRAILING_DEFAULT_MONTHS,
    }),
    mode: readChoiceOption(mode, "mode", TRAILING_MODES),
  };
}
