/**
 * The Excel boundary of every custom function: turns the core's result or MetricError into what
 * Excel shows. Only #VALUE! and #N/A display a message (docs/architecture.md, "The Office platform"), so those carry
 * it, worded by src/i18n in the display language, naming the cell by its sheet address when Excel
 * passed the arguments' addresses (`requiresParameterAddresses`). Any other failure still becomes
 * a #VALUE! with a message, never a bare one.
 */
import "./outsideExcel";
import {
  MetricError,
  type ResultCell,
  SpillLabel,
  type ResultTable,
  requireFitsOnSheet,
  splitSheetAddress,
} from "../core";
import { UNEXPECTED, errorText, labelText } from "../i18n/errors";
import { type Language, languageOf } from "../i18n/language";

/**
 * Each function's parameter names in order, put in by the build from the metadata the JSDoc
 * generates (webpack's DefinePlugin; vitest's define), so that the address Excel gives for the
 * n-th argument is known by the name the core's messages use.
 */
declare const __FUNCTION_PARAMETERS__: Readonly<Record<string, readonly string[]>>;

/** What Excel passes last to every function (CustomFunctions.Invocation), as far as it is used. */
export interface Invocation {
  readonly address?: string;
  readonly parameterAddresses?: readonly string[];
}

/** The display language Office reports to this runtime (English outside Office). */
export function displayLanguage(): Language {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const tag = office?.context?.displayLanguage;
    return languageOf(typeof tag === "string" ? tag : null) ?? "en";
  } catch {
    return "en"; // office.js not ready
  }
}

/** The message of `error` for function `functionId` called as `invocation` describes. */
function messageOf(error: MetricError, functionId: string, invocation: Invocation | undefined) {
  const parameters = __FUNCTION_PARAMETERS__[functionId] ?? [];
  const addresses = invocation?.parameterAddresses;
  const caller = invocation?.address;
  let callerSheet: string | null = null;
  if (typeof caller === "string" && caller !== "") {
    try {
      callerSheet = splitSheetAddress(caller).sheetName;
    } catch {
      callerSheet = null;
    }
  }
  return errorText(error.worded, displayLanguage(), {
    functionId,
    callerSheet,
    addressOf: (argument) => {
      const index = parameters.indexOf(argument);
      const address = index < 0 ? undefined : addresses?.[index];
      return typeof address === "string" ? address : undefined;
    },
  });
}

function excelError(
  error: MetricError,
  functionId: string,
  invocation: Invocation | undefined
): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (error.kind) {
    case "value":
      return new CustomFunctions.Error(
        codes.invalidValue,
        messageOf(error, functionId, invocation)
      );
    case "na":
      return new CustomFunctions.Error(
        codes.notAvailable,
        messageOf(error, functionId, invocation)
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
export function toExcel(
  functionId: string,
  invocation: Invocation | undefined,
  compute: () => number | ResultTable
): unknown[][] {
  let result: number | ResultTable;
  try {
    result = compute();
    if (typeof result !== "number") requireFitsOnSheet(result.length, result[0]?.length ?? 0);
  } catch (error) {
    if (error instanceof MetricError) throw excelError(error, functionId, invocation);
    const detail = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      errorText({ key: UNEXPECTED, params: { function: functionId, detail } }, displayLanguage())
    );
  }
  // The core keeps every figure finite; a non-finite one would show as a number Excel cannot
  // hold, so it is #NUM! here whatever happened upstream.
  if (typeof result === "number") {
    if (!Number.isFinite(result))
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return [[result]];
  }
  let language: Language | undefined;
  const toCell = (cell: ResultCell): unknown => {
    if (cell instanceof MetricError) return excelError(cell, functionId, invocation);
    // A header or a row's name, in the display language (asked for once per call).
    if (cell instanceof SpillLabel) return labelText(cell, (language ??= displayLanguage()));
    if (typeof cell === "number" && !Number.isFinite(cell))
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return cell;
  };
  return result.map((row) => row.map(toCell));
}
