/**
 * Carries a sheet plan out through the WorkbookPort: a new sheet (the port picks a name no sheet
 * has), then cells, number formats, widths and styles, colour scales, charts and how it prints,
 * on that sheet only, then shows it.
 * Nothing here can reach a sheet the port did not just add, so the user's cells stay as they are.
 */
import type { ChartKind, WorkbookPort } from "../workbook/port";
import type { SheetPlan } from "./boardPack";

export interface WrittenSheet {
  /** The name the new sheet got ("Board pack (2)" when "Board pack" existed). */
  readonly sheetName: string;
  /** The kind each chart was drawn as, in the plan's order (a waterfall may come back as columnStacked). */
  readonly charts: readonly ChartKind[];
}

/**
 * A sheet that could not be written whole: `removed` says whether the half-written sheet was
 * taken away again (the workbook as it was) or is still there, by `sheetName`, for the user to
 * delete.
 */
export class SheetNotWritten extends Error {
  constructor(
    readonly sheetName: string,
    readonly reason: string,
    readonly removed: boolean
  ) {
    super(reason);
  }
}

/**
 * Writes the plan onto a new sheet, whole or not at all: when a step fails after the sheet was
 * added, the sheet is removed again, so no half-made board pack is left looking finished.
 */
export async function writeSheetPlan(port: WorkbookPort, plan: SheetPlan): Promise<WrittenSheet> {
  const sheetName = await port.addSheet(plan.wantedName);
  try {
    await port.writeCells(sheetName, plan.blocks);
    if (plan.numberFormats.length > 0) await port.setNumberFormats(sheetName, plan.numberFormats);
    if (plan.columnWidths?.length) await port.setColumnWidths(sheetName, plan.columnWidths);
    if (plan.cellStyles?.length) await port.setCellStyles(sheetName, plan.cellStyles);
    for (const rule of plan.colorScales) await port.addColorScale(sheetName, rule);
    const charts: ChartKind[] = [];
    // One chart at a time: each is its own batch, and a failed waterfall is retried as columns.
    for (const chart of plan.charts) charts.push(await port.addChart(sheetName, chart));
    // False where the host has no print settings: the pack is whole without them.
    if (plan.printLayout) await port.setPrintLayout(sheetName, plan.printLayout);
    await port.activateSheet(sheetName);
    return { sheetName, charts };
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    let removed = true;
    try {
      await port.removeAddedSheet(sheetName);
    } catch {
      removed = false;
    }
    throw new SheetNotWritten(sheetName, reason, removed);
  }
}
