/**
 * The playground's files: CSV and clipboard text parsed into typed cells, and the workbook
 * written as .xlsx and read back with the same library (ExcelJS): formulas kept as the formulas
 * Excel reads for an add-in's functions, values saved with them, spills marked as dynamic arrays.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import { parseClipboard, parseDelimited } from "../../src/playground/files/csv";
import { readTextRows } from "../../src/playground/files/tables";
import { writeXlsx } from "../../src/playground/files/xlsxExport";
import { formulaForFile, formulaFromFile } from "../../src/playground/files/xlsxFormulas";
import { readXlsx } from "../../src/playground/files/xlsxImport";
import { excelSerial } from "../../src/playground/sampleData";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { loadBundle } from "../support/bundle";

const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);
const names = bundle.metadata.functions.map((fn) => fn.name);

describe("CSV and clipboard text", () => {
  it("parses quoted cells with commas, quotes and line breaks, and pads short rows", () => {
    const text =
      'id,name,mrr\r\n007,"Acme, Inc.","$1,200"\r\n8,"Say ""hi""\nthere",(300)\r\n9\r\n\r\n';
    expect(parseDelimited(text)).toEqual([
      ["id", "name", "mrr"],
      ["007", "Acme, Inc.", "$1,200"],
      ["8", 'Say "hi"\nthere', "(300)"],
      ["9", "", ""],
    ]);
  });

  it("reads a TSV range copied from a spreadsheet, with quoted cells", () => {
    expect(parseClipboard('a\tb\n"x\ty"\t2\n')).toEqual([
      ["a", "b"],
      ["x\ty", "2"],
    ]);
    expect(parseClipboard("one cell")).toEqual([["one cell"]]);
  });

  it("turns rows of text into typed cells with their formats; a formula in a file stays text", () => {
    const sheet = readTextRows("mrr", [
      ["id", "start", "end", "when", "note"],
      ["007", "$1,200", "12%", "2024-01-15", '=HYPERLINK("x")'],
    ]);
    expect(sheet.rows[1]).toEqual(["007", 1200, 0.12, excelSerial(2024, 0, 15), '=HYPERLINK("x")']);
    expect(sheet.cellFormats).toEqual([
      [1, 1, "$#,##0"],
      [1, 2, "0%"],
      [1, 3, "yyyy-mm-dd"],
    ]);
  });
});

describe("formulas in .xlsx files", () => {
  it("writes the add-in's functions, spill references and newer functions as Excel saves them", () => {
    expect(formulaForFile("=SAAS.NRR.PARTS(A1,B1,C1,D1)")).toBe(
      "_xldudf_SAAS_NRR_PARTS(A1,B1,C1,D1)"
    );
    expect(formulaForFile("=SAAS.COHORT('My sheet'!H2#)+SEQUENCE(1)")).toBe(
      "_xldudf_SAAS_COHORT(_xlfn.ANCHORARRAY('My sheet'!H2))+_xlfn.SEQUENCE(1)"
    );
    expect(formulaForFile('=IF(A1="SAAS.NRR(","H2#",SUM(A1:A3))')).toBe(
      'IF(A1="SAAS.NRR(","H2#",SUM(A1:A3))'
    );
  });

  it("reads them back; other formulas are left to their saved values", () => {
    expect(formulaFromFile("_xldudf_SAAS_NRR_PARTS(A1,B1,C1,D1)", names)).toBe(
      "=SAAS.NRR.PARTS(A1,B1,C1,D1)"
    );
    expect(formulaFromFile("_xldudf_SAAS_COHORT(_xlfn.ANCHORARRAY(H2))", names)).toBe(
      "=SAAS.COHORT(H2#)"
    );
    expect(formulaFromFile("SUM(A1:A3)", names)).toBeNull();
  });
});

describe("the workbook as .xlsx", () => {
  async function exported() {
    const workbook = PlaygroundWorkbook.create(
      [
        {
          name: "My data",
          rows: [
            ["start", "end", "plan", "when"],
            [100, 110, "A", excelSerial(2024, 0, 15)],
            [100, 90, "B", null],
            [100, 100, "A", null],
          ],
        },
        {
          name: "Results",
          rows: [
            [{ formula: "=SAAS.NRR('My data'!A1:A4,'My data'!B1:B4)" }, "=not a formula"],
            [{ formula: "=SAAS.NRR('My data'!A1:A4,'My data'!B1:B4,'My data'!C1:C4)" }],
            [],
            [],
            [],
            [null, { formula: "=SAAS.NRR(A1:A4," }],
          ],
        },
      ],
      buildEngine
    );
    workbook.formatRange(
      { sheet: 0, row: 1, column: 3, rowCount: 3, columnCount: 1 },
      "yyyy-mm-dd"
    );
    workbook.formatRange({ sheet: 1, row: 0, column: 0, rowCount: 1, columnCount: 1 }, "0.0%");
    return { workbook, bytes: await writeXlsx(workbook, ExcelJS) };
  }

  it("keeps =SAAS formulas as formulas with their values, read back with ExcelJS", async () => {
    const { bytes } = await exported();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["My data", "Results"]);
    const results = book.getWorksheet("Results");
    const nrr = results?.getCell("A1").value as { formula: string; result: number };
    expect(nrr.formula).toBe("_xldudf_SAAS_NRR('My data'!A1:A4,'My data'!B1:B4)");
    expect(nrr.result).toBeCloseTo(1, 12);
    expect(results?.getCell("A1").numFmt).toBe("0.0%");
    expect(results?.getCell("B1").value).toBe("=not a formula");
    // A formula the engine could not read goes out as the text typed, never as a broken formula.
    expect(results?.getCell("B6").value).toBe("=SAAS.NRR(A1:A4,");
    const table = results?.getCell("A2").value as {
      formula: string;
      shareType: string;
      ref: string;
    };
    expect(table).toMatchObject({ shareType: "array", ref: "A2:B4" });
    expect([results?.getCell("A4").value, results?.getCell("B4").value]).toEqual(["Total", 1]);
    expect(book.getWorksheet("My data")?.getCell("D2").value).toEqual(
      new Date(Date.UTC(2024, 0, 15))
    );
  });

  it("marks formulas as dynamic arrays, as Excel writes them", async () => {
    const files = unzipSync((await exported()).bytes);
    expect(strFromU8(files["xl/metadata.xml"] as Uint8Array)).toContain('fDynamic="1"');
    expect(strFromU8(files["[Content_Types].xml"] as Uint8Array)).toContain("/xl/metadata.xml");
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array)).toContain("metadata.xml");
    const results = strFromU8(files["xl/worksheets/sheet2.xml"] as Uint8Array);
    expect(results).toMatch(/<c r="A2"[^>]* cm="1"><f t="array" ref="A2:B4">_xldudf_SAAS_NRR\(/);
  });

  it("reads the export back into the playground: values, formats and the add-in's formulas", async () => {
    const { bytes } = await exported();
    const sheets = await readXlsx(bytes.buffer as ArrayBuffer, ExcelJS, names);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["My data", "Results"]);
    expect(sheets[0]?.rows[1]).toEqual([100, 110, "A", excelSerial(2024, 0, 15)]);
    expect(sheets[0]?.cellFormats).toContainEqual([1, 3, "yyyy-mm-dd"]);
    expect(sheets[1]?.rows[0]).toEqual([
      { formula: "=SAAS.NRR('My data'!A1:A4,'My data'!B1:B4)" },
      "=not a formula",
    ]);
    // The spill's saved values are not read back as constants, which would block it.
    expect(sheets[1]?.rows[1]).toEqual([
      { formula: "=SAAS.NRR('My data'!A1:A4,'My data'!B1:B4,'My data'!C1:C4)" },
      null,
    ]);
    expect(sheets[1]?.rows[2]).toEqual([null, null]);
    expect(sheets[1]?.rows[5]).toEqual([null, "=SAAS.NRR(A1:A4,"]);
  });
});
