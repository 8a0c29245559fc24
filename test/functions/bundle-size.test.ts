/**
 * Bundle budgets (sizes, not times): functions.js loads at every Excel start, so it stays small;
 * the task pane has a larger budget, office.js not included (it comes from Microsoft's CDN).
 */
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIST } from "../support/bundle";

export const BUDGETS = {
  // 60 KB until service periods (MRRMATRIX's covers) and SAAS.FX.CONVERT: about 7 KB of code
  // (spreading, run rates, the rate table and its lookups) and 3 KB of their messages in English
  // and Chinese brought it to 66 KB.
  "functions.js": 68 * 1024,
  "taskpane.js": 300 * 1024,
} as const;

describe("bundle budgets of the production build", () => {
  for (const [bundle, budget] of Object.entries(BUDGETS)) {
    it(`${bundle} is at most ${budget / 1024} KB minified`, () => {
      const size = statSync(`${DIST}/${bundle}`).size;
      expect(size, `${bundle} is ${(size / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(budget);
    });
  }
});
