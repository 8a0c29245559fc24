/**
 * A billing ledger: a date column, an amount column and a customer column, one row per charge,
 * the rest read as segments where they fit. A billing export adds what each line pays for (a
 * service period's end, or an interval word) and its currency.
 */
import { type MessageParam, isBlankLooking, readDate } from "../../core";
import { type ColumnStats, customerColumn, segmentColumns } from "./columns";
import { type RowSplit, excludeLastAsTotals, isSumOfRowsAbove } from "./rows";
import { type SheetView, shorten, textOf } from "./sheetView";
import { type LayoutNote, type LedgerLayout, nested, note } from "./types";
import {
  AMOUNT_WORDS,
  COMMON_CURRENCIES,
  CURRENCY_WORDS,
  DATE_WORDS,
  NOT_REVENUE_WORDS,
  PERIOD_END_WORDS,
  PERIOD_START_WORDS,
} from "./words";

/** The words SAAS.MRRMATRIX's `covers` takes for an interval. */
const INTERVALS = new Set(["week", "month", "quarter", "year"]);

export type LedgerColumns =
  | {
      readonly kind: "found";
      readonly customer: ColumnStats;
      readonly date: ColumnStats;
      readonly amount: ColumnStats;
      /** What each line pays for: a period end (dates) or an interval (words); null when none. */
      readonly covers: ColumnStats | null;
      readonly currency: ColumnStats | null;
      readonly notes: LayoutNote[];
    }
  | {
      readonly kind: "missing";
      readonly missing:
        "note.missing.dateColumn" | "note.missing.amountColumn" | "note.missing.customerColumn";
    };

/**
 * A date column (mostly dates; a header such as Date or Month first, then real date text over
 * numbers that merely look like serials), an amount column (mostly numbers; a header such as
 * Amount or MRR first) and a customer column.
 */
export function ledgerColumns(
  sheet: SheetView,
  columns: readonly ColumnStats[],
  rowCount: number
): LedgerColumns {
  const filled = (column: ColumnStats) => column.nonBlank > 0 && column.nonBlank >= 0.5 * rowCount;
  const dateCandidates = columns.filter(
    (column) => filled(column) && column.dates >= 0.8 * column.nonBlank
  );
  const amountCandidates = columns.filter(
    (column) => filled(column) && column.numbers >= 0.8 * column.nonBlank
  );
  const notes: LayoutNote[] = [];

  // A service period's start is the line's date (its month is the first it pays for); its end
  // is not a date to group by.
  const isEnd = (column: ColumnStats) =>
    PERIOD_END_WORDS.test(column.headerText) && !PERIOD_START_WORDS.test(column.headerText);
  const date = pickBy(dateCandidates, [
    (column) => PERIOD_START_WORDS.test(column.headerText),
    (column) =>
      DATE_WORDS.test(column.headerText) && !AMOUNT_WORDS.test(column.headerText) && !isEnd(column),
    (column) => column.typedDates > 0 && !isEnd(column),
    (column) => !AMOUNT_WORDS.test(column.headerText) && !isEnd(column),
  ]);
  if (date === null) return { kind: "missing", missing: "note.missing.dateColumn" };
  const amount = pickBy(
    amountCandidates.filter((column) => column.column !== date.column),
    [
      (column) =>
        AMOUNT_WORDS.test(column.headerText) && !NOT_REVENUE_WORDS.test(column.headerText),
      (column) => AMOUNT_WORDS.test(column.headerText),
      (column) => !DATE_WORDS.test(column.headerText),
    ]
  );
  if (amount === null) return { kind: "missing", missing: "note.missing.amountColumn" };
  if (
    date.typedDates === 0 &&
    !DATE_WORDS.test(date.headerText) &&
    amount.dates >= 0.8 * amount.nonBlank
  ) {
    notes.push(
      note("note.ambiguousDates", {
        date: sheet.columnParam(date.column, date.headerText),
        amount: sheet.columnParam(amount.column, amount.headerText),
      })
    );
  }
  const currency = currencyColumn(columns, new Set([date.column, amount.column]));
  const covers = coversColumn(sheet, columns, date, new Set([amount.column, currency?.column]));
  const taken = new Set([date.column, amount.column]);
  for (const column of [currency, covers]) if (column !== null) taken.add(column.column);
  const customer = customerColumn(columns, taken, rowCount);
  if (customer === null) return { kind: "missing", missing: "note.missing.customerColumn" };
  return { kind: "found", customer, date, amount, covers, currency, notes };
}

/**
 * The column of currency codes: three-letter codes throughout, a header saying Currency or
 * codes people know (USD, EUR…) — a plan called "pro" is not a currency.
 */
function currencyColumn(
  columns: readonly ColumnStats[],
  taken: ReadonlySet<number>
): ColumnStats | null {
  const codes = (column: ColumnStats) =>
    column.nonBlank > 0 &&
    column.texts === column.nonBlank &&
    column.distinct.size <= 30 &&
    [...column.distinct].every((code) => /^[a-z]{3}$/.test(code));
  return (
    columns.find(
      (column) =>
        !taken.has(column.column) &&
        codes(column) &&
        (CURRENCY_WORDS.test(column.headerText) ||
          [...column.distinct].some((code) => COMMON_CURRENCIES.has(code)))
    ) ?? null
  );
}

/**
 * What each line pays for, as SAAS.MRRMATRIX's `covers` reads it: a column of period ends (dates
 * under an end header, or dates on or after the line's date on every row), else a column of
 * interval words (week, month, quarter, year).
 */
function coversColumn(
  sheet: SheetView,
  columns: readonly ColumnStats[],
  date: ColumnStats,
  taken: ReadonlySet<number | undefined>
): ColumnStats | null {
  const others = columns.filter(
    (column) => column.column !== date.column && !taken.has(column.column) && column.nonBlank > 0
  );
  const dates = others.filter((column) => column.dates >= 0.8 * column.nonBlank);
  const named = dates.find(
    (column) =>
      PERIOD_END_WORDS.test(column.headerText) && !PERIOD_START_WORDS.test(column.headerText)
  );
  if (named) return named;
  const after = dates.find((column) => endsAfter(sheet, date.column, column.column));
  if (after && PERIOD_START_WORDS.test(date.headerText)) return after;
  return (
    others.find(
      (column) =>
        column.texts === column.nonBlank &&
        [...column.distinct].every((word) => INTERVALS.has(word))
    ) ?? null
  );
}

/** Whether every row's date in `end` is on or after its date in `start` (and some later). */
function endsAfter(sheet: SheetView, start: number, end: number): boolean {
  let later = 0;
  for (let r = 0; r < sheet.rowCount; r++) {
    const from = readDate(sheet.cell(r, start));
    const to = readDate(sheet.cell(r, end));
    if (from === null || to === null) continue;
    if (to < from) return false;
    if (to > from) later++;
  }
  return later > 0;
}

/** The leftmost candidate passing the first test that any passes; else the leftmost. */
function pickBy(
  candidates: readonly ColumnStats[],
  preferences: readonly ((column: ColumnStats) => boolean)[]
): ColumnStats | null {
  for (const prefer of preferences) {
    const found = candidates.find(prefer);
    if (found) return found;
  }
  return candidates[0] ?? null;
}

export function ledgerLayout(
  sheet: SheetView,
  headerRow: number,
  split: RowSplit,
  columns: readonly ColumnStats[],
  found: Extract<LedgerColumns, { kind: "found" }>
): LedgerLayout {
  const { customer, date, amount, covers, currency } = found;
  let rows = split;
  if (
    isSumOfRowsAbove(sheet, rows.dataRows, [amount.column]) &&
    lastRowLacksEntry(sheet, rows.dataRows, customer.column, date.column)
  ) {
    rows = excludeLastAsTotals(sheet, rows, "note.ledgerTotalsRow");
  }
  const notes = [...found.notes, ...rows.notes];

  let previous: string | null = null;
  let outOfOrder: number | null = null;
  const notDates: MessageParam[] = [];
  for (const r of rows.dataRows) {
    const cell = sheet.cell(r, date.column);
    const iso = readDate(cell);
    if (iso === null) {
      if (!isBlankLooking(cell)) notDates.push(rowText(sheet, r, cell));
      continue;
    }
    if (previous !== null && iso < previous && outOfOrder === null) outOfOrder = r;
    previous = iso;
  }
  if (outOfOrder !== null) {
    notes.push(note("note.datesOutOfOrder", { row: sheet.rowNumber(outOfOrder) }));
  }
  if (notDates.length > 0) {
    notes.push(
      note("note.notDates", {
        column: sheet.columnParam(date.column, date.headerText),
        cells: { list: notDates, limit: 3 },
      })
    );
  }
  const notAmounts = rows.dataRows
    .filter(
      (r) =>
        typeof sheet.cell(r, amount.column) === "string" &&
        !isBlankLooking(sheet.cell(r, amount.column))
    )
    .map((r) => rowText(sheet, r, sheet.cell(r, amount.column)));
  if (notAmounts.length > 0) {
    notes.push(
      note("note.notAmounts", {
        column: sheet.columnParam(amount.column, amount.headerText),
        cells: { list: notAmounts, limit: 3 },
      })
    );
  }

  const taken = new Set([customer.column, date.column, amount.column]);
  for (const column of [covers, currency]) if (column !== null) taken.add(column.column);
  const currencies =
    currency === null ? [] : [...currency.distinct].map((code) => code.toUpperCase());
  return {
    kind: "ledger",
    headerRow,
    customerColumn: customer.column,
    dateColumn: date.column,
    amountColumn: amount.column,
    coversColumn: covers?.column ?? null,
    currencyColumn: currency?.column ?? null,
    currencies: currencies.sort(),
    segmentColumns: segmentColumns(columns, taken, rows.dataRows.length),
    dataRows: rows.dataRows,
    excludedRows: rows.excludedRows,
    notes,
  };
}

function lastRowLacksEntry(
  sheet: SheetView,
  dataRows: readonly number[],
  customerColumn: number,
  dateColumn: number
): boolean {
  const last = dataRows[dataRows.length - 1];
  if (last === undefined) return false;
  return (
    isBlankLooking(sheet.cell(last, customerColumn)) ||
    readDate(sheet.cell(last, dateColumn)) === null
  );
}

/** "row 7: "soon"": a cell named in a list of cells that are not what their column holds. */
function rowText(sheet: SheetView, row: number, cell: unknown): MessageParam {
  return nested("note.item.rowText", {
    row: sheet.rowNumber(row),
    text: { quoted: shorten(textOf(cell)) },
  });
}
