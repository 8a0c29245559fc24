/**
 * Reading what the user selected, and remembering how its columns were mapped, through the
 * WorkbookPort: the pane's only reads of the workbook, and its only write outside new sheets
 * (document settings, which are the add-in's own, never a cell).
 */
import {
  type AnalysisMessage,
  type SourceCells,
  type SourceMapping,
  recallStoredMapping,
  toStoredMapping,
} from "../analysis";
import type { JsonValue, RangeInfo, ReadProgress, WorkbookPort } from "../workbook/port";
import { absoluteRange, quoteSheetName } from "../core/sheet/addresses";

export interface ReadSource {
  readonly source: SourceCells;
  /** The range read, as a formula names it ("'MRR data'!A1:F301"): the key of its mapping. */
  readonly address: string;
}

/**
 * The range to analyse for a selection: the Excel table it is in; else, for a single cell, the
 * sheet's used range (the user pointed at the data); else the selection itself.
 */
export function rangeToRead(selection: {
  readonly selection: RangeInfo;
  readonly usedRange: RangeInfo | null;
  readonly table: RangeInfo | null;
}): RangeInfo | null {
  if (selection.table !== null) return selection.table;
  const selected = selection.selection;
  if (selected.rowCount === 1 && selected.columnCount === 1) return selection.usedRange;
  return selected;
}

/**
 * The most cells the pane reads for one analysis: 100,000 customers × 50 columns. Beyond, a
 * browser pane would take minutes and gigabytes; the functions in cells have no such limit.
 */
export const ANALYSIS_CELL_LIMIT = 5_000_000;

/** A selection with more cells than ANALYSIS_CELL_LIMIT, refused before anything is read. */
export class SelectionTooLarge extends Error {
  constructor(
    readonly rows: number,
    readonly columns: number
  ) {
    super(`the selection has ${rows * columns} cells`);
  }
}

/** Reads the data the user selected, reporting progress while a large range arrives. */
export async function readSelectedData(
  port: WorkbookPort,
  onProgress?: (progress: ReadProgress) => void
): Promise<ReadSource | null> {
  const selection = await port.getSelection();
  const range = rangeToRead(selection);
  if (range === null) return null;
  // A whole-column selection reads only the used rows (and a whole row the used columns).
  const used = selection.usedRange;
  const rowsToRead =
    used === null
      ? range.rowCount
      : Math.min(range.rowIndex + range.rowCount, used.rowIndex + used.rowCount) - range.rowIndex;
  const columnsToRead =
    used === null
      ? range.columnCount
      : Math.min(range.columnIndex + range.columnCount, used.columnIndex + used.columnCount) -
        range.columnIndex;
  if (rowsToRead > 0 && columnsToRead > 0 && rowsToRead * columnsToRead > ANALYSIS_CELL_LIMIT)
    throw new SelectionTooLarge(rowsToRead, columnsToRead);
  const cells = await port.readValues(range.address, { onProgress });
  const columns = cells[0]?.length ?? 0;
  if (cells.length === 0 || columns === 0) return null;
  // A whole-column selection reads only the used rows: the key names what was read.
  const local = absoluteRange(
    null,
    range.rowIndex,
    range.columnIndex,
    range.rowIndex + cells.length - 1,
    range.columnIndex + columns - 1
  ).replace(/\$/g, "");
  return {
    source: {
      cells,
      sheetName: range.sheetName,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
    },
    address: `${quoteSheetName(range.sheetName)}!${local}`,
  };
}

/** The document setting holding the confirmed mappings, by the address they were made for. */
export const MAPPINGS_SETTING = "retentionMetrics.mappings";
/** Mappings kept per workbook; the oldest go first. */
const MAX_MAPPINGS = 20;

/**
 * What was kept for a range: its mapping when it still fits the cells read now; else why it was
 * set aside (a note for the pane), or nothing at all when none was kept.
 */
export type Recalled =
  | { readonly mapping: SourceMapping; readonly setAside: null }
  | { readonly mapping: null; readonly setAside: AnalysisMessage | null };

/** The mapping remembered for a range, checked against the cells read now. */
export async function recallMapping(port: WorkbookPort, read: ReadSource): Promise<Recalled> {
  let stored: JsonValue | null;
  try {
    stored = await port.getSetting(MAPPINGS_SETTING);
  } catch (error) {
    // Settings travel in the file: unreadable ones must not stop an analysis.
    const message = error instanceof Error ? error.message : String(error);
    return { mapping: null, setAside: { key: "remembered.unreadable", params: { message } } };
  }
  if (stored === null || typeof stored !== "object" || Array.isArray(stored))
    return { mapping: null, setAside: null };
  const kept = (stored as Readonly<Record<string, JsonValue>>)[read.address];
  if (kept === undefined) return { mapping: null, setAside: null };
  const recalled = recallStoredMapping(kept, read.source);
  return recalled.ok
    ? { mapping: recalled.value, setAside: null }
    : { mapping: null, setAside: recalled.problem };
}

/** Remembers the confirmed mapping of a range in the workbook (document settings). */
export async function rememberMapping(
  port: WorkbookPort,
  read: ReadSource,
  mapping: SourceMapping
): Promise<void> {
  let stored: JsonValue | null = null;
  try {
    stored = await port.getSetting(MAPPINGS_SETTING);
  } catch {
    stored = null; // unreadable: the add-in's own setting, written afresh
  }
  const kept: Record<string, JsonValue> =
    stored !== null && typeof stored === "object" && !Array.isArray(stored)
      ? { ...(stored as Readonly<Record<string, JsonValue>>) }
      : {};
  delete kept[read.address]; // re-inserted last: the newest
  kept[read.address] = JSON.parse(
    JSON.stringify(toStoredMapping(read.source, mapping))
  ) as JsonValue;
  const addresses = Object.keys(kept);
  for (const old of addresses.slice(0, Math.max(0, addresses.length - MAX_MAPPINGS)))
    delete kept[old];
  await port.setSetting(MAPPINGS_SETTING, kept);
}
