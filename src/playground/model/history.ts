/**
 * Undo and redo of the user's edits in the grid (typing, Delete, paste, the format control), as
 * steps of plain data: the cells of a rectangle before and after, with their own formats, or the
 * format rules a step added. The task pane's writes go to sheets it adds and are not steps.
 */
import type { FormatRule } from "../../workbook/inBrowserWorkbook";
import type { StoredCell } from "./cells";

export type Step =
  | {
      readonly kind: "cells";
      readonly sheet: number;
      readonly row: number;
      readonly column: number;
      readonly before: readonly (readonly StoredCell[])[];
      readonly after: readonly (readonly StoredCell[])[];
      readonly formatsBefore: readonly (readonly (string | null)[])[];
      readonly formatsAfter: readonly (readonly (string | null)[])[];
    }
  | {
      readonly kind: "formats";
      readonly sheet: number;
      readonly rules: readonly FormatRule[];
      /** Single cells' formats the rules replaced. */
      readonly replaced: readonly (readonly [number, number, string])[];
    };

/** Steps kept, oldest first dropped. */
const DEPTH = 100;
/** A step over more cells than this is not kept (the undo history is cleared instead). */
export const MAX_STEP_CELLS = 200_000;

export class History {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  record(step: Step): void {
    this.done.push(step);
    if (this.done.length > DEPTH) this.done.shift();
    this.undone.length = 0;
  }

  /** Forgets every step (an edit too large to keep, or a new workbook). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  takeUndo(): Step | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  takeRedo(): Step | undefined {
    const step = this.undone.pop();
    if (step) this.done.push(step);
    return step;
  }
}
