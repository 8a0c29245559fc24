/**
 * The pane's charts and tables as drawn in Chromium, in a 320 px pane and a wide one
 * (docs/task-pane.md): the bridge is a waterfall from zero in the palette's colours, each step
 * that moved at least the least height, a bar's height its amount; the trend is in percent with
 * a dashed 100% line; the what-if's axis is readable; no label of a chart runs outside it or
 * onto another; no table breaks a word in the middle, and the pane itself never scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { PALETTE } from "../../src/taskpane/palette";
import {
  type Playground,
  type Session,
  analyse,
  goTo,
  openPlayground,
  readyPane,
  sheetCells,
  startSession,
} from "./support";

/** The narrowest pane the pane is drawn for, and a wide one. */
const WIDTHS = [320, 760] as const;

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Docks the pane at `width` px, as a user drags its edge. */
async function paneWidth(page: Page, width: number): Promise<void> {
  await page.evaluate((px) => {
    (document.querySelector(".pane-area") as HTMLElement).style.width = `${px}px`;
  }, width);
  await page.waitForFunction(
    (px) => (document.querySelector("#taskpane-frame") as HTMLElement).clientWidth === px - 1,
    width
  );
}

/** Picks a period and waits for the analysis of that span to be drawn. */
async function pickLastMonth(pane: Frame): Promise<void> {
  await pane.getByTestId("period-picker").selectOption("lastPeriod");
  await pane.waitForFunction(() => {
    const span = document.querySelector<HTMLElement>('[data-testid="period-span"]');
    return span !== null && Number(span.dataset["end"]) - Number(span.dataset["start"]) === 1;
  });
}

/** Texts of the pane's charts that reach outside their chart, with where they are. */
async function clippedChartTexts(pane: Frame): Promise<string[]> {
  return pane.$$eval("svg.chart", (charts) =>
    charts.flatMap((chart) => {
      const frame = chart.getBoundingClientRect();
      return [...chart.querySelectorAll("text")]
        .filter((text) => (text.textContent ?? "") !== "")
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return (
            box.left < frame.left - 0.5 ||
            box.right > frame.right + 0.5 ||
            box.top < frame.top - 0.5 ||
            box.bottom > frame.bottom + 0.5
          );
        })
        .map((text) => `${chart.getAttribute("data-testid")}: "${text.textContent}"`);
    })
  );
}

/** Pairs of value labels on the bridge that overlap on screen. */
async function overlappingBridgeLabels(pane: Frame): Promise<string[]> {
  return pane.$$eval('[data-testid="bridge-chart"] text.value', (texts) => {
    const boxes = texts.map((text) => ({
      text: text.textContent ?? "",
      box: text.getBoundingClientRect(),
    }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const apart =
          a.box.right <= b.box.left ||
          b.box.right <= a.box.left ||
          a.box.bottom <= b.box.top ||
          b.box.bottom <= a.box.top;
        if (!apart) found.push(`${a.text} / ${b.text}`);
      })
    );
    return found;
  });
}

/**
 * Words the pane draws on two lines: each word (between spaces and hyphens, where a line may
 * break) of the matched elements' text, measured as laid out.
 */
async function wordsBrokenInside(pane: Frame, selector: string): Promise<string[]> {
  return pane.$$eval(selector, (elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      if ((element as HTMLElement).offsetParent === null) continue; // not shown
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\-‐–—/]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set(
            [...range.getClientRects()]
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top))
          );
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** Tables wider than the pane that are not in a box of their own that scrolls sideways. */
async function tablesOverflowingThePane(pane: Frame): Promise<string[]> {
  return pane.$$eval("table", (tables) =>
    tables
      .filter((table) => {
        const box = table.parentElement as HTMLElement;
        const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
        return !scrolls && table.getBoundingClientRect().right > document.body.clientWidth + 0.5;
      })
      .map((table) => table.getAttribute("data-testid") ?? "table")
  );
}

/** Cells set to break words anywhere, which a narrow pane would take up. */
async function cellsBreakingAnywhere(pane: Frame): Promise<number> {
  return pane.$$eval(
    "table th, table td",
    (cells) =>
      cells.filter((cell) => {
        const style = getComputedStyle(cell);
        return (
          ["anywhere", "break-word"].includes(style.overflowWrap) ||
          ["break-all", "break-word"].includes(style.wordBreak)
        );
      }).length
  );
}

const TEXT_BLOCKS =
  "table th, table td, .kpi h3, .kpi p, .field label, fieldset legend, .check, .slider label";

describe.each(WIDTHS)("the pane's charts and tables at %i px", (width) => {
  let playground: Playground;
  let pane: Frame;

  beforeAll(async () => {
    playground = await openPlayground("", session);
    await paneWidth(playground.page, width);
    await readyPane(playground.page);
    pane = await analyse(playground.page, "MRR!A1:AB301");
    await pickLastMonth(pane);
  });

  afterAll(async () => {
    await playground?.close();
  });

  it("draws the bridge as a waterfall whose axis starts at zero", async () => {
    const chart = pane.getByTestId("bridge-chart");
    expect(await chart.getAttribute("data-axis-min")).toBe("0");
    const zeroY = Number(await chart.getAttribute("data-zero-y"));
    const axisMax = Number(await chart.getAttribute("data-axis-max"));
    const zeroLine = pane.getByTestId("bridge-zero");
    expect(Number(await zeroLine.getAttribute("y1"))).toBeCloseTo(zeroY, 6);
    expect(await chart.locator('text.tick[data-value="0"]').count()).toBe(1);
    const topTickY = Number(
      await chart.locator(`line.grid[data-value="${axisMax}"]`).getAttribute("y1")
    );
    const totals = await chart.locator('rect[data-kind="total"]').evaluateAll((rects) =>
      rects.map((rect) => ({
        bottom: Number(rect.getAttribute("y")) + Number(rect.getAttribute("height")),
        height: Number(rect.getAttribute("height")),
        amount: Number(rect.getAttribute("data-amount")),
      }))
    );
    expect(totals).toHaveLength(2);
    for (const total of totals) {
      // Standing on zero, and as tall as its amount on an axis from zero to the top tick.
      expect(total.bottom).toBeCloseTo(zeroY, 6);
      expect(total.height / (zeroY - topTickY)).toBeCloseTo(total.amount / axisMax, 3);
    }
  });

  it("draws every step that moved at least the least height, coloured by what it is", async () => {
    const chart = pane.getByTestId("bridge-chart");
    const minimum = Number(await chart.getAttribute("data-min-step-height"));
    expect(minimum).toBeGreaterThan(0);
    const rows = await pane.locator('[data-testid="bridge-table"] tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        step: (tr as HTMLElement).dataset["step"] ?? "",
        value: Number((tr as HTMLElement).dataset["value"]),
      }))
    );
    const bars = await chart.locator("rect.bar").evaluateAll((rects) =>
      rects.map((rect) => ({
        step: rect.getAttribute("data-step") ?? "",
        kind: rect.getAttribute("data-kind") ?? "",
        fill: rect.getAttribute("fill") ?? "",
        height: Number(rect.getAttribute("height")),
        shown: rect.getBoundingClientRect().height,
      }))
    );
    const moved = rows.filter(
      (row) => row.step !== "startMrr" && row.step !== "endMrr" && row.value !== 0
    );
    expect(moved.length).toBeGreaterThanOrEqual(4);
    for (const row of moved) {
      const bar = bars.find((each) => each.step === row.step);
      expect(bar, row.step).toBeDefined();
      expect(bar?.height).toBeGreaterThanOrEqual(minimum);
      expect(bar?.shown).toBeGreaterThanOrEqual(2);
      const kind = row.value > 0 ? "gain" : "loss";
      expect(bar?.kind).toBe(kind);
      expect(bar?.fill).toBe(PALETTE[kind]);
    }
    for (const bar of bars.filter((each) => each.kind === "total"))
      expect(bar.fill).toBe(PALETTE.total);
    // Each bar's amount is written on the chart, as the table beside it words it.
    const values = await chart.locator("text.value").allTextContents();
    const amounts = await pane.locator('[data-testid="bridge-table"] td').allTextContents();
    expect(values.map((text) => text.replace(/^\+/, ""))).toEqual(amounts);
    expect(await overlappingBridgeLabels(pane)).toEqual([]);
  });

  it("draws the trend in percent against a dashed 100% line, NRR and GRR in their colours", async () => {
    const chart = pane.getByTestId("trend-chart");
    const reference = pane.getByTestId("trend-chart-reference");
    expect(await reference.getAttribute("data-value")).toBe("1");
    expect(await reference.getAttribute("stroke")).toBe(PALETTE.reference);
    expect(await reference.evaluate((line) => getComputedStyle(line).strokeDasharray)).not.toBe(
      "none"
    );
    const ticks = await chart.locator("text.tick").allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d)?%$/);
    expect(ticks).toContain("100%");
    const hundred = chart.locator('text.tick[data-value="1"]');
    const referenceY = Number(await reference.getAttribute("y1"));
    expect(Number(await hundred.getAttribute("y"))).toBeCloseTo(referenceY + 9 * 0.35, 6);
    const strokes = await chart
      .locator("path.line")
      .evaluateAll((paths) => paths.map((path) => path.getAttribute("stroke")));
    expect(strokes).toEqual([PALETTE.nrr, PALETTE.grr]);
    expect(await chart.locator("text.legend").allTextContents()).toEqual(["NRR", "GRR"]);
  });

  it("keeps every label of its charts inside them", async () => {
    expect(await clippedChartTexts(pane)).toEqual([]);
  });

  it("never breaks a word inside a table or a card, and never scrolls the pane sideways", async () => {
    expect(await cellsBreakingAnywhere(pane)).toBe(0);
    expect(await wordsBrokenInside(pane, TEXT_BLOCKS)).toEqual([]);
    expect(await tablesOverflowingThePane(pane)).toEqual([]);
    expect(
      await pane.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    ).toBe(true);
  });

  it("draws the what-if with short amounts from zero, baseline and scenario in their colours", async () => {
    await pane.getByTestId("tab-whatIf").click();
    const chart = pane.getByTestId("whatif-chart");
    await chart.waitFor();
    expect(await chart.getAttribute("data-axis-min")).toBe("0");
    const ticks = await chart.locator("text.tick").allTextContents();
    // Short amounts (1.5M, 500K): never a long figure cut at the chart's edge.
    for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d+)?[KM]?$/);
    const strokes = await chart
      .locator("path.line")
      .evaluateAll((paths) => paths.map((path) => path.getAttribute("stroke")));
    expect(strokes).toEqual([PALETTE.baseline, PALETTE.scenario]);
    expect(await clippedChartTexts(pane)).toEqual([]);
    expect(await wordsBrokenInside(pane, TEXT_BLOCKS)).toEqual([]);
    await pane.getByTestId("tab-analyse").click();
  });

  it("never breaks a word in the survey's tables", async () => {
    const survey = await analyse(playground.page, "Survey!A1:F1001");
    await survey.getByTestId("survey").waitFor();
    expect(await cellsBreakingAnywhere(survey)).toBe(0);
    expect(await wordsBrokenInside(survey, TEXT_BLOCKS)).toEqual([]);
    expect(await tablesOverflowingThePane(survey)).toEqual([]);
  });

  it("had no console errors", () => {
    expect(playground.problems).toEqual([]);
  });
});

describe("a billing export's bridge in a 320 px pane", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await openPlayground("", session);
    await paneWidth(playground.page, 320);
  });

  afterAll(async () => {
    await playground?.close();
  });

  it(
    "draws the exchange-rate effect in its own colour, and never breaks a word in the mapping",
    { timeout: 120_000 },
    async () => {
      const { page } = playground;
      const lastRow = (await sheetCells(page, "Billing")).length;
      const pane = await readyPane(page);
      await goTo(page, `Billing!A1:K${lastRow}`);
      await pane.getByTestId("analyse-button").click();
      await pane.getByTestId("mapping-form").waitFor();
      expect(await wordsBrokenInside(pane, TEXT_BLOCKS)).toEqual([]);
      await pane.getByTestId("mapping-confirm").click();
      await pane.getByTestId("bridge-chart").waitFor({ timeout: 90_000 });
      const exchange = pane.locator('[data-testid="bridge-chart"] rect[data-step="fxEffect"]');
      if ((await exchange.count()) === 0) {
        // No bar when the rates did not move the bridge: its row says 0.
        expect(
          await pane
            .locator('[data-testid="bridge-table"] tr[data-step="fxEffect"]')
            .getAttribute("data-value")
        ).toBe("0");
      } else {
        expect(await exchange.getAttribute("data-kind")).toBe("exchange");
        expect(await exchange.getAttribute("fill")).toBe(PALETTE.exchange);
      }
      expect(await clippedChartTexts(pane)).toEqual([]);
      expect(await overlappingBridgeLabels(pane)).toEqual([]);
      expect(playground.problems).toEqual([]);
    }
  );
});
