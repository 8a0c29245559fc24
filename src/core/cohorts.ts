/**
 * Cohort retention tables (docs/metrics.md, "Cohorts"). A customer's cohort is the first
 * period in which it has revenue. For cohort c and age k the revenue table holds Σ revenue of
 * c's customers in period c+k over Σ their revenue in period c; the logo table the share of c's
 * customers with revenue in c+k. Cells beyond the last period are empty, not zero.
 */
import { metricOrError } from "./errors";
import { ratio } from "./ratios";
import type { ResultCell, ResultTable } from "./segments";

export type CohortMode = "revenue" | "logo";

/** The top-left cell of the table; the rest of the header row holds the ages 0, 1, 2, … */
export const COHORT_CORNER = "cohort";

/** Cohorts accumulated one customer at a time (see cohortOfMatrix in inputs.ts). */
export interface CohortAccumulator {
  /** Adds one customer's revenue in each period, oldest first; a customer who never paid is in no cohort. */
  addCustomer(revenue: ArrayLike<number>): void;
  /** The table in `mode`: a header row of ages, then one row per cohort named by `periodLabels`. */
  table(mode: CohortMode, periodLabels: readonly (string | number)[]): ResultTable;
}

/** Accumulates both modes in the one pass, so the mode can be read after the matrix. */
export function cohortAccumulator(periods: number): CohortAccumulator {
  // [c * periods + k]: revenue, and paying customers, of cohort c at age k.
  const revenueTotals = new Float64Array(periods * periods);
  const payingTotals = new Float64Array(periods * periods);
  const cohortSize = new Float64Array(periods);
  return {
    addCustomer(revenue) {
      let first = 0;
      while (first < periods && !((revenue[first] as number) > 0)) first++;
      if (first === periods) return; // never paid: in no cohort
      const base = first * periods;
      cohortSize[first] = (cohortSize[first] as number) + 1;
      for (let k = 0; first + k < periods; k++) {
        const amount = revenue[first + k] as number;
        revenueTotals[base + k] = (revenueTotals[base + k] as number) + amount;
        if (amount > 0) payingTotals[base + k] = (payingTotals[base + k] as number) + 1;
      }
    },
    table(mode, periodLabels) {
      const totals = mode === "revenue" ? revenueTotals : payingTotals;
      const table: ResultTable = [
        [COHORT_CORNER, ...Array.from({ length: periods }, (_, age) => age)],
      ];
      for (let c = 0; c < periods; c++) {
        if (cohortSize[c] === 0) continue;
        const denominator =
          mode === "revenue" ? (totals[c * periods] as number) : (cohortSize[c] as number);
        const row: ResultCell[] = [periodLabels[c] ?? c + 1];
        for (let k = 0; k < periods; k++) {
          if (c + k >= periods) {
            row.push(""); // beyond the last period: empty, not zero
            continue;
          }
          const kept = totals[c * periods + k] as number;
          row.push(metricOrError(() => ratio(kept, denominator, "div0.cohortFirstPeriod")));
        }
        table.push(row);
      }
      return table;
    },
  };
}

/**
 * The cohort table of a customers × periods block of revenue (row-major).
 *
 * @example two customers over 3 periods, [[100, 100, 0], [0, 50, 100]], revenue mode →
 *   cohort 1: ages 0, 1, 2 = 1, 1, 0;  cohort 2: ages 0, 1 = 1, 2, then an empty cell
 */
export function cohortTable(
  amounts: Float64Array,
  customers: number,
  periods: number,
  mode: CohortMode,
  periodLabels: readonly (string | number)[]
): ResultTable {
  const accumulator = cohortAccumulator(periods);
  for (let i = 0; i < customers; i++) {
    accumulator.addCustomer(amounts.subarray(i * periods, (i + 1) * periods));
  }
  return accumulator.table(mode, periodLabels);
}
