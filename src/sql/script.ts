/**
 * The whole of the SQL definitions for one request, as relations to make in order and queries to
 * read (docs/warehouse.md): what `npm run metrics` runs on DuckDB, and what `--sql <dialect>`
 * prints for a warehouse. One source: both take their text from here.
 */
import { MAX_COVER_MONTHS } from "../core";
import { cohortRelations, cohortsQuery, matrixQuery } from "./cohorts";
import type { Dialect } from "./dialects";
import { type LedgerOptions, lines } from "./expressions";
import { type Relation, ledgerRelations } from "./ledger";
import { type Query, aggregatesQuery, movementRelations, movementsQuery } from "./movements";

export interface LedgerScript {
  /** The relations from ledger_lines to the matrix: make them first, then read `problems`. */
  readonly matrixRelations: readonly Relation[];
  /** The relations of the comparison, once there is no problem. */
  readonly movementRelations: readonly Relation[];
  /** The relations of the cohort table, when it is asked for. */
  readonly cohortRelations: readonly Relation[];
  readonly queries: {
    readonly problems: Query;
    readonly aggregates: Query;
    readonly matrix: Query;
    readonly cohorts: Query;
    readonly movements: Query;
  };
}

function problemsQuery(): Query {
  return {
    name: "problems",
    about:
      "Run first: every row is a reason the figures cannot be trusted (a covers value that is none of the kinds, a customer's negative total), in the order the add-in reports them.",
    select: lines(
      "SELECT",
      "  p.problem,",
      "  p.line_no,",
      "  c.customer,",
      "  p.period_unit,",
      "  p.period_start,",
      "  p.service_date,",
      "  p.cell_text,",
      "  p.total",
      "FROM rm_problems p",
      "LEFT JOIN rm_customers c ON c.customer_line = p.customer_line",
      "ORDER BY p.problem_order, p.line_no, p.customer_line, p.period_no"
    ),
  };
}

/**
 * The definitions for `options` in `dialect`.
 *
 * @example ledgerScript({ unit: "month", servicePeriods: true, segments: true,
 *   startPeriod: "2025-01-01", endPeriod: "2025-12-01" }, duckdb).queries.aggregates.select
 */
export function ledgerScript(options: LedgerOptions, dialect: Dialect): LedgerScript {
  return {
    matrixRelations: ledgerRelations(options, dialect),
    movementRelations: movementRelations(options, dialect),
    cohortRelations: cohortRelations(dialect),
    queries: {
      problems: problemsQuery(),
      aggregates: aggregatesQuery(options, dialect),
      matrix: matrixQuery(options, dialect),
      cohorts: cohortsQuery(options, dialect),
      movements: movementsQuery(),
    },
  };
}

/** The source columns a printed script maps into ledger_lines, as the command line found them. */
export interface SourceColumns {
  readonly table: string;
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
  readonly covers?: string;
  readonly segment?: string;
}

const EXAMPLE_SOURCE: SourceColumns = {
  table: "billing_lines",
  customer: "customer_id",
  date: "invoice_date",
  amount: "amount",
  covers: "service_end",
  segment: "plan",
};

/** A comment block: each line of `text` after "-- ". */
function comment(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? "--" : `-- ${line}`))
    .join("\n");
}

/**
 * The script --sql prints: what ledger_lines must hold and how to make it, the relations, then
 * the queries, each with a line saying what it is.
 */
export function printedScript(
  options: LedgerOptions,
  dialect: Dialect,
  source: SourceColumns = EXAMPLE_SOURCE
): string {
  const script = ledgerScript(options, dialect);
  const { double: dbl, integer, text } = dialect.types;
  const quoted = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name}"`);
  const mapping = [
    "SELECT",
    `  ROW_NUMBER() OVER (ORDER BY ${quoted(source.date)}) AS line_no,`,
    `  CAST(${quoted(source.customer)} AS ${text}) AS customer,`,
    `  CAST(${quoted(source.date)} AS DATE) AS service_date,`,
    `  CAST(${quoted(source.amount)} AS ${dbl}) AS amount${options.servicePeriods || options.segments ? "," : ""}`,
    ...(options.servicePeriods
      ? [
          `  CAST(${quoted(source.covers ?? "covers")} AS ${text}) AS covers${options.segments ? "," : ""}`,
        ]
      : []),
    ...(options.segments
      ? [`  CAST(${quoted(source.segment ?? "segment")} AS ${text}) AS segment`]
      : []),
    `FROM ${source.table}`,
  ];
  const header = [
    `Retention Metrics for Excel: the metric definitions in SQL, ${dialect.title} (docs/warehouse.md).`,
    "The same definitions as the add-in's calculation core (docs/metrics.md).",
    ...dialect.notes,
    "",
    "Input: a relation ledger_lines, one row per billing line (leave out blank rows):",
    `  line_no       ${integer.padEnd(8)} the line's place in the ledger: a customer's first line gives its id's spelling and its segment`,
    `  customer      ${text.padEnd(8)} customer id, compared without regard to case or surrounding spaces`,
    "  service_date  DATE     the line's date: the start of the service it pays for",
    `  amount        ${dbl.padEnd(8)} credits are negative; a customer's total in a month may not be`,
    ...(options.servicePeriods
      ? [
          `  covers        ${text.padEnd(8)} what the line pays for: week, month, quarter, year, a whole number of months from 1 to ${MAX_COVER_MONTHS},`,
          "                         or the service end date as yyyy-mm-dd (the last day covered or the first day not covered)",
        ]
      : ["  (no covers column: each period holds the revenue billed in it, which is not MRR)"]),
    ...(options.segments ? [`  segment       ${text.padEnd(8)} plan, region, CSM…`] : []),
    "For example:",
    ...dialect
      .createRelation("ledger_lines", lines(...mapping))
      .split("\n")
      .map((line) => `  ${line}`),
    "",
    `Periods: ${options.unit}s; compared: the ${options.unit} starting ${options.startPeriod} with the one starting ${options.endPeriod} (in rm_compared).`,
  ];
  const relation = (r: Relation) =>
    lines(comment(r.about), dialect.createRelation(r.name, r.select));
  const query = (q: Query) => lines(comment(`${q.name}: ${q.about}`), `${q.select};`);
  const { queries } = script;
  return `${[
    comment(header.join("\n")),
    ...script.matrixRelations.map(relation),
    query(queries.problems),
    ...script.movementRelations.map(relation),
    query(queries.aggregates),
    query(queries.movements),
    query(queries.matrix),
    ...script.cohortRelations.map(relation),
    query(queries.cohorts),
  ].join("\n\n")}\n`;
}
