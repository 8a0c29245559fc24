/**
 * What the pane reads for a selection, and the mapping it remembers in the workbook.
 */
import { describe, expect, it } from "vitest";
import { type GridMapping, detectLayout, mappingFromLayout } from "../../src/analysis";
import {
  MAPPINGS_SETTING,
  rangeToRead,
  readSelectedData,
  recallMapping,
  rememberMapping,
} from "../../src/taskpane/sources";
import type { CellValue, RangeInfo } from "../../src/workbook/port";
import { FakeWorkbook } from "./fakeWorkbook";

const range = (
  address: string,
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number
): RangeInfo => ({
  address,
  sheetName: "Data",
  rowIndex,
  columnIndex,
  rowCount,
  columnCount,
});

const SHEET: CellValue[][] = [
  ["Customer", "Jan 2024", "Feb 2024"],
  ["Acme", 100, 120],
  ["Beta", 50, 0],
  ["Cyan", 0, 70],
];

describe("the range read for a selection", () => {
  const used = range("Data!A1:C4", 0, 0, 4, 3);
  it("the Excel table the selection is in", () => {
    const table = range("Data!A1:C4", 0, 0, 4, 3);
    expect(rangeToRead({ selection: range("Data!B2", 1, 1, 1, 1), usedRange: used, table })).toBe(
      table
    );
  });
  it("one cell: the sheet's used range (the user pointed at the data)", () => {
    expect(
      rangeToRead({ selection: range("Data!B2", 1, 1, 1, 1), usedRange: used, table: null })
    ).toBe(used);
  });
  it("a block: the block itself", () => {
    const block = range("Data!A1:B3", 0, 0, 3, 2);
    expect(rangeToRead({ selection: block, usedRange: used, table: null })).toBe(block);
  });
  it("a whole-column selection reads the used rows, and is named by what was read", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C1048576" });
    const read = await readSelectedData(port);
    expect(read?.address).toBe("Data!A1:C4");
    expect(read?.source.cells).toHaveLength(4);
  });
  it("an empty sheet reads nothing", async () => {
    const port = new FakeWorkbook({ Data: [] }, { selection: "Data!A1" });
    expect(await readSelectedData(port)).toBeNull();
  });
});

describe("the mapping remembered in the workbook", () => {
  async function readData(port: FakeWorkbook) {
    const read = await readSelectedData(port);
    if (read === null) throw new Error("nothing read");
    return read;
  }

  it("comes back for the same range, and is set aside once the sheet no longer fits it", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C4" });
    const read = await readData(port);
    const mapping = mappingFromLayout(detectLayout(read.source.cells)) as GridMapping;
    await rememberMapping(port, read, { ...mapping, customerColumn: null });
    expect(await recallMapping(port, read)).toMatchObject({
      mapping: { kind: "grid", customerColumn: null },
      setAside: null,
    });
    // The same address over fewer columns (a column deleted since): the stored mapping is stale.
    const narrower = {
      ...read,
      source: { ...read.source, cells: read.source.cells.map((row) => row.slice(0, 2)) },
    };
    expect(await recallMapping(port, narrower)).toEqual({
      mapping: null,
      setAside: { key: "remembered.outside", params: {} },
    });
    // Garbage in the setting is set aside, never trusted.
    await port.setSetting(MAPPINGS_SETTING, { [read.address]: { kind: "grid", firstRow: "1" } });
    expect(await recallMapping(port, read)).toEqual({
      mapping: null,
      setAside: { key: "remembered.malformed", params: {} },
    });
  });

  it("nothing kept for a range is no note at all", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C4" });
    expect(await recallMapping(port, await readData(port))).toEqual({
      mapping: null,
      setAside: null,
    });
  });

  it("settings that cannot be read are a note, not a failed analysis, and are written afresh", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C4" });
    const read = await readData(port);
    port.getSetting = () => Promise.reject(new SyntaxError("Unexpected token } in JSON"));
    expect(await recallMapping(port, read)).toEqual({
      mapping: null,
      setAside: {
        key: "remembered.unreadable",
        params: { message: "Unexpected token } in JSON" },
      },
    });
    const mapping = mappingFromLayout(detectLayout(read.source.cells)) as GridMapping;
    await rememberMapping(port, read, mapping);
    expect(Object.keys(port.settings.get(MAPPINGS_SETTING) as object)).toEqual([read.address]);
  });

  it("keeps the headers of the mapped columns with it", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C4" });
    const read = await readData(port);
    await rememberMapping(port, read, mappingFromLayout(detectLayout(SHEET)) as GridMapping);
    const stored = port.settings.get(MAPPINGS_SETTING) as Record<string, { headers: unknown }>;
    expect(stored[read.address]?.headers).toEqual({
      "0": "Customer",
      "1": "Jan 2024",
      "2": "Feb 2024",
    });
  });

  it("keeps the newest twenty ranges", async () => {
    const port = new FakeWorkbook({ Data: SHEET }, { selection: "Data!A1:C4" });
    const read = await readData(port);
    const mapping = mappingFromLayout(detectLayout(SHEET)) as GridMapping;
    for (let i = 0; i < 25; i++)
      await rememberMapping(port, { ...read, address: `Data!A${i + 1}:C4` }, mapping);
    const stored = port.settings.get(MAPPINGS_SETTING) as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(20);
    expect(Object.keys(stored)[19]).toBe("Data!A25:C4");
  });
});
