/**
 * The cells of the workbook as HyperFormula holds them, with what the engine does not keep:
 * text it refused (kept and shown with the reason, so nothing typed is lost), formulas typed with
 * spill references (kept as typed), and which cells hold formulas (so an edit re-checks spills
 * without scanning every sheet). Every write of cells goes through here.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { type CellAddress, settleSpills } from "../spills";
import { engineContent, engineFormula } from "./cellContent";
import { type CellView, type RejectedText, cellView } from "./cellView";
import { SpillReferences, spillSize } from "./spillReferences";
import { type SpillHint, forgetSpillHints, hintSpill } from "../hyperformulaFunctions";

/** A cell as the workbook keeps it: a value (text stays text), a formula as typed, or text the engine refused. */
export type StoredCell =
  | null
  | number
  | boolean
  | string
  | { readonly formula: string; readonly spill?: SpillHint }
  | { readonly refused: string; readonly message: string };

export const cellKey = (sheet: number, row: number, column: number): string =>
  `${sheet}:${row}:${column}`;

export class Cells {
  /** The formula cells entered, per sheet. */
  private readonly formulaCells = new Map<number, Map<string, CellAddress>>();
  private readonly rejected = new Map<string, RejectedText>();
  private readonly spillReferences: SpillReferences;

  constructor(private readonly engine: HyperFormula) {
    this.spillReferences = new SpillReferences(engine);
  }

  view(sheet: number, row: number, column: number, numberFormat: string | null): CellView {
    const key = cellKey(sheet, row, column);
    const view = cellView(
      this.engine,
      { sheet, row, col: column },
      this.rejected.get(key),
      numberFormat
    );
    const typed = this.spillReferences.typedAt(key);
    return typed === undefined ? view : { ...view, input: typed, formula: typed };
  }

  /** What a cell holds, as it would be written back. */
  read(sheet: number, row: number, column: number): StoredCell {
    const key = cellKey(sheet, row, column);
    const refused = this.rejected.get(key);
    if (refused) return { refused: refused.text, message: refused.message };
    const typed = this.spillReferences.typedAt(key);
    if (typed !== undefined) return { formula: typed };
    const address = { sheet, row, col: column };
    const formula = this.engine.getCellFormula(address);
    if (formula !== undefined) return { formula };
    if (this.engine.isCellPartOfArray(address)) return null; // a spilled value, not the cell's own
    return storedValue(this.engine.getCellSerialized(address));
  }

  /** Every cell of a sheet (its rows as far as cells reach), as `read` gives them. */
  readSheet(sheet: number): StoredCell[][] {
    const serialized = this.engine.getSheetSerialized(sheet);
    // The engine serializes a spill's values too; they are the formulas', not the cells' own.
    const spilled = new Set<string>();
    for (const cell of this.formulaCells.get(sheet)?.values() ?? []) {
      const { width, height } = spillSize(this.engine, cell);
      for (let r = 0; r < height; r++)
        for (let c = 0; c < width; c++)
          if (r > 0 || c > 0) spilled.add(`${cell.row + r}:${cell.col + c}`);
    }
    const rows = serialized.map((cells, row) =>
      cells.map((raw, column): StoredCell => {
        if (raw === null || raw === undefined) return null;
        if (typeof raw === "string" && raw.startsWith("=")) return this.read(sheet, row, column);
        if (spilled.size > 0 && spilled.has(`${row}:${column}`)) return null;
        return storedValue(raw);
      })
    );
    for (const [key, refused] of this.rejected) {
      const [at, row, column] = key.split(":").map(Number) as [number, number, number];
      if (at !== sheet) continue;
      while (rows.length <= row) rows.push([]);
      const cells = rows[row] as StoredCell[];
      while (cells.length <= column) cells.push(null);
      cells[column] = { refused: refused.text, message: refused.message };
    }
    return rows;
  }

  /**
   * Writes rows of cells from (row, column), in one batch. Checks them all first: a number that
   * is not finite throws, writing nothing. A cell the engine refuses keeps its text, shown with
   * the reason.
   */
  write(
    sheet: number,
    row: number,
    column: number,
    rows: readonly (readonly StoredCell[])[]
  ): void {
    const contents = rows.map((cells, r) =>
      cells.map((cell, c) => this.contentOf(sheet, row + r, column + c, cell))
    );
    if (contents.length === 0 || contents[0]?.length === 0) return;
    rows.forEach((cells, r) =>
      cells.forEach((_, c) => this.rejected.delete(cellKey(sheet, row + r, column + c)))
    );
    try {
      this.engine.setCellContents({ sheet, row, col: column }, contents);
    } catch {
      forgetSpillHints(); // written one by one below: each sized by computing it
      // One cell the engine refuses: write them one by one, keeping the refused ones' text.
      this.engine.batch(() =>
        contents.forEach((cells, r) =>
          cells.forEach((content, c) => this.writeOne(sheet, row + r, column + c, content))
        )
      );
    }
    forgetSpillHints();
    rows.forEach((cells, r) =>
      cells.forEach((cell, c) => this.keep(sheet, row + r, column + c, cell))
    );
  }

  private contentOf(sheet: number, row: number, column: number, cell: StoredCell): RawCellContent {
    if (cell === null || typeof cell !== "object") return engineContent(cell);
    if ("refused" in cell) return null;
    const text = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
    const address = { sheet, row, col: column };
    if ("spill" in cell && cell.spill !== undefined) hintSpill(address, cell.spill);
    return engineFormula(this.spillReferences.enter(cellKey(sheet, row, column), address, text));
  }

  private writeOne(sheet: number, row: number, column: number, content: RawCellContent): void {
    const address = { sheet, row, col: column };
    try {
      this.engine.setCellContents(address, content);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.rejected.set(cellKey(sheet, row, column), {
        text: typeof content === "string" ? content : String(content),
        message: `The playground's spreadsheet engine could not take this: ${message}`,
      });
      this.spillReferences.forget(cellKey(sheet, row, column));
      try {
        this.engine.setCellContents(address, null);
      } catch {
        // The cell keeps whatever the engine left; the refused text is shown over it.
      }
    }
  }

  /** Records what a written cell holds beyond the engine's contents. */
  private keep(sheet: number, row: number, column: number, cell: StoredCell): void {
    const key = cellKey(sheet, row, column);
    const refusedNow = this.rejected.get(key); // set by writeOne during this write
    if (cell !== null && typeof cell === "object" && "refused" in cell) {
      this.rejected.set(key, { text: cell.refused, message: cell.message });
    } else if (refusedNow) {
      // Keep what was typed, not the engine's form of it.
      const text = cell !== null && typeof cell === "object" ? cell.formula : String(cell);
      this.rejected.set(key, { ...refusedNow, text });
    }
    const isFormula =
      cell !== null && typeof cell === "object" && "formula" in cell && !this.rejected.has(key);
    if (!isFormula) this.spillReferences.forget(key);
    this.track({ sheet, row, col: column }, isFormula);
  }

  /** Forgets a sheet that is gone: its formulas, refused texts and spill references. */
  forgetSheet(sheet: number): void {
    this.formulaCells.delete(sheet);
    const prefix = `${sheet}:`;
    for (const key of [...this.rejected.keys()])
      if (key.startsWith(prefix)) this.rejected.delete(key);
    this.spillReferences.forgetSheet(sheet);
  }

  /** Tracks the formulas a workbook was built with. */
  adopt(formulas: readonly CellAddress[]): void {
    for (const cell of formulas) this.track(cell, true);
  }

  private track(address: CellAddress, isFormula: boolean): void {
    const key = cellKey(address.sheet, address.row, address.col);
    let cells = this.formulaCells.get(address.sheet);
    if (isFormula) {
      if (!cells) this.formulaCells.set(address.sheet, (cells = new Map()));
      cells.set(key, address);
    } else {
      cells?.delete(key);
    }
  }

  private formulas(): CellAddress[] {
    const cells: CellAddress[] = [];
    for (const sheetCells of this.formulaCells.values()) cells.push(...sheetCells.values());
    return cells;
  }

  /**
   * Sizes the spills of the formulas (see settleSpills) and writes out spill references again
   * where the spills they name changed size, until nothing changes. An engine failure here must
   * not lose the edit.
   */
  settle(): void {
    try {
      for (let round = 0; round < 5; round++) {
        settleSpills(this.engine, this.formulas());
        if (this.spillReferences.refresh() === 0) break;
      }
    } catch (error) {
      console.warn("The playground could not resize a spill:", error);
    }
  }

  /**
   * Computes every formula again (after the display language changes the functions' messages).
   * Each formula is entered again rather than the engine rebuilt: a rebuild reads the sheets back
   * with each spill's values as constants, which then block the spills.
   */
  recalculate(): void {
    const cells = this.formulas();
    this.engine.batch(() => {
      for (const cell of cells) {
        const formula = this.engine.getCellFormula(cell);
        if (formula !== undefined) this.engine.setCellContents(cell, formula);
      }
    });
    this.settle();
  }
}

/** A value as the engine keeps it, as the workbook writes it back: text without its quote prefix. */
function storedValue(raw: unknown): StoredCell {
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "string") return raw.startsWith("'") ? raw.slice(1) : raw;
  return null;
}
