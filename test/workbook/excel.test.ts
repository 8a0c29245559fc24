/**
 * The Excel adapter against an office-addin-mock object model (fakeExcel.ts): block reads and
 * their retries, loads limited to what is read, no read of an unloaded property, writes only to
 * sheets the adapter added, the waterfall fallback, selection and settings.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExcelWorkbook, INITIAL_BLOCK_ROWS, isSizeLimitError } from "../../src/workbook/excel";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";
import { expectEveryWriteRefused } from "./portContract";
import { writeSheetPlan } from "../../src/taskpane/writePlan";

const globals = globalThis as Record<string, unknown>;
let fake: FakeExcel;

function install(options: FakeExcelOptions): FakeExcel {
  fake = new FakeExcel(options);
  globals["Excel"] = fake.excelGlobal();
  globals["Office"] = fake.officeGlobal();
  return fake;
}

/** A ledger-like sheet: header, then `rows` rows of id, text, number, blank-or-boolean. */
function dataSheet(rows: number): unknown[][] {
  const cells: unknown[][] = [["Customer", "Plan", "MRR", "At risk"]];
  for (let i = 1; i <= rows; i++)
    cells.push([`C${i}`, i % 3 === 0 ? "Pro" : "Basic", i * 1.5, i % 5 === 0 ? true : ""]);
  return cells;
}

beforeEach(() => {
  install({ sheets: [{ name: "Data", cells: dataSheet(10) }] });
});

afterEach(() => {
  expect(fake.log.violations, "properties read before load and sync").toEqual([]);
  delete globals["Excel"];
  delete globals["Office"];
});

describe("block reads", () => {
  it("assembles 12,345 rows from blocks of 5,000, one sync per block, loading only values", async () => {
    install({ sheets: [{ name: "Data", cells: dataSheet(12_344) }] });
    const progress: number[] = [];
    const values = await new ExcelWorkbook().readValues("Data!A1:D12345", {
      onProgress: (p) => progress.push(p.rowsRead),
    });

    expect(values).toEqual(dataSheet(12_344).map((row) => row.map((cell) => cell ?? "")));
    expect(fake.log.blockReads).toEqual([
      { rows: 5000, outcome: "ok" },
      { rows: 5000, outcome: "ok" },
      { rows: 2345, outcome: "ok" },
    ]);
    expect(progress).toEqual([5000, 10000, 12345]);
    // One run to find the range's shape, then one run with one sync per block.
    expect(fake.log.syncsPerRun).toEqual([1, 1, 1, 1]);
    const rangeLoads = fake.log.loads
      .filter((load) => load.kind === "range")
      .map((load) => load.what);
    expect(rangeLoads).toEqual([
      "rowIndex,columnIndex,rowCount,columnCount",
      "rowIndex,columnIndex,rowCount,columnCount",
      "values",
      "values",
      "values",
    ]);
  });

  it("starts at 5,000 rows", () => {
    expect(INITIAL_BLOCK_ROWS).toBe(5000);
  });

  it("halves the block on a payload-limit error and still returns every row exactly", async () => {
    install({ sheets: [{ name: "Data", cells: dataSheet(12_344) }], maxReadRows: 1300 });
    const values = await new ExcelWorkbook().readValues("Data!A1:D12345");
    expect(values).toEqual(dataSheet(12_344));
    const tried = fake.log.blockReads.map((read) => `${read.rows} ${read.outcome}`);
    expect(tried.slice(0, 4)).toEqual([
      "5000 limit error",
      "2500 limit error",
      "1250 ok",
      "1250 ok",
    ]);
    expect(
      fake.log.blockReads
        .filter((read) => read.outcome === "ok")
        .reduce((sum, read) => sum + read.rows, 0)
    ).toBe(12_345);
  });

  it.each([
    {
      code: "RequestPayloadSizeLimitExceeded",
      message: "The request payload size has exceeded the limit.",
    },
    { code: "RangeExceedsLimit", message: "The range exceeds the limit." },
    { code: "GeneralException", message: "An internal error has occurred." },
    { code: "InvalidOperation", message: "This operation exceeds the resource limit." },
  ])("retries on $code", async (limitError) => {
    install({ sheets: [{ name: "Data", cells: dataSheet(3000) }], maxReadRows: 2000, limitError });
    expect(await new ExcelWorkbook().readValues("Data!A1:D3001")).toEqual(dataSheet(3000));
  });

  it("treats a block whose values come back null as a limit hit and retries smaller", async () => {
    install({ sheets: [{ name: "Data", cells: dataSheet(7999) }], nullValuesAboveRows: 3000 });
    const values = await new ExcelWorkbook().readValues("Data!A1:D8000");
    expect(values).toEqual(dataSheet(7999));
    expect(fake.log.blockReads.map((read) => `${read.rows} ${read.outcome}`)).toEqual([
      "5000 null values",
      "2500 ok",
      "2500 ok",
      "2500 ok",
      "500 ok",
    ]);
  });

  it("gives up with a clear message below the minimum block", async () => {
    install({ sheets: [{ name: "Data", cells: dataSheet(999) }], maxReadRows: 50 });
    await expect(
      new ExcelWorkbook({ minBlockRows: 100 }).readValues("Data!A1:D1000")
    ).rejects.toThrow(
      "Excel could not return rows 1–125 of Data!A1:D1000, even 125 rows at a time (Excel limits how much one request may carry). Select fewer columns or a smaller range."
    );
  });

  it("does not retry an error that is not about size", async () => {
    await expect(new ExcelWorkbook().readValues("Missing!A1:B2")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(fake.log.runs).toBe(1);
  });

  it("reads a whole-column address only down to the last used row", async () => {
    const values = await new ExcelWorkbook().readValues("Data!A:D");
    expect(values).toEqual(dataSheet(10));
    expect(fake.log.blockReads).toEqual([{ rows: 11, outcome: "ok" }]);
  });

  it("starts at the range's top-left cell and returns blanks as empty text", async () => {
    const values = await new ExcelWorkbook().readValues("Data!C4:D6");
    expect(values).toEqual([
      [4.5, ""],
      [6, ""],
      [7.5, true],
    ]);
  });

  it("reads quoted sheet names and the active sheet", async () => {
    install({
      sheets: [{ name: "Q1 '24", cells: [["a", 1]] }],
      selection: { sheet: "Q1 '24", address: "A1" },
    });
    expect(await new ExcelWorkbook().readValues("'Q1 ''24'!A1:B1")).toEqual([["a", 1]]);
    expect(await new ExcelWorkbook().readValues("A1:B1")).toEqual([["a", 1]]);
  });

  it("returns no rows for an empty sheet", async () => {
    install({ sheets: [{ name: "Empty", cells: [] }] });
    const progress: number[] = [];
    expect(
      await new ExcelWorkbook().readValues("Empty!A1:C10", {
        onProgress: (p) => progress.push(p.totalRows),
      })
    ).toEqual([]);
    expect(progress).toEqual([0]);
  });
});

describe("isSizeLimitError", () => {
  const cases: { error: unknown; limit: boolean; why: string }[] = [
    {
      error: { code: "ResponsePayloadSizeLimitExceeded" },
      limit: true,
      why: "OfficeExtension.CoreErrorCodes: response over 5 MB",
    },
    {
      error: { code: "RequestPayloadSizeLimitExceeded" },
      limit: true,
      why: "OfficeExtension.CoreErrorCodes: request over 5 MB",
    },
    { error: { code: "RangeExceedsLimit" }, limit: true, why: "Excel.ErrorCodes" },
    { error: { code: "OperationCellsExceedLimit" }, limit: true, why: "Excel.ErrorCodes" },
    {
      error: { code: "GeneralException", message: "An internal error has occurred." },
      limit: true,
      why: "how Excel on the web reports oversized requests",
    },
    {
      error: { code: "InvalidOperation", message: "Resource limit reached" },
      limit: true,
      why: "a resource message",
    },
    {
      error: { code: "InvalidOperation", message: "The sheet is protected" },
      limit: false,
      why: "not about size",
    },
    { error: { code: "ItemNotFound" }, limit: false, why: "a missing sheet" },
    { error: new Error("network"), limit: false, why: "no code" },
    { error: null, limit: false, why: "nothing" },
  ];
  it.each(cases)("$why", ({ error, limit }) => {
    expect(isSizeLimitError(error)).toBe(limit);
  });
});

describe("new sheets and writes", () => {
  it("adds a sheet under a new name, never an existing one", async () => {
    install({
      sheets: [
        { name: "Data", cells: [] },
        { name: "board PACK", cells: [] },
        { name: "Board pack (2)", cells: [] },
      ],
    });
    const workbook = new ExcelWorkbook();
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

  it("refuses to write to a sheet it did not add, without calling Excel", async () => {
    const workbook = new ExcelWorkbook();
    const before = fake.snapshot();
    const runs = fake.log.runs;
    await expectEveryWriteRefused(workbook, "Data");
    // A sheet added by another adapter instance is not this one's to write either.
    const other = await new ExcelWorkbook().addSheet("Board pack");
    await expect(workbook.writeCells(other, [{ at: "A1", rows: [["x"]] }])).rejects.toThrow(
      /Refusing/
    );
    expect(fake.log.runs).toBe(runs + 1);
    expect(fake.snapshot()).toEqual({ ...before, "Board pack": [] });
  });

  it("writes values and formulas to its new sheet in one batch and leaves the source sheet as it was", async () => {
    const workbook = new ExcelWorkbook();
    const before = fake.snapshot();
    const sheet = await workbook.addSheet("Board pack");
    const runs = fake.log.runs;
    await workbook.writeCells(sheet, [
      {
        at: "A1",
        rows: [
          ["Metric", "Value"],
          ["NRR", { formula: "=SAAS.NRR(Data!C2:C6,Data!C7:C11)" }],
          ["Period", "2024-01"],
        ],
      },
      { at: "D2", rows: [[1, true, null, "=not a formula"]] },
    ]);
    expect(fake.log.runs).toBe(runs + 1);
    expect(fake.log.syncsPerRun.at(-1)).toBe(2); // one sync per block of rows
    const written = fake.sheet("Board pack");
    expect(written.cells).toEqual([
      ["Metric", "Value"],
      ["NRR", "=SAAS.NRR(Data!C2:C6,Data!C7:C11)", "", 1, true, "", "=not a formula"],
      ["Period", "2024-01"],
    ]);
    // Text keeps Excel's quote prefix, so "2024-01" is not made a date nor "=not…" a formula.
    expect([...written.formulas.keys()]).toEqual(["1,1"]);
    expect(fake.sheet("Data").cells).toEqual(before["Data"]);
  });

  it("writes a large block in slices, halving a slice on a payload limit", async () => {
    install({ sheets: [{ name: "Data", cells: [] }], maxWriteCells: 3000 });
    const workbook = new ExcelWorkbook({ writeBlockCells: 10_000 });
    const sheet = await workbook.addSheet("Matrix");
    const rows = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => r * 10 + c)
    );
    await workbook.writeCells(sheet, [{ at: "B3", rows }]);
    expect(
      fake
        .sheet("Matrix")
        .cells.slice(2)
        .map((row) => row.slice(1))
    ).toEqual(rows);
    expect(fake.log.writes.every((write) => write.rows * write.columns <= 3000)).toBe(true);
  });

  it("asks Excel to wait while the user edits a cell, for every batch, rather than fail", async () => {
    const workbook = new ExcelWorkbook();
    await workbook.readValues("Data!A1:B2");
    const sheet = await workbook.addSheet("Pack");
    await workbook.writeCells(sheet, [{ at: "A1", rows: [[1]] }]);
    await workbook.setNumberFormats(sheet, [{ address: "A1", format: "0%" }]);
    await workbook.activateSheet(sheet);
    expect(fake.log.runOptions.length).toBeGreaterThanOrEqual(5);
    expect(
      fake.log.runOptions.every(
        (options) => (options as { delayForCellEdit?: boolean })?.delayForCellEdit
      )
    ).toBe(true);
  });

  it("a board pack whose formats fail (a cell being edited, on an Excel without delayForCellEdit) leaves no sheet behind", async () => {
    install({ sheets: [{ name: "Data", cells: [[1]] }], failNumberFormats: true });
    const before = fake.snapshot();
    const plan = {
      wantedName: "Board pack",
      blocks: [{ at: "A1", rows: [["NRR", { formula: "=1" }]] }],
      numberFormats: [{ address: "B1", format: "0%" }],
      colorScales: [],
      charts: [],
    };
    await expect(writeSheetPlan(new ExcelWorkbook(), plan)).rejects.toMatchObject({
      sheetName: "Board pack",
      removed: true,
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it("sets column widths, styles and the print layout of its own sheet", async () => {
    install({ sheets: [{ name: "Data", cells: [] }], excelApi: ["1.9"] });
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Pack");
    await workbook.setColumnWidths(sheet, [
      { column: 0, points: 200 },
      { column: 2, points: 80 },
    ]);
    await workbook.setCellStyles(sheet, [
      { address: "A1", bold: true, size: 16, color: "#1F3864" },
      { address: "A3:F3", fill: "#D9E1F2", underline: "#1F3864", align: "right", wrap: false },
    ]);
    expect(
      await workbook.setPrintLayout(sheet, {
        orientation: "landscape",
        fitToOnePageWide: true,
        printArea: "A1:O40",
      })
    ).toBe(true);
    const pack = fake.sheet("Pack");
    expect(pack.printArea).toBe("A1:O40");
    expect([...pack.columnWidths]).toEqual([
      [0, 200],
      [2, 80],
    ]);
    expect(pack.styles).toEqual([
      { address: "A1", bold: true, size: 16, color: "#1F3864" },
      { address: "A3:F3", fill: "#D9E1F2", wrap: false, align: "Right", underline: "#1F3864" },
    ]);
    expect(pack.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(fake.log.violations).toEqual([]);
  });

  it("has no print layout to set before ExcelApi 1.9, and says so rather than fail", async () => {
    install({ sheets: [{ name: "Data", cells: [] }], excelApi: ["1.8"] });
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Pack");
    expect(
      await workbook.setPrintLayout(sheet, { orientation: "landscape", fitToOnePageWide: true })
    ).toBe(false);
    expect(fake.sheet("Pack").pageLayout).toBeNull();
  });

  it("removes a sheet it added, and refuses any other", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Half written");
    await workbook.removeAddedSheet(sheet);
    expect(fake.sheets.map((each) => each.name)).not.toContain("Half written");
    await expect(workbook.removeAddedSheet("Data")).rejects.toThrow(/Refusing to write to "Data"/);
    expect(fake.sheets.map((each) => each.name)).toContain("Data");
  });

  it("groups a write's syncs into one undo step only where ExcelApi 1.20 is supported", async () => {
    const rows = [[1, 2]];
    let workbook = new ExcelWorkbook();
    await workbook.writeCells(await workbook.addSheet("Old Excel"), [{ at: "A1", rows }]);
    expect(fake.log.runOptions.at(-1)).toEqual({ delayForCellEdit: true });

    install({ sheets: [{ name: "Data", cells: [] }], excelApi: ["1.9", "1.20"] });
    workbook = new ExcelWorkbook();
    await workbook.writeCells(await workbook.addSheet("New Excel"), [{ at: "A1", rows }]);
    expect(fake.log.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  it("follows its sheet by id: a rename keeps it writable, a user's sheet of the old name is untouched", async () => {
    const workbook = new ExcelWorkbook();
    const name = await workbook.addSheet("Board pack");
    fake.sheet("Board pack").name = "My pack";
    fake.sheets.push({
      ...fake.sheet("Data"),
      id: "{user}",
      name: "Board pack",
      cells: [["mine"]],
      formulas: new Map(),
      numberFormats: new Map(),
      colorScales: [],
      charts: [],
    });
    await workbook.writeCells(name, [{ at: "A1", rows: [["ours"]] }]);
    expect(fake.sheet("My pack").cells).toEqual([["ours"]]);
    expect(fake.sheet("Board pack").cells).toEqual([["mine"]]);
  });

  it("refuses ragged blocks and non-finite numbers before writing anything", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    await expect(workbook.writeCells(sheet, [{ at: "A1", rows: [[1, 2], [3]] }])).rejects.toThrow(
      "The block at A1 has rows of different lengths."
    );
    await expect(workbook.writeCells(sheet, [{ at: "A1", rows: [[Number.NaN]] }])).rejects.toThrow(
      "NaN cannot be written to a cell"
    );
    expect(fake.log.writes).toEqual([]);
  });

  it("applies number formats cell by cell over each range", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    await workbook.setNumberFormats(sheet, [
      { address: "B2:C3", format: "0.0%" },
      { address: "A1", format: "mmm yyyy" },
    ]);
    expect(Object.fromEntries(fake.sheet("Board pack").numberFormats)).toEqual({
      "1,1": "0.0%",
      "1,2": "0.0%",
      "2,1": "0.0%",
      "2,2": "0.0%",
      "0,0": "mmm yyyy",
    });
  });

  it("adds a three-colour scale", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Cohorts");
    await workbook.addColorScale(sheet, {
      address: "C3:N14",
      minimumColor: "#F8696B",
      midpointColor: "#FFFFFF",
      maximumColor: "#63BE7B",
    });
    expect(fake.sheet("Cohorts").colorScales).toEqual([
      {
        address: "C3:N14",
        criteria: {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFFFFF" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        },
      },
    ]);
  });

  it("activates its own sheet", async () => {
    const workbook = new ExcelWorkbook();
    await workbook.activateSheet(await workbook.addSheet("Board pack"));
    expect(fake.activeSheetId).toBe(fake.sheet("Board pack").id);
  });
});

describe("charts", () => {
  const bridge = {
    kind: "waterfall" as const,
    source: "A1:B7",
    bridgeSource: "D1:G7",
    title: "MRR bridge",
    topLeft: "I2",
    bottomRight: "P20",
  };

  it("draws the chart kind asked for, titled and placed", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    const drawn = await workbook.addChart(sheet, {
      kind: "line",
      source: "A1:C13",
      title: "NRR by month",
      topLeft: "E2",
      bottomRight: "L18",
      seriesBy: "columns",
    });
    expect(drawn).toBe("line");
    expect(fake.sheet("Board pack").charts).toEqual([
      expect.objectContaining({
        type: "Line",
        source: "A1:C13",
        seriesBy: "Columns",
        title: "NRR by month",
        topLeft: "E2",
        bottomRight: "L18",
        legendVisible: true,
      }),
    ]);
  });

  it("draws a waterfall where Excel can", async () => {
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    expect(await workbook.addChart(sheet, bridge)).toBe("waterfall");
    expect(fake.sheet("Board pack").charts.map((chart) => [chart.type, chart.source])).toEqual([
      ["Waterfall", "A1:B7"],
    ]);
  });

  it("falls back to a stacked-column bridge when the waterfall fails, removing the half-made chart", async () => {
    install({ sheets: [{ name: "Data", cells: [] }], failingChartTypes: ["Waterfall"] });
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    expect(await workbook.addChart(sheet, bridge)).toBe("columnStacked");
    expect(fake.sheet("Board pack").charts).toEqual([
      expect.objectContaining({
        type: "ColumnStacked",
        source: "D1:G7",
        title: "MRR bridge",
        firstSeriesFillCleared: true,
        legendVisible: false,
      }),
    ]);
  });

  it("does not try a waterfall where ExcelApi 1.9 is missing", async () => {
    install({ sheets: [{ name: "Data", cells: [] }], excelApi: ["1.1", "1.4", "1.7", "1.8"] });
    const workbook = new ExcelWorkbook();
    const sheet = await workbook.addSheet("Board pack");
    const runs = fake.log.runs;
    expect(await workbook.addChart(sheet, { ...bridge, bridgeSource: undefined })).toBe(
      "columnStacked"
    );
    expect(fake.log.runs).toBe(runs + 1);
    expect(fake.sheet("Board pack").charts).toEqual([
      expect.objectContaining({
        type: "ColumnStacked",
        source: "A1:B7",
        firstSeriesFillCleared: false,
      }),
    ]);
  });
});

describe("selection and used range", () => {
  it("reports the selection, its sheet's used range and its table", async () => {
    install({
      sheets: [{ name: "Data", cells: dataSheet(10) }],
      selection: { sheet: "Data", address: "B2:C4" },
      tables: [{ name: "Customers", sheet: "Data", address: "A1:D11" }],
    });
    expect(await new ExcelWorkbook().getSelection()).toEqual({
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
      table: {
        address: "Data!A1:D11",
        sheetName: "Data",
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 11,
        columnCount: 4,
        name: "Customers",
      },
    });
  });

  it("has no table outside one, and does not look for tables before ExcelApi 1.9", async () => {
    install({
      sheets: [{ name: "Data", cells: dataSheet(2) }],
      selection: { sheet: "Data", address: "F9" },
    });
    expect((await new ExcelWorkbook().getSelection()).table).toBeNull();
    install({
      sheets: [{ name: "Data", cells: dataSheet(2) }],
      excelApi: ["1.4"],
      tables: [{ name: "T", sheet: "Data", address: "A1:D3" }],
    });
    expect((await new ExcelWorkbook().getSelection()).table).toBeNull();
    expect(fake.log.loads.some((load) => load.kind === "tables")).toBe(false);
  });

  it("gives the used range of a sheet, or null for an empty one", async () => {
    install({
      sheets: [
        {
          name: "Data",
          cells: [
            ["", ""],
            ["", 5],
          ],
        },
        { name: "Empty", cells: [] },
      ],
    });
    const workbook = new ExcelWorkbook();
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

describe("document settings", () => {
  it("remembers a JSON value in the workbook and saves it", async () => {
    const workbook = new ExcelWorkbook();
    expect(await workbook.getSetting("layout")).toBeNull();
    const mapping = { kind: "grid", headerRow: 1, periodColumns: [2, 3], confirmed: true };
    await workbook.setSetting("layout", mapping);
    expect(await workbook.getSetting("layout")).toEqual(mapping);
  });

  it("rejects when the workbook cannot save its settings", async () => {
    install({ sheets: [], failSettingsSave: true });
    await expect(new ExcelWorkbook().setSetting("layout", 1)).rejects.toThrow(
      "The workbook could not save the add-in's settings: The document is read-only."
    );
  });
});
