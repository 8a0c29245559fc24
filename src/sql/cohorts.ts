/**
 * The cohort table and the matrix itself, in SQL (docs/metrics.md, "Cohorts"): the cohort of a
 * customer is the first period in which it has revenue; for cohort c and age k, the revenue
 * table holds Σ revenue of c's customers in c + k over Σ their revenue in c, the logo table the
 * share of c's customers with revenue in c + k. Ages run to the matrix's last period and no
 * further (beyond it a cell is empty, not zero), as src/core/cohorts.ts lays them out.
 */
import { SHEET_COLUMNS } from "../core";
import type { Dialect } from "./dialects";
import { type LedgerOptions, lines, periodStart } from "./expressions";
import type { Relation } from "./ledger";
import type { Query } from "./movements";

/** Ages 0 … SHEET_COLUMNS − 1: more periods than a sheet holds columns is more than any matrix. */
function ages(dialect: Dialect): Relation {
  return {
    name: "rm_ages",
    about: `Cohort ages 0 … ${SHEET_COLUMNS - 1}.`,
    select: dialect.series(SHEET_COLUMNS),
  };
}

/** Each cohort's revenue and paying customers at each age with a non-zero cell. */
function cohortCells(): Relation {
  return {
    name: "rm_cohort_cells",
    about:
      "Each cohort (the customers whose first revenue is in one period) at each age: its revenue and how many of its customers pay.",
    select: lines(
      "SELECT",
      "  f.cohort_period,",
      "  p.period_no - f.cohort_period AS age,",
      "  SUM(p.revenue) AS revenue,",
      "  SUM(CASE WHEN p.revenue > 0 THEN 1 ELSE 0 END) AS paying",
      "FROM (",
      "  SELECT customer_line, MIN(period_no) AS cohort_period",
      "  FROM rm_periods",
      "  WHERE revenue > 0",
      "  GROUP BY customer_line",
      ") f",
      "JOIN rm_periods p ON p.customer_line = f.customer_line",
      "GROUP BY f.cohort_period, p.period_no - f.cohort_period"
    ),
  };
}

/** The relations of the cohort table, after those of the matrix (ledgerRelations). */
export function cohortRelations(dialect: Dialect): Relation[] {
  return [ages(dialect), cohortCells()];
}

/**
 * One row per cohort and age up to the last period: the revenue and logo retention of the
 * cohort at that age (SAAS.COHORT's two modes), with the first day of the cohort's period. At age
 * 0 the revenue is the cohort's own and every customer pays, so both denominators are there.
 */
export function cohortsQuery(options: LedgerOptions, dialect: Dialect): Query {
  const dbl = dialect.types.double;
  return {
    name: "cohorts",
    about:
      "The cohort table in long form: each cohort (first paying period) and age, its revenue retention and logo retention; ages stop at the last period.",
    select: lines(
      "SELECT",
      "  z.cohort_period,",
      `  ${periodStart("z.cohort_period", options.unit, dialect)} AS cohort_start,`,
      "  a.k AS age,",
      "  COALESCE(cell.revenue, 0) / z.revenue AS revenue_retention,",
      `  CAST(COALESCE(cell.paying, 0) AS ${dbl}) / z.paying AS logo_retention`,
      "FROM rm_cohort_cells z",
      "CROSS JOIN rm_bounds b",
      "JOIN rm_ages a ON a.k <= b.last_period - z.cohort_period",
      "LEFT JOIN rm_cohort_cells cell ON cell.cohort_period = z.cohort_period AND cell.age = a.k",
      "WHERE z.age = 0",
      "ORDER BY z.cohort_period, a.k"
    ),
  };
}

/**
 * The matrix in long form, as SAAS.MRRMATRIX spills it but one row per non-zero cell: each
 * customer (in the matrix's order) with its segment, each period with its first day.
 */
export function matrixQuery(options: LedgerOptions, dialect: Dialect): Query {
  return {
    name: "matrix",
    about:
      "The customers × periods matrix in long form, its non-zero cells, customers in the matrix's order (pivot it, or let the command line write it wide).",
    select: lines(
      "SELECT",
      "  c.customer,",
      "  s.segment,",
      "  p.period_no,",
      `  ${periodStart("p.period_no", options.unit, dialect)} AS period_start,`,
      "  p.revenue",
      "FROM rm_periods p",
      "JOIN rm_customers c ON c.customer_line = p.customer_line",
      "JOIN rm_segments s ON s.segment_key = c.segment_key",
      "ORDER BY c.customer_line, p.period_no"
    ),
  };
}
