/**
 * Which workbook the playground opens: sample sizes a browser tab can build, refused beyond with
 * the limit and what to do; a kept workbook that cannot be opened is said, and the sample opens.
 */
import { describe, expect, it } from "vitest";
import { SAMPLE_LIMITS, openWorkbook, sampleSize } from "../../src/playground/page/opening";
import type { KeptStore, KeptWorkbook } from "../../src/playground/page/keep";

const params = (query: string) => new URLSearchParams(query);

describe("the sample's size", () => {
  it("takes the benchmark's grid", () => {
    expect(sampleSize(params("?customers=100000&months=36"))).toEqual({
      customers: 100_000,
      months: 36,
    });
  });

  it("refuses a million customers with the limit and the command that writes them instead", () => {
    expect(() => sampleSize(params("?customers=1000000&months=60"))).toThrow(
      "?customers= is at most 200,000 in the playground, not 1,000,000; for more, `npm run sample -- --customers 1000000 --months 60` writes the sample as CSV files"
    );
  });

  it("refuses more months than the limit", () => {
    expect(() => sampleSize(params("?months=500"))).toThrow("?months= is at most 120");
  });

  it("refuses more cells than a tab holds, naming the count", () => {
    expect(() => sampleSize(params("?customers=200000&months=36"))).toThrow(
      "200,000 customers × 36 months is 7,200,000 revenue cells; the playground builds at most 4,000,000"
    );
    expect(SAMPLE_LIMITS.cells).toBeGreaterThanOrEqual(100_000 * 36);
  });

  it("refuses what is not a whole number above 0", () => {
    expect(() => sampleSize(params("?customers=1e3x"))).toThrow(
      '?customers= must be a whole number above 0, not "1e3x"'
    );
  });
});

describe("a kept workbook", () => {
  it("that cannot be opened is said, and the sample opens instead", async () => {
    const broken = { format: 1, workbookId: "w", activeSheet: "S", sheets: [{ name: 7 }] };
    const store = {
      load: async () => broken as unknown as KeptWorkbook,
      save: async () => undefined,
      forget: async () => undefined,
    } as unknown as KeptStore;
    const opened = await openWorkbook(params(""), store, null, async () => undefined);
    expect(opened.description).toMatch(
      /^The workbook kept in this browser could not be opened \(.+\); the sample is open instead$/
    );
    expect(opened.workbook.sheetNames()).toContain("MRR");
  });
});
