/**
 * Registers an add-in's custom functions with HyperFormula, calling them exactly as Excel does:
 * the built functions.js bundle supplies the implementations (through its
 * `CustomFunctions.associate` calls) and functions.json the signatures. Used by the tests' real
 * spreadsheet engine and by the playground; never by the add-in itself (HyperFormula is GPL-3.0,
 * a devDependency only).
 *
 * Excel's calling convention mirrored here (docs/architecture.md, "The Office platform, as this project found it"):
 * - a range parameter gets an array of rows, a single value in it gets [[value]];
 * - a blank cell is `null`, an omitted optional argument `null`;
 * - an error cell is passed on as an error object ({ code, message }), as with
 *   allowErrorForDataTypeAny;
 * - an invocation object is appended as the last argument.
 */
import { type ErrorValue, isErrorValueText } from "../core/sheet/cells";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  SimpleRangeValue,
} from "hyperformula";
import { type SimpleAddress, argumentAddress, sheetAddress } from "./parameterAddresses";
import { SPILL_SIZE_CHANGED } from "./spills";

export interface CustomFunctionParameter {
  readonly name: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

export interface CustomFunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly CustomFunctionParameter[];
  readonly result?: { readonly dimensionality?: string };
  /** What Excel passes in the invocation object besides the function's name. */
  readonly options?: {
    readonly requiresAddress?: boolean;
    readonly requiresParameterAddresses?: boolean;
  };
}

/** The invocation object Excel appends to every call (the parts the playground gives). */
export interface Invocation {
  readonly functionName: string;
  /** The calling cell ("Sheet1!B2"), for a function declaring requiresAddress. */
  readonly address?: string;
  /** One address per argument ("" for a non-reference), for requiresParameterAddresses. */
  readonly parameterAddresses?: string[];
}

export type CustomFunctionImplementation = (...args: unknown[]) => unknown;

/** An error as a custom function throws or returns it: CustomFunctions.Error's shape. */
interface ErrorLike {
  readonly code: string;
  readonly message?: string;
}

const EXCEL_CODE_BY_HF_ERROR: Record<string, ErrorValue> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.CYCLE]: "#REF!",
};

const HF_ERROR_BY_EXCEL_CODE: Partial<Record<ErrorValue, ErrorType>> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

function isErrorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === "object" && value !== null && typeof (value as ErrorLike).code === "string"
  );
}

/** A cell value as Excel hands it to a custom function. */
function toExcelCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) {
    return {
      code: EXCEL_CODE_BY_HF_ERROR[value.type] ?? "#VALUE!",
      message: value.message || undefined,
    };
  }
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val;
  return value;
}

/** The parts of a SimpleRangeValue over sheet cells that it has not read yet (internals). */
interface UnreadRange {
  readonly _data?: unknown;
  readonly range?: {
    readonly start: { readonly sheet: number; readonly row: number; readonly col: number };
    effectiveEndRow(graph: unknown): number;
    effectiveEndColumn(graph: unknown): number;
  };
  readonly dependencyGraph?: { getScalarValue(address: SimpleCellAddress): unknown };
}

interface SimpleCellAddress {
  sheet: number;
  row: number;
  col: number;
}

/**
 * A range's cells as Excel passes them, read straight from the sheet. SimpleRangeValue's own
 * `data` first builds an address object and a value for every cell, then this function a second
 * array: over a board pack's ledger (300,000 lines, a dozen references) that garbage costs
 * seconds. Same values: each cell as getScalarValue gives it, which is what `data` holds.
 */
function rangeCells(value: SimpleRangeValue): unknown[][] {
  const unread = value as unknown as UnreadRange;
  const { range, dependencyGraph: graph } = unread;
  if (unread._data !== undefined || range === undefined || graph === undefined)
    return value.data.map((row) => row.map(toExcelCell));
  const lastRow = range.effectiveEndRow(graph);
  const lastColumn = range.effectiveEndColumn(graph);
  const address: SimpleCellAddress = { sheet: range.start.sheet, row: 0, col: 0 };
  const rows: unknown[][] = [];
  for (let row = range.start.row; row <= lastRow; row++) {
    const cells: unknown[] = [];
    address.row = row;
    for (let col = range.start.col; col <= lastColumn; col++) {
      address.col = col;
      cells.push(toExcelCell(graph.getScalarValue(address)));
    }
    rows.push(cells);
  }
  return rows;
}

function toExcelArgument(value: unknown, parameter: CustomFunctionParameter | undefined): unknown {
  if (value === undefined) return null; // omitted optional argument
  if (value instanceof SimpleRangeValue) {
    const grid = rangeCells(value);
    if (parameter?.dimensionality === "matrix") return grid;
    return grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid;
  }
  const cell = toExcelCell(value);
  return parameter?.dimensionality === "matrix" ? [[cell]] : cell;
}

function toHyperFormulaValue(value: unknown): unknown {
  if (isErrorLike(value))
    return new CellError(
      (isErrorValueText(value.code) && HF_ERROR_BY_EXCEL_CODE[value.code]) || ErrorType.ERROR,
      value.message
    );
  if (value === null || value === undefined) return 0; // Excel shows a null result as 0
  return value;
}

export interface HyperFormulaFunctions {
  readonly plugin: FunctionPluginDefinition;
  readonly translations: Record<string, Record<string, string>>;
  /** The formula names registered, e.g. "SAAS.NRR". */
  readonly names: readonly string[];
}

/** A spill's size as the writer of its formula expects it. */
export interface SpillHint {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Sizes announced for formulas about to be entered, by cell: HyperFormula fixes a spill's size
 * when its formula is entered, which for a SAAS function means computing it once to size it and
 * again for its value. A board pack knows its spills' sizes from the analysis; a hint, taken once,
 * saves the first computation. A wrong hint is caught like any change of size (the formula is
 * re-entered), so it costs time, never a value.
 */
const spillHints = new Map<string, SpillHint>();
const hintKey = (address: { sheet: number; row: number; col: number }) =>
  `${address.sheet}:${address.row}:${address.col}`;

export function hintSpill(address: { sheet: number; row: number; col: number }, size: SpillHint) {
  spillHints.set(hintKey(address), size);
}

/** Forgets hints not taken (called after each write, so none outlives the formulas it was for). */
export function forgetSpillHints(): void {
  spillHints.clear();
}

/**
 * Builds a HyperFormula function plugin for every function in `metadata`, each calling the
 * implementation the bundle associated with its id.
 */
export function hyperFormulaFunctions(
  metadata: { readonly functions: readonly CustomFunctionMetadata[] },
  implementations: ReadonlyMap<string, CustomFunctionImplementation>,
  namespace = "SAAS"
): HyperFormulaFunctions {
  const implementedFunctions: Record<string, unknown> = {};
  const methods: Record<string, unknown> = {};
  const names: string[] = [];

  for (const fn of metadata.functions) {
    const implementation = implementations.get(fn.id);
    if (!implementation)
      throw new Error(`functions.json lists ${fn.id}, but the bundle never associated it`);
    const formulaName = `${namespace}.${fn.name}`;
    const method = `call_${fn.id.replace(/\./g, "_")}`;
    const sizeMethod = `size_${fn.id.replace(/\./g, "_")}`;
    names.push(formulaName);

    const invoke = (args: unknown[], invocation: Invocation): unknown => {
      const excelArgs = fn.parameters.map((parameter, i) => toExcelArgument(args[i], parameter));
      try {
        return implementation(...excelArgs, invocation);
      } catch (error) {
        if (isErrorLike(error)) return error;
        throw error;
      }
    };

    implementedFunctions[formulaName] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: fn.parameters.map((parameter) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: parameter.optional === true,
      })),
    };

    methods[method] = function (this: PluginInternals, ast: { args: unknown[] }, state: unknown) {
      const invocation = invocationOf(fn, formulaName, ast.args, state, this);
      return this.runFunction(ast.args, state, this.metadata(formulaName), (...args: unknown[]) => {
        const result = invoke(args, invocation);
        const grid = Array.isArray(result)
          ? (result as unknown[][]).map((row) => row.map(toHyperFormulaValue))
          : [[toHyperFormulaValue(result)]];
        const declared = declaredSpillSize(ast, state);
        if (
          declared !== undefined &&
          (declared.height !== grid.length || declared.width !== (grid[0]?.length ?? 0))
        ) {
          // HyperFormula throws from deep inside its recalculation ("Resizing to smaller array")
          // when a spill outgrows the size fixed at entry, leaving the workbook half-recalculated,
          // and fills the whole former spill with a single value or error. Excel would resize the
          // spill: report it, and settleSpills re-enters the formula.
          return new CellError(ErrorType.SPILL, SPILL_SIZE_CHANGED);
        }
        if (grid.length === 1 && grid[0]?.length === 1) return grid[0][0];
        return SimpleRangeValue.onlyValues(grid as never);
      });
    };

    // A spill's size depends on the data (one row per segment), so the call is evaluated to
    // learn it. HyperFormula fixes the size when the formula is entered.
    methods[sizeMethod] = function (
      this: PluginInternals,
      ast: { args: unknown[] },
      state: unknown
    ) {
      if (fn.result?.dimensionality !== "matrix") return ArraySize.scalar();
      if (isSingleFigure(fn, ast.args)) return ArraySize.scalar();
      const at = (state as { formulaAddress?: { sheet: number; row: number; col: number } })
        .formulaAddress;
      const hint = at === undefined ? undefined : spillHints.get(hintKey(at));
      if (at !== undefined && hint !== undefined) {
        spillHints.delete(hintKey(at));
        return hint.rows * hint.columns > 1
          ? new ArraySize(hint.columns, hint.rows)
          : ArraySize.scalar();
      }
      try {
        const args = ast.args.map((arg) =>
          isEmptyArgument(arg) ? undefined : this.evaluateAst(arg, state)
        );
        const result = invoke(args, invocationOf(fn, formulaName, ast.args, state, this));
        if (Array.isArray(result) && Array.isArray(result[0])) {
          return new ArraySize((result[0] as unknown[]).length, result.length);
        }
      } catch {
        // The evaluation proper reports the problem in the cell.
      }
      return ArraySize.scalar();
    };
  }

  class SaasFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implementedFunctions as never;
  }
  Object.assign(SaasFunctionsPlugin.prototype, methods);

  const translation = Object.fromEntries(names.map((name) => [name, name]));
  return {
    plugin: SaasFunctionsPlugin as unknown as FunctionPluginDefinition,
    translations: { enGB: translation, enUS: translation },
    names,
  };
}

interface PluginInternals {
  runFunction(
    args: unknown[],
    state: unknown,
    metadata: unknown,
    fn: (...args: unknown[]) => unknown
  ): unknown;
  metadata(name: string): unknown;
  evaluateAst(ast: unknown, state: unknown): unknown;
}

/** The sheet names of the plugin's workbook (HyperFormula's dependency graph, not public API). */
function sheetNamesOf(plugin: unknown): (sheet: number) => string | undefined {
  const mapping = (
    plugin as { dependencyGraph?: { sheetMapping?: { getSheetName?(id: number): unknown } } }
  ).dependencyGraph?.sheetMapping;
  return (sheet) => {
    const name = mapping?.getSheetName?.(sheet);
    return typeof name === "string" ? name : undefined;
  };
}

/** The invocation object for a call, with the addresses the function's metadata asks for. */
function invocationOf(
  fn: CustomFunctionMetadata,
  functionName: string,
  args: readonly unknown[],
  state: unknown,
  plugin: unknown
): Invocation {
  const { requiresAddress, requiresParameterAddresses } = fn.options ?? {};
  const at = (state as { formulaAddress?: SimpleAddress } | undefined)?.formulaAddress;
  if ((!requiresAddress && !requiresParameterAddresses) || at === undefined)
    return { functionName };
  const sheetName = sheetNamesOf(plugin);
  const name = sheetName(at.sheet);
  return {
    functionName,
    ...(requiresAddress && name !== undefined
      ? {
          address: sheetAddress(name, { row: at.row, column: at.col, rowCount: 1, columnCount: 1 }),
        }
      : {}),
    ...(requiresParameterAddresses
      ? {
          parameterAddresses: fn.parameters.map((_, i) =>
            args[i] === undefined || isEmptyArgument(args[i])
              ? ""
              : argumentAddress(args[i], at, sheetName)
          ),
        }
      : {}),
  };
}

/**
 * True when a call is known to give one figure without running it: a function with `segments`
 * and `segment` spills a table only when `segments` is given and `segment` is not
 * (docs/functions.md, "Segments"). Sizing such a call by running it would compute it twice
 * over its ranges (a board pack over 100,000 rows has dozens of them).
 */
function isSingleFigure(fn: CustomFunctionMetadata, args: readonly unknown[]): boolean {
  const segments = fn.parameters.findIndex((parameter) => parameter.name === "segments");
  const segment = fn.parameters.findIndex((parameter) => parameter.name === "segment");
  if (segments < 0 || segment < 0) return false;
  const omitted = (ast: unknown) => ast === undefined || isEmptyArgument(ast);
  return omitted(args[segments]) || !omitted(args[segment]);
}

function isEmptyArgument(ast: unknown): boolean {
  return typeof ast === "object" && ast !== null && (ast as { type?: string }).type === "EMPTY";
}

/**
 * The size HyperFormula fixed for the spill of the formula being evaluated, when `ast` is that
 * formula's outermost call (a call nested in another formula returns into that formula, not into
 * cells). Reads HyperFormula's interpreter state (formulaVertex.array.size), which its public API
 * does not expose; undefined whenever that shape is not found.
 */
function declaredSpillSize(
  ast: unknown,
  state: unknown
): { readonly width: number; readonly height: number } | undefined {
  const vertex = (state as { formulaVertex?: { formula?: unknown; array?: { size?: unknown } } })
    ?.formulaVertex;
  if (vertex === undefined || vertex.formula !== ast) return undefined;
  const size = vertex.array?.size as { width?: unknown; height?: unknown } | undefined;
  return typeof size?.width === "number" && typeof size.height === "number"
    ? { width: size.width, height: size.height }
    : undefined;
}
