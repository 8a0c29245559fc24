/**
 * The Chinese function metadata (dist/functions.zh-CN.json), which Excel loads through the
 * manifest's zh-CN override: same ids, names and parameters as the English one, so formulas are
 * the same in every language, with every description translated.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DIST, type Metadata } from "../support/bundle";

const require = createRequire(import.meta.url);
const { localizeMetadata } = require("../../scripts/localized-metadata.js") as {
  localizeMetadata: (m: Metadata, t: unknown, locale: string) => { missing: string[]; unknown: string[] };
};

const english = JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8")) as Metadata;
const chinese = JSON.parse(readFileSync(`${DIST}/functions.zh-CN.json`, "utf8")) as Metadata;
const CJK = /[\u4e00-\u9fff]/;

describe("functions.zh-CN.json", () => {
  it("lists the same function ids, in the same order, with the same names", () => {
    expect(chinese.functions.map((f) => [f.id, f.name])).toEqual(english.functions.map((f) => [f.id, f.name]));
  });

  it("keeps every parameter's count, order, type, dimensionality and optionality", () => {
    english.functions.forEach((fn, i) => {
      const zh = chinese.functions[i];
      expect(zh?.parameters.length, fn.id).toBe(fn.parameters.length);
      fn.parameters.forEach((p, j) => {
        const q = zh?.parameters[j];
        expect([q?.type, q?.dimensionality, q?.optional], `${fn.id} ${p.name}`).toEqual([p.type, p.dimensionality, p.optional]);
      });
      expect(zh?.result).toEqual(fn.result);
    });
  });

  it("translates every description and parameter name and description", () => {
    for (const fn of chinese.functions) {
      expect(fn.description, fn.id).toMatch(CJK);
      for (const p of fn.parameters) {
        expect(p.name, `${fn.id} ${p.name}`).toMatch(CJK);
        expect(p.description, `${fn.id} ${p.name}`).toMatch(CJK);
      }
    }
  });

  it("points the help links at the Chinese help page and lets error cells in, like the English one", () => {
    for (const fn of chinese.functions) expect(fn.helpUrl).toMatch(new RegExp(`/help\\.zh-CN\\.html#${fn.id.replace(/\./g, "\\.")}$`));
    expect(chinese.allowErrorForDataTypeAny).toBe(true);
    expect(chinese.allowCustomDataForDataTypeAny).toBe(english.allowCustomDataForDataTypeAny);
  });

  it("the build step reports a function or parameter left untranslated (and so fails the build)", () => {
    const result = localizeMetadata(english, { parameters: {}, functions: { NOT_A_FUNCTION: { description: "x" } } }, "zh-CN");
    expect(result.missing).toContain("NRR: description");
    expect(result.missing).toContain("NRR: parameter start_mrr");
    expect(result.unknown).toEqual(["NOT_A_FUNCTION"]);
  });
});
