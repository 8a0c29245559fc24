// Retakes the README's screenshots from the built add-in in headless Chromium:
//   npm run build && npm run screenshots              (all of them)
//   npm run build && npm run screenshots -- playground (only the playground's)
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
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
  if (process.argv[2] === "playground") {
    console.log("docs/images/playground.png, playground-error.png and playground-mrr.png written");
  } else {
    await paneAndHelp();
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
