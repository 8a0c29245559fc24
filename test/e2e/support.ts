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
 * The only failure the page is allowed: office.js from Microsoft's CDN, which cannot be reached
 * offline (the task pane then loads its own copy, officeHost.ts). office.js's telemetry frame is
 * not allowed: outside Office the pane stops it (officeHost.ts), and a request for it is a failure.
 */
const EXPECTED_OFFLINE_HOSTS = ["appsforoffice.microsoft.com"];

/** The one URL outside the add-in's origin the pane may ask for: office.js on Microsoft's CDN. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function isExpectedOffline(url: string): boolean {
  try {
    return EXPECTED_OFFLINE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** One browser and one server for a test file's pages. */
export interface Session {
  readonly browser: Browser;
  readonly url: string;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const server = await serveDist();
  try {
    const browser = await chromium.launch({
      executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    return {
      browser,
      url: server.url,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export interface Playground {
  readonly page: Page;
  readonly url: string;
  /** Console errors, page errors, Content-Security-Policy violations and failed requests, in order. */
  readonly problems: string[];
  /** Every request the page and its frames made, in order (URLs). */
  readonly requests: string[];
  /** Dialogs (alert, confirm, prompt) the page or a frame opened; each is dismissed. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

/**
 * Opens the playground in a fresh browser context (its own localStorage), in the session's
 * browser when one is given, else in a browser and server of its own that close with it.
 */
export async function openPlayground(query = "", shared?: Session): Promise<Playground> {
  const session = shared ?? (await startSession());
  try {
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Reported as console errors, in every frame, before any of the page's own scripts run.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(
          `Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`
        );
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
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
      // change, asked for by the page or by the pane's own switch): not a failure of the page.
      // The frame may not yet count as detached when its cancelled requests are reported.
      const frame = request.frame();
      if (
        request.failure()?.errorText === "net::ERR_ABORTED" &&
        (frame.isDetached() || frame !== page.mainFrame())
      )
        return;
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    await page.goto(`${session.url}/playground.html${query}`);
    await page.waitForSelector("body[data-ready]");
    return {
      page,
      url: session.url,
      problems,
      requests,
      dialogs,
      close: async () => {
        await context.close();
        if (!shared) await session.close();
      },
    };
  } catch (error) {
    if (!shared) await session.close();
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

/** The task pane's frame once the pane has started (its host status drawn). */
export async function readyPane(page: Page): Promise<Frame> {
  await page.frameLocator("#taskpane-frame").locator("#host-status[data-ready]").waitFor();
  return paneFrame(page);
}

/**
 * Selects `address` through the name box, clicks Analyse in the pane and confirms the mapping it
 * guessed; resolves once the KPI cards are drawn.
 */
export async function analyse(page: Page, address: string): Promise<Frame> {
  const pane = await readyPane(page);
  await goTo(page, address);
  await pane.getByTestId("tab-analyse").click();
  await pane.getByTestId("analyse-button").click();
  await pane.getByTestId("mapping-form").waitFor();
  await pane.getByTestId("mapping-confirm").click();
  await pane.getByTestId("kpi-cards").waitFor();
  return pane;
}

/** The KPI cards' raw figures by KPI id (data-kpi → Number(data-value)). */
export async function kpiValues(pane: Frame): Promise<Record<string, number>> {
  return pane.$$eval('[data-testid="kpi-card"]', (cards) =>
    Object.fromEntries(
      cards
        .filter((card) => (card as HTMLElement).dataset["value"] !== undefined)
        .map((card) => [
          (card as HTMLElement).dataset["kpi"],
          Number((card as HTMLElement).dataset["value"]),
        ])
    )
  );
}

/**
 * Clicks a button that writes a sheet and resolves to the new sheet's name once it is written.
 * The click redraws the status line as "writing…" (no sheet name) before the first await, so
 * the name found afterwards is the new sheet's.
 */
export async function writeSheetWith(
  pane: Frame,
  button: "board-pack-button" | "whatif-write",
  status: "board-pack-status" | "whatif-status"
): Promise<string> {
  await pane.getByTestId(button).click();
  const line = pane.locator(`[data-testid="${status}"][data-sheet-name]`);
  await line.waitFor();
  return (await line.getAttribute("data-sheet-name")) ?? "";
}

/** A cell of a sheet read straight from the playground's engine: its formula (if any) and value. */
export interface EngineCell {
  readonly formula: string | null;
  /** A number, text or logical value; an error as its text ("#VALUE!"); null when blank. */
  readonly value: number | string | boolean | null;
  /** True for a cell a formula elsewhere spilled into (its value is that function's). */
  readonly spilled: boolean;
}

interface PageWorkbook {
  engine: {
    getSheetFormulas(sheet: number): (string | undefined)[][];
    getSheetValues(sheet: number): unknown[][];
    isCellPartOfArray(address: { sheet: number; row: number; col: number }): boolean;
    calculateFormula(formula: string, sheet: number): unknown;
  };
  sheetId(name: string): number;
  listSheets(): Promise<string[]>;
  getUsedRange(name: string): Promise<{ address: string } | null>;
  readValues(address: string): Promise<unknown[][]>;
}

type PlaygroundWindow = Window & { retentionMetricsPlayground: { workbook: PageWorkbook } };

/** Every cell of a sheet, by row and column (0-based), from the page's engine. */
export async function sheetCells(page: Page, sheetName: string): Promise<EngineCell[][]> {
  return page.evaluate((name) => {
    const { workbook } = (window as unknown as PlaygroundWindow).retentionMetricsPlayground;
    const sheet = workbook.sheetId(name);
    const formulas = workbook.engine.getSheetFormulas(sheet);
    const values = workbook.engine.getSheetValues(sheet);
    const plain = (value: unknown) =>
      value === null || value === undefined
        ? null
        : typeof value === "object"
          ? String((value as { value?: unknown }).value ?? value)
          : (value as number | string | boolean);
    return values.map((row, r) =>
      row.map((value, c) => {
        const formula = formulas[r]?.[c] ?? null;
        const spilled =
          formula === null && workbook.engine.isCellPartOfArray({ sheet, row: r, col: c });
        return { formula, value: plain(value), spilled };
      })
    );
  }, sheetName);
}

/** What each formula gives, computed by the page's engine on `sheetName` (errors as their text). */
export async function evaluateFormulas(
  page: Page,
  formulas: readonly string[],
  sheetName = "MRR"
): Promise<(number | string | boolean | null)[]> {
  return page.evaluate(
    ({ list, name }) => {
      const { workbook } = (window as unknown as PlaygroundWindow).retentionMetricsPlayground;
      const sheet = workbook.sheetId(name);
      return list.map((formula) => {
        const value = workbook.engine.calculateFormula(formula, sheet);
        return value !== null && typeof value === "object"
          ? String((value as { value?: unknown }).value ?? JSON.stringify(value))
          : (value as number | string | boolean | null);
      });
    },
    { list: [...formulas], name: sheetName }
  );
}

/** The workbook's sheet names, in tab order, through the page's WorkbookPort. */
export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as PlaygroundWindow).retentionMetricsPlayground.workbook.listSheets()
  );
}

/**
 * SHA-256 (hex) of the JSON of the values of the given sheets' used ranges, read through the
 * page's WorkbookPort: equal checksums mean the source data are unchanged, cell for cell.
 */
export async function checksum(page: Page, sheets: readonly string[]): Promise<string> {
  return page.evaluate(async (names) => {
    const { workbook } = (window as unknown as PlaygroundWindow).retentionMetricsPlayground;
    const parts: unknown[] = [];
    for (const name of names) {
      const used = await workbook.getUsedRange(name);
      parts.push([
        name,
        used?.address ?? null,
        used ? await workbook.readValues(used.address) : [],
      ]);
    }
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(JSON.stringify(parts))
    );
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join(
      ""
    );
  }, sheets);
}

/** The sample's source sheets, which no flow may change. */
export const SOURCE_SHEETS = ["MRR", "Ledger", "Billing", "Rates", "Survey"] as const;
