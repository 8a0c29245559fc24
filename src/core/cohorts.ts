/**
 * Cohort retention tables (shared/spec/metrics.md, "Cohorts"). A customer's cohort is the first
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

/**
 * Builds the cohort table of a customers × periods block of revenue (row-major), in one pass.
 * `periodLabels` name the cohorts in the first column (period start dates, or period numbers).
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
  // totals[c * periods + k]: revenue (or paying customers) of cohort c at age k.
  const totals = new Float64Array(periods * periods);
  const cohortSize = new Float64Array(periods);
  for (let i = 0; i < customers; i++) {
    const row = i * periods;
    let first = 0;
    while (first < periods && !((amounts[row + first] as number) > 0)) first++;
    if (first === periods) continue; // never paid: in no cohort
    const base = first * periods;
    cohortSize[first] = (cohortSize[first] as number) + 1;
    if (mode === "revenue") {
      for (let k = 0; first + k < periods; k++) {
        totals[base + k] = (totals[base + k] as number) + (amounts[row + first + k] as number);
      }
    } else {
      for (let k = 0; first + k < periods; k++) {
        if ((amounts[row + first + k] as number) > 0)
          totals[base + k] = (totals[base + k] as number) + 1;
      }
    }
  }

  const table: ResultTable = [[COHORT_CORNER, ...Array.from({ length: periods }, (_, age) => age)]];
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
      row.push(
        metricOrError(() =>
          ratio(kept, denominator, "the cohort had no revenue in its first period")
        )
      );
    }
    table.push(row);
  }
  return table;
}
