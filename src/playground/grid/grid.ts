/** What the grid's parts share: the workbook, the selection, the drawing, and the grid's actions. */
import type { Spreadsheet } from "../model/spreadsheet";
import type { GridSelection, Position, SelectionMode } from "./selection";
import type { SheetView } from "./sheetView";

export interface Grid {
  readonly doc: Document;
  readonly workbook: Spreadsheet;
  readonly selection: GridSelection;
  readonly view: SheetView;
  /** Moves (or extends) the selection, tells the workbook, scrolls to it and redraws. */
  select(next: Position, extend: boolean, mode?: SelectionMode): void;
  /** Tells the workbook of a selection set directly, scrolls to `scrollTo` if given, redraws. */
  selectionChanged(scrollTo?: Position): void;
  /** Redraws the cells and the formula bar. */
  redraw(): void;
  /** Redraws the formula bar, the name box and the message line. */
  renderBar(): void;
}
