/**
 * The user's edits in the grid, as Excel makes them: what is typed or pasted is read as if typed
 * (formulas, numbers and dates in the format they were typed in, text), Delete clears values and
 * keeps formats, the format control formats a range; each edit is one step of undo.
 */
import type { SheetRange } from "../../workbook/inBrowserWorkbook";
import type { Cells, StoredCell } from "./cells";
import type { Decorations } from "./decorations";
import { History, MAX_STEP_CELLS, type Step } from "./history";
import { type ReadOptions, readTyped } from "./typedValues";

/** What the edits need of the workbook they are made in. */
export interface EditedWorkbook {
  sheetSize(sheet: number): { readonly rows: number; readonly columns: number };
  nameOfSheet(sheet: number): string | undefined;
  select(range: Omit<SheetRange, "sheet">, sheet?: number): void;
}

export class Edits {
  readonly history = new History();
  /** How typed dates are read (day first in locales that write them so). */
  readOptions: ReadOptions = {};

  constructor(
    private readonly workbook: EditedWorkbook,
    private readonly cells: Cells,
    private readonly decorations: Decorations,
    /** Called after each edit, undo or redo, with what changed. */
    private readonly after: (change: { kind: "cells" | "formats"; sheet: number }) => void
  ) {}

  /**
   * Enters rows of typed text from a cell on, as a paste does: each cell read as if typed. One
   * step of undo.
   */
  paste(sheet: number, row: number, column: number, rows: readonly (readonly string[])[]): void {
    const width = Math.max(0, ...rows.map((cells) => cells.length));
    const cells: StoredCell[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 0; r < rows.length; r++) {
      const cellRow: StoredCell[] = [];
      const formatRow: (string | null)[] = [];
      for (let c = 0; c < width; c++) {
        const text = rows[r]?.[c] ?? "";
        const { cell, format } = this.typed(text);
        cellRow.push(cell);
        formatRow.push(
          format === undefined ? this.decorations.cellFormat(sheet, row + r, column + c) : format
        );
      }
      cells.push(cellRow);
      formats.push(formatRow);
    }
    this.change(sheet, row, column, cells, formats);
  }

  /** A typed text as a cell, and the format it implies (undefined: the cell keeps its format). */
  private typed(text: string): { cell: StoredCell; format?: string | null } {
    if (text.startsWith("=") && text.length > 1) return { cell: { formula: text } };
    if (text.startsWith("'")) return { cell: text.slice(1) };
    const read = readTyped(text, this.readOptions);
    switch (read.kind) {
      case "blank":
        return { cell: null };
      case "number":
        return read.format === null
          ? { cell: read.value }
          : { cell: read.value, format: read.format };
      case "boolean":
        return { cell: read.value };
      default:
        return { cell: read.value };
    }
  }

  /** Clears the cells of a range (the Delete key); their formats stay, as in Excel. */
  clear(range: SheetRange): void {
    const size = this.workbook.sheetSize(range.sheet);
    const rows = Math.min(range.rowCount, Math.max(0, size.rows - range.row));
    const columns = Math.min(range.columnCount, Math.max(0, size.columns - range.column));
    if (rows <= 0 || columns <= 0) return;
    const blank = Array.from({ length: rows }, () => new Array<StoredCell>(columns).fill(null));
    const formats = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        this.decorations.cellFormat(range.sheet, range.row + r, range.column + c)
      )
    );
    this.change(range.sheet, range.row, range.column, blank, formats);
  }

  /** Writes cells and their own formats as one step of undo (none when too large to keep). */
  private change(
    sheet: number,
    row: number,
    column: number,
    after: StoredCell[][],
    formatsAfter: (string | null)[][]
  ): void {
    const count = after.length * (after[0]?.length ?? 0);
    if (count === 0) return;
    if (count > MAX_STEP_CELLS) {
      this.history.clear();
    } else {
      const before = after.map((cells, r) =>
        cells.map((_, c) => this.cells.read(sheet, row + r, column + c))
      );
      const formatsBefore = after.map((cells, r) =>
        cells.map((_, c) => this.decorations.cellFormat(sheet, row + r, column + c))
      );
      this.history.record({
        kind: "cells",
        sheet,
        row,
        column,
        before,
        after,
        formatsBefore,
        formatsAfter,
      });
    }
    this.writeStep(sheet, row, column, after, formatsAfter);
  }

  private writeStep(
    sheet: number,
    row: number,
    column: number,
    cells: readonly (readonly StoredCell[])[],
    formats: readonly (readonly (string | null)[])[]
  ): void {
    this.cells.write(sheet, row, column, cells);
    formats.forEach((formatRow, r) =>
      formatRow.forEach((format, c) =>
        this.decorations.setCellFormat(sheet, row + r, column + c, format)
      )
    );
    this.cells.settle();
    this.after({ kind: "cells", sheet });
  }

  /** Applies a number format to a range chosen by the user (the format control); one step of undo. */
  formatRange(range: SheetRange, format: string): void {
    const rules = [{ range, format }];
    const replaced = this.decorations.addFormats(range.sheet, rules);
    this.history.record({ kind: "formats", sheet: range.sheet, rules, replaced });
    this.after({ kind: "formats", sheet: range.sheet });
  }

  /** Takes back the last edit; false when there is none. */
  undo(): boolean {
    const step = this.history.takeUndo();
    if (step) this.replay(step, "back");
    return step !== undefined;
  }

  /** Makes the last undone edit again; false when there is none. */
  redo(): boolean {
    const step = this.history.takeRedo();
    if (step) this.replay(step, "forth");
    return step !== undefined;
  }

  private replay(step: Step, direction: "back" | "forth"): void {
    if (this.workbook.nameOfSheet(step.sheet) === undefined) return; // the sheet is gone
    if (step.kind === "cells") {
      const back = direction === "back";
      this.writeStep(
        step.sheet,
        step.row,
        step.column,
        back ? step.before : step.after,
        back ? step.formatsBefore : step.formatsAfter
      );
      this.workbook.select(
        {
          row: step.row,
          column: step.column,
          rowCount: step.after.length,
          columnCount: step.after[0]?.length ?? 1,
        },
        step.sheet
      );
      return;
    }
    if (direction === "back") {
      this.decorations.removeLastFormats(step.sheet, step.rules.length);
      for (const [row, column, format] of step.replaced)
        this.decorations.setCellFormat(step.sheet, row, column, format);
    } else {
      this.decorations.addFormats(step.sheet, step.rules);
    }
    this.after({ kind: "formats", sheet: step.sheet });
  }
}
