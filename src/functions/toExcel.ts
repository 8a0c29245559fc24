/**
 * The Excel boundary of every custom function: turns the core's result or MetricError into what
 * Excel shows. Only #VALUE! and #N/A display a message (shared/docs/office-platform.md), so
 * those carry it; any other failure still becomes a #VALUE! with a message, never a bare one.
 */
import { MetricError, type ResultCell, type ResultTable } from "../core";

function excelError(error: MetricError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (error.kind) {
    case "value":
      return new CustomFunctions.Error(codes.invalidValue, error.message);
    case "na":
      return new CustomFunctions.Error(codes.notAvailable, error.message);
    case "div0":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "num":
      return new CustomFunctions.Error(codes.invalidNumber);
    case "null":
      return new CustomFunctions.Error(codes.nullReference);
  }
}

function toCell(cell: ResultCell): unknown {
  return cell instanceof MetricError ? excelError(cell) : cell;
}

/**
 * Runs a function body and returns its result as a spill: a figure as a 1×1 array (which Excel
 * shows as a plain value), a table as it is, with errors in single cells kept in those cells.
 */
export function toExcel(functionName: string, compute: () => number | ResultTable): unknown[][] {
  let result: number | ResultTable;
  try {
    result = compute();
  } catch (error) {
    if (error instanceof MetricError) throw excelError(error);
    const detail = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `SAAS.${functionName} failed unexpectedly (${detail}); please report this with the inputs`
    );
  }
  if (typeof result === "number") return [[result]];
  return result.map((row) => row.map(toCell));
}
