// Retakes the README's screenshots from the built add-in in headless Chromium:
//   npm run build && npm run screenshots              (all of them)
//   npm run build && npm run screenshots -- playground (only the playground's)
//   npm run build && npm run screenshots -- pane       (only the task pane's flows in the playground)
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serveDist } from "./serve-dist.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const server = await serveDist();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
try {
  if (process.argv[2] === "pane") {
    await paneFlows();
    console.log(
      "docs/images/pane-mapping.png, pane-kpis.png, board-pack.png, board-pack-charts.png, whatif.png and pane-zh-CN.png written"
    );
  } else {
    await playgroundPictures();
  }
} finally {
  await browser.close();
  await server.close();
}

async function paneAndHelp() {
  const pane = await browser.newPage({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
  });
  await pane.goto(`${server.url}/taskpane.html`);
  await pane.waitForSelector("#function-list li");
  await pane.waitForSelector("#host-status[data-ready]");
  await pane.screenshot({ path: "docs/images/taskpane.png" });

  const help = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await help.goto(`${server.url}/help.html#NRR`);
  await help.screenshot({ path: "docs/images/help.png" });
  console.log(
    "docs/images/playground.png, playground-error.png, playground-mrr.png, taskpane.png and help.png written"
  );
}

async function playgroundPictures() {
  // The playground: the Examples sheet, an error's message, and the MRR sheet, the pane docked.
  const playground = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  const goTo = async (address) => {
    await playground.locator(".name-box").fill(address);
    await playground.locator(".name-box").press("Enter");
  };
  await playground.goto(`${server.url}/playground.html`);
  await playground.waitForSelector("body[data-ready]");
  await playground.frameLocator("#taskpane-frame").locator("body").waitFor();
  await goTo("D4");
  await playground.waitForTimeout(1500); // the pane's start-up
  await playground.screenshot({ path: "docs/images/playground.png" });
  const labels = await playground.evaluate(() =>
    window.retentionMetricsPlayground.workbook.readValues("Examples!A:A")
  );
  const errorRow = labels.findIndex((row) => row[0] === "Text in a revenue range") + 1;
  // From below, so that the row scrolls to the top of the view.
  await goTo(`D${errorRow + 40}`);
  await goTo(`D${errorRow - 3}`);
  await goTo(`D${errorRow}`);
  await playground.screenshot({
    path: "docs/images/playground-error.png",
    clip: { x: 0, y: 0, width: 1080, height: 420 },
  });
  await goTo("MRR!A1:AB301");
  // The pane's analysis of the selection, where the pane offers it (best effort: the pane's own
  // screens are the pane's; without them the picture shows the sheet and the pane as it is).
  const paneFrame = playground.frameLocator("#taskpane-frame");
  try {
    await paneFrame.getByRole("button", { name: /analyse selection/i }).click({ timeout: 3000 });
    await paneFrame.getByRole("button", { name: /confirm/i }).click({ timeout: 3000 });
  } catch {
    // no analysis in the picture
  }
  await playground.waitForTimeout(1500);
  await playground.screenshot({ path: "docs/images/playground-mrr.png" });
  await playground.close();
  await importPicture();
  if (process.argv[2] === "playground") {
    console.log(
      "docs/images/playground.png, playground-error.png, playground-mrr.png and playground-import.png written"
    );
  } else {
    await paneAndHelp();
    await paneFlows();
    console.log(
      "docs/images/pane-mapping.png, pane-kpis.png, board-pack.png, board-pack-charts.png, whatif.png and pane-zh-CN.png written"
    );
  }
}

// Your own data (README, "Playground"): a billing system's CSV export opened as a sheet, NRR over
// it as typed, and the task pane's analysis of it.
async function importPicture() {
  const rows = [["Customer ID", "Plan", "Region", "Jan 2025", "Feb 2025"]];
  const plans = ["Starter", "Growth", "Enterprise"];
  const regions = ["EMEA", "North America", "APAC"];
  const start = [1200, 800, 2500, 450, 0, 3100, 990, 1500, 620, 0, 2750, 300, 1800, 560, 4200];
  const end = [1300, 0, 2750, 450, 700, 3400, 990, 1200, 650, 250, 2750, 0, 2100, 560, 4500];
  start.forEach((amount, i) => {
    const money = (value) => `"$${value.toLocaleString("en-US")}"`;
    rows.push([`00${1040 + i}`, plans[i % 3], regions[(i * 2) % 3], money(amount), money(end[i])]);
  });
  const file = join(mkdtempSync(join(tmpdir(), "screenshots-")), "billing-export.csv");
  writeFileSync(file, rows.map((row) => row.join(",")).join("\r\n"));

  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  const goTo = async (address) => {
    await page.locator(".name-box").fill(address);
    await page.locator(".name-box").press("Enter");
  };
  await page.goto(`${server.url}/playground.html`);
  await page.waitForSelector("body[data-ready]");
  const pane = page.frameLocator("#taskpane-frame");
  await pane.locator("#host-status[data-ready]").waitFor();
  await page.setInputFiles("#open-file", file);
  await page.locator('.sheet-tab.active[data-sheet="billing-export"]').waitFor();
  const type = async (address, text) => {
    await goTo(address);
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };
  await type("G1", "NRR");
  await type("G2", "=SAAS.NRR(D1:D16,E1:E16)");
  await type("G4", "NRR by plan");
  await type("G5", "=SAAS.NRR(D1:D16,E1:E16,B1:B16)");
  await goTo("G2");
  await page.locator("#format-percent").click();
  await goTo("H5:H8");
  await page.locator("#format-percent").click();
  await goTo("A1:E16");
  await pane.getByTestId("analyse-button").click();
  await pane.getByTestId("mapping-confirm").click();
  await pane.getByTestId("kpi-cards").waitFor();
  await page.locator("#keep-status", { hasText: "Kept in this browser (" }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: "docs/images/playground-import.png" });
  await page.close();
}

// The task pane's flows in the playground (README, "The task pane"): the mapping step, the KPI
// cards, the board pack sheet, the what-if chart, and the pane in Chinese.
async function paneFlows() {
  const open = async (language) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/playground.html?lang=${language}`);
    await page.waitForSelector("body[data-ready]");
    const pane = page.frameLocator("#taskpane-frame");
    await pane.locator("#host-status[data-ready]").waitFor();
    await page.locator(".name-box").fill("MRR!A1:AB301");
    await page.locator(".name-box").press("Enter");
    await pane.getByTestId("analyse-button").click();
    await pane.getByTestId("mapping-form").waitFor();
    return { context, page, pane };
  };
  const settle = (page) => page.waitForTimeout(400);

  const { context, page, pane } = await open("en-US");
  await pane.getByTestId("mapping-form").scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: "docs/images/pane-mapping.png" });
  await pane.getByTestId("mapping-confirm").click();
  await pane.getByTestId("kpi-cards").waitFor();
  await pane.getByTestId("period-picker").selectOption("lastPeriod");
  await pane.getByTestId("kpi-cards").scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: "docs/images/pane-kpis.png" });
  await pane.getByTestId("board-pack-button").click();
  await pane.locator('[data-testid="board-pack-status"][data-sheet-name]').waitFor();
  await settle(page);
  await page.screenshot({ path: "docs/images/board-pack.png" });
  // The pack as a reader sees it, the pane put away: the bridge and the trend with their charts.
  await page.locator("#pane-toggle").click();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.locator(".name-box").fill("A50");
  await page.locator(".name-box").press("Enter");
  await page.locator(".name-box").fill("A22");
  await page.locator(".name-box").press("Enter");
  await settle(page);
  await page.screenshot({ path: "docs/images/board-pack-charts.png" });
  await page.setViewportSize({ width: 1440, height: 860 });
  await page.locator("#pane-toggle").click();
  await page.locator(".name-box").fill("A1");
  await page.locator(".name-box").press("Enter");
  await pane.getByTestId("tab-whatIf").click();
  const churn = pane.getByTestId("whatif-churn");
  await churn.focus();
  for (let step = 0; step < 10; step++) await churn.press("ArrowRight");
  await pane.getByTestId("whatif-result").scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: "docs/images/whatif.png" });
  await context.close();

  const chinese = await open("zh-CN");
  await chinese.pane.getByTestId("mapping-confirm").click();
  await chinese.pane.getByTestId("kpi-cards").waitFor();
  await chinese.pane.getByTestId("kpi-cards").scrollIntoViewIfNeeded();
  await settle(chinese.page);
  await chinese.page.screenshot({ path: "docs/images/pane-zh-CN.png" });
  await chinese.context.close();
}
