/**
 * Spill sizes in HyperFormula. HyperFormula fixes a spill's size when its formula is entered and
 * never resizes it; Excel resizes a spill as its result grows or shrinks. The playground (and the
 * tests' engine) therefore re-enter a formula whose spill no longer fits, until nothing changes.
 */

/** The message HyperFormula gives an array result that landed in a cell sized for one value. */
export const SPILL_SIZED_TOO_SMALL = "Cell range not allowed.";
/** The message of a spill whose result no longer has the size it had when it was entered. */
export const SPILL_SIZE_CHANGED = "The result changed size; the spill is being resized.";
/** HyperFormula's message for a spill blocked by other cells. */
export const SPILL_BLOCKED = "No space for array result.";

interface SpillWorkbook {
  getSheetNames(): string[];
  getSheetId(name: string): number | undefined;
  getSheetFormulas(sheet: number): (string | undefined)[][];
  getSheetValues(sheet: number): unknown[][];
  setCellContents(address: { sheet: number; row: number; col: number }, content: string): unknown;
}

/**
 * HyperFormula fixes a spill's size when the formula is entered. A spill that reads another
 * spill (COHORT over MRRMATRIX) is entered before that one has values, so it gets sized as one
 * cell; entering it again once the values exist sizes it right. Repeats until nothing changes
 * (a chain of spills settles one link per round). Returns how many formulas were re-entered.
 */
export function resizeSpills(workbook: SpillWorkbook, maxRounds = 5): number {
  let reentered = 0;
  for (let round = 0; round < maxRounds; round++) {
    let changed = 0;
    for (const name of workbook.getSheetNames()) {
      const sheet = workbook.getSheetId(name) as number;
      const formulas = workbook.getSheetFormulas(sheet);
      const values = workbook.getSheetValues(sheet);
      formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          const value = values[r]?.[c] as { message?: string } | undefined;
          if (formula && needsResizing(value)) {
            workbook.setCellContents({ sheet, row: r, col: c }, formula);
            changed++;
          }
        })
      );
    }
    reentered += changed;
    if (changed === 0) break;
  }
  return reentered;
}

function needsResizing(value: unknown): boolean {
  const message = (value as { message?: unknown } | null)?.message;
  return (
    typeof value === "object" &&
    value !== null &&
    (message === SPILL_SIZED_TOO_SMALL || message === SPILL_SIZE_CHANGED)
  );
}

export interface CellAddress {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface SettlingWorkbook {
  getCellValue(address: CellAddress): unknown;
  getCellFormula(address: CellAddress): string | undefined;
  setCellContents(address: CellAddress, content: string): unknown;
}

/**
 * resizeSpills for a known set of formula cells (the playground tracks the formulas it entered,
 * so an edit does not scan every sheet): re-enters each formula whose spill was sized too small
 * or has changed size, until nothing changes, and once each formula whose spill was blocked (the
 * blocking cell may have been cleared since; HyperFormula does not retry on its own). Returns the
 * cells re-entered.
 */
export function settleSpills(
  workbook: SettlingWorkbook,
  formulaCells: Iterable<CellAddress>,
  maxRounds = 5
): CellAddress[] {
  const cells = [...formulaCells];
  const reentered: CellAddress[] = [];
  const reenter = (cell: CellAddress): void => {
    const formula = workbook.getCellFormula(cell);
    if (formula === undefined) return;
    workbook.setCellContents(cell, formula);
    reentered.push(cell);
  };
  for (const cell of cells) {
    const value = workbook.getCellValue(cell) as { message?: unknown } | null;
    if (typeof value === "object" && value?.message === SPILL_BLOCKED) reenter(cell);
  }
  for (let round = 0; round < maxRounds; round++) {
    const due = cells.filter((cell) => needsResizing(workbook.getCellValue(cell)));
    if (due.length === 0) break;
    due.forEach(reenter);
  }
  return reentered;
}
