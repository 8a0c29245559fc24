/**
 * What each column holds, counted over the data rows, and the columns that read as customers
 * (names or ids) or as segments (a few repeated labels, or yes/no flags).
 */
import { isBlankLooking, readDate } from "../../core";
import { type SheetView, isYesNo, textOf } from "./sheetView";
import type { SegmentColumn } from "./types";
import {
  CUSTOMER_WORDS,
  DISTINCT_CAP,
  FIRST_HEADER_SERIAL,
  LAST_HEADER_SERIAL,
  SEGMENT_MAX_DISTINCT,
  SEGMENT_MAX_DISTINCT_SHARE,
} from "./words";

export interface ColumnStats {
  readonly column: number;
  /** The header text, "" when the header cell is blank. */
  readonly headerText: string;
  nonBlank: number;
  numbers: number;
  wholeNumbersZeroToTen: number;
  texts: number;
  yesNo: number;
  /** Cells that read as dates: ISO text, Date objects, or numbers in the 2000–2099 serial range. */
  dates: number;
  /** Dates that were text or Date objects, not numbers (no doubt about them). */
  typedDates: number;
  minNumber: number;
  maxNumber: number;
  readonly distinct: Set<string>;
}

export function columnStats(
  sheet: SheetView,
  headerRow: number | null,
  dataRows: readonly number[]
): ColumnStats[] {
  const stats: ColumnStats[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    const headerText = headerRow === null ? "" : textOf(sheet.cell(headerRow, c));
    stats.push({
      column: c,
      headerText,
      nonBlank: 0,
      numbers: 0,
      wholeNumbersZeroToTen: 0,
      texts: 0,
      yesNo: 0,
      dates: 0,
      typedDates: 0,
      minNumber: Infinity,
      maxNumber: -Infinity,
      distinct: new Set(),
    });
  }
  for (const r of dataRows) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const column = stats[c];
      if (column === undefined || isBlankLooking(cell)) continue;
      column.nonBlank++;
      if (column.distinct.size < DISTINCT_CAP) column.distinct.add(textOf(cell).toLowerCase());
      if (isYesNo(cell)) column.yesNo++;
      if (typeof cell === "number") {
        column.numbers++;
        column.minNumber = Math.min(column.minNumber, cell);
        column.maxNumber = Math.max(column.maxNumber, cell);
        if (Number.isInteger(cell) && cell >= 0 && cell <= 10) column.wholeNumbersZeroToTen++;
        if (cell >= FIRST_HEADER_SERIAL && cell < LAST_HEADER_SERIAL + 1) column.dates++;
      } else if (typeof cell === "string") {
        if (readDate(cell) !== null) {
          column.dates++;
          column.typedDates++;
        } else {
          column.texts++;
        }
      } else if (cell instanceof Date) {
        column.dates++;
        column.typedDates++;
      }
    }
  }
  return stats;
}

/** A column of a few repeated text values, or of yes/no flags. */
function isSegmentColumn(column: ColumnStats, rowCount: number): boolean {
  if (column.nonBlank === 0) return false;
  if (column.yesNo === column.nonBlank) return true;
  if (column.texts < 0.8 * column.nonBlank) return false;
  const distinct = column.distinct.size;
  if (distinct > SEGMENT_MAX_DISTINCT) return false;
  return (
    distinct <= SEGMENT_MAX_DISTINCT_SHARE * rowCount ||
    (rowCount <= 10 && distinct < column.nonBlank)
  );
}

export function segmentColumns(
  columns: readonly ColumnStats[],
  taken: ReadonlySet<number>,
  rowCount: number
): SegmentColumn[] {
  return columns
    .filter((column) => !taken.has(column.column) && isSegmentColumn(column, rowCount))
    .map((column) => ({ column: column.column, name: column.headerText }));
}

/**
 * The column naming customers: a header such as Customer, Account or Name first; otherwise the
 * mostly-text column with the most distinct values (customers outnumber plans and regions).
 * A column of numbers counts only under such a header (customer ids).
 */
export function customerColumn(
  columns: readonly ColumnStats[],
  taken: ReadonlySet<number>,
  rowCount: number
): ColumnStats | null {
  let best: ColumnStats | null = null;
  let bestScore = -1;
  for (const column of columns) {
    if (taken.has(column.column) || column.nonBlank === 0 || column.nonBlank < 0.5 * rowCount)
      continue;
    const named = CUSTOMER_WORDS.test(column.headerText);
    const mostlyText = column.texts >= 0.8 * column.nonBlank;
    if (!named && !mostlyText) continue;
    const score = (named ? 1_000_000 : 0) + (mostlyText ? 100_000 : 0) + column.distinct.size;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}
