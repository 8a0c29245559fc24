/**
 * Reading an .xlsx workbook with ExcelJS: each worksheet becomes a sheet of values (a formula
 * gives the value Excel saved with it), with the number formats of its cells and its column
 * widths. The add-in's own formulas (`=SAAS.*`, saved by Excel as `_xldudf_SAAS_…`, as the
 * playground's export writes them) come back as formulas, so a workbook exported from the
 * playground opens in it again as it was.
 */
import type { Cell, CellValue as ExcelCellValue, Row, Workbook, Worksheet } from "exceljs";
import type { StoredCell } from "../model/cells";
import type { ImportedSheet } from "./tables";
import { formulaFromFile } from "./xlsxFormulas";

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** An ExcelJS cell (plain data in memory: nothing to load or sync, unlike Excel's API). */
const cellOf = (row: Row, column: number): Cell => row.getCell(column);

/**
 * A cell's number format as the playground shows it: Excel's built-in short date (format 14,
 * "mm-dd-yy" in the file, shown by Excel in the reader's own date order) as an ISO date.
 */
function fileFormat(format: string | undefined): string | null {
  if (!format || format === "General") return null;
  return /^m{1,2}-d{1,2}-yy$/i.test(format) ? "yyyy-mm-dd" : format;
}

/** Excel's column width unit (characters) to the grid's pixels, roughly as Excel draws them. */
const pixels = (characters: number) => Math.round(characters * 7 + 5);

function valueOf(
  value: ExcelCellValue,
  formats: (format: string) => void,
  names: readonly string[]
): StoredCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    formats("yyyy-mm-dd");
    return (value.getTime() - EPOCH) / DAY;
  }
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const formula = "formula" in value ? value.formula : undefined;
      const kept = formula === undefined ? null : formulaFromFile(formula, names);
      if (kept !== null) return { formula: kept };
      return valueOf((value as { result?: ExcelCellValue }).result ?? null, formats, names);
    }
    if ("error" in value) return value.error;
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value) return String(value.text);
  }
  return null;
}

/**
 * Empties the cells of the spills of formulas kept as formulas: saved there are the values the
 * spill showed, which would block the spill when it is computed again.
 */
function blankSpills(worksheet: Worksheet, rows: StoredCell[][]): void {
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null || typeof cell !== "object" || !("formula" in cell)) return;
      const ref = (cellOf(worksheet.getRow(r + 1), c + 1).value as { ref?: unknown } | null)?.ref;
      const match = typeof ref === "string" ? /:\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref) : null;
      if (!match) return;
      const lastRow = Number(match[2]) - 1;
      const lastColumn = worksheet.getColumn(match[1] as string).number - 1;
      for (let row = r; row <= lastRow; row++)
        for (let column = c; column <= lastColumn; column++)
          if ((row !== r || column !== c) && rows[row]) (rows[row] as StoredCell[])[column] = null;
    })
  );
}

/** The sheets of an .xlsx file's bytes. */
export async function readXlsx(
  bytes: ArrayBuffer,
  ExcelJS: { Workbook: new () => Workbook },
  /** The add-in's function names ("NRR.PARTS"), to read its formulas back. */
  names: readonly string[] = []
): Promise<ImportedSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheets: ImportedSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: StoredCell[][] = [];
    const cellFormats: [number, number, string][] = [];
    const height = worksheet.rowCount;
    const width = worksheet.columnCount;
    for (let r = 1; r <= height; r++) {
      const row = worksheet.getRow(r);
      const cells: StoredCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = cellOf(row, c);
        let implied: string | null = null;
        const stored = valueOf(cell.value, (format) => (implied = format), names);
        const format = fileFormat(cell.numFmt) ?? implied;
        if (format !== null && typeof stored === "number") cellFormats.push([r - 1, c - 1, format]);
        cells.push(stored);
      }
      rows.push(cells);
    }
    blankSpills(worksheet, rows);
    while (
      rows.length > 0 &&
      (rows[rows.length - 1] as StoredCell[]).every((cell) => cell === null)
    )
      rows.pop();
    const columnWidths = Array.from({ length: width }, (_, c) => {
      const characters = worksheet.getColumn(c + 1).width;
      return characters === undefined ? 96 : pixels(characters);
    });
    sheets.push({ name: worksheet.name, rows, cellFormats, columnWidths });
  });
  return sheets;
}
