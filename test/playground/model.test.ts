/**
 * The playground's spreadsheet model beyond what the port sees: spills that survive a change of
 * language, an error where a spill was, spill references (A1#), and what the user types.
 */
import { describe, expect, it } from "vitest";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import type { PlaygroundSheet } from "../../src/playground/model/spreadsheet";
import { buildSampleWorkbook } from "../../src/playground/sampleWorkbook";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { loadBundle } from "../support/bundle";

const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);

function workbookOf(sheets: PlaygroundSheet[]): PlaygroundWorkbook {
  return PlaygroundWorkbook.create(sheets, buildEngine);
}

/** A small book: start and end MRR with a plan, and the per-plan NRR spilling under it. */
function planBook(): PlaygroundWorkbook {
  return workbookOf([
    {
      name: "S",
      rows: [
        ["start", "end", "plan"],
        [100, 110, "A"],
        [100, 90, "B"],
        [100, 100, "A"],
        [null, null, null],
        [{ formula: "=SAAS.NRR(A1:A4,B1:B4,C1:C4)" }],
      ],
    },
  ]);
}

describe("spills", () => {
  it("keep their values when every formula is computed again (a change of language)", async () => {
    const { workbook, examples } = buildSampleWorkbook();
    const spills = (examples?.examples ?? []).filter(
      (each) => each.spill.rows * each.spill.columns > 1 && !each.error
    );
    expect(spills.length).toBeGreaterThan(3);
    const before = await workbook.readValues("Examples!A1:F80");
    workbook.recalculate();
    expect(await workbook.readValues("Examples!A1:F80")).toEqual(before);
  });

  it("an erroring spill shows one error in its first cell, its former area blank", async () => {
    const workbook = planBook();
    expect(await workbook.readValues("S!A6:B8")).toEqual([
      ["A", 1.05],
      ["B", 0.9],
      ["Total", 1],
    ]);
    workbook.enter(0, 2, 0, "oops");
    expect(workbook.cell(0, 5, 0).error).toEqual({
      code: "#VALUE!",
      message: 'start_mrr row 3: "oops" is text, not a number; revenue amounts must be numbers',
    });
    expect(await workbook.readValues("S!A6:B8")).toEqual([["#VALUE!", ""]]);
    expect([workbook.cell(0, 5, 1), workbook.cell(0, 6, 0), workbook.cell(0, 7, 1)]).toEqual(
      Array(3).fill(expect.objectContaining({ value: null, error: null }))
    );
    workbook.enter(0, 2, 0, "100");
    expect(await workbook.readValues("S!A6:B8")).toEqual([
      ["A", 1.05],
      ["B", 0.9],
      ["Total", 1],
    ]);
  });
});
