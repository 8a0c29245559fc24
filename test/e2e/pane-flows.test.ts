/**
 * The task pane's three flows in the playground, driven as a user drives them:
 * select the MRR grid, Analyse, confirm the mapping, pick the last month; the KPI cards show what
 * the =SAAS.* functions give on the same ranges; a board pack is live =SAAS.* formulas giving the
 * same figures, and asking twice adds a second sheet; a what-if writes a scenario sheet of
 * =SAAS.PROJECT formulas. The source sheets are unchanged (checksums) after every flow, and the
 * pane only ever adds sheets. The same in Chinese: Chinese words, the very same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EngineCell,
  type Playground,
  SOURCE_SHEETS,
  type Session,
  analyse,
  checksum,
  evaluateFormulas,
  kpiValues,
  sheetCells,
  sheetNames,
  startSession,
  openPlayground,
  readyPane,
  writeSheetWith,
} from "./support";

/** The MRR sheet: A–D customer, segment, region, CSM; E–AB Jan 2024 … Dec 2025, header in row 1. */
const MRR_GRID = "MRR!A1:AB301";
/** "Last month" on that grid: Nov 2025 (AA) → Dec 2025 (AB); the months before are the history. */
const START = "MRR!AA1:AA301";
const END = "MRR!AB1:AB301";
const HISTORY = "MRR!E1:Z301";
const REVENUE_KPIS: Record<string, string> = {
  nrr: `=SAAS.NRR(${START},${END})`,
  grr: `=SAAS.GRR(${START},${END})`,
  logoRetention: `=SAAS.LOGORETENTION(${START},${END})`,
  mrrChurn: `=SAAS.MRRCHURN(${START},${END})`,
  netMrrChurn: `=SAAS.NETMRRCHURN(${START},${END})`,
  quickRatio: `=SAAS.QUICKRATIO(${START},${END},${HISTORY})`,
};
/** The SAAS function behind each revenue KPI, as the board pack writes it. */
const KPI_FUNCTION: Record<string, string> = {
  nrr: "SAAS.NRR",
  grr: "SAAS.GRR",
  logoRetention: "SAAS.LOGORETENTION",
  mrrChurn: "SAAS.MRRCHURN",
  netMrrChurn: "SAAS.NETMRRCHURN",
  quickRatio: "SAAS.QUICKRATIO",
};
const CJK = /[\u4e00-\u9fff]/;

/** The KPI table of a board pack: for each revenue KPI, its label, formula and value. */
function packKpis(
  cells: EngineCell[][]
): Record<string, { label: string; formula: string; value: unknown }> {
  const found: Record<string, { label: string; formula: string; value: unknown }> = {};
  for (const row of cells) {
    const formula = row[1]?.formula ?? "";
    for (const [kpi, fn] of Object.entries(KPI_FUNCTION)) {
      if (formula.startsWith(`=${fn}(`) && found[kpi] === undefined)
        found[kpi] = { label: String(row[0]?.value ?? ""), formula, value: row[1]?.value };
    }
  }
  return found;
}

/** Every formula of a sheet, by cell ("r,c" → formula). */
function formulasOf(cells: EngineCell[][]): Record<string, string> {
  const formulas: Record<string, string> = {};
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.formula !== null) formulas[`${r},${c}`] = cell.formula;
    })
  );
  return formulas;
}

let session: Session;
let english: Playground;
let sourcesBefore: string;
let sheetsBefore: string[];
let englishKpis: Record<string, number>;
let englishPack: EngineCell[][];

beforeAll(async () => {
  session = await startSession();
  english = await openPlayground("", session);
  sourcesBefore = await checksum(english.page, SOURCE_SHEETS);
  sheetsBefore = await sheetNames(english.page);
});

afterAll(async () => {
  await english?.close();
  await session?.close();
});

describe("the task pane in the playground", () => {
  it("analyses the selected MRR grid: the KPI cards equal the SAAS functions on the same ranges", async () => {
    const { page } = english;
    const pane = await analyse(page, MRR_GRID);
    await pane.getByTestId("period-picker").selectOption("lastPeriod");
    englishKpis = await kpiValues(pane);
    const expected = await evaluateFormulas(page, Object.values(REVENUE_KPIS));
    Object.keys(REVENUE_KPIS).forEach((kpi, i) => {
      expect(typeof expected[i], `${kpi}: ${String(expected[i])}`).toBe("number");
      expect(englishKpis[kpi], kpi).toBe(expected[i]);
    });
    expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
    expect(await sheetNames(page)).toEqual(sheetsBefore);
  });

  it("writes a board pack of live =SAAS formulas giving the cards' figures; twice gives two sheets", async () => {
    const { page } = english;
    const pane = await readyPane(page);
    expect(await writeSheetWith(pane, "board-pack-button", "board-pack-status")).toBe("Board pack");
    expect(await writeSheetWith(pane, "board-pack-button", "board-pack-status")).toBe(
      "Board pack (2)"
    );
    expect(await sheetNames(page)).toEqual([...sheetsBefore, "Board pack", "Board pack (2)"]);

    englishPack = await sheetCells(page, "Board pack");
    const kpis = packKpis(englishPack);
    expect(Object.keys(kpis).sort()).toEqual(Object.keys(REVENUE_KPIS).sort());
    for (const [kpi, { formula, value }] of Object.entries(kpis)) {
      expect(formula, kpi).toMatch(/^=SAAS\.[A-Z]+\(MRR!\$[A-Z]+\$2:\$[A-Z]+\$301,/);
      expect(value, `${kpi}: ${formula}`).toBe(englishKpis[kpi]);
    }
    // The second pack is the same formulas on a sheet of its own, the first left as it was.
    expect(formulasOf(await sheetCells(page, "Board pack (2)"))).toEqual(formulasOf(englishPack));
    expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
  });

  it("the board pack reads as a report: a large title, ruled headings, wide names, live readings", async () => {
    const { page } = english;
    // The pane left the second pack active; it is laid out as the first.
    const drawn = (row: number, column: number) =>
      page.locator(`.grid-cells > div[data-row="${row}"][data-column="${column}"]:not([hidden])`);
    const title = await drawn(0, 0).evaluate((node) => {
      const style = getComputedStyle(node);
      return { weight: Number(style.fontWeight), size: parseFloat(style.fontSize) };
    });
    const body = await drawn(1, 0).evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(title.weight).toBeGreaterThanOrEqual(600);
    expect(title.size).toBeGreaterThan(body);
    const kpiRow = englishPack.findIndex(
      (row) => row[1]?.formula?.startsWith("=SAAS.NRR(") ?? false
    );
    // The KPI table's heading (two rows above its first figure) is ruled under, across A–F.
    const kpiHeading = kpiRow - 2;
    const rule = await drawn(kpiHeading, 3).evaluate(
      (node) => getComputedStyle(node).borderBottomStyle
    );
    expect(rule).toBe("solid");
    // Names get the room they need: column A is wider than the figures' columns.
    const widthOf = async (column: number) =>
      (await drawn(kpiRow, column).boundingBox())?.width ?? 0;
    expect(await widthOf(0)).toBeGreaterThan(1.5 * (await widthOf(1)));
    // The reading beside NRR is the card's, chosen by a formula from the figure as it is now.
    const pane = await readyPane(page);
    const cardReading = await pane
      .locator('[data-testid="kpi-card"][data-kpi="nrr"] .reading')
      .first()
      .textContent();
    expect(englishPack[kpiRow]?.[2]?.formula).toMatch(/^=IFERROR\(IF\(\$B\$\d+>1,/);
    expect(englishPack[kpiRow]?.[2]?.value).toBe(cardReading);
    expect(await drawn(kpiRow, 2).textContent()).toBe(cardReading);
    // Figures shown in their formats: a percentage, an amount with thousands separators, a month.
    expect(await drawn(kpiRow, 1).textContent()).toMatch(/^\d{1,3}\.\d%$/);
    const starting = englishPack.findIndex((row) => row[0]?.value === "Starting MRR");
    expect(await drawn(starting, 1).textContent()).toMatch(/^\d{1,3}(,\d{3})+$/);
    const from = englishPack.findIndex((row) => row[0]?.value === "From");
    expect(await drawn(from, 1).textContent()).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    // Each segment table is headed by its own column's name, as in the MRR sheet.
    for (const column of ["Region", "CSM"]) {
      const heading = englishPack.findIndex((row) => row[0]?.value === `By ${column}`);
      expect(heading, column).toBeGreaterThan(0);
      expect(englishPack[heading + 1]?.[0]?.value).toBe(column);
    }
  });

  it("runs a what-if and writes the scenario as =SAAS.PROJECT formulas that evaluate", async () => {
    const { page } = english;
    const pane = await readyPane(page);
    await pane.getByTestId("tab-whatIf").click();
    const result = pane.getByTestId("whatif-result");
    const before = Number(await result.getAttribute("data-scenario-mrr"));
    const churn = pane.getByTestId("whatif-churn");
    await churn.focus();
    for (let step = 0; step < 10; step++) await churn.press("ArrowRight"); // +1 point of churn a month
    const baselineMrr = Number(await result.getAttribute("data-baseline-mrr"));
    const scenarioMrr = Number(await result.getAttribute("data-scenario-mrr"));
    expect(before).toBeCloseTo(baselineMrr, 6);
    expect(scenarioMrr).toBeLessThan(baselineMrr);
    await expect(pane.getByTestId("whatif-chart").count()).resolves.toBe(1);

    const name = await writeSheetWith(pane, "whatif-write", "whatif-status");
    expect(await sheetNames(page)).toEqual([...sheetsBefore, "Board pack", "Board pack (2)", name]);
    const cells = await sheetCells(page, name);
    // B18 and C18: each projection spills its months from there; B14 and C14 take the last month.
    expect(cells[17]?.[1]?.formula).toMatch(/^=SAAS\.PROJECT\(/);
    expect(cells[17]?.[2]?.formula).toMatch(/^=SAAS\.PROJECT\(/);
    const months = cells.slice(17, 17 + 24);
    for (const row of months) {
      expect(typeof row[1]?.value).toBe("number");
      expect(typeof row[2]?.value).toBe("number");
    }
    expect(cells[13]?.[1]?.value).toBeCloseTo(baselineMrr, 6);
    expect(cells[13]?.[2]?.value).toBeCloseTo(scenarioMrr, 6);
    expect(months.at(-1)?.[2]?.value).toBeCloseTo(scenarioMrr, 6);
    expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
  });

  it("works in Chinese: Chinese words, the same figures, a board pack with the same formulas", async () => {
    const chinese = await openPlayground("", session);
    try {
      const { page } = chinese;
      const before = await checksum(page, SOURCE_SHEETS);
      expect(before).toBe(sourcesBefore);
      await readyPane(page); // as a user would, once the pane is there
      await page.selectOption("#language", "zh-CN");
      const pane = await analyse(page, MRR_GRID);
      await pane.getByTestId("period-picker").selectOption("lastPeriod");
      for (const testId of ["tab-analyse", "analyse-button", "board-pack-button", "kpi-cards"])
        expect(await pane.getByTestId(testId).textContent(), testId).toMatch(CJK);
      expect(await kpiValues(pane)).toEqual(englishKpis);

      const name = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      expect(name).toMatch(CJK);
      expect(await sheetNames(page)).toEqual([...sheetsBefore, name]);
      const pack = await sheetCells(page, name);
      const kpis = packKpis(pack);
      for (const [kpi, { label, value }] of Object.entries(kpis)) {
        expect(label, kpi).toMatch(CJK);
        expect(value, kpi).toBe(englishKpis[kpi]);
      }
      expect(formulasOf(pack)).toEqual(formulasOf(englishPack));
      expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
      expect(chinese.problems).toEqual([]);
    } finally {
      await chinese.close();
    }
  });

  it("had no console errors, Content-Security-Policy violations or dialogs", () => {
    expect(english.problems).toEqual([]);
    expect(english.dialogs).toEqual([]);
  });
});
