/**
 * Keeping the workbook in the browser: one save a second after the last change (not one a
 * keystroke), only the sheets that changed read again, and a workbook larger than the cap not
 * saved, with the reason.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import {
  type KeepStatus,
  type KeptWorkbook,
  Keeper,
  MAX_KEPT_CELLS,
} from "../../src/playground/page/keep";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { loadBundle } from "../support/bundle";

const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);

function setUp(rows = 3) {
  const workbook = PlaygroundWorkbook.create(
    [
      { name: "Data", rows: Array.from({ length: rows }, (_, i) => [i, i * 2]) },
      { name: "Notes", rows: [["hello"]] },
    ],
    buildEngine
  );
  const saved: KeptWorkbook[] = [];
  const statuses: KeepStatus[] = [];
  const read = vi.spyOn(workbook, "snapshotSheet");
  new Keeper(workbook, { save: async (kept) => void saved.push(kept) }, "book-1", (status) =>
    statuses.push(status)
  );
  return { workbook, saved, statuses, read };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("keeping the workbook", () => {
  it("saves once, a second after the last of several edits, every sheet as it now is", async () => {
    const { workbook, saved, statuses } = setUp();
    workbook.enter(0, 0, 0, "10");
    await vi.advanceTimersByTimeAsync(500);
    workbook.enter(0, 1, 0, "=A1*3");
    await vi.advanceTimersByTimeAsync(999);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.workbookId).toBe("book-1");
    expect(saved[0]?.sheets.map((sheet) => sheet.name)).toEqual(["Data", "Notes"]);
    expect(saved[0]?.sheets[0]?.rows.slice(0, 2)).toEqual([
      [10, 0],
      [{ formula: "=A1*3" }, 2],
    ]);
    expect(statuses.at(-1)).toEqual({ kind: "kept", cells: 7 }); // 3 × 2 and 1 × 1
  });

  it("reads again only the sheets that changed since the last save", async () => {
    const { workbook, saved, read } = setUp();
    workbook.enter(0, 0, 0, "10");
    await vi.advanceTimersByTimeAsync(1000);
    expect(read.mock.calls.map(([sheet]) => sheet)).toEqual([0, 1]);
    workbook.enter(1, 0, 0, "bye");
    await vi.advanceTimersByTimeAsync(1000);
    expect(read.mock.calls.map(([sheet]) => sheet)).toEqual([0, 1, 1]);
    expect(saved[1]?.sheets[1]?.rows).toEqual([["bye"]]);
  });

  it("does not save a workbook larger than the cap, and says so", async () => {
    const rows = Math.floor(MAX_KEPT_CELLS / 2) + 1;
    const { workbook, saved, statuses, read } = setUp(rows);
    workbook.enter(1, 0, 0, "x");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(0);
    expect(read).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toEqual({ kind: "tooLarge", cells: rows * 2 + 1 });
  });
});
