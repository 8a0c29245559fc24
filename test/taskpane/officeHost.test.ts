/**
 * Starting office.js: the CDN's copy, else the add-in's own outside Office; inside Office without
 * the CDN, or with an office.js that never answers, the pane is told why instead of staying blank.
 */
import { describe, expect, it } from "vitest";
import {
  OfficeDidNotStart,
  type OfficeStartEnvironment,
  startOffice,
} from "../../src/taskpane/officeHost";

function page(overrides: Partial<OfficeStartEnvironment>): OfficeStartEnvironment & {
  loaded: string[];
} {
  const loaded: string[] = [];
  return {
    officeLoaded: () => true,
    insideOffice: () => false,
    loadLocalCopy: async () => {
      loaded.push("local");
    },
    onReady: async () => ({ host: "Excel", platform: "PC" }),
    timeoutMs: 50,
    loaded,
    ...overrides,
  };
}

describe("starting office.js", () => {
  it("from the CDN inside Excel", async () => {
    await expect(startOffice(page({}))).resolves.toEqual({
      host: "Excel",
      platform: "PC",
      officeJs: "cdn",
    });
  });

  it("outside Office without the CDN: the local copy", async () => {
    const outside = page({ officeLoaded: () => false, onReady: async () => ({}) });
    await expect(startOffice(outside)).resolves.toEqual({
      host: null,
      platform: null,
      officeJs: "local",
    });
    expect(outside.loaded).toEqual(["local"]);
  });

  it("inside Office without the CDN: said at once, the local copy never tried", async () => {
    const inside = page({ officeLoaded: () => false, insideOffice: () => true });
    const started = startOffice(inside);
    await expect(started).rejects.toBeInstanceOf(OfficeDidNotStart);
    await expect(started).rejects.toMatchObject({ officeJs: "local" });
    expect(inside.loaded).toEqual([]);
  });

  it("an office.js that never answers is said after the timeout, not waited on for ever", async () => {
    const silent = page({ onReady: () => new Promise(() => undefined) });
    await expect(startOffice(silent)).rejects.toMatchObject({ officeJs: "cdn" });
  });
});
