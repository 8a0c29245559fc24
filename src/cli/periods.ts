/**
 * The periods the command line compares, as written on it: a month (2025-01, or any date in it),
 * a quarter (2025-Q1, or any month or date in it) or a year (2025), by the periods of
 * src/core/dates.ts.
 */
import {
  type PeriodUnit,
  formatIsoDate,
  parseIsoDate,
  periodIndex,
  periodStart,
  periodStartFromIndex,
} from "../core";
import { UsageError } from "./ledgerRun";

const EXAMPLES: Readonly<Record<PeriodUnit, string>> = {
  month: "2025-01",
  quarter: "2025-Q1 (or a month in it, 2025-01)",
  year: "2025",
};

/**
 * The first day of the period of `unit` that `text` names, or a UsageError naming the option.
 *
 * @example periodFromText("2025-02", "quarter", "--from") === "2025-01-01"
 */
export function periodFromText(text: string, unit: PeriodUnit, option: string): string {
  const trimmed = text.trim();
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(trimmed);
  if (quarter && unit !== "month") {
    const start = formatIsoDate({
      year: Number(quarter[1]),
      month: (Number(quarter[2]) - 1) * 3 + 1,
      day: 1,
    });
    return periodStart(start, unit);
  }
  const year = /^(\d{4})$/.exec(trimmed);
  if (year && unit === "year") return `${year[1]}-01-01`;
  const month = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const date = month
    ? parseIsoDate(`${month[1]}-${month[2]}-01`)
    : /^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)
      ? parseIsoDate(trimmed)
      : null;
  if (date === null || date.year < 1900) {
    throw new UsageError(`${option} ${text}: not a ${unit}; write it like ${EXAMPLES[unit]}`);
  }
  return periodStart(formatIsoDate(date), unit);
}

/**
 * The first day of every period from `first` to `last`, both first days of periods of `unit`.
 *
 * @example periodsBetween("2024-11-01", "2025-01-01", "month") → 2024-11-01, 2024-12-01, 2025-01-01
 */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): string[] {
  const from = periodIndex(first, unit);
  const to = periodIndex(last, unit);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) =>
    periodStartFromIndex(from + i, unit)
  );
}

/** How a period is written back on the command line: 2025-01, 2025-Q1, 2025. */
export function periodText(start: string, unit: PeriodUnit): string {
  const [year, month] = start.split("-");
  if (unit === "year") return year as string;
  if (unit === "quarter") return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
  return `${year}-${month}`;
}
