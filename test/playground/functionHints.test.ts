/**
 * Where the caret is in a formula, for the function hints: typing a function's name after
 * `=SAAS.`, or inside a call's parentheses on its n-th argument (commas inside nested calls,
 * array constants and quoted text do not count).
 */
import { describe, expect, it } from "vitest";
import { formulaContext } from "../../src/playground/grid/functionHints";
import { firstSentence } from "../../src/playground/page/catalogue";

const at = (text: string) => formulaContext(text.replace("|", ""), text.indexOf("|"));

describe("the formula hints' context", () => {
  it.each([
    ["=SAAS.|", { kind: "name", typed: "", start: 1 }],
    ["=SAAS.nr|", { kind: "name", typed: "NR", start: 1 }],
    ["=1+SAAS.NRR.P|", { kind: "name", typed: "NRR.P", start: 3 }],
    ["=SAAS.NRR(|", { kind: "argument", name: "NRR", index: 0 }],
    ["=SAAS.NRR(B2:B9, C|", { kind: "argument", name: "NRR", index: 1 }],
    ["=SAAS.GRR(SUM(A1,A2), |", { kind: "argument", name: "GRR", index: 1 }],
    ["=SAAS.NRR(B2:B9,SUM(A1,|", { kind: "none" }],
    ['=SAAS.NPS(A1:A9,"a,b",|', { kind: "argument", name: "NPS", index: 2 }],
    ["=SAAS.COMPOUND({1.01,1.02},|", { kind: "argument", name: "COMPOUND", index: 1 }],
    ["=SAAS.NRR(B2:B9,C2:C9)|", { kind: "none" }],
    ['="SAAS.|', { kind: "none" }],
    ["SAAS.|", { kind: "none" }],
  ])("%s", (text, context) => {
    expect(at(text)).toEqual(context);
  });

  it("shows the first sentence of a description on the list's one line", () => {
    expect(
      firstSentence("Net revenue retention (NRR, NDR): revenue kept. New revenue never counts.")
    ).toBe("Net revenue retention (NRR, NDR): revenue kept.");
    expect(
      firstSentence("客户数留存率：期初付费的客户中到期末仍在付费的比例。新客户不影响结果。")
    ).toBe("客户数留存率：期初付费的客户中到期末仍在付费的比例。");
  });
});
