/**
 * A billing ledger (one row per customer, date, amount) turned into the customers × periods
 * matrix every revenue function reads (SAAS.MRRMATRIX). Without service periods, amounts of one
 * customer in one period are summed (revenue billed); periods are sorted and contiguous, a period
 * without revenue is 0. With service periods, spreading.ts builds the MRR matrix instead.
 */
import { type PlainCell, plainCell, place, quoteCell, readColumnCells } from "./coerce";
import {
  type PeriodUnit,
  isDateSerial,
  isoDateToSerial,
  parseIsoDate,
  periodIndex,
  periodStartFromIndex,
  readDate,
} from "./dates";
import { MetricError, invalidValue } from "./errors";
import { type LookupValue, idIndex, shownId } from "./ids";
import { MATRIX_CORNER } from "./inputs";
import { SHEET_COLUMNS, SHEET_ROWS } from "./limits";
import { MoneyCells } from "./money";
import type { ResultCell, ResultTable } from "./segments";

/** The most cells the grid behind a matrix may hold: the sheet may fit it, memory not. */
const MAX_CELLS = 20_000_000;

/**
 * Refuses a matrix of `customers` rows and `periods` columns that a sheet cannot hold, or whose
 * grid of `cells` (monthly behind a quarter or year matrix with covers) memory cannot.
 */
export function refuseTooLargeMatrix(
  customers: number,
  periods: number,
  cells: number,
  unit: PeriodUnit
): void {
  if (periods + 1 > SHEET_COLUMNS || customers + 1 > SHEET_ROWS || cells > MAX_CELLS) {
    throw invalidValue("ledger.tooLarge", { customers, periods, unit: { term: unit } });
  }
}

export interface Ledger {
  /** Customer ids in order of first appearance, as first written (ids.ts: numbers stay numbers). */
  readonly customers: readonly LookupValue[];
  /** Row of each customer's first entry within `customers` as selected (header row included). */
  readonly firstEntryRow: readonly number[];
  /** Rows of `customers` as selected, and whether its first was a header. */
  readonly selectedRows: number;
  readonly idHeaderRows: number;
  /** Customer index, period index (continuous count) and amount of every entry. */
  readonly customerOf: Int32Array;
  readonly periodOf: Int32Array;
  readonly amounts: Float64Array;
  readonly unit: PeriodUnit;
  /** Every entry's day (its date serial) and month (periodIndex in months), for service periods. */
  readonly dayOf: Int32Array;
  readonly monthOf: Int32Array;
  /** Every entry's row within `customers` as selected (header row included). */
  readonly rowOf: Int32Array;
}

/** A period's index from a month's (dates.ts, periodIndex: months and quarters since year 0). */
export function periodOfMonth(month: number, unit: PeriodUnit): number {
  return unit === "month" ? month : Math.floor(month / (unit === "quarter" ? 3 : 12));
}

function isBlank(cell: PlainCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * 1 when a column of amounts starts with its header: text that is not an amount (a lone cell is
 * never a header).
 *
 * @example amountHeaderRows(["Amount", 10]) === 1; amountHeaderRows(["$ 10", 10]) === 0
 */
export function amountHeaderRows(cells: readonly unknown[]): 0 | 1 {
  const first = cells[0];
  return cells.length > 1 && typeof first === "string" && !/^[\s\d.,$€£¥%()-]+$/.test(first)
    ? 1
    : 0;
}

/**
 * 1 when a column of dates starts with its header: text that is not a date.
 *
 * @example dateHeaderRows(["Date", 45292]) === 1; dateHeaderRows(["2024-01-01", 45292]) === 0
 */
export function dateHeaderRows(cells: readonly unknown[]): 0 | 1 {
  const first = cells[0];
  return cells.length > 1 &&
    typeof first === "string" &&
    first.trim() !== "" &&
    readDate(first) === null
    ? 1
    : 0;
}

/**
 * Reads the three ledger columns. `amounts` and `dates` each drop their own header (text that is
 * not an amount, text that is not a date) before their rows are compared; `customers`, whose ids
 * may be any text, drops its first row only when they dropped theirs (one row more otherwise is an
 * off-by-one selection, refused). Amounts may be negative (credits), but not a customer's total in
 * a period (see mrrMatrix).
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
  const amountHeader = amountHeaderRows(how.cells);
  const rows = how.rows - amountHeader;
  const dateHeader = dateHeaderRows(when.cells);
  const dataHeader = amountHeader === 1 || dateHeader === 1;
  if (ids.rows === rows + 1 && !dataHeader && when.rows - dateHeader === rows) {
    throw invalidValue("ledger.customersOffByOne", {
      customerRows: ids.rows,
      amountRows: how.rows,
    });
  }
  const idHeader = ids.rows === rows + 1 && dataHeader ? 1 : 0;
  if (when.rows - dateHeader !== rows || ids.rows - idHeader !== rows) {
    throw invalidValue(dataHeader ? "ledger.rowsWithoutHeaders" : "ledger.rows", {
      customerRows: ids.rows - idHeader,
      dateRows: when.rows - dateHeader,
      amountRows: rows,
    });
  }

  const customerOf = new Int32Array(rows);
  const periodOf = new Int32Array(rows);
  const values = new Float64Array(rows);
  const dayOf = new Int32Array(rows);
  const monthOf = new Int32Array(rows);
  const rowOf = new Int32Array(rows);
  const customerIndex = idIndex();
  const firstEntryRow: number[] = [];
  // Few distinct days in many rows: each date is converted once.
  const monthBySerialDay = new Map<number, number>();
  const dayByText = new Map<string, number>();
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
      throw invalidValue("ledger.customerBlank", { where: idWhere(), amount: quoteCell(amount) });
    if (typeof amount !== "number" && amount !== null) {
      // Dates, text and logical values are not amounts.
      throw invalidValue("ledger.amountNotNumber", {
        where: amountWhere(),
        value: quoteCell(amount),
      });
    }
    if (amount !== null && !Number.isFinite(amount))
      throw invalidValue("cell.notFinite", { where: amountWhere(), value: quoteCell(amount) });

    // Date serials, the common case, take the short way: a day met before has its month.
    let day = typeof date === "number" ? Math.floor(date) : dayOfCell(date, dayByText);
    let month = day === undefined ? undefined : monthBySerialDay.get(day);
    if (month === undefined && day !== undefined) {
      if (typeof date === "number" && !isDateSerial(date)) day = undefined;
      else {
        month = periodIndex(readDate(day) as string, "month");
        monthBySerialDay.set(day, month);
      }
    }
    if (day === undefined || month === undefined) {
      throw invalidValue("ledger.notDate", { where: dateWhere(), value: quoteCell(date) });
    }

    const customer = customerIndex.indexOf(
      id instanceof Date ? (readDate(id) ?? String(id)) : (id as LookupValue)
    );
    if (customer === firstEntryRow.length) firstEntryRow.push(r + idHeader);
    customerOf[kept] = customer;
    periodOf[kept] = periodOfMonth(month, unit);
    values[kept] = amount ?? 0;
    dayOf[kept] = day;
    monthOf[kept] = month;
    rowOf[kept] = r + idHeader;
    kept++;
  }
  return {
    customers: customerIndex.values,
    firstEntryRow,
    selectedRows: ids.rows,
    idHeaderRows: idHeader,
    customerOf: customerOf.subarray(0, kept),
    periodOf: periodOf.subarray(0, kept),
    amounts: values.subarray(0, kept),
    unit,
    dayOf: dayOf.subarray(0, kept),
    monthOf: monthOf.subarray(0, kept),
    rowOf: rowOf.subarray(0, kept),
  };
}

/**
 * The day (date serial, time of day dropped) a plain cell holds as a date: a serial, ISO text
 * (converted once per distinct text through `byText`) or a Date; undefined for anything else.
 *
 * @example dayOfCell("2024-01-01", new Map()) === 45292; dayOfCell(45292.75, new Map()) === 45292
 */
export function dayOfCell(cell: PlainCell, byText?: Map<string, number>): number | undefined {
  if (typeof cell === "number") return isDateSerial(cell) ? Math.floor(cell) : undefined;
  if (typeof cell === "string") {
    const known = byText?.get(cell);
    if (known !== undefined) return known;
    if (parseIsoDate(cell) === null) return undefined;
    const day = isoDateToSerial(readDate(cell) as string);
    byText?.set(cell, day);
    return day;
  }
  if (cell instanceof Date) {
    const iso = readDate(cell);
    return iso === null ? undefined : isoDateToSerial(iso);
  }
  return undefined;
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
  if (amounts.length === 0) throw invalidValue("ledger.empty");
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < periodOf.length; i++) {
    const period = periodOf[i] as number;
    if (period < first) first = period;
    if (period > last) last = period;
  }
  const periods = last - first + 1;
  refuseTooLargeMatrix(customers.length, periods, periods * customers.length, unit);
  // Amounts of one customer in one period add up as money (money.ts): a charge and the credits
  // that cancel it give exactly 0.
  const cells = new MoneyCells(customers.length * periods);
  for (let i = 0; i < amounts.length; i++) {
    const cell = (customerOf[i] as number) * periods + ((periodOf[i] as number) - first);
    cells.add(cell, amounts[i] as number);
  }
  const header: (string | number)[] = [MATRIX_CORNER];
  for (let p = 0; p < periods; p++) header.push(periodStartFromIndex(first + p, unit));
  const table: ResultTable = [header];
  for (let c = 0; c < customers.length; c++) {
    const row: ResultCell[] = [customers[c] as LookupValue];
    for (let p = 0; p < periods; p++) {
      const cell = c * periods + p;
      row.push(
        checkedTotal(cells.total(cell), customers[c] as LookupValue, unit, header[p + 1] as string)
      );
    }
    table.push(row);
  }
  return table;
}

/**
 * A customer's total in a period, as money already: an error when it is too large to hold
 * (#NUM!) or below 0 (credits beyond the charges), naming the customer and the period.
 */
export function checkedTotal(
  total: number,
  customer: LookupValue,
  unit: PeriodUnit,
  start: string
): number {
  const params = { customer: { label: customer }, unit: { term: unit }, start };
  if (!Number.isFinite(total)) throw new MetricError("num", "ledger.overflow", params);
  if (total < 0) throw invalidValue("ledger.negativeTotal", { ...params, total });
  return total + 0;
}

/** The text at the top of the spill of SAAS.MRRMATRIX.SEGMENTS when `segments` had no header. */
export const MATRIX_SEGMENTS_HEADER = "segment";

/**
 * The segment of each customer of a ledger's matrix: the label on the customer's first ledger
 * line, in the matrix's rows (SAAS.MRRMATRIX.SEGMENTS). The spill starts with a header row, as
 * the matrix does, so that a column of the matrix and this spill, both selected from their first
 * row, line up customer for customer. One pass over the ledger and a lookup per customer: the
 * same customers, matched by the same rule (ids.ts), as the matrix has.
 *
 * @example lines (Acme, SMB), (Beta, Ent), (ACME, Ent) → [["segment"], ["SMB"], ["Ent"]]
 */
export function matrixSegments(ledger: Ledger, segments: unknown): ResultTable {
  const labels = readColumnCells(segments, "segments");
  if (labels.rows !== ledger.selectedRows) {
    throw invalidValue("ledger.segmentsRows", {
      segmentRows: labels.rows,
      customerRows: ledger.selectedRows,
    });
  }
  const header =
    ledger.idHeaderRows === 1
      ? plainCell(labels.cells[0], () => place("segments", 0, 0, labels.rows, 1))
      : null;
  const table: ResultTable = [
    [typeof header === "string" && header.trim() !== "" ? header.trim() : MATRIX_SEGMENTS_HEADER],
  ];
  for (const row of ledger.firstEntryRow) {
    const label = plainCell(labels.cells[row], () => place("segments", row, 0, labels.rows, 1));
    if (label instanceof Date) table.push([readDate(label) ?? ""]);
    else if (typeof label === "number" && !Number.isFinite(label)) {
      throw invalidValue("cell.notSegment", {
        where: place("segments", row, 0, labels.rows, 1),
        value: quoteCell(label),
      });
    } else table.push([label === null ? "" : shownId(label)]);
  }
  return table;
}
