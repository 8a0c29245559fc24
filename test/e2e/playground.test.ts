/**
 * The playground in Chromium (npm run test:e2e): the page starts with no console errors, the
 * Examples sheet shows the values computed by hand from the seeded sample, a formula typed into a
 * cell computes, bad arguments show Excel's error value and message, and the real task pane loads,
 * lists the functions and reaches the workbook through the playground's WorkbookPort.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_COLUMNS, buildExamples } from "../../src/playground/examples";
import { formatValue, generalNumber } from "../../src/playground/format";
import { MRR_FIRST_MONTH_COLUMN, generateSample } from "../../src/playground/sampleData";
import type { CellValue } from "../../src/workbook/port";
import { DIST } from "../support/bundle";
import {
  type Playground,
  cellText,
  goTo,
  openPlayground,
  paneFrame,
  typeIntoCell,
} from "./support";

const sample = generateSample();
const examples = buildExamples(sample);
const functions = (
  JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8")) as {
    functions: { id: string; name: string }[];
  }
).functions;

/** NRR by hand (metrics.md): what the customers paying in month `from` pay in month `to`, over what they paid. */
function nrrByHand(from: number, to: number): number {
  let start = 0;
  let kept = 0;
  for (const row of sample.mrr.slice(1)) {
    const a = (row[MRR_FIRST_MONTH_COLUMN + from] as number | null) ?? 0;
    const b = (row[MRR_FIRST_MONTH_COLUMN + to] as number | null) ?? 0;
    if (a > 0) {
      start += a;
      kept += b;
    }
  }
  return kept / start;
}

function grrByHand(from: number, to: number): number {
  let start = 0;
  let kept = 0;
  for (const row of sample.mrr.slice(1)) {
    const a = (row[MRR_FIRST_MONTH_COLUMN + from] as number | null) ?? 0;
    const b = (row[MRR_FIRST_MONTH_COLUMN + to] as number | null) ?? 0;
    start += a;
    kept += Math.min(a, b);
  }
  return kept / start;
}

const surveyColumn = (index: number) =>
  (sample.survey ?? [])
    .slice(1)
    .map((row) => row[index])
    .filter((score): score is number => typeof score === "number");
const npsScores = surveyColumn(3);
const npsByHand =
  ((npsScores.filter((s) => s >= 9).length - npsScores.filter((s) => s <= 6).length) /
    npsScores.length) *
  100;
const csatScores = surveyColumn(4);
const csatByHand = csatScores.filter((s) => s >= 4).length / csatScores.length;

function example(label: string) {
  const found = examples.examples.find((each) => each.label === label);
  if (!found) throw new Error(`no example "${label}"`);
  return found;
}

/** The Result cell of an example, as an address. */
const resultCell = (label: string) => `Examples!D${example(label).row + 1}`;

let playground: Playground;

beforeAll(async () => {
  playground = await openPlayground();
});

afterAll(async () => {
  await playground?.close();
});

describe("the playground", () => {
  it("opens on the sample workbook with its sheets, and no console errors", async () => {
    const { page } = playground;
    await expect(page.locator(".sheet-tab").allTextContents()).resolves.toEqual([
      "MRR",
      "Ledger",
      "Billing",
      "Rates",
      "Survey",
      "Examples",
    ]);
    await expect(page.locator(".sheet-tab.active").textContent()).resolves.toBe("Examples");
    await paneFrame(page);
    expect(playground.problems).toEqual([]);
  });

  it("shows the example formulas' values as computed by hand from the sample", async () => {
    const { page } = playground;
    const cases: [string, number, string][] = [
      ["SAAS.NRR", nrrByHand(11, 23), "0.0%"],
      ["SAAS.GRR", grrByHand(11, 23), "0.0%"],
      ["SAAS.NPS", npsByHand, "0.0"],
      ["SAAS.CSAT", csatByHand, "0.0%"],
    ];
    for (const [label, expected, format] of cases) {
      await goTo(page, resultCell(label));
      const { row } = example(label);
      expect(await cellText(page, row, EXAMPLE_COLUMNS.result), label).toBe(
        formatValue(expected, format)
      );
      await expect(page.locator("#formula-input").inputValue()).resolves.toBe(
        example(label).formula
      );
    }
  });

  it("computes every example, and each error example shows its error", async () => {
    const last = Math.max(...examples.examples.map((each) => each.row)) + 1;
    const results = await playground.page.evaluate(
      (address) =>
        (
          window as unknown as {
            retentionMetricsPlayground: {
              workbook: { readValues(a: string): Promise<CellValue[][]> };
            };
          }
        ).retentionMetricsPlayground.workbook.readValues(address),
      `Examples!D1:D${last}`
    );
    for (const each of examples.examples) {
      const shown = results[each.row]?.[0];
      if (each.error) expect(shown, each.label).toBe(each.error);
      else expect(String(shown), each.label).not.toMatch(/^#/);
    }
  });

  it("computes a =SAAS.NRR formula typed into a cell", async () => {
    const { page } = playground;
    await typeIntoCell(page, "Examples!H2", "=SAAS.NRR(MRR!E1:E301,MRR!F1:F301)");
    expect(await cellText(page, 1, 7)).toBe(generalNumber(nrrByHand(0, 1)));
    await goTo(page, "Examples!H2");
    await expect(page.locator("#formula-input").inputValue()).resolves.toBe(
      "=SAAS.NRR(MRR!E1:E301,MRR!F1:F301)"
    );
  });

  it("shows Excel's error value for bad arguments, and its message when the cell is selected", async () => {
    const { page } = playground;
    await typeIntoCell(page, "Examples!H4", "=SAAS.NRR(MRR!D1:D301,MRR!E1:E301)");
    expect(await cellText(page, 3, 7)).toBe("#VALUE!");
    await goTo(page, "Examples!H4");
    const csm = sample.mrr[1]?.[3] as string;
    await expect(page.locator("#cell-message").textContent()).resolves.toBe(
      `#VALUE!  start_mrr MRR!D2: "${csm}" is text, not a number; revenue amounts must be numbers`
    );
    await goTo(page, resultCell("No starting revenue"));
    await expect(page.locator("#cell-message").textContent()).resolves.toMatch(/^#DIV\/0!/);
  });

  it("keeps what was typed when a formula cannot be read", async () => {
    const { page } = playground;
    const typed = "=SAAS.NRR(MRR!E1:E301,";
    await typeIntoCell(page, "Examples!H6", typed);
    expect(await cellText(page, 5, 7)).toBe("#ERROR!");
    await goTo(page, "Examples!H6");
    await expect(page.locator("#formula-input").inputValue()).resolves.toBe(typed);
    await expect(page.locator("#cell-message").textContent()).resolves.toMatch(/Parsing error/);
  });

  it("edits through the formula bar; Escape leaves the cell as it was; Enter moves down", async () => {
    const { page } = playground;
    await goTo(page, "Examples!H8");
    await page.keyboard.type("123");
    await page.keyboard.press("Escape");
    expect(await cellText(page, 7, 7)).toBe("");
    await page.locator("#formula-input").fill("=2*21");
    await page.locator("#formula-input").press("Enter");
    expect(await cellText(page, 7, 7)).toBe("42");
    await expect(page.locator(".name-box").inputValue()).resolves.toBe("H9");
    await page.keyboard.press("ArrowUp");
    await expect(page.locator("#formula-input").inputValue()).resolves.toBe("=2*21");
  });

  it("docks the real task pane, which lists every function", async () => {
    const pane = await paneFrame(playground.page);
    // The list may sit behind the pane's Functions tab.
    const tab = pane.locator("#tab-functions");
    if ((await tab.count()) > 0) await tab.click();
    const list = pane.locator("#function-list");
    await list
      .locator("li")
      .nth(functions.length - 1)
      .waitFor();
    const text = (await list.textContent()) ?? "";
    for (const fn of functions) expect(text, fn.name).toContain(`SAAS.${fn.name}(`);
  });

  it("lets the pane work on the workbook through the playground's port, as in Excel", async () => {
    const { page } = playground;
    const pane = await paneFrame(page);
    const added = await pane.evaluate(async () => {
      interface Port {
        listSheets(): Promise<string[]>;
        addSheet(name: string): Promise<string>;
        writeCells(sheet: string, blocks: unknown[]): Promise<void>;
        activateSheet(sheet: string): Promise<void>;
      }
      const { workbook } = (
        window.parent as unknown as { retentionMetricsPlayground: { workbook: Port } }
      ).retentionMetricsPlayground;
      const name = await workbook.addSheet("Examples");
      await workbook.writeCells(name, [
        {
          at: "A1",
          rows: [["Jan → Feb 2024 NRR", { formula: "=SAAS.NRR(MRR!E1:E301,MRR!F1:F301)" }]],
        },
      ]);
      await workbook.activateSheet(name);
      let refused = "";
      await workbook
        .writeCells("MRR", [{ at: "A1", rows: [["overwritten"]] }])
        .catch((error: Error) => (refused = error.message));
      return { name, sheets: await workbook.listSheets(), refused };
    });
    expect(added.name).toBe("Examples (2)");
    expect(added.sheets).toEqual([
      "MRR",
      "Ledger",
      "Billing",
      "Rates",
      "Survey",
      "Examples",
      "Examples (2)",
    ]);
    expect(added.refused).toMatch(/^Refusing to write to "MRR"/);
    await expect(page.locator(".sheet-tab.active").textContent()).resolves.toBe("Examples (2)");
    expect(await cellText(page, 0, 1)).toBe(generalNumber(nrrByHand(0, 1)));
    await page.locator('.sheet-tab[data-sheet="MRR"]').click();
    expect(await cellText(page, 0, 0)).toBe("Customer");
  });

  it("passes the language switch to the pane and to the functions' messages", async () => {
    const { page } = playground;
    await page.selectOption("#language", "zh-CN");
    await expect(
      page.evaluate(
        () =>
          (window as unknown as { retentionMetricsPlayground: { displayLanguage: string } })
            .retentionMetricsPlayground.displayLanguage
      )
    ).resolves.toBe("zh-CN");
    const pane = await paneFrame(page);
    await pane.waitForFunction(() => document.readyState === "complete");
    await goTo(page, resultCell("Text in a revenue range"));
    await expect(page.locator("#cell-message").textContent()).resolves.toMatch(
      /^#VALUE!\s+.*[\u4e00-\u9fff]/
    );
    await page.selectOption("#language", "en-US");
  });

  it("had no console errors from start to end", () => {
    expect(playground.problems).toEqual([]);
  });
});
