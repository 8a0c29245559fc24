/**
 * Reading what the user selected, and remembering how its columns were mapped, through the
 * WorkbookPort: the pane's only reads of the workbook, and its only write outside new sheets
 * (document settings, which are the add-in's own, never a cell).
 */
import type { SourceCells, SourceMapping } from "../analysis";
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

/** Reads the data the user selected, reporting progress while a large range arrives. */
export async function readSelectedData(
  port: WorkbookPort,
  onProgress?: (progress: ReadProgress) => void
): Promise<ReadSource | null> {
  const range = rangeToRead(await port.getSelection());
  if (range === null) return null;
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

/** The mapping remembered for a range, when it still fits the cells read. */
export async function recallMapping(
  port: WorkbookPort,
  read: ReadSource
): Promise<SourceMapping | null> {
  const stored = await port.getSetting(MAPPINGS_SETTING);
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return null;
  const mapping = (stored as Readonly<Record<string, JsonValue>>)[read.address];
  return fitsCells(mapping, read.source) ? (mapping as unknown as SourceMapping) : null;
}

/** Remembers the confirmed mapping of a range in the workbook (document settings). */
export async function rememberMapping(
  port: WorkbookPort,
  address: string,
  mapping: SourceMapping
): Promise<void> {
  const stored = await port.getSetting(MAPPINGS_SETTING);
  const kept: Record<string, JsonValue> =
    stored !== null && typeof stored === "object" && !Array.isArray(stored)
      ? { ...(stored as Readonly<Record<string, JsonValue>>) }
      : {};
  delete kept[address]; // re-inserted last: the newest
  kept[address] = JSON.parse(JSON.stringify(mapping)) as JsonValue;
  const addresses = Object.keys(kept);
  for (const old of addresses.slice(0, Math.max(0, addresses.length - MAX_MAPPINGS)))
    delete kept[old];
  await port.setSetting(MAPPINGS_SETTING, kept);
}

/**
 * Whether a stored value is a mapping whose rows and columns lie inside the cells read: a sheet
 * edited since (columns deleted, rows removed) makes it stale, and the fresh guess is used.
 */
function fitsCells(value: JsonValue | undefined, source: SourceCells): boolean {
  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value))
    return false;
  const mapping = value as Readonly<Record<string, JsonValue>>;
  const rows = source.cells.length;
  const columns = source.cells[0]?.length ?? 0;
  const isRow = (n: JsonValue | undefined) =>
    typeof n === "number" && Number.isInteger(n) && n >= 0 && n < rows;
  const isColumn = (n: JsonValue | undefined) =>
    typeof n === "number" && Number.isInteger(n) && n >= 0 && n < columns;
  const segmentsFit =
    Array.isArray(mapping["segmentColumns"]) &&
    (mapping["segmentColumns"] as readonly JsonValue[]).every(
      (segment) =>
        segment !== null &&
        typeof segment === "object" &&
        !Array.isArray(segment) &&
        isColumn((segment as Readonly<Record<string, JsonValue>>)["column"]) &&
        typeof (segment as Readonly<Record<string, JsonValue>>)["name"] === "string"
    );
  if (!isRow(mapping["firstRow"]) || !isRow(mapping["lastRow"]) || !segmentsFit) return false;
  switch (mapping["kind"]) {
    case "grid":
      return (
        isRow(mapping["headerRow"]) &&
        (mapping["customerColumn"] === null || isColumn(mapping["customerColumn"])) &&
        ["month", "quarter", "year"].includes(String(mapping["period"])) &&
        Array.isArray(mapping["periodColumns"]) &&
        (mapping["periodColumns"] as readonly JsonValue[]).every(
          (period) =>
            period !== null &&
            typeof period === "object" &&
            !Array.isArray(period) &&
            isColumn((period as Readonly<Record<string, JsonValue>>)["column"]) &&
            typeof (period as Readonly<Record<string, JsonValue>>)["periodStart"] === "string"
        )
      );
    case "ledger":
      return (
        isRow(mapping["headerRow"]) &&
        isColumn(mapping["customerColumn"]) &&
        isColumn(mapping["dateColumn"]) &&
        isColumn(mapping["amountColumn"]) &&
        ["month", "quarter", "year"].includes(String(mapping["period"]))
      );
    case "survey":
      return (
        (mapping["headerRow"] === null || isRow(mapping["headerRow"])) &&
        isColumn(mapping["scoreColumn"]) &&
        ["nps", "csat", "ces"].includes(String(mapping["scale"]))
      );
    default:
      return false;
  }
}
