import { expect } from "vitest";
import type { WorkbookPort } from "../../src/workbook/port";

/**
 * What every WorkbookPort promises about a sheet it did not add: each kind of write to it is
 * refused (Excel's adapter and the playground's alike), with the same words.
 */
export async function expectEveryWriteRefused(
  workbook: WorkbookPort,
  sheet: string
): Promise<void> {
  const refusal = new RegExp(
    `Refusing to write to "${sheet}": the add-in only writes to sheets it has just added`
  );
  await expect(workbook.writeCells(sheet, [{ at: "A1", rows: [["x"]] }])).rejects.toThrow(refusal);
  await expect(workbook.setNumberFormats(sheet, [{ address: "A1", format: "0%" }])).rejects.toThrow(
    refusal
  );
  await expect(
    workbook.addColorScale(sheet, {
      address: "A1:B2",
      minimumColor: "#F8696B",
      maximumColor: "#63BE7B",
    })
  ).rejects.toThrow(refusal);
  await expect(
    workbook.addChart(sheet, {
      kind: "line",
      source: "A1:B3",
      title: "t",
      topLeft: "D2",
      bottomRight: "J15",
    })
  ).rejects.toThrow(refusal);
  await expect(workbook.activateSheet(sheet)).rejects.toThrow(refusal);
  await expect(workbook.removeAddedSheet(sheet)).rejects.toThrow(refusal);
  await expect(workbook.setColumnWidths(sheet, [{ column: 0, points: 80 }])).rejects.toThrow(
    refusal
  );
  await expect(workbook.setCellStyles(sheet, [{ address: "A1", bold: true }])).rejects.toThrow(
    refusal
  );
  await expect(
    workbook.setPrintLayout(sheet, { orientation: "landscape", fitToOnePageWide: true })
  ).rejects.toThrow(refusal);
}
