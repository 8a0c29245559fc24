/**
 * The playground's workbook: the PlaygroundWorkbook adapter against a real HyperFormula instance
 * with the built bundle's functions registered (the same behaviours as excel.test.ts where they
 * apply: block reads, unique sheet names, writes only to its own sheets, source data unchanged),
 * what the grid draws from it, and the seeded sample workbook with its Examples sheet.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chartData } from "../../src/playground/chart";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import { EXAMPLE_COLUMNS, buildExamples } from "../../src/playground/examples";
import { formatValue, generalNumber } from "../../src/playground/format";
import {
  MRR_FIRST_MONTH_COLUMN,
  SHEET_NAMES,
  excelSerial,
  generateSample,
  mulberry32,
  toCsv,
} from "../../src/playground/sampleData";
import { buildSampleWorkbook } from "../../src/playground/sampleWorkbook";
import { engineContent, engineFormula } from "../../src/playground/model/cellContent";
import type { PlaygroundSheet } from "../../src/playground/model/spreadsheet";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { localAddress } from "../../src/workbook/playground";
import type { CellInput } from "../../src/workbook/port";
import { DIST, loadBundle } from "../support/bundle";
import { expectEveryWriteRefused } from "./portContract";

// Registered before any workbook is built (describe bodies below build theirs while collecting).
const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);

/** A ledger-like sheet: header, then `rows` rows of id, text, number, blank-or-boolean (as in excel.test.ts). */
function dataSheet(rows: number): CellInput[][] {
  const cells: CellInput[][] = [["Customer", "Plan", "MRR", "At risk"]];
  for (let i = 1; i <= rows; i++)
    cells.push([`C${i}`, i % 3 === 0 ? "Pro" : "Basic", i * 1.5, i % 5 === 0 ? true : null]);
  return cells;
}

/** What dataSheet reads back as: blanks are "". */
const asRead = (rows: CellInput[][]) => rows.map((row) => row.map((cell) => cell ?? ""));

function workbookOf(sheets: PlaygroundSheet[], options = {}): PlaygroundWorkbook {
  return PlaygroundWorkbook.create(sheets, buildEngine, options);
}

/** Every sheet's cells as entered, to show that nothing changed. */
function snapshot(workbook: PlaygroundWorkbook): Record<string, unknown> {
  return Object.fromEntries(
    workbook
      .sheetNames()
      .map((name) => [name, workbook.engine.getSheetSerialized(workbook.sheetId(name))])
  );
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe("block reads", () => {
  it("assembles 12,345 rows from blocks of 5,000, reporting progress after each", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(12_344) }]);
    const progress: [number, number][] = [];
    const values = await workbook.readValues("Data!A1:D12345", {
      onProgress: (p) => progress.push([p.rowsRead, p.totalRows]),
    });
    expect(values).toEqual(asRead(dataSheet(12_344)));
    expect(progress).toEqual([
      [5000, 12345],
      [10000, 12345],
      [12345, 12345],
    ]);
  });

  it("reads in the block size it is given", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(9) }], { blockRows: 4 });
    const progress: number[] = [];
    await workbook.readValues("Data!A1:D10", { onProgress: (p) => progress.push(p.rowsRead) });
    expect(progress).toEqual([4, 8, 10]);
  });

  it("reads a whole-column address only down to the last used row", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(10) }]);
    expect(await workbook.readValues("Data!A:D")).toEqual(asRead(dataSheet(10)));
    expect(await workbook.readValues("Data!C:C")).toHaveLength(11);
  });

  it("starts at the range's top-left cell and returns blanks as empty text", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(10) }]);
    expect(await workbook.readValues("Data!C4:D6")).toEqual([
      [4.5, ""],
      [6, ""],
      [7.5, true],
    ]);
  });

  it("reads quoted sheet names and the active sheet", async () => {
    const workbook = workbookOf([{ name: "Q1 '24", rows: [["a", 1]] }]);
    expect(await workbook.readValues("'Q1 ''24'!A1:B1")).toEqual([["a", 1]]);
    expect(await workbook.readValues("A1:B1")).toEqual([["a", 1]]);
  });

  it("reads formulas' values and error cells as their text", async () => {
    const workbook = workbookOf([
      { name: "S", rows: [[1, 2, { formula: "=A1+B1" }, { formula: "=1/0" }]] },
    ]);
    expect(await workbook.readValues("S!A1:D1")).toEqual([[1, 2, 3, "#DIV/0!"]]);
  });

  it("returns no rows for an empty sheet, and rejects for a missing sheet as Excel does", async () => {
    const workbook = workbookOf([{ name: "Empty", rows: [] }]);
    const progress: number[] = [];
    expect(
      await workbook.readValues("Empty!A1:C10", { onProgress: (p) => progress.push(p.totalRows) })
    ).toEqual([]);
    expect(progress).toEqual([0]);
    await expect(workbook.readValues("Missing!A1:B2")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });
});

describe("selection and used range", () => {
  it("reports the grid's selection with its sheet, the sheet's used range, and no table", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(10) }]);
    workbook.select({ row: 1, column: 1, rowCount: 3, columnCount: 2 });
    expect(await workbook.getSelection()).toEqual({
      selection: {
        address: "Data!B2:C4",
        sheetName: "Data",
        rowIndex: 1,
        columnIndex: 1,
        rowCount: 3,
        columnCount: 2,
      },
      usedRange: {
        address: "Data!A1:D11",
        sheetName: "Data",
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 11,
        columnCount: 4,
      },
      table: null,
    });
  });

  it("writes addresses as Excel does: quoted sheet names, single cells, whole columns", async () => {
    const workbook = workbookOf([
      { name: "Data", rows: [[1]] },
      { name: "Q1 data", rows: [] },
    ]);
    workbook.activate(workbook.sheetId("Q1 data"));
    workbook.select({ row: 0, column: 4, rowCount: 1_048_576, columnCount: 1 });
    const { selection, usedRange } = await workbook.getSelection();
    expect(selection.address).toBe("'Q1 data'!E:E");
    expect(usedRange).toBeNull();
    expect(localAddress({ row: 4, column: 1, rowCount: 1, columnCount: 1 })).toBe("B5");
    expect(localAddress({ row: 2, column: 0, rowCount: 2, columnCount: 16_384 })).toBe("3:4");
  });

  it("gives the used range of a sheet, or null for an empty one", async () => {
    const workbook = workbookOf([
      {
        name: "Data",
        rows: [
          [null, null],
          [null, 5],
        ],
      },
      { name: "Empty", rows: [] },
    ]);
    expect(await workbook.getUsedRange("Data")).toEqual({
      address: "Data!B2",
      sheetName: "Data",
      rowIndex: 1,
      columnIndex: 1,
      rowCount: 1,
      columnCount: 1,
    });
    expect(await workbook.getUsedRange("Empty")).toBeNull();
  });
});

describe("new sheets and writes", () => {
  it("adds a sheet under a new name, never an existing one", async () => {
    const workbook = workbookOf([
      { name: "Data", rows: [] },
      { name: "board PACK", rows: [] },
      { name: "Board pack (2)", rows: [] },
    ]);
    expect(await workbook.addSheet("Board pack")).toBe("Board pack (3)");
    expect(await workbook.addSheet("Board pack")).toBe("Board pack (4)");
    expect(await workbook.addSheet("Cohorts: Q1/Q2 [draft]")).toBe("Cohorts- Q1-Q2 -draft-");
    expect(await workbook.listSheets()).toEqual([
      "Data",
      "board PACK",
      "Board pack (2)",
      "Board pack (3)",
      "Board pack (4)",
      "Cohorts- Q1-Q2 -draft-",
    ]);
  });

  it("removes a sheet it added with its formulas, formats and charts; the others stay", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(5) }]);
    const before = snapshot(workbook);
    const sheet = await workbook.addSheet("Board pack");
    await workbook.writeCells(sheet, [{ at: "A1", rows: [[{ formula: "=SUM(Data!B2:B6)" }, 1]] }]);
    await workbook.setNumberFormats(sheet, [{ address: "A1", format: "0%" }]);
    await workbook.activateSheet(sheet);
    await workbook.removeAddedSheet(sheet);
    expect(workbook.sheetNames()).toEqual(["Data"]);
    expect(snapshot(workbook)).toEqual(before);
    expect(workbook.nameOfSheet(workbook.activeSheet)).toBe("Data");
    await expect(workbook.writeCells(sheet, [{ at: "A1", rows: [[1]] }])).rejects.toThrow(
      /Refusing to write/
    );
  });

  it("refuses to write to a sheet it did not add, changing nothing", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(5) }]);
    const before = snapshot(workbook);
    await expectEveryWriteRefused(workbook, "Data");
    await expect(workbook.writeCells("Nowhere", [{ at: "A1", rows: [["x"]] }])).rejects.toThrow(
      /Refusing/
    );
    expect(snapshot(workbook)).toEqual(before);
    expect(workbook.numberFormatAt(0, 0, 0)).toBeNull();
  });

  it("refuses a sheet added by another adapter over the same workbook", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const other = new PlaygroundWorkbook(workbook.engine);
    const theirs = await other.addSheet("Board pack");
    await expect(workbook.writeCells(theirs, [{ at: "A1", rows: [["x"]] }])).rejects.toThrow(
      /Refusing/
    );
    await other.writeCells(theirs, [{ at: "A1", rows: [["x"]] }]);
    expect(await workbook.readValues("'Board pack'!A1")).toEqual([["x"]]);
  });

  it("writes values and formulas to its new sheet and leaves the source sheet as it was", async () => {
    const workbook = workbookOf([{ name: "Data", rows: dataSheet(10) }]);
    const before = snapshot(workbook)["Data"];
    const sheet = await workbook.addSheet("Board pack");
    await workbook.writeCells(sheet, [
      {
        at: "A1",
        rows: [
          ["Metric", "Value"],
          ["GRR", { formula: "=SAAS.GRR(Data!C2:C6,Data!C7:C11)" }],
          ["Period", "2024-01"],
        ],
      },
      { at: "D2", rows: [[1, true, null, "=not a formula", "TRUE", "'quoted", "1,200", "#N/A"]] },
    ]);
    expect(await workbook.readValues("'Board pack'!A1:K3")).toEqual([
      ["Metric", "Value", "", "", "", "", "", "", "", "", ""],
      ["GRR", 1, "", 1, true, "", "=not a formula", "TRUE", "'quoted", "1,200", "#N/A"],
      ["Period", "2024-01", "", "", "", "", "", "", "", "", ""],
    ]);
    // Text stays text: "2024-01" is no date, "=not a formula" no formula, "TRUE" no logical value.
    const id = workbook.sheetId(sheet);
    expect(workbook.engine.getCellValueDetailedType({ sheet: id, row: 2, col: 1 })).toBe("STRING");
    expect(workbook.engine.getCellFormula({ sheet: id, row: 1, col: 6 })).toBeUndefined();
    expect(snapshot(workbook)["Data"]).toEqual(before);
  });

  it("sizes a written formula's spill, and a spill that reads another spill", async () => {
    const workbook = workbookOf([
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
    ]);
    const sheet = await workbook.addSheet("Cohorts");
    await workbook.writeCells(sheet, [
      {
        at: "A1",
        rows: [[{ formula: "=SAAS.MRRMATRIX(Ledger!A1:A5,Ledger!B1:B5,Ledger!C1:C5)" }]],
      },
      { at: "A5", rows: [[{ formula: "=SAAS.COHORT(A1:D3)" }]] },
    ]);
    expect(await workbook.readValues("Cohorts!A1:D3")).toEqual([
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01"],
      ["A", 100, 120, 0],
      ["B", 50, 0, 60],
    ]);
    const cohort = await workbook.readValues("Cohorts!A5:D6");
    expect(cohort[0]).toEqual(["cohort", 0, 1, 2]);
    expect(cohort[1]?.slice(1)).toEqual([1, 0.8, 0.4]);
  });

  it("refuses ragged blocks and non-finite numbers before writing anything", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const sheet = await workbook.addSheet("Board pack");
    const before = snapshot(workbook);
    await expect(workbook.writeCells(sheet, [{ at: "A1", rows: [[1, 2], [3]] }])).rejects.toThrow(
      "The block at A1 has rows of different lengths."
    );
    await expect(
      workbook.writeCells(sheet, [
        { at: "A1", rows: [[1]] },
        { at: "B1", rows: [[Number.NaN]] },
      ])
    ).rejects.toThrow("NaN cannot be written to a cell");
    expect(snapshot(workbook)).toEqual(before);
  });

  it("keeps number formats for the grid to show", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const sheet = await workbook.addSheet("Board pack");
    await workbook.writeCells(sheet, [
      { at: "A1", rows: [[0.9123, 1234567, excelSerial(2024, 0, 15)]] },
    ]);
    await workbook.setNumberFormats(sheet, [
      { address: "A1", format: "0.0%" },
      { address: "B1", format: "$#,##0" },
      { address: "C1:C3", format: "yyyy-mm-dd" },
    ]);
    const id = workbook.sheetId(sheet);
    const shown = [0, 1, 2].map((column) => {
      const view = workbook.cell(id, 0, column);
      return formatValue(view.value, view.numberFormat);
    });
    expect(shown).toEqual(["91.2%", "$1,234,567", "2024-01-15"]);
  });

  it("colours a colour scale's cells from the lowest to the highest value", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const sheet = await workbook.addSheet("Cohorts");
    await workbook.writeCells(sheet, [{ at: "A1", rows: [[0], [50], [100], ["text"]] }]);
    await workbook.addColorScale(sheet, {
      address: "A1:A4",
      minimumColor: "#F8696B",
      midpointColor: "#FFFFFF",
      maximumColor: "#63BE7B",
    });
    const id = workbook.sheetId(sheet);
    expect([0, 1, 2, 3].map((row) => workbook.colorAt(id, row, 0))).toEqual([
      "#f8696b",
      "#ffffff",
      "#63be7b",
      null,
    ]);
    expect(workbook.colorAt(id, 0, 1)).toBeNull();
  });

  it("draws the chart kinds asked for, and a waterfall as the stacked-column bridge", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const sheet = await workbook.addSheet("Board pack");
    expect(
      await workbook.addChart(sheet, {
        kind: "line",
        source: "A1:C13",
        title: "NRR",
        topLeft: "E2",
        bottomRight: "L18",
        seriesBy: "columns",
      })
    ).toBe("line");
    expect(
      await workbook.addChart(sheet, {
        kind: "waterfall",
        source: "A1:B7",
        bridgeSource: "D1:G7",
        title: "Bridge",
        topLeft: "I2",
        bottomRight: "P20",
      })
    ).toBe("columnStacked");
    expect(
      await workbook.addChart(sheet, {
        kind: "waterfall",
        source: "A1:B7",
        title: "Plain",
        topLeft: "I22",
        bottomRight: "P40",
      })
    ).toBe("columnStacked");
    const charts = workbook.chartsOn(workbook.sheetId(sheet));
    expect(
      charts.map((chart) => [chart.drawn, localAddress(chart.source), chart.hideFirstSeries])
    ).toEqual([
      ["line", "A1:C13", false],
      ["columnStacked", "D1:G7", true],
      ["columnStacked", "A1:B7", false],
    ]);
    expect(charts[0]?.topLeft).toEqual({ row: 1, column: 4 });
    expect(charts[0]?.bottomRight).toEqual({ row: 17, column: 11 });
  });

  it("activates its own sheet", async () => {
    const workbook = workbookOf([{ name: "Data", rows: [] }]);
    const sheet = await workbook.addSheet("Board pack");
    const seen: string[] = [];
    workbook.onChange((change) => seen.push(change.kind));
    await workbook.activateSheet(sheet);
    expect(workbook.activeSheet).toBe(workbook.sheetId(sheet));
    expect(seen).toContain("active");
  });
});

describe("document settings", () => {
  it("remembers a JSON value, in memory and in the storage under the workbook's id", async () => {
    const storage = new MemoryStorage();
    const workbook = workbookOf([{ name: "Data", rows: [] }], { storage, workbookId: "sample-42" });
    expect(await workbook.getSetting("layout")).toBeNull();
    const mapping = { kind: "grid", headerRow: 1, periodColumns: [2, 3], confirmed: true };
    await workbook.setSetting("layout", mapping);
    expect(await workbook.getSetting("layout")).toEqual(mapping);
    expect([...storage.items.keys()]).toEqual(["retentionMetricsPlayground:sample-42:layout"]);
    // Another page of the same workbook finds it; another workbook does not.
    expect(await workbookOf([], { storage, workbookId: "sample-42" }).getSetting("layout")).toEqual(
      mapping
    );
    expect(
      await workbookOf([], { storage, workbookId: "sample-7" }).getSetting("layout")
    ).toBeNull();
  });

  it("saved text that is not JSON is a clear error (the pane sets it aside), and is written afresh", async () => {
    const storage = new MemoryStorage();
    storage.setItem("retentionMetricsPlayground:sample-42:layout", '{"kind": "grid", ');
    const workbook = workbookOf([], { storage, workbookId: "sample-42" });
    await expect(workbook.getSetting("layout")).rejects.toThrow(
      "the playground's saved setting layout is not valid JSON"
    );
    await workbook.setSetting("layout", { kind: "grid" });
    expect(await workbook.getSetting("layout")).toEqual({ kind: "grid" });
  });

  it("keeps settings in memory without a storage", async () => {
    const workbook = workbookOf([]);
    await workbook.setSetting("n", [1, "two", null]);
    expect(await workbook.getSetting("n")).toEqual([1, "two", null]);
  });
});

describe("what the user types", () => {
  function sheetWithSegments(): PlaygroundWorkbook {
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

  it("enters numbers, text, dates and formulas as Excel reads them", () => {
    const workbook = workbookOf([{ name: "S", rows: [] }]);
    workbook.enter(0, 0, 0, "12.5");
    workbook.enter(0, 0, 1, "Acme");
    workbook.enter(0, 0, 2, "2024-01-15");
    workbook.enter(0, 0, 3, "=A1*2");
    workbook.enter(0, 0, 4, "10%");
    const views = [0, 1, 2, 3, 4].map((column) => workbook.cell(0, 0, column));
    expect(views.map((view) => view.value)).toEqual([
      12.5,
      "Acme",
      excelSerial(2024, 0, 15),
      25,
      0.1,
    ]);
    expect(views.map((view) => formatValue(view.value, view.numberFormat))).toEqual([
      "12.5",
      "Acme",
      "2024-01-15",
      "25",
      "10%",
    ]);
    expect(views[3]?.input).toBe("=A1*2");
  });

  it("keeps a formula that does not parse, as typed, with its error", () => {
    const workbook = workbookOf([{ name: "S", rows: [] }]);
    workbook.enter(0, 1, 1, "=SAAS.NRR(A1:A5,");
    const view = workbook.cell(0, 1, 1);
    expect(view.input).toBe("=SAAS.NRR(A1:A5,");
    expect(view.error?.code).toBe("#ERROR!");
    expect(view.error?.message).toMatch(/Parsing error/);
  });

  it("shows a custom function's error value with its message", () => {
    const workbook = sheetWithSegments();
    workbook.enter(0, 7, 0, "=SAAS.NRR(C1:C4,B1:B4)");
    expect(workbook.cell(0, 7, 0).error).toEqual({
      code: "#VALUE!",
      message: 'start_mrr C2: "A" is text, not a number; revenue amounts must be numbers',
    });
    workbook.enter(0, 8, 0, '=SAAS.NRR(A1:A4,B1:B4,C1:C4,"Z")');
    expect(workbook.cell(0, 8, 0).error).toEqual({
      code: "#N/A",
      message: 'segment "Z" matches no row of segments',
    });
  });

  it("grows and shrinks a spill when its data change (the engine would throw)", async () => {
    const workbook = sheetWithSegments();
    expect(await workbook.readValues("S!A6:B8")).toEqual([
      ["A", 1.05],
      ["B", 0.9],
      ["Total", 1],
    ]);
    workbook.enter(0, 3, 2, "C");
    expect(await workbook.readValues("S!A6:B9")).toEqual([
      ["A", 1.1],
      ["B", 0.9],
      ["C", 1],
      ["Total", 1],
    ]);
    workbook.enter(0, 3, 2, "A");
    expect(await workbook.readValues("S!A6:B9")).toEqual([
      ["A", 1.05],
      ["B", 0.9],
      ["Total", 1],
    ]);
    expect(workbook.cell(0, 8, 0).value).toBeNull();
  });

  it("recovers a blocked spill once the cell in its way is cleared", async () => {
    const workbook = sheetWithSegments();
    workbook.enter(0, 6, 0, "in the way");
    expect(workbook.cell(0, 5, 0).error?.code).toBe("#SPILL!");
    workbook.clear({ sheet: 0, row: 6, column: 0, rowCount: 1, columnCount: 1 });
    expect(await workbook.readValues("S!A6:A8")).toEqual([["A"], ["B"], ["Total"]]);
  });

  it("reads TRUE, FALSE and numbers with a capital E in formulas as Excel does", () => {
    const workbook = workbookOf([
      {
        name: "S",
        rows: [
          [100, 90],
          [100, 0],
        ],
      },
    ]);
    workbook.enter(0, 3, 0, "=SAAS.MRRCHURN(A1:A2,B1:B2,FALSE)");
    workbook.enter(0, 4, 0, "=SAAS.NRR.PARTS(100E6, 20E6, -5E6, 5E6)");
    expect(workbook.cell(0, 3, 0).value).toBeCloseTo(0.5, 12);
    expect(workbook.cell(0, 4, 0).value).toBeCloseTo(1.1, 12);
    expect(engineFormula(`=IF(A1="1E5",'Q 1E5'!A1,1.5E+3)`)).toBe(
      `=IF(A1="1E5",'Q 1E5'!A1,1.5e+3)`
    );
    expect(engineContent("2024-01")).toBe("'2024-01");
    expect(engineContent("Acme")).toBe("Acme");
  });
});

describe("the sample workbook", () => {
  const sample = generateSample();

  it("is the same for the same seed and different for another", () => {
    expect(generateSample()).toEqual(sample);
    expect(generateSample({ seed: 7 }).mrr).not.toEqual(sample.mrr);
    expect(mulberry32(42)()).toBe(mulberry32(42)());
  });

  it("has 300 customers × 24 months with text month headers, segments, regions and CSMs", () => {
    expect(sample.mrr).toHaveLength(301);
    expect(sample.mrr[0]?.slice(0, 6)).toEqual([
      "Customer",
      "Segment",
      "Region",
      "CSM",
      "Jan 2024",
      "Feb 2024",
    ]);
    expect(sample.mrr[0]?.at(-1)).toBe("Dec 2025");
    expect(sample.mrr.every((row) => row.length === 28)).toBe(true);
    expect(new Set(sample.mrr.slice(1).map((row) => row[0])).size).toBe(300);
    expect(sample.segments).toEqual(expect.arrayContaining(["SMB", "Mid-market", "Enterprise"]));
  });

  it("moves like a SaaS book: new, expansion, contraction, churn and reactivation all happen", () => {
    const seen = new Set<string>();
    for (const row of sample.mrr.slice(1)) {
      const months = row
        .slice(MRR_FIRST_MONTH_COLUMN)
        .map((cell) => (typeof cell === "number" ? cell : 0));
      months.forEach((now, m) => {
        if (m === 0) return;
        const before = months[m - 1] as number;
        const everPaid = months.slice(0, m - 1).some((value) => value > 0);
        if (before === 0 && now > 0) seen.add(everPaid ? "reactivation" : "new");
        else if (before > 0 && now === 0) seen.add("churn");
        else if (now > before) seen.add("expansion");
        else if (now < before) seen.add("contraction");
      });
    }
    expect([...seen].sort()).toEqual(["churn", "contraction", "expansion", "new", "reactivation"]);
  });

  it("has the same revenue in the ledger, month by month", () => {
    const ledger = sample.ledger ?? [];
    expect(ledger[0]).toEqual(["Customer", "Date", "Amount"]);
    for (const m of [0, 11, 23]) {
      const start = excelSerial(2024 + Math.floor(m / 12), m % 12, 1);
      const end = excelSerial(2024 + Math.floor((m + 1) / 12), (m + 1) % 12, 1);
      const fromLedger = ledger
        .slice(1)
        .filter((row) => (row[1] as number) >= start && (row[1] as number) < end)
        .reduce((sum, row) => sum + (row[2] as number), 0);
      const fromGrid = sample.mrr
        .slice(1)
        .reduce((sum, row) => sum + ((row[MRR_FIRST_MONTH_COLUMN + m] as number | null) ?? 0), 0);
      expect(fromLedger).toBe(fromGrid);
    }
  });

  it("has 1,000 survey answers: NPS 0–10 with some blanks, CSAT 1–5, CES 1–7", () => {
    const answers = (sample.survey ?? []).slice(1);
    expect(answers).toHaveLength(1000);
    const column = (i: number) => answers.map((row) => row[i]);
    const nps = column(3);
    expect(nps.filter((score) => score === null).length).toBeGreaterThan(10);
    expect(
      nps.every(
        (score) =>
          score === null ||
          (Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10)
      )
    ).toBe(true);
    expect(
      column(4).every(
        (score) => score === null || ((score as number) >= 1 && (score as number) <= 5)
      )
    ).toBe(true);
    expect(
      column(5).every(
        (score) => score === null || ((score as number) >= 1 && (score as number) <= 7)
      )
    ).toBe(true);
  });

  it("makes the benchmark's 100,000 × 36 grid with other options (no ledger by default)", () => {
    const big = generateSample({ customers: 100_000, months: 36, surveyResponses: 0 });
    expect(big.mrr).toHaveLength(100_001);
    expect(big.mrr[1]).toHaveLength(4 + 36);
    expect(big.ledger).toBeNull();
    expect(big.survey).toBeNull();
  });

  it("writes CSV for npm run sample", () => {
    expect(toCsv([["a,b", 'say "hi"', null, 3]])).toBe('"a,b","say ""hi""",,3\r\n');
  });
});

describe("the Examples sheet", () => {
  const built = buildSampleWorkbook();
  const { workbook, sample } = built;
  const examples = built.examples as NonNullable<typeof built.examples>;
  const sheet = workbook.sheetId(SHEET_NAMES.examples);
  const metadata = JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8")) as {
    functions: { id: string }[];
  };

  it("uses every function of functions.json", () => {
    const used = new Set(examples.examples.map((example) => example.functionId));
    expect(metadata.functions.map((fn) => fn.id).filter((id) => !used.has(id))).toEqual([]);
    for (const example of examples.examples)
      expect(example.formula).toContain(`SAAS.${example.functionId}(`);
  });

  it("computes every example: values where values are expected, the error each error example shows", () => {
    for (const example of examples.examples) {
      const view = workbook.cell(sheet, example.row, EXAMPLE_COLUMNS.result);
      if (example.error) {
        expect(view.error?.code, example.label).toBe(example.error);
        if (example.error === "#VALUE!" || example.error === "#N/A")
          expect(view.error?.message, example.label).not.toBe("");
      } else {
        expect(
          view.error,
          `${example.label}: ${view.error?.code} ${view.error?.message}`
        ).toBeNull();
        expect(view.value, example.label).not.toBeNull();
      }
      expect(workbook.cell(sheet, example.row, EXAMPLE_COLUMNS.formula).value).toBe(
        example.formula
      );
    }
  });

  it("leaves room for every spill, and the spills fill it", () => {
    for (const example of examples.examples.filter((each) => each.error === undefined)) {
      const { rows, columns } = example.spill;
      const last = workbook.cell(sheet, example.row + rows - 1, EXAMPLE_COLUMNS.result);
      expect(
        last.error === null && last.value !== null,
        `${example.label}: its spill's last row`
      ).toBe(true);
      const right = workbook.cell(sheet, example.row, EXAMPLE_COLUMNS.result + columns);
      expect(right.value, `${example.label}: nothing right of the spill`).toBeNull();
    }
  });

  it("shows the NRR and NPS of the sample as computed by hand", () => {
    const start = MRR_FIRST_MONTH_COLUMN + 11;
    const end = MRR_FIRST_MONTH_COLUMN + 23;
    let startMrr = 0;
    let kept = 0;
    for (const row of sample.mrr.slice(1)) {
      const a = (row[start] as number | null) ?? 0;
      if (a > 0) {
        startMrr += a;
        kept += (row[end] as number | null) ?? 0;
      }
    }
    const nrr = examples.examples[0];
    expect(nrr?.formula).toBe("=SAAS.NRR(MRR!P1:P301,MRR!AB1:AB301)");
    expect(workbook.cell(sheet, nrr?.row ?? 0, EXAMPLE_COLUMNS.result).value).toBeCloseTo(
      kept / startMrr,
      12
    );
    const scores = (sample.survey ?? [])
      .slice(1)
      .map((row) => row[3])
      .filter((s): s is number => typeof s === "number");
    const nps =
      ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) /
        scores.length) *
      100;
    const npsExample = examples.examples.find((example) => example.functionId === "NPS");
    expect(workbook.cell(sheet, npsExample?.row ?? 0, EXAMPLE_COLUMNS.result).value).toBeCloseTo(
      nps,
      10
    );
  });

  it("shows what each bad billing input is: a covers word, an end before its date, a currency without a rate", () => {
    const message = (label: string) => {
      const example = examples.examples.find((each) => each.label === label);
      return workbook.cell(sheet, example?.row ?? 0, EXAMPLE_COLUMNS.result).error?.message;
    };
    expect(message("A covers word it does not know")).toMatch(
      /^covers: "day" is not .*"week", "month", "quarter", "year"$/
    );
    expect(message("A service end before its line's date")).toMatch(
      /^covers Billing!E2: the service end .* is not after the line's date .* \(dates Billing!F2\)/
    );
    expect(message("A currency with no rate")).toMatch(
      /^amounts Billing!I\d+: rates has no rate for "GBP" on or before \d{4}-\d\d-\d\d$/
    );
  });

  it("formats the sample's money and dates", () => {
    const mrr = workbook.sheetId(SHEET_NAMES.mrr);
    const ledger = workbook.sheetId(SHEET_NAMES.ledger);
    expect(workbook.numberFormatAt(mrr, 1, MRR_FIRST_MONTH_COLUMN)).toBe("$#,##0");
    expect(
      formatValue(workbook.cell(ledger, 1, 1).value, workbook.numberFormatAt(ledger, 1, 1))
    ).toMatch(/^2024-01-\d\d$/);
  });

  it("leaves the Examples sheet out of a large sample unless asked", () => {
    const large = buildSampleWorkbook({ customers: 20_001, months: 2, surveyResponses: 0 });
    expect(large.examples).toBeNull();
    expect(large.workbook.sheetNames()).toEqual(["MRR"]);
    expect(large.workbook.activeSheet).toBe(large.workbook.sheetId("MRR"));
  });

  it("builds the Examples sheet for other sizes too", () => {
    const small = buildExamples(generateSample({ customers: 20, months: 6, surveyResponses: 50 }));
    expect(small.examples[0]?.formula).toBe("=SAAS.NRR(MRR!E1:E21,MRR!J1:J21)");
  });
});

describe("what the grid shows", () => {
  it.each([
    [0.91234, "0.0%", "91.2%"],
    [0.5, "0%", "50%"],
    [1234567, "#,##0", "1,234,567"],
    [1234567.4, "$#,##0", "$1,234,567"],
    [-1234.5, "$#,##0", "-$1,235"],
    [-5, "$#,##0;($#,##0)", "($5)"],
    [12.3456, "0.00", "12.35"],
    [45306, "yyyy-mm-dd", "2024-01-15"],
    [45306, "mmm yyyy", "Jan 2024"],
    [45306.5, "yyyy-mm-dd hh:mm", "2024-01-15 12:00"],
    [1 / 3, null, "0.333333333"],
    [1.0454545454545, null, "1.045454545"],
    [123456789012, null, "1.23457E+11"],
    [true, null, "TRUE"],
    ["text", "0.0%", "text"],
  ] as const)("%s in %s → %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("General never shows more than 10 significant digits", () => {
    expect(generalNumber(1.1 + 2.2)).toBe("3.3");
    expect(generalNumber(-0.000123456789123)).toBe("-0.000123457");
  });

  it("reads a chart's categories and series as Excel does", () => {
    expect(
      chartData([
        ["Month", "NRR", "GRR"],
        ["Jan", 1.01, 0.97],
        ["Feb", 0.99, ""],
      ])
    ).toEqual({
      categories: ["Jan", "Feb"],
      series: [
        { name: "NRR", values: [1.01, 0.99] },
        { name: "GRR", values: [0.97, null] },
      ],
    });
    expect(
      chartData(
        [
          ["", "Jan", "Feb"],
          ["NRR", 1, 2],
        ],
        "rows"
      ).series
    ).toEqual([{ name: "NRR", values: [1, 2] }]);
  });
});
