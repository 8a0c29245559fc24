/**
 * What the add-in promises in SECURITY.md, checked in the browser: nothing a cell holds
 * is run (markup in customer names, segment labels and a sheet name shows as text); the pane asks
 * the network for nothing but its own files and office.js; the pane page carries its
 * Content-Security-Policy and breaks none of it; the pane only ever adds sheets and leaves the
 * source data as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  OFFICE_JS_CDN,
  type Playground,
  SOURCE_SHEETS,
  type Session,
  analyse,
  checksum,
  openPlayground,
  readyPane,
  sheetCells,
  sheetNames,
  startSession,
  writeSheetWith,
} from "./support";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = '"><script>window.__pwned=1</script>';
const LINK = "javascript:alert(1)";
const PAYLOADS = [IMG, SCRIPT, LINK];

/** Scripts the pane page is built with; any other <script> in it was injected. */
const PANE_SCRIPTS = [
  OFFICE_JS_CDN,
  "/taskpane.js",
  "/functions.js",
  "/office-js/office.js",
  "/office-js/o15apptofilemappingtable.js",
];

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Elements that markup in a cell would have created, in a document. */
function injected(paneScripts: readonly string[]) {
  const scripts = Array.from(document.querySelectorAll("script")).filter(
    (script) => !paneScripts.some((allowed) => script.src.endsWith(allowed))
  );
  return {
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: scripts.map((script) => script.outerHTML),
    links: document.querySelectorAll('a[href^="javascript:" i]').length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  };
}

describe("cell contents are only ever text", () => {
  it("shows markup in customer names, segment labels and a sheet name as text, running nothing", async () => {
    const playground = await openPlayground("", session);
    try {
      const { page } = playground;
      const pane = await readyPane(page);
      // A small MRR grid on a sheet named with markup, its names and labels made of markup too.
      const sheet = await page.evaluate(
        async ({ name, payloads }) => {
          interface Port {
            addSheet(name: string): Promise<string>;
            writeCells(sheet: string, blocks: unknown[]): Promise<void>;
            activateSheet(sheet: string): Promise<void>;
            select(range: object): void;
          }
          const { workbook } = (
            window as unknown as { retentionMetricsPlayground: { workbook: Port } }
          ).retentionMetricsPlayground;
          const added = await workbook.addSheet(name);
          const rows: (string | number)[][] = [
            ["Customer", "Segment", "Jan 2024", "Feb 2024", "Mar 2024"],
          ];
          payloads.forEach((payload, i) => {
            rows.push([payload, payloads[(i + 1) % payloads.length] as string, 100, 120, 90]);
            rows.push([`${payload} ${i}`, payload, 200, 0, 50]);
            rows.push([`Plain ${i}`, payload, 0, 80, 100]);
          });
          await workbook.writeCells(added, [{ at: "A1", rows }]);
          await workbook.activateSheet(added);
          workbook.select({ row: 0, column: 0, rowCount: rows.length, columnCount: 5 });
          return added;
        },
        { name: IMG, payloads: PAYLOADS }
      );
      expect(sheet).toBe(IMG);
      const sheetsBefore = await sheetNames(page);
      const sourcesBefore = await checksum(page, SOURCE_SHEETS);

      await pane.getByTestId("analyse-button").click();
      await pane.getByTestId("mapping-form").waitFor();
      // The segment column, if the guess left it out, so the labels are drawn.
      const segment = pane.locator('[data-testid="mapping-segment"][data-column="1"]');
      if ((await segment.count()) > 0 && !(await segment.isChecked())) await segment.check();
      expect(await pane.getByTestId("mapping-form").textContent()).toContain(IMG);
      await pane.getByTestId("mapping-confirm").click();
      await pane.getByTestId("kpi-cards").waitFor();
      const shown = (await pane.locator("body").textContent()) ?? "";
      for (const payload of PAYLOADS) expect(shown, payload).toContain(payload);

      const pack = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      expect(await sheetNames(page)).toEqual([...sheetsBefore, pack]);
      const packText = (await sheetCells(page, pack))
        .flat()
        .map((cell) => String(cell.value ?? ""))
        .join("\n");
      for (const payload of PAYLOADS) expect(packText, payload).toContain(payload);
      // The grid draws the pack (labels of markup) and a tab named with markup.
      await expect(page.locator(".sheet-tab").allTextContents()).resolves.toContain(IMG);

      expect(await pane.evaluate(injected, PANE_SCRIPTS)).toEqual({
        images: 0,
        scripts: [],
        links: 0,
        pwned: undefined,
      });
      expect(await page.evaluate(injected, ["/playground.js", "/functions.js"])).toEqual({
        images: 0,
        scripts: [],
        links: 0,
        pwned: undefined,
      });
      expect(playground.dialogs).toEqual([]);
      expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
      expect(playground.problems).toEqual([]);
    } finally {
      await playground.close();
    }
  });
});

describe("the network", () => {
  it("is asked for the add-in's own files and office.js only, while loading, analysing and writing a board pack", async () => {
    const playground = await openPlayground("", session);
    try {
      const { page, requests, url } = playground;
      const loaded = Date.now();
      const pane = await analyse(page, "MRR!A1:AB301");
      await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      // office.js outside Office would open its telemetry frame 3 s after loading: wait past it.
      await page.waitForTimeout(Math.max(0, 4_000 - (Date.now() - loaded)));
      const elsewhere = requests.filter(
        (request) => !request.startsWith(`${url}/`) && request !== OFFICE_JS_CDN
      );
      console.log(
        `network: ${requests.length} requests observed (${requests.filter((r) => r.startsWith(`${url}/`)).length} to the add-in's origin, ${requests.filter((r) => r === OFFICE_JS_CDN).length} for office.js on Microsoft's CDN, ${elsewhere.length} elsewhere)`
      );
      expect(elsewhere).toEqual([]);
      expect(requests).toContain(OFFICE_JS_CDN);
      expect(playground.problems).toEqual([]);
    } finally {
      await playground.close();
    }
  });
});

describe("the pane page's Content-Security-Policy", () => {
  it("is in force in the playground's pane, which runs all three flows without a violation", async () => {
    const playground = await openPlayground("", session);
    try {
      const { page } = playground;
      const sheetsBefore = await sheetNames(page);
      const sourcesBefore = await checksum(page, SOURCE_SHEETS);
      const pane = await analyse(page, "MRR!A1:AB301");
      const policy = await pane.evaluate(
        () =>
          document
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute("content") ?? ""
      );
      expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      const pack = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      await pane.getByTestId("tab-whatIf").click();
      const churn = pane.getByTestId("whatif-churn");
      await churn.focus();
      await churn.press("ArrowLeft");
      const scenario = await writeSheetWith(pane, "whatif-write", "whatif-status");
      expect(await sheetNames(page)).toEqual([...sheetsBefore, pack, scenario]);
      expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
      expect(playground.problems).toEqual([]);

      // And it is enforced: an inline script is refused (last, as the refusal is reported).
      const ran = await pane.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__inlineRan = true";
        const refused = new Promise<string>((resolve) =>
          document.addEventListener("securitypolicyviolation", (event) =>
            resolve(event.violatedDirective)
          )
        );
        document.head.append(script);
        return {
          ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
          directive: await refused,
        };
      });
      expect(ran).toEqual({ ran: false, directive: "script-src-elem" });
    } finally {
      await playground.close();
    }
  });
});

describe("the workbook", () => {
  it("is only ever added to: the port refuses writes to existing sheets, the pane adds sheets", async () => {
    const playground = await openPlayground("", session);
    try {
      const { page } = playground;
      const before = await sheetNames(page);
      const sourcesBefore = await checksum(page, SOURCE_SHEETS);
      const refused = await page.evaluate(
        async (sheets) => {
          interface Port {
            writeCells(sheet: string, blocks: unknown[]): Promise<void>;
            setNumberFormats(sheet: string, rules: unknown[]): Promise<void>;
            addChart(sheet: string, chart: unknown): Promise<unknown>;
          }
          const { workbook } = (
            window as unknown as { retentionMetricsPlayground: { workbook: Port } }
          ).retentionMetricsPlayground;
          const messages: string[] = [];
          for (const sheet of sheets) {
            for (const attempt of [
              () => workbook.writeCells(sheet, [{ at: "A1", rows: [["overwritten"]] }]),
              () => workbook.setNumberFormats(sheet, [{ address: "A1:B2", format: "0%" }]),
            ]) {
              await attempt().then(
                () => messages.push(`${sheet}: written`),
                (error: Error) => messages.push(`${sheet}: ${error.message}`)
              );
            }
          }
          return messages;
        },
        [...before]
      );
      for (const message of refused) expect(message).toMatch(/: Refusing to write to "/);
      const pane = await analyse(page, "MRR!A1:AB301");
      const first = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      const second = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      expect(await sheetNames(page)).toEqual([...before, first, second]);
      expect(await checksum(page, SOURCE_SHEETS)).toBe(sourcesBefore);
    } finally {
      await playground.close();
    }
  });
});
