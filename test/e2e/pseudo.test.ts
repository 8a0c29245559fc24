/**
 * The task pane in the pseudo-locale (`?lang=qps-ploc`): every text the pane draws and every
 * label a board pack writes comes from the catalogue, so it is accented and marked ⟦…⟧. A word of
 * plain ASCII letters left over is text the code wrote itself, which a translator would never see.
 * What may stay as it is: the user's own data (names, segments, month headers), cell addresses,
 * numbers, error values, SAAS function names and formulas, and the names of other tools
 * (ChartMogul, Stripe…) in the comparison with them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { CONVENTION_TOOLS } from "../../src/core/conventions";
import {
  type Playground,
  analyse,
  openPlayground,
  readyPane,
  sheetCells,
  startSession,
  type Session,
  writeSheetWith,
} from "./support";

/** Words the user's workbook holds: they are data, shown as they are in any language. */
async function dataWords(playground: Playground): Promise<Set<string>> {
  const words = new Set<string>();
  for (const sheet of ["MRR", "Ledger", "Billing", "Rates", "Survey"]) {
    for (const row of await sheetCells(playground.page, sheet))
      for (const cell of row)
        if (typeof cell.value === "string")
          for (const word of cell.value.match(/[\p{L}_]+/gu) ?? []) words.add(word);
    words.add(sheet);
  }
  for (const tool of CONVENTION_TOOLS) words.add(tool);
  return words;
}

/** ASCII words of `text` that are neither data nor names Excel or the add-in keep as they are. */
function leftOver(text: string, data: ReadonlySet<string>): string[] {
  const stripped = text
    .replace(/⟦[^⟧]*⟧/g, " ") // catalogue text, marked
    .replace(/=?SAAS\.[A-Z.]+(\([^)]*\))?/g, " ") // function names and formulas
    .replace(/#[A-Z/0!?_]+[!?]?/g, " ") // error values
    .replace(/\b(?:[A-Za-z][\w ]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?\b/g, " "); // cells
  return [...new Set(stripped.match(/[\p{L}_]+/gu) ?? [])].filter(
    (word) => /^[A-Za-z_]+$/.test(word) && word.length > 1 && !data.has(word)
  );
}

/** The pane's visible text, each element's own text nodes with their attribute texts. */
async function paneTexts(pane: Frame): Promise<string[]> {
  return pane.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as HTMLElement;
      if (element.closest("[hidden], script, style, svg")) continue;
      const own = [...element.childNodes]
        .filter((child) => child.nodeType === Node.TEXT_NODE)
        .map((child) => child.textContent ?? "")
        .join("")
        .trim();
      if (own) texts.push(own);
      for (const attribute of ["title", "aria-label", "placeholder"]) {
        const value = element.getAttribute(attribute);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

let session: Session;
let playground: Playground;
let data: Set<string>;

beforeAll(async () => {
  session = await startSession();
  playground = await openPlayground("?lang=qps-ploc", session);
  data = await dataWords(playground);
});

afterAll(async () => {
  await playground?.close();
  await session?.close();
});

function expectAllFromCatalogue(texts: readonly string[]): void {
  const unworded = texts
    .map((text) => ({ text, words: leftOver(text, data) }))
    .filter(({ words }) => words.length > 0);
  expect(unworded).toEqual([]);
}

describe("the task pane in the pseudo-locale", () => {
  it("starts in the pseudo-locale: its words are marked", async () => {
    const pane = await readyPane(playground.page);
    const texts = await paneTexts(pane);
    expect(texts.some((text) => text.includes("⟦"))).toBe(true);
    expectAllFromCatalogue(texts);
  });

  it("analyses the MRR grid with every text from the catalogue", async () => {
    const pane = await analyse(playground.page, "MRR!A1:AB301");
    await pane.getByTestId("period-picker").selectOption("lastPeriod");
    expectAllFromCatalogue(await paneTexts(pane));
  });

  it("writes a board pack whose labels come from the catalogue", async () => {
    const pane = await readyPane(playground.page);
    const name = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
    expect(name).toContain("⟦");
    expectAllFromCatalogue(await paneTexts(pane));
    const labels = (await sheetCells(playground.page, name))
      .flat()
      // Labels the pane wrote, not the functions' own output spilled into the calculation area.
      .filter((cell) => cell.formula === null && !cell.spilled && typeof cell.value === "string")
      .map((cell) => cell.value as string);
    expect(labels.length).toBeGreaterThan(10);
    expectAllFromCatalogue(labels);
  });

  it("models a what-if with every text from the catalogue", async () => {
    const pane = await readyPane(playground.page);
    await pane.getByTestId("tab-whatIf").click();
    await pane.getByTestId("whatif-result").waitFor();
    expectAllFromCatalogue(await paneTexts(pane));
  });

  it("analyses survey scores with every text from the catalogue", async () => {
    const pane = await analyse(playground.page, "Survey!A1:F1001");
    expectAllFromCatalogue(await paneTexts(pane));
  });

  it("had no console errors", () => {
    expect(playground.problems).toEqual([]);
  });
});
