/**
 * The browser tests' harness: serves the built dist/ over http (scripts/serve-dist.mjs), opens
 * the playground in Debian's Chromium through playwright-core, and records every console error,
 * page error and failed request but the expected offline ones.
 */
import { type Browser, type Frame, type Page, chromium } from "playwright-core";
import { serveDist } from "../../scripts/serve-dist.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/**
 * The only failures the page is allowed: office.js from Microsoft's CDN, which cannot be reached
 * offline (the task pane then loads its own copy, officeHost.ts), and the telemetry frame
 * office.js opens outside Office. Both are network failures by design here; anything else counts.
 */
const EXPECTED_OFFLINE_HOSTS = [
  "appsforoffice.microsoft.com",
  "telemetryservice.firstpartyapps.oaspapps.com",
];

function isExpectedOffline(url: string): boolean {
  try {
    return EXPECTED_OFFLINE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export interface Playground {
  readonly page: Page;
  readonly url: string;
  /** Console errors, page errors and failed requests, in order. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openPlayground(query = ""): Promise<Playground> {
  const server = await serveDist();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const where = message.location().url;
      if (isExpectedOffline(where)) return;
      problems.push(`console error: ${message.text()} (${where})`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      if (isExpectedOffline(request.url())) return;
      // A frame's requests are cancelled when the frame goes (the pane restarting on a language
      // change): not a failure of the page.
      if (request.failure()?.errorText === "net::ERR_ABORTED" && request.frame().isDetached())
        return;
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    await page.goto(`${server.url}/playground.html${query}`);
    await page.waitForSelector("body[data-ready]");
    const opened = browser;
    return {
      page,
      url: server.url,
      problems,
      close: async () => {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** Selects a cell or range through the name box ("Examples!D4"), as a user would. */
export async function goTo(page: Page, address: string): Promise<void> {
  const nameBox = page.locator(".name-box");
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press("Enter");
}

/** The text a drawn cell shows (0-based row and column of the active sheet). */
export async function cellText(page: Page, row: number, column: number): Promise<string> {
  const cell = page.locator(
    `.grid-cells > div[data-row="${row}"][data-column="${column}"]:not([hidden])`
  );
  return (await cell.textContent()) ?? "";
}

/** Types into the selected cell as a user does (the first key starts the edit) and presses Enter. */
export async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** The task pane's frame, once its page has loaded. */
export async function paneFrame(page: Page): Promise<Frame> {
  const frame = page.frameLocator("#taskpane-frame");
  await frame.locator("body").waitFor();
  const found = page.frames().find((each) => each.url().endsWith("/taskpane.html"));
  if (!found) throw new Error("the task pane's frame is not there");
  return found;
}
