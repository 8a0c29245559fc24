/**
 * Files in and out of the page: a dropped or opened .csv, .tsv or .xlsx file becomes sheets of
 * the workbook; the workbook goes out as an .xlsx download. Everything happens in the browser.
 */
import type { Workbook } from "exceljs";
import { parseDelimited } from "../files/csv";
import { type ImportedSheet, readTextRows, sheetNameOf } from "../files/tables";
import { writeXlsx } from "../files/xlsxExport";
import { readXlsx } from "../files/xlsxImport";
import type { ReadOptions } from "../model/typedValues";
import type { PlaygroundWorkbook } from "../workbook";
import { uniqueSheetName } from "../../core/sheet/addresses";

type ExcelJs = { Workbook: new () => Workbook };
let excelJs: Promise<ExcelJs> | null = null;

/**
 * ExcelJS's browser build, loaded the first time an .xlsx file is read or written: the build
 * copies it next to the page as it ships (already minified), and only this page loads it.
 */
function loadExcelJs(): Promise<ExcelJs> {
  excelJs ??= new Promise<ExcelJs>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "vendor/exceljs.min.js";
    script.onload = () => {
      const loaded = (window as unknown as { ExcelJS?: ExcelJs }).ExcelJS;
      if (loaded) resolve(loaded);
      else reject(new Error("ExcelJS did not load"));
    };
    script.onerror = () => {
      excelJs = null;
      reject(new Error("could not load vendor/exceljs.min.js"));
    };
    document.head.append(script);
  });
  return excelJs;
}

/** The sheets of one file, by its extension. */
export async function readFile(
  file: File,
  functionNames: readonly string[],
  options: ReadOptions = {}
): Promise<ImportedSheet[]> {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (extension === "xlsx")
    return readXlsx(await file.arrayBuffer(), await loadExcelJs(), functionNames);
  if (extension === "xls")
    throw new Error(`${file.name}: the old .xls format is not read; save it as .xlsx or .csv`);
  if (!["csv", "tsv", "txt"].includes(extension) && !file.type.startsWith("text/"))
    throw new Error(`${file.name}: only .csv, .tsv and .xlsx files are read`);
  const text = await file.text();
  const rows = parseDelimited(text, extension === "tsv" ? "\t" : undefined);
  return [readTextRows(sheetNameOf(file.name), rows, options)];
}

/** Adds the sheets as new tabs (under names no sheet has); returns the names given. */
export function addSheets(
  workbook: PlaygroundWorkbook,
  sheets: readonly ImportedSheet[]
): string[] {
  return sheets.map((sheet) => {
    const name = uniqueSheetName(sheet.name, workbook.sheetNames());
    workbook.addFilledSheet(name, sheet.rows, {
      cellFormats: sheet.cellFormats,
      boldRows: [0],
      columnWidths: sheet.columnWidths ?? [],
    });
    return name;
  });
}

/** Downloads the workbook as an .xlsx file. */
export async function downloadXlsx(workbook: PlaygroundWorkbook, fileName: string): Promise<void> {
  const bytes = await writeXlsx(workbook, await loadExcelJs());
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
