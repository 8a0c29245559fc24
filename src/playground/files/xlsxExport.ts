/**
 * The workbook as an .xlsx file, written with ExcelJS: every sheet with its values, number
 * formats, column widths and bold rows, and every formula kept as a formula with the value it
 * shows now saved with it, so the file opens in Excel with the add-in's functions computing
 * (see xlsxFormulas.ts). Spills are written as Excel writes dynamic arrays (an array formula over
 * the spill's range, marked as dynamic in the file's metadata part), so that Excel spills them
 * again instead of reading them as old-style formulas of one cell.
 */
import type { Cell, Row, Workbook } from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CellStyle } from "../model/decorations";
import type { Spreadsheet } from "../model/spreadsheet";
import { formulaForFile } from "./xlsxFormulas";

/** Excel's marker of dynamic-array formulas (the XLDAPR cell metadata Excel itself writes). */
const DYNAMIC_ARRAY_METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** An ExcelJS cell (plain data in memory: nothing to load or sync, unlike Excel's API). */
const cellOf = (row: Row, column: number): Cell => row.getCell(column);

/** Pixels of the grid to Excel's column width unit (characters). */
const characters = (pixels: number) => Math.max(1, Math.round(((pixels - 5) / 7) * 100) / 100);

type Result = number | string | boolean | { error: string } | undefined;

function resultOf(view: { value: unknown; error: { code: string } | null }): Result {
  if (view.error) return { error: view.error.code === "#ERROR!" ? "#NAME?" : view.error.code };
  const value = view.value;
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean"
    ? value
    : undefined;
}

/** The workbook as ExcelJS builds it (before the dynamic-array marks). */
export function buildXlsx(model: Spreadsheet, ExcelJS: { Workbook: new () => Workbook }): Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "Retention Metrics playground";
  for (const name of model.sheetNames()) {
    const sheet = model.sheetId(name);
    const snapshot = model.snapshotSheet(sheet);
    const worksheet = book.addWorksheet(name);
    snapshot.decorations.columnWidths.forEach((width, c) => {
      worksheet.getColumn(c + 1).width = characters(width);
    });
    const bold = new Set(snapshot.decorations.boldRows);
    const { rows: height, columns: width } = model.sheetSize(sheet);
    for (let r = 0; r < height; r++) {
      const stored = snapshot.rows[r] ?? [];
      const row = worksheet.getRow(r + 1);
      for (let c = 0; c < width; c++) {
        const cell = stored[c] ?? null;
        const view = model.cell(sheet, r, c);
        if (cell === null && view.value === null && view.error === null) continue;
        const target = cellOf(row, c + 1);
        if (
          cell !== null &&
          typeof cell === "object" &&
          "formula" in cell &&
          view.error?.code === "#ERROR!"
        ) {
          // A formula the engine could not read: kept as the text typed, not an invalid formula.
          target.value = cell.formula;
        } else if (cell !== null && typeof cell === "object" && "formula" in cell) {
          const size = view.error ? { width: 1, height: 1 } : model.spillSize(sheet, r, c);
          const last = worksheet.getCell(r + size.height, c + size.width).address;
          target.value = {
            formula: formulaForFile(cell.formula),
            result: resultOf(view),
            shareType: "array",
            ref: `${target.address}:${last}`,
          } as never;
        } else if (cell !== null && typeof cell === "object") {
          target.value = cell.refused; // text the engine refused, as typed
        } else {
          // A value, or a value of another formula's spill (saved as Excel saves a spill's cells).
          const value = cell ?? resultOf(view);
          target.value = (typeof value === "object" ? value : (value ?? null)) as never;
        }
        if (view.numberFormat !== null && typeof view.value === "number")
          target.numFmt = view.numberFormat;
        if (bold.has(r)) target.font = { bold: true };
        const style = model.styleAt(sheet, r, c);
        if (style !== null) styleCell(target, style);
      }
    }
    const print = snapshot.decorations.print;
    if (print !== undefined) {
      worksheet.pageSetup.orientation = print.orientation;
      if (print.fitToOnePageWide) {
        worksheet.pageSetup.fitToPage = true;
        worksheet.pageSetup.fitToWidth = 1;
        worksheet.pageSetup.fitToHeight = 0;
      }
      if (print.printArea !== undefined) worksheet.pageSetup.printArea = print.printArea;
    }
  }
  const active = model.sheetNames().indexOf(model.sheetName(model.activeSheet));
  book.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: "visible",
    },
  ];
  return book;
}

/** The pane's style of a cell as ExcelJS writes it (colours as ARGB). */
function styleCell(target: Cell, style: CellStyle): void {
  const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
  target.font = {
    ...target.font,
    ...(style.bold === undefined ? {} : { bold: style.bold }),
    ...(style.italic === undefined ? {} : { italic: style.italic }),
    ...(style.size === undefined ? {} : { size: style.size }),
    ...(style.color === undefined ? {} : { color: { argb: argb(style.color) } }),
  };
  if (style.fill !== undefined)
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.underline !== undefined)
    target.border = { bottom: { style: "thin", color: { argb: argb(style.underline) } } };
  if (style.align !== undefined || style.wrap !== undefined)
    target.alignment = {
      ...(style.align === undefined ? {} : { horizontal: style.align }),
      ...(style.wrap === undefined ? {} : { wrapText: style.wrap }),
    };
}

/** Marks the array formulas ExcelJS wrote as dynamic arrays (cm="1" and the metadata part). */
export function markDynamicArrays(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const path of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const xml = strFromU8(files[path] as Uint8Array);
    files[path] = strToU8(xml.replace(/<c ([^>]*?)>(<f t="array")/g, '<c $1 cm="1">$2'));
  }
  files["xl/metadata.xml"] = strToU8(DYNAMIC_ARRAY_METADATA);
  const types = strFromU8(files["[Content_Types].xml"] as Uint8Array);
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'
    )
  );
  const relations = strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array);
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    relations.replace(
      "</Relationships>",
      '<Relationship Id="rIdDynamicArrays" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'
    )
  );
  return zipSync(files);
}

/** The workbook as the bytes of an .xlsx file. */
export async function writeXlsx(
  model: Spreadsheet,
  ExcelJS: { Workbook: new () => Workbook }
): Promise<Uint8Array> {
  const buffer = await buildXlsx(model, ExcelJS).xlsx.writeBuffer();
  return markDynamicArrays(new Uint8Array(buffer as ArrayBuffer));
}
