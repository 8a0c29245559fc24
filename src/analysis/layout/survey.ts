/**
 * A survey: a column of whole-number scores, its scale (NPS 0–10, CSAT 1–5, CES 1–7) from its
 * header or its answers, and segment columns beside it.
 */
import { type MessageParam, isBlankLooking } from "../../core";
import { type ColumnStats, columnStats, segmentColumns } from "./columns";
import { type RowSplit, splitRows } from "./rows";
import type { SheetView } from "./sheetView";
import { type LayoutNote, type SurveyLayout, type SurveyScale, nested, note } from "./types";
import { CES_WORDS, CSAT_WORDS, NOT_SCORE_WORDS, NPS_WORDS, SCORE_WORDS } from "./words";

/** Columns of whole numbers from 0 to 10 only, not headed like ids or counts. */
export function scoreCandidates(columns: readonly ColumnStats[]): ColumnStats[] {
  return columns.filter(
    (column) =>
      column.nonBlank > 0 &&
      column.numbers === column.nonBlank &&
      column.wholeNumbersZeroToTen === column.nonBlank &&
      !(NOT_SCORE_WORDS.test(column.headerText) && !SCORE_WORDS.test(column.headerText))
  );
}

/**
 * The scale a score column is on: its header's word first (NPS, CSAT, CES) when the answers fit
 * that scale; otherwise the answers decide: a 0 or anything above 7 is NPS, answers from 1 to 5
 * are CSAT, up to 7 are CES.
 */
function surveyScale(column: ColumnStats): { scale: SurveyScale; why: MessageParam } {
  const { minNumber: min, maxNumber: max, headerText } = column;
  const header = nested("note.why.header");
  if (NPS_WORDS.test(headerText)) return { scale: "nps", why: header };
  if (CSAT_WORDS.test(headerText) && min >= 1 && max <= 5) return { scale: "csat", why: header };
  if (CES_WORDS.test(headerText) && min >= 1 && max <= 7) return { scale: "ces", why: header };
  const range = nested("note.why.range", { min, max });
  if (min === 0 || max > 7) return { scale: "nps", why: range };
  if (max <= 5) return { scale: "csat", why: range };
  return { scale: "ces", why: range };
}

export function surveyLayout(
  sheet: SheetView,
  headerRow: number | null,
  rows: RowSplit,
  columns: readonly ColumnStats[],
  score: ColumnStats,
  extraNotes: readonly LayoutNote[]
): SurveyLayout {
  const { scale, why } = surveyScale(score);
  const notes = [
    ...extraNotes,
    ...rows.notes,
    note("note.scoreScale", {
      column: sheet.columnParam(score.column, score.headerText),
      scale: nested(`scale.${scale}`),
      why,
    }),
  ];
  const blanks = rows.dataRows.filter((r) => isBlankLooking(sheet.cell(r, score.column))).length;
  if (blanks > 0) notes.push(note("note.rowsWithoutScore", { count: blanks }));
  return {
    kind: "survey",
    headerRow,
    scoreColumn: score.column,
    scale,
    segmentColumns: segmentColumns(columns, new Set([score.column]), rows.dataRows.length),
    dataRows: rows.dataRows,
    excludedRows: rows.excludedRows,
    notes,
  };
}

/** A selection of one column of scores without a header. */
export function bareScoreColumn(sheet: SheetView): SurveyLayout | null {
  const rows = splitRows(sheet, -1, []);
  const columns = columnStats(sheet, null, rows.dataRows).filter((column) => column.nonBlank > 0);
  const only = columns[0];
  if (columns.length !== 1 || only === undefined || scoreCandidates([only]).length !== 1)
    return null;
  return surveyLayout(sheet, null, rows, columns, only, [note("note.bareScoreColumn")]);
}
