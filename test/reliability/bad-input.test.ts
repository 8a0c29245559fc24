/**
 * Runs the bad-input catalogue (catalogue.ts) through the built bundle as Excel calls it: each
 * case's exact error value and message fragment, or its result.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, loadBundle } from "../support/bundle";
import { cases } from "./catalogue";

describe(`the bad-input catalogue: ${cases.length} cases through the built bundle`, () => {
  it("holds at least 150 cases and covers every function in functions.json", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const covered = new Set(cases.map((c) => c.fn));
    for (const fn of loadBundle().metadata.functions) expect(covered, fn.id).toContain(fn.id);
  });

  for (const c of cases) {
    it(`SAAS.${c.fn}: ${c.why}`, () => {
      const result = callAsExcel(c.fn, ...c.args);
      if (c.error !== undefined) {
        const error = result as { error?: string; message?: string };
        expect(error.error, JSON.stringify(result)?.slice(0, 200)).toBe(c.error);
        if (c.message !== undefined) expect(error.message).toContain(c.message);
      } else if (typeof c.result === "number") {
        expect(result as number).toBeCloseTo(c.result, 12);
      } else {
        expect(result).toEqual(c.result);
      }
    });
  }
});
