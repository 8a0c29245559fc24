// Retakes the README's screenshots from the built add-in in headless Chromium:
//   npm run build && npm run screenshots
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
  const pane = await browser.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });
  await pane.goto(`${server.url}/taskpane.html`);
  await pane.waitForSelector("#function-list li");
  await pane.waitForSelector("#host-status[data-ready]");
  await pane.screenshot({ path: "docs/images/taskpane.png" });

  const help = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await help.goto(`${server.url}/help.html#NRR`);
  await help.screenshot({ path: "docs/images/help.png" });
  console.log("docs/images/taskpane.png and docs/images/help.png written");
} finally {
  await browser.close();
  await server.close();
}
