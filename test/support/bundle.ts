/**
 * Loads the built dist/functions.js as Excel does: in a page whose global `CustomFunctions`
 * offers associate, Error and ErrorCode, then calls functions the way Excel calls them.
 */
import { readFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";

export const DIST = resolve(__dirname, "../../dist");

/** Stand-in for CustomFunctions.ErrorCode: the values are the error values a cell shows. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Stand-in for CustomFunctions.Error. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: {
    name: string;
    description: string;
    dimensionality?: string;
    optional?: boolean;
    type?: string;
  }[];
  result: { dimensionality?: string };
}

export interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

export interface LoadedBundle {
  readonly metadata: Metadata;
  readonly implementations: Map<string, (...args: unknown[]) => unknown>;
  /** Every id passed to associate, in order, duplicates included. */
  readonly associatedIds: string[];
}

const cached = new Map<string, LoadedBundle>();

/**
 * The bundle in a page of its own; with `displayLanguage`, that page has an office.js stand-in
 * whose Office.context.displayLanguage says so, as Excel's runtime does.
 */
export function loadBundle(displayLanguage?: string): LoadedBundle {
  const key = displayLanguage ?? "";
  const known = cached.get(key);
  if (known) return known;
  const script = resolve(DIST, "functions.js");
  if (!existsSync(script))
    throw new Error("dist/functions.js is missing: run `npm run build` (npm test does it first)");
  const metadata = JSON.parse(readFileSync(resolve(DIST, "functions.json"), "utf8")) as Metadata;
  const implementations = new Map<string, (...args: unknown[]) => unknown>();
  const associatedIds: string[] = [];
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      associatedIds.push(id);
      implementations.set(id, fn);
    },
    Error: StandInError,
    ErrorCode,
  };
  const globals: Record<string, unknown> = { CustomFunctions, console };
  if (displayLanguage) globals["Office"] = { context: { displayLanguage } };
  const context = vm.createContext(globals);
  vm.runInContext(readFileSync(script, "utf8"), context, { filename: script });
  const bundle = { metadata, implementations, associatedIds };
  cached.set(key, bundle);
  return bundle;
}

/** What a cell shows: a value, a spilled grid, or an error with its message. */
export type CellResult = unknown;
export interface ErrorResult {
  error: string;
  message?: string;
}

/**
 * Calls a function as Excel does: omitted optional arguments as null, and an invocation object
 * appended. A thrown CustomFunctions.Error comes back as { error, message }; anything else thrown
 * fails the test (Excel would show a bare #VALUE!).
 */
export function callAsExcel(id: string, ...args: unknown[]): CellResult | ErrorResult {
  return callInLanguage(undefined, id, ...args);
}

/** callAsExcel in a runtime whose Office display language is `displayLanguage`. */
export function callInLanguage(
  displayLanguage: string | undefined,
  id: string,
  ...args: unknown[]
): CellResult | ErrorResult {
  return callWith({ displayLanguage }, id, ...args);
}

/**
 * callAsExcel with Excel's view of where the call sits: the calling cell and each argument's
 * range address (`invocation.parameterAddresses`, "" for an argument that is not a range).
 */
export function callWithAddresses(
  addresses: { caller?: string; parameters: readonly string[]; displayLanguage?: string },
  id: string,
  ...args: unknown[]
): CellResult | ErrorResult {
  return callWith(
    {
      displayLanguage: addresses.displayLanguage,
      caller: addresses.caller ?? "Sheet1!Z99",
      parameterAddresses: addresses.parameters,
    },
    id,
    ...args
  );
}

function callWith(
  how: { displayLanguage?: string; caller?: string; parameterAddresses?: readonly string[] },
  id: string,
  ...args: unknown[]
): CellResult | ErrorResult {
  const { displayLanguage } = how;
  const { metadata, implementations } = loadBundle(displayLanguage);
  const fn = metadata.functions.find((f) => f.id === id);
  const implementation = implementations.get(id);
  if (!fn || !implementation) throw new Error(`no function ${id} in the bundle`);
  if (args.length > fn.parameters.length)
    throw new Error(`${id} takes ${fn.parameters.length} arguments`);
  const padded = [...args];
  while (padded.length < fn.parameters.length) padded.push(null);
  const invocation = {
    functionName: `SAAS.${fn.name}`,
    address: how.caller ?? "Sheet1!Z99",
    ...(how.parameterAddresses ? { parameterAddresses: how.parameterAddresses } : {}),
  };
  try {
    return simplify(implementation(...padded, invocation));
  } catch (error) {
    if (error instanceof StandInError) return { error: error.code, message: error.message };
    throw new Error(`${id} threw ${String(error)}: Excel would show a bare #VALUE!`);
  }
}

/** A 1×1 spill is what the cell shows; errors inside a spill become { error, message }. */
function simplify(result: unknown): unknown {
  if (!Array.isArray(result)) return result;
  const grid = (result as unknown[][]).map((row) =>
    row.map((cell) =>
      cell instanceof StandInError ? { error: cell.code, message: cell.message } : cell
    )
  );
  return grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid;
}

/** A column range as Excel passes it: [[a], [b], …]. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((value) => [value]);
}
