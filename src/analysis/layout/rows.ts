/**
 * The rows below the header: data rows, blank rows between them, and totals or summary rows,
 * left out and named in a note (a total counted as a customer would be a plausible wrong number).
 */
import { isBlankLooking } from "../../core";
import { type SheetView, shorten } from "./sheetView";
import { type ExcludedRow, type LayoutNote, note } from "./types";
import { SUMMARY_LABEL } from "./words";

export interface RowSplit {
  /** Non-blank rows below the header that are not summary rows. */
  readonly dataRows: number[];
  readonly excludedRows: ExcludedRow[];
  readonly notes: LayoutNote[];
}

/**
 * Splits the rows below the header into data rows, blank rows between them (left out, noted) and
 * rows labelled as totals or summaries (left out, noted). Blank rows after the last data row are
 * the end of the selection, not a gap, and are not listed. `skipColumns` are period columns,
 * whose header text does not label a row.
 */
export function splitRows(
  sheet: SheetView,
  headerRow: number,
  skipColumns: readonly number[]
): RowSplit {
  const skip = new Set(skipColumns);
  const dataRows: number[] = [];
  const blankRows: number[] = [];
  const excludedRows: ExcludedRow[] = [];
  const notes: LayoutNote[] = [];
  for (let r = headerRow + 1; r <= sheet.lastNonBlankRow; r++) {
    if (sheet.isBlankRow(r)) {
      blankRows.push(r);
      continue;
    }
    const label = summaryLabel(sheet, r, skip);
    if (label !== null) {
      excludedRows.push({ row: r, reason: "totals" });
      notes.push(
        note("note.totalsRow", { row: sheet.rowNumber(r), label: { quoted: shorten(label) } })
      );
      continue;
    }
    dataRows.push(r);
  }
  // Blank rows before the first data row (between header and data) are gaps as well.
  for (const r of blankRows) excludedRows.push({ row: r, reason: "blank" });
  if (blankRows.length > 0) {
    notes.push(
      note("note.blankRows", {
        count: blankRows.length,
        rows: { list: blankRows.map((r) => sheet.rowNumber(r)), limit: 5 },
      })
    );
  }
  excludedRows.sort((a, b) => a.row - b.row);
  return { dataRows, excludedRows, notes };
}

/** The text labelling a row as a summary ("Total", "Grand total", "Average"), if any. */
function summaryLabel(sheet: SheetView, row: number, skip: ReadonlySet<number>): string | null {
  let texts = 0;
  for (let c = 0; c < sheet.columnCount && texts < 2; c++) {
    const cell = sheet.cell(row, c);
    if (skip.has(c) || typeof cell !== "string" || isBlankLooking(cell)) continue;
    texts++;
    if (SUMMARY_LABEL.test(cell.trim())) return cell.trim();
  }
  return null;
}

/**
 * True when the last data row holds, in every given column, the sum of the data rows above it,
 * and at least two rows above contribute (so a single customer cannot look like a total).
 */
export function isSumOfRowsAbove(
  sheet: SheetView,
  dataRows: readonly number[],
  columns: readonly number[]
): boolean {
  const last = dataRows[dataRows.length - 1];
  if (last === undefined || dataRows.length < 3 || columns.length === 0) return false;
  const contributing = new Set<number>();
  let anyNonZero = false;
  for (const c of columns) {
    const total = sheet.cell(last, c);
    if (typeof total !== "number") {
      if (!isBlankLooking(total)) return false;
    }
    let sum = 0;
    for (const r of dataRows) {
      if (r === last) continue;
      const value = sheet.cell(r, c);
      if (typeof value === "number" && value !== 0) {
        sum += value;
        contributing.add(r);
      }
    }
    const shown = typeof total === "number" ? total : 0;
    if (Math.abs(shown - sum) > 1e-9 * Math.max(1, Math.abs(sum)) + 1e-6) return false;
    if (sum !== 0) anyNonZero = true;
  }
  return anyNonZero && contributing.size >= 2;
}

export function excludeLastAsTotals(
  sheet: SheetView,
  rows: RowSplit,
  why: "note.sumOfRowsAbove" | "note.ledgerTotalsRow"
): RowSplit {
  const last = rows.dataRows[rows.dataRows.length - 1];
  if (last === undefined) return rows;
  const excludedRows = [...rows.excludedRows, { row: last, reason: "totals" as const }].sort(
    (a, b) => a.row - b.row
  );
  const notes = [...rows.notes, note(why, { row: sheet.rowNumber(last) })];
  return { dataRows: rows.dataRows.slice(0, -1), excludedRows, notes };
}
