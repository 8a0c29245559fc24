/**
 * The pane's controller driven without a browser, through an in-memory workbook: its flows from
 * a selection to figures and written sheets, one action at a time, and a pane that stays usable
 * and says what went wrong whatever fails.
 */
import { describe, expect, it } from "vitest";
import { isValue } from "../../src/analysis";
import type { CellValue } from "../../src/workbook/port";
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
