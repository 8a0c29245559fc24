/**
 * The pane's checks of the cells it read, before any figure: the first cell a function would
 * refuse is named by its row and column on the sheet ("Row 418 of column C holds text…"), which
 * a function, given only its range, could not do.
 */
import {
  type ScoreScale,
  isEmptyCell,
  isErrorValueText,
  numberInCell,
  quoteCell,
  revenueCellProblem,
} from "../core";
import type { SourceMapping } from "./mapping";
import type { AnalysisKey, AnalysisMessage } from "./messages";
import { type SourceCells, sheetColumnName, sheetRowNumber } from "./source";

/** The problem a cell has, as the key of its message, or null for a good cell. */
type Check = (cell: unknown) => AnalysisKey | null;

/**
 * The first cell (in reading order) of the given columns that the check refuses, as a message
 * naming its row and column on the sheet. Cells the check passes cost one call each, so checks
 * take the fast way for plain numbers.
 */
export function firstBadCell(
  source: SourceCells,
  columns: readonly number[],
  first: number,
  last: number,
  check: Check
): AnalysisMessage | null {
  for (let r = first; r <= last; r++) {
    const row = source.cells[r];
    for (const c of columns) {
      const cell = row?.[c] ?? "";
      const key = check(cell);
      if (key !== null) {
        return {
          key,
          params: {
            row: sheetRowNumber(source, r),
            column: sheetColumnName(source, c),
            value: quoteCell(cell),
          },
        };
      }
    }
  }
  return null;
}

/**
 * A revenue cell that a revenue range would refuse, judged by the core's own reader (on the
 * cell alone, where text is never a header), with the kind of problem for the message. A text
 * cell counts even where a reader would take it as a header: in the data rows it is data.
 */
export const revenueCheck: Check = (cell) => {
  if (typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) return null;
  if (isEmptyCell(cell)) return null;
  if (typeof cell === "string")
    return isErrorValueText(cell) ? "problem.errorValue" : "problem.revenueText";
  if (typeof cell === "boolean") return "problem.revenueLogical";
  // Data types and residues: the core's own reader decides, on the cell alone.
  const problem = revenueCellProblem(cell);
  if (problem === null) return null;
  return problem === "negative" ? "problem.revenueNegative" : "problem.revenueText";
};

export const segmentCheck: Check = (cell) =>
  typeof cell === "string" && isErrorValueText(cell) ? "problem.errorValue" : null;

export function scoreCheck(scale: ScoreScale): Check {
  return (cell) => {
    if (isEmptyCell(cell)) return null;
    if (typeof cell === "string")
      return isErrorValueText(cell) ? "problem.errorValue" : "problem.scoreText";
    if (typeof cell === "boolean") return "problem.scoreText";
    const value = typeof cell === "number" ? cell : numberInCell(cell);
    if (value === null) return "problem.scoreText";
    if (!Number.isInteger(value)) return "problem.scoreNotWhole";
    return value >= scale.min && value <= scale.max ? null : "problem.scoreOutsideScale";
  };
}

/** The first segment cell that holds an error value, named on the sheet. */
export function segmentProblem(
  source: SourceCells,
  mapping: SourceMapping
): AnalysisMessage | null {
  const columns = mapping.segmentColumns.map((segment) => segment.column);
  return firstBadCell(source, columns, mapping.firstRow, mapping.lastRow, segmentCheck);
}
