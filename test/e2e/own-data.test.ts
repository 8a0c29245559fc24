/**
 * The playground with one's own data, in Chromium: a CSV file and an .xlsx workbook opened as new
 * sheets, a range pasted from a spreadsheet, =SAAS.NRR over the imported cells, undo, the
 * workbook kept across a reload, the export read back with ExcelJS, the format control, the
 * function hints, the pane inserting a function and following the page's language, spills that
 * survive a change of language, spill references, and starting again (Clear, New sample).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generalNumber } from "../../src/playground/format";
import {
  type Playground,
  cellText,
  goTo,
  openPlayground,
  readyPane,
  typeIntoCell,
} from "./support";

const folder = mkdtempSync(join(tmpdir(), "playground-files-"));

/** A CSV export as a billing system writes it: ids with leading zeros, money with $ and commas. */
const CSV = [
  "Customer,Plan,Jan 2025,Feb 2025",
  '007,SMB,"$1,200","$1,300"',
  "008,SMB,$800,$0",
  '009,Enterprise,"2,500","2,750"',
].join("\r\n");
/** NRR of the CSV: (1,300 + 0 + 2,750) / (1,200 + 800 + 2,500). */
const CSV_NRR = 4050 / 4500;

async function xlsxFixture(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const q1 = book.addWorksheet("Q1");
  q1.addRows([
    ["Customer", "Start", "End"],
    ["Acme", 1000, 1100],
    ["Globex", 500, 400],
  ]);
  const q2 = book.addWorksheet("Q2 data");
  q2.addRows([
    ["Customer", "Start", "End", "Renewal"],
    ["Acme", 1100, 1210, new Date(Date.UTC(2025, 5, 30))],
    ["Globex", 400, 0, new Date(Date.UTC(2025, 4, 31))],
  ]);
  q2.getCell("B2").numFmt = "$#,##0";
  await book.xlsx.writeFile(path);
}

let playground: Playground;
const csvPath = join(folder, "mrr export.csv");
const xlsxPath = join(folder, "quarters.xlsx");

beforeAll(async () => {
  writeFileSync(csvPath, CSV);
  await xlsxFixture(xlsxPath);
  playground = await openPlayground();
});

afterAll(async () => {
  await playground?.close();
});

const activeTab = () => playground.page.locator(".sheet-tab.active").textContent();
const tabs = () => playground.page.locator(".sheet-tab").allTextContents();
const formulaBar = () => playground.page.locator("#formula-input").inputValue();

/** Waits until the workbook's last change is kept in the browser. */
async function kept(): Promise<void> {
  await playground.page.locator("#keep-status", { hasText: "Kept in this browser (" }).waitFor();
}

describe("the playground with your own data", () => {
  it("opens a CSV file as a new sheet: numbers and money read as typed, ids kept as text", async () => {
    const { page } = playground;
    await page.setInputFiles("#open-file", csvPath);
    await expect.poll(activeTab).toBe("mrr export");
    expect(await tabs()).toEqual([
      "MRR",
      "Ledger",
      "Billing",
      "Rates",
      "Survey",
      "Examples",
      "mrr export",
    ]);
    expect(await cellText(page, 1, 0)).toBe("007");
    expect(await cellText(page, 1, 2)).toBe("$1,200");
    expect(await cellText(page, 3, 3)).toBe("2,750");
    expect(await cellText(page, 0, 2)).toBe("Jan 2025");
  });

  it("takes a file dropped on the workbook", async () => {
    const { page } = playground;
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(
        new File(["id\tscore\n0001\t9\n0002\t10\n"], "nps.tsv", {
          type: "text/tab-separated-values",
        })
      );
      const area = document.getElementById("sheet-area");
      area?.dispatchEvent(
        new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true })
      );
      area?.dispatchEvent(
        new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true })
      );
    });
    await expect.poll(activeTab).toBe("nps");
    expect([await cellText(page, 1, 0), await cellText(page, 2, 1)]).toEqual(["0001", "10"]);
    await page.locator('.sheet-tab[data-sheet="mrr export"]').click();
  });

  it("computes =SAAS.NRR over the imported cells, shown as % in one click", async () => {
    const { page } = playground;
    await typeIntoCell(page, "F2", "=SAAS.NRR(C1:C4,D1:D4)");
    expect(await cellText(page, 1, 5)).toBe(generalNumber(CSV_NRR));
    await goTo(page, "F2");
    await page.locator("#format-percent").click();
    await expect.poll(() => cellText(page, 1, 5)).toBe("90.0%");
    await expect(page.locator("#number-format").inputValue()).resolves.toBe("0.0%");
  });

  it("opens an .xlsx workbook, one sheet per worksheet, with its formats and dates", async () => {
    const { page } = playground;
    await page.setInputFiles("#open-file", xlsxPath);
    await expect.poll(activeTab).toBe("Q1");
    expect((await tabs()).slice(-3)).toEqual(["nps", "Q1", "Q2 data"]);
    await page.locator('.sheet-tab[data-sheet="Q2 data"]').click();
    expect(await cellText(page, 1, 1)).toBe("$1,100");
    expect(await cellText(page, 1, 3)).toBe("2025-06-30");
    await typeIntoCell(page, "F2", "=SAAS.NRR(B1:B3,C1:C3)");
    expect(await cellText(page, 1, 5)).toBe(generalNumber(1210 / 1500));
  });

  it("pastes a range copied from a spreadsheet (tab-separated, quoted cells) across cells", async () => {
    const { page } = playground;
    await page.locator('.sheet-tab[data-sheet="mrr export"]').click();
    await goTo(page, "H1");
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", 'Customer\tStart\tEnd\n"Acme, Inc."\t100\t110\nB\t"1,000"\t900\n');
      document
        .querySelector(".grid-scroll")
        ?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    });
    expect(await cellText(page, 1, 7)).toBe("Acme, Inc.");
    expect(await cellText(page, 2, 8)).toBe("1,000");
    await expect(page.locator(".name-box").inputValue()).resolves.toBe("H1:J3");
    await typeIntoCell(page, "K1", "=SAAS.NRR(I1:I3,J1:J3)");
    expect(await cellText(page, 0, 10)).toBe(generalNumber(1010 / 1100));
  });

  it("undoes and redoes an edit (Ctrl+Z, Ctrl+Y and the buttons)", async () => {
    const { page } = playground;
    await typeIntoCell(page, "C2", "2200");
    expect(await cellText(page, 1, 5)).toBe("73.6%");
    // Undo and redo redraw on the next frame.
    const shown = (row: number, column: number) => () => cellText(page, row, column);
    await page.keyboard.press("Control+z");
    await expect.poll(shown(1, 2)).toBe("$1,200");
    await expect.poll(shown(1, 5)).toBe("90.0%");
    await page.keyboard.press("Control+y");
    await expect.poll(shown(1, 5)).toBe("73.6%");
    await page.locator("#undo").click();
    await expect.poll(shown(1, 5)).toBe("90.0%");
    await expect(page.locator("#redo").isEnabled()).resolves.toBe(true);
  });

  it("keeps everything in the browser across a reload", async () => {
    const { page } = playground;
    await kept();
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await tabs()).toEqual([
      "MRR",
      "Ledger",
      "Billing",
      "Rates",
      "Survey",
      "Examples",
      "mrr export",
      "nps",
      "Q1",
      "Q2 data",
    ]);
    await expect.poll(activeTab).toBe("mrr export");
    expect(await cellText(page, 1, 0)).toBe("007");
    expect(await cellText(page, 1, 5)).toBe("90.0%");
    expect(await cellText(page, 1, 7)).toBe("Acme, Inc.");
    await goTo(page, "F2");
    await expect(formulaBar()).resolves.toBe("=SAAS.NRR(C1:C4,D1:D4)");
    await page.locator('.sheet-tab[data-sheet="Q2 data"]').click();
    expect(await cellText(page, 1, 3)).toBe("2025-06-30");
  });

  it("exports the workbook as .xlsx: read back with ExcelJS, the =SAAS formulas are formulas", async () => {
    const { page } = playground;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#export-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("retention-metrics-playground.xlsx");
    const path = join(folder, "export.xlsx");
    await download.saveAs(path);
    const bytes = readFileSync(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    expect(book.worksheets.map((sheet) => sheet.name)).toContain("mrr export");
    const sheet = book.getWorksheet("mrr export");
    const nrr = sheet?.getCell("F2").value as { formula: string; result: number };
    expect(nrr.formula).toBe("_xldudf_SAAS_NRR(C1:C4,D1:D4)");
    expect(nrr.result).toBeCloseTo(CSV_NRR, 12);
    expect(sheet?.getCell("F2").numFmt).toBe("0.0%");
    expect(sheet?.getCell("A2").value).toBe("007");
    const examples = book.getWorksheet("Examples");
    expect((examples?.getCell("D4").value as { formula: string }).formula).toMatch(
      /^_xldudf_SAAS_NRR\(MRR!/
    );
    const files = unzipSync(new Uint8Array(bytes));
    expect(strFromU8(files["xl/metadata.xml"] as Uint8Array)).toContain('fDynamic="1"');
  });

  it("offers the functions while typing =SAAS., then the current argument's name and help", async () => {
    const { page } = playground;
    await goTo(page, "mrr export!F6");
    await page.keyboard.type("=SAAS.NR");
    const hints = page.locator("#function-hints");
    await expect(hints.locator(".hint-item code").allTextContents()).resolves.toEqual([
      "SAAS.NRR",
      "SAAS.NRR.PARTS",
    ]);
    await expect(hints.locator(".hint-item").first().textContent()).resolves.toMatch(
      /Net revenue retention/
    );
    await page.keyboard.press("Tab");
    await expect(page.locator(".grid-editor").inputValue()).resolves.toBe("=SAAS.NRR(");
    await expect(hints.locator(".hint-help").textContent()).resolves.toMatch(/^start_mrr: /);
    await page.keyboard.type("C1:C4,");
    await expect(hints.locator(".hint-signature b").textContent()).resolves.toBe("end_mrr");
    await page.keyboard.type("D1:D4,B1:B4)");
    await page.keyboard.press("Enter");
    expect(await cellText(page, 5, 5)).toBe("SMB");
    expect(await cellText(page, 7, 5)).toBe("Total");
  });

  it("reads a spill through a spill reference (F6#)", async () => {
    const { page } = playground;
    await typeIntoCell(page, "mrr export!L6", "=ROWS(F6#)*10+COLUMNS(F6#)");
    expect(await cellText(page, 5, 11)).toBe("32");
    await goTo(page, "mrr export!L6");
    await expect(formulaBar()).resolves.toBe("=ROWS(F6#)*10+COLUMNS(F6#)");
  });

  it("inserts a function from the pane's Functions tab at the selected cell", async () => {
    const { page } = playground;
    const pane = await readyPane(page);
    await goTo(page, "mrr export!F12");
    await pane.locator("#tab-functions").click();
    await pane.locator('[data-function-id="GRR"] [data-testid="insert-function"]').click();
    await expect.poll(() => page.locator(".grid-editor").inputValue()).toBe("=SAAS.GRR(");
    await page.keyboard.type("C1:C4,D1:D4)");
    await page.keyboard.press("Enter");
    // GRR caps each customer at its start: (1,200 + 0 + 2,500) / 4,500.
    expect(await cellText(page, 11, 5)).toBe(generalNumber(3700 / 4500));
  });

  it("keeps spills through a change of language, and the pane follows the page's language", async () => {
    const { page } = playground;
    const pane = await readyPane(page);
    await pane.getByTestId("language-switch").selectOption("zh-CN");
    await expect.poll(() => page.locator("#language").inputValue()).toBe("zh-CN");
    await expect(page.locator("#help-link").getAttribute("href")).resolves.toBe("help.zh-CN.html");
    const chinese = await readyPane(page);
    await expect(chinese.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await goTo(page, "Examples!D5");
    expect(await cellText(page, 4, 3)).toBe("SMB");
    expect(await cellText(page, 21, 3)).toBe("North America");
    expect(await cellText(page, 28, 3)).toBe("Starting MRR");
    await page.selectOption("#language", "en-US");
    await readyPane(page);
    expect(await cellText(page, 4, 3)).toBe("SMB");
  });

  it("starts again from an empty workbook (Clear) or the sample (New sample), and keeps that", async () => {
    const { page } = playground;
    await readyPane(page);
    await page.waitForLoadState("networkidle"); // nothing of this page is cut short by leaving it
    let loaded = page.waitForEvent("load");
    await page.locator("#clear-workbook").click();
    await loaded;
    await page.waitForSelector("body[data-ready]");
    expect(page.url()).toMatch(/playground\.html$/);
    expect(await tabs()).toEqual(["Sheet1"]);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await tabs()).toEqual(["Sheet1"]);
    loaded = page.waitForEvent("load");
    await page.locator("#new-sample").click();
    await loaded;
    await page.waitForSelector("body[data-ready]");
    expect(await tabs()).toEqual(["MRR", "Ledger", "Billing", "Rates", "Survey", "Examples"]);
  });

  it("had no console errors, and asked nothing of any other site but office.js", () => {
    expect(playground.problems).toEqual([]);
    const elsewhere = playground.requests.filter(
      (url) =>
        !url.startsWith(`${playground.url}/`) &&
        !url.startsWith("https://appsforoffice.microsoft.com/")
    );
    expect(elsewhere).toEqual([]);
  });
});
