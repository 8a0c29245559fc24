/**
 * From billing lines to MRR (shared/spec/metrics.md, "From billing lines to MRR"): SAAS.MRRMATRIX
 * with `covers`, what each ledger line pays for. A line of a month or more is spread over the
 * calendar months it pays for; a line shorter than a month sets the month's run rate. The matrix
 * then holds MRR, never a one-month spike of an annual invoice.
 *
 * What `covers` holds, per line or one value for all:
 * - "week", "month", "quarter", "year" (any case, surrounding spaces ignored);
 * - a whole number of months from 1 to MAX_COVER_MONTHS;
 * - a service end date (a date serial above MAX_COVER_MONTHS, ISO text, a date): the last day
 *   covered or the first day no longer covered, which give the same months: days from the line's
 *   date to the end, over the mean month of 365.25 / 12 days, rounded. Less than half a month
 *   is a line shorter than a month, whose rate is amount × 365.25 / 12 / days.
 */
import {
  type PlainCell,
  isOmitted,
  place,
  plainCell,
  quoteCell,
  readColumnCells,
  readSingleValue,
} from "./coerce";
import { periodStartFromIndex, readDate } from "./dates";
import { invalidValue } from "./errors";
import type { LookupValue } from "./ids";
import { MATRIX_CORNER } from "./inputs";
import {
  type Ledger,
  checkedTotal,
  dayOfCell,
  periodOfMonth,
  refuseTooLargeMatrix,
} from "./ledger";
import { MoneyCells } from "./money";
import type { ResultCell, ResultTable } from "./segments";

/** The longest service period given as a number of months (50 years); larger numbers are dates. */
export const MAX_COVER_MONTHS = 600;
/** The words `covers` knows, and the months each covers (0: a week, shorter than a month). */
export const COVER_WORDS: readonly string[] = ["week", "month", "quarter", "year"];
export const COVER_WORD_MONTHS: readonly number[] = [0, 1, 3, 12];
/** The mean month in days (the Julian year over 12), by which an end date counts its months. */
export const DAYS_PER_MONTH = 365.25 / 12;
/** A week's charge times this is its monthly run rate (52 weeks a year, 12 months). */
export const WEEKS_PER_MONTH = 52 / 12;

/** What each line of a ledger pays for, line by line in the ledger's order. */
export interface LineCovers {
  /** The calendar months a line is spread over, starting with its date's; 0 for a short line. */
  readonly months: Int32Array;
  /** For a line shorter than a month: amount × this factor is the month's run rate. */
  readonly rateFactor: Float64Array;
}

/** What one `covers` value says, before a line's date gives an end date its months. */
type Cover =
  | { readonly kind: "months"; readonly months: number }
  | { readonly kind: "week" }
  | { readonly kind: "end"; readonly day: number };

type Where = ReturnType<typeof place> | { argument: string };

/** One `covers` cell read, or the error naming it. */
function readCover(cell: PlainCell, where: () => Where): Cover {
  // A number up to MAX_COVER_MONTHS is months: whole and at least 1 (-12, 0 and 1.5 are refused).
  const small = typeof cell === "number" && cell <= MAX_COVER_MONTHS;
  if (small && Number.isInteger(cell) && cell >= 1) return { kind: "months", months: cell };
  if (typeof cell === "string") {
    const months = COVER_WORD_MONTHS[COVER_WORDS.indexOf(cell.trim().toLowerCase())];
    if (months !== undefined) return months === 0 ? { kind: "week" } : { kind: "months", months };
  }
  // Blank, refused numbers, logical values and text that is neither a word nor a date.
  const day = small || typeof cell === "boolean" ? undefined : dayOfCell(cell);
  if (day === undefined) {
    throw invalidValue("covers.notCovers", {
      where: where(),
      value: quoteCell(cell),
      max: MAX_COVER_MONTHS,
      choices: { choices: COVER_WORDS },
    });
  }
  return { kind: "end", day };
}

/**
 * `covers` for the lines of `ledger`: one value for all (a single cell), or one per line in the
 * rows of `customers` as selected, its first row skipped when customers' was. Undefined when
 * omitted: the matrix is then revenue billed, as without service periods. Read after the ledger,
 * so a problem in the ledger's own columns is reported first (argument order).
 *
 * @example covers "year" for a line of 2024-01-10 → months [12]; an end of 2024-01-17 → months
 *   [0], rateFactor [365.25 / 12 / 7]
 */
export function readCovers(arg: unknown, ledger: Ledger): LineCovers | undefined {
  if (isOmitted(arg)) return undefined;
  const lines = ledger.amounts.length;
  const months = new Int32Array(lines);
  const rateFactor = new Float64Array(lines);
  const column = readColumnCells(arg, "covers");
  if (column.rows === 1) {
    const value = readSingleValue(arg, "covers");
    const where = () => ({ argument: "covers" });
    const cover = readCover(plainCell(value, where), where);
    for (let i = 0; i < lines; i++) resolve(cover, i, where, months, rateFactor, ledger);
    return { months, rateFactor };
  }
  if (column.rows !== ledger.selectedRows) {
    throw invalidValue("covers.rows", {
      coverRows: column.rows,
      customerRows: ledger.selectedRows,
    });
  }
  // Many lines repeat a few words or end dates: each distinct text is read once.
  const byText = new Map<string, Cover>();
  for (let i = 0; i < lines; i++) {
    const row = ledger.rowOf[i] as number;
    const where = () => place("covers", row, 0, column.rows, 1);
    const cell = plainCell(column.cells[row], where);
    let cover: Cover | undefined;
    if (typeof cell === "string") {
      cover = byText.get(cell);
      if (cover === undefined) {
        cover = readCover(cell, where);
        byText.set(cell, cover);
      }
    } else cover = readCover(cell, where);
    resolve(cover, i, where, months, rateFactor, ledger);
  }
  return { months, rateFactor };
}

/** Line `i`'s months (or run-rate factor) from its cover and its date. */
function resolve(
  cover: Cover,
  i: number,
  where: () => Where,
  months: Int32Array,
  rateFactor: Float64Array,
  ledger: Ledger
): void {
  if (cover.kind === "months") {
    months[i] = cover.months;
    return;
  }
  if (cover.kind === "week") {
    rateFactor[i] = WEEKS_PER_MONTH;
    return;
  }
  const start = ledger.dayOf[i] as number;
  const days = cover.day - start;
  if (days <= 0) {
    const line = place("dates", ledger.rowOf[i] as number, 0, ledger.selectedRows, 1);
    throw invalidValue("covers.endNotAfterStart", {
      where: where(),
      end: readDate(cover.day) as string,
      start: readDate(start) as string,
      line,
      max: MAX_COVER_MONTHS,
    });
  }
  const exact = days / DAYS_PER_MONTH;
  // Half a month or more is spread over the nearest whole number of months (never a tie: a
  // whole number of days is never an odd multiple of half of 365.25 / 12).
  if (exact >= 0.5) months[i] = Math.round(exact);
  else rateFactor[i] = DAYS_PER_MONTH / days;
}

/**
 * The MRR matrix of a ledger whose lines say what they pay for, laid out as mrrMatrix lays out
 * the billed one (same customers in the same rows, so SAAS.MRRMATRIX.SEGMENTS lines up). Month
 * by month, per customer:
 * - a line of n months adds amount / n to each of the n months from its date's;
 * - lines shorter than a month set a run rate (amount × rate factor) that does not add up: the
 *   month's rate is that of its last charge date (the latest date of a short line of 0 or more),
 *   together with the credits (short lines below 0) dated on or after it, so a week refunded
 *   after its charge leaves 0. Lines of one date add up, so the order of the lines never matters;
 * - everything in the month adds up as money (money.ts): a charge and the credits that cancel it
 *   give exactly 0; a month below 0 is an error naming the customer and the month.
 * Quarter and year columns hold the MRR at the end of the period: their last month's.
 * The months run from the first line's month to the last month any line pays for.
 *
 * @example 2,000 billed 2024-01-10 for a "year" → 2,000 / 12 = 166.67 in each month of 2024;
 *   25 billed every week of March → 25 × 52 / 12 = 108.33 in March
 */
export function coveredMrrMatrix(ledger: Ledger, covers: LineCovers): ResultTable {
  const { customers, customerOf, monthOf, amounts, unit } = ledger;
  const lines = amounts.length;
  if (lines === 0) throw invalidValue("ledger.empty");
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < lines; i++) {
    const month = monthOf[i] as number;
    const through = month + Math.max(1, covers.months[i] as number) - 1;
    if (month < first) first = month;
    if (through > last) last = through;
  }
  const monthCount = last - first + 1;
  const firstPeriod = periodOfMonth(first, unit);
  const periods = periodOfMonth(last, unit) - firstPeriod + 1;
  refuseTooLargeMatrix(customers.length, periods, monthCount * customers.length, unit);

  // Each customer's months, summed as money (see mrrMatrix).
  const cells = new MoneyCells(customers.length * monthCount);
  const shortLines: number[] = [];
  for (let i = 0; i < lines; i++) {
    const n = covers.months[i] as number;
    if (n === 0) {
      shortLines.push(i);
      continue;
    }
    const share = (amounts[i] as number) / n;
    const from = (customerOf[i] as number) * monthCount + ((monthOf[i] as number) - first);
    for (let cell = from; cell < from + n; cell++) cells.add(cell, share);
  }
  if (shortLines.length > 0) addRunRates(ledger, covers, shortLines, first, monthCount, cells);

  const header: ResultCell[] = [MATRIX_CORNER];
  for (let p = 0; p < periods; p++) header.push(periodStartFromIndex(firstPeriod + p, unit));
  const table: ResultTable = [header];
  const monthStarts = Array.from({ length: monthCount }, (_, m) =>
    periodStartFromIndex(first + m, "month")
  );
  const mrr = new Float64Array(monthCount); // one customer's months, reused
  for (let c = 0; c < customers.length; c++) {
    const row: ResultCell[] = [customers[c] as LookupValue];
    for (let m = 0; m < monthCount; m++) {
      const cell = c * monthCount + m;
      mrr[m] = checkedTotal(
        cells.total(cell),
        customers[c] as LookupValue,
        "month",
        monthStarts[m] as string
      );
    }
    for (let p = 0; p < periods; p++) {
      // The MRR at the end of the period: its last month's (0 beyond the last month paid for).
      const lastMonth = unit === "month" ? first + p : lastMonthOf(firstPeriod + p, unit);
      const m = lastMonth - first;
      row.push(m < monthCount ? (mrr[m] as number) : 0);
    }
    table.push(row);
  }
  return table;
}

/** The month index of the last month of quarter or year `period`. */
function lastMonthOf(period: number, unit: "quarter" | "year"): number {
  return unit === "quarter" ? period * 3 + 2 : period * 12 + 11;
}

/**
 * Adds the run rates of the lines shorter than a month to their months: per customer and month,
 * the rates of the lines dated on or after its last charge date (see coveredMrrMatrix). Two
 * passes over those lines only: the last charge date of each cell, then the rates that count.
 */
function addRunRates(
  ledger: Ledger,
  covers: LineCovers,
  shortLines: readonly number[],
  first: number,
  monthCount: number,
  cells: MoneyCells
): void {
  const { customerOf, monthOf, dayOf, amounts } = ledger;
  const cellOf = (i: number) =>
    (customerOf[i] as number) * monthCount + ((monthOf[i] as number) - first);
  const lastChargeDay = new Map<number, number>();
  for (const i of shortLines) {
    if ((amounts[i] as number) < 0) continue;
    const cell = cellOf(i);
    const day = dayOf[i] as number;
    if (!(day <= (lastChargeDay.get(cell) ?? -Infinity))) lastChargeDay.set(cell, day);
  }
  for (const i of shortLines) {
    const cell = cellOf(i);
    if ((dayOf[i] as number) < (lastChargeDay.get(cell) ?? -Infinity)) continue;
    cells.add(cell, (amounts[i] as number) * (covers.rateFactor[i] as number));
  }
}
