/**
 * A billing ledger (one row per customer, date, amount) turned into the customers × periods
 * matrix every revenue function reads (SAAS.MRRMATRIX). Amounts of one customer in one period
 * are summed; periods are sorted and contiguous, a period without revenue is 0.
 */
import { type PlainCell, plainCell, place, quoteCell, readColumnCells } from "./coerce";
import {
  type PeriodUnit,
  isDateSerial,
  parseIsoDate,
  periodIndex,
  periodStartFromIndex,
  readDate,
} from "./dates";
import { MetricError, invalidValue } from "./errors";
import { type LookupValue, idIndex, shownId } from "./ids";
import { MATRIX_CORNER } from "./inputs";
import { SHEET_COLUMNS, SHEET_ROWS } from "./limits";
import { moneySum } from "./money";
import type { ResultCell, ResultTable } from "./segments";

/** The most cells a matrix may hold: a sheet's rows and columns both fit, but memory not. */
const MAX_CELLS = 20_000_000;

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
}

function isBlank(cell: PlainCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
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
  const amountHeader =
    how.rows > 1 && typeof how.cells[0] === "string" && !/^[\s\d.,$€£¥%()-]+$/.test(how.cells[0])
      ? 1
      : 0;
  const rows = how.rows - amountHeader;
  const firstDate = when.cells[0];
  const dateHeader =
    when.rows > 1 &&
    typeof firstDate === "string" &&
    firstDate.trim() !== "" &&
    readDate(firstDate) === null
      ? 1
      : 0;
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
  const customerIndex = idIndex();
  const firstEntryRow: number[] = [];
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
      throw invalidValue("ledger.notDate", { where: dateWhere(), value: quoteCell(date) });
    }

    const customer = customerIndex.indexOf(
      id instanceof Date ? (readDate(id) ?? String(id)) : (id as LookupValue)
    );
    if (customer === firstEntryRow.length) firstEntryRow.push(r + idHeader);
    customerOf[kept] = customer;
    periodOf[kept] = period;
    values[kept] = amount ?? 0;
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
  if (amounts.length === 0) throw invalidValue("ledger.empty");
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < periodOf.length; i++) {
    const period = periodOf[i] as number;
    if (period < first) first = period;
    if (period > last) last = period;
  }
  const periods = last - first + 1;
  if (
    periods + 1 > SHEET_COLUMNS ||
    customers.length + 1 > SHEET_ROWS ||
    periods * customers.length > MAX_CELLS
  ) {
    throw invalidValue("ledger.tooLarge", {
      customers: customers.length,
      periods,
      unit: { term: unit },
    });
  }
  // Amounts of one customer in one period add up as money (money.ts): with the largest term of
  // each cell kept, a charge and the credits that cancel it give exactly 0.
  const sums = new Float64Array(customers.length * periods);
  const largestTerm = new Float64Array(customers.length * periods);
  for (let i = 0; i < amounts.length; i++) {
    const cell = (customerOf[i] as number) * periods + ((periodOf[i] as number) - first);
    const amount = amounts[i] as number;
    sums[cell] = (sums[cell] as number) + amount;
    const size = Math.abs(amount);
    if (size > (largestTerm[cell] as number)) largestTerm[cell] = size;
  }
  const header: (string | number)[] = [MATRIX_CORNER];
  for (let p = 0; p < periods; p++) header.push(periodStartFromIndex(first + p, unit));
  const table: ResultTable = [header];
  for (let c = 0; c < customers.length; c++) {
    const row: ResultCell[] = [customers[c] as LookupValue];
    for (let p = 0; p < periods; p++) {
      const cell = c * periods + p;
      const total = moneySum(sums[cell] as number, largestTerm[cell] as number);
      if (!Number.isFinite(total)) {
        throw new MetricError("num", "ledger.overflow", {
          customer: { label: customers[c] as LookupValue },
          unit: { term: unit },
          start: header[p + 1] as string,
        });
      }
      if (total < 0) {
        throw invalidValue("ledger.negativeTotal", {
          customer: { label: customers[c] as LookupValue },
          total,
          unit: { term: unit },
          start: header[p + 1] as string,
        });
      }
      row.push(total + 0);
    }
    table.push(row);
  }
  return table;
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
