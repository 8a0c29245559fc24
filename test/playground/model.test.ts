/**
 * The playground's spreadsheet model beyond what the port sees: spills that survive a change of
 * language, an error where a spill was, spill references (A1#), and what the user types.
 */
import { describe, expect, it } from "vitest";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import { formatValue } from "../../src/playground/format";
import type { PlaygroundSheet } from "../../src/playground/model/spreadsheet";
import { excelSerial } from "../../src/playground/sampleData";
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
      message: 'start_mrr A3: "oops" is text, not a number; revenue amounts must be numbers',
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

/** A ledger and, on another sheet, its MRR matrix with the cohort table over the spill (G1#). */
function ledgerBook(): PlaygroundWorkbook {
  return workbookOf([
    {
      name: "Ledger",
      rows: [
        ["Customer", "Date", "Amount"],
        ["A", excelSerial(2024, 0, 5), 100],
        ["B", excelSerial(2024, 0, 9), 50],
        ["A", excelSerial(2024, 1, 5), 120],
        ["B", excelSerial(2024, 2, 9), 60],
      ],
    },
    {
      name: "My cohorts",
      rows: [
        [{ formula: "=SAAS.MRRMATRIX(Ledger!A1:A5,Ledger!B1:B5,Ledger!C1:C5)" }],
        [],
        [],
        [],
        [],
        [{ formula: "=SAAS.COHORT(A1#)" }],
      ],
    },
  ]);
}

describe("spill references (A1#)", () => {
  it("read the whole spill of a formula, and follow it when it changes size", async () => {
    const workbook = ledgerBook();
    const sheet = workbook.sheetId("My cohorts");
    expect(workbook.cell(sheet, 5, 0).input).toBe("=SAAS.COHORT(A1#)");
    expect((await workbook.readValues("'My cohorts'!A6:D7"))[1]?.slice(1)).toEqual([1, 0.8, 0.4]);
    workbook.enter(sheet, 10, 0, "=ROWS(A1#)*100+COLUMNS('My cohorts'!A1#)");
    expect(workbook.cell(sheet, 10, 0).value).toBe(304);
    // A payment in April: the matrix grows a column, and what reads it follows.
    const ledger = workbook.sheetId("Ledger");
    workbook.enter(ledger, 4, 1, "2024-04-09");
    expect(workbook.cell(sheet, 10, 0).value).toBe(305);
    expect((await workbook.readValues("'My cohorts'!A6:E6"))[0]).toEqual(["cohort", 0, 1, 2, 3]);
    expect(workbook.cell(sheet, 10, 0).formula).toBe("=ROWS(A1#)*100+COLUMNS('My cohorts'!A1#)");
  });

  it("give #REF! for a cell that holds no formula, and leave text in quotes alone", () => {
    const workbook = ledgerBook();
    const sheet = workbook.sheetId("My cohorts");
    workbook.enter(sheet, 12, 0, "=SUM(Z9#)");
    expect(workbook.cell(sheet, 12, 0).error?.code).toBe("#REF!");
    workbook.enter(sheet, 13, 0, '="A1#"&"!"');
    expect(workbook.cell(sheet, 13, 0).value).toBe("A1#!");
  });
});

describe("what the user types, pastes and formats", () => {
  it("reads numbers and dates as typed, in the format they were typed in; ids stay text", () => {
    const workbook = workbookOf([{ name: "S", rows: [] }]);
    const typed = ["$1,200", "1,200", "(300)", "12%", "2024-01-15", "007", "1/15/2024"];
    typed.forEach((text, column) => workbook.enter(0, 0, column, text));
    const views = typed.map((_, column) => workbook.cell(0, 0, column));
    expect(views.map((view) => view.value)).toEqual([
      1200,
      1200,
      -300,
      0.12,
      excelSerial(2024, 0, 15),
      "007",
      excelSerial(2024, 0, 15),
    ]);
    expect(views.map((view) => formatValue(view.value, view.numberFormat))).toEqual([
      "$1,200",
      "1,200",
      "-300",
      "12%",
      "2024-01-15",
      "007",
      "2024-01-15",
    ]);
  });

  it("pastes a block of rows from a cell on, each cell read as typed", async () => {
    const workbook = workbookOf([{ name: "S", rows: [] }]);
    workbook.paste(0, 1, 1, [
      ["Customer", "Jan", "Feb"],
      ["0042", "$1,000", "$1,100"],
      ["Acme", "(200)", "=C4*2"],
    ]);
    expect(await workbook.readValues("S!B2:D4")).toEqual([
      ["Customer", "Jan", "Feb"],
      ["0042", 1000, 1100],
      ["Acme", -200, -400],
    ]);
  });

  it("undoes and redoes typing, Delete, a paste and a format, one edit at a time", async () => {
    const workbook = workbookOf([{ name: "S", rows: [[1, 2]] }]);
    const read = () => workbook.readValues("S!A1:B2");
    workbook.enter(0, 0, 0, "10");
    workbook.paste(0, 1, 0, [["3", "4"]]);
    workbook.clear({ sheet: 0, row: 0, column: 1, rowCount: 1, columnCount: 1 });
    workbook.formatRange({ sheet: 0, row: 0, column: 0, rowCount: 2, columnCount: 2 }, "0.0%");
    expect(await read()).toEqual([
      [10, ""],
      [3, 4],
    ]);
    expect(formatValue(workbook.cell(0, 0, 0).value, workbook.cell(0, 0, 0).numberFormat)).toBe(
      "1000.0%"
    );
    expect(workbook.undo()).toBe(true); // the format
    expect(workbook.cell(0, 0, 0).numberFormat).toBeNull();
    expect(workbook.undo()).toBe(true); // Delete
    expect(await read()).toEqual([
      [10, 2],
      [3, 4],
    ]);
    expect(workbook.undo()).toBe(true); // the paste
    expect(workbook.undo()).toBe(true); // the typing
    expect(await read()).toEqual([[1, 2]]);
    expect(workbook.undo()).toBe(false);
    expect(workbook.redo()).toBe(true);
    expect(workbook.redo()).toBe(true);
    expect(await read()).toEqual([
      [10, 2],
      [3, 4],
    ]);
    workbook.enter(0, 0, 0, "5"); // a new edit: nothing left to redo
    expect(workbook.canRedo).toBe(false);
  });
});

describe("a workbook kept and restored", () => {
  it("keeps each cell as typed (a spill's values are the formula's, not cells), and restores it", async () => {
    const workbook = ledgerBook();
    const sheet = workbook.sheetId("My cohorts");
    workbook.enter(sheet, 10, 0, "$1,200");
    workbook.formatRange({ sheet, row: 6, column: 1, rowCount: 1, columnCount: 3 }, "0.0%");
    const kept = workbook
      .sheetNames()
      .map((name) => workbook.snapshotSheet(workbook.sheetId(name)));
    const cohorts = kept[1];
    expect(cohorts?.rows[0]?.[0]).toEqual({
      formula: "=SAAS.MRRMATRIX(Ledger!A1:A5,Ledger!B1:B5,Ledger!C1:C5)",
    });
    expect(cohorts?.rows[0]?.slice(1)).toEqual([null, null, null]);
    expect(cohorts?.rows[5]?.[0]).toEqual({ formula: "=SAAS.COHORT(A1#)" });
    expect(cohorts?.rows[10]?.[0]).toBe(1200);
    expect(cohorts?.decorations.cellFormats).toEqual([[10, 0, "$#,##0"]]);

    const restored = PlaygroundWorkbook.restore(kept, buildEngine);
    const again = restored.sheetId("My cohorts");
    for (const address of ["'My cohorts'!A1:D3", "'My cohorts'!A6:D7"])
      expect(await restored.readValues(address)).toEqual(await workbook.readValues(address));
    const shown = (row: number, column: number) => {
      const view = restored.cell(again, row, column);
      return formatValue(view.value, view.numberFormat);
    };
    expect([shown(10, 0), shown(6, 1)]).toEqual(["$1,200", "100.0%"]);
    expect(restored.cell(again, 5, 0).formula).toBe("=SAAS.COHORT(A1#)");
  });
});
