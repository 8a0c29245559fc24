/**
 * Bundle budgets (sizes, not times): functions.js loads at every Excel start, so it stays small;
 * the task pane has a larger budget, office.js not included (it comes from Microsoft's CDN).
 */
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIST } from "../support/bundle";

export const BUDGETS = {
  // 60 KB held the first 25 functions. Two additions brought it to about 75 KB: service periods
  // (MRRMATRIX's covers) and SAAS.FX.CONVERT, about 10 KB of code and messages in English and
  // Chinese; the eight functions for other tools' conventions, ARPA, LTV, the trailing churn rate
  // and the survey intervals (SAAS.RECONCILE … SAAS.RATE.CI), with the methods added to NPS.MOE,
  // NPS.TEST and CSAT and their messages and spill labels in both languages, about 7 KB.
  // SAAS.MOVERS (who is behind a line of the bridge), its messages and labels, about 2 KB.
  "functions.js": 84 * 1024,
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
