/**
 * A mapping kept in the workbook read back against the sheet as it is now: it comes back only
 * when it still fits, and otherwise says why it was set aside.
 */
import { describe, expect, it } from "vitest";
import {
  type GridMapping,
  type LedgerMapping,
  type SourceCells,
  detectLayout,
  mappingFromLayout,
  recallStoredMapping,
  toStoredMapping,
} from "../../src/analysis";

const GRID = [
  ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024"],
  ["Acme", "SMB", 100, 110, 120],
  ["Beta", "Ent", 200, 200, 0],
];
const LEDGER = [
  ["Customer", "Date", "Amount", "Tax"],
  ["Acme", "2024-01-10", 100, 20],
  ["Acme", "2024-02-10", 100, 20],
  ["Beta", "2024-01-05", 50, 10],
];

const sourceOf = (cells: unknown[][]): SourceCells => ({
  cells,
  sheetName: "Data",
  rowIndex: 0,
  columnIndex: 0,
});

function kept(cells: unknown[][]) {
  const mapping = mappingFromLayout(detectLayout(cells));
  if (mapping === null) throw new Error("no layout");
  return { mapping, stored: JSON.parse(JSON.stringify(toStoredMapping(sourceOf(cells), mapping))) };
}

describe("a kept mapping read back", () => {
  it("comes back as it was while the sheet is unchanged", () => {
    const { mapping, stored } = kept(GRID);
    expect(recallStoredMapping(stored, sourceOf(GRID))).toEqual({ ok: true, value: mapping });
  });

  it("a header renamed over a mapped column sets it aside, naming the column and both headers", () => {
    const { stored } = kept(LEDGER);
    const now = LEDGER.map((row) => [...row]);
    now[0] = ["Customer", "Date", "Net", "Amount"]; // the columns were swapped since
    expect(recallStoredMapping(stored, sourceOf(now))).toEqual({
      ok: false,
      problem: {
        key: "remembered.headerChanged",
        params: { column: "C", then: { quoted: "Amount" }, now: { quoted: "Net" } },
      },
    });
  });

  it("a month added to the header is a period the kept mapping leaves out", () => {
    const { stored } = kept(GRID);
    const wider = GRID.map((row, r) => [...row, r === 0 ? "Apr 2024" : 5]);
    // The same address read wider (a table that grew): the new month must not be left out.
    expect(recallStoredMapping(stored, sourceOf(wider))).toEqual({
      ok: false,
      problem: {
        key: "remembered.periodAdded",
        params: { column: "F", now: { quoted: "Apr 2024" } },
      },
    });
  });

  it("rows beyond the cells read are outside", () => {
    const { stored } = kept(GRID);
    expect(recallStoredMapping(stored, sourceOf(GRID.slice(0, 2)))).toEqual({
      ok: false,
      problem: { key: "remembered.outside", params: {} },
    });
  });

  it("a header row below the data is outside", () => {
    const { stored } = kept(LEDGER);
    const mapping = { ...(stored.mapping as LedgerMapping), headerRow: 3 };
    expect(recallStoredMapping({ ...stored, mapping }, sourceOf(LEDGER))).toMatchObject({
      ok: false,
      problem: { key: "remembered.outside" },
    });
  });

  it.each([
    ["text", "a mapping"],
    ["a list", [1, 2]],
    ["an unknown kind", { kind: "pivot", firstRow: 1, lastRow: 2, segmentColumns: [] }],
    ["rows as text", { kind: "survey", firstRow: "1", lastRow: 2, segmentColumns: [] }],
    ["fractional columns", { ...kept(LEDGER).mapping, amountColumn: 2.5 }],
    ["a negative row", { ...kept(LEDGER).mapping, firstRow: -1 }],
    ["an unknown period", { ...kept(LEDGER).mapping, period: "week" }],
  ])("%s is not a mapping", (_why, value) => {
    expect(recallStoredMapping(value, sourceOf(LEDGER))).toEqual({
      ok: false,
      problem: { key: "remembered.malformed", params: {} },
    });
  });

  it("a period that is not the first day of its period is set aside", () => {
    const { stored } = kept(GRID);
    const mapping = stored.mapping as GridMapping;
    const periodColumns = mapping.periodColumns.map((p, i) =>
      i === 1 ? { ...p, periodStart: "2024-02-15" } : p
    );
    expect(
      recallStoredMapping({ ...stored, mapping: { ...mapping, periodColumns } }, sourceOf(GRID))
    ).toEqual({
      ok: false,
      problem: { key: "remembered.periodNotDate", params: { label: { quoted: "2024-02-15" } } },
    });
  });

  it("labels come from the header now (a date cell reformatted as text reads the same period)", () => {
    const { stored } = kept(GRID);
    const now = GRID.map((row) => [...row]);
    now[0] = ["Customer", "Plan", "2024-01", "2024-02", "2024-03"];
    const legacy = stored.mapping; // no headers kept: only the periods are compared
    const recalled = recallStoredMapping(legacy, sourceOf(now));
    expect(
      recalled.ok && (recalled.value as GridMapping).periodColumns.map((p) => p.label)
    ).toEqual(["2024-01", "2024-02", "2024-03"]);
  });
});
