/**
 * A billing ledger (one row per customer, date, amount) turned into the customers × periods
 * matrix every revenue function reads (SAAS.MRRMATRIX). Amounts of one customer in one period
 * are summed; periods are sorted and contiguous, a period without revenue is 0.
 */
import { type PlainCell, describeCell, plainCell, place, readColumnCells } from "./coerce";
import {
  type PeriodUnit,
  isDateSerial,
  parseIsoDate,
  periodIndex,
  periodStartFromIndex,
  readDate,
} from "./dates";
import { invalidValue } from "./errors";
import { MATRIX_CORNER } from "./inputs";
import type { ResultTable } from "./segments";

/** Excel's sheet limits: a spill cannot be larger. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
const MAX_CELLS = 20_000_000;

export interface Ledger {
  /** Customer ids in order of first appearance, as first written. */
  readonly customers: readonly (string | number)[];
  /** Customer index, period index (continuous count) and amount of every entry. */
  readonly customerOf: Int32Array;
  readonly periodOf: Int32Array;
  readonly amounts: Float64Array;
  readonly unit: PeriodUnit;
}

function isBlank(cell: PlainCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * Reads the three ledger columns. Each may carry its own header row: text at the top of
 * `amounts`, text that is not a date at the top of `dates`, and one row more in `customers`.
 * Amounts may be negative (credits), but not a customer's total in a period (see mrrMatrix).
 */
export function readLedger(
  customers: unknown,
  dates: unknown,
  amounts: unknown,
  unit: PeriodUnit
): Ledger {
  const ids = readColumnCells(customers, "customers");
  const when = readColumnCells(dates, "dates");
  const how = readColumnCells(amounts, "amounts");
  const amountHeader =
    how.rows > 1 && typeof how.cells[0] === "string" && !/^[\s\d.,$€£¥%()-]+$/.test(how.cells[0])
      ? 1
      : 0;
  const rows = how.rows - amountHeader;
  const dateHeader = when.rows === rows + 1 ? 1 : 0;
  const idHeader = ids.rows === rows + 1 ? 1 : 0;
  if (when.rows - dateHeader !== rows || ids.rows - idHeader !== rows) {
    throw invalidValue(
      `customers, dates and amounts must have one row per ledger entry: they have ${ids.rows}, ${when.rows} and ${how.rows} rows`
    );
  }

  const customerOf = new Int32Array(rows);
  const periodOf = new Int32Array(rows);
  const values = new Float64Array(rows);
  const customerIndex = new Map<string, number>();
  const customerIds: (string | number)[] = [];
  // Few distinct days in many rows: each date is converted once.
  const periodBySerialDay = new Map<number, number>();
  const periodByText = new Map<string, number>();
  let kept = 0;

  for (let r = 0; r < rows; r++) {
    const idWhere = () => place("customers", r + idHeader, 0, ids.rows, 1);
    const dateWhere = () => place("dates", r + dateHeader, 0, when.rows, 1);
    const amountWhere = () => place("amounts", r + amountHeader, 0, how.rows, 1);
    const rawAmount = how.cells[r + amountHeader];
    const amount = typeof rawAmount === "number" ? rawAmount : plainCell(rawAmount, amountWhere);
    const id = plainCell(ids.cells[r + idHeader], idWhere);
    const date = plainCell(when.cells[r + dateHeader], dateWhere);
    if (isBlank(id) && isBlank(date) && isBlank(amount)) continue; // an empty row in the export

    if (isBlank(id))
      throw invalidValue(
        `${idWhere()} is blank while its amount is ${describeCell(amount)}; every entry needs a customer`
      );
    if (typeof amount !== "number" && amount !== null) {
      // Dates, text and logical values are not amounts.
      throw invalidValue(
        `${amountWhere()}: ${describeCell(amount)} is not a number; amounts must be numbers`
      );
    }
    if (amount !== null && !Number.isFinite(amount))
      throw invalidValue(`${amountWhere()}: ${describeCell(amount)} is not a finite number`);

    let period: number | undefined;
    if (typeof date === "number") {
      const day = Math.floor(date);
      period = periodBySerialDay.get(day);
      if (period === undefined && isDateSerial(date)) {
        period = periodIndex(readDate(date) as string, unit);
        periodBySerialDay.set(day, period);
      }
    } else if (date instanceof Date) {
      const iso = readDate(date);
      if (iso !== null) period = periodIndex(iso, unit);
    } else if (typeof date === "string") {
      period = periodByText.get(date);
      if (period === undefined && parseIsoDate(date) !== null) {
        period = periodIndex(readDate(date) as string, unit);
        periodByText.set(date, period);
      }
    }
    if (period === undefined) {
      throw invalidValue(
        `${dateWhere()}: ${describeCell(date)} is not a date; use a date, a date serial or text like 2024-03-15`
      );
    }

    const key = typeof id === "string" ? id.trim() : String(id);
    let customer = customerIndex.get(key);
    if (customer === undefined) {
      customer = customerIds.length;
      customerIndex.set(key, customer);
      customerIds.push(typeof id === "string" ? id.trim() : (id as number | boolean).toString());
    }
    customerOf[kept] = customer;
    periodOf[kept] = period;
    values[kept] = amount ?? 0;
    kept++;
  }
  return {
    customers: customerIds,
    customerOf: customerOf.subarray(0, kept),
    periodOf: periodOf.subarray(0, kept),
    amounts: values.subarray(0, kept),
    unit,
  };
}

/**
 * The customers × periods matrix of a ledger, as SAAS.MRRMATRIX spills it: "customer" in the
 * top-left cell, the period start dates across the first row (as ISO text, so that a column of
 * the spill selected with its first row reads it as a header, never as revenue), the ids down
 * the first column.
 *
 * @example entries (A, 2024-01-15, 100), (A, 2024-01-20, 50), (B, 2024-03-02, 80), month →
 *   [["customer", "2024-01-01", "2024-02-01", "2024-03-01"], ["A", 150, 0, 0], ["B", 0, 0, 80]]
 */
export function mrrMatrix(ledger: Ledger): ResultTable {
  const { customers, customerOf, periodOf, amounts, unit } = ledger;
  if (amounts.length === 0)
    throw invalidValue("the ledger holds no entry: customers, dates and amounts are all blank");
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < periodOf.length; i++) {
    const period = periodOf[i] as number;
    if (period < first) first = period;
    if (period > last) last = period;
  }
  const periods = last - first + 1;
  if (
    periods + 1 > MAX_COLUMNS ||
    customers.length + 1 > MAX_ROWS ||
    periods * customers.length > MAX_CELLS
  ) {
    throw invalidValue(
      `the matrix would be ${customers.length} customers × ${periods} ${unit}s, more than a sheet can hold; use a longer period or a shorter ledger`
    );
  }
  const sums = new Float64Array(customers.length * periods);
  for (let i = 0; i < amounts.length; i++) {
    const cell = (customerOf[i] as number) * periods + ((periodOf[i] as number) - first);
    sums[cell] = (sums[cell] as number) + (amounts[i] as number);
  }
  const header: (string | number)[] = [MATRIX_CORNER];
  for (let p = 0; p < periods; p++) header.push(periodStartFromIndex(first + p, unit));
  const table: ResultTable = [header];
  for (let c = 0; c < customers.length; c++) {
    const row: (string | number)[] = [customers[c] as string | number];
    for (let p = 0; p < periods; p++) {
      const total = sums[c * periods + p] as number;
      if (total < -1e-9) {
        throw invalidValue(
          `customer ${describeCell(customers[c])} has a negative total of ${total} in the ${unit} starting ${header[p + 1] as string}; credits cannot exceed charges`
        );
      }
      row.push(total < 0 ? 0 : total + 0);
    }
    table.push(row);
  }
  return table;
}
