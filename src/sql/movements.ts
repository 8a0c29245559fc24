/**
 * The movements between two periods and their aggregates, in SQL (docs/metrics.md, "How one
 * customer's revenue moved", "Revenue retention", "Customer (logo) retention"): the classifier of
 * src/core/movements.ts (classifyMovement) on each customer of the matrix, and the totals of
 * movementTotals per segment and overall. History is every period of the matrix before the start:
 * a customer who paid in one of them and returns is a reactivation, not new.
 */
import { CHANGE_NOISE, MOVEMENT, MOVEMENT_LABELS, TOTAL_LABEL } from "../core";
import type { Dialect } from "./dialects";
import {
  type LedgerOptions,
  dateLiteral,
  double,
  lines,
  monthOf,
  periodOfMonth,
} from "./expressions";
import type { Relation } from "./ledger";

/** A final SELECT: what it gives, for the reader of --sql and for the command line. */
export interface Query {
  readonly name: string;
  readonly about: string;
  readonly select: string;
}

const label = (code: number) => `'${MOVEMENT_LABELS[code] as string}'`;
const NEW = label(MOVEMENT.new);
const REACTIVATION = label(MOVEMENT.reactivation);
const EXPANSION = label(MOVEMENT.expansion);
const CONTRACTION = label(MOVEMENT.contraction);
const CHURN = label(MOVEMENT.churn);
const FLAT = label(MOVEMENT.flat);
const NONE = label(MOVEMENT.none);

/** The two periods compared, as period numbers: the one place to edit them in a warehouse. */
function compared(options: LedgerOptions, dialect: Dialect): Relation {
  const period = (iso: string) => periodOfMonth(monthOf(dateLiteral(iso)), options.unit, dialect);
  return {
    name: "rm_compared",
    about: `The ${options.unit}s compared: the one starting ${options.startPeriod} with the one starting ${options.endPeriod} (edit the dates to compare others).`,
    select: lines(
      "SELECT",
      `  ${period(options.startPeriod)} AS start_period,`,
      `  ${period(options.endPeriod)} AS end_period`
    ),
  };
}

/**
 * Each customer's revenue at the start and at the end, whether it paid in a period before the
 * start, and its movement, classified as classifyMovement classifies it: two amounts within
 * 16 units in the last place of the larger are the same money (flat).
 */
function movements(dialect: Dialect): Relation {
  const noise = double(CHANGE_NOISE, dialect);
  const larger = "CASE WHEN end_mrr > start_mrr THEN end_mrr ELSE start_mrr END";
  return {
    name: "rm_movements",
    about:
      "Each customer's revenue at the start and at the end of the comparison, whether it paid before the start, and its movement.",
    select: lines(
      "SELECT",
      "  customer_line,",
      "  customer,",
      "  segment_key,",
      "  start_mrr,",
      "  end_mrr,",
      "  had_revenue_before,",
      "  CASE",
      `    WHEN start_mrr > 0 AND end_mrr <= 0 THEN ${CHURN}`,
      `    WHEN start_mrr > 0 AND end_mrr - start_mrr > ${noise} * (${larger}) THEN ${EXPANSION}`,
      `    WHEN start_mrr > 0 AND end_mrr - start_mrr < -(${noise} * (${larger})) THEN ${CONTRACTION}`,
      `    WHEN start_mrr > 0 THEN ${FLAT}`,
      `    WHEN end_mrr > 0 AND had_revenue_before = 1 THEN ${REACTIVATION}`,
      `    WHEN end_mrr > 0 THEN ${NEW}`,
      `    ELSE ${NONE}`,
      "  END AS movement",
      "FROM (",
      "  SELECT",
      "    c.customer_line,",
      "    c.customer,",
      "    c.segment_key,",
      "    COALESCE(SUM(CASE WHEN p.period_no = q.start_period THEN p.revenue END), 0) AS start_mrr,",
      "    COALESCE(SUM(CASE WHEN p.period_no = q.end_period THEN p.revenue END), 0) AS end_mrr,",
      "    COALESCE(MAX(CASE WHEN p.period_no < q.start_period AND p.revenue > 0 THEN 1 ELSE 0 END), 0)",
      "      AS had_revenue_before",
      "  FROM rm_customers c",
      "  CROSS JOIN rm_compared q",
      "  LEFT JOIN rm_periods p ON p.customer_line = c.customer_line",
      "  GROUP BY c.customer_line, c.customer, c.segment_key",
      ") m"
    ),
  };
}

/** The relations of the comparison, after those of the matrix (ledgerRelations). */
export function movementRelations(options: LedgerOptions, dialect: Dialect): Relation[] {
  return [compared(options, dialect), movements(dialect)];
}

/** The sums of movementTotals over a group of rm_movements, each as the core sums it. */
function totals(dialect: Dialect): string[] {
  const when = (movements: readonly string[], value: string) =>
    `SUM(CASE WHEN movement IN (${movements.join(", ")}) THEN ${value} ELSE 0 END)`;
  const count = (movements: readonly string[]) =>
    `CAST(${when(movements, "1")} AS ${dialect.types.integer})`;
  const existing = [EXPANSION, FLAT, CONTRACTION];
  return [
    "SUM(start_mrr) AS start_mrr,",
    // expansion and contraction: each customer's own change, never Σe − Σs (movements.ts)
    `${when([EXPANSION], "end_mrr - start_mrr")} AS expansion_mrr,`,
    `${when([CONTRACTION], "start_mrr - end_mrr")} AS contraction_mrr,`,
    `${when([CHURN], "start_mrr")} AS churned_mrr,`,
    `${when([NEW], "end_mrr")} AS new_mrr,`,
    `${when([REACTIVATION], "end_mrr")} AS reactivation_mrr,`,
    "SUM(end_mrr) AS end_mrr,",
    `${when(existing, "end_mrr")} AS existing_end_mrr,`,
    // min(s, e), capped customer by customer: s for the expanding and flat, e for the contracting
    `${when([EXPANSION, FLAT], "start_mrr")} + ${when([CONTRACTION], "end_mrr")} AS retained_mrr,`,
    `${count([...existing, CHURN])} AS starting_customers,`,
    `${count(existing)} AS retained_customers,`,
    `${count([CHURN])} AS churned_customers,`,
    `${count([EXPANSION])} AS expanding_customers,`,
    `${count([NEW])} AS new_customers,`,
    `${count([REACTIVATION])} AS reactivated_customers`,
  ];
}

/** The columns of the aggregates, in order: the first four are SAAS.NRR.PARTS' arguments. */
export const AGGREGATE_COLUMNS = [
  "segment",
  "start_mrr",
  "expansion_mrr",
  "contraction_mrr",
  "churned_mrr",
  "new_mrr",
  "reactivation_mrr",
  "end_mrr",
  "starting_customers",
  "retained_customers",
  "churned_customers",
  "expanding_customers",
  "new_customers",
  "reactivated_customers",
  "nrr",
  "grr",
  "logo_retention",
  "mrr_churn",
] as const;

/**
 * The bridge, the customer counts and the retention figures per segment (in the order their
 * first customer appears) and a Total row: NRR = Σ_existing e / start, GRR = Σ_existing min(s, e)
 * / start, logo retention = retained / starting customers, MRR churn = (churn + contraction) /
 * start; NULL where the denominator is 0 (#DIV/0! in a cell). Losses are positive amounts, as
 * SAAS.NRR.PARTS and SAAS.GRR.PARTS take them.
 */
export function aggregatesQuery(options: LedgerOptions, dialect: Dialect): Query {
  const dbl = dialect.types.double;
  const sums = totals(dialect).map((line) => `    ${line}`);
  const perSegment = lines(
    "  SELECT s.segment, 0 AS is_total, s.segment_order,",
    ...sums,
    "  FROM rm_movements m",
    "  JOIN rm_segments s ON s.segment_key = m.segment_key",
    "  GROUP BY s.segment, s.segment_order",
    "  UNION ALL"
  );
  return {
    name: "aggregates",
    about:
      "The MRR bridge, the customer counts and NRR, GRR, logo retention and MRR churn per segment and in total (start_mrr, expansion_mrr, contraction_mrr, churned_mrr are SAAS.NRR.PARTS' arguments).",
    select: lines(
      "SELECT",
      `  ${AGGREGATE_COLUMNS.slice(0, -4).join(",\n  ")},`,
      `  existing_end_mrr / NULLIF(start_mrr, 0) AS nrr,`,
      `  retained_mrr / NULLIF(start_mrr, 0) AS grr,`,
      `  CAST(retained_customers AS ${dbl}) / NULLIF(starting_customers, 0) AS logo_retention,`,
      `  (churned_mrr + contraction_mrr) / NULLIF(start_mrr, 0) AS mrr_churn`,
      "FROM (",
      ...(options.segments ? [perSegment] : []),
      `  SELECT '${TOTAL_LABEL}' AS segment, 1 AS is_total, 0 AS segment_order,`,
      ...sums,
      "  FROM rm_movements",
      ") t",
      "ORDER BY is_total, segment_order"
    ),
  };
}

/** Each customer's movement, in the matrix's rows (SAAS.MOVEMENT beside SAAS.MRRMATRIX). */
export function movementsQuery(): Query {
  return {
    name: "movements",
    about:
      "Each customer's revenue at the start and the end and its movement, in the matrix's order.",
    select: lines(
      "SELECT m.customer, s.segment, m.start_mrr, m.end_mrr, m.movement",
      "FROM rm_movements m",
      "JOIN rm_segments s ON s.segment_key = m.segment_key",
      "ORDER BY m.customer_line"
    ),
  };
}
