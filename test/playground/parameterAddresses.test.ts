/**
 * invocation.parameterAddresses as the playground builds them for a function whose metadata
 * declares `options.requiresParameterAddresses` (as Excel does): the sheet-qualified address of
 * each argument that is a reference, "" for any other argument; nothing for a function that does
 * not ask. Checked with a fake function registered in HyperFormula the way the add-in's are.
 */
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { ENGINE_CONFIG } from "../../src/playground/engine";
import {
  type CustomFunctionMetadata,
  type Invocation,
  hyperFormulaFunctions,
} from "../../src/playground/hyperformulaFunctions";
import { argumentAddress, sheetAddress } from "../../src/playground/parameterAddresses";

const parameters = ["a", "b", "c", "d", "e", "f", "g"].map((name, i) => ({
  name,
  dimensionality: "matrix",
  optional: i > 0,
}));
const metadata: { functions: CustomFunctionMetadata[] } = {
  functions: [
    { id: "WHERE", name: "WHERE", parameters, options: { requiresParameterAddresses: true } },
    { id: "WHEREAMI", name: "WHEREAMI", parameters, options: { requiresAddress: true } },
    { id: "PLAIN", name: "PLAIN", parameters },
  ],
};
const seen: Invocation[] = [];
const record = (...args: unknown[]) => {
  const invocation = args[args.length - 1] as Invocation;
  seen.push(invocation);
  return invocation.parameterAddresses?.join("|") ?? invocation.address ?? "none";
};
const implementations = new Map(metadata.functions.map((fn) => [fn.id, record]));
const { plugin, translations } = hyperFormulaFunctions(metadata, implementations, "TEST");
HyperFormula.registerFunctionPlugin(plugin, translations);

function evaluate(formula: string, at = { row: 9, col: 3 }): unknown {
  const engine = HyperFormula.buildFromSheets(
    { Data: [[1, 2, 3]], "My sheet": [[4, 5]], "Q1 '24": [[6]] },
    ENGINE_CONFIG
  );
  const sheet = engine.getSheetId("Data") as number;
  engine.setCellContents({ sheet, ...at }, formula);
  return engine.getCellValue({ sheet, ...at });
}

describe("invocation.parameterAddresses in the playground", () => {
  it("gives each reference argument its sheet-qualified address and every other argument ''", () => {
    expect(evaluate(`=TEST.WHERE(A1,'My sheet'!B2:C3,5,{1,2},SUM(A1:A2),A:B,2:3)`)).toBe(
      "Data!A1|'My sheet'!B2:C3||||Data!A:B|Data!2:3"
    );
  });

  it("names another sheet's cells, quotes names as Excel does, and '' for an omitted argument", () => {
    expect(evaluate(`=TEST.WHERE(Data!$C$1,'Q1 ''24'!A1,"text",,TRUE())`)).toBe(
      "Data!C1|'Q1 ''24'!A1|||||"
    );
    expect(seen.at(-1)?.parameterAddresses).toEqual([
      "Data!C1",
      "'Q1 ''24'!A1",
      "",
      "",
      "",
      "",
      "",
    ]);
  });

  it("resolves relative references from the formula's own cell", () => {
    expect(evaluate("=TEST.WHERE(B1:B3)", { row: 20, col: 5 })).toBe("Data!B1:B3||||||");
  });

  it("gives the calling cell for requiresAddress, and nothing to a function that asks for neither", () => {
    expect(evaluate("=TEST.WHEREAMI(A1)", { row: 4, col: 1 })).toBe("Data!B5");
    expect(evaluate("=TEST.PLAIN(A1)")).toBe("none");
    expect(seen.at(-1)).toEqual({ functionName: "TEST.PLAIN" });
  });

  it("writes sheet addresses as Excel does", () => {
    const range = { row: 1, column: 1, rowCount: 300, columnCount: 1 };
    expect(sheetAddress("Sheet1", range)).toBe("Sheet1!B2:B301");
    expect(sheetAddress("My sheet", { row: 4, column: 2, rowCount: 1, columnCount: 1 })).toBe(
      "'My sheet'!C5"
    );
    expect(
      argumentAddress({ type: "NUMBER", value: 5 }, { sheet: 0, row: 0, col: 0 }, () => "S")
    ).toBe("");
  });
});
