/**
 * The block of cells as the layout check sees it: which rows hold anything, and how rows and
 * columns are named to the user (their numbers and letters on the sheet).
 */
import { type CellGrid, type MessageParam, columnLetters, isBlankLooking } from "../../core";
import { YES_NO } from "./words";

export class SheetView {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly nonBlankCounts: Int32Array;
  readonly lastNonBlankRow: number;

  constructor(
    readonly cells: CellGrid,
    readonly firstRowNumber: number,
    readonly firstColumnNumber: number
  ) {
    this.rowCount = cells.length;
    let columns = 0;
    for (const row of cells) columns = Math.max(columns, row.length);
    this.columnCount = columns;
    this.nonBlankCounts = new Int32Array(this.rowCount);
    let last = -1;
    for (let r = 0; r < this.rowCount; r++) {
      const row = cells[r] ?? [];
      let count = 0;
      for (const cell of row) if (!isBlankLooking(cell)) count++;
      this.nonBlankCounts[r] = count;
      if (count > 0) last = r;
    }
    this.lastNonBlankRow = last;
  }

  cell(row: number, column: number): unknown {
    return this.cells[row]?.[column];
  }

  isBlankRow(row: number): boolean {
    return (this.nonBlankCounts[row] ?? 0) === 0;
  }

  rowNumber(row: number): number {
    return this.firstRowNumber + row;
  }

  columnLetters(column: number): string {
    return columnLetters(this.firstColumnNumber - 1 + column);
  }

  /** A column as a note names it: its letters, and its header when it has one. */
  columnParam(column: number, headerText: string): MessageParam {
    const letters = this.columnLetters(column);
    return { column: headerText ? { letters, header: shorten(headerText) } : { letters } };
  }
}

export function textOf(cell: unknown): string {
  if (isBlankLooking(cell)) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

export function isYesNo(cell: unknown): boolean {
  return (
    typeof cell === "boolean" || (typeof cell === "string" && YES_NO.has(cell.trim().toLowerCase()))
  );
}

export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
