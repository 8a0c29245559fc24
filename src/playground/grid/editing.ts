/**
 * Editing a cell, in the cell itself or in the formula bar (one edit, shown in both): typing on
 * a selected cell replaces it, F2 or a double-click edits it; Enter and Tab commit and move,
 * Escape gives up, and an arrow key commits and moves when the edit began by typing. What was
 * typed is never dropped: leaving the edit any other way commits it.
 */
import type { FormulaBar } from "./formulaBar";
import type { FunctionHints } from "./functionHints";
import type { Grid } from "./grid";
import type { Position } from "./selection";

interface Editing {
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
  readonly original: string;
  /** "enter": typing replaced the cell, arrows commit and move; "edit": arrows move the caret. */
  mode: "enter" | "edit";
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export class CellEditor {
  private editing: Editing | null = null;

  constructor(
    private readonly grid: Grid,
    private readonly bar: FormulaBar,
    private readonly hints: FunctionHints
  ) {}

  /** The cell being edited, if any. */
  get cell(): Position | null {
    return this.editing;
  }

  /** Opens the editor on the active cell with `initial` (what was typed) or the cell's content. */
  start(mode: Editing["mode"], initial?: string, focusTarget: "cell" | "bar" = "cell"): void {
    const { workbook, selection, view } = this.grid;
    const cursor = selection.active();
    const sheet = workbook.activeSheet;
    const cell = workbook.cell(sheet, cursor.row, cursor.column);
    this.editing = { sheet, row: cursor.row, column: cursor.column, original: cell.input, mode };
    const text = initial ?? cell.input;
    view.editor.value = text;
    this.bar.input.value = text;
    view.editor.hidden = false;
    view.place(view.editor, cursor.row, cursor.column, 1, 1, true);
    view.fitEditor();
    if (focusTarget === "cell") {
      view.editor.focus();
      view.editor.setSelectionRange(text.length, text.length);
      this.hints.update(view.editor);
    }
  }

  /** Enters the edit into the workbook (unless nothing changed); the typed text is never dropped. */
  commit(): void {
    if (!this.editing) return;
    const done = this.editing;
    const { doc, view, workbook } = this.grid;
    const text = doc.activeElement === this.bar.input ? this.bar.input.value : view.editor.value;
    this.editing = null;
    view.editor.hidden = true;
    this.hints.hide();
    if (text !== done.original) workbook.enter(done.sheet, done.row, done.column, text);
    this.grid.redraw();
  }

  cancel(): void {
    if (!this.editing) return;
    this.editing = null;
    this.grid.view.editor.hidden = true;
    this.hints.hide();
    this.grid.renderBar();
    this.grid.view.scroller.focus();
  }

  private commitAndMove(rowStep: number, columnStep: number): void {
    const cursor = this.grid.selection.active();
    this.commit();
    this.grid.select({ row: cursor.row + rowStep, column: cursor.column + columnStep }, false);
    this.grid.view.scroller.focus();
  }

  private keys(event: KeyboardEvent, source: HTMLInputElement): void {
    const { input } = this.bar;
    if (!this.editing) {
      if (source === input && event.key.length === 1) this.start("edit", undefined, "bar");
      else if (source === input && event.key === "Enter") event.preventDefault();
      return;
    }
    if (this.hints.key(event, source)) return;
    const arrow = ARROWS[event.key];
    if (event.key === "Enter") {
      event.preventDefault();
      this.commitAndMove(event.shiftKey ? -1 : 1, 0);
    } else if (event.key === "Tab") {
      event.preventDefault();
      this.commitAndMove(0, event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.cancel();
    } else if (source === this.grid.view.editor && this.editing.mode === "enter" && arrow) {
      event.preventDefault();
      this.commitAndMove(arrow[0], arrow[1]);
    } else if (event.key === "F2") {
      this.editing.mode = "edit";
    }
  }

  /** Opens the editor on the active cell with `text` (a formula to complete), caret at its end. */
  startWith(text: string): void {
    this.start("edit", text);
  }

  /** Wires the cell editor and the formula bar's input. */
  listen(): void {
    const { editor } = this.grid.view;
    const { input } = this.bar;
    editor.addEventListener("keydown", (event) => this.keys(event, editor));
    input.addEventListener("keydown", (event) => this.keys(event, input));
    editor.addEventListener("input", () => {
      input.value = editor.value;
      this.grid.view.fitEditor();
      this.hints.update(editor);
    });
    input.addEventListener("input", () => {
      if (!this.editing) this.start("edit", input.value, "bar");
      editor.value = input.value;
      this.grid.view.fitEditor();
      this.hints.update(input);
    });
    // Moving the caret inside the parentheses shows the argument it is on.
    for (const each of [editor, input])
      each.addEventListener("keyup", (event) => {
        if (this.editing && /^(Arrow|Home|End)/.test(event.key)) this.hints.update(each);
      });
    input.addEventListener("focus", () => {
      if (!this.editing) this.start("edit", undefined, "bar");
    });
    const blurCommits = (event: FocusEvent) => {
      // Moving between the cell editor and the formula bar continues the same edit.
      if (event.relatedTarget === editor || event.relatedTarget === input) return;
      if (this.editing) this.commit();
    };
    editor.addEventListener("blur", blurCommits);
    input.addEventListener("blur", blurCommits);
  }
}
