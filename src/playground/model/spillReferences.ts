/**
 * Spill references, as Excel writes them: `H2#` is the whole spill of the formula in H2, however
 * large it is now (`=SAAS.COHORT(H2#)` over a MRRMATRIX spill). HyperFormula has no such
 * reference, so the playground keeps the formula as typed and gives the engine the same formula
 * with each `H2#` written out as the spill's current range (`H2:T301`), written again whenever a
 * spill it names changes size. A reference to a cell that holds no formula is `#REF!`, as in
 * Excel.
 */
import type { HyperFormula } from "hyperformula";
import { columnLetters, parseCellAddress } from "../../core/sheet/addresses";
import type { CellAddress } from "../spills";
import { isDetailedError } from "./cellContent";

/** `Sheet!A1#`, `'My sheet'!$B$2#` or `A1#`, outside text in quotes. */
const SPILL_REFERENCE =
  /(?<![\p{L}\p{N}_.$])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})#/gu;
/** Text in double quotes, where nothing is a reference. */
const QUOTED_TEXT = /("(?:[^"]|"")*")/;

export function hasSpillReference(formula: string): boolean {
  return (
    formula.startsWith("=") &&
    formula
      .split(QUOTED_TEXT)
      .some((part, i) => i % 2 === 0 && new RegExp(SPILL_REFERENCE).test(part))
  );
}

/** The sheet a reference's prefix names ("'My sheet'!" → "My sheet"); null for none. */
function sheetOfPrefix(prefix: string | undefined): string | null {
  if (prefix === undefined) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * The formula with each spill reference written out by `range` (given the sheet the reference
 * names, or null for the formula's own, and the anchor cell); `range` returns the local range
 * ("H2:T301") or "#REF!".
 *
 * @example
 * writeOutSpills("=SAAS.COHORT(H2#)", () => "H2:T301") // "=SAAS.COHORT(H2:T301)"
 */
export function writeOutSpills(
  formula: string,
  range: (sheetName: string | null, anchor: { row: number; column: number }) => string
): string {
  return formula
    .split(QUOTED_TEXT)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(SPILL_REFERENCE, (_, prefix: string | undefined, cell: string) => {
            const written = range(sheetOfPrefix(prefix), parseCellAddress(cell.replace(/\$/g, "")));
            return written.startsWith("#") ? written : `${prefix ?? ""}${written}`;
          })
    )
    .join("");
}

/** The size of the spill anchored at a cell: 1 × 1 for a formula of one value. */
export function spillSize(
  engine: HyperFormula,
  cell: CellAddress
): { width: number; height: number } {
  const vertex = (
    engine as unknown as {
      dependencyGraph?: { getCell?(address: CellAddress): { array?: { size?: unknown } } | null };
    }
  ).dependencyGraph?.getCell?.(cell);
  const size = vertex?.array?.size as { width?: unknown; height?: unknown } | undefined;
  return typeof size?.width === "number" && typeof size.height === "number"
    ? { width: size.width, height: size.height }
    : { width: 1, height: 1 };
}

/** The formulas typed with spill references, by cell, and what the engine was last given. */
export class SpillReferences {
  private readonly typed = new Map<string, { cell: CellAddress; text: string; given: string }>();

  constructor(private readonly engine: HyperFormula) {}

  /** The formula as typed, for a cell whose formula has spill references. */
  typedAt(key: string): string | undefined {
    return this.typed.get(key)?.text;
  }

  /** Keeps `text` for the cell when it has spill references; returns what the engine is to be given. */
  enter(key: string, cell: CellAddress, text: string): string {
    if (!hasSpillReference(text)) {
      this.typed.delete(key);
      return text;
    }
    const given = this.writeOut(cell, text);
    this.typed.set(key, { cell, text, given });
    return given;
  }

  forget(key: string): void {
    this.typed.delete(key);
  }

  /** Forgets every formula of a sheet that is gone. */
  forgetSheet(sheet: number): void {
    for (const [key, entry] of [...this.typed])
      if (entry.cell.sheet === sheet) this.typed.delete(key);
  }

  /** Gives the engine each formula again whose spills changed size; returns how many. */
  refresh(): number {
    let changed = 0;
    for (const entry of this.typed.values()) {
      const given = this.writeOut(entry.cell, entry.text);
      if (given === entry.given) continue;
      entry.given = given;
      this.engine.setCellContents(entry.cell, given);
      changed++;
    }
    return changed;
  }

  private writeOut(cell: CellAddress, text: string): string {
    return writeOutSpills(text, (sheetName, anchor) => {
      const sheet = sheetName === null ? cell.sheet : this.engine.getSheetId(sheetName);
      if (sheet === undefined) return "#REF!";
      const at = { sheet, row: anchor.row, col: anchor.column };
      if (this.engine.getCellFormula(at) === undefined) return "#REF!";
      const value: unknown = this.engine.getCellValue(at);
      if (isDetailedError(value) && value.value === "#SPILL!") return "#REF!";
      const { width, height } = spillSize(this.engine, at);
      const start = `${columnLetters(anchor.column)}${anchor.row + 1}`;
      if (width === 1 && height === 1) return start;
      return `${start}:${columnLetters(anchor.column + width - 1)}${anchor.row + height}`;
    });
  }
}
