/**
 * A customers × periods grid: period columns in date order (duplicates, gaps and fiscal labels
 * noted), the customer column, segments, and the rows and columns left out.
 */
import {
  type MessageParam,
  type PeriodUnit,
  isBlankLooking,
  periodIndex,
  periodStartFromIndex,
} from "../../core";
import { columnStats, customerColumn, segmentColumns } from "./columns";
import type { HeaderPeriods } from "./header";
import { excludeLastAsTotals, isSumOfRowsAbove, splitRows } from "./rows";
import { type SheetView, shorten, textOf } from "./sheetView";
import { type GridLayout, type LayoutNote, type PeriodColumn, nested, note } from "./types";

export function gridLayout(
  sheet: SheetView,
  headerRow: number,
  periods: HeaderPeriods
): GridLayout {
  const notes: LayoutNote[] = [];
  const { unit } = periods;

  // Two columns for one period: the first is used, the others named.
  const seen = new Map<string, PeriodColumn>();
  for (const period of periods.columns) {
    const earlier = seen.get(period.periodStart);
    if (earlier === undefined) {
      seen.set(period.periodStart, period);
    } else {
      notes.push(
        note("note.duplicatePeriod", {
          first: sheet.columnLetters(earlier.column),
          second: sheet.columnLetters(period.column),
          period: { period: { start: period.periodStart, unit } },
        })
      );
    }
  }
  const inSheetOrder = [...seen.values()];
  const periodColumns = [...inSheetOrder].sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0
  );
  if (inSheetOrder.some((period, i) => period !== periodColumns[i])) {
    notes.push(note("note.periodsOutOfOrder"));
  }
  const missing = missingPeriods(periodColumns, unit);
  if (missing.length > 0) {
    notes.push(
      note("note.periodsMissing", {
        periods: { list: missing.map((start) => ({ period: { start, unit } })), limit: 5 },
      })
    );
  }
  if (periods.fiscal) {
    notes.push(note("note.fiscalYears"));
  }

  const periodSet = new Set(periodColumns.map((period) => period.column));
  const allPeriodColumns = periods.columns.map((period) => period.column);
  let rows = splitRows(sheet, headerRow, allPeriodColumns);
  const columns = columnStats(sheet, headerRow, rows.dataRows);
  const taken = new Set(allPeriodColumns);
  const customer = customerColumn(columns, taken, rows.dataRows.length);
  if (customer !== null) taken.add(customer.column);

  if (isSumOfRowsAbove(sheet, rows.dataRows, [...periodSet])) {
    rows = excludeLastAsTotals(sheet, rows, "note.sumOfRowsAbove");
  }

  // Rows with amounts but no customer name are left out rather than guessed at.
  let dataRows = rows.dataRows;
  const excludedRows = [...rows.excludedRows];
  notes.push(...rows.notes);
  if (customer !== null) {
    const unnamed = dataRows.filter((r) => isBlankLooking(sheet.cell(r, customer.column)));
    if (unnamed.length > 0) {
      dataRows = dataRows.filter((r) => !isBlankLooking(sheet.cell(r, customer.column)));
      for (const r of unnamed) excludedRows.push({ row: r, reason: "no customer" });
      excludedRows.sort((a, b) => a.row - b.row);
      notes.push(
        note("note.rowsWithoutCustomer", {
          count: unnamed.length,
          rows: { list: unnamed.map((r) => sheet.rowNumber(r)), limit: 5 },
        })
      );
    }
    const repeated = repeatedValues(sheet, dataRows, customer.column);
    if (repeated.length > 0) {
      notes.push(
        note("note.repeatedCustomers", {
          count: repeated.length,
          names: { list: repeated.map((name) => ({ quoted: shorten(name) })), limit: 5 },
        })
      );
    }
  } else {
    notes.push(note("note.noCustomerColumn"));
  }

  const textInPeriods = textCellsIn(sheet, dataRows, periodColumns);
  if (textInPeriods.length > 0) {
    notes.push(note("note.textInPeriods", { cells: { list: textInPeriods, limit: 3 } }));
  }
  const segments = segmentColumns(columns, taken, dataRows.length);
  for (const s of segments) taken.add(s.column);
  const ignored = columns.filter(
    (column) => !taken.has(column.column) && !periodSet.has(column.column) && column.nonBlank > 0
  );
  if (ignored.length > 0) {
    notes.push(
      note("note.unusedColumns", {
        count: ignored.length,
        columns: {
          list: ignored.map((column) => sheet.columnParam(column.column, column.headerText)),
          limit: 5,
        },
      })
    );
  }

  return {
    kind: "grid",
    headerRow,
    customerColumn: customer?.column ?? null,
    period: unit,
    periodColumns,
    segmentColumns: segments,
    dataRows,
    excludedRows,
    notes,
  };
}

function missingPeriods(sorted: readonly PeriodColumn[], unit: PeriodUnit): string[] {
  const missing: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = periodIndex(sorted[i - 1]?.periodStart ?? "", unit);
    const current = periodIndex(sorted[i]?.periodStart ?? "", unit);
    for (let index = previous + 1; index < current && missing.length < 100; index++) {
      missing.push(periodStartFromIndex(index, unit));
    }
  }
  return missing;
}

function repeatedValues(sheet: SheetView, rows: readonly number[], column: number): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of rows) {
    const name = textOf(sheet.cell(r, column));
    const key = name.toLowerCase();
    if (seen.has(key)) repeated.add(name);
    seen.add(key);
  }
  return [...repeated];
}

function textCellsIn(
  sheet: SheetView,
  rows: readonly number[],
  periods: readonly PeriodColumn[]
): MessageParam[] {
  const found: MessageParam[] = [];
  for (const r of rows) {
    for (const period of periods) {
      const cell = sheet.cell(r, period.column);
      if (typeof cell === "string" && !isBlankLooking(cell)) {
        found.push(
          nested("note.item.periodCellText", {
            row: sheet.rowNumber(r),
            period: period.label,
            text: { quoted: shorten(cell) },
          })
        );
      }
    }
  }
  return found;
}
