/**
 * Imported tables as sheets: rows of text (from a CSV file or the clipboard) read cell by cell as
 * typed values (numbers, dates, text; ids with leading zeros stay text). A text that starts with
 * "=" stays text on import: a file's text never becomes a formula.
 */
import type { StoredCell } from "../model/cells";
import { type ReadOptions, readTyped } from "../model/typedValues";

export interface ImportedSheet {
  /** The sheet's wanted name (the file's name, or the workbook's sheet name). */
  readonly name: string;
  readonly rows: StoredCell[][];
  /** Formats the values were written in ($1,200, 12%, a date): row, column, format. */
  readonly cellFormats: [number, number, string][];
  /** Column widths in pixels, when the source has them. */
  readonly columnWidths?: number[];
}

/** Reads rows of text as cells; the formats they imply go with them. */
export function readTextRows(
  name: string,
  rows: readonly (readonly string[])[],
  options: ReadOptions = {}
): ImportedSheet {
  const cellFormats: [number, number, string][] = [];
  const cells = rows.map((texts, row) =>
    texts.map((text, column): StoredCell => {
      const read = readTyped(text, options);
      switch (read.kind) {
        case "blank":
          return null;
        case "number":
          if (read.format !== null) cellFormats.push([row, column, read.format]);
          return read.value;
        default:
          return read.value;
      }
    })
  );
  return { name, rows: cells, cellFormats };
}

/** A sheet name from a file's name: "mrr export.csv" → "mrr export". */
export function sheetNameOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "").trim() || "Imported";
}
