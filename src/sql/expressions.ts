/**
 * Small SQL expressions the definitions share: constants written so that every dialect reads the
 * same double the core computes with, and the period arithmetic of src/core/dates.ts.
 */
import type { PeriodUnit } from "../core";
import type { Dialect } from "./dialects";

/** What the definitions are asked for (docs/warehouse.md, "The SQL"). */
export interface LedgerOptions {
  /** The periods of the matrix and of the comparison. */
  readonly unit: PeriodUnit;
  /**
   * Whether ledger_lines has a `covers` column: the matrix then holds MRR, each line spread over
   * the months it pays for; without, it holds the revenue billed in each period (not MRR).
   */
  readonly servicePeriods: boolean;
  /** Whether ledger_lines has a `segment` column (a customer's first line decides its segment). */
  readonly segments: boolean;
  /** The first day (yyyy-mm-dd) of the period at the start and at the end of the comparison. */
  readonly startPeriod: string;
  readonly endPeriod: string;
}

/**
 * A number as a DOUBLE in every dialect: DuckDB and Spark read 30.4375 as a DECIMAL, and the
 * shortest text of a double (String(x)) converts back to exactly that double.
 *
 * @example double(365.25 / 12, duckdb) === "CAST(30.4375 AS DOUBLE)"
 */
export function double(value: number, dialect: Dialect): string {
  return `CAST(${String(value)} AS ${dialect.types.double})`;
}

/** Day 0 of Excel's date serials from 1900-03-01 on (src/core/dates.ts): serial = days since it. */
export const SERIAL_EPOCH = "DATE '1899-12-30'";

/** A date's month on the continuous count of src/core/dates.ts (periodIndex: year × 12 + month − 1). */
export function monthOf(date: string): string {
  return `(EXTRACT(YEAR FROM ${date}) * 12 + EXTRACT(MONTH FROM ${date}) - 1)`;
}

/** The period (of `unit`) a month falls in, on the count of src/core/ledger.ts (periodOfMonth). */
export function periodOfMonth(month: string, unit: PeriodUnit, dialect: Dialect): string {
  if (unit === "month") return month;
  return dialect.integerDivide(month, unit === "quarter" ? "3" : "12");
}

/** The first day of period `period` of `unit` (periodStartFromIndex). */
export function periodStart(period: string, unit: PeriodUnit, dialect: Dialect): string {
  switch (unit) {
    case "month":
      return dialect.dateFromParts(
        dialect.integerDivide(period, "12"),
        `MOD(${period}, 12) + 1`,
        "1"
      );
    case "quarter":
      return dialect.dateFromParts(
        dialect.integerDivide(period, "4"),
        `MOD(${period}, 4) * 3 + 1`,
        "1"
      );
    case "year":
      return dialect.dateFromParts(period, "1", "1");
  }
}

/** A DATE literal, from yyyy-mm-dd text checked by the caller. */
export function dateLiteral(iso: string): string {
  return `DATE '${iso}'`;
}

/** Lines joined with line breaks, for the readable statements --sql prints. */
export function lines(...parts: readonly string[]): string {
  return parts.join("\n");
}

/** Each line of `text` indented by `spaces`. */
export function indent(text: string, spaces = 2): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}
