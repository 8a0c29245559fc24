/**
 * The pane's controller driven without a browser, through an in-memory workbook: its flows from
 * a selection to figures and written sheets, one action at a time, and a pane that stays usable
 * and says what went wrong whatever fails.
 */
import { describe, expect, it } from "vitest";
import { isValue } from "../../src/analysis";
import type { CellValue, JsonValue } from "../../src/workbook/port";
import { PaneController, type PaneOptions } from "../../src/taskpane/controller";
import { FakeWorkbook } from "./fakeWorkbook";

const GRID: CellValue[][] = [
  ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024"],
  ["Acme", "SMB", 100, 110, 120],
  ["Beta", "Ent", 200, 200, 0],
  ["Cyan", "SMB", 50, 40, 40],
  ["Dune", "Ent", 0, 0, 90],
];

function controllerFor(
  workbook: FakeWorkbook | null,
  extra: Partial<PaneOptions> = {}
): PaneController {
  return new PaneController({
    workbook,
    host: "playground",
    platform: null,
    officeError: null,
    language: "en",
    locale: "en-US",
    loadFunctions: async () => [],
    ...extra,
  });
}

const en = (controller: PaneController) => (messages: readonly { key: string; params: object }[]) =>
  messages.map((message) => controller.translator.say(message as never)).join(" ");

async function analysed(workbook: FakeWorkbook): Promise<PaneController> {
  const controller = controllerFor(workbook);
  await controller.analyseSelection();
  expect(controller.state.pending?.mapping.kind).toBe("grid");
  await controller.confirmMapping();
  expect(controller.state.revenue).not.toBeNull();
  return controller;
}

describe("the flows, from a selection to figures and sheets", () => {
  it("analyses a grid: proposes a mapping, then figures equal to the core's", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    const analysis = controller.revenueAnalysis();
    const nrr = analysis?.kpis.find((kpi) => kpi.id === "nrr")?.figure;
    expect(nrr !== undefined && isValue(nrr) && nrr.value).toBeCloseTo(160 / 350, 12);
    expect(workbook.settings.size).toBe(1); // the mapping is remembered
  });

  it("a double click writes one board pack, not two", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    await Promise.all([controller.writeBoardPack(), controller.writeBoardPack()]);
    expect([...workbook.addedSheets.keys()]).toEqual(["Board pack"]);
    expect(controller.state.packStatus?.sheetName).toBe("Board pack");
    expect(controller.state.busy).toBe(false);
  });

  it("writes the what-if sheet from the measured baseline", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    controller.choosePeriod({ kind: "between", start: 0, end: 2 });
    await controller.writeWhatIf();
    expect(controller.state.whatIfStatus?.sheetName).toBe("What-if");
  });
});

describe("a pane that stays usable", () => {
  it("a read that fails is said in words, and the pane takes the next action", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = controllerFor(workbook);
    const read = workbook.readValues.bind(workbook);
    workbook.readValues = async () => {
      throw new Error("The request payload is too large");
    };
    await controller.analyseSelection();
    expect(controller.state.busy).toBe(false);
    expect(en(controller)(controller.state.message?.messages ?? [])).toBe(
      "The selection could not be read: The request payload is too large"
    );
    workbook.readValues = read;
    await controller.analyseSelection();
    expect(controller.state.message).toBeNull();
    expect(controller.state.pending).not.toBeNull();
  });

  it("after a failed analysis, the earlier range's mapping form is gone, not left to confirm", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID, Empty: [["", ""]] }, { selection: "MRR!A1:E5" });
    const controller = controllerFor(workbook);
    await controller.analyseSelection();
    expect(controller.state.pending).not.toBeNull();
    workbook.readValues = async () => {
      throw new Error("gone");
    };
    await controller.analyseSelection();
    expect(controller.state.pending).toBeNull();
    await controller.confirmMapping(); // nothing to confirm: nothing happens
    expect(controller.state.revenue).toBeNull();
  });

  it("a board pack that cannot be written says why, and the next one is written", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    const addSheet = workbook.addSheet.bind(workbook);
    workbook.addSheet = async () => {
      throw new Error("The workbook is protected");
    };
    await controller.writeBoardPack();
    expect(controller.state.packStatus?.tone).toBe("error");
    expect(en(controller)(controller.state.packStatus?.messages ?? [])).toContain(
      "The workbook is protected"
    );
    workbook.addSheet = addSheet;
    await controller.writeBoardPack();
    expect(controller.state.packStatus?.sheetName).toBe("Board pack");
  });

  it("a board pack that fails halfway is removed whole, and said so: no half-made pack is left", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    workbook.setNumberFormats = async () => {
      throw new Error("The workbook is busy: a cell is being edited.");
    };
    await controller.writeBoardPack();
    expect(en(controller)(controller.state.packStatus?.messages ?? [])).toBe(
      "The board pack could not be written: The workbook is busy: a cell is being edited. The half-written sheet Board pack was removed: the workbook is as it was."
    );
    expect([...workbook.addedSheets.keys()]).toEqual([]);
    expect(await workbook.listSheets()).toEqual(["MRR"]);
  });

  it("a half-made sheet that cannot be removed either is named, for the user to delete", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    workbook.addChart = async () => {
      throw new Error("Chart failed");
    };
    workbook.removeAddedSheet = async () => {
      throw new Error("The workbook is protected");
    };
    await controller.writeWhatIf();
    expect(en(controller)(controller.state.whatIfStatus?.messages ?? [])).toContain(
      "The sheet What-if is incomplete and could not be removed: delete it before using it."
    );
  });

  it("an analysis that throws is said in its place; the other sources and actions stay", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    const revenue = controller.state.revenue;
    if (revenue === null) throw new Error("no revenue");
    // A model whose columns cannot be read (as a corrupt remembered mapping could make one).
    Object.defineProperty(revenue.model, "columns", {
      get() {
        throw new Error("Invalid time value");
      },
    });
    controller.choosePeriod({ kind: "between", start: 0, end: 2 });
    expect(controller.revenueAnalysis()).toBeNull();
    expect(en(controller)(controller.analysisFailure()?.messages ?? [])).toBe(
      "Something went wrong: Invalid time value"
    );
    controller.removeSource("revenue");
    expect(controller.analysisFailure()).toBeNull();
    await controller.analyseSelection();
    expect(controller.state.pending).not.toBeNull();
  });
});

describe("a mapping remembered in the workbook is input, checked against the sheet now", () => {
  /** Twelve months of a customer's revenue, growing 1% a month, beside a steady one. */
  const YEAR: CellValue[][] = [
    ["Customer", ...["Jan", "Feb", "Mar", "Apr", "May", "Jun"].map((m) => `${m} 2024`)],
    ["Acme", 100, 101, 102, 103, 104, 105],
    ["Beta", 200, 200, 200, 190, 180, 0],
    ["Cyan", 0, 0, 50, 50, 60, 60],
  ];

  async function withStored(stored: (mapping: Record<string, unknown>) => unknown) {
    const workbook = new FakeWorkbook({ MRR: YEAR }, { selection: "MRR!A1:G4" });
    const first = await analysed(workbook);
    const kept = workbook.settings.get("retentionMetrics.mappings") as Record<
      string,
      { mapping: Record<string, unknown> }
    >;
    const [address, entry] = Object.entries(kept)[0] ?? [];
    if (address === undefined || entry === undefined) throw new Error("nothing kept");
    workbook.settings.set("retentionMetrics.mappings", {
      [address]: stored(entry.mapping),
    } as JsonValue);
    const controller = controllerFor(workbook);
    await controller.analyseSelection();
    return { first, controller };
  }

  it("periods stored in reverse (Jun's column named Jan) are set aside: the figures are the sheet's", async () => {
    const { first, controller } = await withStored((mapping) => {
      const periods = mapping["periodColumns"] as { column: number; periodStart: string }[];
      const columns = periods.map((period) => period.column).reverse();
      return { ...mapping, periodColumns: periods.map((p, i) => ({ ...p, column: columns[i] })) };
    });
    const pending = controller.state.pending;
    expect(pending?.remembered).toBe(false);
    expect(controller.translator.say(pending?.setAside as never)).toBe(
      'column G was Jan 2024 and its header now reads "Jun 2024"'
    );
    await controller.confirmMapping();
    const nrr = (c: PaneController) =>
      c.revenueAnalysis()?.kpis.find((kpi) => kpi.id === "nrr")?.figure;
    expect(nrr(controller)).toEqual(nrr(first));
  });

  it("periods out of date order are set aside", async () => {
    const { controller } = await withStored((mapping) => {
      const periods = mapping["periodColumns"] as { periodStart: string }[];
      return { ...mapping, periodColumns: [...periods].reverse() };
    });
    expect(controller.state.pending?.setAside?.key).toBe("remembered.periodsOutOfOrder");
  });

  it("a period label that is not a date is set aside, and the pane draws the fresh guess", async () => {
    const { controller } = await withStored((mapping) => {
      const periods = mapping["periodColumns"] as { periodStart: string }[];
      return { ...mapping, periodColumns: periods.map((p) => ({ ...p, periodStart: "Q5 2024" })) };
    });
    expect(controller.state.pending?.setAside).toEqual({
      key: "remembered.periodNotDate",
      params: { label: { quoted: "Q5 2024" } },
    });
    await controller.confirmMapping();
    expect(controller.revenueAnalysis()).not.toBeNull();
  });

  it("a mapping kept by an earlier version (no headers) is read when it fits", async () => {
    const { controller } = await withStored((mapping) => mapping);
    expect(controller.state.pending?.remembered).toBe(true);
    expect(controller.state.pending?.setAside).toBeNull();
  });
});

describe("numbers at the edges leave the pane working", () => {
  it("a revenue cell holding =0.1+0.2-0.3 beside real revenue: finite figures and a what-if", async () => {
    const grid = GRID.map((row) => [...row]);
    grid[4] = ["Dune", "Ent", 0.1 + 0.2 - 0.3, 0, 90];
    const workbook = new FakeWorkbook({ MRR: grid }, { selection: "MRR!A1:E5" });
    const controller = await analysed(workbook);
    controller.choosePeriod({ kind: "between", start: 0, end: 2 });
    for (const kpi of controller.revenueAnalysis()?.kpis ?? [])
      if (isValue(kpi.figure)) expect(Number.isFinite(kpi.figure.value), kpi.id).toBe(true);
    const baseline = controller.baseline();
    expect(baseline !== null && !("problem" in baseline)).toBe(true);
    await controller.writeWhatIf();
    expect(controller.state.whatIfStatus?.sheetName).toBe("What-if");
  });

  it("totals near 1e308 are said, not thrown: the pane takes the next action", async () => {
    const grid = GRID.map((row) => [...row]);
    grid[1] = ["Acme", "SMB", 1e308, 1.5e308, 1.7e308];
    grid[2] = ["Beta", "Ent", 1e308, 1.5e308, 1.7e308];
    const workbook = new FakeWorkbook({ MRR: grid }, { selection: "MRR!A1:E5" });
    const controller = controllerFor(workbook);
    await controller.analyseSelection();
    await controller.confirmMapping();
    controller.choosePeriod({ kind: "between", start: 1, end: 2 });
    const analysis = controller.revenueAnalysis();
    expect(controller.analysisFailure()).toBeNull();
    const tooLarge = "the amounts are too large to add up; check the range for stray huge values";
    const nrr = analysis?.kpis.find((kpi) => kpi.id === "nrr")?.figure;
    expect(nrr !== undefined && !isValue(nrr) && controller.translator.say(nrr.problem)).toBe(
      tooLarge
    );
    expect(analysis?.bridge.ok).toBe(false);
    const baseline = controller.baseline();
    expect(baseline !== null && "problem" in baseline).toBe(true);
    await controller.writeBoardPack(); // live formulas: the sheet shows #NUM! where Excel would
    expect(controller.state.packStatus?.sheetName).toBe("Board pack");
    expect(controller.state.busy).toBe(false);
    workbook.userSheets.set("MRR", GRID);
    await controller.analyseSelection();
    await controller.confirmMapping();
    expect(controller.revenueAnalysis()).not.toBeNull();
  });
});

describe("a selection beyond what the pane analyses", () => {
  it("is refused before any cell is read, with the limit and what to do", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E5" });
    const range = (rowCount: number, columnCount: number) => ({
      address: "MRR!A1:AJ1048576",
      sheetName: "MRR",
      rowIndex: 0,
      columnIndex: 0,
      rowCount,
      columnCount,
    });
    // Whole columns A:AJ of a sheet used down to row 1,000,001: a million customers × 36.
    workbook.getSelection = async () => ({
      selection: range(1_048_576, 36),
      usedRange: range(1_000_001, 36),
      table: null,
    });
    workbook.readValues = async () => {
      throw new Error("nothing should be read");
    };
    const controller = controllerFor(workbook);
    await controller.analyseSelection();
    expect(en(controller)(controller.state.message?.messages ?? [])).toBe(
      "The selection has 36,000,036 cells (1,000,001 rows × 36 columns); the pane analyses at most 5,000,000. Select fewer rows or only the columns you need (the customers, the periods to compare, a segment column), or use the functions in cells, such as =SAAS.NRR(…), which have no such limit."
    );
    expect(controller.state.busy).toBe(false);
  });

  it("a whole-column selection of a small sheet is its used rows: analysed", async () => {
    const workbook = new FakeWorkbook({ MRR: GRID }, { selection: "MRR!A1:E1048576" });
    const controller = controllerFor(workbook);
    await controller.analyseSelection();
    expect(controller.state.pending?.mapping.kind).toBe("grid");
  });
});
