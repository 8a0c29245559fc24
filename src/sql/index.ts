/**
 * The metric definitions in SQL (docs/warehouse.md): the ledger-to-MRR spreading, the movements
 * and their aggregates, and the cohort table, for DuckDB and, written from their manuals, for
 * BigQuery, Snowflake and Spark SQL. Text only: nothing here runs SQL (src/cli does, on DuckDB).
 */
export * from "./dialects";
export * from "./expressions";
export * from "./ledger";
export * from "./movements";
export * from "./cohorts";
export * from "./script";
