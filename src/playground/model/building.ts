/**
 * Building a workbook from sheets of cells: the engine's contents, where the formulas are, and
 * the cells written once the engine exists. Sheets come from the sample generator, from the
 * browser's store (as kept) or from an import.
 */
import type { RawCellContent } from "hyperformula";
import type { CellInput } from "../../workbook/port";
import { engineContent } from "./cellContent";
import type { StoredCell } from "./cells";
import type { SheetDecorations } from "./decorations";
import { hasSpillReference } from "./spillReferences";

/** A sheet as kept in the browser and exported: its cells as kept, and its decorations. */
export interface SheetSnapshot {
  readonly name: string;
  readonly rows: readonly (readonly StoredCell[])[];
  readonly decorations: SheetDecorations;
}

/** What building a workbook from sheets needs. */
export interface BuildContents {
  readonly contents: Record<string, RawCellContent[][]>;
  readonly formulas: { name: string; row: number; col: number }[];
  /** Cells written once the engine exists: refused text, formulas with spill references. */
  readonly later: { name: string; row: number; col: number; cell: StoredCell }[];
}

/** A sheet to build the workbook with: rows of cells as the port writes them. */
export interface PlaygroundSheet {
  readonly name: string;
  /** The port's cells (text stays text), or cells as the workbook keeps them (a restored sheet). */
  readonly rows: readonly (readonly (CellInput | StoredCell)[])[];
}

/**
 * The engine's contents for `sheets`, where their formulas are, and the formulas with spill
 * references, which are written once the engine exists (they name other formulas' spills).
 */
export function contentsOf(sheets: readonly PlaygroundSheet[]): BuildContents {
  const contents: Record<string, RawCellContent[][]> = {};
  const formulas: BuildContents["formulas"] = [];
  const later: BuildContents["later"] = [];
  for (const sheet of sheets) {
    contents[sheet.name] = sheet.rows.map((cells, row) =>
      cells.map((cell, col) => {
        if (cell === null || typeof cell !== "object") return engineContent(cell);
        if ("refused" in cell) {
          later.push({ name: sheet.name, row, col, cell });
          return null;
        }
        if (hasSpillReference(cell.formula)) {
          later.push({ name: sheet.name, row, col, cell });
          return null;
        }
        formulas.push({ name: sheet.name, row, col });
        return engineContent(cell);
      })
    );
  }
  return { contents, formulas, later };
}
