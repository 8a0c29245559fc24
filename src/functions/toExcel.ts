/**
 * The Excel boundary of every custom function: turns the core's result or MetricError into what
 * Excel shows. Only #VALUE! and #N/A display a message (shared/docs/office-platform.md), so
 * those carry it, in the user's display language; any other failure still becomes a #VALUE!
 * with a message, never a bare one.
 */
import { MetricError, type ResultCell, type ResultTable, requireFitsOnSheet } from "../core";
import { localizeMessage } from "./localizedErrors";

function excelError(error: MetricError, functionName: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (error.kind) {
    case "value":
      return new CustomFunctions.Error(
        codes.invalidValue,
        localizeMessage(functionName, error.message)
      );
    case "na":
      return new CustomFunctions.Error(
        codes.notAvailable,
        localizeMessage(functionName, error.message)
      );
    case "div0":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "num":
      return new CustomFunctions.Error(codes.invalidNumber);
    case "null":
      return new CustomFunctions.Error(codes.nullReference);
  }
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
    if (error instanceof MetricError) throw excelError(error, functionName);
    const detail = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      localizeMessage(
        functionName,
        `SAAS.${functionName} failed unexpectedly (${detail}); please report this with the inputs`
      )
    );
  }
  // The core keeps every figure finite; a non-finite one would show as a number Excel cannot
  // hold, so it is #NUM! here whatever happened upstream.
  if (typeof result === "number") {
    if (!Number.isFinite(result))
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return [[result]];
  }
  try {
    requireFitsOnSheet(result.length, result[0]?.length ?? 0);
  } catch (error) {
    throw excelError(error as MetricError, functionName);
  }
  const toCell = (cell: ResultCell): unknown => {
    if (cell instanceof MetricError) return excelError(cell, functionName);
    if (typeof cell === "number" && !Number.isFinite(cell))
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return cell;
  };
  return result.map((row) => row.map(toCell));
}
