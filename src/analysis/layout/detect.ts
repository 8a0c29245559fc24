/**
 * Which layout a block of cells is in, guessed for the task pane to show and the user to confirm:
 * a customers × periods grid (period dates across the header row), a ledger (customer, date and
 * amount columns, one row per charge) or a survey (a column of whole-number scores), each with
 * optional segment columns (plan, region, CSM, an at-risk flag).
 *
 * Cells arrive as the workbook port reads them: numbers, text, booleans, "" for a blank (null and
 * undefined are read as blank too). Rows and columns in the guess are 0-based indexes into the
 * grid; notes name rows and columns as the user sees them (`firstRowNumber`, `firstColumnNumber`).
 *
 * The guess never throws and never drops a row silently: every row left out is listed in
 * `excludedRows` with its reason and named in a note.
 */
import type { CellGrid } from "../../core";
import { columnStats } from "./columns";
import { gridLayout } from "./grid";
import { findHeaderRow } from "./header";
import { ledgerColumns, ledgerLayout } from "./ledger";
import { splitRows } from "./rows";
import { SheetView } from "./sheetView";
import { bareScoreColumn, scoreCandidates, surveyLayout } from "./survey";
import { type DetectLayoutOptions, type LayoutGuess, nested, note } from "./types";
import { HEADER_SEARCH_ROWS, SCORE_WORDS } from "./words";

/**
 * Guesses the layout of a block of cells read from a sheet.
 *
 * @example
 * detectLayout([
 *   ["MRR by customer", "", ""],
 *   ["Customer", "Jan 2024", "Feb 2024"],
 *   ["Acme", 100, 120],
 *   ["Beta", 50, 0],
 *   ["Total", 150, 120],
 * ])
 * // → { kind: "grid", headerRow: 1, customerColumn: 0, period: "month",
 * //     periodColumns: [{ column: 1, periodStart: "2024-01-01", label: "Jan 2024" },
 * //                     { column: 2, periodStart: "2024-02-01", label: "Feb 2024" }],
 * //     dataRows: [2, 3], excludedRows: [{ row: 4, reason: "totals" }],
 * //     notes: [{ key: "note.totalsRow", params: { row: 5, label: { quoted: "Total" } } }],
 * //     segmentColumns: [] }
 */
export function detectLayout(cells: CellGrid, options: DetectLayoutOptions = {}): LayoutGuess {
  const sheet = new SheetView(cells, options.firstRowNumber ?? 1, options.firstColumnNumber ?? 1);
  if (sheet.lastNonBlankRow < 0) return { kind: "unknown", reason: note("layout.empty") };

  const header = findHeaderRow(sheet);
  if (header === null) {
    return (
      bareScoreColumn(sheet) ?? {
        kind: "unknown",
        reason: note("layout.noHeader", { rows: HEADER_SEARCH_ROWS }),
      }
    );
  }
  if (header.periods !== null) return gridLayout(sheet, header.row, header.periods);

  const rows = splitRows(sheet, header.row, []);
  const columns = columnStats(sheet, header.row, rows.dataRows);
  const scoreColumns = scoreCandidates(columns);
  const namedScore = scoreColumns.find((column) => SCORE_WORDS.test(column.headerText));
  if (namedScore) return surveyLayout(sheet, header.row, rows, columns, namedScore, []);

  const ledger = ledgerColumns(sheet, columns, rows.dataRows.length);
  if (ledger.kind === "found") return ledgerLayout(sheet, header.row, rows, columns, ledger);

  const unnamedScore = scoreColumns[0];
  if (unnamedScore) {
    const unnamed = note("note.unnamedScoreColumn", {
      column: sheet.columnParam(unnamedScore.column, unnamedScore.headerText),
    });
    return surveyLayout(sheet, header.row, rows, columns, unnamedScore, [unnamed]);
  }
  return {
    kind: "unknown",
    reason: note("layout.noFit", { missing: nested(ledger.missing) }),
  };
}
