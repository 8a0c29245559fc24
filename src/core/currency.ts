/**
 * Currencies (shared/spec/metrics.md, "From billing lines to MRR", Currencies): SAAS.FX.CONVERT converts
 * each amount into the reporting currency at its currency's rate in force on its date (the
 * service-period start), the latest rate on or before that date, as ChartMogul does; or, for a
 * constant-currency figure, every amount at the rates in force on one date (`as_of`).
 *
 * A rate is in reporting-currency units per unit of the currency (EUR at 1.08 in a USD report).
 * A blank currency, or one whose rates are all 1, is the reporting currency. Currency codes
 * compare as ids do (ids.ts): " eur " is EUR.
 */
import {
  type PlainCell,
  isOmitted,
  place,
  plainCell,
  quoteCell,
  readColumnCells,
  readSingleValue,
  toGrid,
} from "./coerce";
import { readDate } from "./dates";
import { MetricError, invalidValue } from "./errors";
import { type IdIndex, type LookupValue, idIndex } from "./ids";
import { amountHeaderRows, dateHeaderRows, dayOfCell } from "./ledger";
import type { ResultCell, ResultTable } from "./segments";

/** The rates of each currency, sorted by day once, for a binary search per amount. */
export interface RateTable {
  readonly currencies: IdIndex;
  /** Per currency: the days of its rates, ascending, and the rate of each. */
  readonly days: readonly Int32Array[];
  readonly rates: readonly Float64Array[];
  /** Per currency: every rate is 1, so it is the reporting currency whatever the date. */
  readonly reporting: readonly boolean[];
}

function isBlank(cell: PlainCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A currency code as ids compare it: text, a number (ISO 4217's numeric codes), a date as text. */
function currencyLabel(cell: PlainCell): LookupValue {
  return cell instanceof Date ? (readDate(cell) ?? String(cell)) : (cell as LookupValue);
}

/**
 * `rates`: three columns, currency, date and rate, with or without a header row (text in the
 * first row's date or rate cell). Empty rows are skipped; a rate is a number above 0; two
 * different rates for one currency on one day are refused, naming both cells.
 *
 * @example rows ("EUR", 2024-01-01, 1.10), ("eur", 2023-12-01, 1.08) → EUR: days [45261, 45292],
 *   rates [1.08, 1.10]
 */
export function readRateTable(arg: unknown): RateTable {
  const grid = toGrid(arg, "rates");
  const total = grid.length;
  const columns = grid[0]?.length ?? 0;
  if (total === 0 || columns === 0)
    throw invalidValue("rates.none", { argument: { argument: "rates" } });
  if (columns !== 3) {
    throw invalidValue("fx.ratesShape", { shape: { shape: { rows: total, columns } } });
  }
  const first = grid[0] ?? [];
  const rateHeader = amountHeaderRows([first[2], null]) === 1;
  const dateHeader = dateHeaderRows([first[1], null]) === 1;
  const header = total > 1 && (rateHeader || dateHeader) ? 1 : 0;

  const currencies = idIndex();
  const entries: { day: number; rate: number; row: number }[][] = [];
  const byText = new Map<string, number>();
  for (let r = header; r < total; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== 3) {
      throw invalidValue("range.ragged", { where: place("rates", r, 0, r + 1, 1) });
    }
    const at = (c: number) => () => place("rates", r, c, total, 3);
    const currency = plainCell(row[0], at(0));
    const date = plainCell(row[1], at(1));
    const rate = plainCell(row[2], at(2));
    if (isBlank(currency) && isBlank(date) && isBlank(rate)) continue;
    if (isBlank(currency)) {
      throw invalidValue("fx.rateCurrencyBlank", { where: at(0)(), rate: quoteCell(rate) });
    }
    const day = dayOfCell(date, byText);
    if (day === undefined) {
      throw invalidValue("ledger.notDate", { where: at(1)(), value: quoteCell(date) });
    }
    if (!(typeof rate === "number" && rate > 0 && rate <= Number.MAX_VALUE)) {
      throw invalidValue("fx.rateNotPositive", { where: at(2)(), value: quoteCell(rate) });
    }
    const c = currencies.indexOf(currencyLabel(currency));
    if (c === entries.length) entries.push([]);
    (entries[c] as { day: number; rate: number; row: number }[]).push({ day, rate, row: r });
  }
  if (entries.length === 0) throw invalidValue("rates.none", { argument: { argument: "rates" } });

  const days: Int32Array[] = [];
  const rates: Float64Array[] = [];
  const reporting: boolean[] = [];
  entries.forEach((list, c) => {
    list.sort((a, b) => a.day - b.day || a.row - b.row);
    const kept = list.filter((entry, k) => {
      const before = list[k - 1];
      if (before === undefined || before.day !== entry.day) return true;
      if (before.rate === entry.rate) return false; // the same rate twice: one rate
      throw invalidValue("fx.rateConflict", {
        currency: { label: currencies.values[c] as LookupValue },
        date: readDate(entry.day) as string,
        first: before.rate,
        second: entry.rate,
        firstWhere: place("rates", before.row, 2, total, 3),
        secondWhere: place("rates", entry.row, 2, total, 3),
      });
    });
    days.push(Int32Array.from(kept, (entry) => entry.day));
    rates.push(Float64Array.from(kept, (entry) => entry.rate));
    reporting.push(kept.every((entry) => entry.rate === 1));
  });
  return { currencies, days, rates, reporting };
}

/**
 * The index of the last of `days` (ascending) on or before `day`, or -1.
 *
 * @example latestOnOrBefore(Int32Array.of(10, 20, 30), 25) === 1
 */
export function latestOnOrBefore(days: Int32Array, day: number): number {
  let low = 0;
  let high = days.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((days[middle] as number) <= day) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** A column argument aligned with the amounts, or one value for all of them. */
interface Aligned {
  readonly cells: readonly unknown[];
  /** Rows skipped at the top (a header), or -1 for one value for all. */
  readonly offset: number;
}

/**
 * SAAS.FX.CONVERT: the amounts in the reporting currency, in the amounts' shape (a header row kept as it
 * was, so the spill lines up with the ledger row for row; a blank amount stays blank). Each
 * amount is multiplied by its currency's latest rate on or before its date, or on `asOf`.
 * A currency without such a rate is #N/A naming the amount, the currency and the date.
 *
 * @example amounts [100, 50], currencies ["EUR", ""], dates [2024-02-10, 2024-02-10], rates
 *   EUR 2024-01-01 1.10, EUR 2024-02-01 1.08 → [[108], [50]]
 */
export function convertCurrencies(
  amounts: unknown,
  currencies: unknown,
  dates: unknown,
  rates: unknown,
  asOf: unknown
): ResultTable {
  const how = readColumnCells(amounts, "amounts");
  const which = readColumnCells(currencies, "currencies");
  const when = readColumnCells(dates, "dates");
  const amountHeader = amountHeaderRows(how.cells);
  const dateHeader = dateHeaderRows(when.cells);
  const rows = how.rows - amountHeader;
  if (rows <= 0) throw invalidValue("fx.noAmounts");
  const rowsError = () =>
    invalidValue("fx.rows", {
      amountRows: how.rows,
      currencyRows: which.rows,
      dateRows: when.rows,
    });
  // Dates drop their own header, as amounts do; currencies, whose codes may be any text, drop
  // their first row only when a data range dropped its header (an off-by-one selection otherwise).
  const dataHeader = amountHeader === 1 || dateHeader === 1;
  let currencyOffset: number;
  if (which.rows === rows) currencyOffset = 0;
  else if (which.rows === rows + 1) {
    if (!dataHeader) {
      throw invalidValue("fx.currenciesOffByOne", {
        currencyRows: which.rows,
        amountRows: how.rows,
      });
    }
    currencyOffset = 1;
  } else if (which.rows === 1) currencyOffset = -1;
  else throw rowsError();
  let dateOffset: number;
  if (when.rows - dateHeader === rows) dateOffset = dateHeader;
  else if (when.rows === 1) dateOffset = -1;
  else throw rowsError();
  const currencyColumn: Aligned = { cells: which.cells, offset: currencyOffset };
  const dateColumn: Aligned = { cells: when.cells, offset: dateOffset };

  // Every line read first, so a problem in amounts, currencies or dates is reported before one
  // in rates or as_of (argument order).
  const values = new Float64Array(rows);
  const blank = new Uint8Array(rows);
  const dayOf = new Int32Array(rows);
  const currencyOf = new Int32Array(rows); // -1: the reporting currency
  const lineCurrencies = idIndex();
  const dayByText = new Map<string, number>();
  const lineCell = (column: Aligned, argument: string, total: number, r: number) => {
    const row = column.offset < 0 ? 0 : r + column.offset;
    const where = () => (column.offset < 0 ? { argument } : place(argument, row, 0, total, 1));
    return { cell: plainCell(column.cells[row], where), where };
  };
  for (let r = 0; r < rows; r++) {
    const amountWhere = () => place("amounts", r + amountHeader, 0, how.rows, 1);
    const amount = plainCell(how.cells[r + amountHeader], amountWhere);
    if (amount === null || (typeof amount === "string" && amount.trim() === "")) {
      blank[r] = 1;
      continue;
    }
    if (typeof amount !== "number") {
      throw invalidValue("ledger.amountNotNumber", {
        where: amountWhere(),
        value: quoteCell(amount),
      });
    }
    if (!Number.isFinite(amount)) {
      throw invalidValue("cell.notFinite", { where: amountWhere(), value: quoteCell(amount) });
    }
    values[r] = amount;
    const currency = lineCell(currencyColumn, "currencies", which.rows, r).cell;
    currencyOf[r] = isBlank(currency) ? -1 : lineCurrencies.indexOf(currencyLabel(currency));
    const date = lineCell(dateColumn, "dates", when.rows, r);
    const day = dayOfCell(date.cell, dayByText);
    if (day === undefined) {
      throw invalidValue("ledger.notDate", { where: date.where(), value: quoteCell(date.cell) });
    }
    dayOf[r] = day;
  }

  const table = readRateTable(rates);
  let asOfDay: number | undefined;
  if (!isOmitted(asOf)) {
    const where = () => ({ argument: "as_of" });
    const cell = plainCell(readSingleValue(asOf, "as_of"), where);
    asOfDay = dayOfCell(cell);
    if (asOfDay === undefined) {
      throw invalidValue("ledger.notDate", { where: where(), value: quoteCell(cell) });
    }
  }
  // Each currency of the amounts matched once against the rates.
  const rateIndexOf = lineCurrencies.values.map((label) => table.currencies.find(label));

  const converted: ResultCell[] = [];
  if (amountHeader === 1) converted.push(String(how.cells[0]));
  for (let r = 0; r < rows; r++) {
    if (blank[r] === 1) {
      converted.push("");
      continue;
    }
    const amount = values[r] as number;
    const line = currencyOf[r] as number;
    if (line < 0) {
      converted.push(amount);
      continue;
    }
    const day = asOfDay ?? (dayOf[r] as number);
    // An unknown currency has no rate on or before any date.
    const c = rateIndexOf[line] as number;
    if (c >= 0 && table.reporting[c] === true) {
      converted.push(amount);
      continue;
    }
    const k = c < 0 ? -1 : latestOnOrBefore(table.days[c] as Int32Array, day);
    if (k < 0) {
      throw new MetricError("na", "fx.noRate", {
        where: place("amounts", r + amountHeader, 0, how.rows, 1),
        currency: { label: lineCurrencies.values[line] as LookupValue },
        date: readDate(day) as string,
      });
    }
    const value = amount * ((table.rates[c] as Float64Array)[k] as number);
    if (!Number.isFinite(value)) throw new MetricError("num", "num.resultTooLarge");
    converted.push(value + 0);
  }
  const asRow = Array.isArray(amounts) && amounts.length === 1 && how.rows > 1;
  return asRow ? [converted] : converted.map((value) => [value]);
}
