/** The used range of a sheet: the bounding box of its non-empty cells, as Excel reports it. */
import type { HyperFormula } from "hyperformula";
import type { SheetRange } from "../../workbook/inBrowserWorkbook";

/** The bounding box of a sheet's non-empty cells; null when it has none. */
export function usedRange(engine: HyperFormula, sheet: number): SheetRange | null {
  const { width, height } = engine.getSheetDimensions(sheet);
  if (width === 0 || height === 0) return null;
  const isEmpty = (row: number, col: number) => engine.isCellEmpty({ sheet, row, col });
  let top = 0;
  while (top < height && rowIsEmpty(top, width, isEmpty)) top++;
  if (top === height) return null;
  let left = 0;
  while (left < width && columnIsEmpty(left, top, height, isEmpty)) left++;
  let bottom = height - 1;
  while (bottom > top && rowIsEmpty(bottom, width, isEmpty)) bottom--;
  let right = width - 1;
  while (right > left && columnIsEmpty(right, top, bottom + 1, isEmpty)) right--;
  return {
    sheet,
    row: top,
    column: left,
    rowCount: bottom - top + 1,
    columnCount: right - left + 1,
  };
}

function rowIsEmpty(
  row: number,
  width: number,
  isEmpty: (row: number, col: number) => boolean
): boolean {
  for (let col = 0; col < width; col++) if (!isEmpty(row, col)) return false;
  return true;
}

function columnIsEmpty(
  col: number,
  top: number,
  bottom: number,
  isEmpty: (row: number, col: number) => boolean
): boolean {
  for (let row = top; row < bottom; row++) if (!isEmpty(row, col)) return false;
  return true;
}
