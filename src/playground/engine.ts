/**
 * The playground's spreadsheet engine: HyperFormula (GPL-3.0, used under its `gpl-v3` licence
 * key; a devDependency that only the playground page and the tests load, never functions.js or
 * taskpane.js) configured to behave like Excel where the playground shows it, with the add-in's
 * custom functions registered from the built bundle.
 */
import { type ConfigParams, HyperFormula, type RawCellContent } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "../workbook/inBrowserWorkbook";
import {
  type CustomFunctionImplementation,
  type CustomFunctionMetadata,
  hyperFormulaFunctions,
} from "./hyperformulaFunctions";

export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel's dynamic arrays: a formula may spill, and ranges may be used in arithmetic.
  useArrayArithmetic: true,
  // The numbers as the functions return them (Excel keeps 15 digits; the grid rounds for display).
  smartRounding: false,
  // Excel's sheet size (HyperFormula's default stops at 40,000 rows).
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  // Dates typed as Excel in English (United States) reads them, and ISO dates.
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
};

let registered: readonly string[] | null = null;

/**
 * Registers the bundle's functions with HyperFormula (once per page: plugins are global to the
 * HyperFormula class). Returns the formula names, e.g. "SAAS.NRR".
 */
export function registerAddinFunctions(
  metadata: { readonly functions: readonly CustomFunctionMetadata[] },
  implementations: ReadonlyMap<string, CustomFunctionImplementation>
): readonly string[] {
  if (registered) return registered;
  const { plugin, translations, names } = hyperFormulaFunctions(metadata, implementations);
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = names;
  return names;
}

/**
 * Excel reads TRUE and FALSE in a formula as the logical values; HyperFormula only knows the
 * functions TRUE() and FALSE(). Names for them make `=SAAS.MRRCHURN(B2:B9,C2:C9,FALSE)` work as
 * typed in Excel.
 */
const LOGICAL_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/** A workbook of the given sheets, in the given order. */
export function buildEngine(contents: Record<string, RawCellContent[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(contents, ENGINE_CONFIG, LOGICAL_NAMES);
}
