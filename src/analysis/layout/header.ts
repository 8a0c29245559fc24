/**
 * Finding the header row, and reading period columns from it: dates, labels such as "Jan 2024"
 * or "FY2024", or year numbers.
 */
import {
  type PeriodUnit,
  daysInMonth,
  isBlankLooking,
  parseIsoDate,
  parsePeriodLabel,
  periodIndex,
  periodLabel,
  periodStart,
  readDate,
} from "../../core";
import type { SheetView } from "./sheetView";
import type { PeriodColumn } from "./types";
import { FIRST_HEADER_SERIAL, HEADER_SEARCH_ROWS, LAST_HEADER_SERIAL } from "./words";

export interface HeaderChoice {
  readonly row: number;
  /** The header's period columns, when the row holds at least two; null otherwise. */
  readonly periods: HeaderPeriods | null;
}

export interface HeaderPeriods {
  readonly unit: PeriodUnit;
  /** In column order. */
  readonly columns: readonly PeriodColumn[];
  /** True when a label named a fiscal year or quarter ("FY2024"). */
  readonly fiscal: boolean;
}

/**
 * The first of the top rows that reads as a header: it holds names or period dates (at least 80%
 * of its cells), about as many cells as the rows below it, and at least one of its names sits
 * above a number, the way "Jan 2024" sits above revenue and "Score" above answers. A title row
 * above the table fails the last two tests.
 */
export function findHeaderRow(sheet: SheetView): HeaderChoice | null {
  let looked = 0;
  for (let r = 0; r <= sheet.lastNonBlankRow && looked < HEADER_SEARCH_ROWS; r++) {
    if (sheet.isBlankRow(r)) continue;
    looked++;
    const filled = sheet.nonBlankCounts[r] ?? 0;
    const width = typicalWidthBelow(sheet, r);
    if (width === 0 || filled < Math.min(2, width) || filled < 0.5 * width) continue;

    const periods = readHeaderPeriods(sheet, r);
    const periodColumns = new Set(periods?.columns.map((p) => p.column));
    const isName = (c: number): boolean => {
      const cell = sheet.cell(r, c);
      if (periodColumns.has(c)) return true;
      return typeof cell === "string" && !isBlankLooking(cell) && readDate(cell) === null;
    };
    let names = 0;
    for (let c = 0; c < sheet.columnCount; c++) if (isName(c)) names++;
    if (names < 0.8 * filled) continue;

    for (let c = 0; c < sheet.columnCount; c++) {
      if (!isName(c)) continue;
      const below = firstNonBlankBelow(sheet, r, c, 5);
      if (typeof below === "number" || typeof below === "boolean") return { row: r, periods };
    }
  }
  return null;
}

/** The median count of filled cells in the next 20 non-blank rows (0 when none follow). */
function typicalWidthBelow(sheet: SheetView, row: number): number {
  const widths: number[] = [];
  for (let r = row + 1; r <= sheet.lastNonBlankRow && widths.length < 20; r++) {
    if (!sheet.isBlankRow(r)) widths.push(sheet.nonBlankCounts[r] ?? 0);
  }
  if (widths.length === 0) return 0;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0;
}

function firstNonBlankBelow(sheet: SheetView, row: number, column: number, rows: number): unknown {
  for (let r = row + 1; r <= Math.min(sheet.lastNonBlankRow, row + rows); r++) {
    const cell = sheet.cell(r, column);
    if (!isBlankLooking(cell)) return cell;
  }
  return undefined;
}

interface HeaderCellPeriod {
  readonly column: number;
  readonly start: string;
  readonly unit: PeriodUnit;
  readonly label: string;
  readonly fiscal: boolean;
}

/**
 * The period columns of a header row, when at least two cells name periods of one length.
 * Three kinds of cells can: dates (Excel serials from 2000 to 2099, ISO date text, Date objects),
 * labels ("Jan 2024", "Q1 2024", "FY2024", "2024-01") and year numbers (2022, 2023). The biggest
 * group wins. Dates must share a day of the month (all the 1st, all month ends, or all the same
 * day), which amounts in a data row practically never do; their period length follows from the
 * months between them (every 3 months: quarters; every 12: years).
 */
export function readHeaderPeriods(sheet: SheetView, row: number): HeaderPeriods | null {
  const dates: { column: number; iso: string; label: string }[] = [];
  const labels: HeaderCellPeriod[] = [];
  const years: HeaderCellPeriod[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    const cell = sheet.cell(row, c);
    if (typeof cell === "number") {
      if (Number.isInteger(cell) && cell >= 1990 && cell <= 2100) {
        const start = `${cell}-01-01`;
        years.push({ column: c, start, unit: "year", label: String(cell), fiscal: false });
      } else if (cell >= FIRST_HEADER_SERIAL && cell < LAST_HEADER_SERIAL + 1) {
        const iso = readDate(cell);
        if (iso !== null) dates.push({ column: c, iso, label: "" });
      }
    } else if (typeof cell === "string" || cell instanceof Date) {
      const iso = readDate(cell);
      if (iso !== null) {
        dates.push({ column: c, iso, label: typeof cell === "string" ? cell.trim() : "" });
      } else if (typeof cell === "string") {
        const period = parsePeriodLabel(cell);
        if (period !== null) labels.push({ column: c, ...period, label: cell.trim() });
      }
    }
  }

  // Numbers must all differ: a data row of equal amounts is not a run of periods.
  const distinctYears = new Set(years.map((year) => year.start)).size === years.length ? years : [];
  const groups = [mostCommonUnit(labels), datePeriods(dates), distinctYears].filter(
    (group) => group.length >= 2
  );
  const best = groups.reduce<HeaderCellPeriod[] | null>(
    (chosen, group) => (chosen === null || group.length > chosen.length ? group : chosen),
    null
  );
  if (best === null) return null;
  const first = best[0];
  if (first === undefined) return null;
  return {
    unit: first.unit,
    fiscal: best.some((period) => period.fiscal),
    columns: best.map((period) => ({
      column: period.column,
      periodStart: period.start,
      label: period.label,
    })),
  };
}

/** The labels of the most common period length (a stray "2024" among months is not a period). */
function mostCommonUnit(labels: readonly HeaderCellPeriod[]): HeaderCellPeriod[] {
  const units: PeriodUnit[] = ["month", "quarter", "year"];
  const byUnit = units.map((unit) => labels.filter((label) => label.unit === unit));
  return byUnit.reduce(
    (best, group) => (group.length > best.length ? group : best),
    [] as HeaderCellPeriod[]
  );
}

function datePeriods(
  dates: readonly { column: number; iso: string; label: string }[]
): HeaderCellPeriod[] {
  if (dates.length < 2) return [];
  const parsed = dates.map((date) => ({ ...date, parts: parseIsoDate(date.iso) }));
  const days = parsed.map(({ parts }) => parts?.day ?? 0);
  const allFirst = days.every((day) => day === 1);
  const allMonthEnds = parsed.every(
    ({ parts }) => parts !== null && parts.day === daysInMonth(parts.year, parts.month)
  );
  const allSameDay = days.every((day) => day === days[0]);
  if (!allFirst && !allMonthEnds && !allSameDay) return [];

  const months = [...new Set(parsed.map(({ iso }) => periodIndex(iso, "month")))].sort(
    (a, b) => a - b
  );
  if (months.length < 2) return [];
  let step = 0;
  for (let i = 1; i < months.length; i++) step = gcd(step, (months[i] ?? 0) - (months[i - 1] ?? 0));
  const unit: PeriodUnit =
    step > 0 && step % 12 === 0 ? "year" : step > 0 && step % 3 === 0 ? "quarter" : "month";
  return parsed.map(({ column, iso, label }) => {
    const start = periodStart(iso, unit);
    return { column, start, unit, label: label || periodLabel(start, unit), fiscal: false };
  });
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
