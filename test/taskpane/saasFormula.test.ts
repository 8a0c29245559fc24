/** Formulas by argument name, in the order of the functions' own metadata. */
import { describe, expect, it } from "vitest";
import { saasCall } from "../../src/taskpane/saasFormula";
import { loadBundle } from "../support/bundle";

describe("=SAAS.* formulas written by argument name", () => {
  it("places each argument where the metadata puts it, whatever order they are given in", () => {
    expect(
      saasCall("MRRCHURN", {
        segments: "C2:C9",
        end_mrr: "B2:B9",
        include_contraction: "TRUE()",
        start_mrr: "A2:A9",
      })
    ).toBe("SAAS.MRRCHURN(A2:A9,B2:B9,TRUE(),C2:C9)");
    expect(saasCall("QUICKRATIO", { start_mrr: "A:A", end_mrr: "B:B", history: "C:D" })).toBe(
      "SAAS.QUICKRATIO(A:A,B:B,C:D)"
    );
    expect(saasCall("NRR", { start_mrr: "A:A", end_mrr: "B:B", segments: undefined })).toBe(
      "SAAS.NRR(A:A,B:B)"
    );
  });

  it("refuses a gap before a given argument, and names it never had", () => {
    expect(() =>
      saasCall("MRRCHURN", { start_mrr: "A:A", end_mrr: "B:B", segments: "C:C" })
    ).toThrow("SAAS.MRRCHURN needs include_contraction before the arguments after it");
    expect(() => saasCall("NRR", { start: "A:A" })).toThrow("SAAS.NRR has no argument start");
    expect(() => saasCall("NOPE", {})).toThrow("SAAS.NOPE is not a function of the add-in");
  });

  it("knows every function of the built metadata, with its parameters in order", () => {
    for (const fn of loadBundle().metadata.functions) {
      const args = Object.fromEntries(fn.parameters.map((p, i) => [p.name, `a${i}`]));
      expect(saasCall(fn.id, args)).toBe(
        `SAAS.${fn.id}(${fn.parameters.map((_, i) => `a${i}`).join(",")})`
      );
    }
  });
});
