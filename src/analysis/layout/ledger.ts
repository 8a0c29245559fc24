/**
 * A billing ledger: a date column, an amount column and a customer column, one row per charge,
 * the rest read as segments where they fit.
 */
import { type MessageParam, isBlankLooking, readDate } from "../../core";
import { type ColumnStats, customerColumn, segmentColumns } from "./columns";
import { type RowSplit, excludeLastAsTotals, isSumOfRowsAbove } from "./rows";
import { type SheetView, shorten, textOf } from "./sheetView";
import { type LayoutNote, type LedgerLayout, nested, note } from "./types";
import { AMOUNT_WORDS, DATE_WORDS } from "./words";

export type LedgerColumns =
  | {
      readonly kind: "found";
      readonly customer: ColumnStats;
      readonly date: ColumnStats;
      readonly amount: ColumnStats;
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

  const date = pickBy(dateCandidates, [
    (column) => DATE_WORDS.test(column.headerText) && !AMOUNT_WORDS.test(column.headerText),
    (column) => column.typedDates > 0,
    (column) => !AMOUNT_WORDS.test(column.headerText),
  ]);
  if (date === null) return { kind: "missing", missing: "note.missing.dateColumn" };
  const amount = pickBy(
    amountCandidates.filter((column) => column.column !== date.column),
    [
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
  const taken = new Set([date.column, amount.column]);
  const customer = customerColumn(columns, taken, rowCount);
  if (customer === null) return { kind: "missing", missing: "note.missing.customerColumn" };
  return { kind: "found", customer, date, amount, notes };
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
  const { customer, date, amount } = found;
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
  return {
    kind: "ledger",
    headerRow,
    customerColumn: customer.column,
    dateColumn: date.column,
    amountColumn: amount.column,
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
