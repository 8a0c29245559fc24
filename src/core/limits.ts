/**
 * Excel's sheet limits (docs/functions.md, Conventions, "Limits"): a spill cannot be larger than
 * a sheet, so a result that would not fit is an error saying so, never a truncated table.
 */
import { invalidValue } from "./errors";

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Refuses a spill of `rows` × `columns` that no sheet can hold.
 *
 * @example requireFitsOnSheet(1_048_577, 2) throws "the result would be 1048577 rows × 2 columns…"
 */
export function requireFitsOnSheet(rows: number, columns: number): void {
  if (rows <= SHEET_ROWS && columns <= SHEET_COLUMNS) return;
  throw invalidValue("limit.spill", {
    shape: { shape: { rows, columns } },
    sheet: { shape: { rows: SHEET_ROWS, columns: SHEET_COLUMNS } },
  });
}
