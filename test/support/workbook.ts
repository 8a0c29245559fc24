/**
 * A real spreadsheet engine (HyperFormula, GPL-3.0, test/playground only) with the built bundle's
 * functions registered as its custom functions.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { hyperFormulaFunctions } from "../../src/playground/hyperformulaFunctions";
import { resizeSpills } from "../../src/playground/spills";
import { loadBundle } from "./bundle";

let registered = false;

export function registerBundleFunctions(): void {
  if (registered) return;
  const { metadata, implementations } = loadBundle();
  const { plugin, translations } = hyperFormulaFunctions(metadata, implementations);
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = true;
}

export function buildWorkbook(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  registerBundleFunctions();
  const workbook = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    smartRounding: false,
    useArrayArithmetic: true,
  });
  resizeSpills(workbook);
  return workbook;
}
