/**
 * The short dialect layer of the SQL definitions (docs/warehouse.md, "Dialects"): everything
 * else is standard SQL that DuckDB, BigQuery, Snowflake and Spark SQL all read the same way
 * (CASE, COALESCE, NULLIF, EXTRACT, MOD, FLOOR, ROUND, window functions, UNION ALL).
 *
 * What the definitions deliberately avoid, because the dialects disagree on it:
 * - GREATEST and LEAST: BigQuery and Snowflake return NULL when any argument is NULL, DuckDB and
 *   Spark skip NULLs; a CASE says the same thing in every dialect;
 * - QUALIFY: DuckDB, BigQuery and Snowflake have it, Spark SQL does not; a subquery filters instead;
 * - reusing a column alias in the same SELECT: BigQuery refuses it; nested SELECTs instead;
 * - dividing two integers: Snowflake keeps a fixed number of decimals; every ratio casts first;
 * - decimal literals: DuckDB and Spark read 30.4375 as DECIMAL; every constant is cast to DOUBLE.
 *
 * Only DuckDB runs here (the tests and the command line); the other three were written from their
 * reference manuals and are marked so in what --sql prints.
 */

export type DialectName = "duckdb" | "bigquery" | "snowflake" | "spark";

export const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "bigquery", "snowflake", "spark"];

export interface Dialect {
  readonly name: DialectName;
  /** How the dialect is named to a reader, and which versions the functions below need. */
  readonly title: string;
  /** Whether the SQL in this dialect was run here (DuckDB), or only written from the manual. */
  readonly verified: boolean;
  readonly types: { readonly double: string; readonly integer: string; readonly text: string };
  /** Whole days from DATE `from` to DATE `to`. */
  daysBetween(from: string, to: string): string;
  /** The DATE of a year, a month (1–12) and a day, three integer expressions. */
  dateFromParts(year: string, month: string, day: string): string;
  /** a ÷ b rounded down, for integers a ≥ 0 and b > 0. */
  integerDivide(a: string, b: string): string;
  /** The value of `value` on the group's row with the smallest `order` (its first spelling). */
  firstBy(value: string, order: string): string;
  /** Whether `text` matches a regular expression in full (written with [0-9], no backslashes). */
  matches(text: string, pattern: string): string;
  /** `text` read as a DATE, or NULL when it is not one (2024-02-30). */
  tryDate(text: string): string;
  /** `text` read as a DOUBLE, or NULL: never an error, whatever order a dialect evaluates in. */
  tryDouble(text: string): string;
  /** A relation of one integer column `k` holding 0, 1, …, count − 1. */
  series(count: number): string;
  /** The statement that makes relation `name` from a SELECT, for the statements that follow. */
  createRelation(name: string, select: string): string;
  /** Where this dialect differs, said in the header of what --sql prints. */
  readonly notes: readonly string[];
}

const duckdb: Dialect = {
  name: "duckdb",
  title: "DuckDB 1.1 or later",
  verified: true,
  types: { double: "DOUBLE", integer: "BIGINT", text: "VARCHAR" },
  daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  dateFromParts: (year, month, day) => `make_date(${year}, ${month}, ${day})`,
  integerDivide: (a, b) => `(${a} // ${b})`,
  firstBy: (value, order) => `arg_min(${value}, ${order})`,
  matches: (text, pattern) => `regexp_full_match(${text}, '${pattern}')`,
  tryDate: (text) => `TRY_CAST(${text} AS DATE)`,
  tryDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  series: (count) => `SELECT range AS k FROM range(${count})`,
  createRelation: (name, select) => `CREATE OR REPLACE TEMP TABLE ${name} AS\n${select};`,
  notes: [
    "Run here, by the tests and by npm run metrics: the figures equal the add-in's to the cent.",
  ],
};

const bigquery: Dialect = {
  name: "bigquery",
  title: "BigQuery (GoogleSQL)",
  verified: false,
  types: { double: "FLOAT64", integer: "INT64", text: "STRING" },
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  dateFromParts: (year, month, day) => `DATE(${year}, ${month}, ${day})`,
  integerDivide: (a, b) => `DIV(${a}, ${b})`,
  // ARRAY_AGG refuses NULL elements: the values passed here are never NULL (COALESCE first).
  firstBy: (value, order) => `ARRAY_AGG(${value} ORDER BY ${order} LIMIT 1)[OFFSET(0)]`,
  matches: (text, pattern) => `REGEXP_CONTAINS(${text}, r'^${pattern}$')`,
  tryDate: (text) => `SAFE_CAST(${text} AS DATE)`,
  tryDouble: (text) => `SAFE_CAST(${text} AS FLOAT64)`,
  series: (count) => `SELECT k FROM UNNEST(GENERATE_ARRAY(0, ${count - 1})) AS k`,
  createRelation: (name, select) => `CREATE OR REPLACE TEMP TABLE ${name} AS\n${select};`,
  notes: [
    "Written from the BigQuery manual, not run here. Run it as one script (temporary tables live for the script's session).",
    "DATE_DIFF(to, from, DAY), DATE(y, m, d), DIV, SAFE_CAST, ARRAY_AGG(... LIMIT 1) for the first spelling, UNNEST(GENERATE_ARRAY()) for a series.",
  ],
};

const snowflake: Dialect = {
  name: "snowflake",
  title: "Snowflake",
  verified: false,
  types: { double: "DOUBLE", integer: "INTEGER", text: "VARCHAR" },
  daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
  dateFromParts: (year, month, day) => `DATE_FROM_PARTS(${year}, ${month}, ${day})`,
  integerDivide: (a, b) => `FLOOR(${a} / ${b})`,
  firstBy: (value, order) => `MIN_BY(${value}, ${order})`,
  // REGEXP_LIKE matches the whole text.
  matches: (text, pattern) => `REGEXP_LIKE(${text}, '${pattern}')`,
  tryDate: (text) => `TRY_TO_DATE(${text}, 'YYYY-MM-DD')`,
  tryDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  series: (count) =>
    // SEQ4() may skip numbers; ROW_NUMBER over it does not.
    `SELECT ROW_NUMBER() OVER (ORDER BY SEQ4()) - 1 AS k FROM TABLE(GENERATOR(ROWCOUNT => ${count}))`,
  createRelation: (name, select) => `CREATE OR REPLACE TEMPORARY TABLE ${name} AS\n${select};`,
  notes: [
    "Written from the Snowflake manual, not run here.",
    "DATEDIFF(day, from, to), DATE_FROM_PARTS, MIN_BY for the first spelling, TABLE(GENERATOR()) for a series; integer ÷ integer keeps decimals in Snowflake, so every ratio casts to DOUBLE first.",
  ],
};

const spark: Dialect = {
  name: "spark",
  title: "Spark SQL 3.2 or later (Databricks)",
  verified: false,
  types: { double: "DOUBLE", integer: "BIGINT", text: "STRING" },
  daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
  dateFromParts: (year, month, day) =>
    `MAKE_DATE(CAST(${year} AS INT), CAST(${month} AS INT), CAST(${day} AS INT))`,
  integerDivide: (a, b) => `(${a} DIV ${b})`,
  firstBy: (value, order) => `MIN_BY(${value}, ${order})`,
  matches: (text, pattern) => `${text} RLIKE '^${pattern}$'`,
  tryDate: (text) => `TRY_CAST(${text} AS DATE)`,
  tryDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  series: (count) => `SELECT EXPLODE(SEQUENCE(0, ${count - 1})) AS k`,
  // Spark has temporary views, not temporary tables: CACHE TABLE a view that several read.
  createRelation: (name, select) => `CREATE OR REPLACE TEMPORARY VIEW ${name} AS\n${select};`,
  notes: [
    "Written from the Spark SQL manual, not run here. Spark has no QUALIFY (the definitions use none).",
    "DATEDIFF(to, from), MAKE_DATE, DIV, TRY_CAST (3.2), MIN_BY (3.0), EXPLODE(SEQUENCE()) for a series; temporary views recompute on every read: CACHE TABLE rm_lines, rm_month_revenue and rm_periods on a large ledger.",
  ],
};

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, bigquery, snowflake, spark };

/**
 * The dialect named `name` (case ignored), or undefined.
 *
 * @example dialectNamed("BigQuery")?.daysBetween("a", "b") === "DATE_DIFF(b, a, DAY)"
 */
export function dialectNamed(name: string): Dialect | undefined {
  const key = name.trim().toLowerCase() as DialectName;
  return DIALECT_NAMES.includes(key) ? DIALECTS[key] : undefined;
}
